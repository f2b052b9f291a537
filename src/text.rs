//! The article's text as one string, with a map from code-point offsets back to text nodes.
//!
//! The text of each text node is copied verbatim (no whitespace folding), so a run of the
//! string and its node hold the same characters and offsets convert without touching the DOM.
//! Block boundaries and `<br>` add one `\n` that belongs to no node, so that sentences never run
//! across paragraphs.

use crate::tree::{skip, Tree};

/// Elements that start a new line of text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "caption",
];

/// A step of the walk over the tree.
enum Step<N> {
    Enter(N),
    /// The end of a block: a line break.
    Leave,
}

/// One text node's share of the article text.
#[derive(Debug, Clone, PartialEq)]
pub struct Run<N> {
    /// The text node.
    pub node: N,
    /// Code-point offset of the node's first character in the article text.
    pub start: usize,
    /// Length in code points.
    pub len: usize,
    /// Code-point offset of the node's first character in the root's `textContent`, which
    /// W3C `TextPositionSelector`s count.
    pub content: usize,
}

impl<N> Run<N> {
    /// Code-point offset just past the run.
    pub fn end(&self) -> usize {
        self.start + self.len
    }
}

/// A part of a run that a range covers, in code points relative to the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slice {
    /// Index of the run in [`TextLayer::runs`].
    pub run: usize,
    /// Start within the run.
    pub from: usize,
    /// End within the run.
    pub to: usize,
}

/// The article text and its map back to the nodes it came from.
#[derive(Debug, Clone)]
pub struct TextLayer<N> {
    text: String,
    chars: Vec<char>,
    runs: Vec<Run<N>>,
    /// Code points of the root's `textContent`, skipped text included.
    content_len: usize,
}

impl<N: Clone> TextLayer<N> {
    /// Reads the text below `root`, skipping what [`skip`] leaves out (the root itself is
    /// always read).
    pub fn build<T: Tree<Node = N>>(tree: &T, root: &N) -> Self {
        let mut layer = TextLayer {
            text: String::new(),
            chars: Vec::new(),
            runs: Vec::new(),
            content_len: 0,
        };
        // An explicit stack, not recursion: a page may nest elements thousands deep.
        let mut stack: Vec<Step<N>> = tree
            .children(root)
            .into_iter()
            .rev()
            .map(Step::Enter)
            .collect();
        while let Some(step) = stack.pop() {
            match step {
                Step::Leave => layer.break_line(),
                Step::Enter(node) => {
                    if let Some(block) = layer.read(tree, &node) {
                        if block {
                            stack.push(Step::Leave);
                        }
                        stack.extend(tree.children(&node).into_iter().rev().map(Step::Enter));
                    }
                }
            }
        }
        // A trailing break the layer added carries nothing (a text node's own `\n` stays: its
        // run covers it).
        let read = layer.runs.last().map_or(0, Run::end);
        if layer.chars.len() > read && layer.chars.last() == Some(&'\n') {
            layer.chars.pop();
            layer.text.pop();
        }
        layer
    }

    /// Reads one node; for an element whose children are to be read, says whether it is a
    /// block (a break follows its children).
    fn read<T: Tree<Node = N>>(&mut self, tree: &T, node: &N) -> Option<bool> {
        if let Some(data) = tree.text(node) {
            // Whitespace between blocks is layout, not text: a line starts with what is read.
            let at_line_start = self.chars.last().is_none_or(|c| *c == '\n');
            let layout = at_line_start && data.chars().all(char::is_whitespace);
            let len = data.chars().count();
            if len > 0 && !layout {
                let start = self.chars.len();
                self.chars.extend(data.chars());
                self.text.push_str(&data);
                self.runs.push(Run {
                    node: node.clone(),
                    start,
                    len,
                    content: self.content_len,
                });
            }
            self.content_len += len;
            return None;
        }
        let tag = tree.tag(node)?;
        if tag == "br" {
            self.break_line();
            return None;
        }
        let block = BLOCKS.contains(&tag.as_str());
        if block {
            self.break_line();
        }
        // A skipped block (a caption, an ad) still separates the text around it.
        if skip(tree, node, &tag).is_some() {
            self.content_len += tree.content_len(node);
            return None;
        }
        Some(block)
    }

    fn break_line(&mut self) {
        if !self.chars.is_empty() && self.chars.last() != Some(&'\n') {
            self.chars.push('\n');
            self.text.push('\n');
        }
    }

    /// The article text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The article text as code points.
    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    /// Length in code points.
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// Whether the article has no text.
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// The text nodes, in document order.
    pub fn runs(&self) -> &[Run<N>] {
        &self.runs
    }

    /// A text read as it is, as the root's whole text (the native command's `.txt` input).
    pub fn plain(node: N, text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let len = chars.len();
        let runs = if len > 0 {
            vec![Run {
                node,
                start: 0,
                len,
                content: 0,
            }]
        } else {
            Vec::new()
        };
        TextLayer {
            text: text.to_string(),
            chars,
            runs,
            content_len: len,
        }
    }

    /// Code points of the root's `textContent`.
    pub fn content_len(&self) -> usize {
        self.content_len
    }

    /// The range `start..end` of the text as a range of the root's `textContent`. Breaks
    /// between blocks belong to no node: an edge on one moves to the nearest text inside.
    pub fn to_content(&self, start: usize, end: usize) -> (usize, usize) {
        let first = self.runs.partition_point(|r| r.end() <= start);
        let from = match self.runs.get(first) {
            Some(r) => r.content + start.saturating_sub(r.start),
            None => self.content_len,
        };
        let last = self.runs.partition_point(|r| r.start < end);
        let to = match last.checked_sub(1).and_then(|i| self.runs.get(i)) {
            Some(r) => r.content + end.min(r.end()) - r.start,
            None => from,
        };
        (from, to.max(from))
    }

    /// The offset in the text of `textContent` offset `pos`, or `None` when `pos` falls in
    /// text the layer skips (a caption, a script).
    pub fn from_content(&self, pos: usize) -> Option<usize> {
        let i = self.runs.partition_point(|r| r.content + r.len <= pos);
        let r = self.runs.get(i)?;
        (r.content <= pos).then(|| r.start + pos - r.content)
    }

    /// The parts of runs that the code-point range `start..end` covers, in order. Characters
    /// that belong to no node (the line breaks between blocks) have no slice.
    pub fn slices(&self, start: usize, end: usize) -> Vec<Slice> {
        let first = self.runs.partition_point(|r| r.end() <= start);
        self.runs[first..]
            .iter()
            .enumerate()
            .take_while(|(_, r)| r.start < end)
            .map(|(i, r)| Slice {
                run: first + i,
                from: start.saturating_sub(r.start),
                to: end.min(r.end()) - r.start,
            })
            .filter(|s| s.from < s.to)
            .collect()
    }

    /// UTF-16 length of the code points `from..to` of run `run`: what the DOM counts.
    pub fn utf16_len(&self, run: usize, from: usize, to: usize) -> usize {
        let Some(r) = self.runs.get(run) else {
            return 0;
        };
        let lo = (r.start + from).min(r.end());
        let hi = (r.start + to).min(r.end());
        self.chars[lo..hi.max(lo)]
            .iter()
            .map(|c| c.len_utf16())
            .sum()
    }

    /// The original text of run `run`, as its node held it when the layer was built.
    pub fn run_text(&self, run: usize) -> String {
        self.runs
            .get(run)
            .map(|r| self.chars[r.start..r.end()].iter().collect())
            .unwrap_or_default()
    }
}
