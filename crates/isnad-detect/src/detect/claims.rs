//! Claims: checkable statements (ANNOTATION-GUIDE.md), inside attributed content or standing
//! alone; opinion, speculation and questions are not claims.

use serde::Serialize;

use super::words::{Document, Word};
use crate::lexicon::arabic_source_head;
use crate::lexicon::english_source_head;
use crate::numbers::QuantityKind;

/// The kind of a claim, in the spirit of Full Fact's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimType {
    Quantity,
    Event,
    Causal,
    Comparison,
    Rule,
    Other,
}

impl ClaimType {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimType::Quantity => "quantity",
            ClaimType::Event => "event",
            ClaimType::Causal => "causal",
            ClaimType::Comparison => "comparison",
            ClaimType::Rule => "rule",
            ClaimType::Other => "other",
        }
    }
}

/// A claim's span, type and confidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub start: usize,
    pub end: usize,
    pub kind: ClaimType,
    pub confidence: f32,
}

/// The terms a source spoke on ("who spoke on condition of anonymity", "asked not to be named
/// because he was not authorized to speak", «طلب عدم الكشف عن هويته», «غير مخول بالتصريح»):
/// part of the sourcing, not a statement of fact about the story. Word sequences in matching
/// form.
const SOURCING_TERMS: &[&[&str]] = &[
    &["anonymity"],
    &["anonymously"],
    &["not", "to", "be", "named"],
    &["not", "to", "be", "identified"],
    &["not", "authorized"],
    &["not", "authorised"],
    &["not", "permitted"],
    &["الكشف", "عن", "هويته"],
    &["الكشف", "عن", "هويتها"],
    &["الكشف", "عن", "هويتهم"],
    &["الكشف", "عن", "اسمه"],
    &["الكشف", "عن", "اسمها"],
    &["ذكر", "اسمه"],
    &["ذكر", "اسمها"],
    &["ذكر", "اسمائهم"],
    &["غير", "مخول"],
    &["غير", "مخوله"],
    &["غير", "مخولين"],
    &["غير", "مصرح"],
];

/// Whether the words state the terms their source spoke on ([`SOURCING_TERMS`]); only words
/// flagged as the last of such a sequence are looked at.
fn states_sourcing_terms(words: &[&Word]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        w.flags & flag::SOURCING != 0
            && SOURCING_TERMS.iter().any(|seq| {
                seq.len() <= i + 1
                    && seq
                        .iter()
                        .rev()
                        .zip(words[..=i].iter().rev())
                        .all(|(a, w)| w.norm == *a)
            })
    })
}

/// Speculation, opinion and the author's judgement (matching forms; each word list of this
/// module is one string split at start): «من الواضح أن», «بات واضحاً», «بات من الضروري», «من
/// المرجح» and «يمكن» (can, may) too.
const OPINION: &str =
    "يمكن واضحا ربما لعل يبدو اعتقد نعتقد رايي يجب ينبغي منطقيا منطقي منطقيه رمزيه مفاجئا \
    المؤكد اصرارا ياس الافضل الاسوا نامل اتمني الواضح الضروري البديهي المؤسف \
    المرجح المحتمل اظن نظن perhaps maybe might could should must ought arguably \
    clearly surely obviously seems seem appears gamble shameful disgrace hard bold \
    we our i my hopefully undoubtedly frankly sadly fortunately unfortunately \
    deserve deserves";

/// Causes stated as fact, «لأن» among them («ولأن واشنطن داعم رئيسي لأوكرانيا»).
const CAUSAL: &str = "بسبب ادت ادي نتيجه لان لانه لانها لانهم because caused led due result \
    driven thanks";
const COMPARISON: &str =
    "اكثر اقل اعلي ادني مقارنه ضعف more less fewer higher lower than compared \
    doubled tripled";
const RULE: &str = "قانون القانون لائحه قرار law rule rules regulation regulations requires banned \
    ban";
/// Events of institutions and people that a record can confirm or refute, in the past;
/// «لم» + jussive is a past event that did not happen, as checkable as one that did.
const EVENT: &str = "زار زياره حضر وقع توقيع اعلن ارسل استقبل عقد التقي شهدت شهد قتل اطلق فرض \
    visited signed met launched opened closed killed arrested announced sent held \
    approved voted rose fell grew dropped increased decreased began ended won lost \
    declined refused confirmed resigned appointed elected fired dismissed charged \
    convicted sentenced evacuated stalled collapsed died injured destroyed damaged \
    suspended postponed cancelled canceled seized published filed sued forced \
    forces تاسس تاسست انقطع انقطاع توفي اصيب اصيبوا اعتقل اعتقلت نشر نشرت نشرنا \
    صدر صدرت اقر اقرت افتتح افتتحت اغلق اغلقت وصل وصلت وصلوا تراس يتراس ورث لم";

/// Verbs of change and state with a subject: statements a record can confirm («أصبحت روسيا
/// تعتمد على الصين», «السياحة تتجاوز مستويات ما قبل الجائحة», "hit a record low"). Arabic
/// in the third person singular, perfect and imperfect («ارتفع», «ارتفعت», «يرتفع», «ترتفع»).
const STATE_VERBS: &str =
    "اصبح اصبحت يصبح تصبح بات باتت ارتفع ارتفعت يرتفع ترتفع تراجع تراجعت يتراجع \
    تتراجع انخفض انخفضت ينخفض تنخفض هبط هبطت بلغ بلغت يبلغ تبلغ تجاوز تجاوزت \
    يتجاوز تتجاوز تضاعف تضاعفت يتضاعف تتضاعف تقلص تقلصت اعتمد اعتمدت يعتمد تعتمد \
    اثبت اثبتت يثبت تثبت حاول حاولت يحاول تحاول رفض رفضت يرفض ترفض صمم صممت شيد \
    شيدت استقال استقالت انسحب انسحبت ينسحب تنسحب فاز فازت خسر خسرت وافق وافقت";

/// Headline forms of event verbs («الرئيس يزور», "Council approves"), forms of other
/// patterns, verbs whose bare form would be a common noun («دعم» support, «سجل» record),
/// «قرار» (a decision is an event, like «زيارة»), the passive «تم» + verbal noun («تم
/// رفضها»), English verbs of reaching a level, and what a law or a ban does.
const STATE_WORDS: &str =
    "زارت يزور تزور حضرت وقعت يوقع ارسلت استقبلت يستقبل تستقبل عقدت يعقد تعقد التقت \
    يلتقي تلتقي يشهد تشهد قتلت اطلقت يطلق تطلق فرضت يفرض تفرض approves signs \
    launches opens closes wins loses resigns kills arrests rises \
    falls drops raises قرار زاد زادت نما نمت ينمو تنمو تم تمت يتم تتم بني بنيت \
    انشئ انشئت اعتقال تولي تولت يتولي تتولي دعمت يدعم تدعم يدعمه تدعمه سجلت يسجل \
    تسجل hit hits reached soared surged jumped climbed plunged slumped tumbled \
    halved investigation requires required banned bans prohibits يحظر تحظر حظر \
    حظرت يلزم تلزم يمنع تمنع منع منعت";

/// Superlatives (matching forms).
const SUPERLATIVES: &str = "largest biggest highest lowest smallest \
    الاعلي الادني الاكبر الاصغر قياسي قياسيا قياسيه";

/// Which of the word lists of this module a word is in: one bit a list, so that a stretch is
/// judged without comparing each word with each list.
pub mod flag {
    pub const OPINION: u32 = 1;
    pub const CAUSAL: u32 = 1 << 1;
    pub const COMPARISON: u32 = 1 << 2;
    pub const RULE: u32 = 1 << 3;
    pub const EVENT: u32 = 1 << 4;
    pub const EVALUATIVE: u32 = 1 << 5;
    pub const PREPOSITION: u32 = 1 << 6;
    pub const LEADING: u32 = 1 << 7;
    pub const FRONTED: u32 = 1 << 8;
    pub const MODIFIER: u32 = 1 << 9;
    pub const AUXILIARY: u32 = 1 << 10;
    pub const GLUED_CONJUNCTION: u32 = 1 << 11;
    pub const FIRST_PERSON: u32 = 1 << 12;
    /// An English cue may start at the word ([`crate::lexicon::english_cue_starts`]).
    pub const EN_CUE: u32 = 1 << 13;
    /// The last word of a statement of the terms a source spoke on ("anonymity", "named").
    pub const SOURCING: u32 = 1 << 14;
    /// Arabic written indefinite: «إل»/«أل» (folded, «إلغاء» looks like an «ال» word) or
    /// tanween fatha («تطوراً»).
    pub const INDEFINITE: u32 = 1 << 15;
    /// A superlative ("the biggest", «الأعلى»): a comparison
    /// stated as fact even with no figure.
    pub const SUPERLATIVE: u32 = 1 << 16;
}

/// The lists (see [`flag`]) a word in matching form is in.
pub fn word_flags(norm: &str) -> u32 {
    use std::sync::OnceLock;
    static TABLE: OnceLock<crate::lexicon::HashMap<&'static str, u32>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = crate::lexicon::HashMap::with_capacity_and_hasher(4096, Default::default());
        for (list, bit) in [
            (OPINION, flag::OPINION),
            (CAUSAL, flag::CAUSAL),
            (COMPARISON, flag::COMPARISON),
            (RULE, flag::RULE),
            (EVENT, flag::EVENT),
            (STATE_VERBS, flag::EVENT),
            (STATE_WORDS, flag::EVENT),
            (EVALUATIVE, flag::EVALUATIVE),
            (SUPERLATIVES, flag::SUPERLATIVE),
            (PREPOSITIONS, flag::PREPOSITION),
            (LEADING, flag::LEADING),
            (FRONTED, flag::FRONTED),
            (MODIFIERS, flag::MODIFIER),
            (AUXILIARIES, flag::AUXILIARY),
            (GLUED_CONJUNCTION, flag::GLUED_CONJUNCTION),
            ("we our i my", flag::FIRST_PERSON),
        ] {
            for w in list.split_whitespace() {
                *t.entry(w).or_insert(0) |= bit;
            }
        }
        for seq in SOURCING_TERMS {
            if let Some(&last) = seq.last() {
                *t.entry(last).or_insert(0) |= flag::SOURCING;
            }
        }
        for &w in crate::lexicon::english_cue_starts() {
            *t.entry(w).or_insert(0) |= flag::EN_CUE;
        }
        t
    });
    let flags = table.get(norm).copied().unwrap_or(0);
    // An Arabic word of what a stretch says may carry و or ف («وأصبحت», «فارتفعت», «وربما»).
    // (U+0648 and U+0641 are D9 88 and D9 81 in UTF-8.)
    match norm.as_bytes() {
        [0xd9, 0x88 | 0x81, _, ..] if flags == 0 => {
            let content = flag::OPINION
                | flag::CAUSAL
                | flag::COMPARISON
                | flag::RULE
                | flag::EVENT
                | flag::EVALUATIVE
                | flag::SUPERLATIVE;
            table.get(&norm[2..]).copied().unwrap_or(0) & content
        }
        _ => flags,
    }
}

fn has(words: &[&Word], list: u32) -> bool {
    words.iter().any(|w| w.flags & list != 0)
}

/// Whether the words tell an event ([`flag::EVENT`]); «لم» before «يعد» is "no longer", and
/// before «يكن» "was not", a state rather than something that did not happen («لم تعد
/// تحتمل», «لم تكن قاصرة على»).
fn has_event(words: &[&Word]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        w.flags & flag::EVENT != 0
            && !(matches!(w.norm, "لم" | "ولم" | "فلم")
                && words.get(i + 1).is_some_and(|n| {
                    matches!(
                        n.norm,
                        "يعد" | "تعد" | "نعد" | "اعد" | "يعودوا" | "يكن" | "تكن"
                    )
                }))
    })
}

/// A superlative that states a rank ("the biggest single factor"), not an evaluation ("the
/// biggest mistake").
fn superlative(words: &[&Word]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        w.flags & flag::SUPERLATIVE != 0
            && words
                .get(i + 1)
                .is_none_or(|n| n.flags & flag::EVALUATIVE == 0)
    })
}

fn words_in<'d, 'a>(doc: &'d Document<'a>, start: usize, end: usize) -> Vec<&'d Word<'a>> {
    let first = doc.sentences.partition_point(|s| s.span.end <= start);
    let mut out = Vec::new();
    for s in doc.sentences[first..]
        .iter()
        .take_while(|s| s.span.start < end)
    {
        // Words are in text order: the words of the range are one run of each sentence.
        let from = s.words.partition_point(|w| w.start < start);
        let to = from + s.words[from..].partition_point(|w| w.start < end);
        out.reserve(to - from);
        out.extend(s.words[from..to].iter().filter(|w| w.end <= end));
    }
    out
}

/// How checkable a stretch of text is: its type and confidence, or `None` for opinion.
///
/// `words` are the words of the document inside `start..end` (as [`words_in`] gives them).
fn judge(
    doc: &Document,
    words: &[&Word],
    start: usize,
    end: usize,
    attributed: bool,
) -> Option<(ClaimType, f32)> {
    if words.iter().filter(|w| w.is_word()).count() < 3 {
        return None;
    }
    let (mut counts, mut dated) = (false, false);
    for q in doc.quantities_in(start, end) {
        if matches!(
            q.kind,
            QuantityKind::Year | QuantityKind::Date | QuantityKind::Month
        ) {
            dated = true;
        } else {
            counts = true;
        }
    }
    let question = words.last().is_some_and(|w| w.norm == "?" || w.norm == "؟");
    // A source's forecast with a figure is a claim ("the plan could eliminate 600 jobs by
    // 2027"): "could" and "might" there are the forecast's, not the author's hedging.
    let opinion = words.iter().any(|w| {
        w.flags & flag::OPINION != 0
            && !(attributed && counts && matches!(w.norm, "could" | "might"))
    });
    // «ليس مفاجئاً», «ليست ترفاً»: "is not" with an indefinite predicate judges, it does not
    // state ("not a member of" is rarer in news than "not surprising").
    let judged = words.windows(2).any(|p| {
        matches!(p[0].norm, "ليس" | "ليست" | "وليس" | "وليست")
            && p[1].norm.ends_with('ا')
            && !p[1].norm.starts_with("ال")
    });
    if question || opinion || judged || states_sourcing_terms(words) {
        return None;
    }
    let kind = if has(words, flag::CAUSAL) {
        ClaimType::Causal
    } else if has(words, flag::COMPARISON) && counts || superlative(words) {
        ClaimType::Comparison
    } else if counts {
        ClaimType::Quantity
    } else if has(words, flag::RULE) {
        ClaimType::Rule
    } else if dated || has_event(words) {
        ClaimType::Event
    } else {
        ClaimType::Other
    };
    let named = || {
        words.iter().any(|w| {
            w.capital
                || arabic_source_head(w.norm).is_some()
                || english_source_head(w.norm).is_some()
        })
    };
    let confidence = match (counts || dated, kind) {
        (true, _) => 0.85,
        (false, ClaimType::Event | ClaimType::Causal | ClaimType::Comparison) => 0.65,
        // A law or a ban is checkable by what it does («يحظر», "requires"), not by being
        // named: "a ban is a gesture" is the author's view.
        (false, ClaimType::Rule) if has_event(words) => 0.65,
        _ if attributed => 0.6,
        _ if named() => 0.5,
        _ => return None,
    };
    Some((kind, confidence))
}

/// Evaluative words (matching forms): reported content built on one of them and stating no
/// figure, date or event is an evaluation ("Campaigners say the trend is predictable").
const EVALUATIVE: &str = "necessary ضروري ضروريه ضروريا صعب صعبه صعبا predictable unrealistic reckless irresponsible misguided unacceptable \
    disappointing encouraging disastrous catastrophic premature hasty unfair unjust \
    absurd ridiculous outrageous alarming worrying troubling inevitable inadequate \
    insufficient excessive unnecessary welcome flawed short-sighted shortsighted \
    ambitious mistake mistakes failure blunder disgrace scandal threat متسرع متسرعه \
    خاطئ خاطئه مقلق مقلقه كارثي كارثيه مخيب مخيبه مجحف مجحفه ظالم ظالمه مبالغ طموح \
    متوقعا حتمي حتميه";

/// Whether attributed content is an evaluation, not a statement of fact: an evaluative word,
/// no figure or date, no event verb, one clause.
pub fn is_evaluation(doc: &Document, start: usize, end: usize) -> bool {
    let words = words_in(doc, start, end);
    let n = words.iter().filter(|w| w.is_word()).count();
    (2..=15).contains(&n)
        && has(&words, flag::EVALUATIVE)
        && !has(&words, flag::EVENT)
        && !has(&words, flag::CAUSAL)
        && doc.quantities_in(start, end).next().is_none()
        && pieces(&words).len() == 1
        && !words.iter().any(|w| w.in_quote)
}

/// The claims in attributed content: its checkable clauses.
pub fn in_content(doc: &Document, start: usize, end: usize, sourced: bool) -> Vec<Claim> {
    let words = words_in(doc, start, end);
    let mut out = Vec::new();
    // A direct quote inside the content is an assessment or claims of its own: the clauses
    // around it are judged apart. Scare quotes of a word or two stay in their clause.
    let mut from = 0;
    let mut k = 0;
    while k < words.len() {
        if !words[k].in_quote {
            k += 1;
            continue;
        }
        let run_end = (k..words.len())
            .find(|&j| !words[j].in_quote)
            .unwrap_or(words.len());
        // «أن اللقاح «آمن وفعّال»،»: a quote that ends its clause is the speaker's words too.
        let ends_clause = words[run_end..]
            .iter()
            .find(|w| !is_quote_mark(w.norm))
            .is_none_or(|w| w.is_punct());
        if word_count(&words, k, run_end) >= 3 || ends_clause {
            // The quote mark before the quote's first word belongs to neither side.
            claims_of(doc, &words[from..k], sourced, &mut out);
            from = run_end;
        }
        k = run_end;
    }
    claims_of(doc, &words[from..], sourced, &mut out);
    out
}

fn is_quote_mark(norm: &str) -> bool {
    norm.chars()
        .all(|c| matches!(c, '«' | '»' | '"' | '“' | '”' | '„' | '\'' | '‘' | '’'))
}

/// Prepositions that open a phrase, not a clause («في», "about"): a comma-separated piece that
/// starts with one and states no figure is a modifier of the clause before, not a claim.
const PREPOSITIONS: &str =
    "about by of in on for with from at to outside during subject في من علي عن الي مع \
    خلال منذ";

/// Judges every clause of a stretch of words and keeps the checkable ones.
fn claims_of(doc: &Document, words: &[&Word], attributed: bool, out: &mut Vec<Claim>) {
    for (n, (from, to)) in pieces(words).into_iter().enumerate() {
        let Some((start, end)) = trim(words, from, to) else {
            continue;
        };
        let lead = words[from..to].iter().find(|w| w.is_word());
        let modifier = n > 0 && lead.is_some_and(|w| w.flags & flag::PREPOSITION != 0);
        // `words` is a run of the document's words in text order: those inside the trimmed
        // span are one run of it.
        let lo = from + words[from..to].partition_point(|w| w.end <= start);
        let hi = lo + words[lo..to].partition_point(|w| w.end <= end);
        let inside = &words[lo..hi];
        if let Some((kind, confidence)) = judge(doc, inside, start, end, attributed && !modifier) {
            // Unsourced claims with no number, date or event are too uncertain.
            if attributed || confidence >= 0.6 {
                out.push(Claim {
                    start,
                    end,
                    kind,
                    confidence,
                });
            }
        }
    }
}

/// A direct quote cut into what it asserts and what it evaluates: its clauses that carry a
/// count are claims (`Some`), the rest are assessments (`None`), consecutive ones merged. A quote
/// with no checkable clause stays one assessment.
pub fn in_quote(doc: &Document, start: usize, end: usize) -> Vec<(usize, usize, Option<Claim>)> {
    let words = words_in(doc, start, end);
    let mut out: Vec<(usize, usize, Option<Claim>)> = Vec::new();
    for (from, to) in pieces(&words) {
        let Some((a, b)) = trim(&words, from, to) else {
            continue;
        };
        let claim = quote_claim(doc, &words[from..to]).map(|(kind, confidence)| Claim {
            start: a,
            end: b,
            kind,
            confidence,
        });
        match (out.last_mut(), claim) {
            (Some(last), None) if last.2.is_none() => last.1 = b,
            (_, claim) => out.push((a, b, claim)),
        }
    }
    if out.iter().all(|p| p.2.is_none()) {
        return vec![(start, end, None)];
    }
    out
}

/// A clause of a quote is checkable when it states a count and is not speculation (the speaker's
/// "we" and "I" are no sign of opinion inside a quote).
fn quote_claim(doc: &Document, words: &[&Word]) -> Option<(ClaimType, f32)> {
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return None;
    };
    let opinion = words
        .iter()
        .any(|w| w.flags & flag::OPINION != 0 && w.flags & flag::FIRST_PERSON == 0);
    if opinion || words.iter().filter(|w| w.is_word()).count() < 3 {
        return None;
    }
    let counts = doc.quantities_in(first.start, last.end).any(|q| {
        !matches!(
            q.kind,
            QuantityKind::Year | QuantityKind::Date | QuantityKind::Month
        )
    });
    // A figure in digits: «بعشر سنوات» in a quote is rhetoric more often than a count.
    let digits = words
        .iter()
        .any(|w| w.kind == crate::segment::TokenKind::Number);
    if counts && digits {
        return Some((ClaimType::Quantity, 0.8));
    }
    // What the speaker or an institution did or did not do («نحن نشرنا البيانات», «الوزارة لم
    // تطلع على ...», "we published the data"): an event a record can confirm.
    has_event(words).then_some((ClaimType::Event, 0.65))
}

/// Number of words (not punctuation) in `words[from..to]`.
fn word_count(words: &[&Word], from: usize, to: usize) -> usize {
    words
        .get(from..to.min(words.len()))
        .map_or(0, |ws| ws.iter().filter(|w| w.is_word()).count())
}

/// Words that open a fronted adverbial: the clause it belongs to follows the comma.
const FRONTED: &str =
    "in on at during after before since last by قبل بعد في خلال منذ وتحديدا تحديدا \
    وقبل وبعد وفي وخلال ومنذ";

/// Words that open a modifier of the figure before the comma, not a new claim.
const MODIFIERS: &str =
    "or up down an a compared including mostly mainly مقارنه بعد اغلبهم معظمهم منهم \
    بينهم";

/// Auxiliaries that open a second verb phrase after "and" ("... and had not ruled out").
const AUXILIARIES: &str = "had has have would will was were is are could can";

/// The clauses of a stretch, as word ranges: one sentence may hold several claims (ANNOTATION
/// GUIDE: "the clause that carries the checkable content"). Cuts at semicolons, at «وأن» /
/// "and that", at "and" before an auxiliary, and at commas that separate two clauses of three
/// words or more.
fn pieces(words: &[&Word]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // A dateline or timestamp («١٠:٥٠ —», "11:30 —") is not part of the claim.
    let mut from = words
        .iter()
        .take(10)
        .position(|w| w.is_punct() && matches!(w.norm, "—" | "–" | "-"))
        .filter(|&d| {
            d > 0
                && words[..d].iter().all(|w| {
                    w.is_punct() || w.kind == crate::segment::TokenKind::Number || w.capital
                })
        })
        .map_or(0, |d| d + 1);
    for e in 0..words.len() {
        if e <= from {
            continue;
        }
        let w = words[e];
        let norm = w.norm;
        // Only punctuation, "and" and words opening with «و» cut: most words are none.
        if norm.len() > 3 && !norm.starts_with('و') {
            continue;
        }
        let cut = if matches!(norm, "؛" | ";" | "." | "!" | "?" | "؟") {
            true
        } else if matches!(norm, "،" | ",") {
            let next_stop = (e + 1..words.len())
                .find(|&j| matches!(words[j].norm, "،" | "," | "؛" | ";"))
                .unwrap_or(words.len());
            let prev_comma = (from..e)
                .rev()
                .find(|&j| matches!(words[j].norm, "،" | ","));
            // "Shares in X's parent, Orsund Holdings, fell": a short parenthetical.
            let closes_parenthetical = prev_comma
                .is_some_and(|p| word_count(words, p + 1, e) < 3 || inside_relative(words, p + 1))
                || inside_relative(words, e + 1);
            // "In 2023, ...", «قبل أربعة وعشرين عاماً، ...»: a fronted adverbial.
            let segment = prev_comma.map_or(from, |p| p + 1);
            let fronted = word_count(words, segment, e) <= 6
                && words[segment..e]
                    .iter()
                    .find(|w| w.is_word() && w.flags & flag::LEADING == 0)
                    .is_some_and(|w| w.flags & flag::FRONTED != 0);
            // "..., an increase of 24%", «، مقارنة بـ...»: a modifier of the figure before;
            // «، بعد أن عملت ...» opens a clause of its own.
            let modifier = words.get(e + 1).is_some_and(|n| {
                n.flags & flag::MODIFIER != 0
                    && !(n.norm == "بعد" && words.get(e + 2).is_some_and(|a| a.norm == "ان"))
            });
            word_count(words, from, e) >= 3
                && word_count(words, e + 1, next_stop) >= 3
                && !closes_parenthetical
                && !fronted
                && !modifier
        } else if matches!(
            norm,
            "وان" | "وبان" | "وانه" | "وانها" | "وبانه" | "وبانها" | "وانهم"
        ) {
            word_count(words, from, e) >= 2
        } else if norm == "and" {
            let next = words.get(e + 1);
            // "... $145 million in tax credits and $30 million for road upgrades": a second
            // figure with its own phrase is a second claim ("between 2015 and 2022" is not).
            let figure = words.get(e + 1).is_some_and(|n| {
                n.kind == crate::segment::TokenKind::Number || matches!(n.norm, "$" | "£" | "€")
            });
            let second_figure = figure
                && words[from..e]
                    .iter()
                    .any(|w| w.kind == crate::segment::TokenKind::Number)
                && !words[from.max(e.saturating_sub(4))..e]
                    .iter()
                    .any(|w| matches!(w.norm, "between" | "from"))
                // After the currency sign: "$30 million for road and rail upgrades".
                && word_count(words, e + 2, stop_after(words, e + 2)) >= 3;
            word_count(words, from, e) >= 3
                && (second_figure
                    || next.is_some_and(|n| n.norm == "that" || n.flags & flag::AUXILIARY != 0))
        } else if coordinated_verb(norm) {
            // «المرآب سيوفر 600 موقف ويخفف الازدحام», «ارتفع 18% ولا زيادة في التعرفة»: a
            // second verb or a negation after «و» opens a second clause.
            word_count(words, from, e) >= 3 && word_count(words, e, stop_after(words, e)) >= 4
        } else {
            false
        };
        if cut {
            out.push((from, e));
            from = e;
        }
    }
    if from < words.len() {
        out.push((from, words.len()));
    }
    out
}

/// The next clause punctuation at or after `from`, or the end.
fn stop_after(words: &[&Word], from: usize) -> usize {
    (from..words.len())
        .find(|&j| words[j].is_punct())
        .unwrap_or(words.len())
}

/// «و» glued to an imperfect verb («ويخفف», «ويعمل») or to a negation («ولا», «ولم», «ولن»):
/// the start of a coordinated clause.
fn coordinated_verb(norm: &str) -> bool {
    // Five letters or more, two bytes each: «ويخفف», not «وين».
    matches!(norm, "ولا" | "ولم" | "ولن") || norm.starts_with("وي") && norm.len() >= 10
}

/// Checkable stretches of sentences that no reporting construction accounts for, cut at
/// relative clauses, «حيث», semicolons and «و» before a number («30% من صادرات روسيا و40%
/// من وارداتها» holds two claims).
pub fn unsourced(doc: &Document, covered: &[(usize, usize)]) -> Vec<Claim> {
    let mut out = Vec::new();
    // Which code points a reporting construction accounts for, once for the whole text.
    let mut mask = vec![false; doc.text.len()];
    for &(a, b) in covered {
        for flag in mask.iter_mut().take(b).skip(a) {
            *flag = true;
        }
    }
    let is_covered = |w: &Word| mask.get(w.start).copied().unwrap_or(false);
    for s in &doc.sentences {
        let words = &s.words;
        let mut k = 0;
        while k < words.len() {
            if is_covered(&words[k]) || words[k].in_quote {
                k += 1;
                continue;
            }
            let mut e = k;
            while e < words.len()
                && !is_covered(&words[e])
                && !words[e].in_quote
                && (e <= k || !splits_claims(words, e))
            {
                e += 1;
            }
            let stretch: Vec<&Word> = words[k..e].iter().collect();
            claims_of(doc, &stretch, false, &mut out);
            k = e.max(k + 1);
        }
    }
    out
}

/// Whether the relative clause opening at `e` (", which ...,") closes with a comma and the
/// main clause goes on after it: "Deaths among riders of e-bikes, which the agency began
/// counting in 2021, more than doubled" is one claim.
fn inside_relative(words: &[&Word], e: usize) -> bool {
    matches!(
        words.get(e).map(|w| w.norm),
        Some("التي" | "الذي" | "which")
    ) && (e + 1..words.len().min(e + 16))
        .find(|&j| words[j].is_punct())
        .is_some_and(|c| {
            matches!(words[c].norm, "،" | ",") && words.get(c + 1).is_some_and(|w| w.is_word())
        })
}

/// Whether a new claim starts at word `e`.
fn splits_claims(words: &[Word], e: usize) -> bool {
    let w = &words[e];
    let after_comma = words
        .get(e.wrapping_sub(1))
        .is_some_and(|p| matches!(p.norm, "،" | ","));
    matches!(w.norm, "؛" | ";" | "حيث" | "بينما" | "لكن" | "ولكن")
        || (after_comma
            && matches!(w.norm, "التي" | "الذي" | "which")
            && !inside_relative(&words.iter().collect::<Vec<_>>(), e))
        || (w.norm == "و"
            && words
                .get(e + 1)
                .is_some_and(|n| n.kind == crate::segment::TokenKind::Number))
}

/// Words that open a stretch without belonging to its claim.
const LEADING: &str =
    "و وان وبان ان بان ثم اي اذ that as with ف التي الذي حيث لكن ولكن بينما but and \
    which while so";
/// Time and place words glued to و/ف: the conjunction is cut off («فقبل» → «قبل»).
const GLUED_CONJUNCTION: &str = "فقبل وقبل وفي ففي وبعد فبعد ومنذ وخلال فخلال وعند";

/// The span of words `from..to` without leading connectives and trailing punctuation.
fn trim(words: &[&Word], from: usize, to: usize) -> Option<(usize, usize)> {
    let mut a = from;
    let mut b = to.min(words.len());
    while a < b && (words[a].is_punct() || words[a].flags & flag::LEADING != 0) {
        a += 1;
    }
    while b > a && (words[b - 1].is_punct() || words[b - 1].flags & flag::LEADING != 0) {
        b -= 1;
    }
    if a >= b {
        return None;
    }
    let glued = words[a].flags & flag::GLUED_CONJUNCTION != 0 || coordinated_verb(words[a].norm);
    let start = words[a].start + usize::from(glued);
    Some((start, words[b - 1].end))
}
