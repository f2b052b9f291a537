//! Reporting constructions: a cue (said, «قال», according to), its source, and what it
//! attributes — content (claims inside it) or an evaluation (an assessment).

use super::claims::flag;
use super::words::{Document, Sentence, Word};
use crate::lexicon::{
    arabic_cue, arabic_cue_phrase, arabic_phrase_start, arabic_source_head,
    english_cue_after_start, english_source_head, english_source_head_phrase, english_title,
    is_arabic_relational_adjective, is_non_source_subject, EnglishCue, Frame, HeadKind, Stance,
    Voice,
};

/// One reporting construction.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    pub cue: (usize, usize),
    pub stance: Stance,
    /// The source's noun phrase; `None` for impersonal reporting or an implied subject.
    pub source: Option<(usize, usize)>,
    /// The cue's subject is implied (Arabic verb with no expressed subject, «وأضاف أن»): the
    /// source is the last one named.
    pub implied_source: bool,
    /// Reported content, whose claims are attributed.
    pub content: Option<(usize, usize)>,
    /// Evaluations and direct quotes attributed to the source.
    pub assessments: Vec<(usize, usize)>,
    /// What is evaluated («وصف X زيارة بوتين بأنها»): part of the construction, not a claim.
    pub object: Option<(usize, usize)>,
    /// The sentence the cue is in.
    pub sentence: usize,
    /// Impersonal reporting with no "that" ("X is expected to ..."): its content is judged as
    /// strictly as an unsourced sentence.
    pub strict: bool,
    /// An event the construction states as the article's own fact ("The board confirmed the
    /// appointment"): an unsourced claim.
    pub event: Option<(usize, usize)>,
}

impl Attribution {
    /// A construction with only its cue known yet.
    fn new(cue: (usize, usize), stance: Stance, sentence: usize) -> Self {
        Attribution {
            cue,
            stance,
            source: None,
            implied_source: false,
            content: None,
            assessments: Vec::new(),
            object: None,
            sentence,
            strict: false,
            event: None,
        }
    }

    /// Every range this construction accounts for.
    pub fn covered(&self) -> Vec<(usize, usize)> {
        let mut v = vec![self.cue];
        v.extend(self.source);
        v.extend(self.content);
        v.extend(self.assessments.iter().copied());
        v.extend(self.object);
        v
    }
}

const COMPLEMENTIZERS: &[&str] = &[
    "ان",
    "بان",
    "انه",
    "انها",
    "انهم",
    "انهما",
    "بانه",
    "بانها",
    "بانهم",
    "وان",
    "لان",
    "that",
];

/// Words that introduce reported content: أن/إن/بأن with attached pronouns, "that".
fn is_complementizer(w: &Word) -> bool {
    COMPLEMENTIZERS.contains(&w.norm)
}

const AR_NP_ENDS: &[&str] = &[
    "الضوء",
    "عدم",
    "امس",
    "اليوم",
    "خلال",
    "بل",
    "لكن",
    "حيث",
    "و",
    "او",
    "ثم",
    "قبل",
    "بعد",
    "عندما",
    "بينما",
    "ان",
    "ايضا",
    "كذلك",
];

/// Words that end an Arabic source phrase (the start of what the source says or does).
fn ends_arabic_np(w: &Word) -> bool {
    w.is_punct()
        || w.in_quote
        || is_complementizer(w)
        || is_preposition(w)
        || AR_NP_ENDS.contains(&w.norm)
        || arabic_cue(w.norm).is_some()
        || is_addressee(w)
        || is_time_word(w)
}

/// Press words: whom a source spoke to («لوكالة الأنباء», «لمراسلنا», «للصحفيين»).
const AR_PRESS: &[&str] = &[
    "وكاله",
    "مراسل",
    "صحيفه",
    "صحف",
    "قناه",
    "تلفزيون",
    "اذاعه",
    "موقع",
    "صحفي",
    "صحافي",
    "صحافه",
    "وسائل",
];

/// Whom the source spoke to, after its name: «قال رئيس الشعبة عادل نصار لوكالة الأنباء».
fn is_addressee(w: &Word) -> bool {
    // «للصحفيين» is ل + «الصحفيين» with the alif of ال dropped.
    let rest = w
        .norm
        .strip_prefix("لل")
        .or_else(|| w.norm.strip_prefix('ل'));
    rest.is_some_and(|r| AR_PRESS.iter().any(|p| r.starts_with(p)))
}

/// When the source spoke, after its name: «الاثنين», «مساء», «الأسبوع الماضي» (أمس and اليوم
/// are in [`AR_NP_ENDS`]).
fn is_time_word(w: &Word) -> bool {
    const TIMES: &[&str] = &[
        "الاثنين",
        "الثلاثاء",
        "الاربعاء",
        "الخميس",
        "الجمعه",
        "السبت",
        "الاحد",
        "مساء",
        "الاسبوع",
        "الشهر",
        "مطلع",
        "اواخر",
        "اوائل",
        "منتصف",
    ];
    TIMES.contains(&w.norm)
}

/// Places an institution or an anonymous source can be "in": «مديرية الصحة في محافظة
/// الوادي», «مصادر في المدرسة».
const AR_PLACES: &[&str] = &[
    "محافظه",
    "المحافظه",
    "مدينه",
    "المدينه",
    "ولايه",
    "الولايه",
    "منطقه",
    "المنطقه",
    "اقليم",
    "الاقليم",
    "البلاد",
    "العاصمه",
    "المدرسه",
    "الجامعه",
    "المستشفي",
    "القريه",
    "قطاع",
    "القطاع",
    "مديريه",
    "المديريه",
    "الميناء",
    "المطار",
    "المصنع",
];

const AR_PREPOSITIONS: &[&str] = &[
    "عن",
    "علي",
    "الي",
    "في",
    "من",
    "مع",
    "له",
    "لها",
    "لهم",
    "عليه",
    "عليها",
    "منه",
    "منها",
    "عنه",
    "عنها",
    "به",
    "بها",
    "فيه",
    "فيها",
    "اليه",
    "اليها",
    "اليهم",
    "لديه",
    "لديها",
    "لدي",
];

fn is_preposition(w: &Word) -> bool {
    AR_PREPOSITIONS.contains(&w.norm)
}

/// Demonstratives: «هذه الأرقام» opens a new noun phrase (the object), not part of the source.
fn is_demonstrative(w: &Word) -> bool {
    AR_DEMONSTRATIVES.contains(&w.norm)
}

/// Whether an Arabic word is definite or otherwise a modifier that can follow a definite noun
/// inside one phrase (ال, لل, a relational adjective, a number).
fn continues_definite(w: &Word) -> bool {
    w.norm.starts_with("ال") && w.flags & flag::INDEFINITE == 0
        || w.norm.starts_with("لل")
        || w.kind == crate::segment::TokenKind::Number
        || is_arabic_relational_adjective(w.norm)
}

/// Words that may start the evaluation in «وصف X Y بأنه ...»: بأن..., or ب + a verbal noun.
fn starts_evaluation(w: &Word) -> bool {
    w.norm.starts_with("بان")
        || w.norm.starts_with("بال")
        || w.norm.starts_with("بت")
        || w.norm.starts_with("با")
}

/// The end (exclusive word index) of the Arabic noun phrase that names a source, starting at
/// `i`: a head and what hangs on it (genitives, names, relational adjectives, a ل-phrase, a
/// relative clause up to the next stop).
fn arabic_np(words: &[Word], i: usize, frame: Frame) -> Option<usize> {
    let first = words.get(i)?;
    if ends_arabic_np(first) || is_non_source_subject(first.norm) {
        return None;
    }
    if first.norm.starts_with('ب') && starts_evaluation(first) {
        return None;
    }
    let head = arabic_source_head(first.norm);
    let headed = head.is_some();
    // Institutions, documents and anonymous sources take no personal name: after a definite
    // word, a bare noun starts the object («نفت وزارة المالية وجود ...»).
    let nameless = head.is_some_and(|h| h.kind != HeadKind::Person);
    let mut relative = false;
    let mut j = i + 1;
    while let Some(w) = words.get(j) {
        relative |= matches!(w.norm, "الذي" | "التي" | "الذين");
        // «مصادر مطلعة في الشركة الوطنية»: a place in an institution stays in the phrase.
        if headed
            && !relative
            && w.norm == "في"
            && words.get(j + 1).is_some_and(|n| {
                arabic_source_head(n.norm)
                    // «قالت الشركة في بيان»: where it was said, not part of who said it.
                    .is_some_and(|h| h.kind != HeadKind::Document)
                    || nameless && AR_PLACES.contains(&n.norm)
            })
        {
            j += 2;
            continue;
        }
        // «... كيم جونج أون تطوراً منطقياً»: an indefinite accusative is no part of a name.
        if !relative && is_demonstrative(w)
            || w.flags & flag::INDEFINITE != 0 && !w.norm.starts_with("ال")
        {
            break;
        }
        if nameless
            && !relative
            && !continues_definite(w)
            && words[j - 1].norm.starts_with("ال")
            && !w.is_punct()
        {
            break;
        }
        // «مركز الأبحاث الذي يقع مقره في بيروت»: a relative clause runs on past prepositions.
        let stop = if relative {
            w.is_punct() || w.in_quote || is_complementizer(w) || w.norm == "الضوء"
        } else {
            ends_arabic_np(w)
        };
        if stop {
            break;
        }
        // In «وصف X Y بأنه ...» the object follows the source: stop before a bare noun that
        // comes after a complete headed phrase.
        if frame == Frame::Describe && headed && j > i + 1 {
            let prev = &words[j - 1];
            let definite_or_prep =
                w.norm.starts_with("ال") || w.norm.starts_with("لل") || w.norm.starts_with('ل');
            let continues =
                definite_or_prep && (prev.norm.starts_with('ل') || !prev.norm.starts_with("ال"));
            if !continues && !is_arabic_relational_adjective(w.norm) && !w.norm.starts_with("ال")
            {
                break;
            }
            if w.norm.starts_with("ال")
                && !is_arabic_relational_adjective(w.norm)
                && prev.norm.starts_with("ال")
                && !prev.norm.starts_with("لل")
            {
                break;
            }
        }
        if w.norm.starts_with("بان") || (frame == Frame::Describe && w.norm.starts_with("بال"))
        {
            break;
        }
        j += 1;
        if j - i > 10 {
            break;
        }
    }
    Some(j)
}

/// The subject of a verb-second sentence, before the cue at `cue`: «غير أن مصادر مطلعة في
/// الشركة قالت», «وكانت وزارة الزراعة قد أعلنت». It starts at a source head right after the
/// sentence start, a comma or a complementizer, and holds no other verb cue.
fn arabic_subject_before(words: &[Word], cue: usize) -> Option<(usize, usize)> {
    let mut end = cue;
    if end > 0 && matches!(words[end - 1].norm, "قد" | "لقد") {
        end -= 1;
    }
    let start = (0..end)
        .rev()
        .find(|&j| {
            words[j].is_punct()
                || words[j].in_quote
                || is_complementizer(&words[j])
                // «دراسة أعدها البنك ونُشرت في فبراير تقدّر أن»: a verb that needs «أن» and
                // has none describes the subject.
                || arabic_cue(words[j].norm).is_some_and(|c| !c.needs_complement)
        })
        .map_or(0, |j| j + 1);
    let mut start = start;
    // «وكانت X قد ...»: the auxiliary is not part of the subject.
    while start < end && AR_AUXILIARIES.contains(&words[start].norm) {
        start += 1;
    }
    if start >= end || end - start > 10 {
        return None;
    }
    let first = &words[start];
    let head = arabic_source_head(first.norm)?;
    if head.kind == HeadKind::Pronoun || is_non_source_subject(first.norm) {
        return None;
    }
    span(words, start, end)
}

/// End (exclusive word index) of the clause that starts at `i`: up to «بل», «لكن» or a
/// sentence end.
fn arabic_clause_end(words: &[Word], i: usize) -> usize {
    (i..words.len())
        .find(|&j| matches!(words[j].norm, "بل" | "لكن" | "ولكن") && j > i)
        .unwrap_or(words.len())
}

fn span(words: &[Word], from: usize, to: usize) -> Option<(usize, usize)> {
    // Trim punctuation at both ends.
    let mut a = from;
    let mut b = to.min(words.len());
    while a < b && words[a].is_punct() {
        a += 1;
    }
    while b > a && words[b - 1].is_punct() {
        b -= 1;
    }
    (a < b).then(|| (words[a].start, words[b - 1].end))
}

/// Finds every reporting construction in the document.
pub fn find(doc: &Document) -> Vec<Attribution> {
    let mut found = Vec::new();
    // Words of the names sources were given so far («كارنيجي» of «مركز كارنيجي»).
    let mut named: Vec<&str> = Vec::new();
    for (index, sentence) in doc.sentences.iter().enumerate() {
        let before = found.len();
        if sentence.arabic {
            arabic(sentence, index, &mut found);
            if found.len() == before {
                found.extend(arabic_statement_noun(sentence, index, &named));
            }
        } else {
            english(sentence, index, &mut found);
        }
        quotes_of(doc, sentence, index, &mut found, before);
        for a in &found[before..] {
            let Some((start, end)) = a.source else {
                continue;
            };
            named.extend(
                sentence
                    .words
                    .iter()
                    .filter(|w| w.start >= start && w.end <= end && w.is_word())
                    .filter(|w| arabic_source_head(w.norm).is_none() && w.norm.chars().count() > 3)
                    .map(|w| w.norm),
            );
        }
    }
    quotes_before_cue(doc, &mut found);
    found
}

/// Nouns of stating and concluding that take «أن» like a reporting verb.
const AR_STATEMENT_NOUNS: &[&str] = &[
    "استنتاج",
    "الاستنتاج",
    "تاكيد",
    "التاكيد",
    "ترجيح",
    "الترجيح",
    "تقدير",
    "توقع",
    "التوقع",
    "اعتراف",
    "الاعتراف",
    "ادعاء",
    "الادعاء",
    "تحذير",
    "التحذير",
];

/// «لكن كارنيجي لم يقدم إجابة واضحة غير استنتاج بأن ...»: a noun of concluding followed by
/// «أن» reports what follows; its source is the clause's subject when the article has already
/// given that name as a source (a name alone says nothing of being one).
fn arabic_statement_noun(sentence: &Sentence, index: usize, named: &[&str]) -> Option<Attribution> {
    let words = &sentence.words;
    let at = (1..words.len().saturating_sub(1)).find(|&i| {
        !words[i].in_quote
            && AR_STATEMENT_NOUNS.contains(&words[i].norm)
            && is_complementizer(&words[i + 1])
    })?;
    // The subject opens the clause, after an opening «لكن», «و» or «ف».
    let mut start = lead_in(words);
    while words
        .get(start)
        .is_some_and(|w| matches!(w.norm, "لكن" | "ولكن" | "غير" | "بينما") || w.is_punct())
    {
        start += 1;
    }
    let first = words.get(start)?;
    let bare = first
        .norm
        .strip_prefix(['و', 'ف'])
        .filter(|r| named.contains(r))
        .unwrap_or(first.norm);
    if start >= at || !named.contains(&bare) {
        return None;
    }
    // «وكارنيجي»: the source starts after the conjunction (when no haraka sits on it).
    let plain = first.end - first.start == first.norm.chars().count();
    let clitic = usize::from(first.norm != bare && plain);
    Some(Attribution {
        source: Some((first.start + clitic, first.end)),
        content: span(words, at + 2, words.len()),
        // The whole predicate up to the noun is the reporting expression: «لم يقدم إجابة واضحة
        // غير استنتاج».
        ..Attribution::new(
            (words[(start + 1).min(at)].start, words[at].end),
            Stance::Finding,
            index,
        )
    })
}

/// «"Yes. We were slow ...," she said.»: a quote that spans sentences and no earlier report
/// took belongs to the report that follows its closing mark directly.
fn quotes_before_cue(doc: &Document, found: &mut [Attribution]) {
    let mut k = 0;
    for q in &doc.quotes {
        let inner = (q.inner.start, q.inner.end);
        if inner.1 <= inner.0 {
            continue;
        }
        // Attributions are in text order: skip those that start before the quote closes.
        while k < found.len() && found[k].cue.0 < q.outer.end {
            k += 1;
        }
        let taken = found[k.saturating_sub(3)..found.len().min(k + 1)]
            .iter()
            .any(|a| a.assessments.contains(&inner));
        let Some(a) = found.get_mut(k) else {
            break;
        };
        if taken || a.source.is_none() {
            continue;
        }
        let first = a.source.map_or(a.cue.0, |s| s.0.min(a.cue.0));
        let between = doc.text.get(q.outer.end..first).unwrap_or(&[]);
        let adjacent = first >= q.outer.end
            && between.len() <= 3
            && between
                .iter()
                .all(|c| c.is_whitespace() && *c != '\n' || matches!(c, ',' | '،'));
        if adjacent {
            a.assessments.push(inner);
        }
    }
}

fn arabic(sentence: &Sentence, index: usize, found: &mut Vec<Attribution>) {
    let words = &sentence.words;
    let norms: Vec<&str> = words.iter().map(|w| w.norm).collect();
    let mut i = 0;
    // Headline style: «وزير الصحة: ...», also after a live-blog timestamp («٠٨:٤٠ — الأرصاد:»).
    let lead = lead_in(words);
    if let Some(colon) = words
        .iter()
        .skip(lead)
        .position(|w| w.norm == ":")
        .map(|c| c + lead)
    {
        let head = words.get(lead).map_or("", |w| w.norm);
        if colon > lead && colon <= lead + 6 && arabic_source_head(head).is_some() {
            if let Some(source) = span(words, lead, colon) {
                let after = span(words, colon + 1, words.len());
                found.push(Attribution {
                    source: Some(source),
                    content: after.filter(|_| {
                        !words
                            .get(colon + 1)
                            .is_some_and(|w| w.in_quote || w.is_punct())
                    }),
                    ..Attribution::new(
                        (words[colon].start, words[colon].end),
                        Stance::Neutral,
                        index,
                    )
                });
                i = words.len();
            }
        }
    }
    while i < words.len() {
        let w = &words[i];
        if w.in_quote || !w.is_word() {
            i += 1;
            continue;
        }
        // «بحسب X، ...», «وفقاً لـ X»: the source follows the phrase.
        let word_cue = arabic_cue(w.norm);
        let phrase = if word_cue.is_some() || arabic_phrase_start(w.norm) {
            arabic_cue_phrase(&norms[i..])
        } else {
            None
        };
        if let Some((n, cue)) = phrase {
            if cue.frame == Frame::Any && is_according_to(cue.lemma) {
                let np_start = i + n;
                let np_end = (np_start..words.len())
                    .find(|&j| words[j].is_punct())
                    .unwrap_or(words.len());
                let mut source = span(words, np_start, np_end);
                // «وفقاً لتقديرات X»: the ل of «وفقاً لـ» is written on the source's first word.
                let first = &words[np_start.min(words.len() - 1)];
                if n == 1
                    && cue.lemma.ends_with("لـ")
                    && first.norm.starts_with('ل')
                    && first.end - first.start == first.norm.chars().count()
                {
                    source = source.map(|(s, e)| (s + 1, e));
                }
                let content = if i == 0 || words[..i].iter().all(Word::is_punct) {
                    span(words, np_end, words.len())
                } else {
                    span(words, 0, i)
                };
                found.push(Attribution {
                    source,
                    content,
                    ..Attribution::new(
                        (w.start, words[np_start.saturating_sub(1).max(i)].end),
                        cue.stance,
                        index,
                    )
                });
                i = np_end.max(i + 1);
                continue;
            }
        }
        let Some(cue) = word_cue else {
            i += 1;
            continue;
        };
        // A complementizer belongs to the nearest cue before it: in «نفت الوزارة وجود خطة،
        // وقالت إن ...» the «إن» is «قالت»'s.
        let complement_at = (i + 1..words.len().min(i + 16))
            .take_while(|&j| words[j].in_quote || arabic_cue(words[j].norm).is_none())
            .find(|&j| is_complementizer(&words[j]));
        let quote_follows = words
            .get(i + 1..)
            .is_some_and(|rest| rest.iter().take(12).any(|x| x.in_quote));
        // «أفادت مصادر ... بوصول ...»: a ب + verbal noun complement.
        let ba_follows = words.get(i + 1..).is_some_and(|rest| {
            rest.iter().take(12).any(|x| {
                x.norm.starts_with('ب')
                    && x.norm.chars().count() >= 4
                    && !matches!(x.norm, "بعد" | "بين" | "بينما" | "بسبب" | "بشكل")
                    && arabic_source_head(x.norm).is_none()
            })
        });
        if cue.needs_complement && complement_at.is_none() && !quote_follows && !ba_follows {
            i += 1;
            continue;
        }
        // Passive and impersonal reporting: no source, the content stays unattributed.
        let next_is_np = words
            .get(i + 1)
            .is_some_and(|n| arabic_source_head(n.norm).is_some());
        // «تُقدّر/تقدّر»: a subject named before makes an ambiguous form active.
        if cue.voice == Voice::Passive
            && (!cue.ambiguous_voice || !next_is_np && arabic_subject_before(words, i).is_none())
        {
            found.push(Attribution {
                content: complement_at.and_then(|c| span(words, c + 1, words.len())),
                ..Attribution::new((w.start, w.end), cue.stance, index)
            });
            i += 1;
            continue;
        }
        // «قالت لوكالة الأنباء إن»: the addressee is not the subject.
        let addressee = words.get(i + 1).is_some_and(|n| {
            n.norm.starts_with('ل')
                && !n.norm.starts_with("لل")
                && n.norm
                    .strip_prefix('ل')
                    .is_some_and(|r| arabic_source_head(r).is_some())
        });
        // «، مؤكداً أن», «، واصفاً نتائج العام بأنها»: an adverbial participle continues the
        // sentence's speaker; what follows it is its object, not a subject.
        let participle = i > 0 && matches!(words[i - 1].norm, "،" | ",") && is_participle(w.norm);
        // «وكان المتحدث ... قد وصف الدراسة»: the subject came before «قد»; what follows is
        // the object.
        let fronted = (i > 0 && matches!(words[i - 1].norm, "قد" | "لقد"))
            .then(|| arabic_subject_before(words, i))
            .flatten();
        let np_end = if addressee || participle || fronted.is_some() {
            None
        } else {
            arabic_np(words, i + 1, cue.frame)
        };
        // A name with no role word («كشف كيم أن») is a source only when content follows it:
        // right after it, after a parenthetical («وأضاف الحداد، في مؤتمر صحفي، أن») or as a
        // quote after a colon («قالت السعدي: "..."»).
        let np_end = np_end.filter(|&e| {
            words[i + 1..e]
                .iter()
                .any(|w| arabic_source_head(w.norm).is_some())
                || words
                    .get(e)
                    .is_some_and(|n| is_complementizer(n) || n.norm == "الضوء" || n.norm == "عدم")
                || (words.get(e).is_some_and(|n| n.norm == "،" || n.norm == ",")
                    && complement_at.is_some_and(|c| c > e))
                || (words.get(e).is_some_and(|n| n.norm == ":")
                    && words.get(e + 1).is_some_and(|n| n.in_quote || n.is_punct()))
        });
        // «بين» is mostly the preposition "between": the verb only with «أن» after its subject.
        let np_end = np_end.filter(|&e| {
            !matches!(w.norm, "بين" | "وبين" | "فبين")
                || words.get(e).is_some_and(is_complementizer)
        });
        let mut source = fronted.or_else(|| np_end.and_then(|e| span(words, i + 1, e)));
        // No subject after the verb: a pro-drop verb («وأضاف أن», «وقالت في بيان إن»,
        // «قالت: "..."»), or the subject came first (SVO: «مصادر مطلعة ... قالت إن»).
        // «، متوقعةً هطول ...», «، مؤكداً أن»: an active participle after a comma continues
        // the sentence's speaker.
        // «وعزا ذلك إلى تعطل ...»: a demonstrative object, then what it is put down to.
        let put_down_to = |at: usize| {
            cue.frame == Frame::Any
                && words.get(at).is_some_and(is_demonstrative)
                && words.get(at + 1).is_some_and(|w| w.norm == "الي")
        };
        let mut implied = source.is_none()
            && (participle
                || put_down_to(i + 1)
                || words.get(i + 1).is_some_and(|n| {
                    is_complementizer(n)
                        || n.norm.starts_with("بان")
                        || n.norm == ":"
                        || ((is_preposition(n) || addressee || n.norm == "،")
                            && complement_at.is_some())
                }));
        if implied {
            if let Some(subject) = arabic_subject_before(words, i) {
                source = Some(subject);
                implied = false;
            }
        }
        if source.is_none() && !implied {
            i += 1;
            continue;
        }
        let after_np = np_end.unwrap_or(i + 1);
        let mut attribution = Attribution {
            source,
            implied_source: implied,
            ..Attribution::new((w.start, w.end), cue.stance, index)
        };
        let mut next = after_np;
        match cue.frame {
            Frame::Describe => {
                // «وصف X Y بأنها Z» / «بالتسرع»: the evaluation starts at ب.
                if let Some(b) = (after_np..words.len()).find(|&j| starts_evaluation(&words[j])) {
                    let from = if words[b].norm.starts_with("بان") {
                        b + 1
                    } else {
                        b
                    };
                    // «، فيما قال ...»: the evaluation ends where a second clause starts.
                    let end = (from + 1..arabic_clause_end(words, from))
                        .find(|&j| {
                            matches!(words[j].norm, "فيما" | "بينما")
                                && matches!(words[j - 1].norm, "،" | ",")
                        })
                        .unwrap_or_else(|| arabic_clause_end(words, from));
                    // «بأنها «بطيئة»، مشيرةً إلى أن ...»: a second report ends the evaluation.
                    let end = next_report(words, from, end);
                    attribution.assessments.extend(span(words, from, end));
                    // What is described («زيارة بوتين الأخيرة») is part of the construction.
                    attribution.object = span(words, after_np, from);
                    next = end;
                }
            }
            _ => {
                if put_down_to(after_np) && complement_at.is_none() {
                    let end = next_report(words, after_np + 2, arabic_clause_end(words, after_np));
                    attribution.content = span(words, after_np + 2, end);
                    next = end;
                } else if let Some(c) = complement_at.filter(|&c| c >= after_np) {
                    let end = arabic_clause_end(words, c + 1);
                    let end = next_report(words, c + 1, end);
                    attribution.content = span(words, c + 1, end);
                    next = end;
                } else if words.get(after_np).is_some_and(|w| w.norm == "عدم") {
                    // «زعم X عدم اهتمامه ...»: the content follows the source directly.
                    let end = arabic_clause_end(words, after_np);
                    let end = (after_np..end)
                        .find(|&j| words[j].norm == "،" || words[j].norm == ",")
                        .unwrap_or(end);
                    attribution.content = span(words, after_np, end);
                    next = end;
                } else if let Some(object) = (cue.stance != Stance::Accusation
                    && complement_at.is_none())
                .then(|| after_parenthetical(words, after_np))
                .filter(|&o| {
                    // «دعت الوزارة أولياء الأمور إلى ...»: whom a call is made to is no content;
                    // nor is a place («رحبت ممثلة اليونيسف في البلاد ...»).
                    cue.stance != Stance::Intention
                        && words.get(o).is_some_and(|w| {
                            w.is_word() && !w.in_quote && !is_demonstrative(w) && !is_preposition(w)
                        })
                }) {
                    // «أعلنت هيئة الأرصاد رفع مستوى التحذير ...», «أفادت مصادر بوصول ...»,
                    // «أعلنت الوزارة، اليوم الأحد، إطلاق ...»: a verbal-noun object is the
                    // content, up to «، وقالت ...».
                    let end = arabic_clause_end(words, object);
                    let end = next_report(words, object, end);
                    attribution.content = span(words, object, end);
                    next = end;
                } else if cue.stance == Stance::Accusation {
                    // «اتهمه بتجاهل ...»: the charge after ب.
                    if let Some(b) = (after_np..words.len()).find(|&j| starts_evaluation(&words[j]))
                    {
                        let end = arabic_clause_end(words, b);
                        attribution.assessments.extend(span(words, b, end));
                        next = end;
                    }
                }
            }
        }
        found.push(attribution);
        i = next.max(i + 1);
    }
}

/// The word after a short parenthetical that opens at `at` («، اليوم الأحد، ...»), or `at`.
fn after_parenthetical(words: &[Word], at: usize) -> usize {
    if !words.get(at).is_some_and(|w| matches!(w.norm, "،" | ",")) {
        return at;
    }
    let close = (at + 1..words.len().min(at + 6)).find(|&j| words[j].is_punct());
    match close {
        Some(c)
            if c > at + 1
                && words[c].norm == words[at].norm
                && words[at + 1..c].iter().all(|w| {
                    !w.in_quote
                        && arabic_cue(w.norm).is_none()
                        && !matches!(w.norm, "الذي" | "التي" | "الذين")
                }) =>
        {
            c + 1
        }
        _ => at,
    }
}

/// Where content that starts at `from` gives way to a second report of the same speaker
/// before `end`: «، وقال ...», «، مؤكداً أن ...», «، مشيرةً إلى أن ...».
fn next_report(words: &[Word], from: usize, end: usize) -> usize {
    (from..end)
        .find(|&j| {
            matches!(words[j].norm, "،" | ",")
                && words.get(j + 1).is_some_and(|n| {
                    !n.in_quote
                        && arabic_cue(n.norm).is_some()
                        && (n.norm.starts_with('و') || is_participle(n.norm))
                })
        })
        .unwrap_or(end)
}

/// An active participle used adverbially («مؤكداً», «مضيفةً», «مشيرا»): م… with the accusative
/// ending (the alif of tanween or the feminine ه).
fn is_participle(norm: &str) -> bool {
    let accusative = norm.ends_with('ا') && !norm.ends_with("وا");
    (norm.starts_with('م') && (accusative || norm.ends_with('ه')))
        // The first form, فاعلاً: «لافتاً», «واصفاً».
        || (accusative && norm.chars().nth(1) == Some('ا') && norm.chars().count() == 5)
}

fn is_according_to(lemma: &str) -> bool {
    [
        "بحسب",
        "حسب",
        "وفقا",
        "طبقا",
        "نقلا",
        "استنادا",
        "علي حد",
        "كما جاء",
    ]
    .iter()
    .any(|l| lemma.starts_with(l))
}

/// Words that end an English source phrase read forward ("said X, ...").
const EN_NP_ENDS: &[&str] = &[
    "who",
    "that",
    "in",
    "at",
    "on",
    "during",
    "after",
    "before",
    "when",
    "to",
    "because",
    "while",
    "and",
    "but",
    "last",
    "this",
    "yesterday",
    "today",
    "earlier",
    "later",
    "told",
    "adding",
    "whether",
    "if",
    "about",
    "for",
];

fn ends_english_np(w: &Word) -> bool {
    w.is_punct() || w.in_quote || EN_NP_ENDS.contains(&w.norm)
}

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we"];

/// Function words: capitalized at a sentence start, they are not names.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "some", "many", "most", "what", "it",
    "its", "in", "on", "at", "for", "of", "by", "when", "while", "as", "if", "their", "his", "her",
    "our", "one", "all", "every", "each", "there", "here", "asked", "after", "before", "but",
    "and", "so", "yet", "no", "not", "other", "others", "such", "i",
];

/// Arabic demonstratives.
const AR_DEMONSTRATIVES: &[&str] = &["هذه", "هذا", "ذلك", "تلك", "هؤلاء", "هذين", "هاتين"];

/// «كان» and the conjunctions before a fronted subject.
const AR_AUXILIARIES: &[&str] = &[
    "كان",
    "كانت",
    "وكان",
    "وكانت",
    "فكان",
    "فكانت",
    "غير",
    "لكن",
    "ولكن",
    "و",
    "ف",
];

/// Conjunctions that open a subordinate clause.
const SUBORDINATORS: &[&str] = &[
    "since", "after", "when", "because", "until", "although", "though", "once",
];

/// Words of a phrase that names figures, not whose they are.
const UNNAMED_DATA: &[&str] = &[
    "these",
    "those",
    "figures",
    "data",
    "numbers",
    "statistics",
    "results",
];

/// Determiners: a cue word right after one is a noun ("Under the plan", "The think tank"), and
/// one after a noun opens a second noun phrase ("told reporters the figures").
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her", "our"];

/// Prepositions: no source phrase starts with one, and a determiner after one stays in the
/// phrase ("a report by the council").
const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "for", "of", "by", "with", "from", "about", "under", "over", "into",
    "through", "against", "between", "among", "without", "despite", "like", "across", "via",
    "within", "amid", "toward", "towards", "and", "or", "as", "to",
];

/// The English cue that starts at word `i`, unless a determiner makes the word a noun.
fn english_cue_at(words: &[Word], norms: &[&str], i: usize) -> Option<(usize, EnglishCue)> {
    if words[i].in_quote || words[i].flags & flag::EN_CUE == 0 {
        return None;
    }
    let found = english_cue_after_start(&norms[i..])?;
    // After a determiner or a possessive ("the union's demands") the word is a noun.
    let noun = i > 0
        && (DETERMINERS.contains(&norms[i - 1])
            || norms[i - 1].ends_with("'s")
            || norms[i - 1].ends_with("’s"))
        && found.1.voice == Voice::Active;
    (!noun).then_some(found)
}

/// Verb forms that never stand inside a source phrase ("The ministry declined to").
const VERBISH: &[&str] = &[
    "to", "has", "have", "had", "was", "were", "is", "are", "will", "would", "could", "can",
    "should", "may", "might", "did", "does", "do", "been", "be", "whether",
];

/// Words between a source and its cue that belong to neither ("has also said").
const BEFORE_CUE: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "will",
    "would",
    "previously",
    "later",
    "earlier",
    "again",
    "repeatedly",
    "separately",
    "then",
    "further",
    "had",
    "once",
];

/// An apostrophe glued to the word before it ("Dockworkers' Union"): part of the phrase.
fn is_glued_apostrophe(words: &[Word], j: usize) -> bool {
    j > 0
        && matches!(words[j].norm, "'" | "’" | "ʼ")
        && words[j - 1].end == words[j].start
        && !words[j].in_quote
}

/// Whether a word looks like a name (capitalized, and not a sentence-initial function word).
fn is_name_like(w: &Word) -> bool {
    w.capital && !FUNCTION_WORDS.contains(&w.norm)
}

/// Whether an attribution comes from "according to".
fn is_according_attribution(words: &[Word], a: &Attribution) -> bool {
    words
        .iter()
        .find(|w| w.start == a.cue.0)
        .is_some_and(|w| w.norm == "according")
}

/// Word index after a dateline or timestamp lead-in («١٠:٥٠ —», "MARSDEN, March 12 (Reuters)
/// -"): a dash near the sentence start with no lower-case word before it.
pub(super) fn lead_in(words: &[Word]) -> usize {
    words
        .iter()
        .take(10)
        .position(|w| matches!(w.norm, "—" | "–" | "-") && w.is_punct())
        .filter(|&d| {
            d > 0
                && words[..d].iter().all(|w| {
                    w.is_punct()
                        || w.kind == crate::segment::TokenKind::Number
                        || w.capital
                        || w.norm
                            .chars()
                            .all(|c| c.is_ascii_digit() || ":.".contains(c))
                })
        })
        .map_or(0, |d| d + 1)
}

/// The source before the cue at `i..cue_end` ("The ministry said"), back to the clause start:
/// (clause start, source, whether the content came before it: "..., the company said").
fn back_source(words: &[Word], i: usize, cue_end: usize) -> (usize, Option<(usize, usize)>, bool) {
    let clause_start = clause_start_before(words, i);
    // Between the source and the cue: "has", "also" ("Harbor Link has said").
    let mut np_end = i;
    while np_end > clause_start && BEFORE_CUE.contains(&words[np_end - 1].norm) {
        np_end -= 1;
    }
    let back = english_np_back(words, clause_start, np_end).or_else(|| {
        // "X, which operates ..., said" / "Osei, 61, said" / "Name, the group's director,
        // said": the source is before the parenthetical (with it, for an apposition).
        parenthetical_source(words, clause_start, np_end)
    });
    // "..., the company said (in a statement)." — the content came first.
    let trailing = back.is_some_and(|(a, _)| {
        let first = words
            .iter()
            .position(|w| w.start == a)
            .unwrap_or(clause_start);
        first >= 2
            && words[first - 1].norm == ","
            && !words[..first - 1].iter().all(Word::is_punct)
            && words.get(cue_end).is_none_or(|n| {
                n.is_punct()
                    || matches!(
                        n.norm,
                        "in" | "on" | "at" | "during" | "as" | "after" | "late" | "earlier"
                    )
            })
            && !words[cue_end..].iter().any(|w| w.norm == "that")
    });
    (clause_start, back, trailing)
}

/// An active cue of saying, asserting, warning or finding ("a figure Osei disputes" is no
/// report of what follows).
fn reports_speech(cue: &EnglishCue) -> bool {
    cue.voice == Voice::Active
        && matches!(
            cue.stance,
            Stance::Neutral | Stance::Assertive | Stance::Warning | Stance::Finding
        )
        && cue.lemma != "according to"
}

/// The cue of a "..., the company said (in a statement)." construction in the sentence: its
/// content is everything before, so cues there are the source's words, not the article's.
fn trailing_cue(words: &[Word], norms: &[&str]) -> Option<usize> {
    (0..words.len()).rev().find(|&i| {
        english_cue_at(words, norms, i)
            .is_some_and(|(n, cue)| reports_speech(&cue) && back_source(words, i, i + n).2)
    })
}

fn english(sentence: &Sentence, index: usize, found: &mut Vec<Attribution>) {
    let sentence_first = found.len();
    let words = &sentence.words;
    let norms: Vec<&str> = words.iter().map(|w| w.norm).collect();
    let trailing_at = trailing_cue(words, &norms);
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let Some((n, cue)) = english_cue_at(words, &norms, i) else {
            i += 1;
            continue;
        };
        let cue_end = i + n;
        let cue_span = (w.start, words[cue_end - 1].end);
        // "Council approves new housing plan despite protests", "has pledged $640 million": an
        // intention verb that is also a noun is a cue only before "to" or "that" ("plans to
        // build"); with a noun after it, it is an event or no verb at all.
        if matches!(
            cue.lemma,
            "plan" | "aim" | "hope" | "vow" | "pledge" | "promise"
        ) && !words
            .get(cue_end)
            .is_some_and(|n| matches!(n.norm, "to" | "that"))
        {
            i += 1;
            continue;
        }
        if cue.lemma == "according to" {
            let np_end = (cue_end..words.len())
                .find(|&j| words[j].is_punct())
                .unwrap_or(words.len());
            let content = if words[..i].iter().all(Word::is_punct) {
                span(words, np_end, words.len())
            } else {
                span(words, 0, i)
            };
            found.push(Attribution {
                source: span(words, cue_end, np_end),
                content,
                ..Attribution::new(cue_span, cue.stance, index)
            });
            i = np_end.max(i + 1);
            continue;
        }
        if cue.voice == Voice::Passive {
            let that = (cue_end..words.len()).find(|&j| words[j].norm == "that");
            let content = match that {
                Some(t) => span(words, t + 1, words.len()),
                None if i > 0 => span(words, 0, words.len()),
                None => span(words, cue_end, words.len()),
            };
            found.push(Attribution {
                content,
                strict: that.is_none(),
                ..Attribution::new(cue_span, cue.stance, index)
            });
            i = cue_end;
            continue;
        }
        // "..., saying the project would ...", "..., adding that ...": a participle after a
        // comma continues the speaker of the sentence's report.
        // The comma may sit inside a closing quote ("... as progress," saying).
        let comma_before = (0..i)
            .rev()
            .find(|&j| !matches!(words[j].norm, "\"" | "”" | "’" | "'"))
            .is_some_and(|j| words[j].norm == ",");
        let spoke = trailing_at.is_none_or(|t| t <= i)
            && found[sentence_first..].iter().any(|a| a.source.is_some());
        let continues = comma_before && w.norm.ends_with("ing") && spoke;
        // "Reyes called the fire "..." and said state resources were on the way": a second
        // report of the sentence's speaker after "and".
        let coordinated = i > 0
            && words[i - 1].norm == "and"
            && reports_speech(&cue)
            && !matches!(cue.lemma, "tell" | "speak" | "talk" | "ask")
            && spoke;
        if (continues || coordinated) && cue.frame != Frame::Describe {
            let from = if words.get(cue_end).is_some_and(|x| x.norm == "that") {
                cue_end + 1
            } else {
                cue_end
            };
            let content = words
                .get(from)
                .is_some_and(|x| x.is_word() && !x.in_quote)
                .then(|| span(words, from, words.len()))
                .flatten();
            if content.is_some() {
                found.push(Attribution {
                    implied_source: true,
                    content,
                    ..Attribution::new(cue_span, cue.stance, index)
                });
                i = words.len();
                continue;
            }
        }
        let (clause_start, back, trailing) = back_source(words, i, cue_end);
        let trailing = trailing && trailing_at == Some(i);
        if trailing_at.is_some_and(|t| i < t) {
            // Inside the content of "..., the company said".
            i += 1;
            continue;
        }
        let (source, content_side_before) = match back {
            Some(s) if trailing => (Some(s), true),
            Some(s) => (Some(s), false),
            None => {
                // "..., said X" (the quote or content came first).
                let np_end = (cue_end..words.len())
                    .find(|&j| ends_english_np(&words[j]))
                    .unwrap_or(words.len());
                let np_end = extend_apposition(words, cue_end, np_end);
                // "told reporters": what follows tell/speak/talk is an addressee, never an
                // inverted subject.
                let addressee = matches!(cue.lemma, "tell" | "speak" | "talk");
                (
                    span(words, cue_end, np_end)
                        .filter(|_| !addressee && np_has_source(&words[cue_end..np_end])),
                    true,
                )
            }
        };
        let Some(source) = source else {
            i += 1;
            continue;
        };
        let mut a = Attribution {
            source: Some(source),
            ..Attribution::new(cue_span, cue.stance, index)
        };
        let mut next = cue_end;
        if content_side_before {
            // Content before the source: from the sentence start to the comma before it.
            let first = if trailing {
                words
                    .iter()
                    .position(|w| w.start == source.0)
                    .unwrap_or(clause_start)
            } else {
                clause_start
            };
            let upto = first.saturating_sub(1);
            if !words[..upto].iter().any(|x| x.in_quote) {
                a.content = span(words, lead_in(words), upto);
                if trailing {
                    // The earlier cues of the sentence were inside this content.
                    if let Some((from, to)) = a.content {
                        let mut k = sentence_first;
                        while k < found.len() {
                            let inside = from <= found[k].cue.0 && found[k].cue.0 < to;
                            if inside && !is_according_attribution(words, &found[k]) {
                                found.remove(k);
                            } else {
                                k += 1;
                            }
                        }
                    }
                }
            }
        } else {
            match cue.frame {
                Frame::Describe => {
                    if let Some(as_at) = (cue_end..words.len())
                        .find(|&j| words[j].norm == "as" && !words[j].in_quote)
                    {
                        let end = (as_at + 1..words.len())
                            .find(|&j| {
                                words[j].is_punct() && !words[j].in_quote && words[j].norm != "-"
                            })
                            .unwrap_or(words.len());
                        a.assessments.extend(span(words, as_at + 1, end));
                        next = end;
                    }
                }
                _ => {
                    let mut from = cue_end;
                    // Skip time words between cue and content ("said on Thursday that").
                    if let Some(t) =
                        (cue_end..words.len().min(cue_end + 6)).find(|&j| words[j].norm == "that")
                    {
                        from = t + 1;
                    }
                    // "told reporters", "spoke about the surge": without "that", what
                    // follows is an addressee or a topic, not content.
                    let needs_that = matches!(cue.lemma, "tell" | "speak" | "talk" | "ask");
                    // "The board confirmed the appointment": with a noun object and no
                    // "that", confirming is an event the article states, not reported content;
                    // the board stays the speaker of what follows ("..., calling him ...").
                    let confirms_event = cue.lemma == "confirm"
                        && cue.voice == Voice::Active
                        && from == cue_end
                        && words.get(from).is_some_and(|x| x.is_word() && !x.in_quote);
                    if confirms_event {
                        let end = (from..words.len())
                            .find(|&k| words[k].is_punct() || words[k].in_quote)
                            .unwrap_or(words.len());
                        let first = words.iter().position(|w| w.start == source.0).unwrap_or(i);
                        a.event = span(words, first, end);
                        next = end;
                    } else if !words.get(from).is_some_and(|x| x.in_quote || x.is_punct())
                        && (!needs_that || from > cue_end)
                    {
                        // ", a move the union says could ...": a second report after a comma
                        // ends this content.
                        let end = (from + 1..words.len())
                            .find(|&k| {
                                words[k - 1].norm == ","
                                    && (k..words.len().min(k + 8)).any(|c| {
                                        !words[c].in_quote
                                            && words[c].flags & flag::EN_CUE != 0
                                            && english_cue_after_start(&norms[c..]).is_some_and(
                                                |(m, q)| {
                                                    reports_speech(&q)
                                                        && back_source(words, c, c + m)
                                                            .1
                                                            .is_some_and(|b| b.0 >= words[k].start)
                                                },
                                            )
                                    })
                            })
                            .unwrap_or(words.len());
                        a.content = span(words, from, end);
                        next = end;
                    }
                }
            }
        }
        found.push(a);
        i = next.max(i + 1);
    }
}

/// Start (word index) of the clause that ends at the cue at `i`.
fn clause_start_before(words: &[Word], i: usize) -> usize {
    (0..i)
        .rev()
        .find(|&j| {
            (words[j].is_punct() && !is_glued_apostrophe(words, j))
                || matches!(words[j].norm, "and" | "but" | "that" | "while")
        })
        .map_or(0, |j| j + 1)
}

/// The source of "X, <parenthetical>, said": `comma_after` is the clause start right after the
/// comma that closes the parenthetical.
fn parenthetical_source(words: &[Word], comma_after: usize, end: usize) -> Option<(usize, usize)> {
    // Nothing but the cue after the closing comma.
    if comma_after != end || comma_after < 2 || words[comma_after - 1].norm != "," {
        return None;
    }
    let close = comma_after - 1;
    let open = (close.saturating_sub(20)..close)
        .rev()
        .find(|&j| words[j].norm == "," || (words[j].is_punct() && words[j].norm != "'"))?;
    if words[open].norm != "," || words[open + 1..close].iter().any(|w| w.in_quote) {
        return None;
    }
    let first = words.get(open + 1)?;
    let relative = matches!(first.norm, "who" | "which" | "whose" | "where")
        || (first.kind == crate::segment::TokenKind::Number && close == open + 2);
    let np_start = clause_start_before(words, open);
    let (a, _) = english_np_back(words, np_start, open)?;
    if relative {
        Some((a, words[open - 1].end))
    } else {
        let app = &words[open + 1..close];
        let norms: Vec<&str> = app.iter().map(|w| w.norm).collect();
        let role = app.len() <= 10
            && (app.iter().any(|w| english_source_head(w.norm).is_some())
                || (0..norms.len()).any(|k| english_source_head_phrase(&norms[k..]).is_some()));
        // "Its director, Sofia Reyes, told": a role, then the name.
        let named = app.len() <= 4
            && app.iter().all(|w| w.capital)
            && words[np_start..open]
                .iter()
                .any(|w| english_source_head(w.norm).is_some());
        (role || named).then(|| (a, words[close - 1].end))
    }
}

/// The source phrase that ends right before the cue at `end`, from `start` at most.
fn english_np_back(words: &[Word], start: usize, end: usize) -> Option<(usize, usize)> {
    if start >= end {
        return None;
    }
    // "pressure since Harbor Link announced": the subject of a subordinate clause.
    let start = (start..end)
        .rev()
        .find(|&j| SUBORDINATORS.contains(&words[j].norm))
        .map_or(start, |j| j + 1);
    // A source holds no other cue ("Reyes, told reporters the figures pointed to"), and a
    // determiner after a noun opens another phrase ("reporters the figures").
    let start = (start..end)
        .rev()
        .find(|&j| {
            (words[j].flags & flag::EN_CUE != 0
                && english_source_head(words[j].norm).is_none()
                && !(j > 0 && DETERMINERS.contains(&words[j - 1].norm)))
                || (j > start
                    && DETERMINERS.contains(&words[j].norm)
                    && words[j - 1].is_word()
                    && !words[j - 1].norm.ends_with("'s")
                    && !PREPOSITIONS.contains(&words[j - 1].norm))
        })
        .map_or(start, |j| {
            if DETERMINERS.contains(&words[j].norm) {
                j
            } else {
                j + 1
            }
        });
    // "What the research says is ...": a free relative, no report.
    if start >= end || start > 0 && matches!(words[start - 1].norm, "what" | "which") {
        return None;
    }
    let np = &words[start..end];
    if np.len() > 9 || !np_has_source(np) {
        return None;
    }
    // A leading "the authority's chief executive" after "Name," belongs with the name.
    let mut from = start;
    if start >= 2
        && words[start - 1].norm == ","
        && words[start - 2].capital
        && !words[start - 2].in_quote
    {
        let name_start = (0..start - 1)
            .rev()
            .take_while(|&j| words[j].capital || english_title(words[j].norm))
            .last();
        // Only a name that opens its clause ("for Pine County, his office said" is no
        // apposition).
        let opens_clause = |n: usize| n == 0 || words[n - 1].is_punct();
        if let Some(n) = name_start.filter(|&n| opens_clause(n)) {
            from = n;
        }
    }
    span(words, from, end)
}

/// Whether words can name a source: a pronoun, a name, or a source head.
fn np_has_source(np: &[Word]) -> bool {
    if np.is_empty() || np.iter().any(|w| w.in_quote) {
        return false;
    }
    if np.len() == 1 && PRONOUNS.contains(&np[0].norm) {
        return true;
    }
    if np.iter().any(|w| is_non_source_subject(w.norm))
        && !np.iter().any(|w| english_source_head(w.norm).is_some())
    {
        return false;
    }
    if np.len() > 1 && np.iter().any(|w| VERBISH.contains(&w.norm)) {
        return false;
    }
    if np
        .first()
        .is_some_and(|w| w.norm == "asked" || PREPOSITIONS.contains(&w.norm))
        || np.last().is_some_and(|w| DETERMINERS.contains(&w.norm))
    {
        return false;
    }
    // "the figures (also show)": figures with no one's name on them are the article's, like
    // «هذه الأرقام» (ANNOTATION-GUIDE); "The agency's data" names its source.
    if np
        .iter()
        .all(|w| DETERMINERS.contains(&w.norm) || UNNAMED_DATA.contains(&w.norm))
    {
        return false;
    }
    let norms: Vec<&str> = np.iter().map(|w| w.norm).collect();
    let head = |w: &Word| {
        english_source_head(w.norm).is_some()
            || w.norm
                .strip_suffix("'s")
                .or_else(|| w.norm.strip_suffix("’s"))
                .is_some_and(|b| english_source_head(b).is_some())
    };
    np.iter().any(|w| is_name_like(w) || head(w))
        || (0..norms.len()).any(|k| english_source_head_phrase(&norms[k..]).is_some())
}

/// "said Miriam Castell, the authority's chief executive," — keep the apposition.
fn extend_apposition(words: &[Word], start: usize, end: usize) -> usize {
    if words.get(end).is_some_and(|w| w.norm == ",") && end > start && words[start].capital {
        let close = (end + 1..words.len().min(end + 8)).find(|&j| words[j].is_punct());
        if let Some(c) = close {
            let app = &words[end + 1..c];
            if app.len() <= 10
                && !app.iter().any(|w| VERBISH.contains(&w.norm))
                && app.iter().any(|w| english_source_head(w.norm).is_some())
            {
                return c;
            }
        }
    }
    end
}

/// Direct quotes in a sentence become assessments of the sentence's source, or of the source
/// of the sentence before in the same paragraph when the sentence names none.
fn quotes_of(
    doc: &Document,
    sentence: &Sentence,
    index: usize,
    found: &mut [Attribution],
    first_of_sentence: usize,
) {
    // Quotes are ordered by where they open; an inner quote opens a few characters after its
    // mark, so start a little before the sentence.
    let first = doc
        .quotes
        .partition_point(|q| q.outer.start + 64 < sentence.span.start);
    for q in doc.quotes[first..]
        .iter()
        .take_while(|q| q.outer.start < sentence.span.end)
        .filter(|q| q.inner.start >= sentence.span.start && q.inner.start < sentence.span.end)
    {
        let inner = (q.inner.start, q.inner.end);
        // Only this sentence's and the last sentence's constructions can hold it already.
        let recent = found.iter().rev().take_while(|a| a.sentence + 1 >= index);
        if inner.1 <= inner.0 || recent.clone().any(|a| a.assessments.contains(&inner)) {
            continue;
        }
        let target = (first_of_sentence..found.len())
            .filter(|&k| found[k].source.is_some() || found[k].implied_source)
            .min_by_key(|&k| found[k].cue.0.abs_diff(q.outer.start));
        let target = target.or_else(|| {
            let same_paragraph = !doc.text[..sentence.span.start]
                .iter()
                .rev()
                .take_while(|c| c.is_whitespace())
                .any(|c| *c == '\n');
            same_paragraph
                .then(|| {
                    found[..first_of_sentence]
                        .iter()
                        .rposition(|a| a.sentence + 1 == index && a.source.is_some())
                })
                .flatten()
        });
        if let Some(k) = target {
            let a = &mut found[k];
            // A quote is the assessment; content that covered it is not content any more.
            // Content that says more than the quote keeps its other clauses.
            let rest = |c: (usize, usize)| {
                sentence
                    .words
                    .iter()
                    .filter(|w| {
                        w.is_word()
                            && c.0 <= w.start
                            && w.end <= c.1
                            && !(q.outer.start <= w.start && w.end <= q.outer.end)
                    })
                    .count()
            };
            if a.content.is_some_and(|c| {
                (c.0 <= q.outer.start && q.outer.end <= c.1 + 1 && rest(c) < 4)
                    || (q.outer.start <= c.0 && c.1 <= q.outer.end)
            }) {
                a.content = None;
            }
            a.assessments.push(inner);
        }
    }
}
