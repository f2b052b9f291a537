//! Reporting cues and source heads: the Arabic and English word lists the detector uses.

use isnad::lexicon::{
    arabic_cue, arabic_cue_phrase, arabic_source_head, arabic_source_head_phrase, english_cue,
    english_source_head, english_source_head_phrase, english_title, fold, is_anaphoric_determiner,
    is_arabic_relational_adjective, is_non_source_subject, sizes, ArabicCue, Frame, Gender, Head,
    HeadKind, Number, Stance, Voice,
};

const M: Option<Gender> = Some(Gender::Masculine);
const F: Option<Gender> = Some(Gender::Feminine);
const SG: Option<Number> = Some(Number::Singular);
const DU: Option<Number> = Some(Number::Dual);
const PL: Option<Number> = Some(Number::Plural);

fn ar(word: &str) -> ArabicCue {
    arabic_cue(&fold(word)).unwrap_or_else(|| panic!("no Arabic cue for «{word}»"))
}

fn ar_phrase(words: &[&str]) -> Option<(usize, ArabicCue)> {
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    let refs: Vec<&str> = folded.iter().map(String::as_str).collect();
    arabic_cue_phrase(&refs)
}

fn en(text: &str) -> Option<(usize, isnad::lexicon::EnglishCue)> {
    let words: Vec<&str> = text.split(' ').collect();
    english_cue(&words)
}

fn ar_head(word: &str) -> Option<Head> {
    arabic_source_head(&fold(word))
}

#[test]
fn fold_removes_harakat_and_tatweel_and_unifies_letters() {
    assert_eq!(fold("وَزَعَمَتْ"), "وزعمت");
    assert_eq!(fold("وفقـاً"), "وفقا");
    assert_eq!(fold("أإآٱ"), "اااا");
    assert_eq!(fold("ادّعى"), "ادعي");
    assert_eq!(fold("دراسة"), "دراسه");
    assert_eq!(fold("يُعتقَد"), "يعتقد");
    assert_eq!(fold("The Ministry"), "the ministry");
}

#[test]
fn arabic_verbs_carry_clitic_length_and_subject_agreement() {
    // (word, lemma, stance, prefix_len, gender, number)
    let cases = [
        ("وزعمت", "زعم", Stance::Doubt, 1, F, SG),
        ("وقال", "قال", Stance::Neutral, 1, M, SG),
        ("قالت", "قال", Stance::Neutral, 0, F, SG),
        ("قالوا", "قال", Stance::Neutral, 0, M, PL),
        ("قالا", "قال", Stance::Neutral, 0, M, DU),
        ("قالتا", "قال", Stance::Neutral, 0, F, DU),
        ("يقول", "قال", Stance::Neutral, 0, M, SG),
        ("وتقول", "قال", Stance::Neutral, 1, F, SG),
        ("يقولون", "قال", Stance::Neutral, 0, M, PL),
        ("فأكد", "أكد", Stance::Assertive, 1, M, SG),
        ("وأكدت", "أكد", Stance::Assertive, 1, F, SG),
        ("يؤكد", "أكد", Stance::Assertive, 0, M, SG),
        ("وسلطت", "سلط", Stance::Neutral, 1, F, SG),
        ("ووصف", "وصف", Stance::Evaluative, 1, M, SG),
        ("وتساءلت", "تساءل", Stance::Question, 1, F, SG),
        ("وادّعت", "ادعى", Stance::Doubt, 1, F, SG),
        ("ونفى", "نفى", Stance::Denial, 1, M, SG),
        ("نفوا", "نفى", Stance::Denial, 0, M, PL),
        ("ورأت", "رأى", Stance::Evaluative, 1, F, SG),
        ("وحذّر", "حذر", Stance::Warning, 1, M, SG),
        ("وأظهرت", "أظهر", Stance::Finding, 1, F, SG),
        ("كشفت", "كشف", Stance::Finding, 0, F, SG),
        ("وخلصت", "خلص", Stance::Finding, 1, F, SG),
        ("واتهمت", "اتهم", Stance::Accusation, 1, F, SG),
        ("وأشارت", "أشار", Stance::Neutral, 1, F, SG),
        ("ويشير", "أشار", Stance::Neutral, 1, M, SG),
        ("ولفت", "لفت", Stance::Neutral, 1, M, SG),
        ("وشدّدت", "شدد", Stance::Assertive, 1, F, SG),
        ("وتوقع", "توقع", Stance::Belief, 1, M, SG),
        ("خشيت", "خشي", Stance::Belief, 0, F, SG),
        ("دعت", "دعا", Stance::Intention, 0, F, SG),
        ("ويدعو", "دعا", Stance::Intention, 1, M, SG),
        ("وغرّد", "غرد", Stance::Neutral, 1, M, SG),
        ("أعربت", "أعرب", Stance::Neutral, 0, F, SG),
    ];
    for (word, lemma, stance, prefix_len, gender, number) in cases {
        let cue = ar(word);
        assert_eq!(
            (
                cue.lemma,
                cue.stance,
                cue.prefix_len,
                cue.gender,
                cue.number
            ),
            (lemma, stance, prefix_len, gender, number),
            "«{word}»"
        );
        assert_eq!(cue.voice, Voice::Active, "«{word}»");
    }
}

#[test]
fn describe_and_content_frames() {
    assert_eq!(ar("ووصف").frame, Frame::Describe);
    assert_eq!(ar("واعتبرت").frame, Frame::Describe);
    assert_eq!(ar("وقال").frame, Frame::Content);
    assert_eq!(ar("وأكد").frame, Frame::Content);
    assert_eq!(ar("ونقل").frame, Frame::Any);
}

#[test]
fn arabic_forms_that_collide_lose_the_agreement_they_cannot_show() {
    // دعوا is both «they called» and «the two called».
    let cue = ar("دعوا");
    assert_eq!((cue.gender, cue.number), (M, None));
}

#[test]
fn attached_object_pronouns_on_accusation_and_description_verbs() {
    let cue = ar("اتهمه");
    assert_eq!((cue.lemma, cue.stance), ("اتهم", Stance::Accusation));
    let cue = ar("ووصفها");
    assert_eq!(
        (cue.lemma, cue.stance, cue.frame, cue.prefix_len),
        ("وصف", Stance::Evaluative, Frame::Describe, 1)
    );
    let cue = ar("اتهموه");
    assert_eq!((cue.lemma, cue.number), ("اتهم", PL));
    let cue = ar("واتهمتهم");
    assert_eq!((cue.lemma, cue.gender, cue.prefix_len), ("اتهم", F, 1));
    assert_eq!(ar("حذرهم").lemma, "حذر");
    assert_eq!(ar("يتهمها").lemma, "اتهم");
    // Only verbs that take an object get one: «قاله» is not listed, «نفسه» is not a verb.
    assert_eq!(arabic_cue(&fold("نفسه")), None);
}

#[test]
fn adverbial_participles_are_cues_with_their_agreement() {
    let cue = ar("قائلاً");
    assert_eq!((cue.lemma, cue.gender, cue.number), ("قال", M, SG));
    let cue = ar("مشيرةً");
    assert_eq!((cue.lemma, cue.gender), ("أشار", F));
    assert_eq!(ar("مضيفا").lemma, "أضاف");
    assert_eq!(ar("واصفاً").frame, Frame::Describe);
    // «مجدداً» means "again": not listed.
    assert_eq!(arabic_cue(&fold("مجدداً")), None);
}

#[test]
fn passive_and_impersonal_forms() {
    let cue = ar("يُعتقد");
    assert_eq!(
        (cue.lemma, cue.voice, cue.ambiguous_voice),
        ("اعتقد", Voice::Passive, true)
    );
    for word in ["يعتبر", "تُعتبر", "يُذكر", "يُزعم", "يُرجح", "يُتوقع"]
    {
        let cue = ar(word);
        assert_eq!(
            (cue.voice, cue.ambiguous_voice),
            (Voice::Passive, true),
            "«{word}»"
        );
    }
    assert_eq!(ar("تُعتبر").gender, F);
    // Unambiguous: the active forms are written differently.
    for word in ["يُقال", "قيل", "ويُقال", "يُشاع"] {
        let cue = ar(word);
        assert_eq!(
            (cue.voice, cue.ambiguous_voice),
            (Voice::Passive, false),
            "«{word}»"
        );
    }
    assert_eq!(ar("ويقال").prefix_len, 1);
    // The active forms next to them stay active.
    assert_eq!(ar("اعتقد").voice, Voice::Active);
    assert_eq!(ar("تعتقد").voice, Voice::Active);
    assert_eq!(ar("يقول").voice, Voice::Active);
}

#[test]
fn forms_that_are_also_nouns_need_a_complement() {
    for word in [
        "بين",
        "وبين",
        "ذكر",
        "نقل",
        "رأى",
        "رأي",
        "طالب",
        "كتب",
        "إدانة",
    ] {
        assert!(ar(word).needs_complement, "«{word}»");
    }
    assert_eq!(ar("بيّن").lemma, "بين");
    assert!(ar("وبيّن").needs_complement, "«وبيّن» folds to «وبين»");
    for word in ["بينت", "ذكرت", "نقلت", "قال", "أكد", "وزعمت", "اتهمه"]
    {
        assert!(!ar(word).needs_complement, "«{word}»");
    }
}

#[test]
fn words_that_only_look_like_verb_forms_are_not_cues() {
    for word in [
        "ردّاً",
        "نقلاً",
        "سعياً",
        "نفياً",
        "الوزارة",
        "بيانات",
        "فحسب",
        "وقع",
        "نفسه",
    ] {
        assert_eq!(arabic_cue(&fold(word)), None, "«{word}»");
    }
}

#[test]
fn arabic_phrase_cues() {
    let (n, cue) = ar_phrase(&["بحسب", "الدراسة"]).unwrap_or_else(|| panic!("بحسب"));
    assert_eq!((n, cue.lemma, cue.prefix_len), (1, "بحسب", 0));
    let (n, cue) = ar_phrase(&["وبحسب", "التقرير"]).unwrap_or_else(|| panic!("وبحسب"));
    assert_eq!((n, cue.lemma, cue.prefix_len), (1, "بحسب", 1));
    let (n, cue) = ar_phrase(&["حسب", "مصادر"]).unwrap_or_else(|| panic!("حسب"));
    assert_eq!((n, cue.lemma), (1, "حسب"));
    // «لـ» written apart: the tatweel folds away and «ل» is its own word.
    let (n, cue) = ar_phrase(&["وفقاً", "لـ", "تقرير"]).unwrap_or_else(|| panic!("وفقاً لـ"));
    assert_eq!((n, cue.lemma, cue.stance), (2, "وفقا لـ", Stance::Neutral));
    // «ل» attached to the source: one word, and the head lookup strips the ل.
    let (n, cue) = ar_phrase(&["وفقا", "لتقرير"]).unwrap_or_else(|| panic!("وفقا لتقرير"));
    assert_eq!((n, cue.lemma), (1, "وفقا لـ"));
    assert_eq!(
        ar_head("لتقرير").map(|h| (h.kind, h.prefix_len)),
        Some((HeadKind::Document, 1))
    );
    let (n, cue) = ar_phrase(&["ووفقاً", "للبنك"]).unwrap_or_else(|| panic!("ووفقاً"));
    assert_eq!((n, cue.prefix_len), (1, 1));
    assert_eq!(ar_phrase(&["وفقا", "الخطة"]).map(|(n, _)| n), None);
    let (n, cue) = ar_phrase(&["طبقاً", "لـ", "بيان"]).unwrap_or_else(|| panic!("طبقاً"));
    assert_eq!((n, cue.lemma), (2, "طبقا لـ"));
    let (n, cue) = ar_phrase(&["نقلاً", "عن", "مصادر"]).unwrap_or_else(|| panic!("نقلاً عن"));
    assert_eq!((n, cue.lemma), (2, "نقلا عن"));
    let (n, _) = ar_phrase(&["على", "حد", "قول", "الوزير"]).unwrap_or_else(|| panic!("على حد"));
    assert_eq!(n, 3);
    let (n, _) = ar_phrase(&["كما", "جاء", "في", "التقرير"]).unwrap_or_else(|| panic!("كما"));
    assert_eq!(n, 3);
    let (n, _) = ar_phrase(&["استناداً", "إلى", "بيانات"]).unwrap_or_else(|| panic!("استنادا"));
    assert_eq!(n, 2);
    assert_eq!(ar_phrase(&["على", "الطاولة"]).map(|(n, _)| n), None);
    assert_eq!(ar_phrase(&["فحسب"]).map(|(n, _)| n), None);
}

#[test]
fn arabic_verbs_with_their_preposition() {
    let (n, cue) = ar_phrase(&["وأشارت", "إلى", "أن"]).unwrap_or_else(|| panic!("أشارت إلى"));
    assert_eq!((n, cue.lemma, cue.gender), (2, "أشار", F));
    let (n, cue) = ar_phrase(&["وأشار", "الوزير", "إلى"]).unwrap_or_else(|| panic!("أشار"));
    assert_eq!((n, cue.lemma), (1, "أشار"));
    let (n, cue) = ar_phrase(&["وكشف", "عن"]).unwrap_or_else(|| panic!("كشف عن"));
    assert_eq!((n, cue.lemma), (2, "كشف"));
    // «سلّط X الضوء على»: the verb alone; the caller looks for «الضوء».
    let (n, cue) = ar_phrase(&["وسلطت", "الدراسة", "الضوء"]).unwrap_or_else(|| panic!("سلط"));
    assert_eq!((n, cue.lemma), (1, "سلط"));
    let (n, cue) = ar_phrase(&["وقالت", "الوزارة"]).unwrap_or_else(|| panic!("قالت"));
    assert_eq!((n, cue.lemma, cue.prefix_len), (1, "قال", 1));
}

#[test]
fn every_arabic_verb_in_the_brief_is_listed() {
    let lemmas = [
        "قال",
        "أكد",
        "أضاف",
        "أوضح",
        "أشار",
        "ذكر",
        "أعلن",
        "كشف",
        "زعم",
        "ادعى",
        "وصف",
        "اعتبر",
        "رأى",
        "حذر",
        "نفى",
        "اتهم",
        "تساءل",
        "نقل",
        "صرح",
        "لفت",
        "شدد",
        "بين",
        "أفاد",
        "سلط",
        "أبلغ",
        "نوه",
        "أقر",
        "اعترف",
        "رجح",
        "توقع",
        "قدر",
        "أظهر",
        "وجد",
        "خلص",
        "استنتج",
        "دعا",
        "طالب",
        "انتقد",
        "أدان",
        "رحب",
        "هدد",
        "لاحظ",
        "تابع",
        "استطرد",
        "أردف",
        "أورد",
        "رفض",
        "شكك",
        "نشر",
        "كتب",
        "غرد",
        "روى",
        "أفصح",
        "ألمح",
        "نبه",
        "جزم",
        "أعرب",
    ];
    for lemma in lemmas {
        assert_eq!(ar(lemma).lemma, lemma, "«{lemma}»");
    }
    // and their feminine perfects
    for (form, lemma) in [
        ("أفادت", "أفاد"),
        ("ادعت", "ادعى"),
        ("قالت", "قال"),
        ("بينت", "بين"),
        ("أوردت", "أورد"),
        ("أكدت", "أكد"),
    ] {
        assert_eq!(ar(form).lemma, lemma, "«{form}»");
    }
}

#[test]
fn english_cues_in_all_their_forms() {
    let cases = [
        ("said", "say", Stance::Neutral, Frame::Content),
        ("says", "say", Stance::Neutral, Frame::Content),
        ("saying", "say", Stance::Neutral, Frame::Content),
        ("told", "tell", Stance::Neutral, Frame::Content),
        ("stated", "state", Stance::Neutral, Frame::Content),
        ("added", "add", Stance::Neutral, Frame::Content),
        ("described", "describe", Stance::Evaluative, Frame::Describe),
        ("called", "call", Stance::Evaluative, Frame::Describe),
        ("labelled", "label", Stance::Evaluative, Frame::Describe),
        ("claimed", "claim", Stance::Doubt, Frame::Content),
        ("alleged", "allege", Stance::Doubt, Frame::Content),
        ("argued", "argue", Stance::Assertive, Frame::Content),
        ("emphasised", "emphasize", Stance::Assertive, Frame::Content),
        ("warned", "warn", Stance::Warning, Frame::Content),
        ("denied", "deny", Stance::Denial, Frame::Content),
        ("accused", "accuse", Stance::Accusation, Frame::Any),
        ("estimated", "estimate", Stance::Finding, Frame::Content),
        ("reported", "report", Stance::Neutral, Frame::Content),
        ("found", "find", Stance::Finding, Frame::Content),
        ("shows", "show", Stance::Finding, Frame::Content),
        ("wrote", "write", Stance::Neutral, Frame::Content),
        ("tweeted", "tweet", Stance::Neutral, Frame::Any),
        ("questioned", "question", Stance::Question, Frame::Any),
        ("believes", "believe", Stance::Belief, Frame::Content),
        ("plans", "plan", Stance::Intention, Frame::Any),
        ("criticised", "criticize", Stance::Evaluative, Frame::Any),
    ];
    for (word, lemma, stance, frame) in cases {
        let (n, cue) = en(word).unwrap_or_else(|| panic!("no English cue for {word}"));
        assert_eq!(
            (n, cue.lemma, cue.stance, cue.frame, cue.voice),
            (1, lemma, stance, frame, Voice::Active),
            "{word}"
        );
    }
}

#[test]
fn english_phrases_and_particle_verbs() {
    let (n, cue) = en("according to the ministry").unwrap_or_else(|| panic!("according to"));
    assert_eq!((n, cue.lemma), (2, "according to"));
    assert_eq!(en("according"), None);
    let (n, cue) = en("cited by reuters").unwrap_or_else(|| panic!("cited by"));
    assert_eq!((n, cue.lemma), (2, "cite"));
    let (n, _) = en("in the words of one official").unwrap_or_else(|| panic!("in the words of"));
    assert_eq!(n, 4);
    let (n, cue) = en("pointed out that").unwrap_or_else(|| panic!("pointed out"));
    assert_eq!((n, cue.lemma), (2, "point out"));
    let (n, cue) = en("called for an inquiry").unwrap_or_else(|| panic!("called for"));
    assert_eq!(
        (n, cue.lemma, cue.stance),
        (2, "call for", Stance::Intention)
    );
    let (n, cue) = en("told reporters").unwrap_or_else(|| panic!("told"));
    assert_eq!((n, cue.lemma), (1, "tell"));
}

#[test]
fn english_passive_and_impersonal_reporting() {
    let cases = [
        ("it is believed that", 3, "believe"),
        ("it was said", 3, "say"),
        ("it's thought that", 2, "think"),
        ("is thought to have", 3, "think"),
        ("are believed to be", 3, "believe"),
        ("is reported to", 3, "report"),
        ("has been widely reported", 4, "report"),
        ("was described as reckless", 2, "describe"),
        ("reportedly", 1, "report"),
        ("allegedly", 1, "allege"),
        ("it emerged that", 2, "emerge"),
    ];
    for (text, n, lemma) in cases {
        let (got, cue) = en(text).unwrap_or_else(|| panic!("no cue for {text:?}"));
        assert_eq!(
            (got, cue.lemma, cue.voice),
            (n, lemma, Voice::Passive),
            "{text:?}"
        );
    }
    assert_eq!(
        en("was described as reckless").map(|(_, c)| c.frame),
        Some(Frame::Describe)
    );
    // Active perfect and pronoun subjects are not passives.
    assert_eq!(en("has said that"), None);
    assert_eq!(en("it said that"), None);
    assert_eq!(en("said that").map(|(_, c)| c.voice), Some(Voice::Active));
    // "was quoted as saying": the subject is the speaker.
    let (n, cue) = en("was quoted as saying").unwrap_or_else(|| panic!("quoted as saying"));
    assert_eq!((n, cue.lemma, cue.voice), (4, "quote", Voice::Active));
}

#[test]
fn english_forms_that_are_also_nouns_need_a_complement() {
    for word in [
        "reports", "claims", "shows", "found", "notes", "points", "finds", "states",
    ] {
        let (_, cue) = en(word).unwrap_or_else(|| panic!("{word}"));
        assert!(cue.needs_complement, "{word}");
    }
    for word in [
        "said",
        "told",
        "claimed",
        "warned",
        "denied",
        "accused",
        "described",
    ] {
        let (_, cue) = en(word).unwrap_or_else(|| panic!("{word}"));
        assert!(!cue.needs_complement, "{word}");
    }
    // After "is"/"was" the form is verbal.
    let (_, cue) = en("is expected to").unwrap_or_else(|| panic!("is expected to"));
    assert!(!cue.needs_complement);
}

#[test]
fn think_tank_is_a_head_not_a_cue() {
    assert_eq!(en("think tank"), None);
    assert_eq!(
        en("think that").map(|(n, c)| (n, c.lemma)),
        Some((1, "think"))
    );
    assert_eq!(
        english_source_head_phrase(&["think", "tank", "said"]).map(|(n, h)| (n, h.kind)),
        Some((2, HeadKind::Organisation))
    );
}

#[test]
fn every_english_verb_in_the_brief_is_listed() {
    let words = [
        "say",
        "says",
        "said",
        "saying",
        "tell",
        "told",
        "state",
        "add",
        "claim",
        "allege",
        "argue",
        "insist",
        "stress",
        "emphasize",
        "emphasise",
        "note",
        "explain",
        "announce",
        "confirm",
        "deny",
        "reject",
        "accuse",
        "warn",
        "caution",
        "estimate",
        "report",
        "find",
        "found",
        "show",
        "shows",
        "conclude",
        "suggest",
        "believe",
        "think",
        "predict",
        "expect",
        "acknowledge",
        "admit",
        "concede",
        "maintain",
        "contend",
        "assert",
        "declare",
        "describe",
        "call",
        "label",
        "dub",
        "brand",
        "criticize",
        "praise",
        "question",
        "ask",
        "wonder",
        "write",
        "wrote",
        "tweet",
        "tweeted",
        "post",
        "recall",
        "reveal",
        "disclose",
        "testify",
        "aim",
        "plan",
        "hope",
        "fear",
        "worry",
    ];
    for word in words {
        assert!(en(word).is_some(), "{word}");
    }
}

#[test]
fn arabic_source_heads() {
    let cases = [
        ("مركز", HeadKind::Organisation, M, SG, 0),
        ("المركز", HeadKind::Organisation, M, SG, 0),
        ("لمركز", HeadKind::Organisation, M, SG, 1),
        ("وزير", HeadKind::Person, M, SG, 0),
        ("وزيرة", HeadKind::Person, F, SG, 0),
        ("الوزارة", HeadKind::Organisation, F, SG, 0),
        ("والوزارة", HeadKind::Organisation, F, SG, 1),
        ("بالوزارة", HeadKind::Organisation, F, SG, 1),
        ("للوزارة", HeadKind::Organisation, F, SG, 1),
        ("وللوزارة", HeadKind::Organisation, F, SG, 2),
        ("دراسة", HeadKind::Document, F, SG, 0),
        ("ودراسة", HeadKind::Document, F, SG, 1),
        ("مصادر", HeadKind::Anonymous, F, PL, 0),
        ("مسؤولون", HeadKind::Anonymous, M, PL, 0),
        ("الرئيس", HeadKind::Person, M, SG, 0),
        ("رئيس", HeadKind::Person, M, SG, 0),
        ("المتحدث", HeadKind::Person, M, SG, 0),
        ("الناطقة", HeadKind::Person, F, SG, 0),
        ("صحيفة", HeadKind::Media, F, SG, 0),
        ("الحكومة", HeadKind::Organisation, F, SG, 0),
        ("وكالة", HeadKind::Organisation, F, SG, 0),
        ("ووكالة", HeadKind::Organisation, F, SG, 1),
        ("بيان", HeadKind::Document, M, SG, 0),
        ("هي", HeadKind::Pronoun, F, SG, 0),
        ("وهو", HeadKind::Pronoun, M, SG, 1),
    ];
    for (word, kind, gender, number, prefix_len) in cases {
        let head = ar_head(word).unwrap_or_else(|| panic!("no head for «{word}»"));
        assert_eq!(
            head,
            Head {
                kind,
                gender,
                number,
                prefix_len
            },
            "«{word}»"
        );
    }
    // Not heads: a place, a preposition with a pronoun, a bare data noun.
    for word in ["للشرق", "بهم", "لهم", "الأرقام", "لبنان", "الطاولة"]
    {
        assert_eq!(ar_head(word), None, "«{word}»");
    }
    // Data nouns head a source in a construct: «أرقام البنك الدولي».
    assert_eq!(ar_head("أرقام").map(|h| h.kind), Some(HeadKind::Document));
}

#[test]
fn arabic_multi_word_heads() {
    let phrase = |words: &[&str]| {
        let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
        let refs: Vec<&str> = folded.iter().map(String::as_str).collect();
        arabic_source_head_phrase(&refs).map(|(n, h)| (n, h.kind, h.prefix_len))
    };
    assert_eq!(
        phrase(&["الأمم", "المتحدة", "إن"]),
        Some((2, HeadKind::Organisation, 0))
    );
    assert_eq!(
        phrase(&["وللأمم", "المتحدة"]),
        Some((2, HeadKind::Organisation, 2))
    );
    assert_eq!(phrase(&["الأمين", "العام"]), Some((2, HeadKind::Person, 0)));
    assert_eq!(
        phrase(&["مصادر", "مطلعة"]),
        Some((2, HeadKind::Anonymous, 0))
    );
    assert_eq!(phrase(&["وزير", "المالية"]), Some((1, HeadKind::Person, 0)));
    assert_eq!(phrase(&["الطاولة"]), None);
}

#[test]
fn english_source_heads() {
    let cases = [
        ("ministry", HeadKind::Organisation, SG),
        ("minister", HeadKind::Person, SG),
        ("report", HeadKind::Document, SG),
        ("sources", HeadKind::Anonymous, PL),
        ("official", HeadKind::Person, SG),
        ("officials", HeadKind::Anonymous, PL),
        ("newspaper", HeadKind::Media, SG),
        ("she", HeadKind::Pronoun, SG),
    ];
    for (word, kind, number) in cases {
        let head = english_source_head(word).unwrap_or_else(|| panic!("no head for {word}"));
        assert_eq!(
            (head.kind, head.number, head.prefix_len),
            (kind, number, 0),
            "{word}"
        );
    }
    assert_eq!(english_source_head("spokeswoman").and_then(|h| h.gender), F);
    assert_eq!(english_source_head("table"), None);
    let phrase = |text: &str| {
        let words: Vec<&str> = text.split(' ').collect();
        english_source_head_phrase(&words).map(|(n, h)| (n, h.kind))
    };
    assert_eq!(phrase("think tank"), Some((2, HeadKind::Organisation)));
    assert_eq!(phrase("chief executive said"), Some((2, HeadKind::Person)));
    assert_eq!(phrase("world bank"), Some((2, HeadKind::Organisation)));
    assert_eq!(phrase("united nations"), Some((2, HeadKind::Organisation)));
    assert_eq!(
        phrase("a person familiar with the matter"),
        Some((3, HeadKind::Anonymous))
    );
    assert_eq!(phrase("chief of staff"), Some((1, HeadKind::Person)));
    assert_eq!(phrase("a"), None);
}

#[test]
fn subjects_that_are_never_sources() {
    for word in [
        "الأرقام",
        "الزيارة",
        "هذه",
        "وهذه",
        "الخطوة",
        "الأمر",
        "ذلك",
        "this",
        "which",
    ] {
        assert!(is_non_source_subject(&fold(word)), "{word}");
    }
    for word in ["الوزارة", "الدراسة", "أرقام", "ministry", "he"] {
        assert!(!is_non_source_subject(&fold(word)), "{word}");
    }
}

#[test]
fn anaphoric_determiners() {
    for word in ["ذات", "نفس", "هذه", "المذكور", "the", "same", "this"] {
        assert!(is_anaphoric_determiner(&fold(word)), "{word}");
    }
    for word in ["الدراسة", "مركز", "a", "report"] {
        assert!(!is_anaphoric_determiner(&fold(word)), "{word}");
    }
}

#[test]
fn arabic_relational_adjectives_in_both_genders() {
    for word in [
        "الروسي",
        "الروسية",
        "الأمريكي",
        "الأمريكية",
        "الكوري",
        "الشمالية",
        "الياباني",
        "الصيني",
        "الأوروبي",
        "الدولي",
        "الدولية",
        "الفرنسي",
        "البريطاني",
        "الإيراني",
        "السعودي",
        "المصري",
        "التركي",
        "الإسرائيلي",
        "الفلسطيني",
        "الأوكراني",
        "العربي",
        "الخليجي",
        "الأممي",
        "أمنية",
        "أمريكيون",
        "العام",
        "مطلعة",
    ] {
        assert!(is_arabic_relational_adjective(&fold(word)), "«{word}»");
    }
    for word in ["الوزارة", "قال", "الشرق"] {
        assert!(!is_arabic_relational_adjective(&fold(word)), "«{word}»");
    }
}

#[test]
fn english_titles() {
    for word in [
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Dr.",
        "Prof",
        "President",
        "Minister",
        "Senator",
        "Gen.",
        "Judge",
        "Chief",
    ] {
        assert!(english_title(word), "{word}");
    }
    for word in ["ministry", "said", "", "."] {
        assert!(!english_title(word), "{word:?}");
    }
}

#[test]
fn table_sizes_count_distinct_reachable_entries() {
    let s = sizes();
    assert!(s.arabic_cue_lemmas >= 80, "{s:?}");
    assert!(s.english_cue_lemmas >= 120, "{s:?}");
    assert!(s.arabic_heads >= 60, "{s:?}");
    assert!(s.english_heads >= 60, "{s:?}");
    assert!(s.arabic_relational_adjectives >= 40, "{s:?}");
    assert!(s.arabic_cue_forms > s.arabic_cue_lemmas * 5, "{s:?}");
    assert!(s.english_cue_forms >= s.english_cue_lemmas * 4, "{s:?}");
}
