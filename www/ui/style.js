// The interface's look, inside its shadow root: the page's CSS cannot reach it and this cannot
// leak out. Logical properties throughout, so the same rules serve RTL and LTR.
export const UI_CSS = `
:host { all: initial; }
.ui { font: 15px/1.5 system-ui, "Noto Sans Arabic", "Segoe UI", Tahoma, sans-serif; color: #1a1a1a;
  --bg: #ffffff; --line: #6b6b6b; --accent: #0b4f9c; --claim: #8a6d00; --source: #0b4f9c;
  --assessment: #6b2a8c; --unsourced: #b3261e; --shade: rgba(0,0,0,.18); }
@media (prefers-color-scheme: dark) {
  .ui { color: #f2f2f2; --bg: #1f1f1f; --line: #a0a0a0; --accent: #8cc4ff; --claim: #ffd84d;
    --source: #8cc4ff; --assessment: #e2a8ff; --unsourced: #ff8a80; --shade: rgba(0,0,0,.6); }
}
* { box-sizing: border-box; }
button, select, textarea { font: inherit; color: inherit; background: var(--bg); border: 1px solid var(--line);
  border-radius: 6px; padding: 4px 10px; min-block-size: 32px; cursor: pointer; }
button:hover { border-color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
textarea { inline-size: 100%; min-block-size: 4em; cursor: text; }
.launcher { position: fixed; inset-block-end: 12px; inset-inline-end: 28px; z-index: 2147483001; display: flex;
  gap: 6px; background: var(--bg); border: 1px solid var(--line); border-radius: 10px; padding: 6px;
  box-shadow: 0 2px 10px var(--shade); max-inline-size: calc(100vw - 40px); flex-wrap: wrap; align-items: center; }
.launcher [role=status] { padding-inline: 4px; font-size: 13px; }
.launcher button[aria-pressed=true], .launcher button[aria-expanded=true] { background: var(--accent); color: var(--bg); }
.popover { position: fixed; z-index: 2147483002; inline-size: min(360px, calc(100vw - 16px)); max-block-size: 70vh;
  overflow: auto; background: var(--bg); border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px;
  box-shadow: 0 4px 18px var(--shade); }
.popover h2 { font-size: 16px; margin: 0 0 6px; padding-inline-end: 36px; }
.popover .close, .panel .close { position: absolute; inset-block-start: 8px; inset-inline-end: 8px; }
.popover blockquote { margin: 0 0 8px; padding-inline-start: 10px; border-inline-start: 3px solid var(--line); }
.popover dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 4px 10px; }
.popover dt { font-weight: 600; }
.popover dd { margin: 0; overflow-wrap: anywhere; }
.popover .unsourced { color: var(--unsourced); font-weight: 600; }
.popover .edit { display: grid; gap: 6px; margin-block-start: 10px; border-block-start: 1px solid var(--line); padding-block-start: 8px; }
.popover .edit label { display: grid; gap: 2px; }
.popover .row { display: flex; flex-wrap: wrap; gap: 6px; }
.kind-claim { color: var(--claim); } .kind-source { color: var(--source); } .kind-assessment { color: var(--assessment); }
.panel { position: fixed; inset-block: 0; inset-inline-end: 0; z-index: 2147483000; inline-size: min(380px, 100vw);
  background: var(--bg); border-inline-start: 1px solid var(--line); box-shadow: 0 0 18px var(--shade);
  overflow: auto; padding: 14px 14px 80px; }
.panel h2 { font-size: 18px; margin: 0 0 4px; padding-inline-end: 40px; }
.panel h3 { font-size: 15px; margin: 14px 0 4px; }
.panel ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
.panel li button { inline-size: 100%; text-align: start; border-color: transparent; border-inline-start: 4px solid var(--claim); }
.panel li button.unsourced { border-inline-start-color: var(--unsourced); }
.density { position: fixed; inset-block: 0; inset-inline-end: 0; inline-size: 14px; z-index: 2147482999;
  background: color-mix(in srgb, var(--bg) 85%, transparent); border-inline-start: 1px solid var(--line); }
.density button { position: absolute; inset-inline: 1px; block-size: 12px; min-block-size: 0; padding: 0;
  border: 0; border-radius: 2px; display: flex; flex-direction: column; overflow: hidden; }
.density button span { flex: 1; }
.density .claim { background: var(--claim); } .density .source { background: var(--source); }
.density .assessment { background: var(--assessment); } .density .unsourced { background: var(--unsourced); }
.toolbar { position: fixed; z-index: 2147483003; display: flex; gap: 4px; flex-wrap: wrap; background: var(--bg);
  border: 1px solid var(--line); border-radius: 8px; padding: 4px; box-shadow: 0 2px 10px var(--shade);
  max-inline-size: calc(100vw - 16px); }
.visually-hidden { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
[hidden] { display: none !important; }
@media (max-width: 480px) {
  .launcher { inset-inline: 8px 22px; inset-block-end: 8px; }
  .panel { inline-size: 100vw; }
}
@media (prefers-reduced-motion: no-preference) { .popover, .toolbar { transition: opacity .12s; } }
`;

// In the page (light DOM), beside the mark colours: focus ring, and each highlight's start and
// end announced by screen readers through generated content's alternative text (no text is
// added to the article, so its textContent and offsets are unchanged).
export const MARK_A11Y_CSS = `
mark.isnad-mark[tabindex]:focus-visible { outline: 3px solid #0b4f9c; outline-offset: 2px; }
mark.isnad-mark[data-isnad-start]::before { content: "" / attr(data-isnad-start); }
mark.isnad-mark[data-isnad-end]::after { content: "" / attr(data-isnad-end); }
mark.isnad-mark { cursor: pointer; }`;

// Turned on to hide highlights: the marks stay, their look goes.
export const HIDDEN_MARKS_CSS = `
mark.isnad-mark { background: none !important; text-decoration: none !important; outline: none !important; color: inherit !important; cursor: auto; }`;
