//! Sentences, clauses, direct quotes and tokens of the article text, in Arabic and English.
//!
//! Everything reads the original article text as code points and answers with code-point
//! offsets into it. `'\n'` is a block break (a paragraph edge or a `<br>`): no sentence, clause,
//! quote or token crosses it. Each function is one pass over what it reads (look-backs are
//! bounded, and the quote stacks pop no more than they push), so segmenting is linear in the
//! length of the article.
//!
//! The rules are heuristics for news text, kept deliberately small:
//! - a sentence ends at `. ! ? ؟ … ۔` (with the closing quotes and brackets that follow), but
//!   not after a title or initial ("Mr.", "John F.", "U.S.", «د.»), inside a number ("3.5"), or
//!   before a lowercase Latin word ("etc. and", "p.m. on"); a period glued to the next word
//!   ends a sentence when that word is Arabic or capitalised («بأساسية.وزعمت», "rose.The");
//! - tokens split at spaces, punctuation and quotes, and also where a space is missing between
//!   scripts («G8في») and after letters that only end Arabic words («الأخيرةإلى», «لجأإلى»);
//! - quotes pair within a paragraph, typographic ones by kind and nesting, straight ones left to
//!   right with the spaces around them deciding which way they face; an unclosed quote yields
//!   nothing.

/// A range of the article text in code points; `end` is exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// Number of code points covered.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Whether `other` lies inside this span (edges included).
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The characters of `chars` the span covers (empty where it lies outside them).
    pub fn of<'a>(&self, chars: &'a [char]) -> &'a [char] {
        chars.get(self.start..self.end).unwrap_or(&[])
    }
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (any script) with their marks and joiners, Latin letters with digits ("G8"),
    /// hyphenated compounds ("COVID-19", «كوفيد-19») and apostrophes inside words ("don't").
    Word,
    /// Digits of any script with internal `, . ٫ ٬` between digits, hyphens between digits and
    /// a trailing `% ٪ ‰`: "8%", "4.2", «٣٠٪», "5,000", "2020-2021".
    Number,
    /// Sentence and clause punctuation, brackets, dashes, slashes; a run of one repeated mark
    /// ("...", "؟؟") is one token.
    Punct,
    /// « ‹ „ ‚ and “ ‘ where they open.
    OpenQuote,
    /// » › ” and “ ’ where they close (as in „...“), and ’ after a word ("the officials’").
    CloseQuote,
    /// A straight `"` or `'` outside a word: which way it faces depends on its partner.
    Quote,
    /// Anything else: currency, maths, emoji (with their modifiers and joined sequences).
    Symbol,
}

/// A token of the article text; offsets are absolute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

/// A direct quote: `inner` is the quoted text without the marks (and without the spaces just
/// inside them, as in « text »), `outer` includes the marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Quote {
    pub outer: Span,
    pub inner: Span,
}

const ZWNJ: char = '\u{200C}';
const ZWJ: char = '\u{200D}';
const TAA_MARBUTA: char = '\u{0629}';
const ALEF_MAKSURA: char = '\u{0649}';
const ALEF_HAMZA_BELOW: char = '\u{0625}';

/// How far back a period looks for the word it ends: abbreviations are short.
const ABBREVIATION_REACH: usize = 12;

/// Titles, months and the like: a period after them never ends a sentence.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt",
    "Sgt", "Maj", "Adm", "Cmdr", "Cdr", "Rev", "Hon", "Pres", "Supt", "Insp", "Mt", "Ft", "Messrs",
    "Mme", "Mlle", "Msgr", "Atty", "Brig", "Cpl", "Pvt", "Amb", "Jan", "Feb", "Mar", "Apr", "Jun",
    "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "vs", "cf", "viz", "approx",
];

/// Abbreviations that stand before a number: "No. 5", "p. 12", "Vol. 3".
const BEFORE_NUMBER: &[&str] = &[
    "No", "no", "Nos", "nos", "Nr", "nr", "pp", "Vol", "vol", "Fig", "fig", "Art", "art", "Sec",
    "sec", "Ch", "ch", "Ref", "ref", "Op", "op", "para", "Para",
];

/// Arabic letters that can precede إ inside one written word: the conjunctions و ف, the
/// prepositions ب ل ك and the article ال («وبالإضافة», «للإمدادات»).
const ARABIC_PREFIX_LETTERS: &[char] = &[
    '\u{0648}', '\u{0641}', '\u{0628}', '\u{0644}', '\u{0643}', '\u{0627}',
];

// ---------------------------------------------------------------------------------------------
// Characters

/// What a character is to the segmenter. Every predicate below reads it, so they agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Spaces, and the invisible characters that separate: ZWSP, BOM, bidi controls.
    Space,
    /// Arabic-script letters, tatweel included.
    Arabic,
    /// Letters of every other script, and numerals that are not decimal digits ("²", "½").
    Letter,
    /// Decimal digits of every script.
    Digit,
    /// Combining marks, variation selectors and the joiners that stay inside a word.
    Mark,
    Quote,
    Punct,
    Symbol,
}

fn class(c: char) -> Class {
    if c.is_ascii() {
        return match c {
            'a'..='z' | 'A'..='Z' => Class::Letter,
            '0'..='9' => Class::Digit,
            ' ' | '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' => Class::Space,
            '"' | '\'' => Class::Quote,
            _ if is_punct(c) => Class::Punct,
            _ => Class::Symbol,
        };
    }
    // The letters of the basic Arabic alphabet, by far the most frequent characters here.
    if matches!(c, '\u{0620}'..='\u{064A}') {
        return Class::Arabic;
    }
    if c.is_whitespace()
        || matches!(
            c,
            '\u{200B}' | '\u{FEFF}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'
                ..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
    {
        Class::Space
    } else if is_mark(c) || is_joiner(c) {
        Class::Mark
    } else if is_digit(c) {
        Class::Digit
    } else if is_quote_mark(c) {
        Class::Quote
    } else if is_punct(c) {
        Class::Punct
    } else if c.is_alphabetic() || c.is_numeric() {
        if matches!(c,
            '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{0870}'..='\u{08FF}'
            | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
        {
            Class::Arabic
        } else {
            Class::Letter
        }
    } else {
        Class::Symbol
    }
}

/// Spaces, and the invisible characters that separate rather than join: zero-width space,
/// byte-order mark, bidi controls. `'\n'` is one of them; callers that care test it first.
pub fn is_space(c: char) -> bool {
    class(c) == Class::Space
}

/// Combining marks (harakat, Latin diacritics, Hebrew points) and variation selectors: they
/// belong to the character before them.
pub fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05BD}' | '\u{05BF}'
        | '\u{05C1}'..='\u{05C2}' | '\u{05C4}'..='\u{05C5}' | '\u{05C7}' | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}' | '\u{06EA}'..='\u{06ED}' | '\u{08CA}'..='\u{08E1}'
        | '\u{08E3}'..='\u{08FF}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE00}'..='\u{FE0F}' | '\u{FE20}'..='\u{FE2F}'
        | '\u{E0100}'..='\u{E01EF}')
}

/// Invisible characters that stay inside a word: ZWNJ, ZWJ, soft hyphen, word joiner.
pub fn is_joiner(c: char) -> bool {
    matches!(c, ZWNJ | ZWJ | '\u{00AD}' | '\u{2060}')
}

/// Decimal digits: ASCII, Arabic-Indic (٠-٩), Persian (۰-۹) and full-width.
pub fn is_digit(c: char) -> bool {
    matches!(c,
        '0'..='9' | '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}' | '\u{FF10}'..='\u{FF19}')
}

/// Letters of any script (tatweel included), and numeric characters that are not decimal
/// digits ("²", "½").
pub fn is_letter(c: char) -> bool {
    matches!(class(c), Class::Arabic | Class::Letter)
}

/// Arabic-script letters (tatweel included; not harakat, digits or punctuation).
pub fn is_arabic_letter(c: char) -> bool {
    class(c) == Class::Arabic
}

/// A letter or a digit.
fn is_alnum(c: char) -> bool {
    matches!(class(c), Class::Arabic | Class::Letter | Class::Digit)
}

/// The script group a word character belongs to: a word never changes group without a hyphen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Arabic,
    /// Latin and every other non-Arabic script, with the digits of all scripts.
    Other,
}

fn script(c: char) -> Option<Script> {
    match class(c) {
        Class::Arabic => Some(Script::Arabic),
        Class::Letter | Class::Digit => Some(Script::Other),
        _ => None,
    }
}

/// Quote marks of every kind, straight ones included.
pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '«' | '»' | '‹' | '›' | '“' | '”' | '„' | '‟' | '‘' | '’' | '‚' | '‛'
    )
}

fn is_punct(c: char) -> bool {
    matches!(c,
        '!' | '#' | '&' | '(' | ')' | '*' | ',' | '-' | '.' | '/' | ':' | ';' | '?' | '@' | '['
        | '\\' | ']' | '_' | '{' | '}' | '\u{00A1}' | '\u{00A7}' | '\u{00B6}' | '\u{00B7}'
        | '\u{00BF}' | '\u{060C}' | '\u{060D}' | '\u{061B}' | '\u{061E}' | '\u{061F}'
        | '\u{066D}' | '\u{06D4}' | '\u{2010}'..='\u{2017}' | '\u{2020}'..='\u{2027}'
        | '\u{203B}'..='\u{205E}' | '\u{3001}'..='\u{3003}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Separators inside a number: "5,000", "4.2", «٣٫٥», «٥٬٠٠٠».
fn is_number_separator(c: char) -> bool {
    matches!(c, '.' | ',' | '\u{066B}' | '\u{066C}')
}

fn is_percent(c: char) -> bool {
    matches!(c, '%' | '\u{066A}' | '\u{2030}')
}

/// Characters that end a sentence.
fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '\u{061F}' | '…' | '\u{06D4}' | '‼' | '⁇' | '⁈' | '⁉' | '。'
    )
}

/// Closing brackets and quotes that always close.
fn is_strong_closer(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '»' | '”' | '›')
}

/// Opening brackets and quotes that always open.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '«' | '‹' | '„' | '‚' | '“' | '‘' | '‟' | '‛'
    )
}

fn is_dash(c: char) -> bool {
    matches!(c, '\u{2012}'..='\u{2015}')
}

fn at(chars: &[char], i: usize) -> Option<char> {
    chars.get(i).copied()
}

/// `chars[start..end]` without the spaces at its edges, or `None` if nothing is left.
fn trimmed(chars: &[char], start: usize, end: usize) -> Option<Span> {
    let end = end.min(chars.len());
    let mut s = start.min(end);
    let mut e = end;
    while s < e && at(chars, s).is_some_and(is_space) {
        s += 1;
    }
    while e > s && at(chars, e - 1).is_some_and(is_space) {
        e -= 1;
    }
    (s < e).then_some(Span { start: s, end: e })
}

/// The text between block breaks, trimmed, without empty ones.
pub fn paragraphs(chars: &[char]) -> Vec<Span> {
    blocks(chars)
        .filter_map(|b| trimmed(chars, b.start, b.end))
        .collect()
}

/// The text between block breaks, untrimmed, empty ones included.
fn blocks(chars: &[char]) -> impl Iterator<Item = Span> + '_ {
    let mut start = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let rest = chars.get(start..).unwrap_or(&[]);
        match rest.iter().position(|&c| c == '\n') {
            Some(p) => {
                let span = Span {
                    start,
                    end: start + p,
                };
                start += p + 1;
                Some(span)
            }
            None => {
                done = true;
                Some(Span {
                    start,
                    end: chars.len(),
                })
            }
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Sentences

/// The longest sentence, in code points. Longer runs without a sentence end (a list of
/// figures, a run-on text of names, an input that is no prose) are cut, at a space when there
/// is one in the second half: detection looks back and forth within a sentence, so an uncut
/// megabyte of one "sentence" took minutes, and cut it stays linear in the text. News
/// sentences, Arabic run-ons included, stay far below it (the dev set's longest is under 700).
pub const MAX_SENTENCE: usize = 2000;

/// Sentences, trimmed of surrounding whitespace, in order; never crossing `'\n'`, never longer
/// than [`MAX_SENTENCE`].
pub fn sentences(chars: &[char]) -> Vec<Span> {
    let mut out = Vec::new();
    for span in sentence_runs(chars) {
        let mut start = span.start;
        while span.end - start > MAX_SENTENCE {
            let limit = start + MAX_SENTENCE;
            let cut = (start + MAX_SENTENCE / 2..limit)
                .rev()
                .find(|&i| at(chars, i).is_some_and(is_space))
                .unwrap_or(limit);
            out.extend(trimmed(chars, start, cut));
            start = cut;
        }
        out.extend(trimmed(chars, start, span.end));
    }
    out
}

/// Sentences as the punctuation ends them, of any length.
fn sentence_runs(chars: &[char]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    // The first character of the sentence begun at `start` that is neither a space nor a
    // terminator, once there is one.
    let mut first: Option<usize> = None;
    let mut i = 0;
    while let Some(c) = at(chars, i) {
        if c == '\n' {
            out.extend(trimmed(chars, start, i));
            start = i + 1;
            first = None;
            i += 1;
            continue;
        }
        if !is_terminator(c) {
            if first.is_none() && !is_space(c) {
                first = Some(i);
            }
            i += 1;
            continue;
        }
        let mut run_end = i;
        while at(chars, run_end).is_some_and(is_terminator) {
            run_end += 1;
        }
        let end = absorb_closers(chars, run_end);
        let ends = first.is_some_and(|f| ends_sentence(chars, f, i, run_end, end));
        if ends {
            out.extend(trimmed(chars, start, end));
            start = end;
            first = None;
            i = end;
        } else {
            i = run_end;
        }
    }
    out.extend(trimmed(chars, start, chars.len()));
    out
}

/// Moves past the closing quotes and brackets that follow a sentence end. Marks that could
/// also open (`"`, `'`, `“`, `’`) count as closing only when no word follows them directly.
fn absorb_closers(chars: &[char], mut j: usize) -> usize {
    while let Some(c) = at(chars, j) {
        let closes = is_strong_closer(c)
            || (matches!(c, '"' | '\'' | '“' | '’')
                && at(chars, j + 1).is_none_or(|a| {
                    is_space(a) || is_strong_closer(a) || is_terminator(a) || is_quote_mark(a)
                }));
        if !closes {
            break;
        }
        j += 1;
    }
    j
}

/// What kind of mark a run of terminators is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// One period.
    Period,
    /// "…", "..", "...".
    Ellipsis,
    /// ! ? ؟ and their combinations.
    Bang,
    /// ۔ (Urdu full stop): always an end.
    Hard,
}

/// Whether the terminators `i..run_end` (with closers up to `end`) end the sentence whose
/// first character is at `first`.
fn ends_sentence(chars: &[char], first: usize, i: usize, run_end: usize, end: usize) -> bool {
    let run = chars.get(i..run_end).unwrap_or(&[]);
    let stop = if run.contains(&'\u{06D4}') {
        Stop::Hard
    } else if run.iter().any(|&c| c != '.' && c != '…') {
        Stop::Bang
    } else if run == ['.'] {
        Stop::Period
    } else {
        Stop::Ellipsis
    };
    // The next thing in the paragraph, and whether a space comes before it.
    let mut k = end;
    while at(chars, k).is_some_and(|c| c != '\n' && is_space(c)) {
        k += 1;
    }
    let next = at(chars, k).filter(|&c| c != '\n');
    let glued = k == end;
    let Some(next) = next else { return true };
    // A word that could start a sentence when nothing separates it from the stop.
    let starts_glued = |c: char| is_arabic_letter(c) || c.is_uppercase() || is_opener(c);
    match stop {
        Stop::Hard => true,
        Stop::Bang => !next.is_lowercase(),
        Stop::Ellipsis => !next.is_lowercase() && (!glued || starts_glued(next)),
        Stop::Period => {
            let prev = i.checked_sub(1).and_then(|p| at(chars, p));
            let after = at(chars, run_end);
            if prev.is_some_and(is_digit) && after.is_some_and(is_digit) {
                return false; // 3.5
            }
            if next.is_lowercase() || (glued && !starts_glued(next)) {
                return false; // "etc. and", "e.g", "aljazeera.net"
            }
            if is_list_number(chars, first, i) {
                return false; // "1. "
            }
            match abbreviation_before(chars, i) {
                Abbreviation::None => true,
                Abbreviation::BeforeNumber => !is_digit(next),
                Abbreviation::Title => false,
            }
        }
    }
}

/// Whether the sentence so far, from its first character `first` to the period at `i`, is a
/// list number ("1.", «٣.»).
fn is_list_number(chars: &[char], first: usize, i: usize) -> bool {
    i > first
        && i - first <= 3
        && chars
            .get(first..i)
            .is_some_and(|w| w.iter().all(|&c| is_digit(c)))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Abbreviation {
    None,
    /// Never ends a sentence: titles, months, initials, dotted acronyms, «د.».
    Title,
    /// Does not end a sentence before a number: "No. 5".
    BeforeNumber,
}

/// What the word ending at the period `i` is.
fn abbreviation_before(chars: &[char], i: usize) -> Abbreviation {
    // The word: letters, marks and the periods between single letters (U.S, e.g, أ.د).
    let mut s = i;
    while s > 0 && i - s < ABBREVIATION_REACH {
        let Some(c) = at(chars, s - 1) else { break };
        let inner_period = c == '.' && s < i && s >= 2 && at(chars, s - 2).is_some_and(is_letter);
        if is_letter(c) || is_mark(c) || is_joiner(c) || inner_period {
            s -= 1;
        } else {
            break;
        }
    }
    if s == i {
        return Abbreviation::None;
    }
    let before = s.checked_sub(1).and_then(|p| at(chars, p));
    if before.is_some_and(|c| is_alnum(c) || is_mark(c)) {
        return Abbreviation::None; // too long to be an abbreviation, or glued to a number
    }
    let word = chars.get(s..i).unwrap_or(&[]);
    let letters = || word.iter().copied().filter(|&c| is_letter(c));
    if word.contains(&'.') {
        // Dotted initials (U.S, U.K, e.g, i.e, أ.د) never end a sentence; otherwise (Ph.D)
        // the last part decides.
        let all_single = word
            .split(|&c| c == '.')
            .all(|part| part.iter().filter(|&&c| is_letter(c)).count() == 1);
        if all_single {
            return Abbreviation::Title;
        }
        let last = word.rsplit(|&c| c == '.').next().unwrap_or(&[]);
        return single_letter(chars, s, last);
    }
    if letters().count() == 1 {
        return single_letter(chars, s, word);
    }
    // One string to compare the lists with (a sentence end reads them all).
    let spelled: String = letters().collect();
    if TITLES.contains(&spelled.as_str()) {
        Abbreviation::Title
    } else if BEFORE_NUMBER.contains(&spelled.as_str()) {
        Abbreviation::BeforeNumber
    } else {
        Abbreviation::None
    }
}

/// A one-letter word before a period: a capital initial ("John F. Kennedy"), an Arabic title
/// («د. أحمد», «م. سالم») unless it follows a number («عام 2023 م.» is the era, which often ends
/// a sentence), "p." before a page number, "v." for versus.
fn single_letter(chars: &[char], s: usize, word: &[char]) -> Abbreviation {
    let Some(c) = word.iter().copied().find(|&c| is_letter(c)) else {
        return Abbreviation::None;
    };
    if is_arabic_letter(c) {
        let mut b = s;
        while b > 0 && s - b < 3 && at(chars, b - 1).is_some_and(|p| p != '\n' && is_space(p)) {
            b -= 1;
        }
        let after_number = b
            .checked_sub(1)
            .and_then(|p| at(chars, p))
            .is_some_and(is_digit);
        return if after_number {
            Abbreviation::None
        } else {
            Abbreviation::Title
        };
    }
    if c.is_uppercase() || c == 'v' {
        Abbreviation::Title
    } else if c == 'p' {
        Abbreviation::BeforeNumber
    } else {
        Abbreviation::None
    }
}

// ---------------------------------------------------------------------------------------------
// Clauses

/// Clauses of a sentence, split at `، ؛ , ; :` and dashes, for attribution scope; trimmed,
/// without the separators and without empty ones.
///
/// Not split: commas and colons between digits ("5,000", "10:30"), dashes between digits
/// ("2020–2021"), hyphens inside words, and anything inside a quote that opens and closes within
/// the sentence (the quote stays whole in its clause, with the one who said it). To split the
/// text of a quote, pass its `inner` span.
pub fn clauses(chars: &[char], sentence: Span) -> Vec<Span> {
    let end = sentence.end.min(chars.len());
    let start = sentence.start.min(end);
    let mut quoted = Vec::new();
    pair_quotes(chars, Span { start, end }, &mut quoted);
    crate::sort::sort_by(&mut quoted, outer_first);
    let mut out = Vec::new();
    let mut clause_start = start;
    let mut q = 0;
    let mut i = start;
    while i < end {
        while quoted.get(q).is_some_and(|x| x.outer.start < i) {
            q += 1;
        }
        if let Some(x) = quoted.get(q).filter(|x| x.outer.start == i) {
            i = x.outer.end;
            continue;
        }
        if is_clause_separator(chars, i, start, end) {
            out.extend(trimmed(chars, clause_start, i));
            clause_start = i + 1;
        }
        i += 1;
    }
    out.extend(trimmed(chars, clause_start, end));
    out
}

fn is_clause_separator(chars: &[char], i: usize, start: usize, end: usize) -> bool {
    let Some(c) = at(chars, i) else { return false };
    let prev = if i > start { at(chars, i - 1) } else { None };
    let next = if i + 1 < end { at(chars, i + 1) } else { None };
    let between_digits = prev.is_some_and(is_digit) && next.is_some_and(is_digit);
    match c {
        '\u{060C}' | '\u{061B}' | ';' | '\n' => true,
        ',' => !between_digits,
        ':' => !between_digits && next != Some('/'),
        '-' => prev.is_none_or(is_space) && next.is_none_or(is_space),
        c if is_dash(c) => !between_digits,
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------------
// Quotes

/// Direct quotes: the text inside «...», “...”, „...“, ‹...›, "..." and '...' (where the
/// single marks are quotes, not apostrophes), possibly over several sentences of a paragraph,
/// in order of their opening mark (an enclosing quote before the ones nested in it).
///
/// A quote never crosses a block break, and one left unclosed at the end of its paragraph
/// (including the opening paragraph of a multi-paragraph quote) yields nothing.
pub fn quotes(chars: &[char]) -> Vec<Quote> {
    let mut out = Vec::new();
    for block in blocks(chars) {
        pair_quotes(chars, block, &mut out);
    }
    crate::sort::sort_by(&mut out, outer_first);
    out
}

/// Families of quote marks: a mark closes only an opening mark of its own family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Guillemet,
    Angle,
    CurlyDouble,
    StraightDouble,
    CurlySingle,
    StraightSingle,
}

impl Family {
    const COUNT: usize = 6;

    fn index(self) -> usize {
        self as usize
    }

    fn single(self) -> bool {
        matches!(self, Family::CurlySingle | Family::StraightSingle)
    }
}

/// How a mark may face, before its neighbours are looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facing {
    Open,
    Close,
    /// Decided by the spaces around it.
    Either,
}

fn quote_family(c: char) -> Option<(Family, Facing)> {
    Some(match c {
        '«' => (Family::Guillemet, Facing::Open),
        '»' => (Family::Guillemet, Facing::Close),
        '‹' => (Family::Angle, Facing::Open),
        '›' => (Family::Angle, Facing::Close),
        '„' | '‟' => (Family::CurlyDouble, Facing::Open),
        '“' | '”' => (Family::CurlyDouble, Facing::Either),
        '"' => (Family::StraightDouble, Facing::Either),
        '‚' | '‛' => (Family::CurlySingle, Facing::Open),
        '‘' | '’' => (Family::CurlySingle, Facing::Either),
        '\'' => (Family::StraightSingle, Facing::Either),
        _ => return None,
    })
}

/// What may stand before an opening mark: nothing, a space, an opening bracket or quote, a
/// dash.
fn opens_after(c: char) -> bool {
    is_space(c) || is_opener(c) || is_dash(c) || matches!(c, '"' | '\'')
}

/// What may stand after a closing mark: nothing, a space, punctuation, a closing bracket or
/// quote.
fn closes_before(c: char) -> bool {
    is_space(c)
        || is_strong_closer(c)
        || is_terminator(c)
        || is_dash(c)
        || matches!(
            c,
            ',' | ';' | ':' | '\u{060C}' | '\u{061B}' | '-' | '"' | '\'' | '’' | '“'
        )
}

/// Which way the flexible mark at `i` faces given its neighbours, or `None` if it is no quote
/// mark here (an apostrophe, a lone mark between spaces).
fn facing(family: Family, prev: Option<char>, next: Option<char>) -> Option<Facing> {
    if family.single()
        && prev.is_some_and(|p| is_alnum(p) || is_mark(p))
        && next.is_some_and(is_alnum)
    {
        return None; // don't, authority's, Varel’s
    }
    let space_before = prev.is_none_or(opens_after);
    let space_after = next.is_none_or(closes_before);
    Some(match (space_before, space_after) {
        (true, true) if family.single() => return None,
        // « " text " » with spaces inside, as Arabic pages often set them.
        (true, true) => Facing::Either,
        (true, false) => Facing::Open,
        (false, true) => Facing::Close,
        // Glued on both sides (`now,"said`): a single mark only closes.
        (false, false) if family.single() => Facing::Close,
        (false, false) => Facing::Either,
    })
}

/// Pairs the quote marks of `span`, which is one paragraph (a `'\n'` inside it starts over).
fn pair_quotes(chars: &[char], span: Span, out: &mut Vec<Quote>) {
    let end = span.end.min(chars.len());
    let mut open: [Vec<usize>; Family::COUNT] = Default::default();
    let mut para_start = span.start;
    for i in span.start..end {
        let Some(c) = at(chars, i) else { break };
        if c == '\n' {
            open.iter_mut().for_each(Vec::clear);
            para_start = i + 1;
            continue;
        }
        let Some((family, fixed)) = quote_family(c) else {
            continue;
        };
        let prev = if i > para_start {
            at(chars, i - 1)
        } else {
            None
        };
        let next = if i + 1 < end { at(chars, i + 1) } else { None };
        let way = match fixed {
            Facing::Either => match facing(family, prev, next) {
                Some(way) => way,
                None => continue,
            },
            way => way,
        };
        let f = family.index();
        let is_open = open.get(f).is_some_and(|s| !s.is_empty());
        let closes = match way {
            Facing::Open => false,
            Facing::Close => is_open,
            Facing::Either => is_open,
        };
        if closes {
            let Some(o) = open.get_mut(f).and_then(Vec::pop) else {
                continue;
            };
            // Marks opened inside this quote and never closed are dropped.
            for stack in open.iter_mut() {
                while stack.last().is_some_and(|&p| p > o) {
                    stack.pop();
                }
            }
            if let Some(inner) = trimmed(chars, o + 1, i) {
                out.push(Quote {
                    outer: Span {
                        start: o,
                        end: i + 1,
                    },
                    inner,
                });
            }
        } else if way != Facing::Close {
            if let Some(stack) = open.get_mut(f) {
                stack.push(i);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Tokens

/// Tokens of `chars[span.start..span.end]`, with absolute offsets. Spaces (NBSP, narrow NBSP
/// and bidi controls included) separate tokens and belong to none; marks and joiners stay in
/// the token before them.
pub fn tokens(chars: &[char], span: Span) -> Vec<Token> {
    let end = span.end.min(chars.len());
    let mut i = span.start.min(end);
    let mut out: Vec<Token> = Vec::new();
    while i < end {
        let Some(c) = at(chars, i) else { break };
        let (j, kind) = match class(c) {
            Class::Space => {
                i += 1;
                continue;
            }
            Class::Mark => match out.last_mut().filter(|t| t.end == i) {
                // Glued to the token before (a punctuation mark, a quote): it belongs to it.
                Some(t) => {
                    t.end = i + 1;
                    i += 1;
                    continue;
                }
                None => scan_word(chars, i, end),
            },
            Class::Arabic | Class::Letter | Class::Digit => scan_word(chars, i, end),
            Class::Quote => (i + 1, quote_token_kind(chars, i)),
            Class::Punct => {
                let mut j = i + 1;
                while j < end && at(chars, j) == Some(c) {
                    j += 1;
                }
                (j, TokenKind::Punct)
            }
            Class::Symbol => (scan_symbol(chars, i, end), TokenKind::Symbol),
        };
        let j = j.clamp(i + 1, end.max(i + 1));
        out.push(Token {
            start: i,
            end: j,
            kind,
        });
        i = j;
    }
    out
}

/// Reads a word or number from `i` and tells where it ends and what it is.
fn scan_word(chars: &[char], i: usize, end: usize) -> (usize, TokenKind) {
    let mut k = i;
    // The script of the part since the last hyphen, and its last letter or digit.
    let mut part: Option<Script> = None;
    let mut last: Option<(char, Class)> = None;
    // Whether the Arabic part so far could be prefixes only (و ف ب ل ك ال), which may precede إ.
    let mut prefix_only = true;
    let mut arabic_letters = 0usize;
    let mut has_letter = false;
    let mut has_base = false;
    while k < end {
        let Some(c) = at(chars, k) else { break };
        let cl = class(c);
        let s = match cl {
            Class::Mark => {
                k += 1;
                continue;
            }
            Class::Arabic => Some(Script::Arabic),
            Class::Letter | Class::Digit => Some(Script::Other),
            _ => None,
        };
        if let Some(s) = s {
            if let (Some(p), Some((l, _))) = (part, last) {
                if p != s {
                    break; // G8في
                }
                if s == Script::Arabic {
                    if l == TAA_MARBUTA || l == ALEF_MAKSURA {
                        break; // الأخيرةإلى
                    }
                    if c == ALEF_HAMZA_BELOW && !(prefix_only && arabic_letters <= 4) {
                        break; // لجأإلى
                    }
                }
            }
            if s == Script::Arabic {
                arabic_letters += 1;
                prefix_only = prefix_only && ARABIC_PREFIX_LETTERS.contains(&c);
            }
            has_letter |= cl != Class::Digit;
            has_base = true;
            part = Some(s);
            last = Some((c, cl));
            k += 1;
            continue;
        }
        let Some((_, last_class)) = last else { break };
        let after_digit = last_class == Class::Digit;
        if is_percent(c) && !has_letter && after_digit {
            k += 1;
            break;
        }
        let next = if k + 1 < end { at(chars, k + 1) } else { None };
        let Some(n) = next else { break };
        let next_class = class(n);
        let next_alnum = matches!(next_class, Class::Arabic | Class::Letter | Class::Digit);
        if is_hyphen(c) && next_alnum {
            // COVID-19, كوفيد-19: the part after the hyphen may change script.
            part = None;
            last = None;
            prefix_only = true;
            arabic_letters = 0;
            k += 1;
            continue;
        }
        if is_apostrophe(c) && !after_digit && next_class != Class::Digit && script(n) == part {
            k += 1; // don't, Varel’s
            continue;
        }
        if is_number_separator(c) && !has_letter && after_digit && next_class == Class::Digit {
            k += 1; // 5,000  4.2
            continue;
        }
        break;
    }
    let kind = if !has_base {
        TokenKind::Symbol
    } else if has_letter {
        TokenKind::Word
    } else {
        TokenKind::Number
    };
    (k.max(i + 1), kind)
}

/// Which way the quote mark at `i` faces, from the mark and the spaces around it.
fn quote_token_kind(chars: &[char], i: usize) -> TokenKind {
    let Some(c) = at(chars, i) else {
        return TokenKind::Quote;
    };
    let prev = i.checked_sub(1).and_then(|p| at(chars, p));
    let next = at(chars, i + 1);
    let space_before = prev.is_none_or(opens_after);
    let space_after = next.is_none_or(closes_before);
    match c {
        '«' | '‹' | '„' | '‚' | '‟' | '‛' => TokenKind::OpenQuote,
        '»' | '›' => TokenKind::CloseQuote,
        // „...“ closes with “, and ‘ closes in German; otherwise they open.
        '“' | '‘' if !space_before && space_after => TokenKind::CloseQuote,
        '“' | '‘' => TokenKind::OpenQuote,
        // ”...“ reversed on some Arabic pages.
        '”' | '’' if space_before && !space_after => TokenKind::OpenQuote,
        '”' | '’' => TokenKind::CloseQuote,
        _ => TokenKind::Quote,
    }
}

/// Reads a symbol with what belongs to it: marks, variation selectors, emoji modifiers and
/// tags, ZWJ sequences, and the second regional indicator of a flag.
fn scan_symbol(chars: &[char], i: usize, end: usize) -> usize {
    let regional = |c: char| matches!(c, '\u{1F1E6}'..='\u{1F1FF}');
    let mut flag_half = at(chars, i).is_some_and(regional);
    let mut k = i + 1;
    while k < end {
        let Some(c) = at(chars, k) else { break };
        if c == ZWJ {
            k += 1;
            let joined = if k < end { at(chars, k) } else { None };
            if joined
                .is_some_and(|n| !is_space(n) && !is_alnum(n) && !is_punct(n) && !is_quote_mark(n))
            {
                k += 1;
            }
            continue;
        }
        if is_mark(c) || matches!(c, '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}') {
            k += 1;
            continue;
        }
        if flag_half && regional(c) {
            flag_half = false;
            k += 1;
            continue;
        }
        break;
    }
    k
}

/// Quote order: by start, a quote holding another before it.
fn outer_first(a: &Quote, b: &Quote) -> bool {
    (a.outer.start, std::cmp::Reverse(a.outer.end))
        < (b.outer.start, std::cmp::Reverse(b.outer.end))
}

/// Arabic letters, harakat and tatweel: characters that join in cursive script.
pub fn is_arabic(c: char) -> bool {
    matches!(c,
        '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
        && !matches!(
            c,
            '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{066A}'
                ..='\u{066D}' | '\u{06D4}' | '\u{FEFF}'
        )
}
