// Building the interface's elements. Text goes in as text nodes, never as HTML: page text and
// annotation bodies are untrusted.

/** `h('button', { type: 'button', onclick }, 'Close')`: attributes, listeners, text or children. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (name === 'className') el.className = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Places a floating element next to a rectangle, inside the viewport. */
export function placeNear(el, rect, rtl) {
  const gap = 6;
  const { innerWidth: vw, innerHeight: vh } = window;
  el.style.setProperty('inset', 'auto');
  const box = el.getBoundingClientRect();
  let top = rect.bottom + gap;
  if (top + box.height > vh && rect.top - gap - box.height >= 0) top = rect.top - gap - box.height;
  let left = rtl ? rect.right - box.width : rect.left;
  left = Math.max(8, Math.min(left, vw - box.width - 8));
  el.style.setProperty('top', `${Math.max(8, Math.min(top, vh - box.height - 8))}px`);
  el.style.setProperty('left', `${left}px`);
}

/** Replaces `el`'s children: nested lists flattened, empty entries skipped, strings as text. */
export function fill(el, ...children) {
  el.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false)
    .map((c) => (c instanceof Node ? c : document.createTextNode(String(c)))));
}
