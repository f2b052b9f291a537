//! Detection scored against the labelled dev set (tests/devset/, format in its README), per
//! language. Fails when a figure drops below the floor the README commits to.

#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use isnad::detect::{annotations, detect};
use isnad::eval::{score, Gold, Report};
use isnad::text::TextLayer;

/// The floors quoted in the README ("Detection quality"): (sources F1, assessments F1,
/// claims recall, claims precision, links right).
const FLOORS: [(&str, [f64; 5]); 2] = [
    ("ar", [0.96, 0.94, 0.97, 0.87, 0.96]),
    ("en", [0.93, 0.86, 0.94, 0.90, 0.93]),
];

fn run_devset() -> Vec<(String, String, Report)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/devset");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/devset exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 13,
        "the dev set has the seed and 12 articles"
    );
    files
        .iter()
        .map(|path| {
            let gold: Gold = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            let text = std::fs::read_to_string(dir.join(&gold.text)).unwrap();
            let layer = TextLayer::plain((), &text);
            let found = annotations(
                &layer,
                layer.chars(),
                "urn:isnad:devset",
                &detect(layer.chars()),
            );
            let report =
                score(&gold, &text, &found).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (gold.text.clone(), gold.lang.clone(), report)
        })
        .collect()
}

#[test]
fn detection_meets_the_committed_floors_on_the_dev_set() {
    let results = run_devset();
    for (name, lang, report) in &results {
        println!("== {name} ({lang})\n{report}\n");
    }
    for (lang, floors) in FLOORS {
        let mut total = Report::default();
        for (_, _, r) in results.iter().filter(|(_, l, _)| l == lang) {
            total.add(r);
        }
        println!("== all {lang}\n{total}\n");
        let figures = [
            total.sources.f1(),
            total.assessments.f1(),
            total.claims.recall(),
            total.claims.precision(),
            total.link_accuracy(),
        ];
        let names = [
            "sources F1",
            "assessments F1",
            "claims recall",
            "claims precision",
            "links right",
        ];
        for ((name, got), floor) in names.iter().zip(figures).zip(floors) {
            assert!(
                got >= floor,
                "{lang} {name}: {got:.3} is below the committed {floor:.3}"
            );
        }
    }
}
