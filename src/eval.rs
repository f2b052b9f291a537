//! Scores annotations against a gold file (format in tests/devset/README.md): precision,
//! recall and F1 per kind, and how many claim→source links are right. Native only.
//!
//! A predicted span matches a gold span of the same kind when they overlap and the overlap
//! covers at least half of the longer of the two, in code points; each gold item matches at
//! most one prediction.

use std::collections::HashMap;
use std::fmt;

use serde::Deserialize;

use crate::annotation::Annotation;
use crate::marks::Kind;

/// A gold file.
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    /// The article's text file, relative to the gold file.
    pub text: String,
    pub lang: String,
    #[serde(default)]
    pub style: String,
    #[serde(default)]
    pub sources: Vec<GoldItem>,
    #[serde(default)]
    pub claims: Vec<GoldItem>,
    #[serde(default)]
    pub assessments: Vec<GoldItem>,
}

/// One labelled span.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldItem {
    pub id: String,
    pub exact: String,
    #[serde(default = "first")]
    pub occurrence: usize,
    #[serde(default)]
    pub entity: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
}

fn first() -> usize {
    1
}

/// Gold and predicted counts of one kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Counts) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.matched += o.matched;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        if a == 0 {
            1.0
        } else {
            0.0
        }
    } else {
        a as f64 / b as f64
    }
}

/// Scores of one or more articles.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Report {
    pub claims: Counts,
    pub sources: Counts,
    pub assessments: Counts,
    /// Matched claims and assessments whose source (or lack of one) is right, and all matched.
    pub links_right: usize,
    pub links: usize,
}

impl Report {
    pub fn add(&mut self, o: &Report) {
        self.claims.add(o.claims);
        self.sources.add(o.sources);
        self.assessments.add(o.assessments);
        self.links_right += o.links_right;
        self.links += o.links;
    }

    /// Share of matched claims and assessments linked to the right source (or to none).
    pub fn link_accuracy(&self) -> f64 {
        ratio(self.links_right, self.links)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<12} {:>5} {:>5} {:>5} {:>9} {:>6} {:>5}",
            "kind", "gold", "pred", "match", "precision", "recall", "F1"
        )?;
        for (name, c) in [
            ("claims", self.claims),
            ("sources", self.sources),
            ("assessments", self.assessments),
        ] {
            writeln!(
                f,
                "{name:<12} {:>5} {:>5} {:>5} {:>9.3} {:>6.3} {:>5.3}",
                c.gold,
                c.predicted,
                c.matched,
                c.precision(),
                c.recall(),
                c.f1()
            )?;
        }
        write!(
            f,
            "links right  {}/{} = {:.3}",
            self.links_right,
            self.links,
            self.link_accuracy()
        )
    }
}

/// Why a gold file cannot be scored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GoldError {
    #[error("gold item {id}: {exact:?} (occurrence {occurrence}) is not in the text")]
    NotFound {
        id: String,
        exact: String,
        occurrence: usize,
    },
    #[error("gold item {id} names source {source_id}, which is not a source of the file")]
    UnknownSource { id: String, source_id: String },
}

/// Code-point span of the `occurrence`-th `exact` in `text`.
fn locate(text: &[char], item: &GoldItem) -> Result<(usize, usize), GoldError> {
    let needle: Vec<char> = item.exact.chars().collect();
    let not_found = || GoldError::NotFound {
        id: item.id.clone(),
        exact: item.exact.clone(),
        occurrence: item.occurrence,
    };
    if needle.is_empty() || item.occurrence == 0 {
        return Err(not_found());
    }
    text.windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle.as_slice())
        .nth(item.occurrence - 1)
        .map(|(i, _)| (i, i + needle.len()))
        .ok_or_else(not_found)
}

/// Whether two spans match: they overlap by at least half of the longer one.
pub fn spans_match(a: (usize, usize), b: (usize, usize)) -> bool {
    let overlap = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let longer = (a.1 - a.0).max(b.1 - b.0);
    overlap > 0 && 2 * overlap >= longer
}

/// Pairs gold spans with predictions greedily by overlap; returns gold index → prediction index.
fn pair(gold: &[(usize, usize)], pred: &[(usize, usize)]) -> HashMap<usize, usize> {
    let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
    for (g, gs) in gold.iter().enumerate() {
        for (p, ps) in pred.iter().enumerate() {
            if spans_match(*gs, *ps) {
                let overlap = gs.1.min(ps.1) - gs.0.max(ps.0);
                candidates.push((overlap, g, p));
            }
        }
    }
    candidates.sort_by_key(|c| std::cmp::Reverse(c.0));
    let mut gold_used = HashMap::new();
    let mut pred_used = std::collections::HashSet::new();
    for (_, g, p) in candidates {
        if !gold_used.contains_key(&g) && !pred_used.contains(&p) {
            gold_used.insert(g, p);
            pred_used.insert(p);
        }
    }
    gold_used
}

/// Scores `predicted` (positions counting code points of `text`) against `gold`.
pub fn score(gold: &Gold, text: &str, predicted: &[Annotation]) -> Result<Report, GoldError> {
    let chars: Vec<char> = text.chars().collect();
    let spans = |items: &[GoldItem]| {
        items
            .iter()
            .map(|i| locate(&chars, i))
            .collect::<Result<Vec<_>, _>>()
    };
    let gold_sources = spans(&gold.sources)?;
    let gold_claims = spans(&gold.claims)?;
    let gold_assessments = spans(&gold.assessments)?;
    let source_index: HashMap<&str, usize> = gold
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    for item in gold.claims.iter().chain(&gold.assessments) {
        if let Some(s) = &item.source {
            if !source_index.contains_key(s.as_str()) {
                return Err(GoldError::UnknownSource {
                    id: item.id.clone(),
                    source_id: s.clone(),
                });
            }
        }
    }

    let of_kind = |kind: Kind| -> Vec<(usize, (usize, usize))> {
        predicted
            .iter()
            .enumerate()
            .filter(|(_, a)| a.kind() == Some(kind))
            .filter_map(|(i, a)| a.position().map(|p| (i, p)))
            .collect()
    };
    let pred_sources = of_kind(Kind::Source);
    let pred_claims = of_kind(Kind::Claim);
    let pred_assessments = of_kind(Kind::Assessment);
    let spans_of = |v: &[(usize, (usize, usize))]| v.iter().map(|(_, s)| *s).collect::<Vec<_>>();
    let by_id: HashMap<&str, &Annotation> = predicted.iter().map(|a| (a.id.as_str(), a)).collect();

    let mut report = Report::default();
    let sources_paired = pair(&gold_sources, &spans_of(&pred_sources));
    report.sources = Counts {
        gold: gold_sources.len(),
        predicted: pred_sources.len(),
        matched: sources_paired.len(),
    };

    for (items, gold_spans, preds, counts) in [
        (&gold.claims, &gold_claims, &pred_claims, &mut report.claims),
        (
            &gold.assessments,
            &gold_assessments,
            &pred_assessments,
            &mut report.assessments,
        ),
    ] {
        let paired = pair(gold_spans, &spans_of(preds));
        *counts = Counts {
            gold: gold_spans.len(),
            predicted: preds.len(),
            matched: paired.len(),
        };
        for (g, p) in &paired {
            let predicted_source = predicted[preds[*p].0]
                .linked_source()
                .and_then(|id| by_id.get(id))
                .and_then(|a| a.position());
            let right = match (&items[*g].source, predicted_source) {
                (None, None) => true,
                (Some(sid), Some(span)) => {
                    let entity = source_index
                        .get(sid.as_str())
                        .and_then(|i| gold.sources[*i].entity.clone());
                    gold.sources.iter().zip(&gold_sources).any(|(s, gs)| {
                        (s.id == *sid || (entity.is_some() && s.entity == entity))
                            && spans_match(*gs, span)
                    })
                }
                _ => false,
            };
            report.links += 1;
            report.links_right += usize::from(right);
        }
    }
    Ok(report)
}

/// One article of a labelled set, scored: its text file, its language and the report.
pub struct Scored {
    pub text: String,
    pub lang: String,
    pub report: Report,
}

/// Runs detection on every `*.gold.json` article of `dir` (the dev set's format) and scores it,
/// in file-name order.
pub fn score_set(dir: &std::path::Path) -> Result<Vec<Scored>, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let read = |p: &std::path::Path| {
                std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))
            };
            let gold: Gold = serde_json::from_str(&read(path)?)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            let text = read(&dir.join(&gold.text))?;
            let layer = crate::text::TextLayer::plain((), &text);
            let found = crate::detect::annotations(
                &layer,
                layer.chars(),
                "urn:isnad:eval",
                &crate::detect::detect(layer.chars()),
            );
            let report =
                score(&gold, &text, &found).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(Scored {
                text: gold.text.clone(),
                lang: gold.lang.clone(),
                report,
            })
        })
        .collect()
}

impl Report {
    /// The five figures, named: sources F1, assessments F1, claims recall, claims
    /// precision, claim→source links right.
    pub fn figures(&self) -> [(&'static str, f64); 5] {
        [
            ("sources F1", self.sources.f1()),
            ("assessments F1", self.assessments.f1()),
            ("claims recall", self.claims.recall()),
            ("claims precision", self.claims.precision()),
            ("links right", self.link_accuracy()),
        ]
    }
}

/// The reports of the articles in `lang`, added up.
pub fn total(scored: &[Scored], lang: &str) -> Report {
    let mut total = Report::default();
    for s in scored.iter().filter(|s| s.lang == lang) {
        total.add(&s.report);
    }
    total
}

/// A labelled set scored and held against per-language floors (sources F1, assessments F1,
/// claims recall, claims precision, links right).
pub struct SetCheck {
    /// The tables, per article then per language, as the tests print them.
    pub tables: String,
    /// One line for each figure below its floor.
    pub below: Vec<String>,
    pub articles: usize,
}

/// Scores the set in `dir` ([`score_set`]) and checks each language against `floors`.
pub fn check_set(dir: &std::path::Path, floors: &[(&str, [f64; 5])]) -> Result<SetCheck, String> {
    let scored = score_set(dir)?;
    let mut tables = String::new();
    for s in &scored {
        tables.push_str(&format!("== {} ({})\n{}\n\n", s.text, s.lang, s.report));
    }
    let mut below = Vec::new();
    for (lang, floors) in floors {
        let total = total(&scored, lang);
        tables.push_str(&format!("== all {lang}\n{total}\n\n"));
        for ((name, got), floor) in total.figures().into_iter().zip(floors) {
            if got < *floor {
                below.push(format!(
                    "{lang} {name}: {got:.3} is below the floor {floor:.2}"
                ));
            }
        }
    }
    Ok(SetCheck {
        tables,
        below,
        articles: scored.len(),
    })
}
