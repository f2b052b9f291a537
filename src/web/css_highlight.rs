//! The CSS Custom Highlight API renderer: each range becomes a `StaticRange` registered in
//! `CSS.highlights`, one `Highlight` per kind (`isnad-claim`, `isnad-source`,
//! `isnad-assessment`) plus `isnad-unsourced` for claims with no source. No node of the article
//! is created, split or moved; the page styles `::highlight(isnad-claim)` and so on.
//!
//! `StaticRange`, not `Range`: the browser does not update a static range on every DOM change,
//! so thousands of them cost the page nothing when it mutates (a live `Range` is walked on each
//! mutation of its document). Isnad re-renders from its text layer anyway.
//!
//! Two widgets on one page share the four highlights: each keeps its own ranges and takes only
//! those away on `clear`.

use wasm_bindgen::prelude::*;
use web_sys::Node;

use super::errors::dom_error;
use crate::marks::{Kind, MarkRange};
use crate::text::TextLayer;

/// Highlight names, in the order of [`slot`]; the shell's stylesheet styles each one.
pub const HIGHLIGHTS: [&str; 4] = [
    "isnad-claim",
    "isnad-source",
    "isnad-assessment",
    "isnad-unsourced",
];

/// Painting order where highlights overlap: narrower kinds on top (a source inside a claim).
const PRIORITY: [i32; 4] = [0, 3, 2, 1];

// Bound from the page's globals (no JS snippet of our own: one module fewer to fetch before
// the wasm can start).
#[wasm_bindgen]
extern "C" {
    /// A `Highlight`: a set of ranges painted alike.
    #[derive(Clone)]
    #[wasm_bindgen(js_name = Highlight)]
    type JsHighlight;
    #[wasm_bindgen(constructor, js_class = "Highlight", catch)]
    fn new() -> Result<JsHighlight, JsValue>;
    #[wasm_bindgen(method, setter)]
    fn set_priority(this: &JsHighlight, priority: i32);
    #[wasm_bindgen(method, catch)]
    fn add(this: &JsHighlight, range: &JsStaticRange) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn size(this: &JsHighlight) -> u32;
    #[wasm_bindgen(method)]
    fn clear(this: &JsHighlight);
    #[wasm_bindgen(method)]
    fn delete(this: &JsHighlight, range: &JsValue) -> bool;

    /// `CSS.highlights`.
    type JsRegistry;
    #[wasm_bindgen(method)]
    fn get(this: &JsRegistry, name: &str) -> JsValue;
    #[wasm_bindgen(method, catch)]
    fn set(this: &JsRegistry, name: &str, highlight: &JsHighlight) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method)]
    fn delete(this: &JsRegistry, name: &str) -> bool;

    #[wasm_bindgen(js_name = StaticRange)]
    type JsStaticRange;
    #[wasm_bindgen(constructor, js_class = "StaticRange", catch)]
    fn new(init: &js_sys::Object) -> Result<JsStaticRange, JsValue>;
}

/// A property of `object`, `undefined` when there is none (or `object` is not an object).
fn property(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// `CSS.highlights` where the API (with `Highlight` and `StaticRange`) exists.
fn highlight_registry() -> JsValue {
    let global: JsValue = js_sys::global().into();
    let registry = property(&property(&global, "CSS"), "highlights");
    let api = registry.is_object()
        && property(&global, "Highlight").is_function()
        && property(&global, "StaticRange").is_function();
    if api {
        registry
    } else {
        JsValue::UNDEFINED
    }
}

/// Whether the page's browser has the CSS Custom Highlight API.
pub fn supported() -> bool {
    !highlight_registry().is_undefined()
}

/// The ranges one widget has registered.
pub struct CssHighlighter {
    registry: JsValue,
    /// The `StaticRangeInit` dictionary, filled again for each range.
    init: js_sys::Object,
    /// Per highlight: the highlight and this widget's ranges in it, held in one JS array so
    /// that clearing lets go of one handle, not one per range.
    mine: [(Option<JsHighlight>, js_sys::Array); 4],
}

fn slot(range: &MarkRange) -> usize {
    match range.kind {
        Kind::Claim if range.unsourced => 3,
        Kind::Claim => 0,
        Kind::Source => 1,
        Kind::Assessment => 2,
    }
}

impl CssHighlighter {
    /// A renderer on `CSS.highlights`, or `None` where the browser lacks the API.
    pub fn new() -> Option<Self> {
        let registry = highlight_registry();
        (!registry.is_undefined()).then(|| CssHighlighter {
            registry,
            init: js_sys::Object::new(),
            mine: Default::default(),
        })
    }

    /// Number of ranges this widget has in the highlights.
    pub fn range_count(&self) -> usize {
        self.mine
            .iter()
            .map(|(_, ranges)| ranges.length() as usize)
            .sum()
    }

    /// Registers the range (validated and snapped): one `StaticRange` per stretch of text with
    /// nothing skipped in between (a caption Isnad leaves out is not painted).
    pub fn mark(&mut self, layer: &TextLayer<Node>, range: &MarkRange) -> Result<(), JsValue> {
        let at = slot(range);
        let runs = layer.runs();
        let slices = layer.slices(range.start, range.end);
        let mut i = 0;
        while let Some(first) = slices.get(i) {
            // Extend over slices whose runs follow each other in the root's textContent.
            let mut last = first;
            while let Some(next) = slices.get(i + 1) {
                let contiguous =
                    runs.get(last.run)
                        .zip(runs.get(next.run))
                        .is_some_and(|(a, b)| {
                            last.to == a.len && next.from == 0 && b.content == a.content + a.len
                        });
                if !contiguous {
                    break;
                }
                last = next;
                i += 1;
            }
            i += 1;
            let (Some(start), Some(end)) = (runs.get(first.run), runs.get(last.run)) else {
                continue;
            };
            let highlight = self.highlight(at)?;
            let init = &self.init;
            let added = [
                ("startContainer", JsValue::from(&start.node)),
                (
                    "startOffset",
                    layer.utf16_len(first.run, 0, first.from).into(),
                ),
                ("endContainer", JsValue::from(&end.node)),
                ("endOffset", layer.utf16_len(last.run, 0, last.to).into()),
            ]
            .iter()
            .try_for_each(|(key, value)| {
                js_sys::Reflect::set(init, &JsValue::from_str(key), value).map(drop)
            })
            .and_then(|()| JsStaticRange::new(init))
            .and_then(|range| highlight.add(&range).map(|_| range))
            .map_err(|e| dom_error("register a highlight range", e))?;
            self.mine[at].1.push(&added);
        }
        Ok(())
    }

    /// The highlight of slot `at`, made (or taken from another widget) on first use.
    fn highlight(&mut self, at: usize) -> Result<JsHighlight, JsValue> {
        if let Some(h) = &self.mine[at].0 {
            return Ok(h.clone());
        }
        let registry: &JsRegistry = self.registry.unchecked_ref();
        let name = HIGHLIGHTS[at];
        let held = registry.get(name);
        let h = if held.is_undefined() {
            JsHighlight::new()
                .and_then(|h| {
                    h.set_priority(PRIORITY[at]);
                    registry.set(name, &h).map(|_| h)
                })
                .map_err(|e| dom_error("create a CSS highlight", e))?
        } else {
            held.unchecked_into()
        };
        self.mine[at].0 = Some(h.clone());
        Ok(h)
    }

    /// Takes this widget's ranges out of the highlights; a highlight left empty leaves the
    /// registry.
    pub fn clear(&mut self) {
        let registry: &JsRegistry = self.registry.unchecked_ref();
        for (at, (highlight, ranges)) in self.mine.iter_mut().enumerate() {
            let Some(h) = highlight.take() else {
                continue;
            };
            if h.size() == ranges.length() {
                // Only ours (the usual case): one call, whatever the number of ranges.
                h.clear();
            } else {
                for r in ranges.iter() {
                    h.delete(&r);
                }
            }
            ranges.set_length(0);
            // Unregister only the highlight we hold, and only once no widget uses it.
            if h.size() == 0 && registry.get(HIGHLIGHTS[at]) == *AsRef::<JsValue>::as_ref(&h) {
                registry.delete(HIGHLIGHTS[at]);
            }
        }
    }
}
