//! Native throughput of Isnad's core (MB/s of UTF-8 text) at 10 KB, 100 KB, 1 MB and 5 MB:
//! normalization, segmentation (sentences, quotes, tokens), detection, and approximate matching (anchoring one edited
//! quote, which scans the whole page with Myers' algorithm). `cargo bench --bench core`.
//!
//! Articles are the dev set's real paragraphs (tests/devset/*.txt) in a seeded order, as in the
//! browser benchmarks (bench/articles.js). Under `cargo test` (no `--bench` argument) each
//! benchmark runs once on 10 KB only, so the test suite stays fast.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;

use isnad::anchor::Anchorer;
use isnad::annotation::Selector;
use isnad::detect::detect;
use isnad::normalize::normalize;
use isnad::segment::{quotes, sentences, tokens};

fn benching() -> bool {
    std::env::args().any(|a| a == "--bench")
}

fn sizes() -> &'static [usize] {
    if benching() {
        &[10_000, 100_000, 1_000_000, 5_000_000]
    } else {
        &[10_000]
    }
}

/// The dev set's paragraphs of one language.
fn paragraphs_of(lang: &str) -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/devset");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    names.sort();
    let mut out = Vec::new();
    for path in names {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let ours = name.ends_with(".txt")
            && if lang == "ar" {
                name.starts_with("ar-") || name == "seed.txt"
            } else {
                name.starts_with("en-")
            };
        if !ours {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        for block in text.split("\n\n") {
            let p = block.split_whitespace().collect::<Vec<_>>().join(" ");
            if p.chars().count() >= 80 {
                out.push(p);
            }
        }
    }
    assert!(
        !out.is_empty(),
        "no dev set paragraphs for {lang} in {}",
        dir.display()
    );
    out
}

/// An article of at least `bytes` UTF-8 bytes: paragraphs in a seeded order, one a line.
fn article(pool: &[String], bytes: usize) -> String {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15 ^ bytes as u64;
    let mut out = String::with_capacity(bytes + 4096);
    while out.len() < bytes {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&pool[(state % pool.len() as u64) as usize]);
    }
    out
}

fn size_name(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        format!("{}MB", bytes / 1_000_000)
    } else {
        format!("{}KB", bytes / 1000)
    }
}

/// A quote of about 100 code points from the middle of the article with three letters changed,
/// and its context: anchoring it misses the verbatim stage and scans the whole page.
fn edited_quote(chars: &[char]) -> Vec<Selector> {
    let mid = chars.len() / 2;
    let start = (mid..chars.len())
        .find(|&i| chars[i] == ' ')
        .map_or(mid, |i| i + 1);
    let end = (start + 100).min(chars.len());
    let mut exact: Vec<char> = chars[start..end].to_vec();
    for i in [10, 45, 80] {
        if let Some(c) = exact.get_mut(i) {
            *c = if *c == 'x' { 'y' } else { 'x' };
        }
    }
    let prefix: String = chars[start.saturating_sub(32)..start].iter().collect();
    let suffix: String = chars[end..(end + 32).min(chars.len())].iter().collect();
    let json = serde_json::json!([
        { "type": "TextQuoteSelector", "exact": exact.iter().collect::<String>(), "prefix": prefix, "suffix": suffix },
        { "type": "TextPositionSelector", "start": start + 5000, "end": end + 5000 }
    ]);
    serde_json::from_value(json).unwrap_or_default()
}

fn core(c: &mut Criterion) {
    for lang in ["ar", "en"] {
        let pool = paragraphs_of(lang);
        let mut group = c.benchmark_group(lang.to_string());
        group.sample_size(10);
        group.warm_up_time(Duration::from_millis(500));
        group.measurement_time(Duration::from_secs(3));
        for &bytes in sizes() {
            let text = article(&pool, bytes);
            let chars: Vec<char> = text.chars().collect();
            group.throughput(Throughput::Bytes(text.len() as u64));
            let size = size_name(bytes);
            group.bench_with_input(BenchmarkId::new("normalize", &size), &chars, |b, chars| {
                b.iter(|| black_box(normalize(black_box(chars))))
            });
            group.bench_with_input(BenchmarkId::new("segment", &size), &chars, |b, chars| {
                b.iter(|| {
                    let mut n = quotes(chars).len();
                    for s in sentences(chars) {
                        n += tokens(chars, s).len();
                    }
                    black_box(n)
                })
            });
            group.bench_with_input(BenchmarkId::new("detect", &size), &chars, |b, chars| {
                b.iter(|| black_box(detect(black_box(chars)).len()))
            });
            group.bench_with_input(
                BenchmarkId::new("anchor-prepare", &size),
                &chars,
                |b, chars| b.iter(|| black_box(Anchorer::new(black_box(chars)))),
            );
            let anchorer = Anchorer::new(&chars);
            let selectors = edited_quote(&chars);
            group.bench_with_input(
                BenchmarkId::new("anchor-fuzzy", &size),
                &selectors,
                |b, selectors| b.iter(|| black_box(anchorer.anchor(black_box(selectors)))),
            );
        }
        group.finish();
    }
}

criterion_group!(benches, core);
criterion_main!(benches);
