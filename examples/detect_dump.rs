//! Every detection on the dev set, the fuzz corpora and a long article, for before/after
//! comparisons of pure optimisations. `cargo run --release --example detect_dump > out.txt`
use std::fmt::Write;

use isnad::detect::detect;

fn dump(name: &str, text: &str, out: &mut String) {
    let chars: Vec<char> = text.chars().collect();
    let found = detect(&chars);
    let _ = writeln!(out, "== {name} ({} detections)", found.len());
    for d in found {
        let _ = writeln!(out, "{d:?}");
    }
}

/// One detection of the long article, for `valgrind --tool=callgrind
/// --toggle-collect=*detect_once*` (run with the argument `profile`).
#[inline(never)]
fn detect_once(chars: &[char]) -> usize {
    std::hint::black_box(detect(std::hint::black_box(chars))).len()
}

fn main() {
    let profile = std::env::args().nth(1).is_some_and(|a| a == "profile");
    let root = env!("CARGO_MANIFEST_DIR");
    let mut out = String::new();
    let mut all = String::new();
    for dir in ["tests/devset", "fuzz/corpus/detect", "fuzz/corpus/text"] {
        let mut files: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        for p in files {
            if dir == "tests/devset" && p.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            if profile && dir != "tests/devset" {
                continue;
            }
            let bytes = std::fs::read(&p).unwrap_or_default();
            let text = String::from_utf8_lossy(&bytes);
            if !profile {
                dump(&p.display().to_string(), &text, &mut out);
            }
            if dir == "tests/devset" {
                all.push_str(&text);
                all.push('\n');
            }
        }
    }
    let mut big = String::new();
    while big.len() < 1_000_000 {
        big.push_str(&all);
    }
    if profile {
        detect(&all.chars().collect::<Vec<_>>()); // lexicons are built on first use
        let chars: Vec<char> = big.chars().collect();
        println!("{} bytes: {} detections", big.len(), detect_once(&chars));
        return;
    }
    dump("1 MB of the dev set", &big, &mut out);
    print!("{out}");
}
