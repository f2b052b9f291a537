//! Any JSON either fails to parse as an annotation or round-trips through the model.
#![no_main]
use isnad::annotation::Annotation;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(a) = serde_json::from_slice::<Annotation>(data) {
        let json = serde_json::to_string(&a).unwrap_or_default();
        let back: Annotation = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
        assert_eq!(back, a);
    }
});
