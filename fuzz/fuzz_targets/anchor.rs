//! Anchoring a quote described on one text in another (the first half of the input, edited by
//! the second) never panics and never points outside the text.
#![no_main]
use isnad::anchor::{anchor, Status};
use isnad::annotation::describe;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text: Vec<char> = String::from_utf8_lossy(data).chars().collect();
    if text.len() < 4 {
        return;
    }
    let (a, b) = (text.len() / 4, text.len() / 2);
    let selectors = describe(&text, a, b);
    // The page changed: the second half is reversed.
    let mut edited = text.clone();
    edited[b..].reverse();
    let found = anchor(&edited, &selectors);
    if found.status != Status::Orphan {
        assert!(found.start <= found.end && found.end <= edited.len());
    }
    let same = anchor(&text, &selectors);
    assert_eq!((same.start, same.end, same.status), (a, b, Status::Exact));
});
