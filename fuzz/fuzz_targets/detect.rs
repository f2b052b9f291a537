//! Detection never panics and every annotation points inside the text.
#![no_main]
use isnad::detect::{annotations, detect};
use isnad::text::TextLayer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let layer = TextLayer::plain((), &text);
    let found = detect(layer.chars());
    for d in &found {
        assert!(d.start < d.end && d.end <= layer.len());
        assert!(d.source.is_none_or(|s| s < found.len()));
    }
    for a in annotations(&layer, layer.chars(), "urn:fuzz", &found) {
        let (start, end) = a.position().unwrap_or_default();
        assert!(start <= end && end <= layer.len());
    }
});
