// Hypothesis's anchoring approach, for the benchmarks: the client's `anchor()` (src/annotator/
// anchoring/html.ts) and `matchQuote()` (match-quote.ts, BSD-2-Clause, Hypothes.is Project),
// ported as they are to plain JS over the npm packages they are built on: dom-anchor-text-
// position for positions ⇄ DOM Ranges and approx-string-match (Myers' algorithm) for quotes.
// Hypothesis tries the stored position first (kept when the text there is the quote), then
// searches the quote in the root's textContent: exact occurrences first, else approximate
// ones with up to half the quote's length in errors, scored on quote, prefix, suffix and
// distance to the position hint.
import approxSearch from '/node_modules/approx-string-match/build/src/index.js';
import textPosition from '/cjs/node_modules/dom-anchor-text-position/index.js';

function search(text, str, maxErrors) {
  // A fast search for exact matches first (approx-string-match lacks this optimisation).
  let matchPos = 0;
  const exactMatches = [];
  while (matchPos !== -1) {
    matchPos = text.indexOf(str, matchPos);
    if (matchPos !== -1) {
      exactMatches.push({ start: matchPos, end: matchPos + str.length, errors: 0 });
      matchPos += 1;
    }
  }
  if (exactMatches.length > 0) return exactMatches;
  return approxSearch(text, str, maxErrors);
}

function textMatchScore(text, str) {
  if (str.length === 0 || text.length === 0) return 0.0;
  const matches = search(text, str, str.length);
  return 1 - matches[0].errors / str.length;
}

export function matchQuote(text, quote, context = {}) {
  if (quote.length === 0) return null;
  const maxErrors = Math.min(256, quote.length / 2);
  const matches = search(text, quote, maxErrors);
  if (matches.length === 0) return null;
  const scoreMatch = (match) => {
    const quoteWeight = 50;
    const prefixWeight = 20;
    const suffixWeight = 20;
    const posWeight = 2;
    const quoteScore = 1 - match.errors / quote.length;
    const prefixScore = context.prefix
      ? textMatchScore(text.slice(Math.max(0, match.start - context.prefix.length), match.start), context.prefix)
      : 1.0;
    const suffixScore = context.suffix
      ? textMatchScore(text.slice(match.end, match.end + context.suffix.length), context.suffix)
      : 1.0;
    let posScore = 1.0;
    if (typeof context.hint === 'number') {
      const offset = Math.abs(match.start - context.hint);
      posScore = 1.0 - offset / text.length;
    }
    const rawScore = quoteWeight * quoteScore + prefixWeight * prefixScore + suffixWeight * suffixScore + posWeight * posScore;
    const maxScore = quoteWeight + prefixWeight + suffixWeight + posWeight;
    return rawScore / maxScore;
  };
  const scored = matches.map((m) => ({ start: m.start, end: m.end, score: scoreMatch(m) }));
  scored.sort((a, b) => b.score - a.score);
  return scored[0];
}

/** A DOM Range for the selectors, or null (html.ts `anchor`, without its promise chain). */
export function anchor(root, selectors) {
  let position = null;
  let quote = null;
  for (const s of selectors) {
    if (s.type === 'TextPositionSelector') position = s;
    else if (s.type === 'TextQuoteSelector') quote = s;
  }
  if (position) {
    try {
      const range = textPosition.toRange(root, { start: position.start, end: position.end });
      if (!quote || range.toString() === quote.exact) return range;
    } catch {
      // Out of range: fall through to the quote.
    }
  }
  if (!quote) return null;
  const text = root.textContent;
  const match = matchQuote(text, quote.exact, { prefix: quote.prefix, suffix: quote.suffix, hint: position?.start });
  if (!match) return null;
  return textPosition.toRange(root, { start: match.start, end: match.end });
}
