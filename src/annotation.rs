//! W3C Web Annotations: the one model every part of Isnad speaks (the JS API, the native
//! command, the stores). Detections become annotations here.
//!
//! Positions in selectors count Unicode code points of the article root's `textContent`, as the
//! W3C model says; quotes carry up to 32 code points of context on each side.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

use crate::marks::Kind;

/// Properties Isnad does not know, kept as they came so that a round trip loses nothing.
pub type Extra = BTreeMap<String, serde_json::Value>;

/// The JSON-LD context of every annotation.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// Code points of prefix and suffix kept in a quote selector.
pub const CONTEXT_CHARS: usize = 32;

/// One annotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    #[serde(rename = "@context")]
    pub context: String,
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub motivation: Option<String>,
    /// One body or several (one is read as a list of one).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    pub body: Vec<Body>,
    pub target: Target,
    /// What Isnad knows beyond the W3C vocabulary (stance, claim type, confidence, entity).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub isnad: Option<Details>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A property the W3C model allows as one value or an array of them.
fn one_or_many<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany<T> {
        Many(Vec<T>),
        One(T),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::Many(v) => v,
        OneOrMany::One(t) => vec![t],
    })
}

/// A page of annotations (W3C model §5.2), as containers and `isnad publish` serve them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnnotationPage {
    #[serde(rename = "@context", default, skip_serializing_if = "Option::is_none")]
    pub context: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub items: Vec<Annotation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prev: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// An ordered collection of annotations (W3C model §5.1): its first page may be embedded or
/// named by IRI.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnnotationCollection {
    #[serde(rename = "@context", default, skip_serializing_if = "Option::is_none")]
    pub context: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(rename = "type")]
    pub kind: serde_json::Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<PageRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A page named by its IRI, or embedded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PageRef {
    Iri(String),
    Embedded(Box<AnnotationPage>),
}

/// A body: the kind (classifying), the link to a source (linking), tags. Read through
/// [`TaggedBody`] only when `type` names a known kind as a string (see [`Selector`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", from = "serde_json::Value")]
pub enum Body {
    TextualBody {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        purpose: Option<String>,
        value: String,
        #[serde(flatten)]
        extra: Extra,
    },
    SpecificResource {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        purpose: Option<String>,
        source: String,
        #[serde(flatten)]
        extra: Extra,
    },
    /// Any other body (an IRI, an image, a choice …), kept as it came.
    #[serde(untagged)]
    Other(serde_json::Value),
}

/// The known bodies as serde reads them (the same shapes as [`Body`]'s).
#[derive(Deserialize)]
#[serde(tag = "type")]
enum TaggedBody {
    TextualBody {
        #[serde(default)]
        purpose: Option<String>,
        value: String,
        #[serde(flatten)]
        extra: Extra,
    },
    SpecificResource {
        #[serde(default)]
        purpose: Option<String>,
        source: String,
        #[serde(flatten)]
        extra: Extra,
    },
}

impl From<serde_json::Value> for Body {
    /// A body of a known `type` (a string) with the members it needs is read as that kind;
    /// anything else is kept as it came.
    fn from(value: serde_json::Value) -> Self {
        let known = matches!(
            value.get("type").and_then(serde_json::Value::as_str),
            Some("TextualBody" | "SpecificResource")
        );
        match known
            .then(|| TaggedBody::deserialize(&value).ok())
            .flatten()
        {
            Some(TaggedBody::TextualBody {
                purpose,
                value,
                extra,
            }) => Body::TextualBody {
                purpose,
                value,
                extra,
            },
            Some(TaggedBody::SpecificResource {
                purpose,
                source,
                extra,
            }) => Body::SpecificResource {
                purpose,
                source,
                extra,
            },
            None => Body::Other(value),
        }
    }
}

impl Selector {
    /// A `TextQuoteSelector`; empty context is left out.
    pub fn quote(exact: impl Into<String>, prefix: Option<String>, suffix: Option<String>) -> Self {
        Selector::TextQuoteSelector {
            exact: exact.into(),
            prefix: prefix.filter(|p| !p.is_empty()),
            suffix: suffix.filter(|s| !s.is_empty()),
            extra: Extra::new(),
        }
    }

    /// A `TextPositionSelector` (code points).
    pub fn position(start: usize, end: usize) -> Self {
        Selector::TextPositionSelector {
            start,
            end,
            extra: Extra::new(),
        }
    }
}

impl Body {
    /// A `TextualBody` with a purpose.
    pub fn textual(purpose: &str, value: impl Into<String>) -> Self {
        Body::TextualBody {
            purpose: Some(purpose.into()),
            value: value.into(),
            extra: Extra::new(),
        }
    }

    /// A `SpecificResource` body pointing at another resource (a source annotation).
    pub fn link(purpose: &str, source: impl Into<String>) -> Self {
        Body::SpecificResource {
            purpose: Some(purpose.into()),
            source: source.into(),
            extra: Extra::new(),
        }
    }
}

/// The page and the place in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Target {
    /// The page; empty for the other kinds of target W3C allows (kept in `extra`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub source: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub selector: Vec<Selector>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Target {
    /// A page and selectors on it.
    pub fn new(source: impl Into<String>, selector: Vec<Selector>) -> Self {
        Target {
            source: source.into(),
            selector,
            extra: Extra::new(),
        }
    }
}

impl<'de> Deserialize<'de> for Target {
    /// A target is an IRI, or an object with a `source` and one selector or several.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Specific {
            #[serde(default)]
            source: String,
            #[serde(default, deserialize_with = "one_or_many")]
            selector: Vec<Selector>,
            #[serde(flatten)]
            extra: Extra,
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Form {
            Iri(String),
            Specific(Specific),
        }
        Ok(match Form::deserialize(d)? {
            Form::Iri(source) => Target::new(source, Vec::new()),
            Form::Specific(s) => Target {
                source: s.source,
                selector: s.selector,
                extra: s.extra,
            },
        })
    }
}

/// Ways to find the annotated text again. Read through [`TaggedSelector`] only when `type` is
/// one of the known names as a string: serde's internal tagging also takes a variant's index
/// (`"type": 0` read as a `TextQuoteSelector`), so an odd selector would come back as another
/// kind on a second read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", from = "serde_json::Value")]
pub enum Selector {
    TextQuoteSelector {
        exact: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        prefix: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        suffix: Option<String>,
        #[serde(flatten)]
        extra: Extra,
    },
    TextPositionSelector {
        start: usize,
        end: usize,
        #[serde(flatten)]
        extra: Extra,
    },
    CssSelector {
        value: String,
        #[serde(rename = "refinedBy", default, skip_serializing_if = "Option::is_none")]
        refined_by: Option<Box<Selector>>,
        #[serde(flatten)]
        extra: Extra,
    },
    /// The W3C form of a range: from one selected point to another.
    RangeSelector {
        #[serde(rename = "startSelector")]
        start_selector: Box<Selector>,
        #[serde(rename = "endSelector")]
        end_selector: Box<Selector>,
        #[serde(flatten)]
        extra: Extra,
    },
    /// Any other selector (XPath, fragment, SVG …), kept as it came.
    #[serde(untagged)]
    Other(serde_json::Value),
}

/// The known selectors as serde reads them (the same shapes as [`Selector`]'s).
#[derive(Deserialize)]
#[serde(tag = "type")]
#[allow(clippy::enum_variant_names)] // the W3C names
enum TaggedSelector {
    TextQuoteSelector {
        exact: String,
        #[serde(default)]
        prefix: Option<String>,
        #[serde(default)]
        suffix: Option<String>,
        #[serde(flatten)]
        extra: Extra,
    },
    TextPositionSelector {
        start: usize,
        end: usize,
        #[serde(flatten)]
        extra: Extra,
    },
    CssSelector {
        value: String,
        #[serde(rename = "refinedBy", default)]
        refined_by: Option<Box<Selector>>,
        #[serde(flatten)]
        extra: Extra,
    },
    RangeSelector {
        #[serde(rename = "startSelector")]
        start_selector: Box<Selector>,
        #[serde(rename = "endSelector")]
        end_selector: Box<Selector>,
        #[serde(flatten)]
        extra: Extra,
    },
}

impl From<serde_json::Value> for Selector {
    /// A selector of a known `type` (a string) with the members it needs is read as that kind;
    /// anything else is kept as it came.
    fn from(value: serde_json::Value) -> Self {
        let known = matches!(
            value.get("type").and_then(serde_json::Value::as_str),
            Some("TextQuoteSelector" | "TextPositionSelector" | "CssSelector" | "RangeSelector")
        );
        let tagged = known
            .then(|| TaggedSelector::deserialize(&value).ok())
            .flatten();
        match tagged {
            Some(TaggedSelector::TextQuoteSelector {
                exact,
                prefix,
                suffix,
                extra,
            }) => Selector::TextQuoteSelector {
                exact,
                prefix,
                suffix,
                extra,
            },
            Some(TaggedSelector::TextPositionSelector { start, end, extra }) => {
                Selector::TextPositionSelector { start, end, extra }
            }
            Some(TaggedSelector::CssSelector {
                value,
                refined_by,
                extra,
            }) => Selector::CssSelector {
                value,
                refined_by,
                extra,
            },
            Some(TaggedSelector::RangeSelector {
                start_selector,
                end_selector,
                extra,
            }) => Selector::RangeSelector {
                start_selector,
                end_selector,
                extra,
            },
            None => Selector::Other(value),
        }
    }
}

/// Isnad's own description of a detection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Details {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unsourced: bool,
    /// An editor's rating of a claim (feeds the ClaimReview export).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
    /// An editor's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// An editor's decision on a detection: "accepted" once checked, "rejected" when it is
    /// not what it was detected as (kept so that detection does not bring it back).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<String>,
}

/// An editor's rating of a claim, on the newsroom's own scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Rating {
    pub value: f32,
    pub best: f32,
    pub worst: f32,
    /// The verdict in words ("False", «مضلل»): ClaimReview's `alternateName`.
    pub label: String,
    /// When the editor rated it (ISO 8601), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

impl Annotation {
    /// Whether an editor rejected this detection.
    pub fn is_rejected(&self) -> bool {
        self.isnad
            .as_ref()
            .is_some_and(|d| d.reviewed.as_deref() == Some("rejected"))
    }

    /// Refuses a body or selector that names one of the W3C types Isnad reads but does not
    /// have that type's shape (a `TextPositionSelector` with a negative start, a
    /// `TextualBody` whose value is a number): kept "as it came" it would be silently ignored.
    /// The message says where and what.
    pub fn check(&self) -> Result<(), String> {
        for (i, body) in self.body.iter().enumerate() {
            if let Body::Other(value) = body {
                let wanted = match value.get("type").and_then(|t| t.as_str()) {
                    Some("TextualBody") => "a TextualBody needs value, a string",
                    Some("SpecificResource") => "a SpecificResource needs source, a string",
                    _ => continue,
                };
                return Err(format!("body[{i}]: {wanted}"));
            }
        }
        for (i, selector) in self.target.selector.iter().enumerate() {
            check_selector(selector).map_err(|e| format!("target.selector[{i}]: {e}"))?;
        }
        Ok(())
    }

    /// The kind this annotation classifies its text as, if it is one of Isnad's.
    pub fn kind(&self) -> Option<Kind> {
        self.body.iter().find_map(|b| match b {
            Body::TextualBody {
                purpose: Some(p),
                value,
                ..
            } if p == "classifying" => match value.as_str() {
                "claim" => Some(Kind::Claim),
                "source" => Some(Kind::Source),
                "assessment" => Some(Kind::Assessment),
                _ => None,
            },
            _ => None,
        })
    }

    /// The id of the source annotation this one is linked to.
    pub fn linked_source(&self) -> Option<&str> {
        self.body.iter().find_map(|b| match b {
            Body::SpecificResource {
                purpose: Some(p),
                source,
                ..
            } if p == "linking" => Some(source.as_str()),
            _ => None,
        })
    }

    /// The `TextPositionSelector` range, if the target has one (directly or refining a CSS one).
    pub fn position(&self) -> Option<(usize, usize)> {
        fn find(s: &Selector) -> Option<(usize, usize)> {
            match s {
                Selector::TextPositionSelector { start, end, .. } => Some((*start, *end)),
                Selector::CssSelector {
                    refined_by: Some(inner),
                    ..
                } => find(inner),
                _ => None,
            }
        }
        self.target.selector.iter().find_map(find)
    }

    /// The quote's exact text, if the target has one.
    pub fn exact(&self) -> Option<&str> {
        self.target.selector.iter().find_map(|s| match s {
            Selector::TextQuoteSelector { exact, .. } => Some(exact.as_str()),
            _ => None,
        })
    }
}

/// The quote and position selectors of `content[start..end]` (code points of the root's
/// `textContent`). Offsets past the end are clamped.
pub fn describe(content: &[char], start: usize, end: usize) -> Vec<Selector> {
    let end = end.min(content.len());
    let start = start.min(end);
    let text = |a: usize, b: usize| -> String { content[a..b].iter().collect() };
    let prefix = text(start.saturating_sub(CONTEXT_CHARS), start);
    let suffix = text(end, (end + CONTEXT_CHARS).min(content.len()));
    vec![
        Selector::quote(text(start, end), Some(prefix), Some(suffix)),
        Selector::position(start, end),
    ]
}

/// A stable id for an annotation: the same text in the same context gets the same id on every
/// run (FNV-1a over kind, quote and context).
pub fn stable_id(kind: Kind, selectors: &[Selector]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |s: &str| {
        for b in s.bytes().chain([0xff]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    eat(kind.as_str());
    for s in selectors {
        if let Selector::TextQuoteSelector {
            exact,
            prefix,
            suffix,
            ..
        } = s
        {
            eat(exact);
            eat(prefix.as_deref().unwrap_or_default());
            eat(suffix.as_deref().unwrap_or_default());
        }
    }
    format!("urn:isnad:{}:{hash:016x}", kind.as_str())
}

/// What a selector of a known type is missing, if anything (see `Annotation::check`).
pub fn check_selector(selector: &Selector) -> Result<(), String> {
    match selector {
        Selector::Other(value) => {
            let Some(kind) = value.get("type").and_then(|t| t.as_str()) else {
                return if value.is_object() {
                    Ok(()) // another vocabulary's selector: kept as it came
                } else {
                    Err(format!(
                        "a selector must be an object with a type, not {value}"
                    ))
                };
            };
            let wanted = match kind {
                "TextQuoteSelector" => "a TextQuoteSelector needs exact, a string (prefix and suffix strings too, if given)",
                "TextPositionSelector" => "a TextPositionSelector needs start and end, whole numbers from 0",
                "CssSelector" => "a CssSelector needs value, a string",
                "RangeSelector" => "a RangeSelector needs startSelector and endSelector, selectors",
                _ => return Ok(()),
            };
            Err(wanted.to_string())
        }
        Selector::CssSelector {
            refined_by: Some(inner),
            ..
        } => check_selector(inner).map_err(|e| format!("refinedBy: {e}")),
        Selector::RangeSelector {
            start_selector,
            end_selector,
            ..
        } => {
            check_selector(start_selector).map_err(|e| format!("startSelector: {e}"))?;
            check_selector(end_selector).map_err(|e| format!("endSelector: {e}"))
        }
        _ => Ok(()),
    }
}
