//! What leaves and enters Isnad besides W3C JSON-LD: schema.org ClaimReview for the claims an
//! editor rated (to paste into the CMS page head), and Hypothesis API annotations brought in.

use serde::{Deserialize, Serialize};

use crate::annotation::{Annotation, Body, Details, Selector, Target, CONTEXT};
use crate::lexicon::{arabic_source_head, english_source_head, HeadKind};
use crate::marks::Kind;
use crate::normalize::normalize_str;

/// The newsroom that publishes the reviews.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Publisher {
    pub name: String,
    pub url: String,
    /// When the article appeared (ISO 8601): the claims' `datePublished`.
    #[serde(default)]
    pub article_date: Option<String>,
}

/// A schema.org `ClaimReview`, with the fields Google requires and recommends.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimReview {
    #[serde(rename = "@context")]
    pub context: &'static str,
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub url: String,
    #[serde(rename = "claimReviewed")]
    pub claim_reviewed: String,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    pub date_published: Option<String>,
    pub author: Agent,
    #[serde(rename = "reviewRating")]
    pub review_rating: ReviewRating,
    #[serde(rename = "itemReviewed")]
    pub item_reviewed: ItemReviewed,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agent {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewRating {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    #[serde(rename = "ratingValue")]
    pub rating_value: f32,
    #[serde(rename = "bestRating")]
    pub best_rating: f32,
    #[serde(rename = "worstRating")]
    pub worst_rating: f32,
    #[serde(rename = "alternateName")]
    pub alternate_name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemReviewed {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<Agent>,
    pub appearance: Appearance,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    pub date_published: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Appearance {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub url: String,
}

/// A source's type for schema.org: organisations and documents are `Organization`, the rest
/// `Person`.
fn agent_for(source: &str) -> Agent {
    let organisation = source.split_whitespace().map(normalize_str).any(|w| {
        let head = arabic_source_head(&w).or_else(|| english_source_head(&w));
        matches!(
            head.map(|h| h.kind),
            Some(HeadKind::Organisation | HeadKind::Document | HeadKind::Media)
        )
    });
    Agent {
        kind: if organisation {
            "Organization"
        } else {
            "Person"
        },
        name: source.to_string(),
        url: None,
    }
}

/// ClaimReviews for the rated claims among `annotations`.
pub fn claim_reviews(annotations: &[Annotation], publisher: &Publisher) -> Vec<ClaimReview> {
    annotations
        .iter()
        .filter(|a| a.kind() == Some(Kind::Claim) && !a.is_rejected())
        .filter_map(|a| {
            let rating = a.isnad.as_ref()?.rating.as_ref()?;
            let source = a
                .linked_source()
                .and_then(|id| annotations.iter().find(|s| s.id == id))
                .and_then(Annotation::exact)
                .map(agent_for);
            Some(ClaimReview {
                context: "https://schema.org",
                kind: "ClaimReview",
                url: a.target.source.clone(),
                claim_reviewed: a.exact()?.to_string(),
                date_published: rating.date.clone(),
                author: Agent {
                    kind: "Organization",
                    name: publisher.name.clone(),
                    url: Some(publisher.url.clone()),
                },
                review_rating: ReviewRating {
                    kind: "Rating",
                    rating_value: rating.value,
                    best_rating: rating.best,
                    worst_rating: rating.worst,
                    alternate_name: rating.label.clone(),
                },
                item_reviewed: ItemReviewed {
                    kind: "Claim",
                    author: source,
                    appearance: Appearance {
                        kind: "CreativeWork",
                        url: a.target.source.clone(),
                    },
                    date_published: publisher.article_date.clone(),
                },
            })
        })
        .collect()
}

/// An annotation as the Hypothesis API returns it (the fields Isnad uses).
#[derive(Debug, Clone, Deserialize)]
pub struct HypothesisRow {
    pub id: String,
    pub uri: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub target: Vec<HypothesisTarget>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct HypothesisTarget {
    #[serde(default)]
    pub selector: Vec<HypothesisSelector>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "type")]
pub enum HypothesisSelector {
    TextQuoteSelector {
        exact: String,
        #[serde(default)]
        prefix: Option<String>,
        #[serde(default)]
        suffix: Option<String>,
    },
    /// UTF-16 code units of the text Hypothesis anchored in.
    TextPositionSelector { start: usize, end: usize },
    #[serde(other)]
    Other,
}

/// The code point at UTF-16 offset `units` of `text`, if it falls on a character boundary.
pub fn utf16_to_code_points(text: &[char], units: usize) -> Option<usize> {
    let mut seen = 0;
    for (i, c) in text.iter().enumerate() {
        if seen == units {
            return Some(i);
        }
        seen += c.len_utf16();
        if seen > units {
            return None;
        }
    }
    (seen == units).then_some(text.len())
}

/// A Hypothesis annotation as a W3C one. `counted` is the text its positions count (UTF-16)
/// and `root_start` the code point where the article root starts in it; positions outside the
/// root are dropped (the quote still anchors). Annotations without a quote are skipped.
pub fn from_hypothesis(
    row: &HypothesisRow,
    counted: &[char],
    root_start: usize,
) -> Option<Annotation> {
    let selectors = row.target.first()?.selector.as_slice();
    let mut selector = Vec::new();
    for s in selectors {
        match s {
            HypothesisSelector::TextQuoteSelector {
                exact,
                prefix,
                suffix,
            } if !exact.is_empty() => {
                selector.push(Selector::quote(
                    exact.clone(),
                    prefix.clone(),
                    suffix.clone(),
                ));
            }
            HypothesisSelector::TextPositionSelector { start, end } => {
                let start = utf16_to_code_points(counted, *start)?.checked_sub(root_start);
                let end = utf16_to_code_points(counted, *end)?.checked_sub(root_start);
                if let (Some(start), Some(end)) = (start, end) {
                    selector.push(Selector::position(start, end));
                }
            }
            _ => {}
        }
    }
    if !selector
        .iter()
        .any(|s| matches!(s, Selector::TextQuoteSelector { .. }))
    {
        return None;
    }
    let kind = row.tags.iter().find_map(|t| {
        [Kind::Claim, Kind::Source, Kind::Assessment]
            .into_iter()
            .find(|k| t.eq_ignore_ascii_case(k.as_str()))
    });
    let mut body = vec![Body::textual(
        "classifying",
        kind.unwrap_or(Kind::Claim).as_str(),
    )];
    if !row.text.trim().is_empty() {
        body.push(Body::textual("commenting", row.text.clone()));
    }
    for tag in &row.tags {
        body.push(Body::textual("tagging", tag.clone()));
    }
    Some(Annotation {
        context: CONTEXT.into(),
        id: format!("urn:hypothesis:{}", row.id),
        kind: "Annotation".into(),
        motivation: Some("commenting".into()),
        body,
        target: Target::new(row.uri.clone(), selector),
        isnad: Some(Details {
            note: (!row.text.trim().is_empty()).then(|| row.text.clone()),
            ..Details::default()
        }),
        extra: Default::default(),
    })
}
