//! The text layer and the highlight engine on real DOM fixtures, in headless Chromium and
//! Firefox (`wasm-pack test --headless --chrome --firefox`).
#![cfg(target_arch = "wasm32")]

use isnad::web::Widget;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::Element;

mod common;

use common::{document, Fixture};

wasm_bindgen_test_configure!(run_in_browser);

impl Fixture {
    fn mount(&self) -> Widget {
        Widget::mount(self.container.clone().into(), JsValue::UNDEFINED).unwrap()
    }

    /// Text of the marks carrying `id`, in document order.
    fn marked(&self, id: &str) -> String {
        let marks = self
            .container
            .query_selector_all(&format!("mark[data-isnad-id='{id}']"))
            .unwrap();
        (0..marks.length())
            .filter_map(|i| marks.item(i))
            .filter_map(|m| m.text_content())
            .collect()
    }

    fn marks(&self) -> u32 {
        self.container
            .query_selector_all("mark.isnad-mark")
            .unwrap()
            .length()
    }
}

fn ranges(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

/// The code-point range of `needle` in `text`.
fn find(text: &str, needle: &str) -> (usize, usize) {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

fn mark_json(text: &str, needle: &str, kind: &str, id: &str) -> String {
    let (s, e) = find(text, needle);
    format!(r#"{{"start":{s},"end":{e},"kind":"{kind}","id":"{id}"}}"#)
}

fn message(err: &JsValue) -> String {
    err.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn marks_across_link_and_bold_boundaries_and_restores_the_dom() {
    let f = Fixture::new(
        r##"<p>The ministry said exports <a href="#x">rose <b>8%</b> in</a> 2023, <i>officials</i> added.</p>"##,
    );
    let before = f.html();
    let mut w = f.mount();
    let text = w.text().unwrap();
    assert_eq!(
        text,
        "The ministry said exports rose 8% in 2023, officials added."
    );
    let json = format!(
        "[{},{}]",
        mark_json(&text, "rose 8% in 2023", "claim", "c1"),
        mark_json(&text, "The ministry", "source", "s1")
    );
    w.highlight(ranges(&json)).unwrap();
    assert_eq!(f.marked("c1"), "rose 8% in 2023");
    assert_eq!(f.marked("s1"), "The ministry");
    // The link and the bold still hold their own text, now inside marks.
    let link = f.container.query_selector("a").unwrap().unwrap();
    assert_eq!(link.text_content().unwrap(), "rose 8% in");
    assert_eq!(
        link.query_selector("b mark.isnad-claim")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "8%"
    );
    let kinds = f
        .container
        .query_selector("mark[data-isnad-id='s1']")
        .unwrap()
        .unwrap();
    assert_eq!(
        kinds.get_attribute("data-isnad-kind").as_deref(),
        Some("source")
    );
    assert!(kinds
        .class_name()
        .split_whitespace()
        .any(|c| c == "isnad-source"));
    w.destroy().unwrap();
    assert_eq!(f.html(), before);
    assert_eq!(f.marks(), 0);
}

#[wasm_bindgen_test]
fn overlapping_and_nested_ranges() {
    let f = Fixture::new("<p>Alpha beta gamma delta epsilon</p>");
    let before = f.html();
    let mut w = f.mount();
    let text = w.text().unwrap();
    let json = format!(
        "[{},{},{}]",
        mark_json(&text, "Alpha beta gamma", "claim", "a"),
        mark_json(&text, "gamma delta", "assessment", "b"),
        mark_json(&text, "beta", "source", "c")
    );
    w.highlight(ranges(&json)).unwrap();
    assert_eq!(f.marked("a"), "Alpha beta gamma");
    assert_eq!(f.marked("b"), "gamma delta");
    assert_eq!(f.marked("c"), "beta");
    // "beta" sits inside the claim's mark; "gamma" is marked by both.
    assert!(f
        .container
        .query_selector("mark[data-isnad-id='a'] > mark[data-isnad-id='c']")
        .unwrap()
        .is_some());
    assert!(f
        .container
        .query_selector("mark[data-isnad-id='a'] > mark[data-isnad-id='b']")
        .unwrap()
        .is_some());
    // Marking more later, then clearing, still restores the DOM.
    w.highlight(ranges(&format!(
        "[{}]",
        mark_json(&text, "delta epsilon", "claim", "d")
    )))
    .unwrap();
    assert_eq!(f.marked("d"), "delta epsilon");
    w.clear().unwrap();
    assert_eq!(f.html(), before);
    w.destroy().unwrap();
}

#[wasm_bindgen_test]
fn rtl_text_with_harakat_and_tatweel_is_marked_on_word_edges() {
    let f = Fixture::new(
        r#"<p dir="rtl" lang="ar">وقالَ وزيـــر المالية إنّ التضخمَ تراجع إلى 12% في أكتوبر.</p>"#,
    );
    let before = f.html();
    let mut w = f.mount();
    let text = w.text().unwrap();
    // A range that starts inside «وزيـــر» and ends inside «التضخمَ».
    let (s, _) = find(&text, "يـــر");
    let (_, e) = find(&text, "التض");
    let marked = w
        .highlight(ranges(&format!(
            r#"[{{"start":{s},"end":{e},"kind":"claim","id":"w"}}]"#
        )))
        .unwrap();
    assert_eq!(f.marked("w"), "وزيـــر المالية إنّ التضخمَ");
    let snapped = js_sys::Reflect::get(
        &js_sys::Reflect::get(&marked, &0.into()).unwrap(),
        &"start".into(),
    )
    .unwrap();
    assert_eq!(snapped.as_f64(), Some(find(&text, "وزيـــر").0 as f64));
    w.destroy().unwrap();
    assert_eq!(f.html(), before);
}

#[wasm_bindgen_test]
fn nbsp_zero_width_characters_and_emoji_on_both_sides() {
    let f = Fixture::new("<p>😀تحالف\u{a0}الدب\u{200d}ي😀 and 👍🏽<b>x</b>👍🏽</p>");
    let before = f.html();
    let mut w = f.mount();
    let text = w.text().unwrap();
    let json = format!(
        "[{},{},{}]",
        mark_json(&text, "تحالف\u{a0}الدب\u{200d}ي", "claim", "ar"),
        mark_json(&text, "x", "source", "x"),
        mark_json(&text, "😀", "assessment", "emoji")
    );
    w.highlight(ranges(&json)).unwrap();
    assert_eq!(f.marked("ar"), "تحالف\u{a0}الدب\u{200d}ي");
    assert_eq!(f.marked("x"), "x");
    assert_eq!(f.marked("emoji"), "😀");
    // The emoji around the marks are whole: no lone surrogate was split off.
    assert_eq!(
        f.container.text_content().unwrap(),
        "😀تحالف\u{a0}الدب\u{200d}ي😀 and 👍🏽x👍🏽"
    );
    w.destroy().unwrap();
    assert_eq!(f.html(), before);
}

#[wasm_bindgen_test]
fn empty_root() {
    let f = Fixture::new("");
    let mut w = f.mount();
    assert_eq!(w.text().unwrap(), "");
    w.highlight(ranges("[]")).unwrap();
    let err = w
        .highlight(ranges(r#"[{"start":0,"end":1,"kind":"claim"}]"#))
        .unwrap_err();
    assert!(err.is_instance_of::<js_sys::RangeError>());
    w.destroy().unwrap();
    assert_eq!(f.html(), "");
}

#[wasm_bindgen_test]
fn ten_thousand_paragraphs() {
    let html: String = (0..10_000)
        .map(|i| format!("<p>Paragraph <b>{i}</b> says exports rose {i}%.</p>\n"))
        .collect();
    let f = Fixture::new(&html);
    let before = f.html();
    let mut w = f.mount();
    let text = w.text().unwrap();
    assert_eq!(text.lines().count(), 10_000);
    // One claim per paragraph: from the number to the end of the sentence.
    let mut json = String::from("[");
    let mut offset = 0;
    for (i, line) in text.lines().enumerate() {
        let n = line.chars().count();
        let start = offset + "Paragraph ".len();
        json.push_str(&format!(
            r#"{}{{"start":{start},"end":{},"kind":"claim","id":"p{i}"}}"#,
            if i > 0 { "," } else { "" },
            offset + n
        ));
        offset += n + 1;
    }
    json.push(']');
    w.highlight(ranges(&json)).unwrap();
    assert_eq!(f.marked("p9999"), "9999 says exports rose 9999%.");
    assert_eq!(
        f.container
            .query_selector_all("mark[data-isnad-id]")
            .unwrap()
            .length(),
        20_000
    );
    w.destroy().unwrap();
    assert_eq!(f.html(), before);
}

#[wasm_bindgen_test]
fn hidden_and_ui_content_is_not_article_text() {
    let f = Fixture::new(
        r#"<p>Seen <span style="display:none">styled-hidden</span><span hidden>hidden</span><span aria-hidden="true">aria</span><script>1</script>text.</p><div data-isnad-ui>widget</div><figure><figcaption>caption</figcaption></figure><p>More.</p>"#,
    );
    let w = f.mount();
    assert_eq!(w.text().unwrap(), "Seen text.\nMore.");
}

#[wasm_bindgen_test]
fn bad_input_gets_clear_errors_and_changes_nothing() {
    let f = Fixture::new("<p>Short text.</p>");
    let before = f.html();
    let mut w = f.mount();

    let err = w
        .highlight(ranges(
            r#"[{"start":0,"end":3,"kind":"claim"},{"start":2,"end":99,"kind":"claim"}]"#,
        ))
        .unwrap_err();
    assert!(err.is_instance_of::<js_sys::RangeError>(), "{err:?}");
    assert!(
        message(&err).contains("range 1") && message(&err).contains("11 code points"),
        "{}",
        message(&err)
    );
    assert_eq!(
        f.html(),
        before,
        "nothing is marked when one range is wrong"
    );

    let err = w
        .highlight(ranges(r#"[{"start":0,"end":3,"kind":"rumour"}]"#))
        .unwrap_err();
    assert!(err.is_instance_of::<js_sys::TypeError>());
    assert!(message(&err).contains("kind"), "{}", message(&err));
    let err = w.highlight(JsValue::from_str("0-3")).unwrap_err();
    assert!(err.is_instance_of::<js_sys::TypeError>());

    // One widget per article.
    let err = Widget::mount(f.container.clone().into(), JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert!(message(&err).contains("already"), "{}", message(&err));

    w.destroy().unwrap();
    w.destroy().unwrap();
    let err = w.text().unwrap_err();
    assert!(message(&err).contains("destroyed"), "{}", message(&err));
    assert_eq!(f.html(), before);
    // After destroy the article can be mounted again.
    Widget::mount(f.container.clone().into(), JsValue::UNDEFINED)
        .unwrap()
        .destroy()
        .unwrap();
}

#[wasm_bindgen_test]
fn bad_roots_get_clear_errors() {
    let err = Widget::mount(JsValue::from_str("#no-such-article"), JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert!(
        message(&err).contains("#no-such-article"),
        "{}",
        message(&err)
    );
    let err = Widget::mount(JsValue::from_str("p[["), JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert!(err.is_instance_of::<js_sys::TypeError>());
    let err = Widget::mount(JsValue::from_f64(3.0), JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert!(err.is_instance_of::<js_sys::TypeError>());
    let detached = document().create_element("div").unwrap();
    let err = Widget::mount(detached.into(), JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert!(
        message(&err).contains("not in the document"),
        "{}",
        message(&err)
    );
    let f = Fixture::new("<p>x</p>");
    let err = Widget::mount(f.container.clone().into(), ranges(r#"{"colour":"red"}"#))
        .err()
        .unwrap();
    assert!(message(&err).contains("colour"), "{}", message(&err));
}

/// The demo pages' `<body>`, without their scripts.
fn page_body(html: &str) -> String {
    let start = html
        .find("<body")
        .and_then(|b| html[b..].find('>').map(|e| b + e + 1))
        .unwrap();
    let end = html.rfind("</body>").unwrap();
    html[start..end].replace(r#"<script type="module" src="demo.js"></script>"#, "")
}

fn demo_page(html: &str, inside: &[&str], outside: &[&str]) {
    let f = Fixture::new(&page_body(html));
    let before = f.html();
    let mut w = Widget::mount(JsValue::NULL, JsValue::UNDEFINED).unwrap();
    assert_eq!(w.root().unwrap().local_name(), "article");
    let text = w.text().unwrap();
    for s in inside {
        assert!(text.contains(s), "article text lacks {s:?}");
    }
    for s in outside {
        assert!(!text.contains(s), "article text holds chrome {s:?}");
    }
    // Mark every line of the article, in turn as each kind.
    let mut json = String::from("[");
    let mut offset = 0;
    for (i, line) in text.split('\n').enumerate() {
        let n = line.chars().count();
        if n > 0 {
            let kind = ["claim", "source", "assessment"][i % 3];
            json.push_str(&format!(
                r#"{{"start":{offset},"end":{},"kind":"{kind}","id":"l{i}"}},"#,
                offset + n
            ));
        }
        offset += n + 1;
    }
    json.pop();
    json.push(']');
    w.highlight(ranges(&json)).unwrap();
    assert!(f.marks() > 10);
    for chrome in ["nav", "header", "figure", "footer", "aside", "button"] {
        let query = format!("{chrome} mark");
        assert!(
            f.container.query_selector(&query).unwrap().is_none(),
            "a mark inside <{chrome}>"
        );
    }
    w.destroy().unwrap();
    assert_eq!(f.html(), before);
}

#[wasm_bindgen_test]
fn the_arabic_seed_page() {
    demo_page(
        include_str!("../www/ar.html"),
        &[
            "تحالف\u{a0}الدب الروسي",
            "قمة G8في اليابان",
            "زيارة بوتين الأخيرةإلى بيونج يانج",
            "ختامًا،تحالف بوتين",
        ],
        &[
            "قناة صدى البلد",
            "عاجل",
            "إلهام أبو الفتح",
            "رئيس التحرير",
            "فلاديمير بوتين وكيم جونج أون\n",
            "×",
            "اقرأ أيضًا",
        ],
    );
}

#[wasm_bindgen_test]
fn the_english_page() {
    demo_page(
        include_str!("../www/en.html"),
        &[
            "According to a 2022 World Bank report",
            "Amnesty International called the decision",
        ],
        &[
            "Advertisement",
            "Read more",
            "Hannah Okafor",
            "capacity this week",
            "Photo: Luis Martens",
        ],
    );
}

#[wasm_bindgen_test]
fn mark_detected_marks_what_detect_finds_and_counts_it() {
    let f = Fixture::new(&page_body(include_str!("../www/ar.html")));
    let mut w = Widget::mount(JsValue::NULL, JsValue::UNDEFINED).unwrap();
    let count = w.mark_detected().unwrap();
    let marks = f.container.query_selector_all("mark.isnad-mark").unwrap();
    let marked: Vec<String> = (0..marks.length())
        .filter_map(|i| marks.item(i))
        .filter_map(|m| m.dyn_into::<web_sys::Element>().ok())
        .filter_map(|m| m.get_attribute("data-isnad-id"))
        .collect();
    let found: js_sys::Array = w.detect().unwrap().dyn_into().unwrap();
    assert_eq!(count, found.length());
    assert!(count > 10, "{count} found on the seed article");
    // Every annotation detect() returns was already marked by markDetected().
    for a in found.iter() {
        let id = js_sys::Reflect::get(&a, &"id".into())
            .unwrap()
            .as_string()
            .unwrap();
        assert!(marked.contains(&id), "{id} was not marked");
    }
    w.destroy();
}

#[wasm_bindgen_test]
fn detect_marks_and_returns_w3c_annotations_counting_text_content() {
    let f = Fixture::new(&page_body(include_str!("../www/ar.html")));
    let before = f.html();
    let mut w = Widget::mount(JsValue::NULL, JsValue::UNDEFINED).unwrap();
    let found = w.detect().unwrap();
    let found: js_sys::Array = found.dyn_into().unwrap();
    assert!(found.length() > 10);
    let content: Vec<char> = w.root().unwrap().text_content().unwrap().chars().collect();
    let get = |v: &JsValue, k: &str| js_sys::Reflect::get(v, &k.into()).unwrap();
    for a in found.iter() {
        let selectors: js_sys::Array = get(&get(&a, "target"), "selector").dyn_into().unwrap();
        let quote = selectors
            .iter()
            .find(|s| get(s, "type").as_string().as_deref() == Some("TextQuoteSelector"))
            .unwrap();
        let position = selectors
            .iter()
            .find(|s| get(s, "type").as_string().as_deref() == Some("TextPositionSelector"))
            .unwrap();
        let (start, end) = (
            get(&position, "start").as_f64().unwrap() as usize,
            get(&position, "end").as_f64().unwrap() as usize,
        );
        let at: String = content[start..end].iter().collect();
        assert_eq!(get(&quote, "exact").as_string().unwrap(), at);
        // Every annotation is marked in the page under its id.
        let id = get(&a, "id").as_string().unwrap();
        assert!(!f.marked(&id).is_empty(), "no mark for {id}");
    }
    assert!(f
        .container
        .query_selector("mark.isnad-unsourced")
        .unwrap()
        .is_some());
    w.destroy().unwrap();
    assert_eq!(f.html(), before);
}

#[wasm_bindgen_test]
fn describe_then_anchor_across_elements_with_emoji_and_harakat() {
    use isnad::web::{anchor, describe};
    let f = Fixture::new(
        "<p>😀 قالَ <b>الوزير\u{a0}إنّ</b> التضخم <a href='#'>تراجع 👍🏽</a> إلى 12%.</p>",
    );
    let doc = document();
    let texts = f.container.query_selector_all("p, b, a").unwrap();
    let p = texts.item(0).unwrap();
    let b_text = texts.item(1).unwrap().first_child().unwrap();
    let a_text = texts.item(2).unwrap().first_child().unwrap();
    let range = doc.create_range().unwrap();
    // From inside the bold ("الوزير|\u{a0}إنّ") to after the emoji inside the link (UTF-16 units).
    range.set_start(&b_text, 6).unwrap();
    range
        .set_end(&a_text, "تراجع 👍🏽".encode_utf16().count() as u32)
        .unwrap();
    let expected = String::from(range.to_string());
    let selectors = describe(&f.container, &range, None).unwrap();
    let found = anchor(&f.container, selectors.clone()).unwrap();
    let get = |v: &JsValue, k: &str| js_sys::Reflect::get(v, &k.into()).unwrap();
    assert_eq!(get(&found, "status").as_string().as_deref(), Some("exact"));
    let again: web_sys::Range = get(&found, "range").dyn_into().unwrap();
    assert_eq!(String::from(again.to_string()), expected);
    // Positions count code points: the emoji before the range is one, not two.
    let position = js_sys::Array::from(&selectors).get(1);
    assert_eq!(
        get(&position, "start").as_f64(),
        Some(("😀 قالَ الوزير".chars().count()) as f64)
    );
    // With the root named, the position refines a CssSelector for it, and still anchors.
    let refined = describe(&f.container, &range, Some("#fixture".into())).unwrap();
    let css = js_sys::Array::from(&refined).get(1);
    assert_eq!(
        get(&css, "type").as_string().as_deref(),
        Some("CssSelector")
    );
    assert_eq!(
        get(&get(&css, "refinedBy"), "type").as_string().as_deref(),
        Some("TextPositionSelector")
    );
    assert_eq!(
        get(&anchor(&f.container, refined).unwrap(), "status")
            .as_string()
            .as_deref(),
        Some("exact")
    );
    // The text gone: an orphan is null, never a wrong place.
    p.set_text_content(Some("نص آخر تماما لا علاقة له بما سبق."));
    assert!(anchor(&f.container, selectors).unwrap().is_null());
}

#[wasm_bindgen_test]
fn rated_claims_export_as_claim_reviews_and_hypothesis_rows_come_in() {
    let f = Fixture::new("<p>😀 The ministry said exports rose 8% in 2023.</p><p>Exports to China reached $40 billion last year.</p>");
    let mut w = f.mount();
    let found: js_sys::Array = w.detect().unwrap().dyn_into().unwrap();
    let get = |v: &JsValue, k: &str| js_sys::Reflect::get(v, &k.into()).unwrap();
    let kind = |a: &JsValue| {
        get(&js_sys::Array::from(&get(a, "body")).get(0), "value")
            .as_string()
            .unwrap()
    };
    let claim = found.iter().find(|a| kind(a) == "claim").unwrap();
    // The editor rates the claim.
    let rating = ranges(r#"{"value": 1, "best": 5, "worst": 1, "label": "False"}"#);
    js_sys::Reflect::set(&get(&claim, "isnad"), &"rating".into(), &rating).unwrap();
    w.update(claim.clone()).unwrap();
    let reviews: js_sys::Array = w
        .claim_reviews(ranges(
            r#"{"name": "The Northern Ledger", "url": "https://news.example/"}"#,
        ))
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(reviews.length(), 1);
    let review = reviews.get(0);
    assert_eq!(
        get(&review, "@type").as_string().as_deref(),
        Some("ClaimReview")
    );
    assert_eq!(
        get(&get(&review, "reviewRating"), "alternateName")
            .as_string()
            .as_deref(),
        Some("False")
    );
    assert!(w
        .claim_reviews(ranges(r#"{"name": "x"}"#))
        .unwrap_err()
        .is_instance_of::<js_sys::TypeError>());

    // A Hypothesis row whose position counts UTF-16 units of the whole body.
    let body = document().body().unwrap().text_content().unwrap();
    let byte = body.find("exports rose 8%").unwrap();
    let units = body[..byte].encode_utf16().count();
    let row = format!(
        r#"[{{"id": "h1", "uri": "https://news.example/", "text": "check", "tags": ["claim"], "target": [{{"source": "https://news.example/", "selector": [{{"type": "TextPositionSelector", "start": {units}, "end": {}}}, {{"type": "TextQuoteSelector", "exact": "exports rose 8%"}}]}}]}}, {{"id": "h2", "uri": "https://news.example/", "target": [{{"source": "x"}}]}}]"#,
        units + 15
    );
    let counts = w.import_hypothesis(ranges(&row)).unwrap();
    assert_eq!(get(&counts, "anchored").as_f64(), Some(1.0));
    assert_eq!(get(&counts, "skipped").as_f64(), Some(1.0));
    assert_eq!(
        w.status("urn:hypothesis:h1").unwrap().as_deref(),
        Some("exact")
    );
    assert_eq!(f.marked("urn:hypothesis:h1"), "exports rose 8%");
    w.destroy().unwrap();
}

#[wasm_bindgen_test]
fn loaded_annotations_keep_what_isnad_does_not_know() {
    let f = Fixture::new("<p>The ministry said exports rose 8% in 2023.</p>");
    let mut w = f.mount();
    let content = f.container.text_content().unwrap();
    let start = content.find("exports").unwrap();
    let annotation = format!(
        r#"[{{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "https://cms.example/a/1", "type": "Annotation",
            "creator": {{"type": "Person", "name": "Salma"}}, "created": "2026-11-29T10:00:00Z",
            "body": {{"type": "TextualBody", "purpose": "classifying", "value": "claim", "language": "en"}},
            "target": {{"source": "https://news.example/", "selector": {{"type": "TextPositionSelector", "start": {start}, "end": {}}}, "state": {{"type": "HttpRequestState", "value": "Accept: text/html"}}}}}}]"#,
        start + "exports rose 8%".len()
    );
    let counts = w.load(ranges(&annotation)).unwrap();
    assert_eq!(
        js_sys::Reflect::get(&counts, &"anchored".into())
            .unwrap()
            .as_f64(),
        Some(1.0)
    );
    assert_eq!(f.marked("https://cms.example/a/1"), "exports rose 8%");
    let back = js_sys::JSON::stringify(&w.annotations().unwrap())
        .unwrap()
        .as_string()
        .unwrap();
    for kept in [
        r#""creator":{"name":"Salma","type":"Person"}"#,
        r#""created":"2026-11-29T10:00:00Z""#,
        r#""language":"en""#,
        r#""state":{"type":"HttpRequestState""#,
    ] {
        assert!(back.contains(kept), "{kept} lost: {back}");
    }
    let err = w.load(ranges(r#"[{"id": "x"}]"#)).unwrap_err();
    assert!(err.is_instance_of::<js_sys::TypeError>());
    assert_eq!(f.marks(), 1, "a bad load changes nothing");
}

#[wasm_bindgen_test]
fn a_dom_five_thousand_levels_deep() {
    let f = Fixture::new("");
    let doc = document();
    let mut parent: Element = f.container.clone();
    for i in 0..5_000 {
        let child = doc
            .create_element(if i % 2 == 0 { "span" } else { "div" })
            .unwrap();
        parent.append_child(&child).unwrap();
        parent = child;
    }
    parent.set_text_content(Some("The ministry said exports rose 8% in 2023."));
    let before = f.html();
    let mut w = f.mount();
    assert_eq!(
        w.text().unwrap(),
        "The ministry said exports rose 8% in 2023."
    );
    w.highlight(ranges(
        r#"[{"start": 18, "end": 41, "kind": "claim", "id": "deep"}]"#,
    ))
    .unwrap();
    assert_eq!(f.marked("deep"), "exports rose 8% in 2023");
    assert!(js_sys::Array::from(&w.detect().unwrap()).length() > 0);
    w.destroy().unwrap();
    assert_eq!(f.html(), before);
}
