//! Highlight then clear restores the DOM, over generated pages, in real browsers
//! (`wasm-pack test --headless --chrome --firefox --test web_properties`).
//!
//! Each case builds a page with DOM calls (text goes in as text nodes, never as HTML): blocks,
//! inline markup, `<br>`, a caption the text layer skips, and text mixing Arabic with harakat
//! and tatweel, NBSP, ZWJ and ZWNJ, bidi controls, emoji (astral, ZWJ sequences, flags), İ,
//! combining accents and newlines. It marks generated ranges (nested, overlapping, across
//! element edges), checks every mark holds the text of the range as marked and that the
//! article's text did not change, then clears and checks the DOM is node for node what it was:
//! the same elements, attributes and text nodes (none left split). Then the same through
//! `destroy()`. The generator is a seeded xorshift, so a failing case prints its seed and
//! replays.
#![cfg(target_arch = "wasm32")]

use isnad::web::Widget;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, Node};

mod common;

use common::document;

wasm_bindgen_test_configure!(run_in_browser);

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const PIECES: &[&str] = &[
    "ا",
    "ب",
    "ت",
    "س",
    "ل",
    "م",
    "ن",
    "و",
    "ي",
    "أ",
    "إ",
    "ة",
    "ى",
    "َ",
    "ُ",
    "ِ",
    "ّ",
    "ْ",
    "ٰ",
    "ـ",
    "قالَ",
    "وزيـــر",
    "المالية",
    "إنّ",
    "١٢٫٥٪",
    "٣",
    "a",
    "e",
    "s",
    "t",
    "The",
    "said",
    "8%",
    "É",
    "İ",
    "e\u{301}",
    "ß",
    " ",
    " ",
    " ",
    " ",
    "\u{00A0}",
    "\u{200D}",
    "\u{200C}",
    "\u{200F}",
    "\u{202B}",
    "\u{202C}",
    "😀",
    "👍🏽",
    "👩\u{200D}👩\u{200D}👧",
    "🇸🇦",
    "❤\u{FE0F}",
    "\n",
    ".",
    "،",
    "«",
    "»",
    "\"",
];

fn text(rng: &mut Rng) -> String {
    (0..1 + rng.below(14)).map(|_| *rng.pick(PIECES)).collect()
}

const BLOCKS: &[&str] = &["p", "div", "blockquote", "h2", "li"];
const INLINE: &[&str] = &["span", "b", "a", "em", "q", "bdi", "i"];

/// Appends generated content to `parent`, `depth` levels at most.
fn fill(rng: &mut Rng, parent: &Node, depth: usize, block: bool) {
    let doc = document();
    for _ in 0..1 + rng.below(4) {
        let choice = rng.below(10);
        let child: Node = if depth == 0 || choice < 4 {
            doc.create_text_node(&text(rng)).into()
        } else if choice == 4 {
            doc.create_element("br").unwrap().into()
        } else if choice == 5 && block {
            // Chrome the text layer leaves out.
            let figure = doc.create_element("figure").unwrap();
            let caption = doc.create_element("figcaption").unwrap();
            caption.set_text_content(Some(&text(rng)));
            figure.append_child(&caption).unwrap();
            figure.into()
        } else {
            let is_block = block && rng.below(2) == 0;
            let tag = if is_block {
                *rng.pick(BLOCKS)
            } else {
                *rng.pick(INLINE)
            };
            let el = doc.create_element(tag).unwrap();
            if tag == "a" {
                el.set_attribute("href", "#x").unwrap();
            }
            if rng.below(4) == 0 {
                el.set_attribute("dir", "rtl").unwrap();
            }
            fill(rng, &el, depth - 1, is_block);
            el.into()
        };
        parent.append_child(&child).unwrap();
    }
}

/// Every node below `node`: element names and attributes, text nodes' data, in order.
fn dump(node: &Node, out: &mut Vec<String>) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else {
            continue;
        };
        if let Some(el) = child.dyn_ref::<Element>() {
            let attrs = el.get_attribute_names();
            let attrs: Vec<String> = (0..attrs.length())
                .filter_map(|k| attrs.get(k).as_string())
                .map(|a| format!("{a}={:?}", el.get_attribute(&a)))
                .collect();
            out.push(format!("<{} {}>", el.local_name(), attrs.join(" ")));
            dump(&child, out);
            out.push(format!("</{}>", el.local_name()));
        } else {
            out.push(format!("{}:{:?}", child.node_type(), child.node_value()));
        }
    }
}

fn snapshot(root: &Element) -> Vec<String> {
    let mut out = Vec::new();
    dump(root, &mut out);
    out
}

/// Text of the marks carrying `id`, in document order.
fn marked(root: &Element, id: &str) -> String {
    let marks = root
        .query_selector_all(&format!("mark[data-isnad-id='{id}']"))
        .unwrap();
    (0..marks.length())
        .filter_map(|i| marks.item(i))
        .filter_map(|m| m.text_content())
        .collect()
}

#[derive(serde::Deserialize)]
struct Marked {
    id: String,
    start: usize,
    end: usize,
}

/// Runs one generated page; returns how many marks its highlights made.
fn run_case(seed: u64) -> u32 {
    let mut made = 0;
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let root = document().create_element("div").unwrap();
    root.set_id("fixture");
    fill(&mut rng, &root, 3, true);
    document().body().unwrap().append_child(&root).unwrap();
    let before = snapshot(&root);
    let content = root.text_content();
    for finish in ["clear", "destroy"] {
        let mut w = Widget::mount(root.clone().into(), JsValue::UNDEFINED).unwrap();
        let chars: Vec<char> = w.text().unwrap().chars().collect();
        if chars.is_empty() {
            w.destroy().unwrap();
            break;
        }
        let ranges: Vec<String> = (0..1 + rng.below(6))
            .map(|k| {
                let start = rng.below(chars.len());
                let end = (start + 1 + rng.below(40)).min(chars.len());
                let kind = rng.pick(&["claim", "source", "assessment"]);
                format!(r#"{{"start":{start},"end":{end},"kind":"{kind}","id":"r{k}"}}"#)
            })
            .collect();
        let json = format!("[{}]", ranges.join(","));
        match w.highlight(js_sys::JSON::parse(&json).unwrap()) {
            Ok(result) => {
                made += root.query_selector_all("mark").unwrap().length();
                let result = js_sys::JSON::stringify(&result).unwrap();
                let marked_ranges: Vec<Marked> =
                    serde_json::from_str(&String::from(result)).unwrap();
                for m in &marked_ranges {
                    let want: String = chars[m.start..m.end]
                        .iter()
                        .filter(|c| **c != '\n')
                        .collect();
                    let got: String = marked(&root, &m.id)
                        .chars()
                        .filter(|c| *c != '\n')
                        .collect();
                    assert_eq!(got, want, "seed {seed}: range {} of {json}", m.id);
                }
            }
            // A range the widget refuses changes nothing.
            Err(_) => assert_eq!(snapshot(&root), before, "seed {seed}: a refused {json}"),
        }
        assert_eq!(
            root.text_content(),
            content,
            "seed {seed}: marking changed the text"
        );
        if finish == "clear" {
            w.clear().unwrap();
            assert_eq!(snapshot(&root), before, "seed {seed}: clear() after {json}");
            w.destroy().unwrap();
        } else {
            w.destroy().unwrap();
            assert_eq!(
                snapshot(&root),
                before,
                "seed {seed}: destroy() after {json}"
            );
        }
    }
    root.remove();
    made
}

#[wasm_bindgen_test]
fn highlight_then_clear_restores_generated_pages() {
    let marks: u32 = (1..=300).map(run_case).sum();
    // The generator makes real work: marks across many pages, not refusals and empty pages.
    assert!(marks > 1000, "only {marks} marks made");
    web_sys::console::log_1(&format!("300 generated pages, {marks} marks made and removed").into());
}
