//! A matching copy of the article text: what detection compares, never what is shown or stored.
//!
//! [`normalize`] folds away the differences that do not change what a text says, so that a
//! lexicon entry or a quoted phrase matches however the page typed it, and keeps, for every
//! character of the copy, the code-point offset of the original character it came from. Ranges
//! found in the copy go back to the article text through [`Normalized::original_range`]; nothing
//! else ever reads the copy.
//!
//! What is folded (all offsets are code points):
//! - Arabic: harakat, superscript alef, the combining maddah and hamza above and below, the
//!   other Arabic combining marks (U+0610–U+061A, U+064B–U+065F, U+0670, Quranic marks
//!   U+06D6–U+06ED, U+08D3–U+08FF but the format character U+08E2) and tatweel are removed;
//!   أ إ آ ٱ become ا, ى becomes ي, ة becomes ه. A base letter followed by a combining hamza
//!   above (و ي ە ہ ے + U+0654, with harakat or a hamza below in between or not) is read as
//!   its composed letter (ؤ ئ ۀ ۂ ۓ), as Unicode composition (NFC) would; decomposed alefs
//!   need nothing since every hamza'd alef folds to ا.
//! - Digits: Eastern Arabic ٠–٩, Persian ۰–۹ and fullwidth ０–９ become 0–9; ٫ becomes `.`,
//!   ٬ becomes `,` and ٪ becomes `%`.
//! - Case: every character is lowercased with [`char::to_lowercase`]; a character that lowercases
//!   to several (in the Unicode version Rust ships, only İ, which gives i and a combining dot that
//!   is then removed) gives several characters with the same original offset.
//! - Accents (accent-insensitive matching): combining marks (U+0300–U+036F, U+1AB0–U+1AFF,
//!   U+1DC0–U+1DFF, U+FE20–U+FE2F) are removed, and every precomposed Latin, Greek and Cyrillic
//!   letter whose canonical decomposition is a letter plus such marks becomes that letter (é → e,
//!   ễ → e, ά → α, й → и). So «Café» typed with é or with e + U+0301 gives «cafe» both ways.
//! - Spaces: NBSP, narrow NBSP and every other space separator become ` `; the line and
//!   paragraph separators U+2028 and U+2029 become `\n`. `\n` itself stays: it marks block
//!   breaks. Tabs and quotes are left as they are.
//! - Removed: zero-width space, ZWNJ, ZWJ, word joiner, BOM, soft hyphen and the bidi controls
//!   (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069).
//! - Everything else (emoji, punctuation, other scripts) is copied as it is.
//!
//! No Unicode normalization crate: measured on a small wasm cdylib (opt-level "s", LTO),
//! `unicode-normalization` took the build from 11.1 KB to 75.7 KB gzipped (+64.6 KB, its
//! composition tables), against about +3.8 KB for this whole module. The folds above make
//! canonically equivalent spellings compare equal for the Arabic, Latin, Greek and Cyrillic text
//! news pages use; other scripts' decomposed forms (Hangul jamo, Indic nuktas, kana with voicing
//! marks) are not composed.
//!
//! One pass, linear in the text, no regex; `chars` and `map` are allocated once. Measured
//! natively (release): 5 MB of text normalizes in about 27 ms as Arabic (2.8 M code points) and
//! 45 ms as English (5 M code points).

/// A matching copy of a text: what detection compares, never what is shown or stored.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Normalized {
    chars: Vec<char>,
    /// The original offset of each normalized character.
    map: Vec<usize>,
    /// Where a normalized character's original ends when that is not where the next one's
    /// starts: removed characters that belong to no letter (bidi controls, zero-width space)
    /// follow it. Sorted by normalized index; each entry is on the last character its original
    /// character gave.
    ends: Vec<(usize, usize)>,
    /// Length of the original text.
    original_len: usize,
}

impl Normalized {
    /// The normalized characters.
    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    /// The normalized characters as a string.
    pub fn as_string(&self) -> String {
        self.chars.iter().collect()
    }

    /// Length in code points.
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// Whether nothing is left after folding.
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Length in code points of the original text.
    pub fn original_len(&self) -> usize {
        self.original_len
    }

    /// Original code-point offset of normalized char `i`; `len()` (or past it) maps to the
    /// original length.
    pub fn to_original(&self, i: usize) -> usize {
        self.map.get(i).copied().unwrap_or(self.original_len)
    }

    /// Original code-point range covering the normalized range `start..end` (end exclusive).
    /// It starts at the original character that gave normalized char `start` and ends past the
    /// one that gave char `end - 1`, with the removed marks that belong to it (harakat, tatweel,
    /// combining accents, ZWJ, ZWNJ, soft hyphen), but not the removed characters that belong to
    /// no letter (bidi controls, zero-width space, word joiner, BOM). Out-of-range bounds are
    /// clamped (`end` to `len()`, then `start` to `end`); an empty range maps to an empty range
    /// at [`Normalized::to_original`]`(start)`.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let end = end.min(self.len());
        let start = start.min(end);
        let from = self.to_original(start);
        if start == end {
            return (from, from);
        }
        (from, self.original_end(end - 1))
    }

    /// Normalized index of original offset `orig`: the first normalized char whose original is
    /// at or after it (`len()` when there is none).
    pub fn from_original(&self, orig: usize) -> usize {
        self.map.partition_point(|&m| m < orig)
    }

    /// Original offset just past the character that gave normalized char `i` (which must be
    /// less than `len()`) and the marks that belong to it.
    fn original_end(&self, i: usize) -> usize {
        // A character that gave several: the range takes all of it.
        let mut last = i;
        while last + 1 < self.map.len() && self.map.get(last + 1) == self.map.get(last) {
            last += 1;
        }
        match self.ends.binary_search_by_key(&last, |&(at, _)| at) {
            Ok(k) => self.ends.get(k).map_or(self.original_len, |&(_, end)| end),
            Err(_) => self.to_original(last + 1),
        }
    }
}

/// What one original character becomes.
enum Fold {
    /// One character.
    Char(char),
    /// Nothing; the removed character belongs to the letter before it (a haraka, tatweel, a
    /// combining accent, ZWJ, ZWNJ, soft hyphen).
    Mark,
    /// Nothing; the removed character belongs to no letter (a bidi control, zero-width space,
    /// word joiner, BOM).
    Format,
    /// Several characters: a lowercase mapping longer than one, each to be folded again.
    Lower(core::char::ToLowercase),
}

/// Normalizes `chars` (see the module documentation) and keeps the map back to their offsets.
pub fn normalize(chars: &[char]) -> Normalized {
    let mut out = Normalized {
        chars: Vec::with_capacity(chars.len()),
        map: Vec::with_capacity(chars.len()),
        ends: Vec::new(),
        original_len: chars.len(),
    };
    // The last normalized index of the last kept original character, where its original
    // (with the marks that belong to it) ends, and whether a format character came since.
    let mut last: Option<usize> = None;
    let mut open_end = 0;
    let mut closed = false;
    for (j, &c) in chars.iter().enumerate() {
        let c = match chars.get(j + 1..) {
            Some(rest) => compose_hamza(c, rest.iter().copied()),
            None => c,
        };
        let kept = match fold(c) {
            Fold::Char(f) => {
                out.chars.push(f);
                out.map.push(j);
                true
            }
            Fold::Lower(lower) => {
                let before = out.chars.len();
                for f in lower.filter_map(fold_lowered) {
                    out.chars.push(f);
                    out.map.push(j);
                }
                out.chars.len() > before
            }
            Fold::Mark => false,
            Fold::Format => {
                closed = true;
                false
            }
        };
        if kept {
            if let Some(i) = last {
                if open_end != j {
                    out.ends.push((i, open_end));
                }
            }
            last = Some(out.chars.len() - 1);
            open_end = j + 1;
            closed = false;
        } else if !closed && last.is_some() {
            open_end = j + 1;
        }
    }
    if let Some(i) = last {
        if open_end != chars.len() {
            out.ends.push((i, open_end));
        }
    }
    out
}

/// The normalized form of `s` as a string: how lexicon keys are written.
pub fn normalize_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s.chars();
    while let Some(c) = rest.next() {
        let c = if needs_composition(c) {
            compose_hamza(c, rest.clone())
        } else {
            c
        };
        push_folded(c, &mut out);
    }
    out
}

/// The normalized form of `chars` as a string: [`normalize`]`(chars).as_string()` without the
/// offset map.
pub fn normalize_chars(chars: &[char]) -> String {
    let mut out = String::with_capacity(chars.len() * 2);
    normalize_chars_into(chars, &mut out);
    out
}

/// [`normalize_chars`] appended to `out` (many words' forms in one buffer).
#[inline]
pub fn normalize_chars_into(chars: &[char], out: &mut String) {
    // A Latin word or a number (most tokens of an English article) is appended at once.
    if chars.iter().all(char::is_ascii) {
        push_ascii_lowercase(chars, out);
        return;
    }
    for (j, &c) in chars.iter().enumerate() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let c = if needs_composition(c) {
            compose_hamza(c, chars.get(j + 1..).unwrap_or(&[]).iter().copied())
        } else {
            c
        };
        push_folded(c, out);
    }
}

/// Appends ASCII characters lowercased, a buffer at a time: a `String::push` a character costs
/// a call each in the size-tuned build, and the detector appends every word of the text. A
/// character that is not ASCII is a caller's mistake; the chunk it is in is left out.
pub fn push_ascii_lowercase(chars: &[char], out: &mut String) {
    debug_assert!(chars.iter().all(char::is_ascii));
    for chunk in chars.chunks(ASCII_CHUNK) {
        let mut buf = [0u8; ASCII_CHUNK];
        for (b, c) in buf.iter_mut().zip(chunk) {
            *b = c.to_ascii_lowercase() as u8;
        }
        out.push_str(std::str::from_utf8(&buf[..chunk.len()]).unwrap_or_default());
    }
}

const ASCII_CHUNK: usize = 32;

/// Appends what one character (already composed) normalizes to.
#[inline(always)]
fn push_folded(c: char, out: &mut String) {
    match fold(c) {
        Fold::Char(f) => out.push(f),
        Fold::Lower(lower) => out.extend(lower.filter_map(fold_lowered)),
        Fold::Mark | Fold::Format => {}
    }
}

/// The letters [`compose_hamza`] may compose with a following hamza.
#[inline(always)]
fn needs_composition(c: char) -> bool {
    matches!(
        c,
        '\u{0648}' | '\u{064A}' | '\u{06D5}' | '\u{06C1}' | '\u{06D2}'
    )
}

/// One character's fold out of context: `None` when it is removed. [`normalize`] gives the
/// same, but for a letter followed by a combining hamza (which it reads as the composed letter)
/// and for a character that lowercases to several that are kept (none in the Unicode version
/// Rust ships: İ gives i and a removed combining dot, so `Some('i')`).
pub fn fold_char(c: char) -> Option<char> {
    match fold(c) {
        Fold::Char(f) => Some(f),
        Fold::Mark | Fold::Format => None,
        Fold::Lower(mut lower) => lower.find_map(fold_lowered),
    }
}

/// The fold of one character of a lowercase mapping.
fn fold_lowered(l: char) -> Option<char> {
    match fold(l) {
        Fold::Char(f) => Some(f),
        Fold::Mark | Fold::Format => None,
        Fold::Lower(_) => Some(l),
    }
}

fn fold(c: char) -> Fold {
    if c.is_ascii() {
        return Fold::Char(c.to_ascii_lowercase());
    }
    match c {
        // Arabic combining marks (harakat, maddah and hamza above and below, Quranic marks)
        // and tatweel.
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08E1}'
        | '\u{08E3}'..='\u{08FF}'
        | '\u{0640}' => Fold::Mark,
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' => Fold::Char('\u{0627}'),
        '\u{0649}' => Fold::Char('\u{064A}'),
        '\u{0629}' => Fold::Char('\u{0647}'),
        '\u{0660}'..='\u{0669}' => digit(c, '\u{0660}'),
        '\u{06F0}'..='\u{06F9}' => digit(c, '\u{06F0}'),
        '\u{FF10}'..='\u{FF19}' => digit(c, '\u{FF10}'),
        '\u{066B}' => Fold::Char('.'),
        '\u{066C}' => Fold::Char(','),
        '\u{066A}' => Fold::Char('%'),
        // Bidi controls, zero-width space, word joiner, BOM.
        '\u{200B}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{061C}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => Fold::Format,
        // The rest of the Arabic block has no case and no accents.
        '\u{0600}'..='\u{06FF}' => Fold::Char(c),
        // Combining accents, ZWNJ, ZWJ, soft hyphen.
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{200C}'
        | '\u{200D}'
        | '\u{00AD}' => Fold::Mark,
        // Space separators.
        '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => Fold::Char(' '),
        '\u{2028}' | '\u{2029}' => Fold::Char('\n'),
        _ => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => Fold::Char(strip_accent(l)),
                _ => Fold::Lower(c.to_lowercase()),
            }
        }
    }
}

/// The ASCII digit of `c`, a digit of the set whose zero is `zero`.
fn digit(c: char, zero: char) -> Fold {
    let digit = u32::from(c)
        .checked_sub(u32::from(zero))
        .and_then(|value| char::from_digit(value, 10));
    Fold::Char(digit.unwrap_or(c))
}

/// The base letter of a lowercase precomposed letter (its canonical decomposition less the
/// combining marks), or the letter itself.
fn strip_accent(l: char) -> char {
    if l < '\u{00C0}' {
        return l;
    }
    match FOLDS.binary_search_by_key(&l, |&(precomposed, _)| precomposed) {
        Ok(k) => FOLDS.get(k).map_or(l, |&(_, base)| base),
        Err(_) => l,
    }
}

/// The composed letter that `base` and a combining hamza above among the marks that follow it
/// make (و ؤ, ي ئ, ە ۀ, ہ ۂ, ے ۓ), as composition (NFC) would: after canonical ordering only
/// another mark of the hamza's combining class (230) or a character of class 0 (a letter,
/// tatweel, a joiner) keeps it from its letter; harakat and marks below do not.
fn compose_hamza(base: char, rest: impl IntoIterator<Item = char>) -> char {
    let composed = match base {
        '\u{0648}' => '\u{0624}',
        '\u{064A}' => '\u{0626}',
        '\u{06D5}' => '\u{06C0}',
        '\u{06C1}' => '\u{06C2}',
        '\u{06D2}' => '\u{06D3}',
        _ => return base,
    };
    for m in rest {
        if m == '\u{0654}' {
            return composed;
        }
        if !other_class(m) {
            return base;
        }
    }
    base
}

/// The combining marks this module removes whose canonical combining class is neither 0 nor
/// 230 (from Python's `unicodedata.combining`).
#[rustfmt::skip]
fn other_class(m: char) -> bool {
    matches!(m,
        '\u{0315}'..='\u{033C}' | '\u{0345}' | '\u{0347}'..='\u{0349}' | '\u{034D}'..='\u{034E}'
        | '\u{0353}'..='\u{0356}' | '\u{0358}'..='\u{035A}' | '\u{035C}'..='\u{0362}'
        | '\u{0618}'..='\u{061A}' | '\u{064B}'..='\u{0652}' | '\u{0655}'..='\u{0656}'
        | '\u{065C}' | '\u{065F}' | '\u{0670}' | '\u{06E3}' | '\u{06EA}' | '\u{06ED}'
        | '\u{08D3}' | '\u{08E3}' | '\u{08E6}' | '\u{08E9}' | '\u{08ED}'..='\u{08F2}'
        | '\u{08F6}' | '\u{08F9}'..='\u{08FA}' | '\u{1AB5}'..='\u{1ABA}' | '\u{1ABD}'
        | '\u{1ABF}'..='\u{1AC0}' | '\u{1AC3}'..='\u{1AC4}' | '\u{1ACA}' | '\u{1DC2}'
        | '\u{1DCA}' | '\u{1DCD}'..='\u{1DD0}' | '\u{1DF6}'..='\u{1DFA}'
        | '\u{1DFC}'..='\u{1DFD}' | '\u{1DFF}' | '\u{FE27}'..='\u{FE2D}')
}

/// Lowercase precomposed Latin, Greek and Cyrillic letters and their base letters, sorted.
/// Every character of U+00C0–U+024F, U+0370–U+04FF, U+1E00–U+1FFF that is its own lowercase
/// and whose canonical decomposition is another character followed only by combining marks
/// this module removes (or by none: the Greek question mark is `;`); generated from Python's
/// `unicodedata.normalize("NFD", c)`.
#[rustfmt::skip]
const FOLDS: &[(char, char)] = &[
    ('à', 'a'), ('á', 'a'), ('â', 'a'), ('ã', 'a'), ('ä', 'a'), ('å', 'a'), ('ç', 'c'), ('è', 'e'),
    ('é', 'e'), ('ê', 'e'), ('ë', 'e'), ('ì', 'i'), ('í', 'i'), ('î', 'i'), ('ï', 'i'), ('ñ', 'n'),
    ('ò', 'o'), ('ó', 'o'), ('ô', 'o'), ('õ', 'o'), ('ö', 'o'), ('ù', 'u'), ('ú', 'u'), ('û', 'u'),
    ('ü', 'u'), ('ý', 'y'), ('ÿ', 'y'), ('ā', 'a'), ('ă', 'a'), ('ą', 'a'), ('ć', 'c'), ('ĉ', 'c'),
    ('ċ', 'c'), ('č', 'c'), ('ď', 'd'), ('ē', 'e'), ('ĕ', 'e'), ('ė', 'e'), ('ę', 'e'), ('ě', 'e'),
    ('ĝ', 'g'), ('ğ', 'g'), ('ġ', 'g'), ('ģ', 'g'), ('ĥ', 'h'), ('ĩ', 'i'), ('ī', 'i'), ('ĭ', 'i'),
    ('į', 'i'), ('ĵ', 'j'), ('ķ', 'k'), ('ĺ', 'l'), ('ļ', 'l'), ('ľ', 'l'), ('ń', 'n'), ('ņ', 'n'),
    ('ň', 'n'), ('ō', 'o'), ('ŏ', 'o'), ('ő', 'o'), ('ŕ', 'r'), ('ŗ', 'r'), ('ř', 'r'), ('ś', 's'),
    ('ŝ', 's'), ('ş', 's'), ('š', 's'), ('ţ', 't'), ('ť', 't'), ('ũ', 'u'), ('ū', 'u'), ('ŭ', 'u'),
    ('ů', 'u'), ('ű', 'u'), ('ų', 'u'), ('ŵ', 'w'), ('ŷ', 'y'), ('ź', 'z'), ('ż', 'z'), ('ž', 'z'),
    ('ơ', 'o'), ('ư', 'u'), ('ǎ', 'a'), ('ǐ', 'i'), ('ǒ', 'o'), ('ǔ', 'u'), ('ǖ', 'u'), ('ǘ', 'u'),
    ('ǚ', 'u'), ('ǜ', 'u'), ('ǟ', 'a'), ('ǡ', 'a'), ('ǣ', 'æ'), ('ǧ', 'g'), ('ǩ', 'k'), ('ǫ', 'o'),
    ('ǭ', 'o'), ('ǯ', 'ʒ'), ('ǰ', 'j'), ('ǵ', 'g'), ('ǹ', 'n'), ('ǻ', 'a'), ('ǽ', 'æ'), ('ǿ', 'ø'),
    ('ȁ', 'a'), ('ȃ', 'a'), ('ȅ', 'e'), ('ȇ', 'e'), ('ȉ', 'i'), ('ȋ', 'i'), ('ȍ', 'o'), ('ȏ', 'o'),
    ('ȑ', 'r'), ('ȓ', 'r'), ('ȕ', 'u'), ('ȗ', 'u'), ('ș', 's'), ('ț', 't'), ('ȟ', 'h'), ('ȧ', 'a'),
    ('ȩ', 'e'), ('ȫ', 'o'), ('ȭ', 'o'), ('ȯ', 'o'), ('ȱ', 'o'), ('ȳ', 'y'), ('ʹ', 'ʹ'), (';', ';'),
    ('΅', '¨'), ('·', '·'), ('ΐ', 'ι'), ('ά', 'α'), ('έ', 'ε'), ('ή', 'η'), ('ί', 'ι'), ('ΰ', 'υ'),
    ('ϊ', 'ι'), ('ϋ', 'υ'), ('ό', 'ο'), ('ύ', 'υ'), ('ώ', 'ω'), ('ϓ', 'ϒ'), ('ϔ', 'ϒ'), ('й', 'и'),
    ('ѐ', 'е'), ('ё', 'е'), ('ѓ', 'г'), ('ї', 'і'), ('ќ', 'к'), ('ѝ', 'и'), ('ў', 'у'), ('ѷ', 'ѵ'),
    ('ӂ', 'ж'), ('ӑ', 'а'), ('ӓ', 'а'), ('ӗ', 'е'), ('ӛ', 'ә'), ('ӝ', 'ж'), ('ӟ', 'з'), ('ӣ', 'и'),
    ('ӥ', 'и'), ('ӧ', 'о'), ('ӫ', 'ө'), ('ӭ', 'э'), ('ӯ', 'у'), ('ӱ', 'у'), ('ӳ', 'у'), ('ӵ', 'ч'),
    ('ӹ', 'ы'), ('ḁ', 'a'), ('ḃ', 'b'), ('ḅ', 'b'), ('ḇ', 'b'), ('ḉ', 'c'), ('ḋ', 'd'), ('ḍ', 'd'),
    ('ḏ', 'd'), ('ḑ', 'd'), ('ḓ', 'd'), ('ḕ', 'e'), ('ḗ', 'e'), ('ḙ', 'e'), ('ḛ', 'e'), ('ḝ', 'e'),
    ('ḟ', 'f'), ('ḡ', 'g'), ('ḣ', 'h'), ('ḥ', 'h'), ('ḧ', 'h'), ('ḩ', 'h'), ('ḫ', 'h'), ('ḭ', 'i'),
    ('ḯ', 'i'), ('ḱ', 'k'), ('ḳ', 'k'), ('ḵ', 'k'), ('ḷ', 'l'), ('ḹ', 'l'), ('ḻ', 'l'), ('ḽ', 'l'),
    ('ḿ', 'm'), ('ṁ', 'm'), ('ṃ', 'm'), ('ṅ', 'n'), ('ṇ', 'n'), ('ṉ', 'n'), ('ṋ', 'n'), ('ṍ', 'o'),
    ('ṏ', 'o'), ('ṑ', 'o'), ('ṓ', 'o'), ('ṕ', 'p'), ('ṗ', 'p'), ('ṙ', 'r'), ('ṛ', 'r'), ('ṝ', 'r'),
    ('ṟ', 'r'), ('ṡ', 's'), ('ṣ', 's'), ('ṥ', 's'), ('ṧ', 's'), ('ṩ', 's'), ('ṫ', 't'), ('ṭ', 't'),
    ('ṯ', 't'), ('ṱ', 't'), ('ṳ', 'u'), ('ṵ', 'u'), ('ṷ', 'u'), ('ṹ', 'u'), ('ṻ', 'u'), ('ṽ', 'v'),
    ('ṿ', 'v'), ('ẁ', 'w'), ('ẃ', 'w'), ('ẅ', 'w'), ('ẇ', 'w'), ('ẉ', 'w'), ('ẋ', 'x'), ('ẍ', 'x'),
    ('ẏ', 'y'), ('ẑ', 'z'), ('ẓ', 'z'), ('ẕ', 'z'), ('ẖ', 'h'), ('ẗ', 't'), ('ẘ', 'w'), ('ẙ', 'y'),
    ('ẛ', 'ſ'), ('ạ', 'a'), ('ả', 'a'), ('ấ', 'a'), ('ầ', 'a'), ('ẩ', 'a'), ('ẫ', 'a'), ('ậ', 'a'),
    ('ắ', 'a'), ('ằ', 'a'), ('ẳ', 'a'), ('ẵ', 'a'), ('ặ', 'a'), ('ẹ', 'e'), ('ẻ', 'e'), ('ẽ', 'e'),
    ('ế', 'e'), ('ề', 'e'), ('ể', 'e'), ('ễ', 'e'), ('ệ', 'e'), ('ỉ', 'i'), ('ị', 'i'), ('ọ', 'o'),
    ('ỏ', 'o'), ('ố', 'o'), ('ồ', 'o'), ('ổ', 'o'), ('ỗ', 'o'), ('ộ', 'o'), ('ớ', 'o'), ('ờ', 'o'),
    ('ở', 'o'), ('ỡ', 'o'), ('ợ', 'o'), ('ụ', 'u'), ('ủ', 'u'), ('ứ', 'u'), ('ừ', 'u'), ('ử', 'u'),
    ('ữ', 'u'), ('ự', 'u'), ('ỳ', 'y'), ('ỵ', 'y'), ('ỷ', 'y'), ('ỹ', 'y'), ('ἀ', 'α'), ('ἁ', 'α'),
    ('ἂ', 'α'), ('ἃ', 'α'), ('ἄ', 'α'), ('ἅ', 'α'), ('ἆ', 'α'), ('ἇ', 'α'), ('ἐ', 'ε'), ('ἑ', 'ε'),
    ('ἒ', 'ε'), ('ἓ', 'ε'), ('ἔ', 'ε'), ('ἕ', 'ε'), ('ἠ', 'η'), ('ἡ', 'η'), ('ἢ', 'η'), ('ἣ', 'η'),
    ('ἤ', 'η'), ('ἥ', 'η'), ('ἦ', 'η'), ('ἧ', 'η'), ('ἰ', 'ι'), ('ἱ', 'ι'), ('ἲ', 'ι'), ('ἳ', 'ι'),
    ('ἴ', 'ι'), ('ἵ', 'ι'), ('ἶ', 'ι'), ('ἷ', 'ι'), ('ὀ', 'ο'), ('ὁ', 'ο'), ('ὂ', 'ο'), ('ὃ', 'ο'),
    ('ὄ', 'ο'), ('ὅ', 'ο'), ('ὐ', 'υ'), ('ὑ', 'υ'), ('ὒ', 'υ'), ('ὓ', 'υ'), ('ὔ', 'υ'), ('ὕ', 'υ'),
    ('ὖ', 'υ'), ('ὗ', 'υ'), ('ὠ', 'ω'), ('ὡ', 'ω'), ('ὢ', 'ω'), ('ὣ', 'ω'), ('ὤ', 'ω'), ('ὥ', 'ω'),
    ('ὦ', 'ω'), ('ὧ', 'ω'), ('ὰ', 'α'), ('ά', 'α'), ('ὲ', 'ε'), ('έ', 'ε'), ('ὴ', 'η'), ('ή', 'η'),
    ('ὶ', 'ι'), ('ί', 'ι'), ('ὸ', 'ο'), ('ό', 'ο'), ('ὺ', 'υ'), ('ύ', 'υ'), ('ὼ', 'ω'), ('ώ', 'ω'),
    ('ᾀ', 'α'), ('ᾁ', 'α'), ('ᾂ', 'α'), ('ᾃ', 'α'), ('ᾄ', 'α'), ('ᾅ', 'α'), ('ᾆ', 'α'), ('ᾇ', 'α'),
    ('ᾐ', 'η'), ('ᾑ', 'η'), ('ᾒ', 'η'), ('ᾓ', 'η'), ('ᾔ', 'η'), ('ᾕ', 'η'), ('ᾖ', 'η'), ('ᾗ', 'η'),
    ('ᾠ', 'ω'), ('ᾡ', 'ω'), ('ᾢ', 'ω'), ('ᾣ', 'ω'), ('ᾤ', 'ω'), ('ᾥ', 'ω'), ('ᾦ', 'ω'), ('ᾧ', 'ω'),
    ('ᾰ', 'α'), ('ᾱ', 'α'), ('ᾲ', 'α'), ('ᾳ', 'α'), ('ᾴ', 'α'), ('ᾶ', 'α'), ('ᾷ', 'α'), ('ι', 'ι'),
    ('῁', '¨'), ('ῂ', 'η'), ('ῃ', 'η'), ('ῄ', 'η'), ('ῆ', 'η'), ('ῇ', 'η'), ('῍', '᾿'), ('῎', '᾿'),
    ('῏', '᾿'), ('ῐ', 'ι'), ('ῑ', 'ι'), ('ῒ', 'ι'), ('ΐ', 'ι'), ('ῖ', 'ι'), ('ῗ', 'ι'), ('῝', '῾'),
    ('῞', '῾'), ('῟', '῾'), ('ῠ', 'υ'), ('ῡ', 'υ'), ('ῢ', 'υ'), ('ΰ', 'υ'), ('ῤ', 'ρ'), ('ῥ', 'ρ'),
    ('ῦ', 'υ'), ('ῧ', 'υ'), ('῭', '¨'), ('΅', '¨'), ('`', '`'), ('ῲ', 'ω'), ('ῳ', 'ω'), ('ῴ', 'ω'),
    ('ῶ', 'ω'), ('ῷ', 'ω'), ('´', '´'),
];

#[cfg(test)]
mod tests {
    use super::FOLDS;

    #[test]
    fn the_accent_table_is_sorted_for_binary_search() {
        assert!(FOLDS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(FOLDS.iter().all(|&(c, _)| c.to_lowercase().eq([c])));
    }
}
