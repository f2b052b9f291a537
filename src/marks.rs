//! The ranges the highlight engine marks: what they are, how they are checked before anything
//! in the page changes, and how their edges are moved to word edges in Arabic.

use serde::{Deserialize, Serialize};
use thiserror::Error;

pub use isnad_detect::kind::Kind;
pub use isnad_detect::segment::is_arabic;

/// A range to mark, in code points of the article text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkRange {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// The annotation's id; the engine numbers ranges that come without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// A claim with no source in the article: shown so that it stands out.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unsourced: bool,
}

/// Why a set of ranges cannot be marked. Nothing is marked when any range is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RangeError {
    #[error("range {index}: start ({start}) must be less than end ({end}); offsets count code points of handle.text()")]
    Empty {
        index: usize,
        start: usize,
        end: usize,
    },
    #[error("range {index}: end ({end}) is past the end of the article text ({len} code points); offsets count code points of handle.text()")]
    OutOfBounds {
        index: usize,
        end: usize,
        len: usize,
    },
    #[error("range {index}: id must not be empty")]
    EmptyId { index: usize },
}

/// Checks every range against a text of `len` code points and gives each one an id.
pub fn validate(ranges: Vec<MarkRange>, len: usize) -> Result<Vec<MarkRange>, RangeError> {
    ranges
        .into_iter()
        .enumerate()
        .map(|(index, mut r)| {
            if r.start >= r.end {
                return Err(RangeError::Empty {
                    index,
                    start: r.start,
                    end: r.end,
                });
            }
            if r.end > len {
                return Err(RangeError::OutOfBounds {
                    index,
                    end: r.end,
                    len,
                });
            }
            match &r.id {
                Some(id) if id.is_empty() => return Err(RangeError::EmptyId { index }),
                Some(_) => {}
                None => r.id = Some(format!("isnad-{index}")),
            }
            Ok(r)
        })
        .collect()
}

/// Orders ranges so that a range that contains another is marked first and its marks end up
/// outside: by start, then longest first.
pub fn nesting_order(ranges: &mut [MarkRange]) {
    crate::sort::sort_by_key(ranges, |r| (r.start, std::cmp::Reverse(r.end)));
}

/// The ranges a renderer has drawn, for hit-testing: their positions and ids in flat buffers,
/// so that drawing a range allocates nothing of its own and forgetting ten thousand of them
/// frees two buffers, not ten thousand strings.
#[derive(Debug, Default)]
pub struct Drawn {
    /// Start, end, and where the id ends in `ids` (it starts where the one before ends).
    spans: Vec<(usize, usize, usize)>,
    ids: String,
}

impl Drawn {
    pub fn push(&mut self, range: &MarkRange) {
        self.ids.push_str(range.id.as_deref().unwrap_or_default());
        self.spans.push((range.start, range.end, self.ids.len()));
    }

    pub fn clear(&mut self) {
        self.spans.clear();
        self.ids.clear();
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Ids of the drawn ranges covering code point `at`, narrowest first, each once (ranges
    /// drawn without an id are left out).
    pub fn ids_at(&self, at: usize) -> Vec<String> {
        let mut hits: Vec<(usize, &str)> = Vec::new();
        let mut from = 0;
        for &(start, end, to) in &self.spans {
            let id = self.ids.get(from..to).unwrap_or_default();
            from = to;
            if start <= at && at < end && !id.is_empty() {
                hits.push((end - start, id));
            }
        }
        crate::sort::sort_by_key(&mut hits, |&(len, _)| len);
        let mut ids: Vec<String> = Vec::with_capacity(hits.len());
        for (_, id) in hits {
            if !ids.iter().any(|seen| seen == id) {
                ids.push(id.to_string());
            }
        }
        ids
    }
}

/// Characters that continue a word: letters, marks, digits, and the zero-width (non-)joiners.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || is_arabic(c) || matches!(c, '\u{200C}' | '\u{200D}') || is_mark(c)
}

/// Combining marks of the blocks a news page uses (harakat, Latin diacritics).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{FE20}'..='\u{FE2F}')
}

/// Whether a boundary between `before` and `after` cuts an Arabic word (or its harakat off
/// their letter), which would break cursive joining.
fn cuts_arabic_word(before: char, after: char) -> bool {
    is_word(before) && is_word(after) && (is_arabic(before) || is_arabic(after) || is_mark(after))
}

/// Moves `start` back and `end` forward to the edges of the Arabic words they cut. Latin text
/// is left as asked: a mark inside a Latin word does not break its letters.
pub fn snap_to_words(chars: &[char], start: usize, end: usize) -> (usize, usize) {
    let mut s = start.min(chars.len());
    while s > 0 && s < chars.len() && cuts_arabic_word(chars[s - 1], chars[s]) {
        s -= 1;
    }
    let mut e = end.min(chars.len()).max(s);
    while e > 0 && e < chars.len() && cuts_arabic_word(chars[e - 1], chars[e]) {
        e += 1;
    }
    (s, e)
}
