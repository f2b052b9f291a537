// The reader's and editor's interface on the real demo pages, as a person uses it: by mouse,
// by keyboard only, by touch on a 360 px phone; and checked with axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { startDemo, openPage } from './harness.mjs';

let demo;
before(async () => {
  demo = await startDemo();
});
after(async () => {
  await demo?.close();
});

async function open(path, options = {}) {
  const opened = await openPage(demo, path, options.viewport, options);
  const ui = opened.page.locator('[data-isnad-ui]');
  return { ...opened, ui };
}

/** What the focused element is, looking into shadow roots. */
function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { tag: el?.localName, id: el?.dataset?.isnadId ?? null, kind: el?.dataset?.isnadKind ?? null, text: el?.textContent ?? '' };
  });
}

/** The annotations the demo holds, in short. */
function held(page) {
  return page.evaluate(() => window.isnadDemo.annotations().map((a) => ({
    id: a.id,
    kind: a.body.find((b) => b.purpose === 'classifying')?.value,
    link: a.body.find((b) => b.purpose === 'linking')?.source ?? null,
    exact: a.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact,
    isnad: a.isnad ?? {},
  })));
}

test('reader, mouse (Arabic): the popover tells kind, source and cue; its source button goes to the source', async () => {
  const { page, ui, problems } = await open('ar.html');
  assert.equal(await ui.locator('.ui').getAttribute('dir'), 'rtl');
  const status = ui.getByRole('status');
  assert.match(await status.textContent(), /^وجد إسناد [0-9٠-٩]+ ادعاء.*بلا مصدر.*(مصدر|مصادر|مصدران)/);
  // A claim linked to the Carnegie centre.
  const annotations = await held(page);
  const carnegie = annotations.find((a) => a.kind === 'source' && a.exact === 'مركز كارنيجي للشرق الأوسط');
  const said = annotations.find((a) => a.link === carnegie.id && a.kind === 'assessment');
  await page.locator(`mark[data-isnad-id="${said.id}"]`).first().hover();
  const popover = ui.getByRole('dialog');
  await popover.waitFor();
  assert.equal(await popover.getByRole('heading').textContent(), 'تقييم');
  assert.match(await popover.textContent(), /المصدر\s*مركز كارنيجي للشرق الأوسط/);
  assert.match(await popover.textContent(), /بصيغة«وصف»/);
  await popover.getByRole('button', { name: /انتقل إلى المصدر/ }).click();
  const now = await focused(page);
  assert.equal(now.id, carnegie.id, 'focus is on the source highlight');
  assert.equal(await popover.getByRole('heading').textContent(), 'مصدر');
  // An unsourced claim says so.
  const unsourced = annotations.find((a) => a.isnad.unsourced && /30%/.test(a.exact));
  await page.locator(`mark[data-isnad-id="${unsourced.id}"]`).first().click();
  assert.equal(await popover.getByRole('heading').textContent(), 'ادعاء بلا مصدر');
  assert.match(await popover.textContent(), /لم يذكر المقال مصدرًا لهذا/);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('reader, mouse (English): the panel groups claims by source, unsourced first, and jumps to one; the density bar jumps too', async () => {
  const { page, ui, problems } = await open('en.html');
  const annotations = await held(page);
  const claims = annotations.filter((a) => a.kind === 'claim');
  await ui.getByRole('button', { name: /^Claims \(\d+\)$/ }).click();
  const panel = ui.getByRole('complementary', { name: 'Claims in this article' });
  await panel.waitFor();
  const groups = await panel.getByRole('heading', { level: 3 }).allTextContents();
  const unsourced = claims.filter((c) => c.isnad.unsourced).length;
  assert.equal(groups[0], `No source given (${unsourced})`, 'unsourced claims come first, counted');
  const listed = await panel.getByRole('listitem').count();
  assert.equal(listed, claims.length, 'every claim is listed once');
  // A sourced group names its source, and holds the claims linked to it.
  const linked = claims.find((c) => c.link && !c.isnad.unsourced);
  const source = annotations.find((a) => a.id === linked.link);
  const group = panel.getByRole('region', { name: new RegExp(`^${source.exact.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  assert.ok(await group.getByRole('button', { name: linked.exact.slice(0, 30) }).count() >= 1);
  // Choosing a claim far down the page scrolls to it and focuses it.
  const last = panel.getByRole('listitem').last().getByRole('button');
  const chosenId = await last.getAttribute('data-id');
  await last.click();
  await page.waitForFunction((id) => {
    const r = document.querySelector(`mark[data-isnad-id="${id}"]`).getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }, chosenId);
  assert.equal((await focused(page)).id, chosenId);
  assert.ok(await ui.getByRole('dialog').isVisible(), 'its popover is open');
  // Close the panel; the density bar's buckets jump to what they hold.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  assert.equal(await panel.isVisible(), false);
  const bar = ui.getByRole('navigation', { name: /Where claims/ });
  const buckets = bar.getByRole('button');
  assert.ok(await buckets.count() >= 5, 'several buckets along the page');
  // One tab stop for the bar; the arrow keys move between its buckets.
  assert.equal(await bar.locator('button[tabindex="0"]').count(), 1);
  await buckets.first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await buckets.nth(3).getAttribute('tabindex'), '0');
  const bucket = buckets.nth(3);
  const label = await bucket.getAttribute('aria-label');
  assert.match(label, /^\d+ (claim|source|assessment)s?.* near “/);
  await bucket.click();
  const at = await focused(page);
  assert.equal(at.tag, 'mark');
  assert.ok(label.includes(at.text.replace(/\s+/g, ' ').trim().slice(0, 20)), `${label} names the highlight it went to (${at.text})`);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('reader: hiding highlights is remembered after a reload', async () => {
  const { page, ui, problems } = await open('en.html');
  const mark = page.locator('mark.isnad-claim').first();
  const look = () => mark.evaluate((m) => getComputedStyle(m).backgroundColor);
  const shown = await look();
  assert.notEqual(shown, 'rgba(0, 0, 0, 0)');
  await ui.getByRole('button', { name: 'Hide highlights' , exact: true }).click();
  assert.equal(await look(), 'rgba(0, 0, 0, 0)');
  assert.equal(await ui.getByRole('status').textContent(), 'Highlights hidden');
  await page.reload();
  await page.waitForFunction(() => window.isnadDemo !== undefined);
  assert.equal(await page.locator('mark.isnad-claim').first().evaluate((m) => getComputedStyle(m).backgroundColor), 'rgba(0, 0, 0, 0)');
  const toggle = ui.getByRole('button', { name: 'Show highlights' , exact: true });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  await toggle.click();
  assert.equal(await page.locator('mark.isnad-claim').first().evaluate((m) => getComputedStyle(m).backgroundColor), shown);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('reader, keyboard only: next highlight, into the popover and back, the panel, Escape returns focus', async () => {
  const { page, ui, problems } = await open('en.html');
  await page.keyboard.press('Alt+Shift+KeyN');
  const first = await focused(page);
  assert.equal(first.tag, 'mark', 'Alt+Shift+N focuses the first highlight');
  const popover = ui.getByRole('dialog');
  await popover.waitFor();
  await page.keyboard.press('Alt+Shift+KeyN');
  const second = await focused(page);
  assert.notEqual(second.id, first.id);
  await page.keyboard.press('Alt+Shift+KeyP');
  assert.equal((await focused(page)).id, first.id, 'Alt+Shift+P goes back');
  // Enter moves into the popover; Escape closes it and gives focus back to the highlight.
  await page.keyboard.press('Enter');
  assert.notEqual((await focused(page)).tag, 'mark');
  await page.keyboard.press('Escape');
  assert.equal(await popover.isVisible(), false);
  assert.equal((await focused(page)).id, first.id);
  // Highlights are in the tab order, each announced with its kind at start and end.
  let tabbed = await focused(page);
  for (let i = 0; i < 10; i += 1) {
    await page.keyboard.press('Tab');
    tabbed = await focused(page);
    if (tabbed.tag === 'mark') break;
  }
  assert.equal(tabbed.tag, 'mark');
  assert.notEqual(tabbed.id, first.id);
  const announced = await page.locator(`mark[data-isnad-id="${tabbed.id}"]`).first().evaluate((m) => getComputedStyle(m, '::before').content);
  assert.match(announced, /start of (Claim|Source|Assessment|Unsourced claim)/);
  // The panel from the keyboard: open, walk, choose, close.
  await page.keyboard.press('Alt+Shift+KeyC');
  const panel = ui.getByRole('complementary');
  await panel.waitFor();
  const inPanel = await focused(page);
  assert.equal(inPanel.tag, 'button');
  await page.keyboard.press('Tab');
  const choice = await focused(page);
  await page.keyboard.press('Enter');
  const landed = await focused(page);
  assert.equal(landed.tag, 'mark');
  assert.equal(landed.text.replace(/\s+/g, ' ').trim().slice(0, 20), choice.text.replace(/\s+/g, ' ').trim().slice(0, 20));
  await page.keyboard.press('Alt+Shift+KeyC');
  await page.keyboard.press('Alt+Shift+KeyC');
  await panel.waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await panel.isVisible(), false);
  assert.equal(await ui.getByRole('button', { name: /^Claims/ }).getAttribute('aria-expanded'), 'false');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('reader, touch on a 360 px phone: tap opens the popover, the panel fills the width and gets out of the way', async () => {
  const { page, ui, problems } = await open('ar.html', { context: { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true } });
  const mark = page.locator('mark.isnad-source').first();
  await mark.scrollIntoViewIfNeeded();
  await mark.tap();
  const popover = ui.getByRole('dialog');
  await popover.waitFor();
  const box = await popover.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 360, `popover inside the screen: ${JSON.stringify(box)}`);
  await page.locator('h1').first().tap();
  assert.equal(await popover.isVisible(), false, 'a tap elsewhere closes it');
  await ui.getByRole('button', { name: /^الادعاءات/ }).tap();
  const panel = ui.getByRole('complementary');
  assert.equal(Math.round((await panel.boundingBox()).width), 360);
  const item = panel.getByRole('listitem').first().getByRole('button');
  const id = await item.getAttribute('data-id');
  await item.tap();
  assert.equal(await panel.isVisible(), false);
  assert.equal((await focused(page)).id, id);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scrolling');
  assert.deepEqual(problems, []);
  await page.context().close();
});

/** Selects `length` characters of the first unmarked text in the article body. */
function selectPlainText(page, length = 18) {
  return page.evaluate((n) => {
    const walker = document.createTreeWalker(document.querySelector('article .article-body'), NodeFilter.SHOW_TEXT);
    let t;
    while ((t = walker.nextNode()) && (t.parentElement.closest('mark') || t.data.trim().length < n + 10));
    const from = t.data.search(/\S/);
    const range = document.createRange();
    range.setStart(t, from);
    range.setEnd(t, from + n);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return range.toString();
  }, length);
}

test('editor, mouse: mark a claim, link it to a source, rate it, note it; undo and redo; events and storage follow', async () => {
  const { page, ui, problems } = await open('en.html?mode=editor');
  await page.evaluate(() => {
    window.seen = [];
    for (const e of ['create', 'update', 'delete', 'select']) window.isnadDemo.on(e, (a) => window.seen.push(`${e}`));
  });
  const text = await selectPlainText(page);
  const toolbar = ui.getByRole('toolbar');
  await toolbar.waitFor();
  await toolbar.getByRole('button', { name: 'Mark as Claim' , exact: true }).click();
  const popover = ui.getByRole('dialog');
  await popover.waitFor();
  assert.equal(await popover.locator('blockquote').textContent(), text);
  const made = (await held(page)).find((a) => a.exact === text);
  assert.equal(made.kind, 'claim');
  // Link it to a detected source, rate it and note it (a note is text, never HTML).
  const sources = (await held(page)).filter((a) => a.kind === 'source');
  await popover.getByRole('combobox', { name: 'Source of this claim' }).selectOption(sources[0].id);
  await popover.getByRole('combobox', { name: 'Rating' }).selectOption({ label: 'Mostly false' });
  const note = '<img src=x onerror="window.pwned=1"> checked with the utility';
  await popover.getByRole('textbox', { name: 'Editor’s note' }).fill(note);
  await popover.getByRole('button', { name: 'Save', exact: true }).click();
  let now = (await held(page)).find((a) => a.id === made.id);
  assert.equal(now.link, sources[0].id);
  assert.equal(now.isnad.rating.label, 'Mostly false');
  assert.equal(now.isnad.note, note);
  assert.match(await popover.textContent(), /Mostly false \(2\/5\)/);
  assert.ok((await popover.textContent()).includes(note), 'the note is shown as typed');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  // Stored in this browser, as the editor's store.
  const storedNote = await page.evaluate((id) => JSON.stringify(Object.values({ ...localStorage })).includes(id), made.id);
  assert.ok(storedNote, 'the annotation is in localStorage');
  // Undo the change, then the creation; redo both.
  const undo = ui.getByRole('button', { name: 'Undo' , exact: true });
  await undo.click();
  now = (await held(page)).find((a) => a.id === made.id);
  assert.equal(now.link, null);
  assert.equal(now.isnad.rating, undefined);
  await undo.click();
  assert.equal((await held(page)).some((a) => a.id === made.id), false);
  assert.equal(await page.locator(`mark[data-isnad-id="${made.id}"]`).count(), 0);
  await ui.getByRole('button', { name: 'Redo' , exact: true }).click();
  await ui.getByRole('button', { name: 'Redo' , exact: true }).click();
  now = (await held(page)).find((a) => a.id === made.id);
  assert.equal(now.isnad.rating.label, 'Mostly false');
  assert.match(await ui.getByRole('status').textContent(), /^Redone: Claim changed/);
  const seen = await page.evaluate(() => window.seen);
  for (const e of ['create', 'update', 'delete', 'select']) assert.ok(seen.includes(e), `${e} was emitted (${seen})`);
  // A ClaimReview for the rated claim.
  const reviews = await page.evaluate(() => window.isnadDemo.claimReviews({ name: 'The Northern Ledger', url: 'https://ledger.example' }));
  assert.ok(reviews.some((r) => r.claimReviewed === text && r.reviewRating.alternateName === 'Mostly false'));
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('editor: reject a detection, correct the kind of another, move one to new text', async () => {
  const { page, ui, problems } = await open('en.html?mode=editor');
  const popover = ui.getByRole('dialog');
  let annotations = await held(page);
  const wrong = annotations.find((a) => a.kind === 'source');
  await page.locator(`mark[data-isnad-id="${wrong.id}"]`).first().click();
  await popover.getByRole('button', { name: 'Reject' , exact: true }).click();
  assert.equal(await page.locator(`mark[data-isnad-id="${wrong.id}"]`).count(), 0);
  assert.match(await ui.getByRole('status').textContent(), /Source deleted/);
  // The rejection lasts: after a reload, detection finds it again and the store's word wins.
  await page.reload();
  await page.waitForFunction(() => window.isnadDemo !== undefined && document.querySelector('mark.isnad-mark'));
  assert.equal(await page.locator(`mark[data-isnad-id="${wrong.id}"]`).count(), 0, 'a rejected detection stays hidden');
  assert.ok(await page.locator('mark.isnad-source').count() > 0, 'the other sources are marked');
  const claim = annotations.find((a) => a.kind === 'claim');
  // isnad.select(id) opens it as a click would.
  await page.evaluate((id) => window.isnadDemo.select(id), claim.id);
  assert.equal(await popover.locator('blockquote').textContent(), claim.exact);
  await popover.getByRole('combobox', { name: 'Kind' }).selectOption('assessment');
  await popover.getByRole('button', { name: 'Accept' , exact: true }).click();
  annotations = await held(page);
  const changed = annotations.find((a) => a.id === claim.id);
  assert.equal(changed.kind, 'assessment');
  assert.equal(changed.isnad.reviewed, 'accepted');
  assert.equal(await page.locator(`mark[data-isnad-id="${claim.id}"]`).first().getAttribute('data-isnad-kind'), 'assessment');
  assert.match(await popover.textContent(), /✓ Accepted/);
  // Move it: the annotation selected last goes to the selected text.
  const text = await selectPlainText(page, 12);
  await ui.getByRole('toolbar').getByRole('button', { name: 'Move the selected annotation here' , exact: true }).click();
  const moved = (await held(page)).find((a) => a.id === claim.id);
  assert.equal(moved.exact, text);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('editor, keyboard only (Arabic): select with Shift+arrows, Alt+Shift+2 makes a source, Alt+Shift+Z undoes', async () => {
  const { page, ui, problems } = await open('ar.html?mode=editor');
  // Go to a highlight, select its text, widen the selection by three characters.
  await page.keyboard.press('Alt+Shift+KeyN');
  await page.keyboard.press('Alt+Shift+KeyS');
  const start = await page.evaluate(() => getSelection().toString());
  assert.ok(start.length > 0);
  // In right-to-left text, the left arrow moves forward.
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift+ArrowLeft');
  const selected = await page.evaluate(() => getSelection().toString());
  assert.equal([...selected].length, [...start].length + 3, `selected «${selected}»`);
  const beforeIds = new Set((await held(page)).map((a) => a.id));
  const before = beforeIds.size;
  await page.keyboard.press('Alt+Shift+Digit2');
  await ui.getByRole('dialog').waitFor();
  const after = await held(page);
  assert.equal(after.length, before + 1);
  const made = after.filter((a) => !beforeIds.has(a.id));
  assert.equal(made.length, 1);
  assert.equal(made[0].kind, 'source');
  assert.ok(made[0].exact.includes(selected.trim()), `the source «${made[0].exact}» covers the selection «${selected}»`);
  assert.match(await ui.getByRole('status').textContent(), /^أضيف مصدر/);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+Shift+KeyZ');
  assert.equal((await held(page)).length, before);
  assert.match(await ui.getByRole('status').textContent(), /^تراجعت عن: أضيف مصدر/);
  assert.deepEqual(problems, []);
  await page.context().close();
});

for (const path of ['ar.html', 'en.html', 'ar.html?mode=editor', 'en.html?mode=editor']) {
  test(`axe-core: no serious or critical violation on ${path}, popover and panel open`, async () => {
    const { page, ui, problems } = await open(path, { context: { viewport: { width: 1280, height: 900 } } });
    await page.locator('mark.isnad-claim').first().click();
    await ui.getByRole('dialog').waitFor();
    await ui.getByRole('button', { name: /^(Claims|الادعاءات)/ }).click();
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`), []);
    assert.deepEqual(problems, []);
    await page.context().close();
  });
}

for (const { path, lang, found } of [
  { path: 'embed/script.html', lang: 'en', found: /^Isnad found/ },
  { path: 'embed/element.html', lang: 'ar', found: /^وجد إسناد/ },
  { path: 'embed/json.html', lang: 'en', found: /^Isnad found/ },
]) {
  test(`embedding: ${path} mounts with no code, under the strict CSP`, async () => {
    const { page, ui, problems } = await open(path, { ready: () => document.querySelector('[data-isnad-ui]') !== null });
    await ui.getByRole('status').filter({ hasText: found }).waitFor();
    assert.equal(await ui.locator('.ui').getAttribute('lang'), lang);
    assert.ok(await page.locator('article mark.isnad-mark').count() > 0);
    const globals = await page.evaluate(() => Object.keys(window).filter((k) => /isnad/i.test(k)));
    assert.deepEqual(globals, [], 'no global names');
    if (path.includes('element')) {
      // Editor mode from the element's attribute: the toolbar answers a selection.
      assert.ok(await ui.getByRole('button', { name: 'تراجع' , exact: true }).isVisible());
      await page.evaluate(() => document.querySelector('isnad-annotator').remove());
      assert.equal(await page.locator('article mark.isnad-mark').count(), 0, 'removing the element unmounts');
      assert.equal(await page.locator('[data-isnad-ui]').count(), 0);
    }
    assert.deepEqual(problems, []);
    await page.context().close();
  });
}

for (const { name, breakIt, expect } of [
  {
    name: 'the wasm is missing (404)',
    breakIt: (page) => page.route('**/*.wasm', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' })),
    expect: /Isnad could not start: Isnad could not load its WebAssembly \(pkg\/isnad_bg\.wasm\): the server answered 404 for http:\/\/127\.0\.0\.1:\d+\/pkg\/isnad_bg\.wasm; serve the pkg\/ folder beside isnad\.js\./,
  },
  {
    name: "the page's CSP does not allow WebAssembly",
    breakIt: (page) => page.route('**/embed/script.html', async (route) => {
      const response = await route.fetch();
      const csp = response.headers()['content-security-policy'].replace(" 'wasm-unsafe-eval'", '');
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
    }),
    expect: /Isnad could not start: .*Allow WebAssembly with script-src 'wasm-unsafe-eval'\./,
  },
]) {
  test(`loading fails clearly when ${name}; the page is unharmed`, async () => {
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (err) => problems.push(err.message));
    await breakIt(page);
    await page.goto(`${demo.baseUrl}embed/script.html`);
    const status = page.locator('[data-isnad-ui]').getByRole('status');
    await status.filter({ hasText: /could not start/ }).waitFor();
    assert.match(await status.textContent(), expect);
    assert.equal(await page.locator('article mark').count(), 0);
    assert.ok(await page.locator('article h1').isVisible());
    assert.deepEqual(problems, [], 'no uncaught error on the page');
    await context.close();
  });
}

test('editor, touch on a 360 px phone: a long-press selection, the toolbar on screen, tap to mark, tap to undo', async () => {
  const { page, ui, problems } = await open('en.html?mode=editor', { context: { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true } });
  // What a long press leaves: a selection of words.
  const text = await selectPlainText(page, 14);
  const toolbar = ui.getByRole('toolbar');
  await toolbar.waitFor();
  const box = await toolbar.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 360 && box.y >= 0, `toolbar on screen: ${JSON.stringify(box)}`);
  await toolbar.getByRole('button', { name: 'Mark as Assessment' , exact: true }).tap();
  await ui.getByRole('dialog').waitFor();
  const made = (await held(page)).find((a) => a.exact === text);
  assert.equal(made?.kind, 'assessment');
  await ui.getByRole('dialog').getByRole('button', { name: 'Close' , exact: true }).tap();
  await ui.getByRole('button', { name: 'Undo' , exact: true }).tap();
  assert.equal((await held(page)).some((a) => a.exact === text), false);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('Highlight API renderer: no element added to the article, and the popover, panel, density bar and keys still work', async () => {
  const { page, ui, problems } = await open('en.html?renderer=highlights');
  const sent = await page.evaluate(async () => {
    const html = await (await fetch(location.href)).text();
    return new DOMParser().parseFromString(html, 'text/html').querySelector('article').innerHTML;
  });
  assert.equal(await page.evaluate(() => window.isnadDemo.renderer), 'highlights');
  assert.equal(await page.locator('article mark').count(), 0);
  assert.equal(await page.evaluate(() => document.querySelector('article').innerHTML), sent, 'the article is untouched');
  assert.ok(await page.evaluate(() => CSS.highlights.get('isnad-claim').size) > 0);
  // Hover over the middle of a highlighted claim: its popover.
  const claim = (await held(page)).find((a) => a.kind === 'claim' && a.exact.length > 30 && !a.isnad.unsourced);
  const point = await page.evaluate(async (selector) => {
    const { anchor } = await import('./isnad.js');
    const found = await anchor(document.querySelector('article'), selector);
    found.range.startContainer.parentElement.scrollIntoView({ block: 'center' });
    const rects = found.range.getClientRects();
    const r = rects[0];
    return { x: r.left + Math.min(r.width / 2, 40), y: r.top + r.height / 2 };
  }, (await page.evaluate((id) => window.isnadDemo.annotations().find((a) => a.id === id).target.selector, claim.id)));
  await page.mouse.move(point.x, point.y);
  const popover = ui.getByRole('dialog');
  await popover.waitFor();
  assert.ok((await popover.locator('blockquote').textContent()).length > 0);
  // Keyboard: Alt+Shift+N opens the first one with focus in its popover, and says what it is.
  await page.mouse.move(1, 1);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+Shift+KeyN');
  await popover.waitFor();
  assert.notEqual((await focused(page)).tag, 'body');
  assert.match(await ui.getByRole('status').textContent(), /^(Claim|Source|Assessment|Unsourced claim): /);
  await page.keyboard.press('Escape');
  // The panel jumps to a claim: its popover opens.
  await ui.getByRole('button', { name: /^Claims/ }).click();
  await ui.getByRole('complementary').getByRole('listitem').last().getByRole('button').click();
  await popover.waitFor();
  assert.ok(await ui.getByRole('navigation').getByRole('button').count() >= 5, 'the density bar has buckets');
  assert.deepEqual(problems, []);
  await page.context().close();
});
