//! Anchoring: finding an annotation's text again in a page that may have changed since.
//!
//! [`anchor`] (or [`Anchorer::anchor`], which prepares the page once for many annotations) takes
//! the selectors [`crate::annotation::describe`] wrote and the article root's text as it is now,
//! in code points, and answers with a range and a [`Status`]:
//!
//! 1. **Exact**: the `TextPositionSelector` still holds the quote's exact text, with the stored
//!    prefix and suffix around it (without a quote selector, a position in range is exact).
//! 2. **Moved**: the exact text is found verbatim elsewhere. Every occurrence is ranked by how
//!    many edits its 32 code points of context on each side are from the stored prefix and
//!    suffix (fewest first), then by distance to the position hint (nearest first, the earlier
//!    on a tie). The search is KMP over windows growing around the hint: it stops as soon as an
//!    occurrence with perfect context is closer than anything not yet searched, so a page with
//!    a paragraph inserted above costs a few thousand characters per annotation, not the page.
//!    An occurrence that lands on the position again is Exact.
//! 3. **Fuzzy**: the quote is searched with edit distance in the *matching view* of the page:
//!    the text [`crate::normalize`] folds (harakat, alef forms, ta marbuta, case, accents), with
//!    every run of whitespace collapsed to one space, so markup changes cost nothing. The
//!    search is Myers' (1999) bit-parallel algorithm in its block form (64 pattern rows a word,
//!    any quote length) with Ukkonen's cut-off, O(n·⌈m/64⌉) at worst; it finds where matches
//!    end with at most k = ⌈m/4⌉ edits (m the quote's length in the view), then the start by
//!    running the reversed quote backwards from the end, anchored there. Each candidate is
//!    scored as the Hypothesis client scores its matches (`match-quote.ts`: quote 50, prefix
//!    20, suffix 20, position 2, over the sum of the weights of what the selectors carry):
//!    quote similarity 1 − edits/m, context similarity 1 − edits/length (the stored context
//!    compared approximately with the text at the match's edge), position
//!    1 − distance/page length, which only breaks ties. The range found goes back to the page's
//!    code points through [`Normalized::original_range`], so it covers whole letters with
//!    their harakat.
//! 4. **Orphan** (start = end = 0) when nothing is good enough: for a fact-checking tool no mark
//!    is better than a mark on the wrong sentence.
//!
//! What is good enough, and why:
//! - A fuzzy match needs a combined score of at least [`THRESHOLD`] (0.6), and every side of
//!   context the selectors carry must agree with the page: similarity at least [`CONTEXT_FLOOR`]
//!   (0.7). That veto is what keeps a deleted sentence from landing on its neighbour when the
//!   neighbour is much like it ("12 people were killed" deleted, "14 people were injured" kept next
//!   to it, 93 % alike): the neighbour's prefix may be the deleted sentence's prefix, but its
//!   suffix is not — the deleted sentence's suffix was the neighbour itself. Unrelated context does
//!   not come near the floor: 32 code points of the dev set's articles against unrelated text
//!   (about 23,000 pairs, Arabic and English) have a median similarity of 0.25, a 99th percentile
//!   of 0.41 and a maximum of 0.66. The price: a quote edited *and* with the text next to it
//!   rewritten is an orphan. With k and the floor, the lowest combined score a match can reach is
//!   about 0.71 (three quarters of the quote, context at the floor), so the threshold is only a
//!   backstop: the floor decides.
//! - Quotes under [`MIN_FUZZY_CHARS`] (8) code points in the view are never matched
//!   approximately (two edits in seven letters find a short word almost anywhere); quotes
//!   under [`DISTINCT_CHARS`] (32) need at least one side of context to be matched
//!   approximately. In the verbatim stage, a quote under 32 code points found away from its
//!   position needs one side of context nearly intact (similarity at least
//!   [`SHORT_CONTEXT_FLOOR`], 0.9) and long enough to make, with the quote, 32 code points:
//!   the same few words with other words around them are another place. (At 0.7, a two-letter quote whose own place was edited landed on a
//!   repeated name elsewhere in a dev-set article, its prefix 0.78 alike.) A verbatim quote of
//!   32 code points or more is taken as distinctive on its own. What remains possible: a quote
//!   of a letter or two deleted together with exactly the text on one side of it can land on
//!   the same letters right at the cut.
//! - k = ⌈m/4⌉ bounds what a quote may have lost: on the dev set, 1 or 2 words changed (by
//!   words of about the same length) in every sentence of 60 code points or more come back
//!   Fuzzy on the edited sentence (394 of 394), 3 words in 194 of 197 — the three misses are
//!   sentences of 61–65 code points, where three words are more than a quarter.
//! - Quotes over [`MAX_FUZZY_CHARS`] (4,096 code points in the view) skip the fuzzy stage: 64
//!   words a text character is the most a browser widget should spend.
//!
//! Harakat, hamza-on-alef and whitespace changes never match verbatim, so they come back Fuzzy
//! (with a score near 1 when nothing else changed): the verbatim stage compares the page's own
//! characters and only the fuzzy stage folds.
//!
//! Cost: [`Anchorer::new`] normalizes the page and builds the view once (linear); an Exact
//! annotation then costs O(m), a Moved one O(m + the distance it moved) in the usual case, a
//! Fuzzy one O(n·⌈m/64⌉) — first over windows around the hint, growing fourfold up to an eighth
//! of the page, which are enough when the match there is perfect (a whitespace or harakat
//! change), else over the whole view. Measured once natively (release profile, opt-level "s"),
//! on 1 MB of generated text from the dev set's words (700,000 code points of Arabic and
//! English; 1,000,000 of English): `Anchorer::new` 25–40 ms; then 1,000 annotations all Exact
//! about 2 ms, all Moved (a paragraph inserted at the top) 30–50 ms; one Fuzzy or Orphan
//! annotation (a whole-page scan) 12–25 ms.

#![deny(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use std::collections::HashMap;

use serde::Serialize;

use crate::annotation::{Selector, CONTEXT_CHARS};
use crate::normalize::{normalize, Normalized};

/// How an annotation was found again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// At its position, with its text.
    Exact,
    /// Its exact text, somewhere else.
    Moved,
    /// Text close enough to the quote, in the quote's context.
    Fuzzy,
    /// Not found: `start == end == 0`.
    Orphan,
}

impl Status {
    /// The name the JS API and the JSON use.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Exact => "exact",
            Status::Moved => "moved",
            Status::Fuzzy => "fuzzy",
            Status::Orphan => "orphan",
        }
    }
}

/// Where an annotation is now, in code points of the content.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Anchored {
    pub start: usize,
    pub end: usize,
    pub status: Status,
    /// 1 for Exact; the combined score (see the module documentation) for Moved and Fuzzy; for
    /// an orphan, how close the best rejected place came, below [`THRESHOLD`].
    pub score: f32,
}

impl Anchored {
    fn exact(start: usize, end: usize) -> Self {
        Anchored {
            start,
            end,
            status: Status::Exact,
            score: 1.0,
        }
    }

    fn orphan(score: f32) -> Self {
        Anchored {
            start: 0,
            end: 0,
            status: Status::Orphan,
            score: score.clamp(0.0, BELOW_THRESHOLD),
        }
    }
}

/// The combined score a fuzzy match needs.
pub const THRESHOLD: f32 = 0.6;
/// The least similarity each side of stored context must keep for a fuzzy match.
pub const CONTEXT_FLOOR: f32 = 0.7;
/// The least similarity one side of stored context must keep for a quote shorter than
/// [`DISTINCT_CHARS`] found verbatim away from its position.
pub const SHORT_CONTEXT_FLOOR: f32 = 0.9;
/// Quotes shorter than this (code points of the matching view) are not matched approximately.
pub const MIN_FUZZY_CHARS: usize = 8;
/// Quotes shorter than this (code points) need their context to agree.
pub const DISTINCT_CHARS: usize = 32;
/// Quotes longer than this (code points of the matching view) skip the fuzzy stage.
pub const MAX_FUZZY_CHARS: usize = 4096;

/// The highest score an orphan reports.
const BELOW_THRESHOLD: f32 = THRESHOLD - 0.01;
const QUOTE_WEIGHT: f32 = 50.0;
const PREFIX_WEIGHT: f32 = 20.0;
const SUFFIX_WEIGHT: f32 = 20.0;
const POSITION_WEIGHT: f32 = 2.0;
/// Half-width (code points) of the first window searched around the position hint.
const FIRST_RADIUS: usize = 4096;
/// At most this many fuzzy candidates (the fewest edits first, then the nearest) are scored.
const MAX_CANDIDATES: usize = 256;

/// Finds the selectors' text in `content` (code points of the article root's textContent).
/// Returns status Orphan (start = end = 0, score below threshold) when no place is good
/// enough: for a fact-checking tool an orphan is better than a wrong place.
pub fn anchor(content: &[char], selectors: &[Selector]) -> Anchored {
    Anchorer::new(content).anchor(selectors)
}

/// A page prepared for anchoring many annotations: its text, its normalized copy and the
/// whitespace-collapsed matching view, built once.
#[derive(Debug, Clone)]
pub struct Anchorer {
    content: Vec<char>,
    norm: Normalized,
    /// The matching view: the normalized text with whitespace runs collapsed to one space, as
    /// indices into `alphabet`.
    view: Vec<u32>,
    /// The normalized index of each view character (the first of its whitespace run).
    view_norm: Vec<usize>,
    /// The original offset of each view character.
    view_orig: Vec<usize>,
    /// The distinct characters of the view.
    alphabet: Vec<char>,
}

/// What the selectors say.
struct Query {
    quote: Option<Quote>,
    position: Option<(usize, usize)>,
}

struct Quote {
    exact: Vec<char>,
    /// The last [`CONTEXT_CHARS`] of the stored prefix.
    prefix: Vec<char>,
    /// The first [`CONTEXT_CHARS`] of the stored suffix.
    suffix: Vec<char>,
}

/// A place found for the quote, in original code points.
#[derive(Debug, Clone, Copy)]
struct Place {
    start: usize,
    end: usize,
    /// Edits of the quote (0 for a verbatim occurrence).
    edits: usize,
    /// Edits of the stored prefix and suffix against the place's context.
    context_edits: usize,
    prefix: Option<f32>,
    suffix: Option<f32>,
    distance: usize,
    score: f32,
}

impl Anchorer {
    /// Prepares `content` (code points of the article root's textContent).
    pub fn new(content: &[char]) -> Self {
        let norm = normalize(content);
        let mut view = Vec::with_capacity(norm.len());
        let mut view_norm = Vec::with_capacity(norm.len());
        let mut view_orig = Vec::with_capacity(norm.len());
        let mut alphabet = Vec::new();
        // Symbols of the characters below U+0800 (ASCII, Latin, Greek, Cyrillic, Arabic) by
        // table, the others by hash map.
        let mut low = vec![u32::MAX; 0x800];
        let mut high: HashMap<char, u32> = HashMap::new();
        let mut in_space = false;
        for (i, &c) in norm.chars().iter().enumerate() {
            let c = if c.is_whitespace() {
                if in_space {
                    continue;
                }
                in_space = true;
                ' '
            } else {
                in_space = false;
                c
            };
            let mut new_symbol = || {
                alphabet.push(c);
                u32::try_from(alphabet.len() - 1).unwrap_or(u32::MAX)
            };
            let symbol = match low.get_mut(c as usize) {
                Some(slot) => {
                    if *slot == u32::MAX {
                        *slot = new_symbol();
                    }
                    *slot
                }
                None => *high.entry(c).or_insert_with(new_symbol),
            };
            view.push(symbol);
            view_norm.push(i);
            view_orig.push(norm.to_original(i));
        }
        Anchorer {
            content: content.to_vec(),
            norm,
            view,
            view_norm,
            view_orig,
            alphabet,
        }
    }

    /// The content this anchorer was built on.
    pub fn content(&self) -> &[char] {
        &self.content
    }

    /// Finds the selectors' text; see [`anchor`] and the module documentation.
    pub fn anchor(&self, selectors: &[Selector]) -> Anchored {
        let query = Query::new(selectors);
        let n = self.content.len();
        let Some(quote) = &query.quote else {
            return match query.position {
                Some((start, end)) if start < end && end <= n => Anchored::exact(start, end),
                _ => Anchored::orphan(0.0),
            };
        };
        if quote.exact.is_empty() {
            return Anchored::orphan(0.0);
        }
        // 1. The position still holds the quote, in its context.
        if let Some((start, end)) = query.position {
            if self.content.get(start..end) == Some(quote.exact.as_slice())
                && self.context_is_exact(quote, start, end)
            {
                return Anchored::exact(start, end);
            }
        }
        let hint = query.position.map(|(start, _)| start);
        // 2. The quote verbatim.
        let mut rejected: f32 = 0.0;
        if let Some(place) = self.verbatim(quote, hint) {
            let at_position = query.position == Some((place.start, place.end));
            // A side agrees when it is nearly intact and, with the quote, makes a string as
            // long as a distinctive quote (a prefix cut short by the article's start is weak).
            let m = quote.exact.len();
            let agrees = |side: Option<f32>, stored: usize| {
                side.is_some_and(|s| s >= SHORT_CONTEXT_FLOOR) && m + stored >= DISTINCT_CHARS
            };
            let no_context = place.prefix.is_none() && place.suffix.is_none();
            if quote.exact.len() >= DISTINCT_CHARS
                || no_context
                || at_position
                || agrees(place.prefix, quote.prefix.len())
                || agrees(place.suffix, quote.suffix.len())
            {
                let status = if at_position || query.position.is_none() {
                    Status::Exact
                } else {
                    Status::Moved
                };
                return Anchored {
                    start: place.start,
                    end: place.end,
                    status,
                    score: if status == Status::Exact {
                        1.0
                    } else {
                        place.score
                    },
                };
            }
            rejected = place.score;
        }
        // 3. The quote approximately, in the matching view.
        match self.fuzzy(quote, hint) {
            Ok(place) => Anchored {
                start: place.start,
                end: place.end,
                status: Status::Fuzzy,
                score: place.score,
            },
            Err(best) => Anchored::orphan(best.max(rejected)),
        }
    }

    /// Whether the stored prefix and suffix are exactly around `start..end`.
    fn context_is_exact(&self, quote: &Quote, start: usize, end: usize) -> bool {
        let before = self.content.get(..start).unwrap_or_default();
        let after = self.content.get(end..).unwrap_or_default();
        before.ends_with(&quote.prefix) && after.starts_with(&quote.suffix)
    }

    /// The best verbatim occurrence of the quote: fewest context edits, then nearest the hint.
    fn verbatim(&self, quote: &Quote, hint: Option<usize>) -> Option<Place> {
        let exact = &quote.exact;
        let m = exact.len();
        let n = self.content.len();
        if m == 0 || m > n {
            return None;
        }
        // Occurrence starts lie in 0..=last.
        let last = n - m;
        let has_hint = hint.is_some();
        let hint = hint.unwrap_or(0).min(last);
        let fail = failure(exact);
        let context = ContextPatterns::new(&quote.prefix, &quote.suffix);
        let mut best: Option<Place> = None;
        // Starts in lo..hi have been searched.
        let (mut lo, mut hi) = (hint, hint);
        let mut radius = FIRST_RADIUS;
        loop {
            let new_lo = hint.saturating_sub(radius);
            let new_hi = hint.saturating_add(radius).saturating_add(1).min(last + 1);
            for (a, b) in [(new_lo, lo), (hi, new_hi)] {
                if a >= b {
                    continue;
                }
                let text = self.content.get(a..b + m - 1).unwrap_or_default();
                occurrences(exact, &fail, text, |at| {
                    let start = a + at;
                    let place = self.verbatim_place(&context, start, start + m, hint, has_hint);
                    if best.is_none_or(|b| rank(&place) < rank(&b)) {
                        best = Some(place);
                    }
                });
            }
            lo = new_lo;
            hi = new_hi;
            if lo == 0 && hi == last + 1 {
                break;
            }
            // Everything within `covered` of the hint has been searched.
            let left = if lo == 0 { usize::MAX } else { hint - lo };
            let right = if hi == last + 1 {
                usize::MAX
            } else {
                hi - 1 - hint
            };
            let covered = left.min(right);
            if best.is_some_and(|b| b.context_edits == 0 && b.distance < covered) {
                break;
            }
            radius = radius.saturating_mul(4);
        }
        best
    }

    fn verbatim_place(
        &self,
        context: &ContextPatterns,
        start: usize,
        end: usize,
        hint: usize,
        has_hint: bool,
    ) -> Place {
        let before = self.content.get(..start).unwrap_or_default();
        let after = self.content.get(end..).unwrap_or_default();
        let (prefix_edits, suffix_edits) =
            context.edits(before.iter().copied(), after.iter().copied());
        let prefix = context.prefix_similarity(prefix_edits);
        let suffix = context.suffix_similarity(suffix_edits);
        let distance = start.abs_diff(hint);
        Place {
            start,
            end,
            edits: 0,
            context_edits: prefix_edits + suffix_edits,
            prefix,
            suffix,
            distance,
            score: combined(
                1.0,
                prefix,
                suffix,
                has_hint.then(|| self.proximity(distance)),
            ),
        }
    }

    /// Position score: 1 at the hint, 0 a page away.
    fn proximity(&self, distance: usize) -> f32 {
        let n = self.content.len().max(1);
        1.0 - (distance.min(n) as f32 / n as f32)
    }

    /// The best acceptable approximate match, or the best rejected score.
    fn fuzzy(&self, quote: &Quote, hint: Option<usize>) -> Result<Place, f32> {
        let pattern = fold(&quote.exact);
        let m = pattern.len();
        if !(MIN_FUZZY_CHARS..=MAX_FUZZY_CHARS).contains(&m) {
            return Err(0.0);
        }
        let prefix = fold(&quote.prefix);
        let prefix = prefix
            .get(prefix.len().saturating_sub(CONTEXT_CHARS)..)
            .unwrap_or_default();
        let suffix = fold(&quote.suffix);
        let suffix = suffix
            .get(..suffix.len().min(CONTEXT_CHARS))
            .unwrap_or_default();
        if m < DISTINCT_CHARS && prefix.is_empty() && suffix.is_empty() {
            return Err(0.0);
        }
        let search = FuzzySearch {
            anchorer: self,
            forward: Pattern::new(&pattern),
            backward: Pattern::new(&reversed(&pattern)),
            context: ContextPatterns::new(prefix, suffix),
            max_edits: m.div_ceil(4),
            hint,
        };
        let len = self.view.len();
        // First windows around the hint, growing fourfold up to an eighth of the page: enough
        // when the match there is perfect (a whitespace or harakat change) and nearer than
        // anything outside the window.
        if let Some(orig_hint) = hint {
            let at = self
                .view_orig
                .partition_point(|&o| o < orig_hint.min(self.content.len()));
            let mut radius = FIRST_RADIUS;
            while radius < len / 8 {
                let reach = radius + search.max_len();
                let (a, b) = (at.saturating_sub(reach), at.saturating_add(reach).min(len));
                let left = if a == 0 {
                    usize::MAX
                } else {
                    orig_hint.saturating_sub(self.orig_at(a))
                };
                let right = if b == len {
                    usize::MAX
                } else {
                    self.orig_at(b).saturating_sub(orig_hint)
                };
                if let Ok(place) = search.run(a, b) {
                    let perfect = place.edits == 0 && place.context_edits == 0;
                    if perfect && place.distance < left.min(right) {
                        return Ok(place);
                    }
                }
                radius = radius.saturating_mul(4);
            }
        }
        search.run(0, len)
    }

    fn orig_at(&self, view_index: usize) -> usize {
        self.view_orig
            .get(view_index)
            .copied()
            .unwrap_or(self.content.len())
    }

    /// The original range of the view range `start..end`.
    fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let norm_at = |i: usize| self.view_norm.get(i).copied().unwrap_or(self.norm.len());
        self.norm.original_range(norm_at(start), norm_at(end))
    }

    fn view_char(&self, i: usize) -> char {
        self.view
            .get(i)
            .and_then(|&s| self.alphabet.get(s as usize))
            .copied()
            .unwrap_or('\0')
    }
}

/// One fuzzy search: the quote's patterns both ways and its context.
struct FuzzySearch<'a> {
    anchorer: &'a Anchorer,
    forward: Pattern,
    backward: Pattern,
    context: ContextPatterns,
    max_edits: usize,
    hint: Option<usize>,
}

impl FuzzySearch<'_> {
    /// The longest a match can be in the view.
    fn max_len(&self) -> usize {
        self.forward.len + self.max_edits
    }

    /// The best acceptable match starting in the view range `a..b`, or the best rejected
    /// score.
    fn run(&self, a: usize, b: usize) -> Result<Place, f32> {
        let view = &self.anchorer.view;
        // The forward pattern's row for each symbol of the page.
        let rows: Vec<usize> = self
            .anchorer
            .alphabet
            .iter()
            .map(|&c| self.forward.row(c))
            .collect();
        let none = self.forward.none_row();
        // Runs of ends with at most `max_edits`, each giving its best end (the last of its
        // fewest edits).
        let mut ends: Vec<(usize, usize)> = Vec::new();
        let mut run: Option<(usize, usize)> = None;
        let stop = b.saturating_add(self.max_len()).min(view.len());
        let symbols = view.get(a..stop).unwrap_or_default();
        let text_rows = symbols
            .iter()
            .map(|&symbol| rows.get(symbol as usize).copied().unwrap_or(none));
        let mut j = a;
        scan(&self.forward, self.max_edits, text_rows, |edits| {
            if edits <= self.max_edits {
                run = match run {
                    Some((_, best)) if edits > best => run,
                    _ => Some((j + 1, edits)),
                };
            } else if let Some(found) = run.take() {
                ends.push(found);
            }
            j += 1;
        });
        ends.extend(run);
        let hint_view = self
            .hint
            .map(|h| self.anchorer.view_orig.partition_point(|&o| o < h));
        if ends.len() > MAX_CANDIDATES {
            crate::sort::sort_by_key(&mut ends, |&(end, edits)| {
                (edits, hint_view.map_or(end, |h| end.abs_diff(h)))
            });
            ends.truncate(MAX_CANDIDATES);
        }
        let mut best: Option<Place> = None;
        let mut rejected: f32 = 0.0;
        for (end, _) in ends {
            let (start, edits) = self.start_of(end);
            if start < a || start >= b {
                continue;
            }
            let place = self.place(start, end, edits);
            if self.acceptable(&place) {
                if best.is_none_or(|b| place.score > b.score) {
                    best = Some(place);
                }
            } else {
                rejected = rejected.max(place.score);
            }
        }
        best.ok_or(rejected)
    }

    /// The start of the best match ending at view index `end` (exclusive) and its edits: the
    /// reversed quote run backwards from `end`, anchored there; on a tie the length nearest the
    /// quote's.
    fn start_of(&self, end: usize) -> (usize, usize) {
        let m = self.backward.len;
        let mut columns = Columns::new(&self.backward, true);
        let mut best = (end, m, m);
        for i in 1..=self.max_len().min(end) {
            let c = self.anchorer.view_char(end - i);
            let edits = columns.step(&self.backward, self.backward.row(c));
            let key = (edits, i.abs_diff(m));
            if key < (best.1, best.2) {
                best = (end - i, edits, i.abs_diff(m));
            }
        }
        (best.0, best.1)
    }

    fn place(&self, start: usize, end: usize, edits: usize) -> Place {
        let anchorer = self.anchorer;
        let before = (0..start).rev().map(|i| anchorer.view_char(i));
        let after = (end..anchorer.view.len()).map(|i| anchorer.view_char(i));
        let (prefix_edits, suffix_edits) = self.context.edits_reversed(before, after);
        let prefix = self.context.prefix_similarity(prefix_edits);
        let suffix = self.context.suffix_similarity(suffix_edits);
        let (orig_start, orig_end) = anchorer.original_range(start, end);
        let distance = self.hint.map_or(0, |h| orig_start.abs_diff(h));
        let quote = 1.0 - edits as f32 / self.forward.len.max(1) as f32;
        let position = self.hint.map(|_| anchorer.proximity(distance));
        Place {
            start: orig_start,
            end: orig_end,
            edits,
            context_edits: prefix_edits + suffix_edits,
            prefix,
            suffix,
            distance,
            score: combined(quote, prefix, suffix, position),
        }
    }

    fn acceptable(&self, place: &Place) -> bool {
        let agrees = |side: Option<f32>| side.is_none_or(|s| s >= CONTEXT_FLOOR);
        place.edits <= self.max_edits
            && place.score >= THRESHOLD
            && agrees(place.prefix)
            && agrees(place.suffix)
            && (self.forward.len >= DISTINCT_CHARS
                || place.prefix.is_some()
                || place.suffix.is_some())
    }
}

/// Verbatim ranking: fewest context edits, then nearest, then earliest.
fn rank(place: &Place) -> (usize, usize, usize) {
    (place.context_edits, place.distance, place.start)
}

/// The Hypothesis-style weighted score over what is present.
fn combined(quote: f32, prefix: Option<f32>, suffix: Option<f32>, position: Option<f32>) -> f32 {
    let mut sum = QUOTE_WEIGHT * quote;
    let mut max = QUOTE_WEIGHT;
    for (weight, score) in [
        (PREFIX_WEIGHT, prefix),
        (SUFFIX_WEIGHT, suffix),
        (POSITION_WEIGHT, position),
    ] {
        if let Some(score) = score {
            sum += weight * score;
            max += weight;
        }
    }
    sum / max
}

impl Query {
    fn new(selectors: &[Selector]) -> Self {
        let mut query = Query {
            quote: None,
            position: None,
        };
        for selector in selectors {
            query.collect(selector);
        }
        query
    }

    fn collect(&mut self, selector: &Selector) {
        match selector {
            Selector::TextQuoteSelector {
                exact,
                prefix,
                suffix,
                ..
            } => {
                if self.quote.is_none() {
                    let mut before: Vec<char> = prefix.as_deref().unwrap_or("").chars().collect();
                    let before = before.split_off(before.len().saturating_sub(CONTEXT_CHARS));
                    let after = suffix
                        .as_deref()
                        .unwrap_or("")
                        .chars()
                        .take(CONTEXT_CHARS)
                        .collect();
                    self.quote = Some(Quote {
                        exact: exact.chars().collect(),
                        prefix: before,
                        suffix: after,
                    });
                }
            }
            Selector::TextPositionSelector { start, end, .. } => {
                if self.position.is_none() {
                    self.position = Some((*start, *end));
                }
            }
            Selector::CssSelector {
                refined_by: Some(inner),
                ..
            } => self.collect(inner),
            // Ranges and selectors Isnad does not read give no text to look for.
            Selector::CssSelector { .. } | Selector::RangeSelector { .. } | Selector::Other(_) => {}
        }
    }
}

/// The matching view of a piece of text: normalized, whitespace runs collapsed to one space.
fn fold(text: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(text.len());
    for &c in normalize(text).chars() {
        if c.is_whitespace() {
            if out.last() != Some(&' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn reversed(text: &[char]) -> Vec<char> {
    text.iter().rev().copied().collect()
}

/// The stored prefix and the reversed stored suffix, ready to be compared with a place's
/// context, each anchored at the place's edge.
struct ContextPatterns {
    prefix: Option<Pattern>,
    suffix: Option<Pattern>,
}

impl ContextPatterns {
    fn new(prefix: &[char], suffix: &[char]) -> Self {
        ContextPatterns {
            prefix: (!prefix.is_empty()).then(|| Pattern::new(prefix)),
            suffix: (!suffix.is_empty()).then(|| Pattern::new(&reversed(suffix))),
        }
    }

    /// Edits of the prefix against the text before (read in order, the place's edge last) and
    /// of the suffix against the text after (from the place's edge on).
    fn edits(
        &self,
        before: impl DoubleEndedIterator<Item = char>,
        after: impl Iterator<Item = char>,
    ) -> (usize, usize) {
        self.edits_reversed(before.rev(), after)
    }

    /// As [`ContextPatterns::edits`], with the text before read backwards from the edge.
    fn edits_reversed(
        &self,
        before: impl Iterator<Item = char>,
        after: impl Iterator<Item = char>,
    ) -> (usize, usize) {
        let prefix = self.prefix.as_ref().map_or(0, |p| {
            let window: Vec<char> = before.take(2 * p.len).collect();
            edits_ending_at_edge(p, window.iter().rev().copied())
        });
        let suffix = self.suffix.as_ref().map_or(0, |p| {
            let window: Vec<char> = after.take(2 * p.len).collect();
            edits_ending_at_edge(p, window.iter().rev().copied())
        });
        (prefix, suffix)
    }

    fn prefix_similarity(&self, edits: usize) -> Option<f32> {
        self.prefix.as_ref().map(|p| p.similarity(edits))
    }

    fn suffix_similarity(&self, edits: usize) -> Option<f32> {
        self.suffix.as_ref().map(|p| p.similarity(edits))
    }
}

/// Edits of `pattern` against the best stretch of `text` that ends where `text` ends (free
/// start, fixed end); `text` may be shorter than the pattern (the rest are deletions).
fn edits_ending_at_edge(pattern: &Pattern, text: impl Iterator<Item = char>) -> usize {
    let mut columns = Columns::new(pattern, false);
    for c in text {
        columns.step(pattern, pattern.row(c));
    }
    columns.score
}

/// A pattern prepared for Myers' bit-parallel edit distance: for each distinct character, a
/// bit vector (⌈m/64⌉ words) of the pattern rows that hold it.
struct Pattern {
    len: usize,
    blocks: usize,
    /// Distinct characters, sorted; row `r` of `peq` is `chars[r]`'s, the last row (all zeros)
    /// every other character's.
    chars: Vec<char>,
    peq: Vec<u64>,
    /// The bit of the pattern's last row in the last block.
    last_bit: u64,
}

impl Pattern {
    fn new(pattern: &[char]) -> Self {
        let mut chars = pattern.to_vec();
        crate::sort::sort_by(&mut chars, |a, b| a < b);
        chars.dedup();
        let blocks = pattern.len().div_ceil(64).max(1);
        let mut peq = vec![0u64; (chars.len() + 1) * blocks];
        for (i, c) in pattern.iter().enumerate() {
            if let Ok(row) = chars.binary_search(c) {
                if let Some(word) = peq.get_mut(row * blocks + i / 64) {
                    *word |= 1 << (i % 64);
                }
            }
        }
        let last_bit = 1u64 << ((pattern.len().max(1) - 1) % 64);
        Pattern {
            len: pattern.len(),
            blocks,
            chars,
            peq,
            last_bit,
        }
    }

    fn row(&self, c: char) -> usize {
        self.chars.binary_search(&c).unwrap_or(self.chars.len())
    }

    fn none_row(&self) -> usize {
        self.chars.len()
    }

    fn eq(&self, row: usize) -> &[u64] {
        let at = row.min(self.chars.len()) * self.blocks;
        self.peq.get(at..at + self.blocks).unwrap_or_default()
    }

    fn similarity(&self, edits: usize) -> f32 {
        1.0 - edits.min(self.len) as f32 / self.len.max(1) as f32
    }
}

/// The state of one column of the edit-distance matrix, as Myers' vertical deltas.
struct Columns {
    pv: Vec<u64>,
    mv: Vec<u64>,
    /// The distance at the pattern's last row.
    score: usize,
    /// Whether the match is anchored at the text's first character (row 0 grows by one a
    /// column) or may start anywhere (row 0 stays 0).
    anchored: bool,
}

impl Columns {
    fn new(pattern: &Pattern, anchored: bool) -> Self {
        Columns {
            pv: vec![!0; pattern.blocks],
            mv: vec![0; pattern.blocks],
            score: pattern.len,
            anchored,
        }
    }

    /// Advances one text character (its pattern row) and returns the distance at the last row.
    fn step(&mut self, pattern: &Pattern, row: usize) -> usize {
        let mut carry: i8 = i8::from(self.anchored);
        let last = self.pv.len().saturating_sub(1);
        for (b, ((pv, mv), &eq)) in self
            .pv
            .iter_mut()
            .zip(self.mv.iter_mut())
            .zip(pattern.eq(row))
            .enumerate()
        {
            let high = if b == last { pattern.last_bit } else { 1 << 63 };
            carry = advance_block(pv, mv, eq, carry, high);
        }
        self.score = add(self.score, carry);
        self.score
    }
}

/// Myers' block algorithm with Ukkonen's cut-off (Myers 1999, section 4; edlib's form): the
/// pattern may start anywhere in the text; for each text character (given as its pattern
/// row), `at` gets the distance at the pattern's last row when it is at most `k`, else
/// `usize::MAX`. Only the blocks whose rows can still be within `k` are computed, so the
/// usual cost is far below the ⌈m/64⌉ words a character of the bound.
fn scan(pattern: &Pattern, k: usize, text: impl Iterator<Item = usize>, mut at: impl FnMut(usize)) {
    if pattern.blocks == 1 {
        // One word: the plain algorithm, kept in registers.
        let (mut pv, mut mv, mut score) = (!0u64, 0u64, pattern.len);
        for row in text {
            let eq = pattern.peq.get(row).copied().unwrap_or(0);
            score = add(
                score,
                advance_block(&mut pv, &mut mv, eq, 0, pattern.last_bit),
            );
            at(if score <= k { score } else { usize::MAX });
        }
        return;
    }
    let count = pattern.blocks;
    let last = count.saturating_sub(1);
    // Pattern rows in the last block, and the bit of its last row.
    let last_rows = pattern.len.saturating_sub(64 * last);
    let last_bit = pattern.last_bit;
    // Block 0 (always computed, and full: there are several) in registers, the others in
    // `rest` (block b at b - 1), each with the distance at its last row.
    let (mut pv0, mut mv0, mut score0) = (!0u64, 0u64, 64);
    let mut rest: Vec<(u64, u64, usize)> = (1..count)
        .map(|b| (!0, 0, (64 * (b + 1)).min(pattern.len)))
        .collect();
    // The last block computed.
    let mut y = (k + 1).div_ceil(64).min(count).saturating_sub(1);
    for row in text {
        let eqs = pattern.eq(row);
        let mut carry = advance_block(
            &mut pv0,
            &mut mv0,
            eqs.first().copied().unwrap_or(0),
            0,
            1 << 63,
        );
        score0 = add(score0, carry);
        let mut score_y = score0;
        if y > 0 {
            for (b, ((p, m, s), &eq)) in rest
                .iter_mut()
                .zip(eqs.get(1..).unwrap_or_default())
                .enumerate()
                .take(y)
            {
                let high = if b + 1 == last { last_bit } else { 1 << 63 };
                carry = advance_block(p, m, eq, carry, high);
                *s = add(*s, carry);
                score_y = *s;
            }
        }
        let mut grew = false;
        if y < last {
            // Ukkonen's cut-off: one block more when its first row can be within k …
            let before = add(score_y, -carry);
            let next_matches = eqs.get(y + 1).is_some_and(|eq| eq & 1 != 0);
            if before <= k && (next_matches || carry < 0) {
                y += 1;
                let (rows, high) = if y == last {
                    (last_rows, last_bit)
                } else {
                    (64, 1 << 63)
                };
                if let (Some((p, m, s)), Some(&eq)) = (rest.get_mut(y - 1), eqs.get(y)) {
                    *p = !0;
                    *m = 0;
                    let out = advance_block(p, m, eq, carry, high);
                    *s = add(before + rows, out);
                }
                grew = true;
            }
        }
        // … one block less while none of its rows can be within k (its last row is at least
        // k + its rows: values change by one a row at most).
        while !grew && y > 0 {
            let rows = if y == last { last_rows } else { 64 };
            if rest.get(y - 1).is_some_and(|&(_, _, s)| s >= k + rows) {
                y -= 1;
            } else {
                break;
            }
        }
        let edits = match rest.last() {
            Some(&(_, _, s)) if y == last && s <= k => s,
            _ => usize::MAX,
        };
        at(edits);
    }
}

/// `value + delta` for a delta of −1, 0 or 1, never below 0.
#[inline(always)]
fn add(value: usize, delta: i8) -> usize {
    match delta {
        1 => value.saturating_add(1),
        -1 => value.saturating_sub(1),
        _ => value,
    }
}

/// One block of Myers' algorithm (the `advance_block` of Myers 1999, in Hyyrö's and edlib's
/// form): `h_in` is the horizontal delta entering the block's top row, the result the one
/// leaving the row `high` marks.
#[inline(always)]
fn advance_block(pv: &mut u64, mv: &mut u64, eq: u64, h_in: i8, high: u64) -> i8 {
    let (p, m) = (*pv, *mv);
    let negative = u64::from(h_in < 0);
    let xv = eq | m;
    let eq = eq | negative;
    let xh = ((eq & p).wrapping_add(p) ^ p) | eq;
    let mut ph = m | !(xh | p);
    let mut mh = p & xh;
    let h_out = i8::from(ph & high != 0) - i8::from(mh & high != 0);
    ph = (ph << 1) | u64::from(h_in > 0);
    mh = (mh << 1) | negative;
    *pv = mh | !(xv | ph);
    *mv = ph & xv;
    h_out
}

/// The KMP failure function of `pattern`.
fn failure(pattern: &[char]) -> Vec<usize> {
    let mut fail = vec![0; pattern.len()];
    let mut k = 0;
    for (i, c) in pattern.iter().enumerate().skip(1) {
        while k > 0 && pattern.get(k) != Some(c) {
            k = fail.get(k - 1).copied().unwrap_or(0);
        }
        if pattern.get(k) == Some(c) {
            k += 1;
        }
        if let Some(f) = fail.get_mut(i) {
            *f = k;
        }
    }
    fail
}

/// Calls `found` with the start of every occurrence of `pattern` in `text` (KMP, linear).
fn occurrences(pattern: &[char], fail: &[usize], text: &[char], mut found: impl FnMut(usize)) {
    let m = pattern.len();
    if m == 0 {
        return;
    }
    let mut k = 0;
    for (i, c) in text.iter().enumerate() {
        while k > 0 && pattern.get(k) != Some(c) {
            k = fail.get(k - 1).copied().unwrap_or(0);
        }
        if pattern.get(k) == Some(c) {
            k += 1;
        }
        if k == m {
            found(i + 1 - m);
            k = fail.get(m - 1).copied().unwrap_or(0);
        }
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    /// Plain dynamic programming: the distance at the last row for each text prefix, free or
    /// anchored start.
    fn naive(pattern: &[char], text: &[char], anchored: bool) -> Vec<usize> {
        let m = pattern.len();
        let mut col: Vec<usize> = (0..=m).collect();
        let mut out = Vec::new();
        for (j, &t) in text.iter().enumerate() {
            let mut next = vec![if anchored { j + 1 } else { 0 }; m + 1];
            for i in 1..=m {
                let sub = col[i - 1] + usize::from(pattern[i - 1] != t);
                next[i] = sub.min(col[i] + 1).min(next[i - 1] + 1);
            }
            out.push(next[m]);
            col = next;
        }
        out
    }

    fn myers(pattern: &[char], text: &[char], anchored: bool) -> Vec<usize> {
        let p = Pattern::new(pattern);
        let mut columns = Columns::new(&p, anchored);
        text.iter().map(|&c| columns.step(&p, p.row(c))).collect()
    }

    #[test]
    fn myers_blocks_agree_with_the_plain_dynamic_programme() {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |bound: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % bound
        };
        let alphabet = chars("abcا ب");
        for round in 0..400 {
            let m = 1 + next(if round % 4 == 0 { 200 } else { 70 }) as usize;
            let n = next(300) as usize;
            let pattern: Vec<char> = (0..m)
                .map(|_| alphabet[next(alphabet.len() as u64) as usize])
                .collect();
            let text: Vec<char> = (0..n)
                .map(|_| alphabet[next(alphabet.len() as u64) as usize])
                .collect();
            for anchored in [false, true] {
                assert_eq!(
                    myers(&pattern, &text, anchored),
                    naive(&pattern, &text, anchored),
                    "m={m} n={n} anchored={anchored}"
                );
            }
        }
    }

    #[test]
    fn the_cut_off_scan_agrees_with_the_plain_dynamic_programme_within_k() {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |bound: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % bound
        };
        let alphabet = chars("abcdا");
        // Ends within k found with a pattern of three blocks or more.
        let mut long_hits = 0;
        for round in 0..600 {
            let m = 1 + next(if round % 3 == 0 { 300 } else { 130 }) as usize;
            let n = next(400) as usize;
            let k = next(m as u64 / 2 + 1) as usize;
            let pattern: Vec<char> = (0..m)
                .map(|_| alphabet[next(alphabet.len() as u64) as usize])
                .collect();
            // Text made of pieces of the pattern with noise, so that matches happen.
            let mut text = Vec::new();
            while text.len() < n {
                if next(3) == 0 {
                    let a = next(m as u64) as usize;
                    let b = (a + next(m as u64) as usize).min(m);
                    text.extend(pattern[a..b].iter().filter(|_| next(10) != 0));
                } else {
                    text.push(alphabet[next(alphabet.len() as u64) as usize]);
                }
            }
            let p = Pattern::new(&pattern);
            let mut got = Vec::new();
            scan(&p, k, text.iter().map(|&c| p.row(c)), |e| got.push(e));
            let want: Vec<usize> = naive(&pattern, &text, false)
                .into_iter()
                .map(|e| if e <= k { e } else { usize::MAX })
                .collect();
            assert_eq!(got, want, "m={m} n={} k={k}", text.len());
            if m > 128 {
                long_hits += got.iter().filter(|&&e| e != usize::MAX).count();
            }
        }
        assert!(long_hits > 1000, "{long_hits}");
    }

    #[test]
    fn kmp_finds_every_overlapping_occurrence() {
        let p = chars("aba");
        let mut found = Vec::new();
        occurrences(&p, &failure(&p), &chars("abababxaba"), |at| found.push(at));
        assert_eq!(found, vec![0, 2, 7]);
    }

    #[test]
    fn context_edits_are_anchored_at_the_edge() {
        let p = Pattern::new(&chars("said that"));
        assert_eq!(
            edits_ending_at_edge(&p, chars("he said that").into_iter()),
            0
        );
        assert_eq!(
            edits_ending_at_edge(&p, chars("said that x").into_iter()),
            2
        );
        assert_eq!(edits_ending_at_edge(&p, chars("that").into_iter()), 5);
    }
}
