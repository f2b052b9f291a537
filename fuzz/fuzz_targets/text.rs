//! Normalization, segmentation and quantities never panic, and the offset map stays in bounds.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text: Vec<char> = String::from_utf8_lossy(data).chars().collect();
    let n = isnad::normalize::normalize(&text);
    for i in 0..=n.len() {
        assert!(n.to_original(i) <= text.len());
    }
    for s in isnad::segment::sentences(&text) {
        assert!(s.start <= s.end && s.end <= text.len());
        for t in isnad::segment::tokens(&text, s) {
            assert!(t.start < t.end && t.end <= s.end);
        }
    }
    for q in isnad::segment::quotes(&text) {
        assert!(q.outer.start <= q.inner.start && q.inner.end <= q.outer.end);
    }
    for q in isnad::numbers::quantities(&text, 0, text.len()) {
        assert!(q.start < q.end && q.end <= text.len());
    }
});
