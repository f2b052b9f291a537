//! The native command `isnad`, run as a user would.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use isnad::annotation::Annotation;

fn isnad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("isnad-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn annotations(out: &Output) -> Vec<Annotation> {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn annotates_the_seed_page_html_with_no_mark_on_its_chrome() {
    let found = annotations(&isnad(&[
        "annotate",
        "www/ar.html",
        "--url",
        "https://www.elbalad.news/6253000",
    ]));
    assert!(found.len() > 10);
    let html =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("www/ar.html")).unwrap();
    let body =
        &html[html.find("class=\"article-body\"").unwrap()..html.find("</article>").unwrap()];
    for a in &found {
        assert_eq!(a.target.source, "https://www.elbalad.news/6253000");
        let exact = a.exact().unwrap();
        // Inline markup may split a span in the HTML source: compare its first words.
        let head: String = exact.chars().take(12).collect();
        assert!(
            body.contains(&head),
            "{exact:?} is not from the article body"
        );
        for chrome in [
            "قناة صدى البلد",
            "إلهام أبو الفتح",
            "رئيس التحرير",
            "فلاديمير بوتين وكيم جونج أون",
            "اقرأ أيضًا",
        ] {
            assert!(!exact.contains(chrome), "{exact:?} is chrome");
        }
    }
}

#[test]
fn text_positions_count_code_points_of_the_file() {
    let found = annotations(&isnad(&["annotate", "tests/devset/seed.txt"]));
    let text: Vec<char> = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/devset/seed.txt"),
    )
    .unwrap()
    .chars()
    .collect();
    for a in &found {
        let (start, end) = a.position().unwrap();
        assert_eq!(
            text[start..end].iter().collect::<String>(),
            a.exact().unwrap()
        );
        assert!(a.target.source.starts_with("file://"));
    }
}

#[test]
fn jsonl_prints_one_annotation_a_line() {
    let out = isnad(&["annotate", "tests/devset/en-01.txt", "--format", "jsonl"]);
    assert!(out.status.success());
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert!(lines.len() > 5);
    for line in lines {
        let a: Annotation = serde_json::from_str(line).unwrap();
        assert_eq!(a.context, "http://www.w3.org/ns/anno.jsonld");
    }
}

#[test]
fn eval_prints_scores_per_kind() {
    let predicted = scratch(
        "seed-pred.json",
        &isnad(&["annotate", "tests/devset/seed.txt"]).stdout,
    );
    let out = isnad(&[
        "eval",
        "tests/devset/seed.gold.json",
        predicted.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = String::from_utf8(out.stdout).unwrap();
    for row in ["claims", "sources", "assessments", "links right"] {
        assert!(report.contains(row), "{report}");
    }
}

/// Bad input: a non-zero exit and one clear line on stderr.
fn refuses(args: &[&str], reason: &str) {
    let out = isnad(args);
    assert!(!out.status.success(), "{args:?} succeeded");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains(reason), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn bad_input_exits_non_zero_with_one_clear_line() {
    let binary = scratch(
        "photo.jpg",
        &[0xff, 0xd8, 0xff, 0xe0, 0, 0x10, b'J', b'F', b'I', b'F', 0],
    );
    refuses(&["annotate", binary.to_str().unwrap()], "binary");
    let latin1 = scratch("latin1.txt", b"caf\xe9 au lait, the minister said.");
    refuses(&["annotate", latin1.to_str().unwrap()], "not valid UTF-8");
    let empty = scratch("empty.txt", b"  \n");
    refuses(&["annotate", empty.to_str().unwrap()], "empty");
    let no_article = scratch("nav.html", b"<!doctype html><html><body><nav><a href='/'>Home</a></nav><footer>(c) 2026</footer></body></html>");
    refuses(&["annotate", no_article.to_str().unwrap()], "no article");
    refuses(&["annotate", "/no/such/file.html"], "cannot read");
    refuses(&["annotate"], "needs a file");
    refuses(
        &["annotate", "tests/devset/seed.txt", "--format", "xml"],
        "--format",
    );
    refuses(&["frobnicate"], "unknown command");
    let not_gold = scratch("not-gold.json", b"[1, 2]");
    refuses(
        &[
            "eval",
            not_gold.to_str().unwrap(),
            not_gold.to_str().unwrap(),
        ],
        "not a gold file",
    );
}
