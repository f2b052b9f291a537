// Generated news articles for the benchmarks: paragraphs of the dev set's real Arabic and
// English text (tests/devset/*.txt), drawn in a seeded order until the article holds the asked
// number of UTF-8 bytes of text, with inline markup (<a>, <b>, <em>, <a><b>) on a few words of
// every paragraph, as real pages have. Also: ranges to highlight, stored annotations, edits.

/** A seeded PRNG (mulberry32): the same article for the same seed, in every run. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SOURCES = {
  ar: ['seed', 'ar-01', 'ar-02', 'ar-03', 'ar-04', 'ar-05', 'ar-06'],
  en: ['en-01', 'en-02', 'en-03', 'en-04', 'en-05', 'en-06'],
};

/** The dev set's paragraphs of one language (headlines and datelines left out). */
export async function loadParagraphs(lang) {
  const out = [];
  for (const name of SOURCES[lang]) {
    const text = await (await fetch(`/devset/${name}.txt`)).text();
    for (const block of text.split(/\n\s*\n/)) {
      const p = block.replace(/\s+/g, ' ').trim();
      if (p.length >= 80) out.push(p);
    }
  }
  return out;
}

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const TAGS = [['<a href="#ref">', '</a>'], ['<b>', '</b>'], ['<em>', '</em>'], ['<a href="#ref"><b>', '</b></a>']];

/** One paragraph's HTML: a few runs of 1–4 words wrapped in inline elements. */
function markup(text, next) {
  const words = text.split(' ');
  const spans = Math.max(1, Math.floor(words.length / 20));
  const wrap = new Map();
  for (let i = 0; i < spans; i += 1) {
    const at = Math.floor(next() * words.length);
    const len = 1 + Math.floor(next() * 4);
    if ([...wrap.keys()].some((k) => Math.abs(k - at) < 6)) continue;
    wrap.set(at, [Math.min(words.length, at + len), TAGS[Math.floor(next() * TAGS.length)]]);
  }
  let html = '';
  for (let i = 0; i < words.length; ) {
    if (i > 0) html += ' ';
    const w = wrap.get(i);
    if (w) {
      const [end, [open, close]] = w;
      html += open + escape(words.slice(i, end).join(' ')) + close;
      i = end;
    } else {
      html += escape(words[i]);
      i += 1;
    }
  }
  return `<p>${html}</p>`;
}

/**
 * An article of at least `bytes` UTF-8 bytes of text: `{ html, texts }`, `texts` being each
 * paragraph's text (its <p>'s textContent). No whitespace between the paragraphs, so the
 * article's textContent is `texts.join('')` and Isnad's text is `texts.join('\n')`.
 */
export function generateArticle(paragraphs, bytes, seed = 1) {
  const next = random(seed);
  const encoder = new TextEncoder();
  const sizes = paragraphs.map((p) => encoder.encode(p).length);
  const texts = [];
  const html = [];
  let total = 0;
  while (total < bytes) {
    const i = Math.floor(next() * paragraphs.length);
    texts.push(paragraphs[i]);
    html.push(markup(paragraphs[i], next));
    total += sizes[i];
  }
  return { html: html.join(''), texts, bytes: total };
}

const KINDS = ['claim', 'source', 'assessment'];

/**
 * `count` ranges spread evenly over the article, each a run of whole words inside one paragraph
 * (about `maxLen` code points at most), none overlapping; null when they do not fit (fewer than
 * 8 code points of text per range). Each has its offsets in Isnad's text (`start`, `end`) and
 * in the root's textContent (`tcStart`, `tcEnd`); the dev set's text is all in the BMP, so
 * code points and UTF-16 units agree.
 */
export function makeRanges(texts, count, maxLen = 60) {
  const total = texts.reduce((n, t) => n + t.length, 0);
  if (count * 8 > total) return null;
  const starts = [];
  let at = 0;
  for (const t of texts) {
    starts.push(at);
    at += t.length;
  }
  const spacing = total / count;
  const len = Math.max(3, Math.min(maxLen, Math.floor(spacing * 0.6)));
  const ranges = [];
  let p = 0;
  let floor = 0; // the next range starts at or after this textContent offset
  for (let i = 0; i < count; i += 1) {
    const target = Math.max(floor, Math.floor(i * spacing));
    while (p + 1 < texts.length && starts[p + 1] <= target) p += 1;
    const text = texts[p];
    let s = target - starts[p];
    // Start on a word: after the next space (or at the paragraph's start).
    if (s > 0) {
      const space = text.indexOf(' ', s - 1);
      if (space < 0) continue;
      s = space + 1;
    }
    let e = text.indexOf(' ', Math.min(text.length, s + len - 1));
    if (e < 0) e = text.length;
    if (e - s > len * 2) {
      // One long word: keep it only if short enough.
      continue;
    }
    if (e <= s) continue;
    const tcStart = starts[p] + s;
    ranges.push({
      start: tcStart + p, // Isnad's text has a '\n' between paragraphs
      end: starts[p] + e + p,
      tcStart,
      tcEnd: starts[p] + e,
      kind: KINDS[i % 3],
      id: `r${i}`,
    });
    floor = starts[p] + e + 1;
  }
  return ranges;
}

/** W3C annotations for ranges of the article, selectors as Isnad and Hypothesis store them. */
export function annotationsFor(texts, ranges) {
  const content = texts.join('');
  return ranges.map((r) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:bench:${r.id}`,
    type: 'Annotation',
    body: [{ type: 'TextualBody', purpose: 'classifying', value: r.kind }],
    target: {
      source: 'https://news.example/article',
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: content.slice(r.tcStart, r.tcEnd),
          prefix: content.slice(Math.max(0, r.tcStart - 32), r.tcStart),
          suffix: content.slice(r.tcEnd, r.tcEnd + 32),
        },
        { type: 'TextPositionSelector', start: r.tcStart, end: r.tcEnd },
      ],
    },
  }));
}

const INSERTED = {
  ar: 'وأضاف المتحدث في مؤتمر صحفي عقده مساء الثلاثاء أن الحكومة ستعلن تفاصيل الخطة الأسبوع المقبل.',
  en: 'The spokesman added at a news conference on Tuesday evening that the government would publish the details of the plan next week.',
};

/**
 * Edits the article in the page as a newsroom would after publishing: a sentence inserted in
 * three paragraphs and a few words deleted in three others, spread over the article. Returns
 * how many code points moved.
 */
export function editArticle(root, lang) {
  const paragraphs = root.querySelectorAll('p');
  const fractions = [0.04, 0.18, 0.33, 0.5, 0.67, 0.85];
  let changed = 0;
  fractions.forEach((f, i) => {
    const p = paragraphs[Math.floor(f * paragraphs.length)];
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let longest = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!longest || n.length > longest.length) longest = n;
    }
    const data = longest.data;
    const mid = data.indexOf(' ', Math.floor(data.length / 2));
    const at = mid < 0 ? data.length : mid;
    if (i % 2 === 0) {
      longest.insertData(at, ` ${INSERTED[lang]}`);
      changed += INSERTED[lang].length + 1;
    } else {
      // Three words after the middle.
      let end = at;
      for (let w = 0; w < 3; w += 1) {
        const next = data.indexOf(' ', end + 1);
        end = next < 0 ? data.length : next;
      }
      longest.deleteData(at, end - at);
      changed += end - at;
    }
  });
  return changed;
}
