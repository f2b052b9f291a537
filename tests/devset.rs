//! Detection scored against the labelled dev set (tests/devset/, format in its README), per
//! language. Fails when a figure drops below the floor the README commits to.

#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use isnad::eval::check_set;

/// The floors quoted in the README ("Detection quality"): (sources F1, assessments F1,
/// claims recall, claims precision, links right).
const FLOORS: [(&str, [f64; 5]); 2] = [
    ("ar", [0.96, 0.94, 0.97, 0.87, 0.96]),
    ("en", [0.93, 0.86, 0.94, 0.90, 0.93]),
];

#[test]
fn detection_meets_the_committed_floors_on_the_dev_set() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/devset");
    let check = check_set(&dir, &FLOORS).unwrap_or_else(|e| panic!("{e}"));
    println!("{}", check.tables);
    assert!(
        check.articles >= 13,
        "the dev set has the seed and 12 articles"
    );
    assert!(check.below.is_empty(), "{:#?}", check.below);
}
