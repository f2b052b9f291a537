//! The `<mark>` renderer: wraps code-point ranges of the article in `<mark>` elements and takes
//! them away again so that the DOM is exactly as it was.
//!
//! A text node is split where a range starts or ends; each part of a run of text is a "piece".
//! The original node stays the first piece, so undoing means unwrapping the marks, giving the
//! original node its text back and removing the other pieces.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Node, Text};

use super::errors::dom_error;
use crate::marks::MarkRange;
use crate::text::TextLayer;

/// Class every mark carries; `isnad-<kind>` is added beside it.
pub const MARK_CLASS: &str = "isnad-mark";

/// The marks in a page and the text nodes split to make them.
#[derive(Default)]
pub struct Highlighter {
    /// Per run, its pieces as (code-point offset in the run, text node); empty while untouched.
    pieces: Vec<Vec<(usize, Text)>>,
    /// Runs that have been split, to mend on clear.
    touched: Vec<usize>,
    /// Every mark made, in order.
    marks: Vec<Element>,
}

impl Highlighter {
    /// Number of `<mark>` elements in the page.
    pub fn mark_count(&self) -> usize {
        self.marks.len()
    }

    /// Wraps the range (already validated and snapped) in marks, one per piece it covers.
    pub fn mark(
        &mut self,
        document: &Document,
        layer: &TextLayer<Node>,
        range: &MarkRange,
    ) -> Result<(), JsValue> {
        if self.pieces.len() < layer.runs().len() {
            self.pieces.resize_with(layer.runs().len(), Vec::new);
        }
        for slice in layer.slices(range.start, range.end) {
            self.cut(layer, slice.run, slice.from)?;
            self.cut(layer, slice.run, slice.to)?;
            let covered: Vec<Text> = self.pieces[slice.run]
                .iter()
                .filter(|(at, _)| *at >= slice.from && *at < slice.to)
                .map(|(_, t)| t.clone())
                .collect();
            for text in covered {
                let mark = self.wrap(document, &text, range)?;
                self.marks.push(mark);
            }
        }
        Ok(())
    }

    /// Makes `at` (code points into run `run`) a piece boundary.
    fn cut(&mut self, layer: &TextLayer<Node>, run: usize, at: usize) -> Result<(), JsValue> {
        let Some(node) = layer.runs().get(run).map(|r| r.node.clone()) else {
            return Ok(());
        };
        let len = layer.runs()[run].len;
        if self.pieces[run].is_empty() {
            let text = node.dyn_into::<Text>().map_err(|_| {
                dom_error(
                    "mark text",
                    JsValue::from_str("a text node is no longer text"),
                )
            })?;
            self.pieces[run].push((0, text));
            self.touched.push(run);
        }
        let pieces = &mut self.pieces[run];
        if at == 0 || at >= len {
            return Ok(());
        }
        let index = pieces.partition_point(|(start, _)| *start <= at) - 1;
        let (start, text) = pieces[index].clone();
        if start == at {
            return Ok(());
        }
        let offset = layer.utf16_len(run, start, at) as u32;
        let tail = text
            .split_text(offset)
            .map_err(|e| dom_error("split a text node", e))?;
        pieces.insert(index + 1, (at, tail));
        Ok(())
    }

    fn wrap(
        &self,
        document: &Document,
        text: &Text,
        range: &MarkRange,
    ) -> Result<Element, JsValue> {
        let kind = range.kind.as_str();
        let mark = document
            .create_element("mark")
            .map_err(|e| dom_error("create a mark", e))?;
        let unsourced = if range.unsourced {
            " isnad-unsourced"
        } else {
            ""
        };
        mark.set_class_name(&format!("{MARK_CLASS} isnad-{kind}{unsourced}"));
        mark.set_attribute("data-isnad-kind", kind)
            .map_err(|e| dom_error("label a mark", e))?;
        if let Some(id) = &range.id {
            mark.set_attribute("data-isnad-id", id)
                .map_err(|e| dom_error("label a mark", e))?;
        }
        let parent = text.parent_node().ok_or_else(|| {
            dom_error(
                "mark text",
                JsValue::from_str("a text node of the article was removed from the page"),
            )
        })?;
        parent
            .insert_before(&mark, Some(text))
            .map_err(|e| dom_error("insert a mark", e))?;
        mark.append_child(text)
            .map_err(|e| dom_error("insert a mark", e))?;
        Ok(mark)
    }

    /// Removes every mark and merges split text nodes back, leaving the DOM as it was.
    pub fn clear(&mut self) -> Result<(), JsValue> {
        for mark in self.marks.drain(..).rev() {
            if let Some(parent) = mark.parent_node() {
                while let Some(child) = mark.first_child() {
                    parent
                        .insert_before(&child, Some(&mark))
                        .map_err(|e| dom_error("remove a mark", e))?;
                }
            }
            mark.remove();
        }
        for run in self.touched.drain(..) {
            let Some(pieces) = self.pieces.get_mut(run) else {
                continue;
            };
            // The pieces joined again. Their current text, not the text they were cut from:
            // the page may have edited one since (then the page's edit stays).
            let joined: String = pieces.iter().map(|(_, piece)| piece.data()).collect();
            if let Some((_, first)) = pieces.first() {
                first.set_data(&joined);
            }
            for (_, piece) in pieces.drain(..).skip(1) {
                piece.remove();
            }
        }
        Ok(())
    }
}
