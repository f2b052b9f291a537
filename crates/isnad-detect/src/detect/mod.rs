//! Detection: who says what, and which checkable statements stand with no one behind them
//! (ANNOTATION-GUIDE.md). A pipeline over the article text, in the order
//! quotes → cues → sources → attributed content → assessments → claims; then later mentions
//! of a source are linked to one entity.
//!
//! Offsets are code points of the text handed in (the text layer's text).

mod attribution;
mod claims;
mod entities;
mod words;

use crate::kind::Kind;
use crate::lexicon::Stance;

pub use claims::ClaimType;

/// One thing found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// Index (in the detections) of the source this claim or assessment is attributed to.
    pub source: Option<usize>,
    /// For sources: the entity the mention names (mentions of one entity share it).
    pub entity: Option<usize>,
    /// The reporting cue's text and stance.
    pub cue: Option<(usize, usize)>,
    pub stance: Option<Stance>,
    pub claim_type: Option<ClaimType>,
    pub confidence: f32,
}

impl Detection {
    /// A claim or assessment that a reporting construction attributes to `source`.
    fn attributed(
        a: &attribution::Attribution,
        source: Option<usize>,
        kind: Kind,
        (start, end): (usize, usize),
        claim_type: Option<ClaimType>,
        confidence: f32,
    ) -> Self {
        Detection {
            kind,
            start,
            end,
            source,
            entity: None,
            cue: Some(a.cue),
            stance: Some(a.stance),
            claim_type,
            confidence,
        }
    }

    /// A claim with no source in the article.
    pub fn unsourced(&self) -> bool {
        self.kind == Kind::Claim && self.source.is_none()
    }
}

/// What detection found, counted: for a check before publishing (how many claims stand with no
/// source) that needs no annotations.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub claims: usize,
    /// Claims with no source in the article (counted in `claims` too).
    pub unsourced: usize,
    pub sources: usize,
    pub assessments: usize,
}

impl Summary {
    pub fn of(found: &[Detection]) -> Self {
        let mut s = Summary::default();
        for d in found {
            match d.kind {
                Kind::Claim => s.claims += 1,
                Kind::Source => s.sources += 1,
                Kind::Assessment => s.assessments += 1,
            }
            s.unsourced += usize::from(d.unsourced());
        }
        s
    }
}

/// Finds sources, claims and assessments in `text` (as code points).
pub fn detect(text: &[char]) -> Vec<Detection> {
    let tokens = words::Tokens::new(text);
    let doc = words::Document::new(text, &tokens);
    let mut out = Vec::new();
    let attributions = attribution::find(&doc);
    let mut last_source: Option<usize> = None;
    for a in &attributions {
        let named = a.source.map(|(start, end)| {
            out.push(Detection {
                kind: Kind::Source,
                start,
                end,
                source: None,
                entity: None,
                cue: Some(a.cue),
                stance: Some(a.stance),
                claim_type: None,
                confidence: 0.8,
            });
            out.len() - 1
        });
        // «وأضاف أن ...»: the subject is the source named last.
        let source = if a.implied_source { last_source } else { named };
        last_source = named.or(last_source);
        for &(start, end) in &a.assessments {
            let quoted = doc
                .quotes
                .iter()
                .any(|q| q.inner.start == start && q.inner.end == end);
            if quoted {
                // A quote states facts (claims) or evaluates (an assessment), or both.
                for (start, end, claim) in claims::in_quote(&doc, start, end) {
                    let kind = if claim.is_some() {
                        Kind::Claim
                    } else {
                        Kind::Assessment
                    };
                    let (claim_type, confidence) =
                        claim.map_or((None, 0.75), |c| (Some(c.kind), c.confidence));
                    out.push(Detection::attributed(
                        a,
                        source,
                        kind,
                        (start, end),
                        claim_type,
                        confidence,
                    ));
                }
                continue;
            }
            out.push(Detection::attributed(
                a,
                source,
                Kind::Assessment,
                (start, end),
                None,
                0.75,
            ));
        }
        if let Some((start, end)) = a.event {
            out.push(Detection {
                kind: Kind::Claim,
                start,
                end,
                source: None,
                entity: None,
                cue: None,
                stance: None,
                claim_type: Some(ClaimType::Event),
                confidence: 0.65,
            });
        }
        if let Some((start, end)) = a
            .content
            .filter(|&(s, e)| claims::is_evaluation(&doc, s, e))
        {
            // "Campaigners say the trend is predictable": a reported evaluation.
            let end = doc
                .text
                .get(start..end)
                .and_then(|t| t.iter().rposition(|&c| is_alphanumeric(c)))
                .map_or(end, |p| start + p + 1);
            out.push(Detection::attributed(
                a,
                source,
                Kind::Assessment,
                (start, end),
                None,
                0.6,
            ));
        } else if let Some((start, end)) = a.content {
            for claim in claims::in_content(&doc, start, end, !a.strict) {
                out.push(Detection::attributed(
                    a,
                    source,
                    Kind::Claim,
                    (claim.start, claim.end),
                    Some(claim.kind),
                    claim.confidence,
                ));
            }
        }
    }
    let covered: Vec<(usize, usize)> = attributions.iter().flat_map(|a| a.covered()).collect();
    for claim in claims::unsourced(&doc, &covered) {
        out.push(Detection {
            kind: Kind::Claim,
            start: claim.start,
            end: claim.end,
            source: None,
            entity: None,
            cue: None,
            stance: None,
            claim_type: Some(claim.kind),
            confidence: claim.confidence,
        });
    }
    entities::link(&doc, &mut out);
    // Sources first (others point at them by index), then by position.
    // The index last makes every key distinct: equal positions keep the order they were found in.
    let mut keys: Vec<(bool, usize, usize, usize)> = out
        .iter()
        .enumerate()
        .map(|(i, d)| (d.kind != Kind::Source, d.start, d.end, i))
        .collect();
    crate::sort::sort_by(&mut keys, |a, b| a < b);
    let order: Vec<usize> = keys.iter().map(|k| k.3).collect();
    let mut new_index = vec![0; out.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    order
        .iter()
        .map(|&i| {
            let mut d = out[i].clone();
            d.source = d.source.map(|s| new_index[s]);
            d
        })
        .collect()
}

/// `char::is_alphanumeric`, with the common letters and digits answered before the table lookup.
#[inline]
fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0660}'..='\u{0669}')
            || c.is_alphanumeric()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_counts_what_detection_found() {
        let text = "The ministry said unemployment fell to 5% in March. Food prices rose 12% last \
                    year. «الوضع مقلق»، قال الوزير.";
        let found = marks(text);
        let summary = Summary::of(&detect(&text.chars().collect::<Vec<_>>()));
        let count = |kind: Kind| found.iter().filter(|(k, _, _)| *k == kind).count();
        assert_eq!(summary.claims, count(Kind::Claim), "{found:#?}");
        assert_eq!(summary.sources, count(Kind::Source), "{found:#?}");
        assert_eq!(summary.assessments, count(Kind::Assessment), "{found:#?}");
        let unsourced: Vec<_> = found
            .iter()
            .filter(|(k, _, s)| *k == Kind::Claim && s.is_none())
            .collect();
        assert_eq!(summary.unsourced, unsourced.len());
        // The food prices stand with no one behind them; the ministry and the minister speak.
        assert!(
            unsourced.iter().any(|(_, t, _)| t.contains("12%")),
            "{found:#?}"
        );
        assert!(
            summary.sources >= 2 && summary.assessments >= 1,
            "{summary:?}"
        );
        assert_eq!(Summary::of(&[]), Summary::default());
    }

    fn marks(text: &str) -> Vec<(Kind, String, Option<String>)> {
        let chars: Vec<char> = text.chars().collect();
        let found = detect(&chars);
        let slice = |d: &Detection| chars[d.start..d.end].iter().collect::<String>();
        found
            .iter()
            .map(|d| (d.kind, slice(d), d.source.map(|s| slice(&found[s]))))
            .collect()
    }

    fn has(found: &[(Kind, String, Option<String>)], kind: Kind, text: &str, src: Option<&str>) {
        assert!(
            found
                .iter()
                .any(|(k, t, s)| *k == kind && t == text && s.as_deref() == src),
            "{kind:?} «{text}» from {src:?} not in {found:#?}"
        );
    }

    fn sources(found: &[(Kind, String, Option<String>)]) -> Vec<&str> {
        found
            .iter()
            .filter(|(k, _, _)| *k == Kind::Source)
            .map(|(_, t, _)| t.as_str())
            .collect()
    }

    #[test]
    fn a_source_is_a_whole_noun_phrase_without_a_cue_or_preposition() {
        // A cue word after a determiner is a noun: no "Under the" (plan), no "tank's data show"
        // (think); the possessive phrase is one source.
        let f = marks(
            "Under the plan, households will receive piped water four days a week. The think \
             tank's data show that the average bill rose by 47 percent. Its director, Sofia \
             Reyes, told reporters the figures pointed to “a system that charges more.”",
        );
        assert_eq!(
            sources(&f),
            ["The think tank's data", "Its director, Sofia Reyes"]
        );
        has(
            &f,
            Kind::Assessment,
            "a system that charges more.",
            Some("Its director, Sofia Reyes"),
        );
    }

    #[test]
    fn arabic_preposition_bayna_is_no_cue_and_tanween_ends_a_name() {
        let f = marks(
            "يُمثل التحالف المتنامي بين الرئيس الروسي فلاديمير بوتين وزعيم كوريا الشمالية كيم جونج \
             أون تطوراً منطقياً في استراتيجية بوتين.",
        );
        assert!(sources(&f).is_empty(), "{f:#?}");
        let f = marks("وكان المتحدث باسم الوزارة عمر الزعبي قد وصف الدراسة بأنها «متسرعة».");
        assert_eq!(sources(&f), ["المتحدث باسم الوزارة عمر الزعبي"]);
    }

    #[test]
    fn attributed_content_is_split_into_clauses() {
        let f = marks(
            "وأضاف الوزير أن الشبكة أضافت 1200 ميغاواط منذ يناير، وأن الانقطاع تراجع إلى ساعتين.",
        );
        has(&f, Kind::Source, "الوزير", None);
        has(
            &f,
            Kind::Claim,
            "الشبكة أضافت 1200 ميغاواط منذ يناير",
            Some("الوزير"),
        );
        has(&f, Kind::Claim, "الانقطاع تراجع إلى ساعتين", Some("الوزير"));
    }

    #[test]
    fn english_source_after_content_and_parenthetical() {
        let f = marks("The plant will employ about 2,000 people, the company said in a statement.");
        has(&f, Kind::Source, "the company", None);
        has(
            &f,
            Kind::Claim,
            "The plant will employ about 2,000 people",
            Some("the company"),
        );
        let f = marks(
            "Harbor Link, which operates two terminals, said that 41% of calls were handled.",
        );
        has(&f, Kind::Source, "Harbor Link", None);
        has(
            &f,
            Kind::Claim,
            "41% of calls were handled",
            Some("Harbor Link"),
        );
    }

    #[test]
    fn arabic_subject_before_the_verb() {
        let f =
            marks("غير أن مصادر مطلعة في الشركة قالت لوكالة الأنباء إن ثلاث محطات تعمل بنصف طاقتها.");
        has(&f, Kind::Source, "مصادر مطلعة في الشركة", None);
        has(
            &f,
            Kind::Claim,
            "ثلاث محطات تعمل بنصف طاقتها",
            Some("مصادر مطلعة في الشركة"),
        );
    }

    #[test]
    fn institution_takes_no_name_and_verbal_noun_is_content() {
        let f = marks("نفت وزارة المالية وجود أي خطة لخصخصة الشركة الوطنية للكهرباء.");
        has(&f, Kind::Source, "وزارة المالية", None);
        has(
            &f,
            Kind::Claim,
            "وجود أي خطة لخصخصة الشركة الوطنية للكهرباء",
            Some("وزارة المالية"),
        );
    }

    #[test]
    fn a_participle_continues_the_speaker_and_keeps_content_around_a_quote() {
        let f = marks(
            "وقال الوزير، في بيان صحفي، إن الحملة تأتي بعد تسجيل 1,340 إصابة، مؤكداً أن اللقاح «آمن وفعّال»، وأنه متوفر في أكثر من 2,000 مركز صحي.",
        );
        has(
            &f,
            Kind::Claim,
            "الحملة تأتي بعد تسجيل 1,340 إصابة",
            Some("الوزير"),
        );
        has(&f, Kind::Assessment, "آمن وفعّال", Some("الوزير"));
        has(
            &f,
            Kind::Claim,
            "وأنه متوفر في أكثر من 2,000 مركز صحي",
            Some("الوزير"),
        );
        let f = marks("أعلنت وزارة الصحة، اليوم الأحد، إطلاق حملة وطنية تستهدف 1.2 مليون طفل.");
        has(
            &f,
            Kind::Claim,
            "إطلاق حملة وطنية تستهدف 1.2 مليون طفل",
            Some("وزارة الصحة"),
        );
        let f = marks("١٣:٠٠ — الأرصاد: ذروة العاصفة متوقعة بين الرابعة والسابعة مساءً.");
        has(&f, Kind::Source, "الأرصاد", None);
    }

    #[test]
    fn reported_evaluations_and_quotes_before_a_later_cue_are_assessments() {
        let f = marks("Campaigners say the trend for cyclists is predictable.");
        has(
            &f,
            Kind::Assessment,
            "the trend for cyclists is predictable",
            Some("Campaigners"),
        );
        let f = marks("\"Yes. We were slow, and we were wrong,\" she said.");
        has(
            &f,
            Kind::Assessment,
            "Yes. We were slow, and we were wrong,",
            Some("she"),
        );
    }

    #[test]
    fn english_participle_continues_the_speaker_and_trailing_source_after_a_place() {
        let f = marks(
            "The farmers' association called the choice of site \"a grab dressed up as progress,\" saying the project would take 640 acres out of production.",
        );
        has(
            &f,
            Kind::Claim,
            "the project would take 640 acres out of production",
            Some("The farmers' association"),
        );
        assert!(!f
            .iter()
            .any(|(k, t, _)| *k == Kind::Assessment && t == "progress"));
        let f = marks(
            "Governor Alan Reyes has declared a state of emergency for Pine County, his office said in a statement.",
        );
        has(&f, Kind::Source, "his office", None);
    }

    #[test]
    fn events_with_no_figure_and_no_cue_are_unsourced_claims() {
        let f = marks("The ministry declined to comment on the report.");
        has(
            &f,
            Kind::Claim,
            "The ministry declined to comment on the report",
            None,
        );
        let f = marks(
            "The board confirmed the appointment on Friday, calling him \"a safe pair of hands.\"",
        );
        has(
            &f,
            Kind::Claim,
            "The board confirmed the appointment on Friday",
            None,
        );
        has(&f, Kind::Source, "The board", None);
        has(
            &f,
            Kind::Assessment,
            "a safe pair of hands.",
            Some("The board"),
        );
        let f = marks("ولم تُسجَّل أي إصابات في صفوف العاملين حتى الآن.");
        assert!(f
            .iter()
            .any(|(k, t, s)| *k == Kind::Claim && t.contains("تُسجَّل") && s.is_none()));
    }

    #[test]
    fn the_terms_a_source_spoke_on_are_no_claim() {
        let f = marks(
            "A senior official, who spoke on condition of anonymity because the talks are private, said the ministry had signed the contract.",
        );
        assert!(
            !f.iter()
                .any(|(k, t, _)| *k == Kind::Claim && t.contains("anonymity")),
            "{f:#?}"
        );
        let f = marks("A nurse, who asked not to be named because she was not authorized to speak, said 40 beds were closed.");
        assert!(
            !f.iter()
                .any(|(k, t, _)| *k == Kind::Claim && t.contains("named")),
            "{f:#?}"
        );
    }

    #[test]
    fn what_a_speaker_did_in_a_quote_is_a_claim_and_no_longer_is_not_an_event() {
        let f = marks(
            "وقالت المديرة: «الوزارة لم تطّلع على التقرير كاملاً، ونحن نشرنا البيانات على موقعنا».",
        );
        assert!(
            f.iter()
                .any(|(k, t, s)| *k == Kind::Claim && t.contains("لم تطّلع") && s.is_some()),
            "{f:#?}"
        );
        let f = marks("وقال الوزير: «الشبكة لم تعد تحتمل هذا الضغط».");
        assert!(
            !f.iter()
                .any(|(k, t, _)| *k == Kind::Claim && t.contains("تعد")),
            "{f:#?}"
        );
    }

    #[test]
    fn a_quote_with_a_figure_is_a_claim_else_an_assessment() {
        let f = marks(
            "\"We had gusts of 50 miles an hour at 3 a.m. That changes everything,\" she said.",
        );
        assert!(f
            .iter()
            .any(|(k, t, _)| *k == Kind::Claim && t.contains("50 miles")));
        assert!(f
            .iter()
            .any(|(k, t, _)| *k == Kind::Assessment && t.contains("That changes everything")));
    }

    #[test]
    fn a_noun_of_concluding_before_an_reports_for_a_name_already_given_as_a_source() {
        let text = "وقال مركز كارنيجي إن الصادرات تراجعت. لكن كارنيجي لم يقدم إجابة واضحة غير \
                    استنتاج بأن المقابل مازال غير معروف.";
        let f = marks(text);
        has(&f, Kind::Source, "كارنيجي", None);
        has(&f, Kind::Claim, "المقابل مازال غير معروف", Some("كارنيجي"));
        // A name no sentence gave as a source is not made one.
        let f = marks("لكن كارنيجي لم يقدم إجابة واضحة غير استنتاج بأن المقابل مازال غير معروف.");
        assert!(sources(&f).is_empty(), "{f:?}");
    }
}
