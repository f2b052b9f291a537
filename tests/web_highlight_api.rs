//! The second renderer: ranges in `CSS.highlights` instead of `<mark>` elements, and the
//! hit-testing that works with both. In headless Chromium and Firefox ESR
//! (`wasm-pack test --headless --chrome --firefox`); where the browser lacks the CSS Custom
//! Highlight API the widget falls back to marks, and the tests check that instead. The
//! fallback is also checked everywhere by hiding `CSS.highlights` for one mount.
#![cfg(target_arch = "wasm32")]

use isnad::web::{highlight_api_supported, Widget, HIGHLIGHTS};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::Node;

mod common;

use common::{document, Fixture};

wasm_bindgen_test_configure!(run_in_browser);

impl Fixture {
    fn mount(&self, renderer: &str) -> Widget {
        let options = js_sys::JSON::parse(&format!(r#"{{"renderer":"{renderer}"}}"#)).unwrap();
        Widget::mount(self.container.clone().into(), options).unwrap()
    }

    /// The first text node whose data contains `needle`, and the UTF-16 offset of it there.
    fn point(&self, needle: &str) -> (Node, u32) {
        let walker = document()
            .create_tree_walker_with_what_to_show(&self.container, 4)
            .unwrap();
        while let Some(node) = walker.next_node().unwrap() {
            let data = node.text_content().unwrap_or_default();
            if let Some(byte) = data.find(needle) {
                let units = data[..byte].encode_utf16().count() as u32;
                return (node, units);
            }
        }
        panic!("{needle:?} is in no text node");
    }
}

/// The code-point range of `needle` in `text`, as a range for `highlight`.
fn range(text: &str, needle: &str, kind: &str, id: &str) -> String {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    let start = text[..byte].chars().count();
    let end = start + needle.chars().count();
    format!(r#"{{"start":{start},"end":{end},"kind":"{kind}","id":"{id}"}}"#)
}

fn highlight(w: &mut Widget, ranges: &[String]) {
    w.highlight(js_sys::JSON::parse(&format!("[{}]", ranges.join(","))).unwrap())
        .unwrap();
}

fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &key.into()).unwrap()
}

fn registry() -> JsValue {
    get(&get(&js_sys::global(), "CSS"), "highlights")
}

/// The text each range of highlight `name` covers, sorted; empty when it is not registered.
fn highlighted(name: &str) -> Vec<String> {
    let get_fn: js_sys::Function = get(&registry(), "get").unchecked_into();
    let highlight = get_fn.call1(&registry(), &name.into()).unwrap();
    if highlight.is_undefined() {
        return Vec::new();
    }
    let mut texts: Vec<String> = js_sys::Array::from(&highlight)
        .iter()
        .map(|r| {
            let live = document().create_range().unwrap();
            let node = |k: &str| get(&r, k).unchecked_into::<Node>();
            let offset = |k: &str| get(&r, k).as_f64().unwrap() as u32;
            live.set_start(&node("startContainer"), offset("startOffset"))
                .unwrap();
            live.set_end(&node("endContainer"), offset("endOffset"))
                .unwrap();
            String::from(live.to_string())
        })
        .collect();
    texts.sort();
    texts
}

fn message(err: &JsValue) -> String {
    err.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn highlights_touch_no_node_of_the_article() {
    let f = Fixture::new(
        r##"<p>The ministry said exports <a href="#x">rose <b>8%</b> in</a> 2023, <em>officials</em> added.</p><p>Critics called the figure misleading.</p>"##,
    );
    let before = f.html();
    let nodes_before = f.container.query_selector_all("*").unwrap().length();
    let mut w = f.mount("highlights");
    let text = w.text().unwrap();
    highlight(
        &mut w,
        &[
            range(&text, "rose 8% in 2023", "claim", "c1"),
            range(&text, "The ministry", "source", "s1"),
            range(&text, "called the figure misleading", "assessment", "a1"),
        ],
    );
    if !highlight_api_supported() {
        // The fallback: the same ranges as marks.
        assert_eq!(w.renderer(), "marks");
        assert!(w.mark_count() >= 3);
        w.destroy().unwrap();
        assert_eq!(f.html(), before);
        return;
    }
    assert_eq!(w.renderer(), "highlights");
    // Not one element added, not one text node split.
    assert_eq!(f.html(), before);
    assert_eq!(
        f.container.query_selector_all("*").unwrap().length(),
        nodes_before
    );
    // One range across the link and the bold: the highlight paints across elements.
    assert_eq!(highlighted("isnad-claim"), ["rose 8% in 2023"]);
    assert_eq!(highlighted("isnad-source"), ["The ministry"]);
    assert_eq!(
        highlighted("isnad-assessment"),
        ["called the figure misleading"]
    );
    assert_eq!(w.mark_count(), 3);
    w.clear().unwrap();
    assert_eq!(w.mark_count(), 0);
    for name in HIGHLIGHTS {
        assert!(highlighted(name).is_empty(), "{name} still holds ranges");
    }
    assert_eq!(f.html(), before);
    w.destroy().unwrap();
}

#[wasm_bindgen_test]
fn unsourced_claims_and_skipped_text_in_highlights() {
    if !highlight_api_supported() {
        return;
    }
    // Text Isnad leaves out (its own UI) is not painted: the range is cut around it.
    let f = Fixture::new(
        r#"<p>Prices rose <span data-isnad-ui="">[edit]</span>sharply this year.</p>"#,
    );
    let mut w = f.mount("highlights");
    let text = w.text().unwrap();
    assert_eq!(text, "Prices rose sharply this year.");
    let (start, end) = (0, text.chars().count());
    let json =
        format!(r#"[{{"start":{start},"end":{end},"kind":"claim","id":"u","unsourced":true}}]"#);
    w.highlight(js_sys::JSON::parse(&json).unwrap()).unwrap();
    assert_eq!(
        highlighted("isnad-unsourced"),
        ["Prices rose ", "sharply this year."]
    );
    assert!(highlighted("isnad-claim").is_empty());
    w.destroy().unwrap();
    assert!(highlighted("isnad-unsourced").is_empty());
}

#[wasm_bindgen_test]
fn two_widgets_share_the_highlights_and_clear_only_their_own() {
    if !highlight_api_supported() {
        return;
    }
    let a = Fixture::new("<p>First article says taxes fell.</p>");
    let b = Fixture::new("<p>Second article says rents rose.</p>");
    let mut wa = a.mount("highlights");
    let mut wb = b.mount("highlights");
    let ta = wa.text().unwrap();
    let tb = wb.text().unwrap();
    highlight(&mut wa, &[range(&ta, "taxes fell", "claim", "x")]);
    highlight(&mut wb, &[range(&tb, "rents rose", "claim", "y")]);
    assert_eq!(highlighted("isnad-claim"), ["rents rose", "taxes fell"]);
    wa.clear().unwrap();
    assert_eq!(highlighted("isnad-claim"), ["rents rose"]);
    wb.destroy().unwrap();
    assert!(highlighted("isnad-claim").is_empty());
    wa.destroy().unwrap();
}

#[wasm_bindgen_test]
fn falls_back_to_marks_where_the_api_is_missing() {
    // Hide CSS.highlights for one mount, as in a browser without the API.
    let css: js_sys::Object = get(&js_sys::global(), "CSS").unchecked_into();
    let descriptor = js_sys::Object::new();
    js_sys::Reflect::set(&descriptor, &"value".into(), &JsValue::UNDEFINED).unwrap();
    js_sys::Reflect::set(&descriptor, &"configurable".into(), &true.into()).unwrap();
    let key = JsValue::from("highlights");
    let had_own = js_sys::Reflect::get_own_property_descriptor(&css, &key).unwrap();
    js_sys::Reflect::define_property(&css, &key, &descriptor).unwrap();
    let f = Fixture::new("<p>Exports rose 8% in 2023, the ministry said.</p>");
    let mounted = f.mount("highlights");
    // Put the API back before any assertion can fail.
    let removed = js_sys::Reflect::delete_property(&css, &key).unwrap();
    if !had_own.is_undefined() {
        js_sys::Reflect::define_property(&css, &key, had_own.unchecked_ref()).unwrap();
    }
    assert!(removed);
    let mut w = mounted;
    assert_eq!(w.renderer(), "marks");
    let text = w.text().unwrap();
    highlight(&mut w, &[range(&text, "rose 8% in 2023", "claim", "c")]);
    assert_eq!(
        f.container
            .query_selector("mark.isnad-claim")
            .unwrap()
            .and_then(|m| m.text_content())
            .as_deref(),
        Some("rose 8% in 2023")
    );
    w.destroy().unwrap();
}

#[wasm_bindgen_test]
fn an_unknown_renderer_is_refused() {
    let f = Fixture::new("<p>Text.</p>");
    let options = js_sys::JSON::parse(r#"{"renderer":"canvas"}"#).unwrap();
    let err = Widget::mount(f.container.clone().into(), options)
        .err()
        .expect("mount with renderer 'canvas' must fail");
    assert!(err.is_instance_of::<js_sys::TypeError>());
    assert!(
        message(&err).contains("renderer must be 'marks' or 'highlights'"),
        "{}",
        message(&err)
    );
    // The default is marks.
    let w = Widget::mount(f.container.clone().into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(w.renderer(), "marks");
}

/// Hit-testing from a DOM point, the same with both renderers: the nested source inside the
/// claim comes first, text outside every range hits nothing, and UTF-16 offsets after an emoji
/// count right.
fn hit_testing(renderer: &str) {
    let f = Fixture::new(
        r#"<p>😀 Officials said <b>the agency</b> cut 300 jobs in March, and <em>nothing else</em>.</p>"#,
    );
    let mut w = f.mount(renderer);
    let text = w.text().unwrap();
    highlight(
        &mut w,
        &[
            range(&text, "the agency cut 300 jobs in March", "claim", "claim"),
            range(&text, "agency", "source", "src"),
            range(&text, "Officials", "source", "off"),
        ],
    );
    // The point `delta` UTF-16 units after where `needle` starts in its text node.
    let at_plus = |w: &Widget, needle: &str, delta: u32| {
        let (node, offset) = f.point(needle);
        w.annotations_at(&node, offset + delta).unwrap()
    };
    let at = |w: &Widget, needle: &str| at_plus(w, needle, 0);
    assert_eq!(at(&w, "agency"), ["src", "claim"]);
    assert_eq!(at(&w, "gency"), ["src", "claim"]);
    assert_eq!(at(&w, "the "), ["claim"]);
    assert_eq!(at(&w, "300"), ["claim"]);
    assert_eq!(at_plus(&w, "March", 4), ["claim"]); // its "h", the last character marked
    assert!(at(&w, ", and").is_empty());
    assert!(at(&w, "nothing").is_empty());
    // After the emoji (two UTF-16 units, one code point) in the same text node.
    assert!(at(&w, "\u{1F600}").is_empty());
    assert_eq!(at(&w, "Officials"), ["off"]);
    assert_eq!(at(&w, "ficials"), ["off"]);
    assert!(at(&w, " said").is_empty());
    // A point between an element's children: the text that starts there.
    let b = f.container.query_selector("b").unwrap().unwrap();
    assert_eq!(w.annotations_at(&b, 0).unwrap(), ["claim"]);
    // A point outside the article.
    let outside = document().create_text_node("elsewhere");
    document().body().unwrap().append_child(&outside).unwrap();
    assert!(w.annotations_at(&outside, 2).unwrap().is_empty());
    outside.remove();
    w.clear().unwrap();
    assert!(at(&w, "agency").is_empty());
    w.destroy().unwrap();
}

#[wasm_bindgen_test]
fn hit_testing_with_marks() {
    hit_testing("marks");
}

#[wasm_bindgen_test]
fn hit_testing_with_highlights() {
    hit_testing("highlights");
}
