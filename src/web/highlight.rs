//! The `<mark>` renderer: wraps code-point ranges of the article in `<mark>` elements and takes
//! them away again so that the DOM is exactly as it was.
//!
//! A text node is split where a range starts or ends; each part of a run of text is a "piece".
//! The original node stays the first piece, so undoing means unwrapping the marks, giving the
//! original node its text back and removing the other pieces.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Node, Text};

use super::css_highlight::CssHighlighter;
use super::errors::{dom_error, type_error};
use crate::marks::{Drawn, MarkRange};
use crate::text::TextLayer;

/// How ranges are drawn: `<mark>` elements, or ranges in `CSS.highlights` (mount option
/// `renderer: 'marks' | 'highlights'`; marks where the browser lacks the Highlight API). Both
/// keep the ranges drawn, so that a point of the page can be hit-tested the same way.
pub struct Renderer {
    how: How,
    /// The ranges drawn, as drawn (snapped), in the order they were drawn.
    drawn: Drawn,
}

enum How {
    Marks(Highlighter),
    Highlights(CssHighlighter),
}

impl Default for Renderer {
    fn default() -> Self {
        Renderer {
            how: How::Marks(Highlighter::default()),
            drawn: Drawn::default(),
        }
    }
}

impl Renderer {
    /// The renderer the mount options ask for (`options.renderer`).
    pub fn choose(options: &JsValue) -> Result<Renderer, JsValue> {
        let asked = if options.is_object() {
            js_sys::Reflect::get(options, &"renderer".into()).unwrap_or(JsValue::UNDEFINED)
        } else {
            JsValue::UNDEFINED
        };
        let how = match asked.as_string().as_deref() {
            _ if asked.is_undefined() => How::Marks(Highlighter::default()),
            Some("marks") => How::Marks(Highlighter::default()),
            Some("highlights") => CssHighlighter::new()
                .map(How::Highlights)
                .unwrap_or_else(|| How::Marks(Highlighter::default())),
            _ => {
                return Err(type_error(format!(
                    "Isnad.mount: renderer must be 'marks' or 'highlights', not {}",
                    js_sys::JSON::stringify(&asked)
                        .ok()
                        .and_then(|s| s.as_string())
                        .unwrap_or_else(|| "that".into())
                )))
            }
        };
        Ok(Renderer {
            how,
            drawn: Drawn::default(),
        })
    }

    /// `"marks"` or `"highlights"`: what this widget draws with.
    pub fn name(&self) -> &'static str {
        match self.how {
            How::Marks(_) => "marks",
            How::Highlights(_) => "highlights",
        }
    }

    /// What is drawn: `<mark>` elements, or ranges in `CSS.highlights`.
    pub fn mark_count(&self) -> usize {
        match &self.how {
            How::Marks(m) => m.mark_count(),
            How::Highlights(h) => h.range_count(),
        }
    }

    /// Draws one range (validated and snapped).
    pub fn mark(
        &mut self,
        document: &Document,
        layer: &TextLayer<Node>,
        range: &MarkRange,
    ) -> Result<(), JsValue> {
        match &mut self.how {
            How::Marks(m) => m.mark(document, layer, range)?,
            How::Highlights(h) => h.mark(layer, range)?,
        }
        self.drawn.push(range);
        Ok(())
    }

    /// Takes everything drawn away; with marks, the DOM is exactly as it was.
    pub fn clear(&mut self) -> Result<(), JsValue> {
        self.drawn.clear();
        match &mut self.how {
            How::Marks(m) => m.clear(),
            How::Highlights(h) => {
                h.clear();
                Ok(())
            }
        }
    }

    /// Ids of the drawn ranges covering the character that starts at the DOM point
    /// (`node`, `offset`; UTF-16, as `caretPositionFromPoint` gives it), narrowest first.
    /// A point outside the article's text (another element, a caption Isnad skips) hits
    /// nothing.
    pub fn ids_at(
        &self,
        document: &Document,
        layer: &TextLayer<Node>,
        node: &Node,
        offset: u32,
    ) -> Vec<String> {
        let Some(at) = text_offset(document, layer, node, offset) else {
            return Vec::new();
        };
        self.drawn.ids_at(at)
    }
}

/// The code-point offset in the layer of the character starting at a DOM point, when that
/// character is text Isnad reads. The marks renderer splits text nodes, so the point's node
/// may be a piece of a run: the run is found by document order (binary search with
/// `Range.comparePoint`) and the offset counted from the run's start.
fn text_offset(
    document: &Document,
    layer: &TextLayer<Node>,
    node: &Node,
    offset: u32,
) -> Option<usize> {
    let (node, offset) = if node.node_type() == Node::TEXT_NODE {
        (node.clone(), offset)
    } else {
        // A point between an element's children: the first text in the child after it (the
        // marks renderer may have wrapped that text in a mark).
        let mut child = node.child_nodes().item(offset)?;
        while child.node_type() != Node::TEXT_NODE {
            child = child.first_child()?;
        }
        (child, 0)
    };
    let probe = document.create_range().ok()?;
    let runs = layer.runs();
    // A run's pieces are its node and the text nodes split off after it, up to the next run.
    // Find the last run whose start is at or before the point.
    let before = |run: &Node| -> Option<bool> {
        probe.set_start(run, 0).ok()?;
        Some(probe.compare_point(&node, offset).ok()? >= 0)
    };
    let mut lo = 0;
    let mut hi = runs.len();
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if before(&runs.get(mid)?.node)? {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    let index = lo.checked_sub(1)?;
    let run = runs.get(index)?;
    // UTF-16 units from the run's start to the point, over the run's node and its pieces.
    let span = document.create_range().ok()?;
    span.set_start(&run.node, 0).ok()?;
    span.set_end(&node, offset).ok()?;
    let units = span.to_string().length() as usize;
    let chars = layer.chars().get(run.start..run.end())?;
    let mut counted = 0;
    for (i, c) in chars.iter().enumerate() {
        if counted >= units {
            return (counted == units).then_some(run.start + i);
        }
        counted += c.len_utf16();
    }
    None
}

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
            // The pieces joined again: their current text (the page may have edited one since,
            // and its edit stays), moved as JS strings, since a lone surrogate in the page's
            // text would not survive a Rust String.
            let pieces: Vec<Text> = pieces.drain(..).map(|(_, piece)| piece).collect();
            if let Some((first, rest)) = pieces.split_first() {
                for piece in rest {
                    append_text(first, piece).map_err(|e| dom_error("join a text node", e))?;
                    piece.remove();
                }
            }
        }
        Ok(())
    }
}

/// `first.appendData(piece.data)`, without the text passing through Rust.
fn append_text(first: &Text, piece: &Text) -> Result<(), JsValue> {
    let data = js_sys::Reflect::get(piece, &"data".into())?;
    let append: js_sys::Function = js_sys::Reflect::get(first, &"appendData".into())?.dyn_into()?;
    append.call1(first, &data)?;
    Ok(())
}
