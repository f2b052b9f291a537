//! Range checking and Arabic word snapping, before the highlight engine touches the page.

use isnad::marks::{nesting_order, snap_to_words, validate, Drawn, Kind, MarkRange, RangeError};

fn range(start: usize, end: usize) -> MarkRange {
    MarkRange {
        start,
        end,
        kind: Kind::Claim,
        id: None,
        unsourced: false,
    }
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

#[test]
fn bad_ranges_are_refused_with_the_index_and_the_reason() {
    assert_eq!(
        validate(vec![range(0, 2), range(5, 5)], 10),
        Err(RangeError::Empty {
            index: 1,
            start: 5,
            end: 5
        })
    );
    assert_eq!(
        validate(vec![range(3, 11)], 10),
        Err(RangeError::OutOfBounds {
            index: 0,
            end: 11,
            len: 10
        })
    );
    let err = validate(vec![range(3, 11)], 10).unwrap_err().to_string();
    assert!(
        err.contains("past the end") && err.contains("10 code points"),
        "{err}"
    );
    let mut no_id = range(0, 1);
    no_id.id = Some(String::new());
    assert_eq!(
        validate(vec![no_id], 10),
        Err(RangeError::EmptyId { index: 0 })
    );
}

#[test]
fn ranges_without_id_are_numbered() {
    let ranges = validate(
        vec![
            range(0, 1),
            MarkRange {
                id: Some("c1".into()),
                ..range(1, 2)
            },
        ],
        5,
    )
    .unwrap();
    assert_eq!(ranges[0].id.as_deref(), Some("isnad-0"));
    assert_eq!(ranges[1].id.as_deref(), Some("c1"));
}

#[test]
fn outer_ranges_are_marked_before_the_ranges_they_hold() {
    let mut ranges = vec![range(2, 4), range(0, 3), range(0, 9), range(2, 8)];
    nesting_order(&mut ranges);
    let order: Vec<_> = ranges.iter().map(|r| (r.start, r.end)).collect();
    assert_eq!(order, vec![(0, 9), (0, 3), (2, 8), (2, 4)]);
}

#[test]
fn arabic_edges_move_to_word_edges() {
    // «وقال الوزير إن»: a range cutting into «الوزير» grows to the whole word.
    let text = chars("وقال الوزير إن");
    assert_eq!(snap_to_words(&text, 7, 9), (5, 11));
    // Already on word edges: unchanged.
    assert_eq!(snap_to_words(&text, 5, 11), (5, 11));
}

#[test]
fn harakat_and_tatweel_stay_with_their_letters() {
    // «يُمثل» with a damma, and «قـال» with tatweel.
    let text = chars("يُمثل قـال");
    // Ending right after ي would cut its damma off: the end moves to the word's end.
    assert_eq!(snap_to_words(&text, 0, 1), (0, 5));
    assert_eq!(snap_to_words(&text, 7, 8), (6, 10));
}

#[test]
fn zero_width_joiner_nbsp_and_emoji_are_handled() {
    // ZWJ continues a word; NBSP ends one; an emoji is not a letter.
    let text = chars("ب\u{200d}ت\u{a0}قال👍");
    assert_eq!(snap_to_words(&text, 2, 3), (0, 3));
    assert_eq!(snap_to_words(&text, 4, 7), (4, 7));
    assert_eq!(snap_to_words(&text, 7, 8), (7, 8));
}

#[test]
fn latin_words_are_not_snapped() {
    let text = chars("Exports rose");
    assert_eq!(snap_to_words(&text, 2, 5), (2, 5));
}

#[test]
fn glued_words_are_snapped_as_one() {
    // «الأخيرةإلى» has no space: there is no word edge inside it to stop at.
    let text = chars("زيارة بوتين الأخيرةإلى بيونج");
    let start = "زيارة بوتين ".chars().count();
    assert_eq!(
        snap_to_words(&text, start, start + 3),
        (start, start + "الأخيرةإلى".chars().count())
    );
}

#[test]
fn drawn_ranges_are_hit_narrowest_first_and_each_id_once() {
    let mut drawn = Drawn::default();
    let with_id = |start, end, id: &str| MarkRange {
        id: Some(id.to_string()),
        ..range(start, end)
    };
    // A claim inside a longer assessment, its source beside it, and the claim drawn twice (a
    // range split around a caption is drawn in pieces with one id).
    drawn.push(&with_id(0, 40, "assessment"));
    drawn.push(&with_id(10, 20, "claim"));
    drawn.push(&with_id(20, 25, "claim"));
    drawn.push(&with_id(30, 35, "source"));
    drawn.push(&with_id(12, 14, "عربي"));
    assert_eq!(drawn.len(), 5);
    assert_eq!(drawn.ids_at(12), ["عربي", "claim", "assessment"]);
    assert_eq!(drawn.ids_at(22), ["claim", "assessment"]);
    assert_eq!(drawn.ids_at(34), ["source", "assessment"]);
    // Ends are exclusive; nothing is drawn past 40.
    assert_eq!(drawn.ids_at(35), ["assessment"]);
    assert!(drawn.ids_at(40).is_empty());
    drawn.clear();
    assert!(drawn.is_empty() && drawn.ids_at(12).is_empty());
    drawn.push(&with_id(1, 2, "again"));
    assert_eq!(drawn.ids_at(1), ["again"]);
}
