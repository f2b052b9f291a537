// Reading Isnad's W3C annotations: kind, link to a source, quoted text, Isnad's details.

export const KINDS = ['claim', 'source', 'assessment'];

const bodies = (a) => (Array.isArray(a.body) ? a.body : a.body ? [a.body] : []);
const selectors = (a) => {
  const target = Array.isArray(a.target) ? a.target[0] : a.target;
  const s = target?.selector;
  return Array.isArray(s) ? s : s ? [s] : [];
};

/** 'claim', 'source', 'assessment', or null for an annotation that is not Isnad's kind. */
export function kindOf(a) {
  const value = bodies(a).find((b) => b.purpose === 'classifying')?.value;
  return KINDS.includes(value) ? value : null;
}

/** The id of the source annotation this one is linked to, if any. */
export function linkOf(a) {
  return bodies(a).find((b) => b.purpose === 'linking' && typeof b.source === 'string' && !/^https?:/i.test(b.source))?.source ?? null;
}

/** Web addresses the annotation points to; only http(s) ever becomes a link. */
export function webLinks(a) {
  return bodies(a)
    .map((b) => (typeof b.source === 'string' ? b.source : b.id))
    .filter((url) => typeof url === 'string' && /^https?:\/\//i.test(url));
}

/** The quoted text. */
export function quoteOf(a) {
  return selectors(a).find((s) => s.type === 'TextQuoteSelector')?.exact ?? '';
}

/** Where the annotation starts, in code points of the article (for ordering). */
export function startOf(a) {
  const p = selectors(a).find((s) => s.type === 'TextPositionSelector' || s.refinedBy?.type === 'TextPositionSelector');
  return p?.type === 'TextPositionSelector' ? p.start : p?.refinedBy?.start ?? Infinity;
}

export function isUnsourced(a) {
  return kindOf(a) === 'claim' && (a.isnad?.unsourced || bodies(a).some((b) => b.purpose === 'tagging' && b.value === 'unsourced'));
}

/** A copy with the classifying kind, the link and the unsourced tag set as given. */
export function withKindAndLink(a, kind, sourceId) {
  const rest = bodies(a).filter((b) => b.purpose !== 'classifying' && b.purpose !== 'linking' && !(b.purpose === 'tagging' && b.value === 'unsourced'));
  const body = [{ type: 'TextualBody', purpose: 'classifying', value: kind }, ...rest];
  if (sourceId && kind !== 'source') body.push({ type: 'SpecificResource', purpose: 'linking', source: sourceId });
  const isnad = { ...(a.isnad ?? {}) };
  delete isnad.unsourced;
  if (kind === 'claim' && !sourceId) {
    body.push({ type: 'TextualBody', purpose: 'tagging', value: 'unsourced' });
    isnad.unsourced = true;
  }
  return { ...a, body, isnad };
}

/** Shortens a quote for a list or a label. */
export function excerpt(text, max = 90) {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}
