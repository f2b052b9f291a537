//! Anchoring on real articles: round trips, moved and edited text, whitespace and harakat
//! changes, repeated text, deleted sentences, bad selectors, and random edits away from the
//! quote. Native only: it reads serde_json.

#![cfg(not(target_arch = "wasm32"))]

use isnad::anchor::{anchor, Anchored, Anchorer, Status, THRESHOLD};
use isnad::annotation::{describe, Selector};
use isnad::normalize::fold_char;

/// A dev-set article, by name.
macro_rules! devset {
    ($name:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/devset/",
            $name,
            ".txt"
        ))
    };
}

const SEED: &str = devset!("seed");
const EN: &str = devset!("en-01");
/// Every dev-set article: the seed, then English en-01, Arabic ar-01 to ar-06 (2 to 7) and
/// English en-02 to en-06 (8 to 12).
const DEVSET: [&str; 13] = [
    SEED,
    EN,
    devset!("ar-01"),
    devset!("ar-02"),
    devset!("ar-03"),
    devset!("ar-04"),
    devset!("ar-05"),
    devset!("ar-06"),
    devset!("en-02"),
    devset!("en-03"),
    devset!("en-04"),
    devset!("en-05"),
    devset!("en-06"),
];

/// Emoji (with ZWJ sequences and skin tones), NBSP, narrow NBSP, ZWNJ, bidi marks, harakat,
/// tatweel, combining accents, Persian digits.
const SYNTHETIC: &str = "قالَ المتحدثُ\u{00A0}باسم الوزارة «إنّ الوضعَ مستقرٌّ» 👩\u{200D}👩\u{200D}👧 \
في ١٢ مارس.\n\nThe café (cafe\u{0301}) said\u{202F}“no comment” 👍🏽 — \u{200F}العربية\u{200C}ی \
۱۴۰۳ ومـــــدير الأمن‍ قال: لا تعليق.\n🇵🇸🇪🇬 نهاية.";

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

fn text(content: &[char], start: usize, end: usize) -> String {
    content[start..end].iter().collect()
}

/// Replaces `content[start..end]` with `with`.
fn splice(content: &[char], start: usize, end: usize, with: &str) -> Vec<char> {
    let mut out = content[..start].to_vec();
    out.extend(with.chars());
    out.extend_from_slice(&content[end..]);
    out
}

/// A small linear congruential generator (Knuth's MMIX constants), fixed seed.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// Sentences as trimmed code-point ranges: ends after . ! ? ؟ followed by whitespace, and at
/// line breaks.
fn sentences(content: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..=content.len() {
        let end_here = match content.get(i) {
            None => true,
            Some('\n') => true,
            Some(c) if ".!?؟".contains(*c) => content.get(i + 1).is_none_or(|n| n.is_whitespace()),
            _ => false,
        };
        if end_here {
            let stop = if content.get(i).is_some_and(|c| *c != '\n') {
                i + 1
            } else {
                i
            };
            let (mut a, mut b) = (start, stop.min(content.len()));
            while a < b && content[a].is_whitespace() {
                a += 1;
            }
            while b > a && content[b - 1].is_whitespace() {
                b -= 1;
            }
            if b > a {
                out.push((a, b));
            }
            start = stop;
        }
    }
    out
}

fn count(content: &[char], needle: &[char]) -> usize {
    content
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

/// Intersection over the longer of the two ranges: 1 when they are the same.
fn overlap(a: (usize, usize), b: (usize, usize)) -> f64 {
    let inter = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    inter as f64 / (a.1 - a.0).max(b.1 - b.0).max(1) as f64
}

fn quote_selector(exact: &str, prefix: &str, suffix: &str) -> Selector {
    Selector::TextQuoteSelector {
        exact: exact.into(),
        prefix: (!prefix.is_empty()).then(|| prefix.into()),
        suffix: (!suffix.is_empty()).then(|| suffix.into()),
        extra: Default::default(),
    }
}

#[track_caller]
fn assert_at(found: Anchored, status: Status, range: (usize, usize), what: &str) {
    assert_eq!(
        (found.status, found.start, found.end),
        (status, range.0, range.1),
        "{what}: {found:?}"
    );
}

// ---- round trips ----

fn round_trip(source: &str, seed: u64) {
    let content = chars(source);
    let anchorer = Anchorer::new(&content);
    let mut rng = Lcg(seed);
    for _ in 0..1000 {
        let bound = if rng.below(4) == 0 { 400 } else { 60 };
        let len = 1 + rng.below(bound);
        let start = rng.below(content.len() - len.min(content.len() - 1));
        let end = (start + len).min(content.len());
        let found = anchorer.anchor(&describe(&content, start, end));
        assert_at(
            found,
            Status::Exact,
            (start, end),
            &text(&content, start, end),
        );
        assert_eq!(found.score, 1.0);
    }
}

#[test]
fn round_trip_on_the_arabic_seed_article() {
    round_trip(SEED, 1);
}

#[test]
fn round_trip_on_the_english_article() {
    round_trip(EN, 2);
}

#[test]
fn round_trip_through_emoji_nbsp_zwj_and_harakat() {
    round_trip(SYNTHETIC, 3);
    // And every range of up to 12 code points, where it is and moved by a line added on top
    // (ranges that split an emoji sequence or a letter from its harakat included).
    let content = chars(SYNTHETIC);
    let moved = splice(&content, 0, 0, "عاجل 🔴\n");
    let moved = Anchorer::new(&moved);
    for start in 0..content.len() {
        for end in start + 1..=(start + 12).min(content.len()) {
            let selectors = describe(&content, start, end);
            let what = text(&content, start, end);
            assert_at(
                anchor(&content, &selectors),
                Status::Exact,
                (start, end),
                &what,
            );
            assert_at(
                moved.anchor(&selectors),
                Status::Moved,
                (start + 7, end + 7),
                &what,
            );
        }
    }
}

#[test]
fn position_alone_is_exact_when_in_range() {
    let content = chars(EN);
    let found = anchor(
        &content,
        &[Selector::TextPositionSelector {
            start: 5,
            end: 12,
            extra: Default::default(),
        }],
    );
    assert_at(found, Status::Exact, (5, 12), "position only");
}

#[test]
fn selectors_refining_a_css_selector_are_read() {
    let content = chars(EN);
    let selectors = describe(&content, 200, 260);
    let refined = Selector::CssSelector {
        value: "article".into(),
        refined_by: Some(Box::new(selectors[1].clone())),
        extra: Default::default(),
    };
    let found = anchor(&content, &[selectors[0].clone(), refined]);
    assert_at(found, Status::Exact, (200, 260), "refined position");
    // With a paragraph inserted above, the quote (also refining) moves.
    let moved = splice(&content, 0, 0, "Update: talks resumed.\n\n");
    let quote = Selector::CssSelector {
        value: "article".into(),
        refined_by: Some(Box::new(selectors[0].clone())),
        extra: Default::default(),
    };
    let found = anchor(&moved, &[quote]);
    assert_at(
        found,
        Status::Exact,
        (224, 284),
        "refined quote, no position",
    );
}

// ---- moved ----

fn paragraph_inserted_above(source: &str, paragraph: &str, seed: u64) {
    let content = chars(source);
    let mut rng = Lcg(seed);
    // Paragraph starts: where an editor would insert one.
    let breaks: Vec<usize> = (1..content.len())
        .filter(|&i| content[i - 1] == '\n' && content[i] != '\n')
        .collect();
    let mut tested = 0;
    for _ in 0..300 {
        let len = 1 + rng.below(120);
        let start = rng.below(content.len() - len);
        let end = start + len;
        // The first paragraph break above the quote, the nearest (which may change the
        // quote's stored prefix) or any between.
        let above: Vec<usize> = breaks.iter().copied().filter(|&b| b <= start).collect();
        if above.is_empty() {
            continue;
        }
        let at = match rng.below(3) {
            0 => above[0],
            1 => above[above.len() - 1],
            _ => above[rng.below(above.len())],
        };
        let inserted = format!("{paragraph}\n\n");
        let shift = inserted.chars().count();
        let edited = splice(&content, at, at, &inserted);
        let found = anchor(&edited, &describe(&content, start, end));
        let what = text(&content, start, end);
        assert_at(found, Status::Moved, (start + shift, end + shift), &what);
        assert_eq!(text(&edited, found.start, found.end), what);
        tested += 1;
    }
    assert!(tested > 100, "{tested}");
}

#[test]
fn a_paragraph_inserted_above_moves_arabic_quotes() {
    paragraph_inserted_above(
        SEED,
        "تحديث: أعلنت وزارة الخارجية الروسية مساء اليوم أن الزيارة ستستمر يومين إضافيين.",
        4,
    );
}

#[test]
fn a_paragraph_inserted_above_moves_english_quotes() {
    paragraph_inserted_above(
        EN,
        "Update: the union said late on Tuesday that talks would resume on Thursday.",
        5,
    );
}

#[test]
fn a_quote_with_an_out_of_range_position_is_found_by_its_text() {
    let content = chars(EN);
    let mut selectors = describe(&content, 300, 380);
    selectors[1] = Selector::TextPositionSelector {
        start: 90_000,
        end: 90_080,
        extra: Default::default(),
    };
    let found = anchor(&content, &selectors);
    assert_at(found, Status::Moved, (300, 380), "far position");
}

// ---- fuzzy ----

/// Words (whitespace-separated, at least three letters) of a sentence, as ranges.
fn words(content: &[char], (start, end): (usize, usize)) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = start;
    while i < end {
        if content[i].is_alphabetic() {
            let a = i;
            while i < end && content[i].is_alphabetic() {
                i += 1;
            }
            if i - a >= 3 {
                out.push((a, i));
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Replaces 1, 2 and 3 words in every sentence of 60 code points or more with other words of
/// the same article of about the same length; the quote must come back Fuzzy on the edited
/// sentence.
fn words_changed(source: &str, seed: u64) -> usize {
    let content = chars(source);
    let mut rng = Lcg(seed);
    let all = sentences(&content);
    let vocabulary: Vec<String> = all
        .iter()
        .flat_map(|&s| words(&content, s))
        .map(|(a, b)| text(&content, a, b))
        .collect();
    let mut tested = 0;
    for &(start, end) in all.iter().filter(|(a, b)| b - a >= 60) {
        let in_sentence = words(&content, (start, end));
        for n in 1..=3usize {
            if in_sentence.len() < n + 2 {
                continue;
            }
            // Words spread over the sentence, the first and last kept.
            let picked: Vec<(usize, usize)> = (1..=n)
                .map(|k| in_sentence[k * (in_sentence.len() - 1) / (n + 1)])
                .collect();
            let mut edited = content.clone();
            let mut new_end = end;
            for &(a, b) in picked.iter().rev() {
                let old = text(&content, a, b);
                let len = b - a;
                // A word of about the same length (any other word if there is none).
                let mut tries = 0;
                let with = loop {
                    let w = &vocabulary[rng.below(vocabulary.len())];
                    tries += 1;
                    if *w != old && (tries > 1000 || w.chars().count().abs_diff(len) <= 1) {
                        break w.clone();
                    }
                };
                new_end = new_end + with.chars().count() - len;
                edited = splice(&edited, a, b, &with);
            }
            let found = anchor(&edited, &describe(&content, start, end));
            let what = format!(
                "{n} words: {} => {}",
                text(&content, start, end),
                text(&edited, start, new_end)
            );
            assert_eq!(found.status, Status::Fuzzy, "{what}: {found:?}");
            assert!(
                overlap((found.start, found.end), (start, new_end)) >= 0.9,
                "{what}: {found:?}"
            );
            tested += 1;
        }
    }
    tested
}

#[test]
fn one_to_three_words_changed_in_arabic_sentences_is_fuzzy() {
    assert!(words_changed(SEED, 6) >= 30);
}

#[test]
fn one_to_three_words_changed_in_english_sentences_is_fuzzy() {
    assert!(words_changed(EN, 7) >= 30);
}

fn is_haraka(c: char) -> bool {
    ('\u{064B}'..='\u{0652}').contains(&c)
}

/// Applies `change` to every Arabic sentence of the seed article; each must come back Fuzzy,
/// exactly on the changed sentence.
fn arabic_spelling_changed(change: impl Fn(&[char]) -> String) -> usize {
    let content = chars(SEED);
    let mut tested = 0;
    for (start, end) in sentences(&content) {
        let sentence = &content[start..end];
        let changed = change(sentence);
        if changed.chars().eq(sentence.iter().copied()) {
            continue;
        }
        let new_end = start + changed.chars().count();
        let edited = splice(&content, start, end, &changed);
        let found = anchor(&edited, &describe(&content, start, end));
        assert_at(found, Status::Fuzzy, (start, new_end), &changed);
        assert!(found.score > 0.98, "{found:?}");
        tested += 1;
    }
    tested
}

#[test]
fn harakat_removed_is_fuzzy_on_the_same_sentence() {
    let tested = arabic_spelling_changed(|s| s.iter().filter(|c| !is_haraka(**c)).collect());
    assert!(tested >= 8, "{tested}");
}

#[test]
fn harakat_added_is_fuzzy_on_the_same_sentence() {
    let tested = arabic_spelling_changed(|s| {
        let mut out = String::new();
        for (i, &c) in s.iter().enumerate() {
            out.push(c);
            if ('\u{0628}'..='\u{064A}').contains(&c) && i % 3 == 0 {
                out.push('\u{064E}');
            }
        }
        out
    });
    assert!(tested >= 20, "{tested}");
}

#[test]
fn hamza_on_alef_added_or_dropped_is_fuzzy_on_the_same_sentence() {
    let tested = arabic_spelling_changed(|s| {
        s.iter()
            .enumerate()
            .map(|(i, &c)| match c {
                'أ' | 'إ' | 'آ' => 'ا',
                'ا' if i == 0 || s[i - 1] == ' ' => 'أ',
                _ => c,
            })
            .collect()
    });
    assert!(tested >= 20, "{tested}");
}

/// Every whitespace run inside the quote replaced by another one (a markup change: lines
/// re-wrapped, paragraphs split).
fn whitespace_changed(source: &str, seed: u64) {
    let content = chars(source);
    let mut rng = Lcg(seed);
    let runs = ["\n", "  ", "\n\n", " \n\t ", "\u{00A0}", "\n    \n"];
    let mut tested = 0;
    while tested < 100 {
        let len = 20 + rng.below(200);
        let start = rng.below(content.len() - len);
        let end = start + len;
        // Ranges as a reader selects them: from a letter to a letter (a fuzzy match covers
        // whole letters with their harakat, so it cannot start or end between a letter and
        // its marks).
        let letter = |c: char| !c.is_whitespace() && fold_char(c).is_some();
        if !letter(content[start])
            || !letter(content[end - 1])
            || content.get(end).is_some_and(|&c| fold_char(c).is_none())
            || !content[start..end].contains(&' ')
        {
            continue;
        }
        let mut changed = String::new();
        let mut i = start;
        while i < end {
            if content[i].is_whitespace() {
                while content[i].is_whitespace() {
                    i += 1;
                }
                changed.push_str(runs[rng.below(runs.len())]);
            } else {
                changed.push(content[i]);
                i += 1;
            }
        }
        let new_end = start + changed.chars().count();
        let edited = splice(&content, start, end, &changed);
        let found = anchor(&edited, &describe(&content, start, end));
        assert_at(found, Status::Fuzzy, (start, new_end), &changed);
        tested += 1;
    }
}

#[test]
fn whitespace_and_newlines_changed_inside_arabic_quotes() {
    whitespace_changed(SEED, 8);
}

#[test]
fn whitespace_and_newlines_changed_inside_english_quotes() {
    whitespace_changed(EN, 9);
}

// ---- repeated text ----

/// Code-point offset of the first occurrence of `needle` in `haystack`.
fn find(haystack: &str, needle: &str) -> usize {
    haystack[..haystack.find(needle).unwrap()].chars().count()
}

#[test]
fn of_two_occurrences_the_one_whose_context_matches_wins() {
    let repeated = "The ministry declined to comment publicly.";
    // The sentence is once in the sixth paragraph already; once more, annotated, at the end.
    assert_eq!(count(&chars(EN), &chars(repeated)), 1);
    let source = format!("{EN}\n{repeated} The talks resume on Friday.\n");
    let content = chars(&source);
    let first = find(&source, repeated);
    let start = source[..source.rfind(repeated).unwrap()].chars().count();
    let end = start + repeated.chars().count();
    assert_eq!(text(&content, start, end), repeated);
    let selectors = describe(&content, start, end);
    // An editor adds a paragraph at the top.
    let paragraph = "Update: the union said talks would resume on Thursday.\n\n";
    let shift = paragraph.chars().count();
    let edited = splice(&content, 0, 0, paragraph);
    let found = anchor(&edited, &selectors);
    assert_at(
        found,
        Status::Moved,
        (start + shift, end + shift),
        "context wins",
    );
    // Even when the stored position points at the other occurrence.
    let mut misleading = selectors.clone();
    misleading[1] = Selector::TextPositionSelector {
        start: first + shift,
        end: first + shift + repeated.chars().count(),
        extra: Default::default(),
    };
    let found = anchor(&edited, &misleading);
    assert_at(
        found,
        Status::Moved,
        (start + shift, end + shift),
        "context wins over a misleading position",
    );
    // And the first occurrence, annotated, stays itself.
    let found = anchor(&edited, &describe(&content, first, first + repeated.len()));
    assert_at(
        found,
        Status::Moved,
        (first + shift, first + shift + repeated.len()),
        "the first",
    );
}

#[test]
fn of_two_occurrences_with_the_same_context_the_nearest_wins() {
    let block = "Officials at the port authority said the backlog of containers would take weeks \
                 to clear once work resumed.";
    let source = format!("{EN}\n{block}\n\n{EN}\n{block}\n\n{EN}");
    let content = chars(&source);
    let quote = "the backlog of containers would take weeks";
    let q = chars(quote);
    let at: Vec<usize> = (0..content.len() - q.len())
        .filter(|&i| content[i..i + q.len()] == q[..])
        .collect();
    assert_eq!(at.len(), 2, "the quote is in the block only");
    // The same 32 code points before and after both.
    let (a, b) = (at[0], at[1]);
    assert_eq!(
        text(&content, a - 32, a + q.len() + 32),
        text(&content, b - 32, b + q.len() + 32)
    );
    for &start in &at {
        let selectors = describe(&content, start, start + q.len());
        // A small insertion above both: both shift, with the same context; the nearest to the
        // old position is the annotated one.
        let edited = splice(&content, 10, 10, " (updated)");
        let found = anchor(&edited, &selectors);
        assert_at(
            found,
            Status::Moved,
            (start + 10, start + 10 + q.len()),
            "nearest",
        );
        // With no position at all the first wins.
        let found = anchor(&edited, &selectors[..1]);
        assert_at(found, Status::Exact, (a + 10, a + 10 + q.len()), "first");
    }
}

// ---- deleted ----

#[test]
fn a_deleted_sentence_is_an_orphan_never_anchored_elsewhere() {
    let mut tested = [0, 0];
    for (k, source) in DEVSET.iter().enumerate() {
        let content = chars(source);
        for (start, end) in sentences(&content) {
            let sentence = &content[start..end];
            if end - start < 20 {
                continue;
            }
            // Delete it with the space after it.
            let cut = if content.get(end) == Some(&' ') {
                end + 1
            } else {
                end
            };
            let edited = splice(&content, start, cut, "");
            // The sentence is really gone (not a part of another one).
            if count(&edited, sentence) > 0 {
                continue;
            }
            let found = anchor(&edited, &describe(&content, start, end));
            assert_eq!(
                (found.status, found.start, found.end),
                (Status::Orphan, 0, 0),
                "deleted: {} -> {:?}",
                text(&content, start, end),
                text(&edited, found.start, found.end)
            );
            assert!(found.score < THRESHOLD);
            tested[usize::from(k == 1 || k >= 8)] += 1;
        }
    }
    // Every sentence of the dev set: Arabic first, English second.
    assert!(tested[0] >= 50 && tested[1] >= 50, "{tested:?}");
}

#[test]
fn a_deleted_sentence_does_not_land_on_its_near_twin() {
    let content = chars(
        "The ministry said on Monday that 12 people were killed in the attack on the market. \
         The ministry said on Monday that 14 people were injured in the attack on the market. \
         Rescue teams were still searching the rubble late on Monday night.",
    );
    let sentences = sentences(&content);
    for (i, &(start, end)) in sentences.iter().take(2).enumerate() {
        let selectors = describe(&content, start, end);
        let cut = if content.get(end) == Some(&' ') {
            end + 1
        } else {
            end
        };
        let edited = splice(&content, start, cut, "");
        let found = anchor(&edited, &selectors);
        assert_eq!(found.status, Status::Orphan, "sentence {i}: {found:?}");
        // But the same sentence with its number corrected is still found.
        let corrected: String = text(&content, start, end)
            .replace("12", "13")
            .replace("14", "15");
        let edited = splice(&content, start, end, &corrected);
        let found = anchor(&edited, &selectors);
        assert_at(found, Status::Fuzzy, (start, end), &corrected);
    }
}

#[test]
fn a_short_quote_whose_sentence_is_gone_does_not_move_to_the_same_words_elsewhere() {
    let content = chars(EN);
    let sentence = "The ministry declined to comment publicly.";
    let start = EN.find(sentence).map(|b| EN[..b].chars().count()).unwrap();
    // "declined to comment" (19 code points) appears nowhere else; add it elsewhere, then
    // delete the sentence.
    let quote_start = start + 13;
    let selectors = describe(&content, quote_start, quote_start + 19);
    assert_eq!(
        text(&content, quote_start, quote_start + 19),
        "declined to comment"
    );
    let edited = splice(&content, start, start + sentence.chars().count(), "");
    let edited = splice(
        &edited,
        edited.len(),
        edited.len(),
        "\n\nOrsund Holdings declined to comment on the share price.",
    );
    let found = anchor(&edited, &selectors);
    assert_eq!(found.status, Status::Orphan, "{found:?}");
}

#[test]
fn a_short_quote_edited_away_does_not_move_to_a_repeated_name() {
    // "مركز أبحاث المياه والبيئة" is named twice in ar-03. The end of the second one is
    // annotated, then edited away: the first is preceded by much the same words (up to 23 of
    // the 32 code points of the stored prefix), but it is another place.
    let source = DEVSET[4];
    let content = chars(source);
    let name = "يُذكر أن مركز أبحاث المياه والبيئة";
    assert_eq!(count(&content, &chars("مركز أبحاث المياه والبيئة")), 2);
    let end = find(source, name) + name.chars().count();
    for len in 2..=7 {
        let start = end - len;
        let selectors = describe(&content, start, end);
        let edited = splice(&content, start, end, &"؟".repeat(len));
        let found = anchor(&edited, &selectors);
        assert_eq!(
            found.status,
            Status::Orphan,
            "{}: {found:?}",
            text(&content, start, end)
        );
    }
}

// ---- bad selectors ----

#[test]
fn empty_quote_bad_position_and_no_selectors_are_orphans() {
    let content = chars(SEED);
    let orphan = |found: Anchored| {
        assert_eq!(
            (found.status, found.start, found.end),
            (Status::Orphan, 0, 0)
        );
        assert!(found.score < THRESHOLD);
    };
    orphan(anchor(&content, &[]));
    orphan(anchor(&content, &[quote_selector("", "", "")]));
    orphan(anchor(
        &content,
        &[
            quote_selector("", "abc", "def"),
            Selector::TextPositionSelector {
                start: 3,
                end: 3,
                extra: Default::default(),
            },
        ],
    ));
    orphan(anchor(
        &content,
        &[Selector::TextPositionSelector {
            start: 10,
            end: 100_000,
            extra: Default::default(),
        }],
    ));
    orphan(anchor(
        &content,
        &[Selector::TextPositionSelector {
            start: usize::MAX,
            end: 4,
            extra: Default::default(),
        }],
    ));
    orphan(anchor(
        &content,
        &[Selector::CssSelector {
            value: "p".into(),
            refined_by: None,
            extra: Default::default(),
        }],
    ));
    orphan(anchor(&[], &describe(&content, 10, 40)));
    orphan(anchor(
        &content,
        &[
            quote_selector("not in this article at all, anywhere", "", ""),
            Selector::TextPositionSelector {
                start: usize::MAX - 1,
                end: usize::MAX,
                extra: Default::default(),
            },
        ],
    ));
    // A quote longer than the page.
    let long: String = SEED.repeat(2);
    orphan(anchor(&content, &[quote_selector(&long, "x", "y")]));
}

#[test]
fn status_serializes_in_lowercase() {
    let found = anchor(&chars(EN), &describe(&chars(EN), 0, 10));
    assert_eq!(serde_json::to_string(&found.status).unwrap(), "\"exact\"");
    assert_eq!(
        serde_json::to_string(&Status::Orphan).unwrap(),
        "\"orphan\""
    );
}

// ---- property: random edits away from the quote ----

fn edits_far_from_the_quote(source: &str, seed: u64) {
    let original = chars(source);
    let mut rng = Lcg(seed);
    for round in 0..300 {
        let len = 1 + rng.below(if round % 3 == 0 { 8 } else { 100 });
        let start = rng.below(original.len() - len);
        let (mut qs, mut qe) = (start, start + len);
        let selectors = describe(&original, qs, qe);
        let mut content = original.clone();
        for _ in 0..1 + rng.below(6) {
            // An edit at least 40 code points away from the quote (its stored context is 32).
            let at = rng.below(content.len());
            let del = if rng.below(2) == 0 { rng.below(20) } else { 0 };
            let ins: String = (0..rng.below(25))
                .map(|_| original[rng.below(original.len())])
                .collect();
            let to = (at + del).min(content.len());
            if !(to + 40 <= qs || at >= qe + 40) {
                continue;
            }
            content = splice(&content, at, to, &ins);
            if to <= qs {
                let shift = ins.chars().count() as isize - (to - at) as isize;
                qs = (qs as isize + shift) as usize;
                qe = (qe as isize + shift) as usize;
            }
        }
        let found = anchor(&content, &selectors);
        let status = if (qs, qe) == (start, start + len) {
            Status::Exact
        } else {
            Status::Moved
        };
        assert_at(
            found,
            status,
            (qs, qe),
            &text(&original, start, start + len),
        );
    }
}

#[test]
fn random_edits_far_from_arabic_quotes_never_move_them() {
    edits_far_from_the_quote(SEED, 10);
}

#[test]
fn random_edits_far_from_english_quotes_never_move_them() {
    edits_far_from_the_quote(EN, 11);
}

#[test]
fn the_anchorer_answers_as_the_wrapper_does() {
    let content = chars(SEED);
    let edited = splice(&content, 500, 500, "\n\nفقرة جديدة أضيفت هنا.\n\n");
    let anchorer = Anchorer::new(&edited);
    let mut rng = Lcg(12);
    for _ in 0..100 {
        let len = 1 + rng.below(80);
        let start = rng.below(content.len() - len);
        let selectors = describe(&content, start, start + len);
        assert_eq!(anchorer.anchor(&selectors), anchor(&edited, &selectors));
    }
}
