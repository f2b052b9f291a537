//! Later mentions of a source (the think tank, «مركز الأبحاث», «ذات الدراسة», she) linked to
//! one entity where the text allows.

use super::words::Document;
use super::Detection;
use crate::kind::Kind;
use crate::lexicon::{
    arabic_source_head, english_source_head, is_anaphoric_determiner,
    is_arabic_relational_adjective,
};
use crate::normalize::normalize_str;

const PERSONAL: &[&str] = &["he", "she", "him", "her"];
const PLURAL: &[&str] = &["they", "them", "it"];

/// What a mention says about who it is.
struct Mention {
    /// Head words without ال.
    heads: Vec<String>,
    /// Other content words (names), without ال.
    names: Vec<String>,
    anaphoric: bool,
    pronoun: Option<bool>,
}

fn bare(w: &str) -> String {
    let w = w.strip_prefix("ال").unwrap_or(w);
    w.to_string()
}

fn mention(doc: &Document, d: &Detection) -> Mention {
    let text = normalize_str(&doc.slice(d.start, d.end));
    let tokens: Vec<&str> = text
        .split(|c: char| !super::is_alphanumeric(c))
        .filter(|t| !t.is_empty())
        .collect();
    let mut m = Mention {
        heads: Vec::new(),
        names: Vec::new(),
        anaphoric: false,
        pronoun: None,
    };
    if tokens.len() == 1 {
        if PERSONAL.contains(&tokens[0]) {
            m.pronoun = Some(true);
        } else if PLURAL.contains(&tokens[0]) {
            m.pronoun = Some(false);
        }
    }
    for t in &tokens {
        if is_anaphoric_determiner(t) {
            m.anaphoric = true;
        } else if arabic_source_head(t).is_some() || english_source_head(t).is_some() {
            m.heads.push(bare(t));
        } else if t.chars().count() > 2
            && !is_arabic_relational_adjective(t)
            && !matches!(*t, "the" | "of" | "a" | "an" | "and")
        {
            m.names.push(bare(t));
        }
    }
    m
}

/// Gives every source an entity, and points claims of a pronoun source at the entity too.
pub fn link(doc: &Document, found: &mut [Detection]) {
    use std::collections::HashMap;
    let mut sources: Vec<usize> = (0..found.len())
        .filter(|&i| found[i].kind == Kind::Source)
        .collect();
    crate::sort::sort_by_key(&mut sources, |&i| found[i].start);
    // For each mention already seen (in order): its entity. Lookups go through indexes of the
    // last mention carrying each name and head, so a long page stays linear.
    let mut entities: Vec<usize> = Vec::with_capacity(sources.len());
    let mut last_name: HashMap<String, usize, crate::lexicon::FastBuild> = HashMap::default();
    let mut last_head: HashMap<String, usize, crate::lexicon::FastBuild> = HashMap::default();
    // The last mention that is no pronoun, and the last that is no pronoun and has a name.
    let mut last_named: Option<usize> = None;
    let mut last_not_pronoun: Option<usize> = None;
    let mut next_entity = 0;
    for &i in &sources {
        let m = mention(doc, &found[i]);
        // Later mentions refer back a few hundred mentions at most.
        let here = entities.len();
        let recent = |p: &Option<usize>| p.filter(|&p| p + 300 >= here);
        let latest = |index: &HashMap<String, usize, crate::lexicon::FastBuild>,
                      keys: &[String]| {
            keys.iter()
                .filter_map(|k| index.get(k).copied())
                .max()
                .filter(|&p| p + 300 >= here)
        };
        let same = match m.pronoun {
            Some(true) => recent(&last_named),
            Some(false) => recent(&last_not_pronoun),
            None => latest(&last_name, &m.names).or_else(|| {
                (m.anaphoric || m.names.is_empty() || m.heads.len() == 1)
                    .then(|| latest(&last_head, &m.heads))
                    .flatten()
            }),
        }
        .and_then(|p| entities.get(p).copied());
        let entity = same.unwrap_or_else(|| {
            next_entity += 1;
            next_entity - 1
        });
        found[i].entity = Some(entity);
        if m.pronoun.is_none() {
            last_not_pronoun = Some(here);
            if !m.names.is_empty() {
                last_named = Some(here);
            }
        }
        for n in m.names {
            last_name.insert(n, here);
        }
        for h in m.heads {
            last_head.insert(h, here);
        }
        entities.push(entity);
    }
}
