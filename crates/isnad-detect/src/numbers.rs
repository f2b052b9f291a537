//! Quantities in news text, a strong sign of a checkable claim: numbers in any script,
//! number words in Arabic and English, percentages, money, measures, years, months and dates.
//!
//! The scan works on the original article text (`&[char]`, offsets in code points) and folds it
//! lightly as it goes: harakat, tatweel and zero-width (non-)joiners are ignored inside words,
//! أ إ آ ٱ read as ا, ى as ي, ة as ه, Eastern Arabic and Persian digits as digits, ٫ as the decimal
//! point, ٬ as the thousands separator and ٪ as the percent sign.
//!
//! A span covers the number phrase and the words that say what kind of number it is: a currency
//! (`$`, «دولار», "euros"), a percent sign or word («في المائة», "per cent"), a scale ("million",
//! «ملايين»), a measure unit ("km", «طن») and the month of a date. The counted noun is left out:
//! «أربعة وعشرين عاماً» gives «أربعة وعشرين», "5 million people" gives "5 million". So are
//! approximators ("roughly", «نحو»), signs and attached Arabic clitics: «بخمسة ملايين» gives
//! «خمسة ملايين» and «و40%» gives «40%».
//!
//! Not quantities: digits inside names and codes ("COVID-19", «كوفيد-19», "G8", "F-16", "MH17",
//! "4G", "Section 230"), times ("10:30"), phone numbers and "one" used as a pronoun ("no one",
//! "the one who", "one of them").
//!
//! The scan is linear in the length of the text: the text is read line by line (no quantity
//! crosses a line break), each line is cut into tokens once, and every match looks ahead a bounded
//! number of tokens. Nothing here panics: every index goes through `.get()`.

use std::cell::Cell;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use crate::normalize::push_ascii_lowercase;

/// What a quantity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuantityKind {
    /// "30%", «30 في المائة», "8 per cent".
    Percent,
    /// "$4.2 billion", «40 مليار دولار», "£3".
    Money,
    /// A plain number or a number phrase: "5,000", «خمسة ملايين», "two dozen", "thousands".
    Count,
    /// A year standing alone: «عام 2023», "by 2030", "the 1990s".
    Year,
    /// A day or a year with its month: "14 March 2025", «يوليو 2000», "2025-03-14".
    Date,
    /// A month alone: "in May", «في أيلول».
    Month,
    /// "a third", «ثلث», "half", "one in five", "two-thirds".
    Fraction,
    /// "third-largest", «الثالث», "21st".
    Ordinal,
    /// A number with a unit of measure: "30 km", «5 أطنان», "40°C".
    Measure,
}

/// One quantity, in code points of the text given to [`quantities`].
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub start: usize,
    pub end: usize,
    pub kind: QuantityKind,
    /// parsed value where it is a number (5 million → 5e6; 30% → 30.0; year → 2023.0), None otherwise
    pub value: Option<f64>,
}

/// Every quantity in chars[start..end] (absolute offsets), in order, non-overlapping, longest match.
pub fn quantities(chars: &[char], start: usize, end: usize) -> Vec<Quantity> {
    let end = end.min(chars.len());
    let mut line = start.min(end);
    let mut out = Vec::new();
    let mut scanner = Scanner {
        chars,
        lex: lexicon(),
        toks: Vec::new(),
        arena: String::new(),
        last: Cell::new((0, 0, None)),
    };
    while line < end {
        let mut line_end = line;
        while line_end < end && !chars.get(line_end).is_some_and(|&c| is_line_break(c)) {
            line_end += 1;
        }
        scanner.load(line, line_end);
        scanner.scan(end, &mut out);
        line = line_end + 1;
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Characters and folding

/// The value of a digit in the Western, Eastern Arabic or Persian script.
#[inline(always)]
fn digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '\u{0660}'..='\u{0669}' => u8::try_from(c as u32 - 0x0660).ok(),
        '\u{06F0}'..='\u{06F9}' => u8::try_from(c as u32 - 0x06F0).ok(),
        _ => None,
    }
}

/// Characters a word carries without them changing what it says: harakat, Quranic marks,
/// tatweel, zero-width (non-)joiners and Latin combining accents.
#[inline(always)]
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}' | '\u{0640}' | '\u{200C}' | '\u{200D}')
}

/// Invisible formatting (bidi controls, soft hyphen, word joiner): skipped everywhere.
#[inline(always)]
fn is_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

#[inline(always)]
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

#[inline(always)]
fn is_letter(c: char) -> bool {
    match c {
        // The common cases first: the general table lookup is slow outside ASCII.
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7F}' => false,
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => true,
        _ => c.is_alphabetic() && !is_mark(c) && digit(c).is_none(),
    }
}

#[inline(always)]
fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

#[inline(always)]
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, '\u{00C0}'..='\u{024F}')
}

#[inline(always)]
fn script_of(c: char) -> Script {
    if is_arabic_letter(c) {
        Script::Arabic
    } else if is_latin_letter(c) {
        Script::Latin
    } else {
        Script::Other
    }
}

/// The light folding words are compared in: one folded character for each letter.
#[inline(always)]
fn fold(c: char) -> char {
    match c {
        // ASCII first: the most frequent, and none of the letters below.
        c if c.is_ascii() => c.to_ascii_lowercase(),
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ی' => 'ي',
        'ة' | 'ۀ' => 'ه',
        'ک' => 'ك',
        '’' | '‘' | 'ʼ' => '\'',
        // Arabic letters have no case.
        '\u{0600}'..='\u{06FF}' => c,
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// The letters written before a dollar sign to say whose dollar: "US$", "HK$", "A$" (folded).
const DOLLAR_COUNTRIES: [&str; 8] = ["us", "a", "c", "hk", "nz", "s", "au", "ca"];

/// Separators a number may carry between two of its digits.
fn is_num_sep(c: char) -> bool {
    matches!(c, '.' | ',' | '٫' | '٬' | '\u{2009}' | '\u{202F}')
}

/// Currency signs written next to the amount.
fn is_currency_sign(c: char) -> bool {
    matches!(
        c,
        '$' | '€' | '£' | '¥' | '₹' | '₽' | '₺' | '₪' | '₩' | '₦' | '﷼'
    )
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Reads a run of digits and separators (digits already in ASCII). `None` when the separators
/// make no number ("1.2.3", "1,23,4").
fn parse_number(raw: &str) -> Option<f64> {
    let dots = raw.matches('.').count();
    let commas = raw.matches(',').count();
    let decimal = if raw.contains('٫') {
        Some('٫')
    } else if dots > 0 && commas > 0 {
        if raw.rfind('.') > raw.rfind(',') {
            Some('.')
        } else {
            Some(',')
        }
    } else if commas == 1 && !groups_of_three(raw, ',') {
        Some(',')
    } else if dots == 1 {
        Some('.')
    } else {
        None
    };
    let mut out = String::with_capacity(raw.len());
    let mut seen_decimal = false;
    for (at, c) in raw.char_indices() {
        if c.is_ascii_digit() {
            out.push(c);
        } else if Some(c) == decimal {
            if seen_decimal {
                return None;
            }
            seen_decimal = true;
            out.push('.');
        } else {
            // A thousands separator: exactly three digits follow it.
            if seen_decimal {
                return None;
            }
            let rest = raw.get(at + c.len_utf8()..).unwrap_or("");
            let run = rest.chars().take_while(char::is_ascii_digit).count();
            if run != 3 {
                return None;
            }
        }
    }
    out.parse::<f64>().ok()
}

/// Whether every `sep` in `raw` is followed by exactly three digits.
fn groups_of_three(raw: &str, sep: char) -> bool {
    raw.split(sep)
        .skip(1)
        .all(|g| g.chars().take_while(char::is_ascii_digit).count() == 3)
}

// ---------------------------------------------------------------------------------------------
// The lexicon

/// The word tables are small and the keys short: a fast hash ([`crate::lexicon::FastHasher`]).
type Map = HashMap<String, Lex, BuildHasherDefault<crate::lexicon::FastHasher>>;

/// How many of a scale a scale word says: «مليون» one, «مليونان» two, «ملايين» several.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Form {
    One,
    Two,
    Many,
}

/// What a word is worth inside a number phrase.
#[derive(Debug, Clone, Copy, PartialEq)]
enum NumWord {
    /// A value and the columns it fills (1 units, 2 tens, 4 hundreds; 7 for digits).
    Val(f64, u8),
    /// «أحد», «اثنا»: a unit only in front of «عشر».
    TeenUnit(f64),
    /// "hundred", «مائة».
    Hundred,
    Scale(f64, Form),
    /// "thousands", «عشرات»: a quantity without a value.
    Vague,
    Frac(f64),
}

const M_AMBIGUOUS: u8 = 1; // "May", «مارس»: a month alone only after a cue word
const M_STRICT: u8 = 2; // «آب» (and «أب», father): only next to a day or a year
const M_ABBR: u8 = 4; // "Jan.": never alone
const M_HEAD: u8 = 8; // «كانون», «تشرين»: a month with الأول / الثاني

#[derive(Debug, Clone, Copy, Default)]
struct Lex {
    num: Option<NumWord>,
    month: u8,
    month_flags: u8,
    money: bool,
    measure: bool,
    ordinal: u8,
    /// "first", «ثاني»: an ordinal only before a superlative (or «عشر»).
    ordinal_weak: bool,
    /// "third", "quarters", «أرباع»: the denominator of a fraction.
    den: u8,
    /// Words after which a month name alone is a month: "in", «منذ».
    cue: bool,
    superlative: bool,
}

fn lexicon() -> &'static Map {
    static LEX: OnceLock<Map> = OnceLock::new();
    LEX.get_or_init(build_lexicon)
}

/// The words of the lexicon, bare and with the article «ال»: where an Arabic quantity may
/// start once clitics are stripped ([`Scanner::may_start`]), one lookup a split.
fn arabic_starts() -> &'static crate::lexicon::HashSet<String> {
    static STARTS: OnceLock<crate::lexicon::HashSet<String>> = OnceLock::new();
    STARTS.get_or_init(|| {
        let lex = lexicon();
        let mut set = crate::lexicon::HashSet::default();
        for k in lex.keys().filter(|k| !k.is_empty()) {
            set.insert(k.clone());
            set.insert(format!("ال{k}"));
        }
        set
    })
}

fn build_lexicon() -> Map {
    let mut m = Map::default();
    let words = str::split_whitespace;
    let nums: [(&str, NumWord); 12] = [
        ("hundred", NumWord::Hundred),
        ("thousand", NumWord::Scale(1e3, Form::One)),
        ("million", NumWord::Scale(1e6, Form::One)),
        ("billion", NumWord::Scale(1e9, Form::One)),
        ("trillion", NumWord::Scale(1e12, Form::One)),
        ("dozen", NumWord::Scale(12.0, Form::One)),
        (
            "dozens hundreds thousands millions billions trillions",
            NumWord::Vague,
        ),
        ("half", NumWord::Frac(0.5)),
        // Arabic, folded
        ("واحد واحده", NumWord::Val(1.0, 1)),
        ("اثنان اثنين اثنتان اثنتين", NumWord::Val(2.0, 1)),
        ("احد احدي", NumWord::TeenUnit(1.0)),
        ("اثنا اثني اثنتا اثنتي", NumWord::TeenUnit(2.0)),
    ];
    let more: [(&str, NumWord); 19] = [
        ("عشر عشره", NumWord::Val(10.0, 3)),
        ("مائه مئه", NumWord::Hundred),
        (
            "مائتان مائتين مئتان مئتين مائتا مائتي مئتا مئتي",
            NumWord::Val(200.0, 4),
        ),
        ("الف الفا", NumWord::Scale(1e3, Form::One)),
        ("الفان الفين الفي", NumWord::Scale(1e3, Form::Two)),
        ("الاف", NumWord::Scale(1e3, Form::Many)),
        ("مليون مليونا", NumWord::Scale(1e6, Form::One)),
        ("مليونان مليونين مليوني", NumWord::Scale(1e6, Form::Two)),
        ("ملايين", NumWord::Scale(1e6, Form::Many)),
        ("مليار مليارا بليون", NumWord::Scale(1e9, Form::One)),
        ("ملياران مليارين ملياري", NumWord::Scale(1e9, Form::Two)),
        ("مليارات", NumWord::Scale(1e9, Form::Many)),
        ("تريليون تريليونا ترليون", NumWord::Scale(1e12, Form::One)),
        ("تريليونات ترليونات", NumWord::Scale(1e12, Form::Many)),
        ("عشرات مئات", NumWord::Vague),
        ("نصف", NumWord::Frac(0.5)),
        ("ثلث", NumWord::Frac(1.0 / 3.0)),
        ("ربع", NumWord::Frac(0.25)),
        ("سدس", NumWord::Frac(1.0 / 6.0)),
    ];
    for (list, w) in nums.into_iter().chain(more) {
        for k in words(list) {
            m.entry(k.to_string()).or_default().num = Some(w);
        }
    }
    m.entry("ثلثي".to_string()).or_default().num = Some(NumWord::Frac(2.0 / 3.0));
    m.entry("ثلثا".to_string()).or_default().num = Some(NumWord::Frac(2.0 / 3.0));
    // units, teens and tens: English, then Arabic (each Arabic slot lists its spellings)
    let en_units = "one two three four five six seven eight nine";
    let en_teens =
        "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen";
    let en_tens = "twenty thirty forty fifty sixty seventy eighty ninety";
    let ar_units = "ثلاث,ثلاثه اربع,اربعه خمس,خمسه ست,سته سبع,سبعه ثمان,ثماني,ثمانيه تسع,تسعه";
    let ar_tens = "عشرون,عشرين ثلاثون,ثلاثين اربعون,اربعين خمسون,خمسين ستون,ستين سبعون,سبعين \
                   ثمانون,ثمانين تسعون,تسعين";
    let ar_hundreds = "ثلاث,ثلث اربع خمس ست سبع ثمان,ثماني تسع";
    let mut put = |list: &str, first: f64, step: f64, cols: u8| {
        for (n, slot) in words(list).enumerate() {
            let v = first + step * n as f64;
            for k in slot.split(',') {
                m.entry(k.to_string()).or_default().num = Some(NumWord::Val(v, cols));
            }
        }
    };
    put(en_units, 1.0, 1.0, 1);
    put(en_teens, 10.0, 1.0, 3);
    put(en_tens, 20.0, 10.0, 2);
    put(ar_units, 3.0, 1.0, 1);
    put(ar_tens, 20.0, 10.0, 2);
    for (n, slot) in words(ar_hundreds).enumerate() {
        for stem in slot.split(',') {
            for tail in ["مائه", "مئه"] {
                let v = NumWord::Val(300.0 + 100.0 * n as f64, 4);
                m.entry(format!("{stem}{tail}")).or_default().num = Some(v);
            }
        }
    }
    // fraction denominators
    let dens = "half:2 third:3 thirds:3 quarter:4 quarters:4 fifth:5 fifths:5 sixth:6 sixths:6 \
                seventh:7 sevenths:7 eighth:8 eighths:8 ninth:9 ninths:9 tenth:10 tenths:10 \
                ارباع:4 اخماس:5 اعشار:10";
    // ordinals; those at 1 and 2 are weak (only before a superlative or «عشر»)
    let ordinals = "first:1 second:2 third:3 fourth:4 fifth:5 sixth:6 seventh:7 eighth:8 ninth:9 \
                    tenth:10 eleventh:11 twelfth:12 twentieth:20 حادي:1 حاديه:1 ثاني:2 ثانيه:2 \
                    ثالث:3 ثالثه:3 رابع:4 رابعه:4 خامس:5 خامسه:5 سادس:6 سادسه:6 سابع:7 سابعه:7 \
                    ثامن:8 ثامنه:8 تاسع:9 تاسعه:9 عاشر:10 عاشره:10";
    for (w, n) in words(dens).filter_map(|p| p.split_once(':')) {
        m.entry(w.to_string()).or_default().den = n.parse().unwrap_or(0);
    }
    for (w, n) in words(ordinals).filter_map(|p| p.split_once(':')) {
        let e = m.entry(w.to_string()).or_default();
        e.ordinal = n.parse().unwrap_or(0);
        e.ordinal_weak = e.ordinal <= 2;
    }
    // months: name:number, then a flag (a ambiguous, s strict, b abbreviation, h head)
    let months = "january:1 february:2 march:3a april:4 may:5a june:6 july:7 august:8a \
                  september:9 october:10 november:11 december:12 jan:1b feb:2b mar:3b apr:4b \
                  jun:6b jul:7b aug:8b sep:9b sept:9b oct:10b nov:11b dec:12b \
                  يناير:1 فبراير:2 مارس:3a ابريل:4 مايو:5 يونيو:6 يونيه:6 يوليو:7 يوليه:7 \
                  اغسطس:8 سبتمبر:9 اكتوبر:10 نوفمبر:11 ديسمبر:12 يوليوز:7 غشت:8 شتنبر:9 \
                  نونبر:11 دجنبر:12 شباط:2 اذار:3 نيسان:4a ايار:5 حزيران:6 تموز:7a اب:8s \
                  ايلول:9 كانون:1h تشرين:10h";
    for (w, spec) in words(months).filter_map(|p| p.split_once(':')) {
        let digits = spec.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let flags = match spec.get(digits.len()..).unwrap_or("") {
            "a" => M_AMBIGUOUS,
            "s" => M_STRICT,
            "b" => M_ABBR,
            "h" => M_HEAD,
            _ => 0,
        };
        let e = m.entry(w.to_string()).or_default();
        e.month = digits.parse().unwrap_or(0);
        e.month_flags = flags;
    }
    let money = "dollar dollars euro euros pound pounds sterling yen yuan renminbi rupee rupees \
                 rouble roubles ruble rubles riyal riyals rial rials dirham dirhams dinar dinars \
                 lira liras lire shekel shekels franc francs peso pesos usd eur gbp egp sar aed \
                 jpy cny chf inr ils qar kwd \
                 دولار دولارا دولارات يورو جنيه جنيها جنيهات ريال ريالا ريالات درهم درهما دراهم \
                 دينار دينارا دنانير ليره ليرات شيكل شيقل شواكل روبل يوان فرنك روبيه";
    let measure = "km kilometre kilometres kilometer kilometers mile miles metre metres meter \
                   meters foot feet kg kilogram kilograms kilogramme kilogrammes kilo kilos tonne \
                   tonnes ton tons gram grams hectare hectares acre acres litre litres liter \
                   liters gallon gallons barrel barrels bpd degree degrees mph mw gw kwh gwh \
                   megawatt megawatts gigawatt gigawatts ft cm mm lb lbs \
                   كيلومتر كيلومترا كيلومترات كلم كم متر مترا امتار ميل ميلا اميال طن طنا اطنان \
                   كيلوغرام كيلوجرام كيلوغراما كيلوجراما كغ كجم كيلو غرام جرام هكتار هكتارا \
                   هكتارات فدان فدانا افدنه لتر لترا لترات برميل براميل درجه درجات ميغاواط ميجاوات \
                   ميغاوات جيجاوات غيغاواط كيلوواط";
    let cues = "in since until till by from of during last next this early late mid before after \
                through between and to end on throughout \
                في منذ خلال حتي شهر مطلع اوائل اواخر منتصف نهايه بدايه اواسط قبل بعد الي بحلول من";
    let superlatives = "most least best worst اكبر اعلي اكثر اقل اغني افقر اسرع اطول اهم اقوي";
    for w in words(money) {
        m.entry(w.to_string()).or_default().money = true;
    }
    for w in words(measure) {
        m.entry(w.to_string()).or_default().measure = true;
    }
    for w in words(cues) {
        m.entry(w.to_string()).or_default().cue = true;
    }
    for w in words(superlatives) {
        m.entry(w.to_string()).or_default().superlative = true;
    }
    m
}

/// Whether `w` is one of the space-separated words of `list`.
fn listed(list: &str, w: &str) -> bool {
    if w.is_empty() || w.contains(char::is_whitespace) {
        return false;
    }
    // A substring search, then a whole-word check: the lists are long and read on every word.
    list.match_indices(w).any(|(at, _)| {
        let before = list[..at].chars().next_back();
        let after = list[at + w.len()..].chars().next();
        before.is_none_or(char::is_whitespace) && after.is_none_or(char::is_whitespace)
    })
}

/// Arabic clitics that may be glued to the digits of a number: «و40%», «بـ30», «ال100».
const AR_CLITICS: &str = "و ف ب ل ك وب ول فب فل وك ال وال بال فال كال لل ولل";
/// Words before a number that make it a name or a code: "Section 230", «القرار 2334».
const CODE_WORDS: &str = "section article resolution flight chapter clause paragraph amendment \
                          route boeing airbus iphone windows apollo model version no covid \
                          الماده القرار البند الفصل الرحله رقم كوفيد كورونا";
/// Words before "-2023" that keep the number a number: "mid-2023", "pre-2020".
const HYPHEN_PREFIXES: &str = "mid pre post early late end start under over";
/// Latin letters glued after digits that do not make a code: "5m", "3rd", "1990s", "30km".
const NUM_SUFFIXES: &str =
    "st nd rd th s m mn bn b k tn trn km kg mph mw gw kwh gwh bpd ft cm mm lb lbs \
                            million billion thousand trillion percent pc";
/// Words before a lone "one" that make it a pronoun: "no one", "the one", "each one".
const ONE_PREV: &str = "the no any every each this that which a an someone anyone everyone \
                        little last next other another same right wrong new old big small such \
                        loved young chosen lucky";
/// Words after a lone "one" that make it a pronoun: "one of", "one who", "one another".
const ONE_NEXT: &str = "of who whom whose that which another day way thing side hand is was has \
                        had can could will would should may might must does did and or but to \
                        in on at for by with else more less too here there i you he she it we \
                        they";
/// Nationality adjectives after an Arabic currency: «دولار أمريكي», «جنيه مصري».
const AR_CURRENCY_ADJ: &str = "امريكي مصري سعودي اماراتي قطري كويتي اردني عراقي ليبي تونسي \
                               جزائري مغربي لبناني سوري تركي استرليني بحريني عماني يمني سوداني \
                               اسرائيلي روسي صيني ايراني";
/// Definite plural currencies after a vague quantity: «ملايين الدولارات».
const AR_CURRENCY_DEF: &str = "الدولارات الجنيهات اليوروهات الريالات الدراهم الدنانير الليرات";
/// Words of time after "N in M": "5 in 10 years" is not a fraction.
const TIME_WORDS: &str = "year years month months week weeks day days decade decades hour hours \
                          minute minutes seconds";

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Num,
    Sym,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Arabic,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    En,
    Ar,
}

/// A word, a number (digits and the separators between them) or one other character.
#[derive(Debug, Clone, Copy)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
    /// No space between this token and the one before.
    glued: bool,
    /// The folded word or the number's digits (in ASCII) and separators, in the arena.
    fs: usize,
    fe: usize,
    sym: char,
    script: Script,
    /// The word starts with a capital letter.
    cap: bool,
}

enum Step {
    Found(Quantity, usize),
    Skip(usize),
    Nothing,
}

/// One piece of a number phrase.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Item {
    Val(f64, u8),
    Hundred,
    Scale(f64, Form),
    Frac(f64),
    /// "and a half", «ونصف».
    Half,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Last {
    None,
    Val,
    Hundred,
    Scale,
    Half,
}

/// The running value of a number phrase: `total` holds what the scales have closed, `cur` the
/// group being read, `cols` the columns of `cur` already filled.
#[derive(Clone)]
struct Acc {
    lang: Lang,
    total: f64,
    cur: f64,
    cols: u8,
    last_scale: f64,
    last: Last,
    items: usize,
    frac: bool,
}

impl Acc {
    fn new(lang: Lang) -> Self {
        Acc {
            lang,
            total: 0.0,
            cur: 0.0,
            cols: 0,
            last_scale: f64::INFINITY,
            last: Last::None,
            items: 0,
            frac: false,
        }
    }

    fn value(&self) -> f64 {
        self.total + self.cur
    }

    /// Adds an item; false (and nothing changed) when it does not continue the number.
    fn apply(&mut self, item: Item) -> bool {
        if self.last == Last::Half && !matches!(item, Item::Scale(..)) {
            return false;
        }
        match item {
            Item::Val(v, cols) => {
                if self.cols & cols != 0
                    || (self.frac && self.items > 0)
                    || self.cur + v >= self.last_scale
                {
                    return false;
                }
                if self.lang == Lang::En && self.cols != 0 {
                    // English reads from the highest column down: "twenty five", not "five twenty".
                    let lowest = self.cols & self.cols.wrapping_neg();
                    let highest = 1u8 << (7 - cols.leading_zeros().min(7));
                    if highest >= lowest {
                        return false;
                    }
                }
                self.cur += v;
                self.cols |= cols;
                self.last = Last::Val;
            }
            Item::Hundred => {
                if self.cols & 4 != 0 || self.frac {
                    return false;
                }
                let multiplies = match self.lang {
                    Lang::En => self.cur >= 1.0 && self.cur < 100.0,
                    Lang::Ar => self.cols == 1 && self.last == Last::Val,
                };
                if multiplies {
                    if self.cur * 100.0 >= self.last_scale {
                        return false;
                    }
                    self.cur *= 100.0;
                    self.cols = 4;
                } else if self.cols == 0 && self.lang == Lang::Ar {
                    self.cur = 100.0;
                    self.cols = 4;
                } else {
                    return false;
                }
                self.last = Last::Hundred;
            }
            Item::Scale(s, form) => {
                if s >= self.last_scale {
                    return false;
                }
                let group = match form {
                    Form::One if self.cols == 0 => {
                        if self.lang == Lang::En {
                            return false;
                        }
                        1.0
                    }
                    Form::One | Form::Many if self.cols != 0 => self.cur,
                    Form::Two if self.cols == 0 => 2.0,
                    _ => return false,
                };
                self.total += group * s;
                self.cur = 0.0;
                self.cols = 0;
                self.last_scale = s;
                self.last = Last::Scale;
                self.frac = false;
            }
            Item::Frac(f) => {
                if self.items > 0 {
                    return false;
                }
                self.cur = f;
                self.cols = 7;
                self.frac = true;
                self.last = Last::Val;
            }
            Item::Half => {
                match self.last {
                    Last::Scale if self.last_scale.is_finite() => {
                        self.total += 0.5 * self.last_scale;
                    }
                    Last::Val | Last::Hundred if self.cols != 0 && !self.frac => self.cur += 0.5,
                    _ => return false,
                }
                self.last = Last::Half;
            }
        }
        self.items += 1;
        true
    }
}

/// A number phrase read from its first token.
struct Phrase {
    /// Where it starts, in code points (after any clitic).
    start: usize,
    /// The token after it.
    end: usize,
    value: f64,
    lang: Lang,
    /// A bare fraction: «ثلث», "a third", "half".
    frac: bool,
    /// "thousands", «عشرات»: no value.
    vague: bool,
    /// The number token when the phrase is that number alone.
    digits: Option<usize>,
    /// The first token when the phrase is one number word worth 1 ("one", «واحد»).
    lone_one: Option<usize>,
    /// A capitalised English number word inside a name: "Formula One".
    name: bool,
    /// «القرن العشرين»: a definite number after «القرن» is a century.
    century: bool,
}

/// The first item of a phrase.
struct First {
    item: Item,
    start: usize,
    next: usize,
    lang: Lang,
    digits: Option<usize>,
    /// «السنوات العشر»: a definite number word, never continued.
    definite: bool,
    vague: bool,
}

struct Scanner<'a> {
    chars: &'a [char],
    lex: &'static Map,
    toks: Vec<Tok>,
    arena: String,
    /// The last word looked up (address and length of its text) and what the lexicon says of
    /// it: the readings tried at one token look its word up several times. Emptied with the
    /// arena, whose addresses the next line reuses.
    last: Cell<(usize, usize, Option<&'static Lex>)>,
}

impl Scanner<'_> {
    /// Cuts chars[start..end] (one line) into tokens.
    fn load(&mut self, start: usize, end: usize) {
        self.toks.clear();
        self.arena.clear();
        self.last.set((0, 0, None));
        let chars = self.chars;
        let at = |i: usize| chars.get(i).copied().unwrap_or('\n');
        let mut i = start;
        let mut glued = false;
        while i < end {
            let c = at(i);
            if let Some(d) = digit(c) {
                let fs = self.arena.len();
                self.arena.push(char::from(b'0' + d));
                let mut j = i + 1;
                let mut seps = 0;
                while j < end {
                    let d = at(j);
                    if let Some(v) = digit(d) {
                        self.arena.push(char::from(b'0' + v));
                        j += 1;
                    } else if is_num_sep(d) && self.sep_joins(j, end, d, seps) {
                        self.arena.push(d);
                        seps += 1;
                        j += 1;
                    } else {
                        break;
                    }
                }
                self.toks.push(Tok {
                    kind: Kind::Num,
                    start: i,
                    end: j,
                    glued,
                    fs,
                    fe: self.arena.len(),
                    sym: '0',
                    script: Script::Other,
                    cap: false,
                });
                glued = true;
                i = j;
            } else if is_mark(c) || is_format(c) {
                i += 1;
            } else if c.is_whitespace() {
                glued = false;
                i += 1;
            } else if is_letter(c) {
                let script = script_of(c);
                let fs = self.arena.len();
                self.arena.push(fold(c));
                let mut j = i + 1;
                if script == Script::Latin {
                    let rest = chars.get(j..end).unwrap_or_default();
                    let run = rest.iter().take_while(|d| d.is_ascii_alphabetic()).count();
                    push_ascii_lowercase(rest.get(..run).unwrap_or_default(), &mut self.arena);
                    j += run;
                }
                while j < end {
                    let d = at(j);
                    // Most Arabic letters: the basic alphabet, answered first (basic Latin letters
                    // were taken in one run above).
                    let plain = script == Script::Arabic
                        && matches!(d, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}');
                    if plain {
                        self.arena.push(fold(d));
                        j += 1;
                    } else if is_mark(d) {
                        j += 1;
                    } else if is_letter(d) && script_of(d) == script {
                        self.arena.push(fold(d));
                        j += 1;
                    } else if matches!(d, '\'' | '’')
                        && script == Script::Latin
                        && is_latin_letter(at(j + 1))
                        && j + 1 < end
                    {
                        self.arena.push('\'');
                        j += 1;
                    } else {
                        break;
                    }
                }
                self.toks.push(Tok {
                    kind: Kind::Word,
                    start: i,
                    end: j,
                    glued,
                    fs,
                    fe: self.arena.len(),
                    sym: c,
                    script,
                    cap: c.is_uppercase(),
                });
                glued = true;
                i = j;
            } else {
                self.toks.push(Tok {
                    kind: Kind::Sym,
                    start: i,
                    end: i + 1,
                    glued,
                    fs: 0,
                    fe: 0,
                    sym: c,
                    script: Script::Other,
                    cap: false,
                });
                glued = true;
                i += 1;
            }
        }
    }

    /// Whether the separator at `j` sits inside a number: "5,000", "3.5", "٣٫٥", "1,5".
    fn sep_joins(&self, j: usize, end: usize, sep: char, seps_before: usize) -> bool {
        let mut run = 0;
        while j + 1 + run < end
            && self
                .chars
                .get(j + 1 + run)
                .is_some_and(|&c| digit(c).is_some())
        {
            run += 1;
        }
        match sep {
            '.' | '٫' | '٬' => run > 0,
            ',' => run == 3 || (seps_before == 0 && (1..=2).contains(&run)),
            _ => run == 3,
        }
    }

    fn scan(&self, limit: usize, out: &mut Vec<Quantity>) {
        let mut i = 0;
        while i < self.toks.len() {
            match self.at(i) {
                Step::Found(q, next) => {
                    let after = out.last().map_or(0, |p| p.end);
                    if q.start < q.end && q.start >= after && q.end <= limit {
                        out.push(q);
                    }
                    i = next.max(i + 1);
                }
                Step::Skip(next) => i = next.max(i + 1),
                Step::Nothing => i += 1,
            }
        }
    }

    // --- token access -----------------------------------------------------------------------

    fn t(&self, j: usize) -> Option<&Tok> {
        self.toks.get(j)
    }

    fn kind(&self, j: usize) -> Option<Kind> {
        self.t(j).map(|t| t.kind)
    }

    /// The folded word at `j`, "" when `j` is not a word.
    fn word(&self, j: usize) -> &str {
        match self.t(j) {
            Some(t) if t.kind == Kind::Word => self.arena.get(t.fs..t.fe).unwrap_or(""),
            _ => "",
        }
    }

    /// The word at `j` when a space comes before it.
    fn sword(&self, j: usize) -> &str {
        if self.spaced(j) {
            self.word(j)
        } else {
            ""
        }
    }

    /// The word at `j` when it is glued to the token before.
    fn gword(&self, j: usize) -> &str {
        if self.glued(j) {
            self.word(j)
        } else {
            ""
        }
    }

    /// The digits and separators of the number at `j`.
    fn raw(&self, j: usize) -> &str {
        match self.t(j) {
            Some(t) if t.kind == Kind::Num => self.arena.get(t.fs..t.fe).unwrap_or(""),
            _ => "",
        }
    }

    fn spaced(&self, j: usize) -> bool {
        self.t(j).is_some_and(|t| !t.glued)
    }

    fn glued(&self, j: usize) -> bool {
        self.t(j).is_some_and(|t| t.glued)
    }

    fn sym(&self, j: usize) -> Option<char> {
        self.t(j).filter(|t| t.kind == Kind::Sym).map(|t| t.sym)
    }

    fn script(&self, j: usize) -> Option<Script> {
        self.t(j).filter(|t| t.kind == Kind::Word).map(|t| t.script)
    }

    fn lex(&self, w: &str) -> Option<&'static Lex> {
        if w.is_empty() {
            return None;
        }
        let key = (w.as_ptr() as usize, w.len());
        let (at, len, found) = self.last.get();
        if (at, len) == key {
            return found;
        }
        let found = self.lex.get(w);
        self.last.set((key.0, key.1, found));
        found
    }

    fn num_word(&self, w: &str) -> Option<NumWord> {
        self.lex(w).and_then(|l| l.num)
    }

    /// A plain integer of at most nine digits: its value and number of digits.
    fn int(&self, j: usize) -> Option<(u32, usize)> {
        let raw = self.raw(j);
        if raw.is_empty() || raw.len() > 9 || !raw.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        raw.parse().ok().map(|v| (v, raw.len()))
    }

    /// The end offset of the tokens before `end_tok`.
    fn end_of(&self, end_tok: usize) -> usize {
        end_tok
            .checked_sub(1)
            .and_then(|j| self.t(j))
            .map_or(0, |t| t.end)
    }

    fn start_of(&self, j: usize) -> usize {
        self.t(j).map_or(0, |t| t.start)
    }

    /// The offset of the `k`-th folded letter of the word at `j`.
    fn fold_offset(&self, j: usize, k: usize) -> usize {
        let Some(t) = self.t(j) else { return 0 };
        let mut seen = 0;
        for p in t.start..t.end {
            if self.chars.get(p).is_some_and(|&c| is_mark(c)) {
                continue;
            }
            if seen == k {
                return p;
            }
            seen += 1;
        }
        t.end
    }

    fn found(&self, kind: QuantityKind, start: usize, end_tok: usize, value: Option<f64>) -> Step {
        Step::Found(
            Quantity {
                start,
                end: self.end_of(end_tok),
                kind,
                value,
            },
            end_tok,
        )
    }

    /// The token after the glued letters and digits that follow `i` ("MH17A", "G8في").
    fn glued_tail(&self, i: usize) -> usize {
        let mut j = i + 1;
        while self.glued(j) && matches!(self.kind(j), Some(Kind::Word | Kind::Num)) {
            j += 1;
        }
        j
    }

    // --- dispatch ---------------------------------------------------------------------------

    fn at(&self, i: usize) -> Step {
        match self.kind(i) {
            Some(Kind::Num) => self.at_num(i),
            Some(Kind::Word) => self.at_word(i),
            Some(Kind::Sym) => self.at_sym(i),
            None => Step::Nothing,
        }
    }

    fn at_num(&self, i: usize) -> Step {
        if self.code_left(i) {
            return Step::Skip(self.glued_tail(i));
        }
        if let Some(s) = self.numeric_date(i) {
            return s;
        }
        if let Some(next) = self.phone(i) {
            return Step::Skip(next);
        }
        if let Some(s) = self.day_month(i) {
            return s;
        }
        if let Some(s) = self.slash_fraction(i) {
            return s;
        }
        if self.code_right(i) {
            return Step::Skip(self.glued_tail(i));
        }
        match self.phrase(i, false) {
            Some(p) => self.finish(p),
            None => Step::Skip(self.glued_tail(i)),
        }
    }

    fn at_word(&self, i: usize) -> Step {
        // Every reading below starts from a listed word (with its clitics), "a"/"an", "tens"
        // or the capitalised country letters of a dollar sign ("US$5"): most words are none of
        // these.
        if !self.may_start(i) {
            return Step::Nothing;
        }
        if let Some(s) = self.money_prefix_word(i) {
            return s;
        }
        if let Some(s) = self.month_date(i) {
            return s;
        }
        if let Some(p) = self.phrase(i, true) {
            return self.finish(p);
        }
        if let Some(s) = self.ordinal(i) {
            return s;
        }
        Step::Nothing
    }

    /// Whether a quantity can start at the word `i` (see [`Self::at_word`]).
    fn may_start(&self, i: usize) -> bool {
        let Some(t) = self.t(i) else { return false };
        let w = self.word(i);
        match t.script {
            Script::Latin => {
                matches!(w, "a" | "an" | "tens")
                    || self.lex(w).is_some()
                    || t.cap && DOLLAR_COUNTRIES.contains(&w)
            }
            Script::Arabic => {
                let starts = arabic_starts();
                clitic_splits(w)
                    .into_iter()
                    .flatten()
                    .any(|(_, rest)| starts.contains(rest))
            }
            Script::Other => false,
        }
    }

    fn at_sym(&self, i: usize) -> Step {
        let Some(c) = self.sym(i) else {
            return Step::Nothing;
        };
        if matches!(c, '+' | '(') {
            if let Some(next) = self.phone(i) {
                return Step::Skip(next);
            }
        }
        if is_currency_sign(c) {
            if let Some(s) = self.money_after_sign(i, self.start_of(i)) {
                return s;
            }
        }
        Step::Nothing
    }

    // --- codes, phones, dates ---------------------------------------------------------------

    /// Digits glued to letters or code punctuation on their left: "G8", "MH17", "F-16",
    /// «كوفيد-19», "/2023/", "Section 230".
    fn code_left(&self, i: usize) -> bool {
        if !self.glued(i) {
            let prev = i.checked_sub(1).map_or("", |p| self.word(p));
            if listed(CODE_WORDS, prev) {
                return true;
            }
            // "No. 5"
            return i >= 2
                && self.sym(i - 1) == Some('.')
                && self.glued(i - 1)
                && self.word(i - 2) == "no";
        }
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        match self.kind(p) {
            Some(Kind::Word) => match self.script(p) {
                Some(Script::Arabic) => !listed(AR_CLITICS, self.word(p)),
                _ => true,
            },
            Some(Kind::Sym) => {
                let c = self.sym(p).unwrap_or(' ');
                let before = p.checked_sub(1).filter(|_| self.glued(p));
                if is_hyphen(c) {
                    return before.is_some_and(|b| {
                        self.kind(b) == Some(Kind::Word) && !listed(HYPHEN_PREFIXES, self.word(b))
                    });
                }
                match c {
                    '/' | '\\' | '_' | '@' | '#' | '=' | '&' | '~' | '^' | '|' | '*' => true,
                    // a footnote mark: "[12]"
                    '[' => self.sym(i + 1) == Some(']') && self.glued(i + 1),
                    ':' => before.is_some_and(|b| self.kind(b) == Some(Kind::Num)),
                    '.' => {
                        before.is_some_and(|b| matches!(self.kind(b), Some(Kind::Word | Kind::Num)))
                    }
                    _ => false,
                }
            }
            _ => false,
        }
    }

    /// Digits glued to letters or code punctuation on their right: "4G", "3D", "10:30", "24/7".
    fn code_right(&self, i: usize) -> bool {
        let n = i + 1;
        if !self.glued(n) {
            return false;
        }
        match self.kind(n) {
            Some(Kind::Word) => match self.script(n) {
                Some(Script::Arabic) => false,
                Some(Script::Latin) => {
                    !listed(NUM_SUFFIXES, self.word(n))
                        || (self.glued(n + 1)
                            && matches!(self.kind(n + 1), Some(Kind::Word | Kind::Num)))
                }
                _ => true,
            },
            Some(Kind::Sym) => match self.sym(n).unwrap_or(' ') {
                '/' | '\\' | '_' | '@' | '#' | '&' => true,
                ':' => self.glued(n + 1) && self.kind(n + 1) == Some(Kind::Num),
                _ => false,
            },
            _ => false,
        }
    }

    /// Phone numbers and other long digit chains: "+44 20 7946 0958", "(202) 555-0123",
    /// "0100 123 4567". Returns the token after the chain.
    fn phone(&self, i: usize) -> Option<usize> {
        let mut j = i;
        let mut strong = false;
        if matches!(self.sym(j), Some('+' | '(')) {
            strong = true;
            j += 1;
            if !self.glued(j) {
                return None;
            }
        }
        let first = j;
        let mut digits = 0;
        let mut groups = 0;
        let mut lens = (0, 0);
        let mut punct = false;
        let mut end = j;
        while let Some(Kind::Num) = self.kind(j) {
            let raw = self.raw(j);
            if !raw.bytes().all(|b| b.is_ascii_digit()) {
                break;
            }
            digits += raw.len();
            if raw.len() >= 2 && raw.starts_with('0') {
                strong = true;
            }
            groups += 1;
            match groups {
                1 => lens.0 = raw.len(),
                2 => lens.1 = raw.len(),
                _ => {}
            }
            j += 1;
            end = j;
            if groups > 8 {
                break;
            }
            // one separator: a space, or a glued '-', ')', '.', '/'
            match self.sym(j) {
                Some(c) if self.glued(j) && (is_hyphen(c) || matches!(c, ')' | '.')) => {
                    if c == ')' {
                        strong = true;
                    }
                    punct = true;
                    j += 1;
                    if self.kind(j) != Some(Kind::Num) {
                        break;
                    }
                }
                _ if self.spaced(j) && self.kind(j) == Some(Kind::Num) => {}
                _ => break,
            }
        }
        if groups == 0 {
            return None;
        }
        if groups == 1 {
            let long_zero = lens.0 >= 8 && self.raw(first).starts_with('0');
            return (long_zero || (strong && digits >= 7)).then_some(end);
        }
        let three_four = groups == 2 && lens == (3, 4);
        let phone = digits >= 7 && (strong || (punct && groups >= 3) || (punct && three_four));
        phone.then_some(end)
    }

    /// "14/03/2025", "3/14/25", "2025-03-14", "14.03.2025", «١٤/٣/٢٠٢٥».
    fn numeric_date(&self, i: usize) -> Option<Step> {
        let raw = self.raw(i);
        if raw.matches('.').count() == 2 && raw.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
            let parts: Vec<&str> = raw.split('.').collect();
            let p: Vec<u32> = parts.iter().filter_map(|s| s.parse().ok()).collect();
            let lens: Vec<usize> = parts.iter().map(|s| s.len()).collect();
            if p.len() == 3 && date_parts(&p, &lens) {
                return Some(self.found(QuantityKind::Date, self.start_of(i), i + 1, None));
            }
            return None;
        }
        let sep = self.sym(i + 1)?;
        if !(sep == '/' || is_hyphen(sep))
            || !self.glued(i + 1)
            || !self.glued(i + 2)
            || self.sym(i + 3) != Some(sep)
            || !self.glued(i + 3)
            || !self.glued(i + 4)
        {
            return None;
        }
        let (a, la) = self.int(i)?;
        let (b, lb) = self.int(i + 2)?;
        let (c, lc) = self.int(i + 4)?;
        if date_parts(&[a, b, c], &[la, lb, lc]) {
            return Some(self.found(QuantityKind::Date, self.start_of(i), i + 5, None));
        }
        None
    }

    /// "14 March 2025", "5th of May", «14 مارس 2025», «3 آب».
    fn day_month(&self, i: usize) -> Option<Step> {
        let (d, len) = self.int(i)?;
        if !(1..=31).contains(&d) || len > 2 {
            return None;
        }
        let mut j = i + 1;
        if matches!(self.gword(j), "st" | "nd" | "rd" | "th") {
            j += 1;
        }
        if self.sword(j) == "of" {
            j += 1;
        }
        if !self.spaced(j) {
            return None;
        }
        let m = self.month_word(j, false)?;
        let end = self.year_after(m.end, m.abbr).unwrap_or(m.end);
        Some(self.found(QuantityKind::Date, self.start_of(i), end, None))
    }

    /// A year right after a month or a day: " 2025", ", 2025", «2000م». Returns the token after.
    fn year_after(&self, j: usize, abbr: bool) -> Option<usize> {
        let mut k = j;
        if self.glued(k) && (self.sym(k) == Some(',') || (abbr && self.sym(k) == Some('.'))) {
            k += 1;
        }
        if !self.spaced(k) {
            return None;
        }
        let (_, len) = self.int(k)?;
        if len != 4 || self.code_right(k) {
            return None;
        }
        if self.gword(k + 1) == "م" {
            return Some(k + 2);
        }
        Some(k + 1)
    }

    /// The month name at `j` (see [`Self::month_name`]), with the name in the other calendar
    /// when a slash pairs them: «يوليو/تموز».
    fn month_word(&self, j: usize, clitics: bool) -> Option<MonthHit> {
        let mut m = self.month_name(j, clitics)?;
        if self.script(j) == Some(Script::Arabic)
            && self.sym(m.end) == Some('/')
            && self.script(m.end + 1) == Some(Script::Arabic)
        {
            if let Some(other) = self.month_name(m.end + 1, false) {
                m.end = other.end;
            }
        }
        Some(m)
    }

    /// The month name at `j`, with its clitic stripped (when `clitics`) and, for «كانون» and
    /// «تشرين», its second word.
    fn month_name(&self, j: usize, clitics: bool) -> Option<MonthHit> {
        let t = self.t(j)?;
        if t.kind != Kind::Word {
            return None;
        }
        let w = self.word(j);
        if t.script == Script::Latin {
            let l = self.lex(w)?;
            if l.month == 0 || !t.cap {
                return None;
            }
            let abbr = l.month_flags & M_ABBR != 0;
            let mut end = j + 1;
            if abbr && self.sym(end) == Some('.') && self.glued(end) {
                end += 1;
            }
            return Some(MonthHit {
                start: t.start,
                end,
                flags: l.month_flags,
                clitic: None,
                abbr,
            });
        }
        if t.script != Script::Arabic {
            return None;
        }
        for (k, rest) in clitic_splits(w).into_iter().flatten() {
            if k > 0 && !clitics {
                break;
            }
            let Some(l) = self.lex(rest) else { continue };
            if l.month == 0 {
                continue;
            }
            let start = self.fold_offset(j, k);
            let mut end = j + 1;
            if l.month_flags & M_HEAD != 0 {
                if !matches!(self.sword(j + 1), "الاول" | "اول" | "الثاني" | "ثاني")
                {
                    continue;
                }
                end = j + 2;
            }
            if l.month_flags & M_STRICT != 0 {
                let first = self.chars.get(start).copied().unwrap_or(' ');
                if k > 0 || !matches!(first, 'آ' | 'ا') {
                    continue;
                }
            }
            let clitic = w.chars().nth(k.saturating_sub(1)).filter(|_| k > 0);
            return Some(MonthHit {
                start,
                end,
                flags: l.month_flags,
                clitic,
                abbr: false,
            });
        }
        None
    }

    /// "March 14, 2025", "May 2024", «يوليو 2000», and a month alone after a cue word.
    fn month_date(&self, i: usize) -> Option<Step> {
        let m = self.month_word(i, true)?;
        if let Some(end) = self.year_after(m.end, m.abbr) {
            return Some(self.found(QuantityKind::Date, m.start, end, None));
        }
        if self.script(i) == Some(Script::Latin) {
            if let Some((d, len)) = self.int(m.end) {
                if self.spaced(m.end)
                    && (1..=31).contains(&d)
                    && len <= 2
                    && !self.code_right(m.end)
                {
                    let mut e = m.end + 1;
                    if matches!(self.gword(e), "st" | "nd" | "rd" | "th") {
                        e += 1;
                    }
                    let e = self.year_after(e, false).unwrap_or(e);
                    return Some(self.found(QuantityKind::Date, m.start, e, None));
                }
            }
        }
        if m.flags & (M_STRICT | M_ABBR) != 0 {
            return None;
        }
        let cue = i
            .checked_sub(1)
            .filter(|_| self.spaced(i))
            .and_then(|p| self.lex(self.word(p)))
            .is_some_and(|l| l.cue);
        let clitic_cue = matches!(m.clitic, Some('ب' | 'ل'));
        if m.flags & M_AMBIGUOUS != 0 && !cue && !clitic_cue {
            return None;
        }
        Some(self.found(QuantityKind::Month, m.start, m.end, None))
    }

    /// "1/3", "3/4": a fraction with a small denominator (other slashes are codes: "24/7").
    fn slash_fraction(&self, i: usize) -> Option<Step> {
        if self.sym(i + 1) != Some('/') || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        let (n, _) = self.int(i)?;
        let (d, _) = self.int(i + 2)?;
        if n == 0 || n >= d || d > 10 || self.code_right(i + 2) {
            return None;
        }
        Some(self.found(
            QuantityKind::Fraction,
            self.start_of(i),
            i + 3,
            Some(f64::from(n) / f64::from(d)),
        ))
    }

    // --- number phrases ---------------------------------------------------------------------

    /// The first item of a number phrase at `i`. Arabic words may carry a clitic when
    /// `clitics`.
    fn first_item(&self, i: usize, clitics: bool) -> Option<First> {
        let t = *self.t(i)?;
        let simple = |item, lang, next| First {
            item,
            start: t.start,
            next,
            lang,
            digits: None,
            definite: false,
            vague: false,
        };
        match t.kind {
            Kind::Num => {
                let v = parse_number(self.raw(i))?;
                let lang = if self.script(i + 1) == Some(Script::Arabic)
                    || self.script(i + 2) == Some(Script::Arabic)
                {
                    Lang::Ar
                } else {
                    Lang::En
                };
                Some(First {
                    digits: Some(i),
                    ..simple(Item::Val(v, 7), lang, i + 1)
                })
            }
            Kind::Sym => None,
            Kind::Word => match t.script {
                Script::Latin => self.first_en(i, t),
                Script::Arabic => self.first_ar(i, clitics),
                Script::Other => None,
            },
        }
    }

    fn first_en(&self, i: usize, t: Tok) -> Option<First> {
        let w = self.word(i);
        let mk = |item, next| First {
            item,
            start: t.start,
            next,
            lang: Lang::En,
            digits: None,
            definite: false,
            vague: false,
        };
        if w == "a" || w == "an" {
            let w2 = self.sword(i + 1);
            let l2 = self.lex(w2)?;
            return match l2.num {
                Some(NumWord::Scale(..) | NumWord::Hundred) => Some(mk(Item::Val(1.0, 1), i + 1)),
                _ if l2.den > 0 && !w2.ends_with('s') => {
                    Some(mk(Item::Frac(1.0 / f64::from(l2.den)), i + 2))
                }
                _ => None,
            };
        }
        if w == "tens" {
            // "tens of thousands"
            let l = self.lex(self.sword(i + 2));
            if self.sword(i + 1) == "of" && l.is_some_and(|l| l.num == Some(NumWord::Vague)) {
                return Some(First {
                    vague: true,
                    ..mk(Item::Val(0.0, 7), i + 1)
                });
            }
            return None;
        }
        match self.num_word(w)? {
            NumWord::Val(v, cols) => {
                if cols == 2
                    && self.sym(i + 1).is_some_and(is_hyphen)
                    && self.glued(i + 1)
                    && self.glued(i + 2)
                {
                    if let Some(NumWord::Val(u, 1)) = self.num_word(self.word(i + 2)) {
                        return Some(mk(Item::Val(v + u, 3), i + 3));
                    }
                }
                if cols == 1 {
                    // "one third", "two-thirds", "three quarters"
                    let hyphen = self.sym(i + 1).is_some_and(is_hyphen) && self.glued(i + 1);
                    let (dw, dn) = if hyphen && self.glued(i + 2) {
                        (self.word(i + 2), i + 3)
                    } else {
                        (self.sword(i + 1), i + 2)
                    };
                    let den = self.lex(dw).map_or(0, |l| l.den);
                    if den > 0 && v < f64::from(den) {
                        return Some(mk(Item::Frac(v / f64::from(den)), dn));
                    }
                }
                Some(mk(Item::Val(v, cols), i + 1))
            }
            NumWord::Vague => Some(First {
                vague: true,
                ..mk(Item::Val(0.0, 7), i + 1)
            }),
            NumWord::Frac(f) => {
                // "half": not "first half", "half-time"
                let prev = i.checked_sub(1).map_or("", |p| self.word(p));
                if matches!(
                    prev,
                    "first" | "second" | "other" | "latter" | "former" | "back" | "the" | "better"
                ) || (self.sym(i + 1).is_some_and(is_hyphen) && self.glued(i + 1))
                {
                    return None;
                }
                // "half a million"
                if matches!(self.sword(i + 1), "a" | "an") {
                    if let Some(NumWord::Scale(..)) = self.num_word(self.sword(i + 2)) {
                        return Some(mk(Item::Frac(f), i + 2));
                    }
                }
                Some(mk(Item::Frac(f), i + 1))
            }
            NumWord::TeenUnit(_) | NumWord::Hundred | NumWord::Scale(..) => None,
        }
    }

    fn first_ar(&self, i: usize, clitics: bool) -> Option<First> {
        let w = self.word(i);
        for (k, rest) in clitic_splits(w).into_iter().flatten() {
            if k > 0 && !clitics {
                break;
            }
            if rest.chars().count() < 2 || (k > 0 && rest == "ست" && !w.starts_with('و')) {
                continue;
            }
            let start = self.fold_offset(i, k);
            let mk = |item, next| First {
                item,
                start,
                next,
                lang: Lang::Ar,
                digits: None,
                definite: false,
                vague: false,
            };
            let Some(nw) = self.num_word(rest) else {
                // «السنوات العشر»: a definite number after a definite noun
                if let Some(bare) = rest.strip_prefix("ال") {
                    let prev = i.checked_sub(1).filter(|_| self.spaced(i));
                    let prev_def = prev.is_some_and(|p| definite_noun(self.word(p)).is_some());
                    if prev_def && rest != "الاثنين" {
                        if let Some(NumWord::Val(v, cols @ (1..=3))) = self.num_word(bare) {
                            return Some(First {
                                definite: true,
                                ..mk(Item::Val(v, cols), i + 1)
                            });
                        }
                    }
                }
                continue;
            };
            let next_teen = matches!(self.sword(i + 1), "عشر" | "عشره");
            if k == 0 && next_teen && rest == "واحد" {
                // «وأحد عشر»: و and أحد, folded like «واحد»
                continue;
            }
            match nw {
                NumWord::Val(v, 1) if next_teen => return Some(mk(Item::Val(10.0 + v, 3), i + 2)),
                NumWord::TeenUnit(v) if next_teen => {
                    return Some(mk(Item::Val(10.0 + v, 3), i + 2))
                }
                NumWord::TeenUnit(_) => continue,
                NumWord::Val(v, 1) => {
                    // a verb, not a number, when digits follow: «تسع 500 شخص»
                    if self.kind(i + 1) == Some(Kind::Num) {
                        return None;
                    }
                    let den = self.lex(self.sword(i + 1)).map_or(0, |l| l.den);
                    if den > 0 && v < f64::from(den) {
                        return Some(mk(Item::Frac(v / f64::from(den)), i + 2));
                    }
                    // «خمس السكان»: one fifth
                    let next = self.sword(i + 1);
                    if rest == "خمس" && next.starts_with("ال") && next.chars().count() > 3 {
                        return Some(mk(Item::Frac(0.2), i + 1));
                    }
                    return Some(mk(Item::Val(v, 1), i + 1));
                }
                NumWord::Val(v, cols) => return Some(mk(Item::Val(v, cols), i + 1)),
                NumWord::Hundred => return Some(mk(Item::Hundred, i + 1)),
                NumWord::Scale(_, Form::Many) | NumWord::Vague => {
                    return Some(First {
                        vague: true,
                        ..mk(Item::Val(0.0, 7), i + 1)
                    })
                }
                NumWord::Scale(s, form) => return Some(mk(Item::Scale(s, form), i + 1)),
                NumWord::Frac(f) => return Some(mk(Item::Frac(f), i + 1)),
            }
        }
        None
    }

    /// The next item of a phrase at token `j`, and the token after it.
    fn next_item(&self, j: usize, acc: &Acc, digits_first: bool) -> Option<(Item, usize)> {
        let t = *self.t(j)?;
        if t.glued {
            return match t.kind {
                // "5m", "$4.2bn", "5ملايين"
                Kind::Word if acc.items == 1 && digits_first => {
                    let w = self.word(j);
                    let s = match w {
                        "k" => 1e3,
                        "m" | "mn" => 1e6,
                        "b" | "bn" => 1e9,
                        "tn" | "trn" => 1e12,
                        _ => match self.num_word(w) {
                            Some(NumWord::Scale(s, _)) => s,
                            _ => return None,
                        },
                    };
                    Some((Item::Scale(s, Form::One), j + 1))
                }
                // "twenty-five" after "hundred"
                Kind::Sym if acc.lang == Lang::En && is_hyphen(t.sym) && self.glued(j + 1) => {
                    match self.num_word(self.word(j + 1)) {
                        Some(NumWord::Val(u, 1)) if acc.last == Last::Val && acc.cols & 2 != 0 => {
                            Some((Item::Val(u, 1), j + 2))
                        }
                        _ => None,
                    }
                }
                _ => None,
            };
        }
        if t.kind != Kind::Word {
            return None;
        }
        let w = self.word(j);
        match acc.lang {
            Lang::En => {
                if w == "and" {
                    if matches!(self.sword(j + 1), "a" | "an") && self.sword(j + 2) == "half" {
                        return Some((Item::Half, j + 3));
                    }
                    if !matches!(acc.last, Last::Hundred | Last::Scale) {
                        return None;
                    }
                    let (item, next) = self.en_val(j + 1)?;
                    return Some((item, next));
                }
                match self.num_word(w)? {
                    NumWord::Val(..) => self.en_val(j),
                    NumWord::Hundred => Some((Item::Hundred, j + 1)),
                    NumWord::Scale(s, f) => Some((Item::Scale(s, f), j + 1)),
                    _ => None,
                }
                .or(match w {
                    "bn" => Some((Item::Scale(1e9, Form::One), j + 1)),
                    "mn" => Some((Item::Scale(1e6, Form::One), j + 1)),
                    "tn" | "trn" => Some((Item::Scale(1e12, Form::One), j + 1)),
                    _ => None,
                })
            }
            Lang::Ar => {
                if t.script != Script::Arabic {
                    return None;
                }
                if w == "و" {
                    return match self.kind(j + 1) {
                        Some(Kind::Num) => {
                            let v = parse_number(self.raw(j + 1))?;
                            Some((Item::Val(v, 7), j + 2))
                        }
                        Some(Kind::Word) => {
                            let item = ar_joined(self.num_word(self.word(j + 1))?)?;
                            Some((item, j + 2))
                        }
                        _ => None,
                    };
                }
                if let Some(rest) = w.strip_prefix('و') {
                    if let Some(item) = self.num_word(rest).and_then(ar_joined) {
                        return Some((item, j + 1));
                    }
                    if rest.is_empty() {
                        return None;
                    }
                }
                match self.num_word(w)? {
                    NumWord::Scale(s, f) => Some((Item::Scale(s, f), j + 1)),
                    NumWord::Hundred => Some((Item::Hundred, j + 1)),
                    _ => None,
                }
            }
        }
    }

    /// An English tens or units word at `j` ("twenty-five" as one item).
    fn en_val(&self, j: usize) -> Option<(Item, usize)> {
        if !self.spaced(j) {
            return None;
        }
        let Some(NumWord::Val(v, cols)) = self.num_word(self.word(j)) else {
            return None;
        };
        if cols == 2 && self.sym(j + 1).is_some_and(is_hyphen) && self.glued(j + 1) {
            if let Some(NumWord::Val(u, 1)) = self.num_word(self.gword(j + 2)) {
                return Some((Item::Val(v + u, 3), j + 3));
            }
        }
        Some((Item::Val(v, cols), j + 1))
    }

    /// The number phrase starting at `i`.
    fn phrase(&self, i: usize, clitics: bool) -> Option<Phrase> {
        let f = self.first_item(i, clitics)?;
        if f.vague {
            return Some(self.vague_phrase(i, &f));
        }
        let mut acc = Acc::new(f.lang);
        if !acc.apply(f.item) {
            return None;
        }
        let mut j = f.next;
        // A number joined after a scale («مليون و500», "two million five") belongs to the phrase
        // only when a smaller scale closes it or, for words, when nothing larger follows:
        // «خمسة ملايين و40 مليار دولار» is two amounts.
        let mut open_join: Option<(Acc, usize, bool)> = None;
        let mut failed_scale = false;
        let mut pending = if f.definite {
            None
        } else {
            self.next_item(j, &acc, f.digits.is_some())
        };
        while let Some((item, next)) = pending {
            let snapshot =
                (acc.last == Last::Scale && matches!(item, Item::Val(..))).then(|| acc.clone());
            if next <= j || !acc.apply(item) {
                failed_scale = matches!(item, Item::Scale(..));
                break;
            }
            if let Some(before) = snapshot {
                open_join = Some((before, j, matches!(item, Item::Val(_, 7))));
            } else if matches!(item, Item::Scale(..)) {
                open_join = None;
            }
            j = next;
            pending = self.next_item(j, &acc, f.digits.is_some());
        }
        if let Some((before, at, digits)) = open_join {
            if digits || failed_scale {
                acc = before;
                j = at;
            }
        }
        let single = acc.items == 1;
        let lone_one =
            (single && f.digits.is_none() && acc.value() == 1.0 && !acc.frac).then_some(i);
        let name = f.digits.is_none() && self.name_like(i);
        let century = f.definite
            && i.checked_sub(1)
                .is_some_and(|p| definite_noun(self.word(p)) == Some("قرن"));
        Some(Phrase {
            start: f.start,
            end: j,
            value: acc.value(),
            lang: f.lang,
            frac: acc.frac,
            vague: false,
            digits: if single { f.digits } else { None },
            lone_one,
            name,
            century,
        })
    }

    /// A capitalised English word after another capitalised word, as in a name: "Formula One",
    /// "Big Ten", "Air Force One".
    fn name_like(&self, i: usize) -> bool {
        self.t(i)
            .is_some_and(|t| t.cap && t.script == Script::Latin && !t.glued)
            && i.checked_sub(1).is_some_and(|p| {
                self.t(p)
                    .is_some_and(|t| t.kind == Kind::Word && t.cap && t.script == Script::Latin)
            })
    }

    /// "thousands", "tens of thousands", «عشرات الآلاف», «ملايين الدولارات».
    fn vague_phrase(&self, i: usize, f: &First) -> Phrase {
        let mut j = f.next;
        match f.lang {
            Lang::En => {
                if self.sword(j) == "of" && self.num_word(self.sword(j + 1)) == Some(NumWord::Vague)
                {
                    j += 2;
                }
            }
            Lang::Ar => {
                if matches!(self.sword(j), "الالاف" | "الالوف" | "الملايين" | "المليارات")
                {
                    j += 1;
                }
            }
        }
        Phrase {
            start: f.start,
            end: j,
            value: 0.0,
            lang: f.lang,
            frac: false,
            vague: true,
            digits: None,
            lone_one: None,
            name: self.name_like(i),
            century: false,
        }
    }

    /// Turns a phrase into a quantity with what follows it: a percent sign or word, a
    /// currency, a unit, "in five", or nothing.
    fn finish(&self, p: Phrase) -> Step {
        let j = p.end;
        if p.vague {
            if p.name {
                return Step::Skip(j);
            }
            if let Some(e) = self.vague_money(j, p.lang) {
                return self.found(QuantityKind::Money, p.start, e, None);
            }
            return self.found(QuantityKind::Count, p.start, j, None);
        }
        let v = Some(p.value);
        if let Some(e) = self.percent_suffix(j) {
            return self.found(QuantityKind::Percent, p.start, e, v);
        }
        if let Some(e) = self.money_suffix(j) {
            return self.found(QuantityKind::Money, p.start, e, v);
        }
        if let Some(e) = self.measure_suffix(j) {
            return self.found(QuantityKind::Measure, p.start, e, v);
        }
        if !p.frac {
            if let Some((e, d)) = self.one_in(j, p.value) {
                return self.found(QuantityKind::Fraction, p.start, e, Some(p.value / d));
            }
        }
        if let Some(n) = p.digits {
            if let Some(s) = self.year_or_ordinal(n, p.value) {
                return s;
            }
        }
        if p.name {
            return Step::Skip(j);
        }
        if let Some(first) = p.lone_one {
            if !self.one_counts(first) {
                return Step::Skip(j);
            }
        }
        let kind = if p.frac {
            QuantityKind::Fraction
        } else if p.century {
            QuantityKind::Ordinal
        } else {
            QuantityKind::Count
        };
        self.found(kind, p.start, j, v)
    }

    fn percent_suffix(&self, j: usize) -> Option<usize> {
        if matches!(self.sym(j), Some('%' | '٪')) {
            return Some(j + 1);
        }
        let w = if self.script(j) == Some(Script::Latin) {
            self.word(j)
        } else {
            self.sword(j)
        };
        match w {
            "percent" | "pct" | "pc" | "بالمائه" | "بالمئه" | "بالميه" => {
                Some(j + 1)
            }
            "per" if self.sword(j + 1) == "cent" => Some(j + 2),
            "percentage" if matches!(self.sword(j + 1), "point" | "points") => Some(j + 2),
            "في" if matches!(self.sword(j + 1), "المائه" | "المئه" | "الميه") => {
                Some(j + 2)
            }
            _ => None,
        }
    }

    fn money_suffix(&self, j: usize) -> Option<usize> {
        if self.sym(j).is_some_and(is_currency_sign) {
            return Some(j + 1);
        }
        let w = self.sword(j);
        let t = self.t(j)?;
        if w == "us" && t.cap && self.lex(self.sword(j + 1)).is_some_and(|l| l.money) {
            return Some(j + 2);
        }
        if !self.lex(w)?.money {
            return None;
        }
        if t.script == Script::Arabic && listed(AR_CURRENCY_ADJ, self.sword(j + 1)) {
            return Some(j + 2);
        }
        Some(j + 1)
    }

    fn measure_suffix(&self, j: usize) -> Option<usize> {
        if self.sym(j) == Some('°') {
            return Some(if matches!(self.gword(j + 1), "c" | "f") {
                j + 2
            } else {
                j + 1
            });
        }
        let latin = self.script(j) == Some(Script::Latin);
        let w = if latin { self.word(j) } else { self.sword(j) };
        if w == "square" && self.lex(self.sword(j + 1)).is_some_and(|l| l.measure) {
            return Some(j + 2);
        }
        if !self.lex(w)?.measure {
            return None;
        }
        Some(match self.sword(j + 1) {
            "celsius" | "fahrenheit" | "مربع" | "مكعب" | "مربعا" | "مئويه" => {
                j + 2
            }
            _ => j + 1,
        })
    }

    /// "one in five", "1 in every 4", "three out of four", «واحد من كل خمسة»: the token after
    /// the denominator and the denominator.
    fn one_in(&self, j: usize, numerator: f64) -> Option<(usize, f64)> {
        let mut k = match (self.sword(j), self.sword(j + 1)) {
            ("in", _) => j + 1,
            ("out", "of") => j + 2,
            ("من", "كل") => j + 2,
            _ => return None,
        };
        let every = matches!(self.sword(k), "every" | "each");
        if every {
            k += 1;
        }
        if !self.spaced(k) {
            return None;
        }
        let d = self.phrase(k, false)?;
        if d.vague || d.frac || d.value < 2.0 || numerator > d.value || numerator <= 0.0 {
            return None;
        }
        if d.digits.is_some() && !every {
            let (y, len) = self.int(k).unwrap_or((0, 0));
            if len == 4 && (1800..=2099).contains(&y) {
                return None;
            }
        }
        if listed(TIME_WORDS, self.sword(d.end)) || self.percent_suffix(d.end).is_some() {
            return None;
        }
        Some((d.end, d.value))
    }

    /// A number alone: a year ("2023", «2023م», "the 1990s", «1445هـ»), an ordinal ("21st"),
    /// or nothing special.
    fn year_or_ordinal(&self, n: usize, value: f64) -> Option<Step> {
        let start = self.start_of(n);
        if let Some((y, 4)) = self.int(n) {
            let suffix = self.gword(n + 1);
            if suffix == "s" && y % 10 == 0 {
                return Some(self.found(QuantityKind::Year, start, n + 2, Some(value)));
            }
            if (1800..=2099).contains(&y) && !self.range_with_count(n) {
                let end = if suffix == "م" { n + 2 } else { n + 1 };
                return Some(self.found(QuantityKind::Year, start, end, Some(value)));
            }
            if (1300..=1500).contains(&y) && self.word(n + 1) == "ه" && self.hijri_mark(n + 1) {
                return Some(self.found(QuantityKind::Year, start, n + 2, Some(value)));
            }
        }
        match self.gword(n + 1) {
            "st" | "nd" | "rd" | "th" => {
                Some(self.found(QuantityKind::Ordinal, start, n + 2, Some(value)))
            }
            "s" => Some(self.found(QuantityKind::Count, start, n + 2, Some(value))),
            _ => None,
        }
    }

    /// Whether the number at `n` is one end of a range whose other end is not a year:
    /// "1000-2000 people".
    fn range_with_count(&self, n: usize) -> bool {
        let not_year = |k: usize| {
            self.int(k)
                .is_some_and(|(v, len)| len != 4 || !(1800..=2099).contains(&v))
        };
        let hyphen = |k: usize| self.sym(k).is_some_and(is_hyphen) && self.glued(k);
        (n >= 2 && hyphen(n - 1) && self.glued(n) && not_year(n - 2))
            || (hyphen(n + 1) && self.glued(n + 2) && not_year(n + 2))
    }

    /// «هـ» after a Hijri year: glued, or written with its tatweel.
    fn hijri_mark(&self, j: usize) -> bool {
        self.glued(j)
            || self
                .t(j)
                .is_some_and(|t| (t.start..t.end).any(|p| self.chars.get(p) == Some(&'ـ')))
    }

    /// Whether a lone "one" / «واحد» at `i` counts something.
    fn one_counts(&self, i: usize) -> bool {
        let prev = i
            .checked_sub(1)
            .filter(|_| self.spaced(i))
            .map_or("", |p| self.word(p));
        let next = self.sword(i + 1);
        match self.script(i) {
            Some(Script::Latin) => {
                if listed(ONE_PREV, prev) || next.is_empty() || listed(ONE_NEXT, next) {
                    return false;
                }
                // "one-off", "one-sided"
                !(self.sym(i + 1).is_some_and(is_hyphen) && self.glued(i + 1))
            }
            _ => !matches!(prev, "ان" | "وقت" | "صوت") && next != "من",
        }
    }

    /// After a vague quantity: "of dollars", «الدولارات», «من الدولارات».
    fn vague_money(&self, j: usize, lang: Lang) -> Option<usize> {
        match lang {
            Lang::En => (self.sword(j) == "of"
                && matches!(self.sword(j + 1), "dollars" | "euros" | "pounds"))
            .then_some(j + 2),
            Lang::Ar => {
                if listed(AR_CURRENCY_DEF, self.sword(j)) {
                    Some(j + 1)
                } else if self.sword(j) == "من" && listed(AR_CURRENCY_DEF, self.sword(j + 1)) {
                    Some(j + 2)
                } else {
                    None
                }
            }
        }
    }

    // --- money and ordinals -----------------------------------------------------------------

    /// "$4.2 billion", "€5m", "£3": the sign, then the amount. `start` is where the span
    /// starts (before "US" in "US$").
    fn money_after_sign(&self, i: usize, start: usize) -> Option<Step> {
        let n = i + 1;
        if self.kind(n) != Some(Kind::Num) || self.code_right(n) || self.phone(n).is_some() {
            return None;
        }
        let p = self.phrase(n, false)?;
        Some(self.found(QuantityKind::Money, start, p.end, Some(p.value)))
    }

    /// "US$5", "USD 5 million".
    fn money_prefix_word(&self, i: usize) -> Option<Step> {
        let t = self.t(i)?;
        if t.script != Script::Latin || !t.cap {
            return None;
        }
        let w = self.word(i);
        if DOLLAR_COUNTRIES.contains(&w) && self.sym(i + 1) == Some('$') && self.glued(i + 1) {
            return self.money_after_sign(i + 1, t.start);
        }
        let all_caps =
            (t.start..t.end).all(|p| self.chars.get(p).is_some_and(|c| c.is_uppercase()));
        if all_caps
            && w.len() == 3
            && self.lex(w).is_some_and(|l| l.money)
            && self.kind(i + 1) == Some(Kind::Num)
            && self.spaced(i + 1)
            && !self.code_right(i + 1)
        {
            let p = self.phrase(i + 1, false)?;
            return Some(self.found(QuantityKind::Money, t.start, p.end, Some(p.value)));
        }
        None
    }

    /// "third", "third-largest", "second biggest", «الثالث», «ثالث أكبر», «التاسع عشر».
    fn ordinal(&self, i: usize) -> Option<Step> {
        let t = *self.t(i)?;
        let w = self.word(i);
        match t.script {
            Script::Latin => {
                let l = self.lex(w)?;
                if l.ordinal == 0 {
                    return None;
                }
                let v = Some(f64::from(l.ordinal));
                if self.sym(i + 1).is_some_and(is_hyphen)
                    && self.glued(i + 1)
                    && self.glued(i + 2)
                    && is_superlative_en(self.word(i + 2), self.lex(self.word(i + 2)))
                {
                    return Some(self.found(QuantityKind::Ordinal, t.start, i + 3, v));
                }
                let next = self.sword(i + 1);
                if l.ordinal_weak && !is_superlative_en(next, self.lex(next)) {
                    return None;
                }
                Some(self.found(QuantityKind::Ordinal, t.start, i + 1, v))
            }
            Script::Arabic => {
                for (k, rest) in clitic_splits(w).into_iter().flatten() {
                    let bare = rest.strip_prefix("ال").unwrap_or(rest);
                    let Some(l) = self.lex(bare).filter(|l| l.ordinal > 0) else {
                        continue;
                    };
                    let start = self.fold_offset(i, k);
                    let next = self.sword(i + 1);
                    if matches!(next, "عشر" | "عشره") {
                        let v = Some(10.0 + f64::from(l.ordinal));
                        return Some(self.found(QuantityKind::Ordinal, start, i + 2, v));
                    }
                    let superlative = self.lex(next).is_some_and(|l| l.superlative);
                    if l.ordinal_weak && !(l.ordinal == 2 && superlative) {
                        return None;
                    }
                    let v = Some(f64::from(l.ordinal));
                    return Some(self.found(QuantityKind::Ordinal, start, i + 1, v));
                }
                None
            }
            Script::Other => None,
        }
    }
}

/// A month name found in the text.
struct MonthHit {
    start: usize,
    /// The token after the name.
    end: usize,
    flags: u8,
    /// The clitic glued before it («بيوليو»).
    clitic: Option<char>,
    abbr: bool,
}

/// What an Arabic number word is worth after «و».
fn ar_joined(nw: NumWord) -> Option<Item> {
    match nw {
        NumWord::Val(v, c) => Some(Item::Val(v, c)),
        NumWord::Hundred => Some(Item::Hundred),
        NumWord::Scale(s, f) => Some(Item::Scale(s, f)),
        NumWord::Frac(0.5) => Some(Item::Half),
        _ => None,
    }
}

/// The noun of a definite Arabic word after its clitics («والقرن» → «قرن», «للدول» → «دول»),
/// `None` when the word is not definite.
fn definite_noun(w: &str) -> Option<&str> {
    let w = w.strip_prefix(['و', 'ف']).unwrap_or(w);
    let noun = if let Some(r) = w.strip_prefix("لل") {
        r
    } else {
        let w = w.strip_prefix(['ب', 'ك']).unwrap_or(w);
        w.strip_prefix("ال")?
    };
    (noun.chars().count() >= 2).then_some(noun)
}

fn is_superlative_en(w: &str, l: Option<&Lex>) -> bool {
    l.is_some_and(|l| l.superlative) || (w.len() >= 5 && w.ends_with("est"))
}

/// The ways an Arabic word splits into clitics (و ف, then ب ل ك) and a rest: the word itself
/// first. Each entry is the number of letters stripped and the rest.
fn clitic_splits(w: &str) -> [Option<(usize, &str)>; 3] {
    let mut out = [Some((0, w)), None, None];
    let mut stripped = 0;
    let mut rest = w;
    if let Some(r) = rest.strip_prefix(['و', 'ف']) {
        stripped += 1;
        rest = r;
        if let Some(slot) = out.get_mut(1) {
            *slot = Some((stripped, rest));
        }
    }
    if let Some(r) = rest.strip_prefix(['ب', 'ل', 'ك']) {
        if let Some(slot) = out.get_mut(2) {
            *slot = Some((stripped + 1, r));
        }
    }
    out
}

/// Whether three numbers read as a date: day, month and year in either order, or ISO.
fn date_parts(p: &[u32], lens: &[usize]) -> bool {
    let (Some(&a), Some(&b), Some(&c)) = (p.first(), p.get(1), p.get(2)) else {
        return false;
    };
    let (Some(&la), Some(&lb), Some(&lc)) = (lens.first(), lens.get(1), lens.get(2)) else {
        return false;
    };
    if la == 4 {
        return lb <= 2 && lc <= 2 && (1..=12).contains(&b) && (1..=31).contains(&c);
    }
    la <= 2
        && lb <= 2
        && (lc == 4 || lc == 2)
        && (1..=31).contains(&a)
        && (1..=31).contains(&b)
        && (a <= 12 || b <= 12)
}
