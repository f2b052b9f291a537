//! Detection ([`isnad_detect::detect`]) and its findings as W3C Web Annotations.

pub use isnad_detect::detect::*;

use crate::annotation::{describe, stable_id, Annotation, Body, Details, Target, CONTEXT};
use crate::text::TextLayer;

/// Detections as W3C annotations on the page `page` (its URL), with positions counted in the
/// root's `textContent` (`content`).
pub fn annotations<N: Clone>(
    layer: &TextLayer<N>,
    content: &[char],
    page: &str,
    found: &[Detection],
) -> Vec<Annotation> {
    annotations_at(
        layer.chars(),
        content,
        &|s, e| layer.to_content(s, e),
        page,
        found,
    )
}

/// Detections in a plain text as W3C annotations whose positions count code points of `text`.
pub fn text_annotations(text: &[char], page: &str, found: &[Detection]) -> Vec<Annotation> {
    annotations_at(text, text, &|s, e| (s, e), page, found)
}

/// Detections (offsets in `chars`) as annotations with positions in `content`, through
/// `to_content` (one copy of this code for every kind of text layer).
fn annotations_at(
    chars: &[char],
    content: &[char],
    to_content: &dyn Fn(usize, usize) -> (usize, usize),
    page: &str,
    found: &[Detection],
) -> Vec<Annotation> {
    let selectors: Vec<_> = found
        .iter()
        .map(|d| {
            let (start, end) = to_content(d.start, d.end);
            describe(content, start, end)
        })
        .collect();
    let mut ids: Vec<String> = Vec::with_capacity(found.len());
    let mut taken = std::collections::HashSet::with_capacity(found.len());
    // The next number to try for each repeated id: a page repeating one passage k times costs
    // k probes, not k²/2.
    let mut next: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (d, s) in found.iter().zip(&selectors) {
        let mut id = stable_id(d.kind, s);
        // The same words in the same context twice: number the repeats.
        if taken.contains(&id) {
            let base = id.clone();
            let n = next.entry(base.clone()).or_insert(2);
            while taken.contains(&id) {
                id = format!("{base}-{n}");
                *n += 1;
            }
        }
        taken.insert(id.clone());
        ids.push(id);
    }
    found
        .iter()
        .zip(selectors)
        .zip(&ids)
        .map(|((d, selector), id)| {
            let mut body = vec![Body::textual("classifying", d.kind.as_str())];
            if let Some(source) = d.source.and_then(|s| ids.get(s)) {
                body.push(Body::link("linking", source.clone()));
            }
            if d.unsourced() {
                body.push(Body::textual("tagging", "unsourced"));
            }
            let cue = d.cue.map(|(a, b)| {
                chars[a.min(chars.len())..b.min(chars.len())]
                    .iter()
                    .collect()
            });
            Annotation {
                context: CONTEXT.into(),
                id: id.clone(),
                kind: "Annotation".into(),
                motivation: Some("classifying".into()),
                body,
                target: Target::new(page, selector),
                isnad: Some(Details {
                    stance: d.stance.map(|s| s.as_str().into()),
                    cue,
                    claim_type: d.claim_type.map(|t| t.as_str().into()),
                    confidence: Some(d.confidence),
                    entity: d.entity.map(|e| format!("e{e}")),
                    unsourced: d.unsourced(),
                    ..Details::default()
                }),
                extra: Default::default(),
            }
        })
        .collect()
}
