// The interface's words: one catalogue per language in ../i18n/, chosen from the page's `lang`
// (or the `lang` option), with plural forms and the page's own digits.

const CATALOGUES = { ar: () => import('../i18n/ar.js'), en: () => import('../i18n/en.js') };

/** The language to speak: the option, else the article's or the page's `lang`, else English. */
export function pickLanguage(root, wanted) {
  const lang = wanted || root?.closest?.('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
  const base = lang.toLowerCase().split('-')[0];
  return base in CATALOGUES ? base : 'en';
}

/** Loads a catalogue; `usesArabicDigits` picks ٠١٢ over 012 where the article writes them. */
export async function loadStrings(lang, usesArabicDigits) {
  const words = (await CATALOGUES[lang]()).default;
  return new Strings(lang, words, usesArabicDigits);
}

export class Strings {
  constructor(lang, words, usesArabicDigits) {
    this.lang = lang;
    this.dir = words.dir;
    this.words = words;
    this.numbers = new Intl.NumberFormat(usesArabicDigits ? `${lang}-u-nu-arab` : `${lang}-u-nu-latn`);
    this.plurals = new Intl.PluralRules(lang);
  }

  /** The phrase for `key`, with `{name}` filled from `vars`; `key` itself when there is none. */
  t(key, vars = {}) {
    // Own properties only: a key made from annotation data ('stances.constructor') must not
    // reach Object.prototype.
    const found = key.split('.').reduce((at, part) => (at !== null && typeof at === 'object' && Object.hasOwn(at, part) ? at[part] : undefined), this.words);
    const phrase = typeof found === 'string' ? found : key;
    return phrase.replace(/\{(\w+)\}/g, (_, name) => (Object.hasOwn(vars, name) ? String(vars[name]) : `{${name}}`));
  }

  /** "3 claims" in the page's digits and the language's plural form. */
  count(what, n) {
    const forms = this.words.count[what];
    const category = n === 0 && forms.zero ? 'zero' : this.plurals.select(n);
    return (forms[category] ?? forms.other).replace('{n}', this.num(n));
  }

  num(n) {
    return this.numbers.format(n);
  }
}

/** True when the text writes more Arabic-Indic digits than European ones. */
export function prefersArabicDigits(text) {
  const arabic = (text.match(/[\u0660-\u0669\u06F0-\u06F9]/g) ?? []).length;
  const latin = (text.match(/[0-9]/g) ?? []).length;
  return arabic > 0 && arabic >= latin;
}
