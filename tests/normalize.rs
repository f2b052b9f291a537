//! The matching copy: each fold, the offset map back to the article text, and its invariants
//! over generated strings.

use isnad::normalize::{fold_char, normalize, normalize_str, Normalized};

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

fn norm(s: &str) -> String {
    normalize_str(s)
}

/// The original text that `original_range(start, end)` points at.
fn original_of(orig: &[char], n: &Normalized, start: usize, end: usize) -> String {
    let (s, e) = n.original_range(start, end);
    orig[s..e].iter().collect()
}

/// Normalized index of the first occurrence of `needle` (already normalized) in `n`.
fn find(n: &Normalized, needle: &str) -> Option<(usize, usize)> {
    let needle = chars(needle);
    n.chars()
        .windows(needle.len())
        .position(|w| w == needle.as_slice())
        .map(|at| (at, at + needle.len()))
}

#[test]
fn harakat_and_tanween_are_removed() {
    assert_eq!(norm("يُمثل"), "يمثل");
    assert_eq!(norm("ختامًا"), "ختاما");
    assert_eq!(norm("وَزَعَمَتْ"), "وزعمت");
    assert_eq!(norm("وزعمت"), "وزعمت");
    assert_eq!(norm("إنّ"), "ان");
    assert_eq!(norm("كتابٌ كتابٍ"), "كتاب كتاب");
    // Superscript alef, the combining maddah, hamza above and below, other Arabic marks.
    assert_eq!(norm("هٰذا"), "هذا");
    assert_eq!(norm("ٱلرَّحْمَٰنِ"), "الرحمن");
    assert_eq!(norm("ا\u{0656}\u{0657}\u{065F}"), "ا");
    // Quranic annotation marks.
    assert_eq!(norm("ٱلْعَٰلَمِينَ\u{06DA}\u{06E2}\u{06ED}"), "العلمين");
    // Honorific signs above a name.
    assert_eq!(norm("محمد\u{0610}"), "محمد");
}

#[test]
fn alef_forms_alef_maqsura_and_ta_marbuta_fold() {
    assert_eq!(norm("الأخيرةإلى"), "الاخيرهالي");
    assert_eq!(norm("إلى"), "الي");
    assert_eq!(norm("آمن أمن إمام ٱبن"), "امن امن امام ابن");
    assert_eq!(norm("على"), norm("علي"));
    assert_eq!(norm("مدرسة"), "مدرسه");
    // Hamza on waw and yeh stays: it is a letter of its own.
    assert_eq!(norm("مسؤول رئيس"), "مسؤول رئيس");
}

#[test]
fn tatweel_is_removed_and_the_word_keeps_it() {
    let orig = chars("قال الأخـــبار اليوم");
    let n = normalize(&orig);
    assert_eq!(n.as_string(), "قال الاخبار اليوم");
    let (s, e) = find(&n, "الاخبار").expect("word");
    assert_eq!(original_of(&orig, &n, s, e), "الأخـــبار");
}

#[test]
fn decomposed_hamza_and_maddah_equal_the_composed_letters() {
    // Alef + maddah / hamza above / hamza below.
    assert_eq!(norm("\u{0627}\u{0653}"), norm("\u{0622}"));
    assert_eq!(norm("\u{0627}\u{0654}"), norm("\u{0623}"));
    assert_eq!(norm("\u{0627}\u{0655}"), norm("\u{0625}"));
    assert_eq!(norm("\u{0627}\u{0655}\u{0644}\u{0649}"), "الي");
    // Waw and yeh + hamza above compose to ؤ and ئ, with harakat before or after the hamza.
    assert_eq!(norm("مسو\u{0654}ول"), norm("مسؤول"));
    assert_eq!(norm("ري\u{0654}يس"), norm("رئيس"));
    assert_eq!(norm("و\u{064F}\u{0654}"), norm("ؤُ"));
    assert_eq!(norm("و\u{0654}\u{064F}"), norm("ؤُ"));
    assert_eq!(norm("ي\u{0651}\u{064E}\u{0654}"), "ئ");
    // Canonical order puts hamza below (class 220) before hamza above (230): ئ + hamza below.
    assert_eq!(norm("ي\u{0655}\u{0654}"), "ئ");
    // Another mark of the hamza's class before it keeps the letter apart, as in NFC.
    assert_eq!(norm("و\u{0653}\u{0654}"), "و");
    // Heh goal, Arabic ae and yeh barree + hamza above (Urdu, Persian).
    assert_eq!(norm("\u{06C1}\u{0654}"), norm("\u{06C2}"));
    assert_eq!(norm("\u{06D5}\u{0654}"), norm("\u{06C0}"));
    assert_eq!(norm("\u{06D2}\u{0654}"), norm("\u{06D3}"));
    // No composition without a hamza, or when something else stands between.
    assert_eq!(norm("و\u{0653}"), "و");
    assert_eq!(norm("وَ"), "و");
    assert_eq!(norm("و\u{0640}\u{0654}"), "و");
    assert_eq!(norm("و\u{200F}\u{0654}"), "و");
    assert_eq!(norm("ي\u{0655}"), "ي");
    // The composed letter keeps the base's offset, and its word covers the marks.
    let orig = chars("المسو\u{0654}\u{064E}ول قال");
    let n = normalize(&orig);
    let (s, e) = find(&n, "المسؤول").expect("word");
    assert_eq!(original_of(&orig, &n, s, e), "المسو\u{0654}\u{064E}ول");
    assert_eq!(n.to_original(4), 4);
}

#[test]
fn eastern_arabic_and_persian_digits_and_separators_become_ascii() {
    assert_eq!(norm("كوفيد-١٩"), "كوفيد-19");
    assert_eq!(norm("٣٠٪"), "30%");
    assert_eq!(norm("٠١٢٣٤٥٦٧٨٩"), "0123456789");
    assert_eq!(norm("۰۱۲۳۴۵۶۷۸۹"), "0123456789");
    assert_eq!(norm("١٫٥ مليون"), "1.5 مليون");
    assert_eq!(norm("١٬٢٠٠"), "1,200");
    assert_eq!(norm("０１２３９"), "01239");
    // One char for one char: offsets do not move.
    let orig = chars("عام ٢٠٢٣ و٣٠٪");
    let n = normalize(&orig);
    assert_eq!(n.len(), orig.len());
    assert!((0..n.len()).all(|i| n.to_original(i) == i));
}

#[test]
fn latin_is_lowercased_and_accent_insensitive() {
    assert_eq!(norm("The WHO Said"), "the who said");
    assert_eq!(norm("Café"), "cafe");
    assert_eq!(norm("Cafe\u{0301}"), "cafe");
    assert_eq!(norm("SÃO PAULO"), "sao paulo");
    assert_eq!(norm("Sa\u{0303}o Paulo"), "sao paulo");
    assert_eq!(norm("Nguyễn"), norm("Nguye\u{0302}\u{0303}n"));
    assert_eq!(norm("Nguyễn"), "nguyen");
    assert_eq!(
        norm("Ça Über Noël Ångström Mañana"),
        "ca uber noel angstrom manana"
    );
    assert_eq!(
        norm("C\u{0327}a U\u{0308}ber Noe\u{0308}l A\u{030A}ngstro\u{0308}m Man\u{0303}ana"),
        "ca uber noel angstrom manana"
    );
    assert_eq!(
        norm("Erdoğan Łódź Dvořák Bucureşti Țară"),
        "erdogan łodz dvorak bucuresti tara"
    );
    // Letters without a decomposition stay letters of their own.
    assert_eq!(norm("Straße Ørsted Æsir"), "straße ørsted æsir");
    // Greek and Cyrillic accents fold the same way.
    assert_eq!(norm("Αθήνα"), norm("Αθη\u{0301}να"));
    assert_eq!(norm("Αθήνα"), "αθηνα");
    assert_eq!(norm("Йошкар-Ола"), norm("И\u{0306}ошкар-Ола"));
}

#[test]
fn a_lowercase_of_several_chars_keeps_one_offset() {
    // İ lowercases to i + combining dot above; the dot is removed like any accent.
    let orig = chars("İstanbul");
    let n = normalize(&orig);
    assert_eq!(n.as_string(), "istanbul");
    assert_eq!(n.to_original(0), 0);
    assert_eq!(n.to_original(1), 1);
    assert_eq!(n.original_range(0, 1), (0, 1));
    assert_eq!(fold_char('İ'), Some('i'));
}

#[test]
fn spaces_become_plain_and_line_breaks_stay() {
    let orig = chars("قال\u{00A0}الوزير\u{202F}إن\u{2009}الخطة\u{3000}x\ny\tz");
    let n = normalize(&orig);
    assert_eq!(n.as_string(), "قال الوزير ان الخطه x\ny\tz");
    assert_eq!(n.len(), orig.len());
    assert_eq!(norm("a\u{2028}b\u{2029}c"), "a\nb\nc");
    assert_eq!(norm("a\u{2000}\u{200A}\u{205F}\u{1680}b"), "a    b");
}

#[test]
fn zero_width_joiners_inside_arabic_are_removed_and_covered() {
    let orig = chars("هذه لا\u{200D}ئحة جديدة");
    let n = normalize(&orig);
    assert_eq!(n.as_string(), "هذه لائحه جديده");
    let (s, e) = find(&n, "لائحه").expect("word");
    assert_eq!(original_of(&orig, &n, s, e), "لا\u{200D}ئحة");
    assert_eq!(norm("می\u{200C}خواهم"), "میخواهم");
    assert_eq!(norm("in\u{00AD}for\u{00AD}ma\u{00AD}tion"), "information");
}

#[test]
fn emoji_are_untouched_one_code_point_each() {
    let orig = chars("👍🏽 نعم 🇵🇸 ❤️");
    let n = normalize(&orig);
    assert_eq!(n.as_string(), "👍🏽 نعم 🇵🇸 ❤️");
    assert_eq!(n.len(), orig.len());
    assert!((0..n.len()).all(|i| n.to_original(i) == i));
    // A ZWJ sequence loses its joiners, and keeps each emoji's own offset.
    let family = chars("👨\u{200D}👩\u{200D}👧!");
    let n = normalize(&family);
    assert_eq!(n.as_string(), "👨👩👧!");
    assert_eq!(
        (0..n.len()).map(|i| n.to_original(i)).collect::<Vec<_>>(),
        [0, 2, 4, 5]
    );
    assert_eq!(n.original_range(0, 1), (0, 2));
    assert_eq!(n.original_range(2, 3), (4, 5));
}

#[test]
fn bidi_controls_and_other_invisibles_are_removed() {
    for c in [
        '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}', '\u{200E}',
        '\u{200F}', '\u{061C}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}',
        '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{0640}', '\u{064E}', '\u{0301}',
    ] {
        assert_eq!(fold_char(c), None, "U+{:04X}", u32::from(c));
        assert_eq!(norm(&format!("ab{c}cd")), "abcd", "U+{:04X}", u32::from(c));
    }
}

#[test]
fn removed_chars_at_the_start_and_end_are_outside_the_words() {
    // BOM, RLM before; LRM, zero-width space, RLI/PDI after.
    let orig = chars("\u{FEFF}\u{200F}قالَ\u{200E}\u{200B}\u{2067}\u{2069}");
    let n = normalize(&orig);
    assert_eq!(n.as_string(), "قال");
    assert_eq!(n.to_original(0), 2);
    assert_eq!(n.to_original(3), orig.len());
    // The word takes its fatha, not the controls after it.
    assert_eq!(n.original_range(0, 3), (2, 6));
    assert_eq!(n.from_original(0), 0);
    assert_eq!(n.from_original(2), 0);
    assert_eq!(n.from_original(5), 3);
    assert_eq!(n.from_original(orig.len()), 3);
    // Nothing but removed characters.
    let empty = normalize(&chars("\u{200F}\u{064E}\u{0640}\u{200D}"));
    assert!(empty.is_empty());
    assert_eq!(empty.len(), 0);
    assert_eq!(empty.to_original(0), 4);
    assert_eq!(empty.original_range(0, 0), (4, 4));
    assert_eq!(empty.from_original(1), 0);
    assert!(normalize(&[]).is_empty());
}

#[test]
fn controls_between_words_belong_to_neither() {
    let orig = chars("قالَ\u{200F} «الوزيرُ\u{200E}\u{064E}» x\u{200B}y");
    let n = normalize(&orig);
    assert_eq!(n.as_string(), "قال «الوزير» xy");
    let (s, e) = find(&n, "قال").expect("word");
    assert_eq!(original_of(&orig, &n, s, e), "قالَ");
    // A mark after a control belongs to no letter either.
    let (s, e) = find(&n, "الوزير").expect("word");
    assert_eq!(original_of(&orig, &n, s, e), "الوزيرُ");
    let (s, e) = find(&n, "x").expect("x");
    assert_eq!(original_of(&orig, &n, s, e), "x");
    assert_eq!(original_of(&orig, &n, s, e + 1), "x\u{200B}y");
}

#[test]
fn a_word_maps_back_to_exactly_the_original_word_with_its_harakat() {
    let text = "وَقَالَ الرَّئِيسُ إِنَّ المُفاوَضاتِ\u{00A0}ستُسْتأنَفُ غَدًا.";
    let orig = chars(text);
    let n = normalize(&orig);
    assert_eq!(n.as_string(), "وقال الرئيس ان المفاوضات ستستانف غدا.");
    for (word, original) in [
        ("وقال", "وَقَالَ"),
        ("الرئيس", "الرَّئِيسُ"),
        ("ان", "إِنَّ"),
        ("المفاوضات", "المُفاوَضاتِ"),
        ("ستستانف", "ستُسْتأنَفُ"),
        ("غدا", "غَدًا"),
    ] {
        let (s, e) = find(&n, word).expect(word);
        assert_eq!(original_of(&orig, &n, s, e), original, "{word}");
        // And back: the original word's start is the normalized word's start.
        let (os, oe) = n.original_range(s, e);
        assert_eq!(n.from_original(os), s);
        assert_eq!(n.from_original(oe), e);
    }
}

#[test]
fn out_of_range_queries_are_clamped() {
    let orig = chars("نصّ");
    let n = normalize(&orig);
    assert_eq!(n.len(), 2);
    assert_eq!(n.to_original(2), 3);
    assert_eq!(n.to_original(99), 3);
    assert_eq!(n.original_range(0, 99), (0, 3));
    assert_eq!(n.original_range(5, 9), (3, 3));
    // A reversed range is empty at its end.
    assert_eq!(n.original_range(2, 1), (1, 1));
    assert_eq!(n.from_original(99), 2);
}

#[test]
fn every_normalized_char_comes_from_its_original_char() {
    let text = "قالَ المتحدثُ باسم «الصحة» إنّ ١٢٠ حالة\u{00A0}كوفيد-١٩ سُجّلت، وقال Dr. Müller: \"It's 30%\" 👍\u{200F}\n\u{FEFF}إلى اللقاء";
    let orig = chars(text);
    let n = normalize(&orig);
    for i in 0..n.len() {
        let j = n.to_original(i);
        assert_eq!(fold_char(orig[j]), Some(n.chars()[i]), "char {i}");
        assert_eq!(n.from_original(j), i, "char {i}");
    }
}

#[test]
fn fold_char_agrees_with_normalize_on_every_code_point() {
    let mut removed = 0;
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        let n = normalize(&[c]);
        assert_eq!(n.chars(), fold_char(c).as_slice(), "U+{:04X}", u32::from(c));
        removed += usize::from(n.is_empty());
    }
    // The removed set is the documented one, not a range gone wrong.
    assert!((300..500).contains(&removed), "{removed} removed");
}

#[test]
fn lexicon_keys_normalize_like_text() {
    assert_eq!(normalize_str("أكَّدَ"), "اكد");
    assert_eq!(normalize_str("Claimed"), "claimed");
    assert_eq!(normalize_str(""), "");
    let text = normalize(&chars("وأكّدَ الوزيرُ"));
    assert!(find(&text, &normalize_str("أكد")).is_some());
}

/// A small linear congruential generator: the same strings on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

const ALPHABET: &[char] = &[
    // Arabic letters, hamza'd and other folded forms.
    'ا', 'ب', 'ت', 'ة', 'ى', 'ي', 'و', 'ه', 'ل', 'ك', 'أ', 'إ', 'آ', 'ٱ', 'ؤ', 'ئ', 'ء',
    // Harakat, shadda, sukun, superscript alef, maddah and hamza marks, a Quranic mark, tatweel.
    '\u{064B}', '\u{064E}', '\u{064F}', '\u{0650}', '\u{0651}', '\u{0652}', '\u{0670}', '\u{0653}',
    '\u{0654}', '\u{0655}', '\u{06DA}', '\u{0640}', // Digits and separators.
    '٠', '٣', '٩', '۴', '٫', '٬', '٪', '1', '0', // Spaces and line breaks.
    ' ', '\u{00A0}', '\u{202F}', '\u{2009}', '\n',
    // Joiners, controls and other removed characters (FORMAT: those that belong to no letter).
    '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{2067}', '\u{FEFF}', '\u{00AD}',
    // Latin upper and lower case, precomposed and combining accents, İ.
    'a', 'Z', 'q', 'E', 'é', 'É', 'ñ', 'Ü', 'ß', 'İ', '\u{0301}', '\u{0308}',
    // Emoji and punctuation.
    '😀', '👍', '🏽', '🇸', '«', '»', '"', '.', '-',
];

const FORMAT: &[char] = &['\u{200B}', '\u{200E}', '\u{200F}', '\u{2067}', '\u{FEFF}'];

#[test]
fn the_map_holds_its_invariants_on_generated_strings() {
    let mut rng = Lcg(0x1517_AD00);
    for round in 0..400 {
        let len = rng.next() % 60;
        let orig: Vec<char> = (0..len)
            .map(|_| ALPHABET[rng.next() % ALPHABET.len()])
            .collect();
        let n = normalize(&orig);
        let ctx = || format!("round {round}: {:?}", orig.iter().collect::<String>());

        assert_eq!(n.len(), n.chars().len(), "{}", ctx());
        assert_eq!(n.as_string().chars().count(), n.len(), "{}", ctx());
        assert_eq!(n.is_empty(), n.chars().is_empty(), "{}", ctx());
        assert!(n.len() <= orig.len(), "{}", ctx());
        assert_eq!(n.to_original(n.len()), orig.len(), "{}", ctx());

        // Monotonic, in bounds, and each char is the fold of its original char (or the
        // composed letter a combining hamza after it makes).
        for i in 0..n.len() {
            let j = n.to_original(i);
            assert!(j < orig.len(), "{}", ctx());
            if i > 0 {
                assert!(n.to_original(i - 1) <= j, "{}", ctx());
            }
            let c = n.chars()[i];
            assert!(
                fold_char(orig[j]) == Some(c)
                    || orig.get(j + 1..).is_some_and(|r| r.contains(&'\u{0654}')),
                "{} at {i}",
                ctx()
            );
            // from_original ∘ to_original is the identity on kept chars.
            assert_eq!(n.from_original(j), i, "{}", ctx());
        }

        // Each char's original range normalizes to that char alone; the ranges are ordered,
        // disjoint, and leave out only removed characters.
        let mut prev_end = 0;
        for i in 0..n.len() {
            let (s, e) = n.original_range(i, i + 1);
            assert!(
                prev_end <= s && s < e && e <= orig.len(),
                "{} at {i}",
                ctx()
            );
            assert_eq!(
                normalize(&orig[s..e]).chars(),
                &n.chars()[i..=i],
                "{} at {i}",
                ctx()
            );
            assert!(
                orig[prev_end..s].iter().all(|&c| fold_char(c).is_none()),
                "{} at {i}",
                ctx()
            );
            // A char's range holds no control, and what it leaves before the next starts
            // with one.
            assert!(
                !orig[s..e].iter().any(|c| FORMAT.contains(c)),
                "{} at {i}",
                ctx()
            );
            let next = n.to_original(i + 1);
            assert!(e == next || FORMAT.contains(&orig[e]), "{} at {i}", ctx());
            prev_end = e;
        }
        assert!(
            orig[prev_end..].iter().all(|&c| fold_char(c).is_none()),
            "{}",
            ctx()
        );

        // Ranges of several chars span from the first one's start to the last one's end.
        if n.len() >= 2 {
            let a = rng.next() % n.len();
            let b = a + 1 + rng.next() % (n.len() - a);
            let (s, e) = n.original_range(a, b);
            assert_eq!(s, n.original_range(a, a + 1).0, "{}", ctx());
            assert_eq!(e, n.original_range(b - 1, b).1, "{}", ctx());
            assert_eq!(
                normalize(&orig[s..e]).chars(),
                &n.chars()[a..b],
                "{}",
                ctx()
            );
        }

        // Every original offset maps to the first kept char at or after it.
        for j in 0..=orig.len() {
            let i = n.from_original(j);
            assert!(i <= n.len(), "{}", ctx());
            assert!(n.to_original(i) >= j, "{}", ctx());
            if i > 0 {
                assert!(n.to_original(i - 1) < j, "{}", ctx());
            }
        }
    }
}
