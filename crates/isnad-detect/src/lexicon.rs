//! Reporting cues and source heads, in Arabic and English: the word lists the detector uses to
//! find who says what (ANNOTATION-GUIDE.md, "Cues" and "Source").
//!
//! Every lookup takes tokens already normalised for matching, as [`fold`] does: Arabic harakat
//! and tatweel removed, أ إ آ ٱ → ا, ى → ي, ة → ه, Latin lowercased. The Arabic tables are
//! written with their usual letters and folded once, when they are first used; English tables
//! are written in lowercase. Lookups are hash lookups, with at most a few clitic strips.
//!
//! Where a form is also a common noun or preposition («بين» between / بيّن showed, «ذكر»,
//! "reports", "claims") the cue says so with `needs_complement`, and the caller keeps it only
//! before a complement (أن / إن / بأن / "that") or a quote.

use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A fast hash for the short keys of the lexicons (words of a few bytes): a word at a time,
/// in the manner of rustc's FxHash. Not resistant to chosen collisions, which is no concern for
/// tables built from the crate's own word lists.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut v = [0u8; 8];
            v.copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(v)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        self.0 = h;
    }
}

/// Builds [`FastHasher`]s.
pub type FastBuild = BuildHasherDefault<FastHasher>;

/// Hash maps and sets of the lexicons, with [`FastHasher`].
pub type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FastHasher>>;
pub type HashSet<K> = std::collections::HashSet<K, BuildHasherDefault<FastHasher>>;

/// What a cue says about the speaker's relation to what follows (ANNOTATION-GUIDE.md, "Cues").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stance {
    /// قال، أضاف، ذكر / said, added, noted.
    Neutral,
    /// أكد، شدد، اعترف / stressed, insisted, admitted.
    Assertive,
    /// زعم، ادعى / claimed, alleged.
    Doubt,
    /// وصف، اعتبر، انتقد / described, called, criticised.
    Evaluative,
    /// نفى، رفض / denied, rejected.
    Denial,
    /// اتهم / accused, blamed.
    Accusation,
    /// حذر، هدد / warned, threatened.
    Warning,
    /// تساءل، شكك / questioned, asked.
    Question,
    /// أظهر، كشف، وجد، قدر / showed, found, estimated.
    Finding,
    /// اعتقد، توقع، رجح / believed, expected.
    Belief,
    /// دعا، طالب، تعهد / called for, demanded, pledged, aimed.
    Intention,
}

impl Stance {
    /// The stance's name in annotations (`isnad.stance`).
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Neutral => "neutral",
            Stance::Assertive => "assertive",
            Stance::Doubt => "doubt",
            Stance::Evaluative => "evaluative",
            Stance::Denial => "denial",
            Stance::Accusation => "accusation",
            Stance::Warning => "warning",
            Stance::Question => "question",
            Stance::Finding => "finding",
            Stance::Belief => "belief",
            Stance::Intention => "intention",
        }
    }
}

/// Grammatical gender a cue shows, or a head takes in verb agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Masculine,
    Feminine,
}

/// Grammatical number a cue shows, or a head has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Number {
    Singular,
    Dual,
    Plural,
}

/// Whether a cue has a speaker: passive and impersonal reporting («يُعتقد», "it is believed")
/// makes a statement unattributed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    Active,
    Passive,
}

/// What follows a cue: the content (أن/إن/بأن/that), an "as"/«بأنه/بـ» assessment, a direct
/// quote, or nothing specific.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    Content,
    Describe,
    Any,
}

/// An Arabic reporting cue found in one token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArabicCue {
    /// The dictionary form (perfect, 3rd masculine singular) as usually written: hamza and ى
    /// kept, no harakat («أكد», «ادعى»); for phrases, the phrase («بحسب», «وفقا لـ»).
    pub lemma: &'static str,
    pub stance: Stance,
    pub frame: Frame,
    /// Chars of attached conjunction stripped from the front (و or ف: 1; none: 0).
    pub prefix_len: usize,
    /// Subject agreement when the form shows it: قال (m sg), قالت (f sg), قالوا (m pl),
    /// قالا / قالتا (dual); imperfect يقول (m), تقول (f); None when forms collide.
    pub gender: Option<Gender>,
    pub number: Option<Number>,
    /// Passive or impersonal reporting (يُعتقد، تُعتبر، يُقال، قيل): not a sourced cue.
    pub voice: Voice,
    /// The folded form is also the active verb («يعتقد» he believes / يُعتقد it is believed):
    /// the caller decides by looking for a subject.
    pub ambiguous_voice: bool,
    /// The form is also a common noun or particle («بين», «ذكر», «نقل», «رأي»): a cue only
    /// when followed by أن / إن / بأن (or a quote).
    pub needs_complement: bool,
}

/// An English reporting cue at the start of a token sequence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnglishCue {
    /// The base form ("say", "describe"), or the phrase ("according to", "point out").
    pub lemma: &'static str,
    pub stance: Stance,
    pub frame: Frame,
    pub voice: Voice,
    /// The form is also a common noun ("reports", "claims", "shows"): a cue only when followed
    /// by "that" (or a quote).
    pub needs_complement: bool,
}

/// What a source noun phrase's head names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadKind {
    /// A role: الرئيس، وزير، المتحدث / minister, spokesman, analyst.
    Person,
    /// مركز، وزارة، الحكومة / ministry, agency, think tank.
    Organisation,
    /// دراسة، تقرير، بيان / study, report, survey.
    Document,
    /// مصادر، مسؤولون، خبراء / sources, officials, experts.
    Anonymous,
    /// هو، هي، هم / he, she, they, it.
    Pronoun,
    /// صحيفة، قناة، وكالة أنباء / newspaper, broadcaster, news agency.
    Media,
}

/// The head of a source noun phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Head {
    pub kind: HeadKind,
    /// The agreement the head takes from a verb (Arabic non-human plurals are feminine:
    /// «قالت مصادر»), or its natural gender in English ("spokeswoman"); None when open.
    pub gender: Option<Gender>,
    pub number: Option<Number>,
    /// Chars of an attached clitic prefix stripped (و ف ب ل ك; «للوزارة» counts its first ل).
    /// The article ال is not stripped: «الرئيس» and «رئيس» are both listed.
    pub prefix_len: usize,
}

/// Table sizes, counted from the built tables (distinct lemmas / distinct words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LexiconSizes {
    /// Distinct Arabic verb lemmas reachable through [`arabic_cue`].
    pub arabic_cue_lemmas: usize,
    /// Distinct folded Arabic cue forms (without the و/ف prefix).
    pub arabic_cue_forms: usize,
    /// Multi-word or particle Arabic cues ([`arabic_cue_phrase`]).
    pub arabic_cue_phrases: usize,
    /// Distinct English verb lemmas reachable through [`english_cue`].
    pub english_cue_lemmas: usize,
    /// Distinct English verb forms.
    pub english_cue_forms: usize,
    /// English multi-word cues, particle verbs and adverbs ("according to", "reportedly").
    pub english_cue_phrases: usize,
    /// Distinct Arabic head words (without ال).
    pub arabic_heads: usize,
    /// Distinct English single-word heads.
    pub english_heads: usize,
    /// English multi-word heads ("think tank").
    pub english_head_phrases: usize,
    /// Distinct Arabic relational adjective stems (each in 8 forms).
    pub arabic_relational_adjectives: usize,
}

/// The parts one after the other (what `format!` does, without its formatting machinery: the
/// word lists make thousands of these at start).
fn join(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        out.push_str(p);
    }
    out
}

/// The folding every Arabic table entry goes through, and that lookups expect of their input:
/// harakat (U+064B–U+0652, U+0670) and tatweel removed, أ إ آ ٱ → ا, ى → ي, ة → ه, and
/// everything lowercased.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0640}' => {}
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ى' => out.push('ي'),
            'ة' => out.push('ه'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Arabic cues
// ---------------------------------------------------------------------------------------------

/// How a perfect verb takes its subject suffixes.
#[derive(Clone, Copy)]
enum Perf {
    /// Sound, hollow and doubled verbs: قال قالت قالوا قالا قالتا.
    S,
    /// Final ى: نفى نفت نفوا نفيا نفتا.
    Y,
    /// Final ي with kasra: خشي خشيت خشوا خشيا خشيتا.
    K,
    /// Final ا: دعا دعت دعوا (dual too) دعتا.
    W,
}

const OBJ: u8 = 1;
const NC: u8 = 2;

struct ArVerb {
    lemma: &'static str,
    perf: Perf,
    /// 3rd masculine singular imperfect, or "" when it is too ambiguous to list.
    imperf: &'static str,
    /// Active participle stem used adverbially («قائلًا», «مضيفةً»), or "".
    part: &'static str,
    /// A preposition written as its own word that the verb takes («أشار إلى»), or "".
    prep: &'static str,
    stance: Stance,
    frame: Frame,
    /// OBJ: takes attached object pronouns (اتهمه، وصفها); NC: every form needs a complement.
    flags: u8,
}

#[allow(clippy::too_many_arguments)]
const fn av(
    lemma: &'static str,
    perf: Perf,
    imperf: &'static str,
    part: &'static str,
    prep: &'static str,
    stance: Stance,
    frame: Frame,
    flags: u8,
) -> ArVerb {
    ArVerb {
        lemma,
        perf,
        imperf,
        part,
        prep,
        stance,
        frame,
        flags,
    }
}

mod ar_data {
    use super::Frame::{Any, Content, Describe};
    use super::Perf::{K, S, W, Y};
    use super::Stance::*;
    use super::{av, ArVerb, NC, OBJ};

    pub(super) const VERBS: &[ArVerb] = &[
        // Neutral
        av("قال", S, "يقول", "قائل", "", Neutral, Content, 0),
        av("أضاف", S, "يضيف", "مضيف", "", Neutral, Content, 0),
        av("أوضح", S, "يوضح", "موضح", "", Neutral, Content, 0),
        av("أشار", S, "يشير", "مشير", "إلى", Neutral, Content, 0),
        av("ذكر", S, "يذكر", "", "", Neutral, Content, 0),
        av("أعلن", S, "يعلن", "معلن", "", Neutral, Content, 0),
        av("نقل", S, "ينقل", "ناقل", "عن", Neutral, Any, 0),
        av("صرح", S, "يصرح", "مصرح", "", Neutral, Content, 0),
        av("لفت", S, "يلفت", "لافت", "إلى", Neutral, Content, 0),
        av("بين", S, "يبين", "مبين", "", Neutral, Content, 0),
        av("أفاد", S, "يفيد", "", "", Neutral, Content, NC),
        av("أبلغ", S, "", "", "", Neutral, Content, OBJ),
        av("نوه", S, "ينوه", "منوه", "إلى", Neutral, Content, 0),
        av("تابع", S, "يتابع", "", "", Neutral, Any, NC),
        av("استطرد", S, "يستطرد", "مستطرد", "", Neutral, Any, 0),
        av("أردف", S, "يردف", "مردف", "", Neutral, Any, 0),
        av("أورد", S, "يورد", "", "", Neutral, Any, 0),
        av("نشر", S, "ينشر", "", "", Neutral, Any, NC),
        av("كتب", S, "يكتب", "", "", Neutral, Any, NC),
        av("غرد", S, "يغرد", "", "", Neutral, Any, 0),
        av("روى", Y, "يروي", "", "", Neutral, Any, 0),
        av("أفصح", S, "يفصح", "مفصح", "عن", Neutral, Content, 0),
        av("ألمح", S, "يلمح", "", "إلى", Neutral, Content, 0),
        av("أخبر", S, "يخبر", "", "", Neutral, Content, OBJ),
        av("علق", S, "يعلق", "معلق", "على", Neutral, Any, NC),
        av("رد", S, "يرد", "", "على", Neutral, Any, 0),
        av("أجاب", S, "يجيب", "مجيب", "", Neutral, Any, 0),
        av("شرح", S, "يشرح", "شارح", "", Neutral, Content, 0),
        av("أبدى", Y, "يبدي", "مبدي", "", Neutral, Any, 0),
        av("أعرب", S, "يعرب", "معرب", "عن", Neutral, Any, 0),
        av("تحدث", S, "يتحدث", "", "عن", Neutral, Any, 0),
        av("لاحظ", S, "يلاحظ", "ملاحظ", "", Neutral, Content, 0),
        av("سلط", S, "يسلط", "مسلط", "", Neutral, Any, 0),
        av("تطرق", S, "يتطرق", "متطرق", "إلى", Neutral, Any, 0),
        av("استعرض", S, "يستعرض", "مستعرض", "", Neutral, Any, 0),
        av("أدلى", Y, "يدلي", "", "", Neutral, Any, 0),
        av("فسر", S, "يفسر", "مفسر", "", Neutral, Content, 0),
        av("عزا", W, "يعزو", "", "", Neutral, Any, 0),
        av("استدرك", S, "يستدرك", "مستدرك", "", Neutral, Any, 0),
        av("برر", S, "يبرر", "", "", Neutral, Any, 0),
        // Assertive
        av("أكد", S, "يؤكد", "مؤكد", "على", Assertive, Content, 0),
        av("شدد", S, "يشدد", "مشدد", "على", Assertive, Content, 0),
        av("جزم", S, "يجزم", "جازم", "", Assertive, Content, 0),
        av("أقر", S, "يقر", "", "", Assertive, Content, NC),
        av("اعترف", S, "يعترف", "معترف", "", Assertive, Content, NC),
        av("أصر", S, "يصر", "", "على", Assertive, Content, 0),
        av("أبرز", S, "يبرز", "مبرز", "", Assertive, Content, 0),
        av("جدد", S, "يجدد", "", "", Assertive, Any, NC),
        av("طمأن", S, "يطمئن", "", "", Assertive, Content, OBJ),
        // Doubt
        av("زعم", S, "يزعم", "زاعم", "", Doubt, Content, 0),
        av("ادعى", Y, "يدعي", "", "", Doubt, Content, 0),
        av("تذرع", S, "يتذرع", "متذرع", "", Doubt, Any, 0),
        av("روج", S, "يروج", "مروج", "", Doubt, Any, 0),
        // Evaluative
        av("وصف", S, "يصف", "واصف", "", Evaluative, Describe, OBJ),
        av("اعتبر", S, "يعتبر", "معتبر", "", Evaluative, Describe, OBJ),
        av("رأى", Y, "يرى", "", "", Evaluative, Content, 0),
        av("انتقد", S, "ينتقد", "منتقد", "", Evaluative, Any, OBJ),
        av("أدان", S, "يدين", "", "", Evaluative, Any, OBJ),
        av("رحب", S, "يرحب", "مرحب", "", Evaluative, Any, 0),
        av("أشاد", S, "يشيد", "مشيد", "", Evaluative, Any, 0),
        av("ندد", S, "يندد", "مندد", "", Evaluative, Any, 0),
        av("استنكر", S, "يستنكر", "مستنكر", "", Evaluative, Any, 0),
        av("شجب", S, "يشجب", "", "", Evaluative, Any, 0),
        av("استهجن", S, "يستهجن", "مستهجن", "", Evaluative, Any, 0),
        av("أثنى", Y, "يثني", "مثني", "على", Evaluative, Any, 0),
        av("امتدح", S, "يمتدح", "ممتدح", "", Evaluative, Any, OBJ),
        av("هاجم", S, "يهاجم", "", "", Evaluative, Any, OBJ | NC),
        av("سخر", S, "يسخر", "ساخر", "من", Evaluative, Any, 0),
        av("نعت", S, "ينعت", "ناعت", "", Evaluative, Describe, OBJ),
        av("استغرب", S, "يستغرب", "", "", Evaluative, Any, 0),
        av("ثمن", S, "يثمن", "مثمن", "", Evaluative, Any, 0),
        // Denial
        av("نفى", Y, "ينفي", "نافي", "", Denial, Content, 0),
        av("رفض", S, "يرفض", "رافض", "", Denial, Any, 0),
        av("كذب", S, "يكذب", "", "", Denial, Any, 0),
        av("فند", S, "يفند", "", "", Denial, Any, 0),
        av("دحض", S, "يدحض", "", "", Denial, Any, 0),
        av("استبعد", S, "يستبعد", "", "", Denial, Content, 0),
        av("أنكر", S, "ينكر", "", "", Denial, Content, 0),
        // Accusation
        av("اتهم", S, "يتهم", "", "", Accusation, Any, OBJ),
        av("حمل", S, "يحمل", "", "", Accusation, Any, OBJ | NC),
        av("لام", S, "يلوم", "", "", Accusation, Any, OBJ),
        // Warning
        av("حذر", S, "يحذر", "محذر", "من", Warning, Content, OBJ),
        av("هدد", S, "يهدد", "", "", Warning, Any, OBJ),
        av("نبه", S, "ينبه", "", "إلى", Warning, Content, OBJ),
        av("أنذر", S, "ينذر", "", "", Warning, Any, OBJ),
        av("توعد", S, "يتوعد", "متوعد", "", Warning, Any, OBJ),
        // Question
        av("تساءل", S, "يتساءل", "متسائل", "عن", Question, Any, 0),
        av("شكك", S, "يشكك", "مشكك", "في", Question, Any, 0),
        av("سأل", S, "يسأل", "", "", Question, Any, OBJ | NC),
        av("استفسر", S, "يستفسر", "مستفسر", "عن", Question, Any, 0),
        // Finding
        av("كشف", S, "يكشف", "كاشف", "عن", Finding, Content, 0),
        av("أظهر", S, "يظهر", "", "", Finding, Content, 0),
        av("وجد", S, "يجد", "", "", Finding, Content, NC),
        av("خلص", S, "يخلص", "", "إلى", Finding, Content, 0),
        av("استنتج", S, "يستنتج", "مستنتج", "", Finding, Content, 0),
        av("رصد", S, "يرصد", "راصد", "", Finding, Any, 0),
        av("قدر", S, "يقدر", "", "", Finding, Content, 0),
        av("أحصى", Y, "يحصي", "", "", Finding, Any, 0),
        av("وثق", S, "يوثق", "", "", Finding, Any, NC),
        av("أثبت", S, "يثبت", "", "", Finding, Content, 0),
        av("توصل", S, "يتوصل", "", "إلى", Finding, Content, NC),
        // Belief
        av("اعتقد", S, "يعتقد", "", "", Belief, Content, 0),
        av("رجح", S, "يرجح", "مرجح", "", Belief, Content, 0),
        av("توقع", S, "يتوقع", "", "", Belief, Content, 0),
        av("ظن", S, "يظن", "", "", Belief, Content, 0),
        av("تنبأ", S, "يتنبأ", "", "", Belief, Content, 0),
        av("خشي", K, "يخشى", "", "", Belief, Content, 0),
        av("افترض", S, "يفترض", "", "", Belief, Content, 0),
        av("تكهن", S, "يتكهن", "", "", Belief, Content, 0),
        // Intention
        av("أمل", S, "يأمل", "آمل", "", Intention, Content, 0),
        av("تعهد", S, "يتعهد", "متعهد", "", Intention, Content, 0),
        av("دعا", W, "يدعو", "داعي", "إلى", Intention, Any, OBJ),
        av("طالب", S, "يطالب", "مطالب", "", Intention, Any, OBJ),
        av("حث", S, "يحث", "", "", Intention, Any, OBJ),
        av("ناشد", S, "يناشد", "مناشد", "", Intention, Any, OBJ),
        av("اقترح", S, "يقترح", "", "", Intention, Any, 0),
        av("اعتزم", S, "يعتزم", "", "", Intention, Any, 0),
        av("نوى", Y, "ينوي", "", "", Intention, Any, 0),
        av("خطط", S, "يخطط", "", "", Intention, Any, 0),
        av("سعى", Y, "يسعى", "ساعي", "إلى", Intention, Any, 0),
        av("هدف", S, "يهدف", "", "إلى", Intention, Any, 0),
        av("تمنى", Y, "يتمنى", "متمني", "", Intention, Any, 0),
        av("أوصى", Y, "يوصي", "", "", Intention, Any, 0),
        av("وعد", S, "", "", "", Intention, Any, OBJ),
    ];

    /// Passive or impersonal forms: (form, lemma, stance, frame, ambiguous with the active,
    /// feminine). They replace whatever the active table made of the same folded form.
    pub(super) const PASSIVES: &[(&str, &str, super::Stance, super::Frame, bool, bool)] = &[
        ("يعتقد", "اعتقد", Belief, Content, true, false),
        ("يعتبر", "اعتبر", Evaluative, Describe, true, false),
        ("تعتبر", "اعتبر", Evaluative, Describe, true, true),
        ("يقال", "قال", Neutral, Content, false, false),
        ("قيل", "قال", Neutral, Content, false, false),
        ("يذكر", "ذكر", Neutral, Content, true, false),
        ("يزعم", "زعم", Doubt, Content, true, false),
        ("يرجح", "رجح", Belief, Content, true, false),
        ("يتوقع", "توقع", Belief, Content, true, false),
        ("يقدر", "قدر", Finding, Content, true, false),
        ("تقدر", "قدر", Finding, Content, true, true),
        ("يفترض", "افترض", Belief, Content, true, false),
        ("يظن", "ظن", Belief, Content, true, false),
        ("يخشى", "خشي", Belief, Content, true, false),
        ("يؤمل", "أمل", Intention, Content, false, false),
        ("يشاع", "أشاع", Doubt, Content, false, false),
        ("أشيع", "أشاع", Doubt, Content, false, false),
        ("يشار", "أشار", Neutral, Content, false, false),
        ("يبدو", "بدا", Belief, Content, false, false),
        ("بدا", "بدا", Belief, Content, true, false),
        ("تبين", "تبين", Finding, Content, true, false),
        ("يتبين", "تبين", Finding, Content, true, false),
        ("اتضح", "اتضح", Finding, Content, false, false),
        ("يتضح", "اتضح", Finding, Content, false, false),
        ("يلاحظ", "لاحظ", Neutral, Content, true, false),
        ("يعد", "عد", Evaluative, Describe, true, false),
        ("تعد", "عد", Evaluative, Describe, true, true),
        ("يفهم", "فهم", Belief, Content, true, false),
        ("يظهر", "أظهر", Finding, Content, true, false),
        ("يروى", "روى", Neutral, Any, true, false),
    ];

    /// Forms that are also common nouns, adjectives or particles: a cue only before a
    /// complement («بين» between, «ذكر» mention, «رأي» opinion, «إدانة» condemnation ...).
    pub(super) const NEEDS_COMPLEMENT: &str =
        "بين ذكر ذكرا نقل رأى تابع طالب طالبا طالبه رفض رفضا نفى قدر قدرا لفت لافتة أبرز يبرز \
         مؤكدة معتبرة مضيفة ناقلة ملاحظة رد يرد ترد شرح كذب ظن ظنا أمل أمله آملة هدف هدفا وعد \
         وعدا وعده حث سعى نعت رصد رصدا ساخرة داعية مطالبة إدانة إدانته توقعا وصفا وصفة وصفه \
         حمله تحدث ثمن ثمنا اثنى تبرز مرحبا مرجحة معلنة أملا";

    /// Forms the generator would make that are almost always something else: «ردًّا على»,
    /// «نقلًا عن» (a phrase, see `arabic_cue_phrase`), «نفيًا», «سعيًا إلى».
    pub(super) const EXCLUDED: &str = "ردا نقلا نفيا سعيا";
}

#[derive(Clone)]
struct ArEntry {
    lemma: &'static str,
    stance: Stance,
    frame: Frame,
    gender: Option<Gender>,
    number: Option<Number>,
    voice: Voice,
    ambiguous_voice: bool,
    needs_complement: bool,
    /// The folded separate-word preposition the verb takes, or "".
    prep: String,
}

impl ArEntry {
    fn cue(&self, prefix_len: usize) -> ArabicCue {
        ArabicCue {
            lemma: self.lemma,
            stance: self.stance,
            frame: self.frame,
            prefix_len,
            gender: self.gender,
            number: self.number,
            voice: self.voice,
            ambiguous_voice: self.ambiguous_voice,
            needs_complement: self.needs_complement,
        }
    }
}

type Agreement = (Option<Gender>, Option<Number>);
const MS: Agreement = (Some(Gender::Masculine), Some(Number::Singular));
const FS: Agreement = (Some(Gender::Feminine), Some(Number::Singular));
const MP: Agreement = (Some(Gender::Masculine), Some(Number::Plural));
const MD: Agreement = (Some(Gender::Masculine), Some(Number::Dual));
const FD: Agreement = (Some(Gender::Feminine), Some(Number::Dual));

/// The perfect forms for هو / هي / هم / هما (m) / هما (f).
fn perfect_forms(ms: &str, perf: Perf) -> Vec<(String, Agreement)> {
    let stem = |last: char| ms.strip_suffix(last).filter(|b| !b.is_empty());
    match perf {
        Perf::Y => match stem('ي') {
            Some(b) => vec![
                (ms.to_string(), MS),
                (join(&[b, "ت"]), FS),
                (join(&[b, "وا"]), MP),
                (join(&[b, "يا"]), MD),
                (join(&[b, "تا"]), FD),
            ],
            None => perfect_forms(ms, Perf::S),
        },
        Perf::K => match stem('ي') {
            Some(b) => vec![
                (ms.to_string(), MS),
                (join(&[b, "يت"]), FS),
                (join(&[b, "وا"]), MP),
                (join(&[b, "يا"]), MD),
                (join(&[b, "يتا"]), FD),
            ],
            None => perfect_forms(ms, Perf::S),
        },
        Perf::W => match stem('ا') {
            Some(b) => vec![
                (ms.to_string(), MS),
                (join(&[b, "ت"]), FS),
                (join(&[b, "وا"]), MP),
                (join(&[b, "وا"]), MD),
                (join(&[b, "تا"]), FD),
            ],
            None => perfect_forms(ms, Perf::S),
        },
        Perf::S => vec![
            (ms.to_string(), MS),
            (join(&[ms, "ت"]), FS),
            (join(&[ms, "وا"]), MP),
            (join(&[ms, "ا"]), MD),
            (join(&[ms, "تا"]), FD),
        ],
    }
}

/// The imperfect forms for هو / هي / هم / هما (m) / هما (f), from the folded 3ms form.
fn imperfect_forms(m: &str) -> Vec<(String, Agreement)> {
    let Some(rest) = m.strip_prefix('ي') else {
        return Vec::new();
    };
    let plural = match m.strip_suffix(['ي', 'و']) {
        Some(b) => join(&[b, "ون"]),
        None => join(&[m, "ون"]),
    };
    vec![
        (m.to_string(), MS),
        (join(&["ت", rest]), FS),
        (plural, MP),
        (join(&[m, "ان"]), MD),
        (join(&["ت", rest, "ان"]), FD),
    ]
}

/// Adverbial participles: قائلًا، قائلةً، قائلين.
fn participle_forms(stem: &str) -> Vec<(String, Agreement)> {
    vec![
        (join(&[stem, "ا"]), MS),
        (join(&[stem, "ه"]), FS),
        (join(&[stem, "ين"]), MP),
    ]
}

/// Attached object pronouns: اتهمه، وصفها، اتهموه (the alif of وا drops).
const OBJECT_SUFFIXES: &[&str] = &["ه", "ها", "هم", "هما", "هن"];

struct ArCues {
    forms: HashMap<String, ArEntry>,
    lemmas: usize,
}

fn insert_merge(map: &mut HashMap<String, ArEntry>, key: String, entry: ArEntry) {
    match map.get_mut(&key) {
        Some(old) if old.lemma == entry.lemma => {
            if old.gender != entry.gender {
                old.gender = None;
            }
            if old.number != entry.number {
                old.number = None;
            }
            old.needs_complement |= entry.needs_complement;
        }
        // Two lemmas fold to the same form: the first listed wins.
        Some(_) => {}
        None => {
            map.insert(key, entry);
        }
    }
}

fn ar_cues() -> &'static ArCues {
    static TABLE: OnceLock<ArCues> = OnceLock::new();
    TABLE.get_or_init(|| {
        // Sized for the ~2,600 forms: no rehash while building.
        let mut forms: HashMap<String, ArEntry> =
            HashMap::with_capacity_and_hasher(4096, Default::default());
        let mut objects: Vec<(String, ArEntry)> = Vec::new();
        for v in ar_data::VERBS {
            let base = ArEntry {
                lemma: v.lemma,
                stance: v.stance,
                frame: v.frame,
                gender: None,
                number: None,
                voice: Voice::Active,
                ambiguous_voice: false,
                needs_complement: v.flags & NC != 0,
                prep: fold(v.prep),
            };
            let mut finite = perfect_forms(&fold(v.lemma), v.perf);
            if !v.imperf.is_empty() {
                finite.extend(imperfect_forms(&fold(v.imperf)));
            }
            let participles = if v.part.is_empty() {
                Vec::new()
            } else {
                participle_forms(&fold(v.part))
            };
            for (form, (gender, number)) in finite.iter().chain(participles.iter()) {
                let entry = ArEntry {
                    gender: *gender,
                    number: *number,
                    ..base.clone()
                };
                insert_merge(&mut forms, form.clone(), entry);
            }
            if v.flags & OBJ != 0 {
                for (form, (gender, number)) in &finite {
                    let stem = form.strip_suffix("وا").map(|b| join(&[b, "و"]));
                    let stem = stem.as_deref().unwrap_or(form);
                    for suffix in OBJECT_SUFFIXES {
                        let entry = ArEntry {
                            gender: *gender,
                            number: *number,
                            ..base.clone()
                        };
                        objects.push((join(&[stem, *suffix]), entry));
                    }
                }
            }
        }
        // Object forms never displace a form in its own right.
        for (key, entry) in objects {
            forms.entry(key).or_insert(entry);
        }
        for &(form, lemma, stance, frame, ambiguous, feminine) in ar_data::PASSIVES {
            forms.insert(
                fold(form),
                ArEntry {
                    lemma,
                    stance,
                    frame,
                    gender: Some(if feminine {
                        Gender::Feminine
                    } else {
                        Gender::Masculine
                    }),
                    number: Some(Number::Singular),
                    voice: Voice::Passive,
                    ambiguous_voice: ambiguous,
                    needs_complement: false,
                    prep: String::new(),
                },
            );
        }
        for form in ar_data::EXCLUDED.split_whitespace() {
            forms.remove(&fold(form));
        }
        for form in ar_data::NEEDS_COMPLEMENT.split_whitespace() {
            if let Some(e) = forms.get_mut(&fold(form)) {
                e.needs_complement = true;
            }
        }
        let lemmas = forms
            .values()
            .map(|e| e.lemma)
            .collect::<HashSet<_>>()
            .len();
        ArCues { forms, lemmas }
    })
}

/// Splits an attached و or ف off a token that is long enough to hold a word after it.
fn strip_conjunction(word: &str) -> Option<&str> {
    word.strip_prefix(['و', 'ف'])
        .filter(|rest| rest.chars().count() >= 2)
}

fn arabic_entry(word: &str) -> Option<(&'static ArEntry, usize)> {
    let table = &ar_cues().forms;
    if let Some(e) = table.get(word) {
        return Some((e, 0));
    }
    let rest = strip_conjunction(word)?;
    table.get(rest).map(|e| (e, 1))
}

/// The Arabic reporting cue in one folded token: a reporting verb in any common person, with
/// an attached و/ف, attached object pronouns on verbs that take them (اتهمه، وصفها), the
/// adverbial participles (قائلًا، مضيفةً), and the passive / impersonal forms (يُعتقد، قيل).
pub fn arabic_cue(word: &str) -> Option<ArabicCue> {
    arabic_entry(word).map(|(e, prefix_len)| e.cue(prefix_len))
}

/// A phrase cue: (first word, following words, lemma). A following word "ل" stands for «لـ»
/// written apart; see [`arabic_cue_phrase`] for «ل» attached to the next word.
const AR_PHRASES: &[(&str, &[&str], &str)] = &[
    ("على", &["حد", "قول"], "على حد قول"),
    ("على", &["حد", "تعبير"], "على حد تعبير"),
    ("على", &["لسان"], "على لسان"),
    ("كما", &["جاء", "في"], "كما جاء في"),
    ("كما", &["ورد", "في"], "كما ورد في"),
    ("نقلا", &["عن"], "نقلا عن"),
    ("بناء", &["على"], "بناء على"),
    ("استنادا", &["إلى"], "استنادا إلى"),
    ("بحسب", &[], "بحسب"),
    ("حسب", &[], "حسب"),
    ("حسبما", &[], "حسبما"),
    ("بحسبما", &[], "بحسبما"),
    ("وفق", &[], "وفق"),
];

/// Cues that take «لـ», written apart or attached to the next word: وفقًا لـ، طبقًا لـ.
const AR_LAM_PHRASES: &[(&str, &str)] = &[
    ("وفقا", "وفقا لـ"),
    ("طبقا", "طبقا لـ"),
    ("استنادا", "استنادا لـ"),
    ("تبعا", "تبعا لـ"),
];

struct ArPhrases {
    /// First folded word → (folded following words, lemma), longest first.
    fixed: HashMap<String, Vec<(Vec<String>, &'static str)>>,
    lam: HashMap<String, &'static str>,
    /// Every token that can open a phrase: the first words, alone or after و.
    firsts: HashSet<String>,
}

fn ar_phrases() -> &'static ArPhrases {
    static TABLE: OnceLock<ArPhrases> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut fixed: HashMap<String, Vec<(Vec<String>, &'static str)>> = HashMap::default();
        for &(first, rest, lemma) in AR_PHRASES {
            fixed
                .entry(fold(first))
                .or_default()
                .push((rest.iter().map(|w| fold(w)).collect(), lemma));
        }
        for list in fixed.values_mut() {
            crate::sort::sort_by_key(list, |e| std::cmp::Reverse(e.0.len()));
        }
        let lam: HashMap<String, &'static str> = AR_LAM_PHRASES
            .iter()
            .map(|&(w, lemma)| (fold(w), lemma))
            .collect();
        let firsts = fixed
            .keys()
            .chain(lam.keys())
            .flat_map(|k| [k.clone(), join(&["و", k]), join(&["ف", k])])
            .collect();
        ArPhrases { fixed, lam, firsts }
    })
}

fn phrase_cue(lemma: &'static str, prefix_len: usize) -> ArabicCue {
    ArabicCue {
        lemma,
        stance: Stance::Neutral,
        frame: Frame::Any,
        prefix_len,
        gender: None,
        number: None,
        voice: Voice::Active,
        ambiguous_voice: false,
        needs_complement: false,
    }
}

/// Whether a folded token can open one of the phrases of [`arabic_cue_phrase`]: where it is
/// not and [`arabic_cue`] finds nothing, [`arabic_cue_phrase`] finds nothing either.
pub fn arabic_phrase_start(word: &str) -> bool {
    ar_phrases().firsts.contains(word)
}

/// The Arabic cue at the start of `words` (folded tokens), and how many words it takes:
/// - attribution phrases: بحسب، حسب، حسبما، وفق، نقلًا عن، على لسان، على حد قول/تعبير،
///   كما جاء/ورد في، بناءً على، استنادًا إلى؛
/// - «وفقًا لـ / طبقًا لـ / استنادًا لـ / تبعًا لـ»: 2 words when «لـ» stands apart, 1 when it is
///   attached to the next word («وفقا لتقرير»): the source lookup strips that ل
///   ([`arabic_source_head`] gives it `prefix_len` 1);
/// - a verb with the preposition it takes written after it («أشارت إلى»، «كشف عن»): 2 words;
/// - otherwise any [`arabic_cue`] verb alone: 1 word. «سلّط X الضوء على» matches the verb
///   only; the caller looks for «الضوء».
///
/// A leading و counts in `prefix_len` («وبحسب»), and ف before ب («فبحسب»); «فحسب» is "only".
pub fn arabic_cue_phrase(words: &[&str]) -> Option<(usize, ArabicCue)> {
    let first = *words.first()?;
    let phrases = ar_phrases();
    // «فبحسب»: ف before ب (alone, «فحسب» is "only").
    let rest = first
        .strip_prefix('و')
        .or_else(|| first.strip_prefix('ف').filter(|r| r.starts_with('ب')));
    let candidates = [(first, 0), (rest.unwrap_or(""), 1)];
    for (w, prefix_len) in candidates {
        if w.is_empty() {
            continue;
        }
        if let Some(list) = phrases.fixed.get(w) {
            for (rest, lemma) in list {
                let matches = rest.len() < words.len()
                    && rest.iter().zip(&words[1..]).all(|(a, b)| a.as_str() == *b);
                if matches {
                    return Some((1 + rest.len(), phrase_cue(lemma, prefix_len)));
                }
            }
        }
        if let Some(lemma) = phrases.lam.get(w) {
            match words.get(1) {
                Some(&"ل") => return Some((2, phrase_cue(lemma, prefix_len))),
                Some(next) if next.starts_with('ل') => {
                    return Some((1, phrase_cue(lemma, prefix_len)))
                }
                _ => {}
            }
        }
    }
    let (entry, prefix_len) = arabic_entry(first)?;
    let takes_prep = !entry.prep.is_empty() && words.get(1) == Some(&entry.prep.as_str());
    Some((if takes_prep { 2 } else { 1 }, entry.cue(prefix_len)))
}

// ---------------------------------------------------------------------------------------------
// English cues
// ---------------------------------------------------------------------------------------------

struct EnVerb {
    /// Groups of "base -s past -ing [participle]" separated by " | " (British spellings); the
    /// first word is the lemma.
    forms: &'static str,
    stance: Stance,
    frame: Frame,
    /// Every form needs "that" or a quote ("added 300 jobs", "ruled the country").
    nc: bool,
}

const fn ev(forms: &'static str, stance: Stance, frame: Frame, nc: bool) -> EnVerb {
    EnVerb {
        forms,
        stance,
        frame,
        nc,
    }
}

mod en_data {
    use super::Frame::{Any, Content, Describe};
    use super::Stance::*;
    use super::{ev, EnVerb};

    pub(super) const VERBS: &[EnVerb] = &[
        // Neutral
        ev("say says said saying", Neutral, Content, false),
        ev("tell tells told telling", Neutral, Content, false),
        ev("state states stated stating", Neutral, Content, false),
        ev("add adds added adding", Neutral, Content, true),
        ev("note notes noted noting", Neutral, Content, false),
        ev("explain explains explained explaining", Neutral, Content, false),
        ev("announce announces announced announcing", Neutral, Content, false),
        ev("report reports reported reporting", Neutral, Content, false),
        ev("write writes wrote writing written", Neutral, Content, false),
        ev("mention mentions mentioned mentioning", Neutral, Content, false),
        ev("observe observes observed observing", Neutral, Content, false),
        ev("remark remarks remarked remarking", Neutral, Content, false),
        ev("comment comments commented commenting", Neutral, Any, false),
        ev("respond responds responded responding", Neutral, Any, false),
        ev("reply replies replied replying", Neutral, Any, false),
        ev("answer answers answered answering", Neutral, Any, false),
        ev("testify testifies testified testifying", Neutral, Content, false),
        ev("inform informs informed informing", Neutral, Content, false),
        ev("brief briefs briefed briefing", Neutral, Any, false),
        ev("recount recounts recounted recounting", Neutral, Any, false),
        ev("recall recalls recalled recalling", Neutral, Content, false),
        ev("tweet tweets tweeted tweeting", Neutral, Any, false),
        ev("post posts posted posting", Neutral, Any, true),
        ev("publish publishes published publishing", Neutral, Any, true),
        ev("quote quotes quoted quoting", Neutral, Any, false),
        ev("cite cites cited citing", Neutral, Any, false),
        ev("speak speaks spoke speaking spoken", Neutral, Any, false),
        ev("point points pointed pointing", Neutral, Content, true),
        ev("relay relays relayed relaying", Neutral, Any, false),
        ev("convey conveys conveyed conveying", Neutral, Any, false),
        ev("clarify clarifies clarified clarifying", Neutral, Content, false),
        ev("retort retorts retorted retorting", Neutral, Any, false),
        ev("hint hints hinted hinting", Neutral, Content, false),
        ev("imply implies implied implying", Neutral, Content, false),
        ev("signal signals signaled signaling | signal signals signalled signalling", Neutral, Content, true),
        // Assertive
        ev("stress stresses stressed stressing", Assertive, Content, false),
        ev("emphasize emphasizes emphasized emphasizing | emphasise emphasises emphasised emphasising", Assertive, Content, false),
        ev("insist insists insisted insisting", Assertive, Content, false),
        ev("assert asserts asserted asserting", Assertive, Content, false),
        ev("affirm affirms affirmed affirming", Assertive, Content, false),
        ev("confirm confirms confirmed confirming", Assertive, Content, false),
        ev("maintain maintains maintained maintaining", Assertive, Content, true),
        ev("contend contends contended contending", Assertive, Content, false),
        ev("argue argues argued arguing", Assertive, Content, false),
        ev("declare declares declared declaring", Assertive, Content, false),
        ev("underline underlines underlined underlining", Assertive, Content, false),
        ev("underscore underscores underscored underscoring", Assertive, Content, false),
        ev("reiterate reiterates reiterated reiterating", Assertive, Content, false),
        ev("highlight highlights highlighted highlighting", Assertive, Content, false),
        ev("acknowledge acknowledges acknowledged acknowledging", Assertive, Content, false),
        ev("admit admits admitted admitting", Assertive, Content, false),
        ev("concede concedes conceded conceding", Assertive, Content, false),
        ev("confess confesses confessed confessing", Assertive, Content, false),
        ev("assure assures assured assuring", Assertive, Content, false),
        ev("proclaim proclaims proclaimed proclaiming", Assertive, Content, false),
        ev("swear swears swore swearing sworn", Assertive, Content, false),
        ev("attest attests attested attesting", Assertive, Content, false),
        // Doubt
        ev("claim claims claimed claiming", Doubt, Content, false),
        ev("allege alleges alleged alleging", Doubt, Content, false),
        ev("purport purports purported purporting", Doubt, Content, false),
        // Evaluative
        ev("describe describes described describing", Evaluative, Describe, false),
        ev("call calls called calling", Evaluative, Describe, false),
        ev("label labels labeled labeling | label labels labelled labelling", Evaluative, Describe, false),
        ev("dub dubs dubbed dubbing", Evaluative, Describe, false),
        ev("brand brands branded branding", Evaluative, Describe, false),
        ev("term terms termed terming", Evaluative, Describe, false),
        ev("characterize characterizes characterized characterizing | characterise characterises characterised characterising", Evaluative, Describe, false),
        ev("portray portrays portrayed portraying", Evaluative, Describe, false),
        ev("depict depicts depicted depicting", Evaluative, Describe, false),
        ev("hail hails hailed hailing", Evaluative, Describe, false),
        ev("dismiss dismisses dismissed dismissing", Evaluative, Describe, false),
        ev("consider considers considered considering", Evaluative, Describe, false),
        ev("deem deems deemed deeming", Evaluative, Describe, false),
        ev("regard regards regarded regarding", Evaluative, Describe, false),
        ev("view views viewed viewing", Evaluative, Describe, false),
        ev("praise praises praised praising", Evaluative, Any, false),
        ev("criticize criticizes criticized criticizing | criticise criticises criticised criticising", Evaluative, Any, false),
        ev("condemn condemns condemned condemning", Evaluative, Any, false),
        ev("denounce denounces denounced denouncing", Evaluative, Any, false),
        ev("slam slams slammed slamming", Evaluative, Any, false),
        ev("blast blasts blasted blasting", Evaluative, Any, false),
        ev("welcome welcomes welcomed welcoming", Evaluative, Any, false),
        ev("lambast lambasts lambasted lambasting | lambaste lambastes lambasted lambasting", Evaluative, Any, false),
        ev("decry decries decried decrying", Evaluative, Any, false),
        ev("laud lauds lauded lauding", Evaluative, Any, false),
        ev("applaud applauds applauded applauding", Evaluative, Any, false),
        ev("commend commends commended commending", Evaluative, Any, false),
        ev("lament laments lamented lamenting", Evaluative, Content, false),
        ev("complain complains complained complaining", Evaluative, Content, false),
        ev("regret regrets regretted regretting", Evaluative, Content, false),
        ev("rebuke rebukes rebuked rebuking", Evaluative, Any, false),
        ev("mock mocks mocked mocking", Evaluative, Any, false),
        ev("ridicule ridicules ridiculed ridiculing", Evaluative, Any, false),
        ev("deplore deplores deplored deploring", Evaluative, Any, false),
        ev("castigate castigates castigated castigating", Evaluative, Any, false),
        // Denial
        ev("deny denies denied denying", Denial, Content, false),
        ev("reject rejects rejected rejecting", Denial, Any, false),
        ev("refute refutes refuted refuting", Denial, Any, false),
        ev("rebut rebuts rebutted rebutting", Denial, Any, false),
        ev("dispute disputes disputed disputing", Denial, Any, false),
        ev("counter counters countered countering", Denial, Content, true),
        ev("contradict contradicts contradicted contradicting", Denial, Any, false),
        ev("disavow disavows disavowed disavowing", Denial, Any, false),
        ev("repudiate repudiates repudiated repudiating", Denial, Any, false),
        // Accusation
        ev("accuse accuses accused accusing", Accusation, Any, false),
        ev("blame blames blamed blaming", Accusation, Any, false),
        ev("charge charges charged charging", Accusation, Content, true),
        ev("fault faults faulted faulting", Accusation, Any, false),
        // Warning
        ev("warn warns warned warning", Warning, Content, false),
        ev("caution cautions cautioned cautioning", Warning, Content, false),
        ev("threaten threatens threatened threatening", Warning, Any, false),
        ev("alert alerts alerted alerting", Warning, Any, false),
        // Question
        ev("question questions questioned questioning", Question, Any, false),
        ev("ask asks asked asking", Question, Any, false),
        ev("wonder wonders wondered wondering", Question, Any, false),
        ev("doubt doubts doubted doubting", Question, Content, false),
        ev("query queries queried querying", Question, Any, false),
        ev("challenge challenges challenged challenging", Question, Any, true),
        // Finding
        ev("find finds found finding", Finding, Content, true),
        ev("show shows showed showing shown", Finding, Content, true),
        ev("reveal reveals revealed revealing", Finding, Content, false),
        ev("disclose discloses disclosed disclosing", Finding, Content, false),
        ev("conclude concludes concluded concluding", Finding, Content, false),
        ev("estimate estimates estimated estimating", Finding, Content, false),
        ev("calculate calculates calculated calculating", Finding, Content, false),
        ev("discover discovers discovered discovering", Finding, Content, false),
        ev("uncover uncovers uncovered uncovering", Finding, Content, false),
        ev("demonstrate demonstrates demonstrated demonstrating", Finding, Content, false),
        ev("establish establishes established establishing", Finding, Content, true),
        ev("determine determines determined determining", Finding, Content, false),
        ev("document documents documented documenting", Finding, Content, false),
        ev("indicate indicates indicated indicating", Finding, Content, false),
        ev("suggest suggests suggested suggesting", Finding, Content, false),
        ev("detect detects detected detecting", Finding, Content, false),
        ev("verify verifies verified verifying", Finding, Content, false),
        ev("prove proves proved proving proven", Finding, Content, false),
        ev("rule rules ruled ruling", Finding, Content, true),
        // Belief
        ev("believe believes believed believing", Belief, Content, false),
        ev("think thinks thought thinking", Belief, Content, false),
        ev("expect expects expected expecting", Belief, Content, false),
        ev("predict predicts predicted predicting", Belief, Content, false),
        ev("forecast forecasts forecast forecasting forecasted", Belief, Content, false),
        ev("project projects projected projecting", Belief, Content, true),
        ev("anticipate anticipates anticipated anticipating", Belief, Content, false),
        ev("suspect suspects suspected suspecting", Belief, Content, false),
        ev("reckon reckons reckoned reckoning", Belief, Content, false),
        ev("fear fears feared fearing", Belief, Content, false),
        ev("worry worries worried worrying", Belief, Content, false),
        ev("assume assumes assumed assuming", Belief, Content, false),
        ev("speculate speculates speculated speculating", Belief, Content, false),
        ev("suppose supposes supposed supposing", Belief, Content, false),
        ev("presume presumes presumed presuming", Belief, Content, false),
        // Intention
        ev("aim aims aimed aiming", Intention, Any, false),
        ev("plan plans planned planning", Intention, Any, false),
        ev("intend intends intended intending", Intention, Any, false),
        ev("seek seeks sought seeking", Intention, Any, false),
        ev("vow vows vowed vowing", Intention, Content, false),
        ev("pledge pledges pledged pledging", Intention, Content, false),
        ev("promise promises promised promising", Intention, Content, false),
        ev("hope hopes hoped hoping", Intention, Content, false),
        ev("propose proposes proposed proposing", Intention, Any, false),
        ev("urge urges urged urging", Intention, Any, false),
        ev("demand demands demanded demanding", Intention, Any, false),
        ev("request requests requested requesting", Intention, Any, false),
        ev("recommend recommends recommended recommending", Intention, Any, false),
        ev("advise advises advised advising", Intention, Any, false),
    ];

    /// Forms that are also common nouns or adjectives: a cue only before "that" or a quote.
    pub(super) const NEEDS_COMPLEMENT: &str =
        "say report reports reporting claim claims note notes state states estimate estimates \
         call calls plan plans planning hope hopes fear fears aim aims question questions doubt \
         doubts tweet tweets recall recalls saying warning finding stress brief briefs briefing \
         comment comments answer answers reply replies remark remarks promise promises \
         promising pledge pledges vow vows demand demands demanding request requests urge \
         dispute disputes blame fault faults alert alerts caution label labels brand brands \
         term terms view views regard regarding considering praise welcome welcoming slam blast \
         blasts document documents suspect suspects worry worries worrying regret regrets \
         wonder query queries hint hints highlight highlights quote quotes mention recount \
         relay mock hail rebuke ridicule thinking expected alleged determined concluding \
         threatening challenging lament intended proposed writing answering speaking suggested";
}

#[derive(Clone, Copy)]
struct EnEntry {
    lemma: &'static str,
    stance: Stance,
    frame: Frame,
    needs_complement: bool,
    /// Past or past participle: can follow "is" / "was" / "been" in a passive.
    participle: bool,
}

impl EnEntry {
    fn cue(&self, voice: Voice) -> EnglishCue {
        EnglishCue {
            lemma: self.lemma,
            stance: self.stance,
            frame: self.frame,
            voice,
            needs_complement: self.needs_complement,
        }
    }
}

struct EnCues {
    forms: HashMap<&'static str, EnEntry>,
    lemmas: usize,
}

fn en_cues() -> &'static EnCues {
    static TABLE: OnceLock<EnCues> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut forms: HashMap<&'static str, EnEntry> =
            HashMap::with_capacity_and_hasher(1024, Default::default());
        let mut lemmas = HashSet::default();
        for v in en_data::VERBS {
            let Some(lemma) = v.forms.split_whitespace().next() else {
                continue;
            };
            lemmas.insert(lemma);
            for group in v.forms.split('|') {
                for (i, form) in group.split_whitespace().enumerate() {
                    let participle = i == 2 || i == 4;
                    let entry = forms.entry(form).or_insert(EnEntry {
                        lemma,
                        stance: v.stance,
                        frame: v.frame,
                        needs_complement: v.nc,
                        participle,
                    });
                    if entry.lemma == lemma {
                        entry.participle |= participle;
                    }
                }
            }
        }
        for form in en_data::NEEDS_COMPLEMENT.split_whitespace() {
            if let Some(e) = forms.get_mut(form) {
                e.needs_complement = true;
            }
        }
        EnCues {
            forms,
            lemmas: lemmas.len(),
        }
    })
}

/// Fixed multi-word cues: (words, lemma, stance, frame).
const EN_PHRASES: &[(&str, &str, Stance, Frame)] = &[
    ("according to", "according to", Stance::Neutral, Frame::Any),
    ("cited by", "cite", Stance::Neutral, Frame::Any),
    ("quoted by", "quote", Stance::Neutral, Frame::Any),
    (
        "in the words of",
        "in the words of",
        Stance::Neutral,
        Frame::Any,
    ),
    ("as reported by", "report", Stance::Neutral, Frame::Any),
    ("as cited by", "cite", Stance::Neutral, Frame::Any),
    ("as quoted by", "quote", Stance::Neutral, Frame::Any),
];

/// Verb + particle: (lemma of the verb, particle, phrase lemma, stance, frame).
const EN_PARTICLE_VERBS: &[(&str, &str, &str, Stance, Frame)] = &[
    ("point", "out", "point out", Stance::Neutral, Frame::Content),
    ("point", "to", "point to", Stance::Finding, Frame::Any),
    ("call", "for", "call for", Stance::Intention, Frame::Any),
    ("call", "on", "call on", Stance::Intention, Frame::Any),
    ("rule", "out", "rule out", Stance::Denial, Frame::Any),
    ("speak", "out", "speak out", Stance::Evaluative, Frame::Any),
];

/// Adverbs of hearsay: the statement has no speaker in the article.
const EN_ADVERBS: &[(&str, &str, Stance)] = &[
    ("reportedly", "report", Stance::Neutral),
    ("allegedly", "allege", Stance::Doubt),
    ("purportedly", "purport", Stance::Doubt),
    ("supposedly", "suppose", Stance::Doubt),
    ("reputedly", "repute", Stance::Doubt),
];

/// "it seems / appears / emerged that": impersonal, no speaker.
const EN_IMPERSONAL: &[(&str, &str, Stance)] = &[
    ("seems", "seem", Stance::Belief),
    ("seemed", "seem", Stance::Belief),
    ("appears", "appear", Stance::Belief),
    ("appeared", "appear", Stance::Belief),
    ("emerged", "emerge", Stance::Finding),
    ("emerges", "emerge", Stance::Finding),
    ("transpired", "transpire", Stance::Finding),
];

const BE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "'s", "’s",
];
const AUX: &[&str] = &[
    "has", "have", "had", "will", "would", "may", "might", "can", "could", "should", "must",
];
const PASSIVE_ADVERBS: &[&str] = &[
    "also",
    "now",
    "widely",
    "generally",
    "commonly",
    "long",
    "increasingly",
    "still",
    "not",
    "further",
    "previously",
    "already",
    "often",
    "broadly",
    "privately",
    "publicly",
    "later",
];

/// "it is believed", "is thought to", "has been reported", "was quoted as saying".
fn english_passive(words: &[&str]) -> Option<(usize, EnglishCue)> {
    let forms = &en_cues().forms;
    let first = *words.first()?;
    let (mut i, impersonal, mut after_be) = match first {
        "it" => (1, true, false),
        "it's" | "it’s" => (1, true, true),
        w if BE.contains(&w) => (1, false, true),
        w if AUX.contains(&w) => (1, false, false),
        _ => return None,
    };
    if impersonal {
        if let Some(&(_, lemma, stance)) = words
            .get(1)
            .and_then(|w| EN_IMPERSONAL.iter().find(|(f, _, _)| f == w))
        {
            let cue = EnglishCue {
                lemma,
                stance,
                frame: Frame::Content,
                voice: Voice::Passive,
                needs_complement: false,
            };
            return Some((2, cue));
        }
    }
    while i < words.len() && i < 6 {
        let w = words[i];
        if BE.contains(&w) {
            after_be = true;
        } else if AUX.contains(&w) {
            after_be = false;
        } else if !PASSIVE_ADVERBS.contains(&w) {
            break;
        }
        i += 1;
    }
    let participle = *words.get(i)?;
    let entry = forms.get(participle).filter(|e| e.participle)?;
    if !after_be {
        return None;
    }
    i += 1;
    // "was quoted as saying": the subject is the speaker.
    if matches!(entry.lemma, "quote" | "cite")
        && words.get(i) == Some(&"as")
        && words.get(i + 1) == Some(&"saying")
    {
        return Some((i + 2, entry.cue(Voice::Active)));
    }
    if words.get(i) == Some(&"to") {
        i += 1;
    }
    // After "is" / "was" / "been" the form is verbal: no noun reading to rule out.
    let cue = EnglishCue {
        needs_complement: false,
        ..entry.cue(Voice::Passive)
    };
    Some((i, cue))
}

/// The English cue at the start of `words` (lowercased tokens), and how many words it takes:
/// a reporting verb in any form (1 word; "think tank" is refused), a particle verb ("pointed
/// out", "called for": 2), a fixed phrase ("according to", "cited by", "in the words of"), an
/// adverb of hearsay ("reportedly", "allegedly": passive), or a passive / impersonal chain that
/// starts here ("it is believed", "is thought to", "has been widely reported", "it emerged":
/// passive; "was quoted as saying": active, the subject is the speaker).
pub fn english_cue(words: &[&str]) -> Option<(usize, EnglishCue)> {
    let first = *words.first()?;
    // Most words start no cue: one lookup says so.
    if !english_cue_starts().contains(first) {
        return None;
    }
    english_cue_after_start(words)
}

/// The words an English cue can start with: [`english_cue`] finds nothing at any other word,
/// so a caller that has looked its words up once may skip the rest.
pub fn english_cue_starts() -> &'static HashSet<&'static str> {
    static FIRST: OnceLock<HashSet<&'static str>> = OnceLock::new();
    FIRST.get_or_init(|| {
        let mut set: HashSet<&'static str> = en_cues().forms.keys().copied().collect();
        set.extend(EN_PHRASES.iter().filter_map(|p| p.0.split(' ').next()));
        set.extend(EN_ADVERBS.iter().map(|a| a.0));
        set.extend(["it", "it's", "it’s"]);
        set.extend(BE.iter().chain(AUX));
        set
    })
}

/// [`english_cue`] for words whose first is in [`english_cue_starts`].
pub fn english_cue_after_start(words: &[&str]) -> Option<(usize, EnglishCue)> {
    let first = *words.first()?;
    for &(phrase, lemma, stance, frame) in EN_PHRASES {
        // Most first words begin no phrase: compare the first word before splitting the rest.
        if phrase.as_bytes().first() != first.as_bytes().first()
            || !phrase
                .strip_prefix(first)
                .is_some_and(|rest| rest.starts_with(' '))
        {
            continue;
        }
        let n = phrase.split(' ').count();
        if words.len() >= n && phrase.split(' ').zip(words).all(|(a, b)| a == *b) {
            let cue = EnglishCue {
                lemma,
                stance,
                frame,
                voice: Voice::Active,
                needs_complement: false,
            };
            return Some((n, cue));
        }
    }
    if let Some(&(_, lemma, stance)) = EN_ADVERBS.iter().find(|(w, _, _)| *w == first) {
        let cue = EnglishCue {
            lemma,
            stance,
            frame: Frame::Any,
            voice: Voice::Passive,
            needs_complement: false,
        };
        return Some((1, cue));
    }
    if let Some(found) = english_passive(words) {
        return Some(found);
    }
    let entry = en_cues().forms.get(first)?;
    let next = words.get(1).copied();
    if entry.lemma == "think" && matches!(next, Some("tank" | "tanks")) {
        return None;
    }
    for &(verb, particle, lemma, stance, frame) in EN_PARTICLE_VERBS {
        if entry.lemma == verb && next == Some(particle) {
            let cue = EnglishCue {
                lemma,
                stance,
                frame,
                voice: Voice::Active,
                needs_complement: false,
            };
            return Some((2, cue));
        }
    }
    Some((1, entry.cue(Voice::Active)))
}

// ---------------------------------------------------------------------------------------------
// Source heads
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy)]
enum G {
    M,
    F,
    X,
}

#[derive(Clone, Copy)]
enum N {
    S,
    D,
    P,
}

/// No article variant: pronouns, words listed with ال, and data nouns that head a source only
/// in a construct («أرقام البنك الدولي»; the bare «الأرقام» is not a source).
const BARE: u8 = 1;

struct HeadSpec {
    word: &'static str,
    kind: HeadKind,
    g: G,
    n: N,
    flags: u8,
}

const fn hd(word: &'static str, kind: HeadKind, g: G, n: N) -> HeadSpec {
    HeadSpec {
        word,
        kind,
        g,
        n,
        flags: 0,
    }
}

const fn hb(word: &'static str, kind: HeadKind, g: G, n: N) -> HeadSpec {
    HeadSpec {
        word,
        kind,
        g,
        n,
        flags: BARE,
    }
}

impl HeadSpec {
    fn head(&self, prefix_len: usize) -> Head {
        Head {
            kind: self.kind,
            gender: match self.g {
                G::M => Some(Gender::Masculine),
                G::F => Some(Gender::Feminine),
                G::X => None,
            },
            number: Some(match self.n {
                N::S => Number::Singular,
                N::D => Number::Dual,
                N::P => Number::Plural,
            }),
            prefix_len,
        }
    }
}

mod head_data {
    use super::HeadKind::*;
    use super::{hb, hd, HeadSpec, G::*, N::*};

    pub(super) const ARABIC: &[HeadSpec] = &[
        // Person
        hd("رئيس", Person, M, S),
        hd("رئيسة", Person, F, S),
        hd("وزير", Person, M, S),
        hd("وزيرة", Person, F, S),
        hd("وزراء", Person, M, P),
        hd("مسؤول", Person, M, S),
        hd("مسؤولة", Person, F, S),
        hd("متحدث", Person, M, S),
        hd("متحدثة", Person, F, S),
        hd("ناطق", Person, M, S),
        hd("ناطقة", Person, F, S),
        hd("خبير", Person, M, S),
        hd("خبيرة", Person, F, S),
        hd("باحث", Person, M, S),
        hd("باحثة", Person, F, S),
        hd("باحثون", Person, M, P),
        hd("باحثين", Person, M, P),
        hd("باحثو", Person, M, P),
        hd("محلل", Person, M, S),
        hd("محللة", Person, F, S),
        hd("سفير", Person, M, S),
        hd("سفيرة", Person, F, S),
        hd("مدير", Person, M, S),
        hd("مديرة", Person, F, S),
        hd("زعيم", Person, M, S),
        hd("زعيمة", Person, F, S),
        hd("زعماء", Person, M, P),
        hd("أمين", Person, M, S),
        hd("نائب", Person, M, S),
        hd("نائبة", Person, F, S),
        hd("نواب", Person, M, P),
        hd("قائد", Person, M, S),
        hd("قادة", Person, M, P),
        hd("مستشار", Person, M, S),
        hd("مستشارة", Person, F, S),
        hd("محافظ", Person, M, S),
        hd("حاكم", Person, M, S),
        hd("ملك", Person, M, S),
        hd("ملكة", Person, F, S),
        hd("أمير", Person, M, S),
        hd("أميرة", Person, F, S),
        hd("ولي", Person, M, S),
        hd("شيخ", Person, M, S),
        hd("مرشد", Person, M, S),
        hd("بابا", Person, M, S),
        hd("عمدة", Person, M, S),
        hd("مندوب", Person, M, S),
        hd("مندوبة", Person, F, S),
        hd("مبعوث", Person, M, S),
        hd("مبعوثة", Person, F, S),
        hd("دبلوماسي", Person, M, S),
        hd("قاضي", Person, M, S),
        hd("قاض", Person, M, S),
        hd("قضاة", Person, M, P),
        hd("مدعي", Person, M, S),
        hd("محامي", Person, M, S),
        hd("محام", Person, M, S),
        hd("محامون", Person, M, P),
        hd("أستاذ", Person, M, S),
        hd("أستاذة", Person, F, S),
        hd("بروفيسور", Person, M, S),
        hd("دكتور", Person, M, S),
        hd("طبيب", Person, M, S),
        hd("أطباء", Person, M, P),
        hd("مراسل", Person, M, S),
        hd("مراسلة", Person, F, S),
        hd("كاتب", Person, M, S),
        hd("كاتبة", Person, F, S),
        hd("مؤلف", Person, M, S),
        hd("مفوض", Person, M, S),
        hd("مفوضة", Person, F, S),
        hd("منسق", Person, M, S),
        hd("منسقة", Person, F, S),
        hd("عضو", Person, M, S),
        hd("جنرال", Person, M, S),
        hd("عقيد", Person, M, S),
        hd("عميد", Person, M, S),
        hd("ضابط", Person, M, S),
        hd("مفتش", Person, M, S),
        hd("ممثل", Person, M, S),
        hd("ممثلة", Person, F, S),
        hd("مراقب", Person, M, S),
        hd("ناشط", Person, M, S),
        hd("ناشطة", Person, F, S),
        hd("ناشطون", Person, M, P),
        hd("مؤسس", Person, M, S),
        hd("علماء", Person, M, P),
        hd("سكان", Person, M, P),
        hd("مسؤولو", Person, M, P),
        // Organisation
        hd("مركز", Organisation, M, S),
        hd("وزارة", Organisation, F, S),
        hd("منظمة", Organisation, F, S),
        hd("منظمات", Organisation, F, P),
        hd("هيئة", Organisation, F, S),
        hd("أرصاد", Organisation, F, P),
        hd("مؤسسة", Organisation, F, S),
        hd("جامعة", Organisation, F, S),
        hd("معهد", Organisation, M, S),
        hd("شركة", Organisation, F, S),
        hd("شركات", Organisation, F, P),
        hd("حكومة", Organisation, F, S),
        hd("حكومات", Organisation, F, P),
        hd("بنك", Organisation, M, S),
        hd("بنوك", Organisation, F, P),
        hd("مصرف", Organisation, M, S),
        hd("صندوق", Organisation, M, S),
        hd("محكمة", Organisation, F, S),
        hd("برلمان", Organisation, M, S),
        hd("جيش", Organisation, M, S),
        hd("شرطة", Organisation, F, S),
        hd("وكالة", Organisation, F, S),
        hd("مجلس", Organisation, M, S),
        hd("اتحاد", Organisation, M, S),
        hd("لجنة", Organisation, F, S),
        hd("حزب", Organisation, M, S),
        hd("أمم", Organisation, F, P),
        hd("جمعية", Organisation, F, S),
        hd("رابطة", Organisation, F, S),
        hd("نقابة", Organisation, F, S),
        hd("إدارة", Organisation, F, S),
        hd("مكتب", Organisation, M, S),
        hd("دائرة", Organisation, F, S),
        hd("مديرية", Organisation, F, S),
        hd("سلطة", Organisation, F, S),
        hd("سلطات", Organisation, F, P),
        hd("قيادة", Organisation, F, S),
        hd("رئاسة", Organisation, F, S),
        hd("بنتاغون", Organisation, M, S),
        hd("كرملين", Organisation, M, S),
        hd("كونغرس", Organisation, M, S),
        hd("كنيست", Organisation, M, S),
        hd("ائتلاف", Organisation, M, S),
        hd("تحالف", Organisation, M, S),
        hd("حركة", Organisation, F, S),
        hd("جبهة", Organisation, F, S),
        hd("جماعة", Organisation, F, S),
        hd("حملة", Organisation, F, S),
        hd("مرصد", Organisation, M, S),
        hd("مختبر", Organisation, M, S),
        hd("مستشفى", Organisation, M, S),
        hd("بلدية", Organisation, F, S),
        hd("نيابة", Organisation, F, S),
        hd("ادعاء", Organisation, M, S),
        hd("استخبارات", Organisation, F, P),
        hd("مخابرات", Organisation, F, P),
        hd("قوات", Organisation, F, P),
        hd("حرس", Organisation, M, S),
        hd("مجموعة", Organisation, F, S),
        hd("فريق", Organisation, M, S),
        hd("كلية", Organisation, F, S),
        hd("أكاديمية", Organisation, F, S),
        hd("سفارة", Organisation, F, S),
        hd("قنصلية", Organisation, F, S),
        hd("بعثة", Organisation, F, S),
        hd("كتلة", Organisation, F, S),
        hd("تنظيم", Organisation, M, S),
        hd("ميليشيا", Organisation, F, S),
        hd("فصيل", Organisation, M, S),
        hd("فصائل", Organisation, F, P),
        hd("مفوضية", Organisation, F, S),
        hd("جهاز", Organisation, M, S),
        hd("منتدى", Organisation, M, S),
        hd("مصلحة", Organisation, F, S),
        hb("الخارجية", Organisation, F, S),
        hb("الداخلية", Organisation, F, S),
        // Document
        hd("دراسة", Document, F, S),
        hd("دراسات", Document, F, P),
        hd("تقرير", Document, M, S),
        hd("تقارير", Document, F, P),
        hd("بيان", Document, M, S),
        hd("بحث", Document, M, S),
        hd("أبحاث", Document, F, P),
        hd("استطلاع", Document, M, S),
        hd("وثيقة", Document, F, S),
        hd("وثائق", Document, F, P),
        hb("إحصاءات", Document, F, P),
        hb("إحصائيات", Document, F, P),
        hb("بيانات", Document, F, P),
        hb("أرقام", Document, F, P),
        hb("نتائج", Document, F, P),
        hb("تقديرات", Document, F, P),
        hd("مسح", Document, M, S),
        hd("تحليل", Document, M, S),
        hd("ورقة", Document, F, S),
        hd("مذكرة", Document, F, S),
        hd("رسالة", Document, F, S),
        hd("تقييم", Document, M, S),
        hd("استبيان", Document, M, S),
        hd("مراجعة", Document, F, S),
        hd("تحقيق", Document, M, S),
        hd("تسريبات", Document, F, P),
        hd("مقال", Document, M, S),
        hd("مقالة", Document, F, S),
        hd("افتتاحية", Document, F, S),
        hd("تغريدة", Document, F, S),
        hd("منشور", Document, M, S),
        hd("مؤشر", Document, M, S),
        hd("إحصاء", Document, M, S),
        hd("تعداد", Document, M, S),
        hd("محضر", Document, M, S),
        hd("نشرة", Document, F, S),
        hd("بلاغ", Document, M, S),
        hd("مسودة", Document, F, S),
        hd("خطاب", Document, M, S),
        // Anonymous
        hd("مصادر", Anonymous, F, P),
        hd("مصدر", Anonymous, M, S),
        hd("مصدران", Anonymous, M, D),
        hd("مسؤولون", Anonymous, M, P),
        hd("مسؤولين", Anonymous, M, P),
        hd("مسؤولان", Anonymous, M, D),
        hd("خبراء", Anonymous, M, P),
        hd("محللون", Anonymous, M, P),
        hd("محللين", Anonymous, M, P),
        hd("محللو", Anonymous, M, P),
        hd("مراقبون", Anonymous, M, P),
        hd("مراقبين", Anonymous, M, P),
        hd("دبلوماسيون", Anonymous, M, P),
        hd("دبلوماسيين", Anonymous, M, P),
        hd("شهود", Anonymous, M, P),
        hd("مطلعون", Anonymous, M, P),
        hd("مقربون", Anonymous, M, P),
        hd("أوساط", Anonymous, F, P),
        hd("دوائر", Anonymous, F, P),
        hd("جهات", Anonymous, F, P),
        // Pronoun
        hb("هو", Pronoun, M, S),
        hb("هي", Pronoun, F, S),
        hb("هم", Pronoun, M, P),
        hb("هما", Pronoun, X, D),
        hb("هن", Pronoun, F, P),
        // Media
        hd("صحيفة", Media, F, S),
        hd("صحف", Media, F, P),
        hd("جريدة", Media, F, S),
        hd("قناة", Media, F, S),
        hd("قنوات", Media, F, P),
        hd("إذاعة", Media, F, S),
        hd("تلفزيون", Media, M, S),
        hd("تليفزيون", Media, M, S),
        hd("تلفزة", Media, F, S),
        hd("موقع", Media, M, S),
        hd("مجلة", Media, F, S),
        hd("شبكة", Media, F, S),
        hd("منصة", Media, F, S),
        hd("وسائل", Media, F, P),
        hd("إعلام", Media, M, S),
    ];

    /// Arabic multi-word heads: the whole phrase is the head.
    pub(super) const ARABIC_PHRASES: &[(&str, HeadSpec)] = &[
        ("الأمم المتحدة", hb("", Organisation, F, P)),
        ("الأمين العام", hb("", Person, M, S)),
        ("ولي العهد", hb("", Person, M, S)),
        ("البيت الأبيض", hb("", Organisation, M, S)),
        ("رئيس الوزراء", hb("", Person, M, S)),
        ("رئيسة الوزراء", hb("", Person, F, S)),
        ("مجلس الأمن", hb("", Organisation, M, S)),
        ("صندوق النقد", hb("", Organisation, M, S)),
        ("وكالة الأنباء", hb("", Media, F, S)),
        ("وكالة أنباء", hb("", Media, F, S)),
        ("وسائل الإعلام", hb("", Media, F, P)),
        ("وسائل إعلام", hb("", Media, F, P)),
        ("مصادر مطلعة", hb("", Anonymous, F, P)),
        ("مصدر مطلع", hb("", Anonymous, M, S)),
        ("مصادر مقربة", hb("", Anonymous, F, P)),
        ("مصدر مقرب", hb("", Anonymous, M, S)),
        ("مراكز الأبحاث", hb("", Organisation, F, P)),
        ("مركز الأبحاث", hb("", Organisation, M, S)),
    ];

    pub(super) const ENGLISH: &[HeadSpec] = &[
        // Person
        hd("minister", Person, X, S),
        hd("president", Person, X, S),
        hd("spokesman", Person, M, S),
        hd("spokeswoman", Person, F, S),
        hd("spokesperson", Person, X, S),
        hd("official", Person, X, S),
        hd("expert", Person, X, S),
        hd("analyst", Person, X, S),
        hd("researcher", Person, X, S),
        hd("director", Person, X, S),
        hd("ambassador", Person, X, S),
        hd("leader", Person, X, S),
        hd("chief", Person, X, S),
        hd("chairman", Person, M, S),
        hd("chairwoman", Person, F, S),
        hd("chairperson", Person, X, S),
        hd("chair", Person, X, S),
        hd("secretary", Person, X, S),
        hd("secretary-general", Person, X, S),
        hd("director-general", Person, X, S),
        hd("governor", Person, X, S),
        hd("mayor", Person, X, S),
        hd("senator", Person, X, S),
        hd("congressman", Person, M, S),
        hd("congresswoman", Person, F, S),
        hd("lawmaker", Person, X, S),
        hd("legislator", Person, X, S),
        hd("mp", Person, X, S),
        hd("deputy", Person, X, S),
        hd("commander", Person, X, S),
        hd("colonel", Person, X, S),
        hd("officer", Person, X, S),
        hd("judge", Person, X, S),
        hd("prosecutor", Person, X, S),
        hd("lawyer", Person, X, S),
        hd("attorney", Person, X, S),
        hd("economist", Person, X, S),
        hd("scientist", Person, X, S),
        hd("professor", Person, X, S),
        hd("doctor", Person, X, S),
        hd("physician", Person, X, S),
        hd("epidemiologist", Person, X, S),
        hd("statistician", Person, X, S),
        hd("pollster", Person, X, S),
        hd("scholar", Person, X, S),
        hd("historian", Person, X, S),
        hd("strategist", Person, X, S),
        hd("author", Person, X, S),
        hd("editor", Person, X, S),
        hd("correspondent", Person, X, S),
        hd("journalist", Person, X, S),
        hd("reporter", Person, X, S),
        hd("diplomat", Person, X, S),
        hd("envoy", Person, X, S),
        hd("negotiator", Person, X, S),
        hd("adviser", Person, X, S),
        hd("advisor", Person, X, S),
        hd("aide", Person, X, S),
        hd("manager", Person, X, S),
        hd("ceo", Person, X, S),
        hd("founder", Person, X, S),
        hd("executive", Person, X, S),
        hd("chancellor", Person, X, S),
        hd("premier", Person, X, S),
        hd("king", Person, M, S),
        hd("queen", Person, F, S),
        hd("prince", Person, M, S),
        hd("princess", Person, F, S),
        hd("emir", Person, M, S),
        hd("sheikh", Person, M, S),
        hd("pope", Person, M, S),
        hd("cleric", Person, X, S),
        hd("imam", Person, M, S),
        hd("rabbi", Person, X, S),
        hd("bishop", Person, X, S),
        hd("candidate", Person, X, S),
        hd("activist", Person, X, S),
        hd("campaigner", Person, X, S),
        hd("witness", Person, X, S),
        hd("eyewitness", Person, X, S),
        hd("resident", Person, X, S),
        hd("survivor", Person, X, S),
        hd("whistleblower", Person, X, S),
        hd("commissioner", Person, X, S),
        hd("inspector", Person, X, S),
        hd("investigator", Person, X, S),
        hd("auditor", Person, X, S),
        hd("ombudsman", Person, X, S),
        hd("representative", Person, X, S),
        hd("delegate", Person, X, S),
        hd("head", Person, X, S),
        hd("boss", Person, X, S),
        hd("businessman", Person, M, S),
        hd("businesswoman", Person, F, S),
        hd("ministers", Person, X, P),
        hd("leaders", Person, X, P),
        hd("researchers", Person, X, P),
        hd("scientists", Person, X, P),
        hd("economists", Person, X, P),
        hd("lawyers", Person, X, P),
        hd("prosecutors", Person, X, P),
        hd("activists", Person, X, P),
        hd("campaigners", Person, X, P),
        hd("residents", Person, X, P),
        hd("lawmakers", Person, X, P),
        hd("legislators", Person, X, P),
        hd("senators", Person, X, P),
        hd("judges", Person, X, P),
        hd("investigators", Person, X, P),
        hd("doctors", Person, X, P),
        hd("physicians", Person, X, P),
        hd("scholars", Person, X, P),
        hd("authors", Person, X, P),
        hd("journalists", Person, X, P),
        hd("commanders", Person, X, P),
        hd("advisers", Person, X, P),
        hd("advisors", Person, X, P),
        hd("aides", Person, X, P),
        hd("executives", Person, X, P),
        hd("negotiators", Person, X, P),
        hd("pollsters", Person, X, P),
        // Anonymous
        hd("source", Anonymous, X, S),
        hd("sources", Anonymous, X, P),
        hd("officials", Anonymous, X, P),
        hd("experts", Anonymous, X, P),
        hd("analysts", Anonymous, X, P),
        hd("observers", Anonymous, X, P),
        hd("insider", Anonymous, X, S),
        hd("insiders", Anonymous, X, P),
        hd("diplomats", Anonymous, X, P),
        hd("witnesses", Anonymous, X, P),
        hd("critics", Anonymous, X, P),
        // Organisation
        hd("ministry", Organisation, X, S),
        hd("department", Organisation, X, S),
        hd("agency", Organisation, X, S),
        hd("agencies", Organisation, X, P),
        hd("institute", Organisation, X, S),
        hd("institution", Organisation, X, S),
        hd("center", Organisation, X, S),
        hd("centre", Organisation, X, S),
        hd("university", Organisation, X, S),
        hd("company", Organisation, X, S),
        hd("companies", Organisation, X, P),
        hd("firm", Organisation, X, S),
        hd("corporation", Organisation, X, S),
        hd("consultancy", Organisation, X, S),
        hd("government", Organisation, X, S),
        hd("governments", Organisation, X, P),
        hd("administration", Organisation, X, S),
        hd("authority", Organisation, X, S),
        hd("authorities", Organisation, X, P),
        hd("court", Organisation, X, S),
        hd("tribunal", Organisation, X, S),
        hd("bank", Organisation, X, S),
        hd("banks", Organisation, X, P),
        hd("fund", Organisation, X, S),
        hd("army", Organisation, X, S),
        hd("military", Organisation, X, S),
        hd("navy", Organisation, X, S),
        hd("forces", Organisation, X, P),
        hd("militia", Organisation, X, S),
        hd("police", Organisation, X, P),
        hd("union", Organisation, X, S),
        hd("committee", Organisation, X, S),
        hd("commission", Organisation, X, S),
        hd("party", Organisation, X, S),
        hd("council", Organisation, X, S),
        hd("parliament", Organisation, X, S),
        hd("congress", Organisation, X, S),
        hd("senate", Organisation, X, S),
        hd("assembly", Organisation, X, S),
        hd("cabinet", Organisation, X, S),
        hd("office", Organisation, X, S),
        hd("bureau", Organisation, X, S),
        hd("board", Organisation, X, S),
        hd("foundation", Organisation, X, S),
        hd("organisation", Organisation, X, S),
        hd("organization", Organisation, X, S),
        hd("group", Organisation, X, S),
        hd("groups", Organisation, X, P),
        hd("coalition", Organisation, X, S),
        hd("alliance", Organisation, X, S),
        hd("federation", Organisation, X, S),
        hd("association", Organisation, X, S),
        hd("league", Organisation, X, S),
        hd("campaign", Organisation, X, S),
        hd("charity", Organisation, X, S),
        hd("nonprofit", Organisation, X, S),
        hd("ngo", Organisation, X, S),
        hd("watchdog", Organisation, X, S),
        hd("regulator", Organisation, X, S),
        hd("monitor", Organisation, X, S),
        hd("observatory", Organisation, X, S),
        hd("embassy", Organisation, X, S),
        hd("consulate", Organisation, X, S),
        hd("movement", Organisation, X, S),
        hd("laboratory", Organisation, X, S),
        hd("lab", Organisation, X, S),
        hd("hospital", Organisation, X, S),
        hd("college", Organisation, X, S),
        hd("academy", Organisation, X, S),
        hd("secretariat", Organisation, X, S),
        hd("presidency", Organisation, X, S),
        hd("opposition", Organisation, X, S),
        hd("regime", Organisation, X, S),
        hd("junta", Organisation, X, S),
        hd("kremlin", Organisation, X, S),
        hd("pentagon", Organisation, X, S),
        hd("thinktank", Organisation, X, S),
        hd("un", Organisation, X, S),
        hd("eu", Organisation, X, S),
        hd("imf", Organisation, X, S),
        hd("nato", Organisation, X, S),
        hd("opec", Organisation, X, S),
        hd("oecd", Organisation, X, S),
        hd("wto", Organisation, X, S),
        hd("unicef", Organisation, X, S),
        hd("unhcr", Organisation, X, S),
        hd("unesco", Organisation, X, S),
        hd("iaea", Organisation, X, S),
        hd("fbi", Organisation, X, S),
        hd("cia", Organisation, X, S),
        hd("fed", Organisation, X, S),
        hd("ecb", Organisation, X, S),
        // Document
        hd("study", Document, X, S),
        hd("studies", Document, X, P),
        hd("report", Document, X, S),
        hd("reports", Document, X, P),
        hd("survey", Document, X, S),
        hd("surveys", Document, X, P),
        hd("statement", Document, X, S),
        hd("poll", Document, X, S),
        hd("polls", Document, X, P),
        hd("data", Document, X, P),
        hd("figures", Document, X, P),
        hd("numbers", Document, X, P),
        hd("statistics", Document, X, P),
        hd("document", Document, X, S),
        hd("documents", Document, X, P),
        hd("analysis", Document, X, S),
        hd("paper", Document, X, S),
        hd("review", Document, X, S),
        hd("research", Document, X, S),
        hd("assessment", Document, X, S),
        hd("estimate", Document, X, S),
        hd("estimates", Document, X, P),
        hd("memo", Document, X, S),
        hd("letter", Document, X, S),
        hd("filing", Document, X, S),
        hd("lawsuit", Document, X, S),
        hd("complaint", Document, X, S),
        hd("ruling", Document, X, S),
        hd("verdict", Document, X, S),
        hd("indictment", Document, X, S),
        hd("audit", Document, X, S),
        hd("census", Document, X, S),
        hd("investigation", Document, X, S),
        hd("inquiry", Document, X, S),
        hd("probe", Document, X, S),
        hd("dossier", Document, X, S),
        hd("communique", Document, X, S),
        hd("communiqué", Document, X, S),
        hd("declaration", Document, X, S),
        hd("transcript", Document, X, S),
        hd("article", Document, X, S),
        hd("index", Document, X, S),
        hd("briefing", Document, X, S),
        hd("records", Document, X, P),
        hd("email", Document, X, S),
        hd("forecast", Document, X, S),
        hd("projection", Document, X, S),
        hd("findings", Document, X, P),
        hd("results", Document, X, P),
        hd("resolution", Document, X, S),
        hd("tweet", Document, X, S),
        hd("footage", Document, X, S),
        hd("imagery", Document, X, S),
        hd("images", Document, X, P),
        // Media
        hd("newspaper", Media, X, S),
        hd("newspapers", Media, X, P),
        hd("broadcaster", Media, X, S),
        hd("channel", Media, X, S),
        hd("network", Media, X, S),
        hd("outlet", Media, X, S),
        hd("outlets", Media, X, P),
        hd("magazine", Media, X, S),
        hd("daily", Media, X, S),
        hd("tabloid", Media, X, S),
        hd("journal", Media, X, S),
        hd("station", Media, X, S),
        hd("radio", Media, X, S),
        hd("television", Media, X, S),
        hd("tv", Media, X, S),
        hd("website", Media, X, S),
        hd("site", Media, X, S),
        hd("blog", Media, X, S),
        hd("newswire", Media, X, S),
        hd("media", Media, X, P),
        hd("press", Media, X, S),
        hd("reuters", Media, X, S),
        hd("afp", Media, X, S),
        hd("ap", Media, X, S),
        hd("bloomberg", Media, X, S),
        hd("xinhua", Media, X, S),
        hd("tass", Media, X, S),
        hd("anadolu", Media, X, S),
        hd("yonhap", Media, X, S),
        hd("kyodo", Media, X, S),
        // Pronoun
        hd("he", Pronoun, M, S),
        hd("she", Pronoun, F, S),
        hd("they", Pronoun, X, P),
        hd("it", Pronoun, X, S),
        hd("we", Pronoun, X, P),
    ];

    pub(super) const ENGLISH_PHRASES: &[(&str, HeadSpec)] = &[
        ("think tank", hd("", Organisation, X, S)),
        ("think tanks", hd("", Organisation, X, P)),
        ("think-tank", hd("", Organisation, X, S)),
        ("chief executive officer", hd("", Person, X, S)),
        ("chief executive", hd("", Person, X, S)),
        ("world bank", hd("", Organisation, X, S)),
        ("united nations", hd("", Organisation, X, S)),
        ("a person familiar", hd("", Anonymous, X, S)),
        ("people familiar", hd("", Anonymous, X, P)),
        ("a source familiar", hd("", Anonymous, X, S)),
        ("sources familiar", hd("", Anonymous, X, P)),
        ("a person close", hd("", Anonymous, X, S)),
        ("people close", hd("", Anonymous, X, P)),
        ("sources close", hd("", Anonymous, X, P)),
        ("a person with knowledge", hd("", Anonymous, X, S)),
        ("people with knowledge", hd("", Anonymous, X, P)),
        ("sources with knowledge", hd("", Anonymous, X, P)),
        ("people briefed", hd("", Anonymous, X, P)),
        ("prime minister", hd("", Person, X, S)),
        ("foreign minister", hd("", Person, X, S)),
        ("finance minister", hd("", Person, X, S)),
        ("defence minister", hd("", Person, X, S)),
        ("defense minister", hd("", Person, X, S)),
        ("interior minister", hd("", Person, X, S)),
        ("health minister", hd("", Person, X, S)),
        ("secretary general", hd("", Person, X, S)),
        ("secretary of state", hd("", Person, X, S)),
        ("press secretary", hd("", Person, X, S)),
        ("white house", hd("", Organisation, X, S)),
        ("state department", hd("", Organisation, X, S)),
        ("foreign ministry", hd("", Organisation, X, S)),
        ("central bank", hd("", Organisation, X, S)),
        ("supreme court", hd("", Organisation, X, S)),
        ("security council", hd("", Organisation, X, S)),
        ("european union", hd("", Organisation, X, S)),
        ("european commission", hd("", Organisation, X, S)),
        ("federal reserve", hd("", Organisation, X, S)),
        ("international monetary fund", hd("", Organisation, X, S)),
        ("human rights watch", hd("", Organisation, X, S)),
        ("amnesty international", hd("", Organisation, X, S)),
        ("news agency", hd("", Media, X, S)),
        ("state media", hd("", Media, X, P)),
        ("state television", hd("", Media, X, S)),
        ("state tv", hd("", Media, X, S)),
        ("press release", hd("", Document, X, S)),
        ("white paper", hd("", Document, X, S)),
    ];
}

struct ArHeads {
    words: HashMap<String, &'static HeadSpec>,
    /// First folded word → (folded following words, head), longest first.
    phrases: HashMap<String, Vec<(Vec<String>, &'static HeadSpec)>>,
    distinct: usize,
}

fn ar_heads() -> &'static ArHeads {
    static TABLE: OnceLock<ArHeads> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut words = HashMap::with_capacity_and_hasher(1024, Default::default());
        let mut distinct = HashSet::default();
        for spec in head_data::ARABIC {
            let key = fold(spec.word);
            let base = key.strip_prefix("ال").unwrap_or(&key).to_string();
            if spec.flags & BARE == 0 && !key.starts_with("ال") {
                words.entry(join(&["ال", &*key])).or_insert(spec);
            }
            words.entry(key).or_insert(spec);
            distinct.insert(base);
        }
        let mut phrases: HashMap<String, Vec<(Vec<String>, &'static HeadSpec)>> =
            HashMap::default();
        for (phrase, spec) in head_data::ARABIC_PHRASES {
            let mut parts = phrase.split(' ').map(fold);
            if let Some(first) = parts.next() {
                phrases
                    .entry(first)
                    .or_default()
                    .push((parts.collect(), spec));
            }
        }
        for list in phrases.values_mut() {
            crate::sort::sort_by_key(list, |e| std::cmp::Reverse(e.0.len()));
        }
        ArHeads {
            words,
            phrases,
            distinct: distinct.len(),
        }
    })
}

/// The ways a token can split into clitics and a word, in order: (word, chars stripped, a
/// preposition was stripped). و/ف then ب/ل/ك; «لل» + X is ل + «الX». Calls `f` on each and
/// returns its first `Some`.
fn arabic_clitic_splits<R>(
    word: &str,
    mut f: impl FnMut(&str, usize, bool) -> Option<R>,
) -> Option<R> {
    if let Some(r) = f(word, 0, false) {
        return Some(r);
    }
    let stripped = word.strip_prefix(['و', 'ف']);
    let conj = [Some((word, 0)), stripped.map(|rest| (rest, 1))];
    let mut buf = String::new();
    for (w, n) in conj.into_iter().flatten() {
        if n > 0 && w.chars().nth(1).is_some() {
            if let Some(r) = f(w, n, false) {
                return Some(r);
            }
        }
        for prep in ['ب', 'ل', 'ك'] {
            let Some(rest) = w.strip_prefix(prep) else {
                continue;
            };
            if rest.chars().nth(1).is_none() {
                continue;
            }
            if let Some(r) = f(rest, n + 1, true) {
                return Some(r);
            }
            if prep == 'ل' {
                if let Some(after) = rest.strip_prefix('ل') {
                    buf.clear();
                    buf.push_str("ال");
                    buf.push_str(after);
                    if let Some(r) = f(&buf, n + 1, true) {
                        return Some(r);
                    }
                }
            }
        }
    }
    None
}

/// The head of an Arabic source noun phrase in one folded token, with attached و ف ب ل ك
/// stripped («لمركز», «والوزارة», «بالوزارة», «للوزارة»). ال stays: «الرئيس» and «رئيس» are both
/// heads. Data nouns head a source only in a construct («أرقام البنك»: «أرقام» is a head,
/// «الأرقام» is not, see [`is_non_source_subject`]). Pronouns take و/ف only.
pub fn arabic_source_head(word: &str) -> Option<Head> {
    let table = &ar_heads().words;
    arabic_clitic_splits(word, |w, prefix_len, prep| {
        let spec = table.get(w)?;
        (!(prep && spec.kind == HeadKind::Pronoun)).then(|| spec.head(prefix_len))
    })
}

/// An Arabic head at the start of `words` (folded tokens), and how many words it takes:
/// multi-word heads («الأمم المتحدة», «الأمين العام», «ولي العهد», «رئيس الوزراء», «مصادر
/// مطلعة») first, then [`arabic_source_head`] on the first word.
pub fn arabic_source_head_phrase(words: &[&str]) -> Option<(usize, Head)> {
    let first = *words.first()?;
    let heads = ar_heads();
    let phrase = arabic_clitic_splits(first, |w, prefix_len, _| {
        let list = heads.phrases.get(w)?;
        list.iter().find_map(|(rest, spec)| {
            let matches = rest.len() < words.len()
                && rest.iter().zip(&words[1..]).all(|(a, b)| a.as_str() == *b);
            matches.then(|| (1 + rest.len(), spec.head(prefix_len)))
        })
    });
    phrase.or_else(|| arabic_source_head(first).map(|h| (1, h)))
}

struct EnHeads {
    words: HashMap<&'static str, &'static HeadSpec>,
    phrases: HashMap<&'static str, Vec<(Vec<&'static str>, &'static HeadSpec)>>,
}

fn en_heads() -> &'static EnHeads {
    static TABLE: OnceLock<EnHeads> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut words = HashMap::with_capacity_and_hasher(512, Default::default());
        for spec in head_data::ENGLISH {
            words.entry(spec.word).or_insert(spec);
        }
        let mut phrases: HashMap<&'static str, Vec<(Vec<&'static str>, &'static HeadSpec)>> =
            HashMap::default();
        for (phrase, spec) in head_data::ENGLISH_PHRASES {
            let mut parts = phrase.split(' ');
            if let Some(first) = parts.next() {
                phrases
                    .entry(first)
                    .or_default()
                    .push((parts.collect(), spec));
            }
        }
        for list in phrases.values_mut() {
            crate::sort::sort_by_key(list, |e| std::cmp::Reverse(e.0.len()));
        }
        EnHeads { words, phrases }
    })
}

/// The head of an English source noun phrase in one lowercased token ("ministry",
/// "officials", "he"). `prefix_len` is always 0.
pub fn english_source_head(word: &str) -> Option<Head> {
    en_heads().words.get(word).map(|spec| spec.head(0))
}

/// An English head at the start of `words` (lowercased tokens), and how many words it takes:
/// multi-word heads ("think tank", "chief executive", "world bank", "united nations", "a person
/// familiar", "prime minister") first, then [`english_source_head`] on the first word.
pub fn english_source_head_phrase(words: &[&str]) -> Option<(usize, Head)> {
    let first = *words.first()?;
    let heads = en_heads();
    if let Some(list) = heads.phrases.get(first) {
        for (rest, spec) in list {
            if rest.len() < words.len() && rest.iter().zip(&words[1..]).all(|(a, b)| a == b) {
                return Some((1 + rest.len(), spec.head(0)));
            }
        }
    }
    english_source_head(first).map(|h| (1, h))
}

/// Subjects that never head a source though reporting-like verbs follow them (ANNOTATION-GUIDE:
/// «وتشير هذه الأرقام إلى», "this shows that"). Arabic folded, with an attached و/ف allowed;
/// English lowercased. "it" is not listed: "it said" has a speaker; the impersonal "it is
/// believed" is a passive cue ([`english_cue`]).
pub fn is_non_source_subject(word: &str) -> bool {
    static TABLE: OnceLock<HashSet<String>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        const WORDS: &str =
            "الأرقام المعطيات المؤشرات الإحصاءات الإحصائيات البيانات المعلومات التقديرات الدلائل \
         الشواهد الوقائع الحقائق النتائج الزيارة الخطوة الأمر الاتجاه التطورات الأحداث الوضع \
         الواقع الظروف الحادثة التجربة الصورة ذلك هذا هذه تلك ذاك هؤلاء هذان هاتان ما مما الذي \
         التي الذين this that these those which what there here move step visit trend \
         development situation fact incident event shift";
        WORDS.split_whitespace().map(fold).collect()
    });
    table.contains(word) || strip_conjunction(word).is_some_and(|rest| table.contains(rest))
}

/// Determiners that make the following head a later mention of a source already named:
/// «ذات الدراسة», «نفس التقرير», «هذه المنظمة», «التقرير المذكور»; "the same report", "this
/// study", "the think tank". Arabic folded (و/ف allowed), English lowercased.
pub fn is_anaphoric_determiner(word: &str) -> bool {
    static TABLE: OnceLock<HashSet<String>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        const WORDS: &str =
            "ذات نفس هذا هذه هذان هاتان هذين هاتين هؤلاء ذلك تلك المذكور المذكورة المذكورين السالف \
         the same this that these those aforementioned";
        WORDS.split_whitespace().map(fold).collect()
    });
    table.contains(word) || strip_conjunction(word).is_some_and(|rest| table.contains(rest))
}

/// Nisba stems, each in 8 forms: X، Xة، Xون، Xين and the same with ال.
const NISBA: &str =
    "روسي أمريكي أميركي كوري شمالي جنوبي ياباني صيني أوروبي دولي فرنسي بريطاني إيراني سعودي \
         مصري تركي إسرائيلي فلسطيني أوكراني عربي خليجي أممي ألماني إيطالي إسباني هندي باكستاني \
         عراقي سوري لبناني أردني قطري إماراتي كويتي بحريني عماني يمني سوداني ليبي تونسي جزائري \
         مغربي موريتاني أفريقي إفريقي آسيوي غربي شرقي محلي رسمي حكومي عسكري أمني دبلوماسي \
         اقتصادي مالي سياسي برلماني إعلامي صحي قضائي وطني اتحادي فيدرالي فدرالي إقليمي عالمي \
         إسلامي كندي أسترالي برازيلي مكسيكي نيجيري إثيوبي أفغاني بولندي هولندي سويسري سويدي \
         نرويجي دنماركي بلجيكي نمساوي يوناني قبرصي أرمني أذربيجاني إندونيسي ماليزي فيتنامي \
         تايواني مجري بلغاري صربي أرجنتيني تنفيذي مركزي استخباراتي بحثي أكاديمي حقوقي إنساني \
         إغاثي تشريعي رئاسي وزاري";

/// Other adjectives that extend a source phrase («الأمين العام», «الرئيس السابق», «مصادر
/// مطلعة», «مسؤول كبير»), in the forms listed.
const SOURCE_ADJECTIVES: &str =
    "العام العامة الأعلى المتحدة السابق السابقة الحالي الحالية المستقل المستقلة المساعد \
         المساعدة مطلع مطلعة المطلعة مطلعون مطلعين مقرب مقربة مقربون مقربين رفيع رفيعة كبير \
         كبيرة بارز بارزة البارز البارزة";

/// Nationality and relational adjectives that extend an Arabic source phrase («وزير الخارجية
/// الروسي», «الوكالة الدولية», «مصادر أمنية», «مسؤولون أمريكيون»), and a few role adjectives
/// («العام», «السابق», «مطلعة», «كبير»). Folded token; English ones are capitalised names, not
/// listed.
pub fn is_arabic_relational_adjective(word: &str) -> bool {
    arabic_adjectives().contains(word)
}

fn arabic_adjectives() -> &'static HashSet<String> {
    static TABLE: OnceLock<HashSet<String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut set = HashSet::default();
        for stem in NISBA.split_whitespace() {
            let stem = fold(stem);
            for form in [
                stem.clone(),
                join(&[&*stem, "ه"]),
                join(&[&*stem, "ون"]),
                join(&[&*stem, "ين"]),
            ] {
                set.insert(join(&["ال", &*form]));
                set.insert(form);
            }
        }
        set.extend(SOURCE_ADJECTIVES.split_whitespace().map(fold));
        set
    })
}

/// English titles that precede a name: Mr, Mrs, Ms, Dr, Prof, President, Minister, Senator,
/// Gen., Judge, Chief ... Any case; a final full stop is ignored.
pub fn english_title(word: &str) -> bool {
    const TITLES: &str =
        "mr mrs ms miss dr prof professor doctor president minister senator sen rep \
         representative congressman congresswoman gov governor mayor gen general lt col colonel \
         maj major capt captain adm admiral sgt judge justice chief sir dame lord lady sheikh \
         king queen prince princess emir pope rabbi imam rev reverend ambassador secretary \
         chancellor premier commissioner director chairman chairwoman speaker deputy inspector \
         detective officer";
    static TABLE: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let table = TABLE.get_or_init(|| TITLES.split_whitespace().collect());
    let w = word.strip_suffix('.').unwrap_or(word);
    if w.is_empty() || w.len() > 16 {
        return false;
    }
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return table.contains(w);
    }
    // Titles are ASCII words: "Dr.", "SEN."
    table.contains(w.to_ascii_lowercase().as_str())
}

/// The sizes of the tables as built: distinct lemmas and words that the lookups reach.
pub fn sizes() -> LexiconSizes {
    let ar = ar_cues();
    let en = en_cues();
    let en_heads = en_heads();
    LexiconSizes {
        arabic_cue_lemmas: ar.lemmas,
        arabic_cue_forms: ar.forms.len(),
        arabic_cue_phrases: AR_PHRASES.len() + AR_LAM_PHRASES.len(),
        english_cue_lemmas: en.lemmas,
        english_cue_forms: en.forms.len(),
        english_cue_phrases: EN_PHRASES.len()
            + EN_PARTICLE_VERBS.len()
            + EN_ADVERBS.len()
            + EN_IMPERSONAL.len(),
        arabic_heads: ar_heads().distinct,
        english_heads: en_heads.words.len(),
        english_head_phrases: en_heads.phrases.values().map(Vec::len).sum(),
        arabic_relational_adjectives: NISBA
            .split_whitespace()
            .map(fold)
            .collect::<HashSet<_>>()
            .len(),
    }
}
