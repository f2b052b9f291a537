//! Annotations Isnad writes pass the W3C Web Annotation "musts" (the assertion schemas in
//! ../shared/w3c-annotation-schemas, as listed in annotationMusts.test).

#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use isnad::annotation::{describe, stable_id, Annotation, Body, Target, CONTEXT};
use isnad::marks::Kind;
use jsonschema::{Draft, Retrieve, Uri};
use serde_json::Value;

fn schemas() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/w3c-annotation-schemas")
}

/// Finds `id.json`, `bodyTarget.json` … among the definitions, by file name.
struct Definitions;

impl Retrieve for Definitions {
    fn retrieve(
        &self,
        uri: &Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let name = uri
            .path()
            .as_str()
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_string();
        let path = schemas().join("definitions").join(&name);
        Ok(serde_json::from_str(&std::fs::read_to_string(path)?)?)
    }
}

/// The "must" assertions of annotationMusts.test, compiled once: (file, validator, whether the
/// annotation should be valid, the error message).
fn musts() -> &'static [(String, jsonschema::Validator, bool, String)] {
    static MUSTS: std::sync::OnceLock<Vec<(String, jsonschema::Validator, bool, String)>> =
        std::sync::OnceLock::new();
    MUSTS.get_or_init(|| {
        let test: Value = serde_json::from_str(
            &std::fs::read_to_string(schemas().join("annotations/annotationMusts.test")).unwrap(),
        )
        .unwrap();
        test["assertions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|assertion| {
                let file = assertion.as_str().unwrap();
                let schema: Value =
                    serde_json::from_str(&std::fs::read_to_string(schemas().join(file)).unwrap())
                        .unwrap();
                let validator = jsonschema::options()
                    .with_draft(Draft::Draft4)
                    .with_base_uri("https://isnad.invalid/schemas/")
                    .with_retriever(Definitions)
                    .should_validate_formats(true)
                    .build(&schema)
                    .unwrap_or_else(|e| panic!("{file}: {e}"));
                let expect_valid =
                    schema.get("expectedResult").and_then(Value::as_str) != Some("invalid");
                let message = schema["errorMessage"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string();
                (file.to_string(), validator, expect_valid, message)
            })
            .collect()
    })
}

/// Every failed "must" assertion for one annotation, as (assertion file, error message).
pub fn must_failures(annotation: &Value) -> Vec<(String, String)> {
    musts()
        .iter()
        .filter(|(_, validator, expect_valid, _)| validator.is_valid(annotation) != *expect_valid)
        .map(|(file, _, _, message)| (file.clone(), message.clone()))
        .collect()
}

fn sample(kind: Kind) -> Annotation {
    let content: Vec<char> = "وقال وزير المالية أحمد سالم إن التضخم تراجع إلى 12% في أكتوبر."
        .chars()
        .collect();
    let selector = describe(&content, 31, 61);
    Annotation {
        context: CONTEXT.into(),
        id: stable_id(kind, &selector),
        kind: "Annotation".into(),
        motivation: Some("classifying".into()),
        body: vec![
            Body::textual("classifying", kind.as_str()),
            Body::link("linking", "urn:isnad:source:0000000000000001"),
        ],
        target: Target::new("https://www.elbalad.news/article", selector),
        isnad: None,
        extra: Default::default(),
    }
}

#[test]
fn the_musts_reject_a_broken_annotation() {
    // The checker itself can fail: an annotation without id or target breaks musts.
    let mut broken = serde_json::to_value(sample(Kind::Claim)).unwrap();
    broken.as_object_mut().unwrap().remove("id");
    broken.as_object_mut().unwrap().remove("target");
    let failures = must_failures(&broken);
    assert!(
        failures
            .iter()
            .any(|(f, _)| f.contains("annotationIdValidated")),
        "{failures:?}"
    );
    assert!(
        failures.iter().any(|(f, _)| f.contains("targetKeyFound")),
        "{failures:?}"
    );
}

#[test]
fn isnad_annotations_pass_the_musts() {
    for kind in [Kind::Claim, Kind::Source, Kind::Assessment] {
        let value = serde_json::to_value(sample(kind)).unwrap();
        assert_eq!(must_failures(&value), vec![], "{value:#}");
    }
}

#[test]
fn quote_selectors_count_code_points_with_32_of_context() {
    let content: Vec<char> = "😀 قالَ\u{a0}الوزير\u{200d} إنّ التضخم 🇪🇬 تراجع"
        .chars()
        .collect();
    let selectors = describe(&content, 2, 14);
    let value = serde_json::to_value(&selectors).unwrap();
    assert_eq!(value[0]["type"], "TextQuoteSelector");
    assert_eq!(value[0]["exact"], "قالَ\u{a0}الوزير\u{200d}");
    assert_eq!(value[0]["prefix"], "😀 ");
    assert_eq!(
        value[1],
        serde_json::json!({"type": "TextPositionSelector", "start": 2, "end": 14})
    );
    let long: Vec<char> = "ا".repeat(100).chars().collect();
    let value = serde_json::to_value(describe(&long, 50, 60)).unwrap();
    assert_eq!(value[0]["prefix"].as_str().unwrap().chars().count(), 32);
    assert_eq!(value[0]["suffix"].as_str().unwrap().chars().count(), 32);
}

#[test]
fn annotations_round_trip_through_json() {
    let a = sample(Kind::Assessment);
    let json = serde_json::to_string(&a).unwrap();
    let back: Annotation = serde_json::from_str(&json).unwrap();
    assert_eq!(back, a);
    assert_eq!(back.kind(), Some(Kind::Assessment));
    assert_eq!(back.position(), Some((31, 61)));
    assert_eq!(back.exact(), Some("التضخم تراجع إلى 12% في أكتوبر"));
}

#[test]
fn detected_annotations_pass_the_musts() {
    use isnad::detect::{annotations, detect};
    use isnad::text::TextLayer;
    for file in ["seed.txt", "en-01.txt", "ar-04.txt"] {
        let text = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/devset")
                .join(file),
        )
        .unwrap();
        let layer = TextLayer::plain((), &text);
        let found = annotations(
            &layer,
            layer.chars(),
            "https://www.elbalad.news/6253000",
            &detect(layer.chars()),
        );
        assert!(found.len() > 10, "{file}");
        for a in &found {
            let value = serde_json::to_value(a).unwrap();
            assert_eq!(must_failures(&value), vec![], "{file}: {value:#}");
        }
    }
}

/// The W3C shapes Isnad writes back in one form: one body as a list of one, a target IRI as
/// `{ "source": IRI }`, one selector as a list of one.
fn canonical(mut v: Value) -> Value {
    if let Some(o) = v.as_object_mut() {
        if let Some(body) = o.get_mut("body") {
            if !body.is_array() {
                *body = Value::Array(vec![body.take()]);
            }
        }
        if let Some(target) = o.get_mut("target") {
            if target.is_string() {
                *target = serde_json::json!({ "source": target.take() });
            }
            if let Some(sel) = target.get_mut("selector") {
                if !sel.is_array() {
                    *sel = Value::Array(vec![sel.take()]);
                }
            }
        }
    }
    v
}

#[test]
fn the_w3c_samples_round_trip_without_loss() {
    let dir = schemas().join("samples/correct");
    let mut read = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let original: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        // Isnad reads annotations with one target (multi-target annotations are not for it).
        if original.get("type") != Some(&Value::from("Annotation")) || original["target"].is_array()
        {
            continue;
        }
        let parsed: Annotation = serde_json::from_value(original.clone())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let back = serde_json::to_value(&parsed).unwrap();
        assert_eq!(back, canonical(original), "{}", path.display());
        read += 1;
    }
    assert!(read >= 30, "{read} samples read");
}

/// Found by fuzzing: properties on selectors were dropped, and a body with a duplicate key came
/// back as another kind.
#[test]
fn selectors_keep_unknown_properties_and_odd_input_round_trips_as_json() {
    let input = serde_json::json!({
        "@context": CONTEXT, "id": "urn:x:1", "type": "Annotation",
        "body": [{"type": "TextualBody", "purpose": "classifying", "value": "claim", "language": "ar"}],
        "target": {"source": "https://news.example/", "selector": [
            {"type": "TextQuoteSelector", "exact": "I", "$xact": "kept", "refinedBy": {"type": "TextPositionSelector", "start": 0, "end": 1}},
            {"type": "TextPositionSelector", "start": 3, "end": 4, "note": "kept too"}
        ]}
    });
    let a: Annotation = serde_json::from_value(input.clone()).unwrap();
    assert_eq!(serde_json::to_value(&a).unwrap(), input);
    for file in
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/annotation_json"))
            .unwrap()
    {
        let path = file.unwrap().path();
        if !path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("regression-")
        {
            continue;
        }
        let Ok(a) = serde_json::from_slice::<Annotation>(&std::fs::read(&path).unwrap()) else {
            continue;
        };
        let json = serde_json::to_value(&a).unwrap();
        let back: Annotation = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(
            serde_json::to_value(&back).unwrap(),
            json,
            "{}",
            path.display()
        );
    }
}
