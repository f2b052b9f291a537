//! Native detection speed on the dev set's texts and a long article made of them: prints
//! figures (median of repeated runs). `cargo run --release --example detect_speed`
use std::time::Instant;

use isnad::detect::detect;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/devset");
    let seed: Vec<char> = std::fs::read_to_string(format!("{dir}/seed.txt"))
        .unwrap_or_default()
        .chars()
        .collect();
    detect(&seed); // lexicons are built on first use
    let runs: Vec<f64> = (0..200)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(detect(&seed));
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    println!(
        "seed article ({} code points): detect {:.3} ms median",
        seed.len(),
        median(runs)
    );
    let mut all = String::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if entry.path().extension().is_some_and(|e| e == "txt") {
            all.push_str(&std::fs::read_to_string(entry.path()).unwrap_or_default());
            all.push('\n');
        }
    }
    // Cost should grow linearly: the last column (time per MB) should stay flat.
    for target in [10_000usize, 100_000, 1_000_000, 5_000_000] {
        let mut text = String::new();
        while text.len() < target {
            text.push_str(&all);
        }
        // Whole paragraphs, about `target` bytes (the dev set alone is ~40 KB).
        let mut cut = target.min(text.len());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        if let Some(end) = text[..cut].rfind('\n') {
            text.truncate(end + 1);
        }
        let chars: Vec<char> = text.chars().collect();
        let runs: Vec<f64> = (0..if target > 1_000_000 { 3 } else { 7 })
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(detect(&chars));
                t.elapsed().as_secs_f64()
            })
            .collect();
        let secs = median(runs);
        println!(
            "{:>8} bytes: detect {:.1} ms, {:.2} MB/s, {:.1} ms per MB",
            text.len(),
            secs * 1e3,
            text.len() as f64 / secs / 1e6,
            secs * 1e3 / (text.len() as f64 / 1e6)
        );
    }
}
