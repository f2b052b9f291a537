//! `describe(root, range)` and `anchor(root, selectors)`: the two calls other tools use. Offsets
//! count code points of the root's `textContent`, as the W3C model says; they become DOM
//! positions (text node, UTF-16 offset) only here.

use wasm_bindgen::prelude::*;
use web_sys::{Element, Node, Range, Text};

use super::data::{from_js, to_js};
use super::errors::{error, type_error};
use crate::anchor::{Anchorer, Status};
use crate::annotation::{describe as describe_selectors, Selector};
use crate::detect::{detect, text_annotations, Summary};

/// Code points of `textContent` between the start of `root` and the boundary point
/// (`node`, `offset`).
pub(super) fn content_offset(root: &Element, node: &Node, offset: u32) -> Result<usize, JsValue> {
    let document = root
        .owner_document()
        .ok_or_else(|| error("the root is not in a document"))?;
    let prefix = document.create_range()?;
    prefix.set_start(root, 0)?;
    prefix.set_end(node, offset)?;
    Ok(String::from(prefix.to_string()).chars().count())
}

/// The text node and UTF-16 offset at code point `at` of the root's `textContent`; at a
/// boundary between nodes, the end of the earlier node when `prefer_end`.
fn dom_position(root: &Element, at: usize, prefer_end: bool) -> Result<(Text, u32), JsValue> {
    let document = root
        .owner_document()
        .ok_or_else(|| error("the root is not in a document"))?;
    // NodeFilter.SHOW_TEXT
    let walker = document.create_tree_walker_with_what_to_show(root, 0x4)?;
    let mut seen = 0usize;
    let mut last: Option<Text> = None;
    while let Some(node) = walker.next_node()? {
        let Ok(text) = node.dyn_into::<Text>() else {
            continue;
        };
        let data = text.data();
        let len = data.chars().count();
        if at < seen + len || (prefer_end && at == seen + len && len > 0) {
            let units: usize = data.chars().take(at - seen).map(char::len_utf16).sum();
            return Ok((text, units as u32));
        }
        seen += len;
        last = Some(text);
    }
    match last {
        Some(text) if at == seen => {
            let units = text.length();
            Ok((text, units))
        }
        _ => Err(error(format!(
            "position {at} is past the end of the root's text ({seen} code points)"
        ))),
    }
}

/// Selectors for a DOM range inside `root`: a `TextQuoteSelector` (32 code points of context)
/// and a `TextPositionSelector` (code points of `root.textContent`). With `root_selector` (a CSS
/// selector naming the root, e.g. `"article"`), the position refines a `CssSelector` for the
/// root, so that other tools know what it counts in.
#[wasm_bindgen]
pub fn describe(
    root: &Element,
    range: &Range,
    root_selector: Option<String>,
) -> Result<JsValue, JsValue> {
    if !root.contains(Some(&range.common_ancestor_container()?)) {
        return Err(error(
            "describe(root, range): the range is not inside the root",
        ));
    }
    let start = content_offset(root, &range.start_container()?, range.start_offset()?)?;
    let end = content_offset(root, &range.end_container()?, range.end_offset()?)?;
    let content: Vec<char> = root.text_content().unwrap_or_default().chars().collect();
    let mut selectors = describe_selectors(&content, start, end);
    if let Some(value) = root_selector.filter(|v| !v.trim().is_empty()) {
        if let Some(position) = selectors.pop() {
            selectors.push(Selector::CssSelector {
                value,
                refined_by: Some(Box::new(position)),
                extra: Default::default(),
            });
        }
    }
    to_js(&selectors, "describe")
}

/// Detection on a text without a page: the claims, sources and assessments of `text` as W3C
/// annotations whose positions count code points of `text`, targeting `page` (default
/// `urn:isnad:text`). For checks that have the article's text but no DOM, as the native
/// `isnad annotate` does with a `.txt` file.
#[wasm_bindgen(js_name = detectText)]
pub fn detect_text(text: &str, page: Option<String>) -> Result<JsValue, JsValue> {
    let chars: Vec<char> = text.chars().collect();
    let found = detect(&chars);
    let page = page.as_deref().unwrap_or("urn:isnad:text");
    to_js(&text_annotations(&chars, page, &found), "detectText")
}

/// Detection on a text, counted: `{ claims, unsourced, sources, assessments }`. What
/// [`detect_text`] finds, for a check before publishing that needs no annotations (a 1 MB
/// article's are 7–10 MB of JSON).
#[wasm_bindgen(js_name = summarizeText)]
pub fn summarize_text(text: &str) -> Result<JsValue, JsValue> {
    let chars: Vec<char> = text.chars().collect();
    to_js(&Summary::of(&detect(&chars)), "summarizeText")
}

/// Finds `selectors` (an array of W3C selectors, or one) in `root`: `{ range, status }` with
/// status `exact`, `moved` or `fuzzy`, or `null` when the text is gone (an orphan).
#[wasm_bindgen]
pub fn anchor(root: &Element, selectors: JsValue) -> Result<JsValue, JsValue> {
    let selectors = read_selectors(selectors)?;
    let content: Vec<char> = root.text_content().unwrap_or_default().chars().collect();
    let found = Anchorer::new(&content).anchor(&selectors);
    if found.status == Status::Orphan {
        return Ok(JsValue::NULL);
    }
    let range = dom_range(root, found.start, found.end)?;
    let result = js_sys::Object::new();
    js_sys::Reflect::set(&result, &"range".into(), &range)?;
    let status = to_js(&found.status, "anchor")?;
    js_sys::Reflect::set(&result, &"status".into(), &status)?;
    Ok(result.into())
}

/// A DOM range over code points `start..end` of the root's `textContent`.
pub fn dom_range(root: &Element, start: usize, end: usize) -> Result<Range, JsValue> {
    let document = root
        .owner_document()
        .ok_or_else(|| error("the root is not in a document"))?;
    let range = document.create_range()?;
    let (start_node, start_offset) = dom_position(root, start, false)?;
    let (end_node, end_offset) = dom_position(root, end, true)?;
    range.set_start(&start_node, start_offset)?;
    range.set_end(&end_node, end_offset)?;
    Ok(range)
}

/// W3C selectors from JS: an array of them, or a single one.
pub fn read_selectors(value: JsValue) -> Result<Vec<Selector>, JsValue> {
    let list = if js_sys::Array::is_array(&value) {
        value
    } else {
        js_sys::Array::of1(&value).into()
    };
    let selectors: Vec<Selector> = from_js(&list).map_err(|e| {
        type_error(format!(
            "anchor(root, selectors): selectors must be W3C TextQuoteSelector / TextPositionSelector / CssSelector objects: {e}"
        ))
    })?;
    for (i, s) in selectors.iter().enumerate() {
        crate::annotation::check_selector(s)
            .map_err(|e| type_error(format!("anchor(root, selectors): selector {i}: {e}")))?;
    }
    Ok(selectors)
}
