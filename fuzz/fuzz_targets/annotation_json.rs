//! Any JSON either fails to parse as an annotation or round-trips through the model to the same
//! JSON. (Compared as JSON, not as structs: input with a duplicate key can only be kept as an
//! unknown body, which then reads back as the known kind it spells.)
#![no_main]
use isnad::annotation::Annotation;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(a) = serde_json::from_slice::<Annotation>(data) {
        let json = serde_json::to_value(&a).unwrap_or_default();
        let back: Annotation = serde_json::from_value(json.clone()).unwrap_or_else(|e| panic!("{json}: {e}"));
        assert_eq!(serde_json::to_value(&back).unwrap_or_default(), json);
    }
});
