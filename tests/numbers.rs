//! Quantities in Arabic and English news text: spans, kinds and values.

use isnad::numbers::{quantities, Quantity, QuantityKind};
use QuantityKind::*;

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

/// The text of a quantity's span.
fn span_text(chars: &[char], q: &Quantity) -> String {
    chars.get(q.start..q.end).unwrap_or(&[]).iter().collect()
}

/// Every quantity in `text`: its span text, kind and value.
fn found(text: &str) -> Vec<(String, QuantityKind, Option<f64>)> {
    let cs = chars(text);
    quantities(&cs, 0, cs.len())
        .iter()
        .map(|q| (span_text(&cs, q), q.kind, q.value))
        .collect()
}

/// The span texts alone.
fn spans(text: &str) -> Vec<String> {
    found(text).into_iter().map(|(s, _, _)| s).collect()
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * b.abs().max(1.0),
        (None, None) => true,
        _ => false,
    }
}

/// Asserts that `text` holds a quantity spanning exactly `span`, of `kind`, worth `value`.
#[track_caller]
fn expect(text: &str, span: &str, kind: QuantityKind, value: Option<f64>) {
    let all = found(text);
    assert!(
        all.iter()
            .any(|(s, k, v)| s == span && *k == kind && close(*v, value)),
        "expected «{span}» {kind:?} {value:?} in «{text}», found {all:?}"
    );
}

/// Asserts that no quantity of `text` contains `part`.
#[track_caller]
fn reject(text: &str, part: &str) {
    let all = found(text);
    assert!(
        all.iter().all(|(s, _, _)| !s.contains(part)),
        "«{part}» should not be a quantity in «{text}», found {all:?}"
    );
}

#[test]
fn digits_in_every_script_with_decimals_and_thousands() {
    let t = "The index rose 3.5 points to 5,000, then 1,234.5, while «٣٫٥» and ٥٬٠٠٠ and ١٬٢٣٤٫٥ and ۱۲ were read.";
    expect(t, "3.5", Count, Some(3.5));
    expect(t, "5,000", Count, Some(5000.0));
    expect(t, "1,234.5", Count, Some(1234.5));
    expect(t, "٣٫٥", Count, Some(3.5));
    expect(t, "٥٬٠٠٠", Count, Some(5000.0));
    expect(t, "١٬٢٣٤٫٥", Count, Some(1234.5));
    expect(t, "۱۲", Count, Some(12.0));
    // the comma that ends a clause is not part of the number
    expect(
        "It cost 5,000, officials said.",
        "5,000",
        Count,
        Some(5000.0),
    );
    // a decimal comma, common in Arabic pages
    expect("نزح 3,5 مليون شخص", "3,5 مليون", Count, Some(3.5e6));
    expect(
        "Roughly 400,000 people fled.",
        "400,000",
        Count,
        Some(400_000.0),
    );
}

#[test]
fn percentages_with_signs_and_words() {
    let t = "Turnout was 30% in the north, 30 % in the south, ٣٠٪ in the east, 8% overall, \
             up 8 percent or 8 per cent, a 2.5 percentage points gain.";
    expect(t, "30%", Percent, Some(30.0));
    expect(t, "30 %", Percent, Some(30.0));
    expect(t, "٣٠٪", Percent, Some(30.0));
    expect(t, "8%", Percent, Some(8.0));
    expect(t, "8 percent", Percent, Some(8.0));
    expect(t, "8 per cent", Percent, Some(8.0));
    expect(t, "2.5 percentage points", Percent, Some(2.5));
    let a =
        "ارتفعت الأسعار 30 في المائة، ثم 30 بالمئة، و25 بالمائة، و12 في المئة، وثلاثين في المائة.";
    expect(a, "30 في المائة", Percent, Some(30.0));
    expect(a, "30 بالمئة", Percent, Some(30.0));
    expect(a, "25 بالمائة", Percent, Some(25.0));
    expect(a, "12 في المئة", Percent, Some(12.0));
    expect(a, "ثلاثين في المائة", Percent, Some(30.0));
    // the conjunction glued to the digits stays out of the span
    expect(
        "30% من صادرات روسيا و40% من وارداتها",
        "40%",
        Percent,
        Some(40.0),
    );
}

#[test]
fn money_with_signs_scales_and_currency_words() {
    let t = "The deal is worth $4.2 billion, after a $310 million loan, a €5m fee, a £3 ticket, \
             4 billion dollars in aid, US$5 coins and USD 5 million in bonds, and $4.2bn more.";
    expect(t, "$4.2 billion", Money, Some(4.2e9));
    expect(t, "$310 million", Money, Some(3.1e8));
    expect(t, "€5m", Money, Some(5e6));
    expect(t, "£3", Money, Some(3.0));
    expect(t, "4 billion dollars", Money, Some(4e9));
    expect(t, "US$5", Money, Some(5.0));
    expect(t, "USD 5 million", Money, Some(5e6));
    expect(t, "$4.2bn", Money, Some(4.2e9));
    expect("Tickets cost 20 euros.", "20 euros", Money, Some(20.0));
    expect(
        "Millions of dollars were lost.",
        "Millions of dollars",
        Money,
        None,
    );
}

#[test]
fn arabic_money_and_scales() {
    let t = "بلغت الصفقة 40 مليار دولار، ودفعت 5 ملايين يورو، وخصصت مليون جنيه، و300 ريال، \
             و50 درهما، و20 دينارا، و1000 ليرة، و3 آلاف دولار أمريكي، و2 تريليون ين.";
    expect(t, "40 مليار دولار", Money, Some(4e10));
    expect(t, "5 ملايين يورو", Money, Some(5e6));
    expect(t, "مليون جنيه", Money, Some(1e6));
    expect(t, "300 ريال", Money, Some(300.0));
    expect(t, "50 درهما", Money, Some(50.0));
    expect(t, "20 دينارا", Money, Some(20.0));
    expect(t, "1000 ليرة", Money, Some(1000.0));
    expect(t, "3 آلاف دولار أمريكي", Money, Some(3000.0));
    expect(t, "2 تريليون", Count, Some(2e12));
    // harakat on the scale word
    expect("خسر 40 مليارَ دولار", "40 مليارَ دولار", Money, Some(4e10));
    expect("أنفقت ملايين الدولارات", "ملايين الدولارات", Money, None);
    // two amounts joined by و are not one number
    let two = "خسر خمسة ملايين و40 مليار دولار";
    expect(two, "خمسة ملايين", Count, Some(5e6));
    expect(two, "40 مليار دولار", Money, Some(4e10));
    expect(
        "بلغ العدد 2 مليون و500 ألف",
        "2 مليون و500 ألف",
        Count,
        Some(2.5e6),
    );
}

#[test]
fn arabic_number_words_compose() {
    let t = "فقبل أربعة وعشرين عاماً أرسل بخمسة ملايين قذيفة، ثم ثلاثمائة وخمسين ألف جندي، \
             ومائة ألف لاجئ، وألفين وخمسمائة جندي، وأحد عشر لاعبا، وتسعة عشر يوما، ومئتان، \
             وخمسة عشر ألفاً، وثلاثة آلاف، ومليون ونصف، وإحدى عشرة مرة، واثنا عشر شهرا.";
    expect(t, "أربعة وعشرين", Count, Some(24.0));
    expect(t, "خمسة ملايين", Count, Some(5e6));
    expect(t, "ثلاثمائة وخمسين ألف", Count, Some(350_000.0));
    expect(t, "مائة ألف", Count, Some(100_000.0));
    expect(t, "ألفين وخمسمائة", Count, Some(2500.0));
    expect(t, "أحد عشر", Count, Some(11.0));
    expect(t, "تسعة عشر", Count, Some(19.0));
    expect(t, "مئتان", Count, Some(200.0));
    expect(t, "خمسة عشر ألفاً", Count, Some(15_000.0));
    expect(t, "ثلاثة آلاف", Count, Some(3000.0));
    expect(t, "مليون ونصف", Count, Some(1.5e6));
    expect(t, "إحدى عشرة", Count, Some(11.0));
    expect(t, "اثنا عشر", Count, Some(12.0));
    // the spaced و and the spaced hundred
    expect("قتل خمسة و عشرون شخصا", "خمسة و عشرون", Count, Some(25.0));
    expect("بنى ثلاث مائة بيت", "ثلاث مائة", Count, Some(300.0));
    // clitics on the first word stay out of the span
    for (text, span, v) in [
        ("وخمسة ملايين", "خمسة ملايين", 5e6),
        ("فعشرون", "عشرون", 20.0),
        ("لسبعة آلاف", "سبعة آلاف", 7000.0),
        ("كألف", "ألف", 1000.0),
        ("وبخمسين", "خمسين", 50.0),
    ] {
        expect(text, span, Count, Some(v));
    }
    // a definite number after a definite noun
    expect("على مدى السنوات العشر الماضية", "العشر", Count, Some(10.0));
    expect("زار الدول الخمس", "الخمس", Count, Some(5.0));
    reject("وصل يوم الاثنين واليوم الاثنين", "الاثنين");
    // «لست» is "I am not", «تسع» a verb before digits
    reject("لست أدري", "ست");
    expect("قاعة تسع 500 شخص", "500", Count, Some(500.0));
    reject("قاعة تسع 500 شخص", "تسع");
    // counted nouns are not part of the span
    expect("قضى سبعة أعوام", "سبعة", Count, Some(7.0));
}

#[test]
fn arabic_fractions() {
    let t =
        "ثلث السكان، وربع قرن، ونصف مليون نازح، وثلاثة أرباع الأصوات، وخمس السكان، وثلثي المقاعد.";
    expect(t, "ثلث", Fraction, Some(1.0 / 3.0));
    expect(t, "ربع", Fraction, Some(0.25));
    expect(t, "نصف مليون", Count, Some(5e5));
    expect(t, "ثلاثة أرباع", Fraction, Some(0.75));
    expect(t, "خمس", Fraction, Some(0.2));
    expect(t, "ثلثي", Fraction, Some(2.0 / 3.0));
    // «خمس» before an indefinite noun is five
    expect("قضى خمس سنوات", "خمس", Count, Some(5.0));
    expect(
        "أصيب واحد من كل خمسة أطفال",
        "واحد من كل خمسة",
        Fraction,
        Some(0.2),
    );
}

#[test]
fn english_number_words() {
    let t = "Five million people voted, two dozen were hurt, twenty-five died, one hundred and five \
             fled, two and a half million moved, a dozen stayed, a hundred left and seventy \
             thousand returned; nineteen hundred troops and two million five hundred thousand troops.";
    expect(t, "Five million", Count, Some(5e6));
    expect(t, "two dozen", Count, Some(24.0));
    expect(t, "twenty-five", Count, Some(25.0));
    expect(t, "one hundred and five", Count, Some(105.0));
    expect(t, "two and a half million", Count, Some(2.5e6));
    expect(t, "a dozen", Count, Some(12.0));
    expect(t, "a hundred", Count, Some(100.0));
    expect(t, "seventy thousand", Count, Some(70_000.0));
    expect(t, "nineteen hundred", Count, Some(1900.0));
    expect(
        t,
        "two million five hundred thousand",
        Count,
        Some(2_500_000.0),
    );
    expect("half a million homes", "half a million", Count, Some(5e5));
    // the approximator stays out
    expect("roughly 400,000 people", "400,000", Count, Some(400_000.0));
    expect("about five million", "five million", Count, Some(5e6));
    // words that do not continue a number
    assert_eq!(spans("five six"), ["five", "six"]);
}

#[test]
fn english_fractions_and_rates() {
    let t = "A third of voters, half of them, a quarter of the budget, one in five children, \
             3 in 10 adults, one third of seats, two-thirds of members and three quarters of the \
             land, 1/3 of the cost, one out of four.";
    expect(t, "A third", Fraction, Some(1.0 / 3.0));
    expect(t, "half", Fraction, Some(0.5));
    expect(t, "a quarter", Fraction, Some(0.25));
    expect(t, "one in five", Fraction, Some(0.2));
    expect(t, "3 in 10", Fraction, Some(0.3));
    expect(t, "one third", Fraction, Some(1.0 / 3.0));
    expect(t, "two-thirds", Fraction, Some(2.0 / 3.0));
    expect(t, "three quarters", Fraction, Some(0.75));
    expect(t, "1/3", Fraction, Some(1.0 / 3.0));
    expect(t, "one out of four", Fraction, Some(0.25));
    // not fractions
    reject("in the first half of 2024", "half");
    reject("at half-time", "half");
    assert_eq!(spans("5 in 2023"), ["5", "2023"]);
    assert_eq!(spans("3 in 10 years"), ["3", "10"]);
}

#[test]
fn vague_quantities_have_no_value() {
    let t =
        "Thousands marched, hundreds of thousands watched, tens of thousands fled, dozens died.";
    expect(t, "Thousands", Count, None);
    expect(t, "hundreds of thousands", Count, None);
    expect(t, "tens of thousands", Count, None);
    expect(t, "dozens", Count, None);
    expect("خرج عشرات الآلاف", "عشرات الآلاف", Count, None);
    expect("نزح آلاف السكان", "آلاف", Count, None);
    expect("قتل مئات الأشخاص", "مئات", Count, None);
}

#[test]
fn years_standing_alone() {
    let t = "In 1964 and by 2030, between 2019 and 2024, in mid-2023, during the 1990s.";
    expect(t, "1964", Year, Some(1964.0));
    expect(t, "2030", Year, Some(2030.0));
    expect(t, "2019", Year, Some(2019.0));
    expect(t, "2024", Year, Some(2024.0));
    expect(t, "2023", Year, Some(2023.0));
    expect(t, "1990s", Year, Some(1990.0));
    let a = "زار كيم روسيا عام 2023، وفي 2000 وصل، وفي عام 2010م، وسنة 1445هـ.";
    expect(a, "2023", Year, Some(2023.0));
    expect(a, "2000", Year, Some(2000.0));
    expect(a, "2010م", Year, Some(2010.0));
    expect(a, "1445هـ", Year, Some(1445.0));
    // a range of years, and a range of counts
    assert_eq!(
        found("2019-2024"),
        [
            ("2019".to_string(), Year, Some(2019.0)),
            ("2024".to_string(), Year, Some(2024.0))
        ]
    );
    expect("1000-2000 people", "2000", Count, Some(2000.0));
    // money and percentages are not years
    expect("It cost 2000 dollars.", "2000 dollars", Money, Some(2000.0));
    expect("It cost 2,000 people", "2,000", Count, Some(2000.0));
}

#[test]
fn english_months_and_dates() {
    let t = "On 14 March 2025 and on March 14, 2025, then in May, on Jan. 5, 2024, on the 5th of \
             May, in January, in September 2023 and on March 3.";
    expect(t, "14 March 2025", Date, None);
    expect(t, "March 14, 2025", Date, None);
    expect(t, "May", Month, None);
    expect(t, "Jan. 5, 2024", Date, None);
    expect(t, "5th of May", Date, None);
    expect(t, "January", Month, None);
    expect(t, "September 2023", Date, None);
    expect(t, "March 3", Date, None);
    // names and verbs are not months
    reject("Theresa May said she may resign.", "May");
    reject("The March organisers spoke.", "March");
    reject("you may go", "may");
}

#[test]
fn arabic_months_in_both_calendars() {
    let t = "في يوليو 2000 وفي 14 مارس 2025 وفي أيلول وفي كانون الثاني 2024 وفي تشرين الأول \
             وفي أيار وفي إبريل ويونيه 2019 وفي يوليو/تموز 2006 وفي شباط.";
    expect(t, "يوليو 2000", Date, None);
    expect(t, "14 مارس 2025", Date, None);
    expect(t, "أيلول", Month, None);
    expect(t, "كانون الثاني 2024", Date, None);
    expect(t, "تشرين الأول", Month, None);
    expect(t, "أيار", Month, None);
    expect(t, "إبريل", Month, None);
    expect(t, "يونيه 2019", Date, None);
    expect(t, "يوليو/تموز 2006", Date, None);
    expect(t, "شباط", Month, None);
    // attached prepositions stay out of the span
    expect("وصل بيوليو", "يوليو", Month, None);
    expect("ومايو 2021", "مايو 2021", Date, None);
    // «آب» is August only next to a year or a day; «أب» is a father
    expect("في آب 2020", "آب 2020", Date, None);
    expect("في 3 آب", "3 آب", Date, None);
    reject("وأب الأسرة", "أب");
    reject("زار آب البلدة", "آب");
    reject("رئيس الوزراء الياباني الراحل شينزو آبي", "آب");
    // «مارس» is also a verb
    reject("مارس الضغط على الحكومة", "مارس");
    expect("في مارس", "مارس", Month, None);
}

#[test]
fn numeric_dates() {
    for d in [
        "14/03/2025",
        "3/14/25",
        "2025-03-14",
        "14.03.2025",
        "١٤/٣/٢٠٢٥",
    ] {
        expect(&format!("on {d} they met"), d, Date, None);
    }
}

#[test]
fn ordinals() {
    let t = "China is the third-largest buyer and the second biggest seller; it came 21st and 3rd.";
    expect(t, "third-largest", Ordinal, Some(3.0));
    expect(t, "second", Ordinal, Some(2.0));
    expect(t, "21st", Ordinal, Some(21.0));
    expect(t, "3rd", Ordinal, Some(3.0));
    let a = "احتلت المركز الثالث، وهي ثالث أكبر دولة، منذ القرن التاسع عشر والقرن العشرين.";
    expect(a, "الثالث", Ordinal, Some(3.0));
    expect(a, "ثالث", Ordinal, Some(3.0));
    expect(a, "التاسع عشر", Ordinal, Some(19.0));
    expect(a, "العشرين", Ordinal, Some(20.0));
    reject("the first time", "first");
}

#[test]
fn measures() {
    let t =
        "It hit 40°C along 30 km, over 5 square kilometres, with 100 tonnes and 3 million barrels.";
    expect(t, "40°C", Measure, Some(40.0));
    expect(t, "30 km", Measure, Some(30.0));
    expect(t, "5 square kilometres", Measure, Some(5.0));
    expect(t, "100 tonnes", Measure, Some(100.0));
    expect(t, "3 million barrels", Measure, Some(3e6));
    let a = "نقل 5 أطنان على مساحة 20 كيلومترا مربعا بحرارة 45 درجة مئوية";
    expect(a, "5 أطنان", Measure, Some(5.0));
    expect(a, "20 كيلومترا مربعا", Measure, Some(20.0));
    expect(a, "45 درجة مئوية", Measure, Some(45.0));
}

#[test]
fn names_and_codes_are_not_quantities() {
    let t = "COVID-19 hit the G8 summit; F-16 jets, flight MH17, an A4 page, 4G phones, a B-52, \
             Section 230, Catch-22, Resolution 2334, iPhone 15, BMW X5, Su-35 and Covid 19.";
    assert_eq!(found(t), []);
    reject("كوفيد-19", "19");
    reject("حضر بوتين قمة G8في اليابان", "8");
    reject("شبكة 5G الجديدة", "5");
    reject("تنص المادة 5 والقرار 2334", "5");
    reject("Formula One and Air Force One", "One");
    reject("the Big Ten and World War Two", "T");
    // but a hyphenated number word is still a number, and so is mid-2023
    expect("a 30-year-old man", "30", Count, Some(30.0));
}

#[test]
fn phones_times_and_other_digit_codes() {
    let t = "Call +44 20 7946 0958 or (202) 555-0123 or 0100 123 4567 or 01001234567 at 10:30, \
             24/7, on 9/11, version 1.2.3, from 192.168.1.1.";
    assert_eq!(found(t), []);
    reject("as reported.[12] Then", "12");
    // short plus signs and ranges are still numbers
    expect("up +5% on the day", "5%", Percent, Some(5.0));
    assert_eq!(spans("100-200 people"), ["100", "200"]);
}

#[test]
fn one_as_a_pronoun_is_not_a_count() {
    for t in [
        "the one who left",
        "no one came",
        "one of them said",
        "each one was checked",
        "One day he left",
        "a one-off payment",
    ] {
        assert_eq!(found(t), [], "{t}");
    }
    expect("Only one person died.", "one", Count, Some(1.0));
    expect("قتل شخص واحد", "واحد", Count, Some(1.0));
    reject("فعلا الأمرين في آن واحد", "واحد");
    reject("واحد من أكبر المصانع", "واحد");
}

#[test]
fn harakat_tatweel_nbsp_and_joiners_are_read_through() {
    let nbsp = "\u{00A0}";
    expect(
        &format!("أرسل خمسة{nbsp}ملايين قذيفة"),
        &format!("خمسة{nbsp}ملايين"),
        Count,
        Some(5e6),
    );
    expect(
        &format!("30{nbsp}%"),
        &format!("30{nbsp}%"),
        Percent,
        Some(30.0),
    );
    expect("منذ عشرين عاماً", "عشرين", Count, Some(20.0));
    expect("أرسل خمـــسة مـلايين", "خمـــسة مـلايين", Count, Some(5e6));
    expect("أرسل خَمْسَةَ مَلَايِينِ", "خَمْسَةَ مَلَايِينِ", Count, Some(5e6));
    expect("ربح ١٢٠ مليونًا", "١٢٠ مليونًا", Count, Some(1.2e8));
    expect("دفع بـ30 مليون", "30 مليون", Count, Some(3e7));
    expect(
        "أرسل خمس\u{200D}ة ملايين",
        "خمس\u{200D}ة ملايين",
        Count,
        Some(5e6),
    );
    // a line break ends a phrase
    assert_eq!(spans("five\nmillion"), ["five"]);
}

#[test]
fn offsets_are_absolute_and_stay_inside_the_window() {
    let text = chars("In 2019 it cost $5 million; in 2024 it cost $7 million.");
    let all = quantities(&text, 0, text.len());
    assert_eq!(all.len(), 4);
    let second_half = quantities(&text, 27, text.len());
    assert_eq!(second_half.len(), 2);
    assert_eq!(second_half.first(), all.get(2));
    for q in &second_half {
        assert!(q.start >= 27 && q.end <= text.len());
    }
    // a window that cuts a number only sees what it holds
    let cut = quantities(&text, 0, 5);
    assert_eq!(cut.len(), 1);
    assert_eq!(span_text(&text, &cut[0]), "20");
    // windows past the end are empty, not a panic
    assert!(quantities(&text, 500, 600).is_empty());
    assert!(quantities(&text, 10, 3).is_empty());
    assert!(quantities(&[], 0, 10).is_empty());
}

const SEED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/seeds/000_3dd50eadc2cc506f.txt"
));

#[test]
fn seed_article() {
    let all = found(SEED);
    let has = |span: &str, kind: QuantityKind, value: Option<f64>| {
        all.iter()
            .filter(|(s, k, v)| s == span && *k == kind && close(*v, value))
            .count()
    };
    assert_eq!(has("أربعة وعشرين", Count, Some(24.0)), 1, "{all:?}");
    assert_eq!(has("يوليو 2000", Date, None), 1, "{all:?}");
    assert_eq!(has("خمسة ملايين", Count, Some(5e6)), 1, "{all:?}");
    assert_eq!(has("2023", Year, Some(2023.0)), 2, "{all:?}");
    assert_eq!(has("30%", Percent, Some(30.0)), 1, "{all:?}");
    assert_eq!(has("40%", Percent, Some(40.0)), 1, "{all:?}");
    assert_eq!(has("العشر", Count, Some(10.0)), 1, "{all:?}");
    assert!(all.iter().all(|(s, _, _)| !s.contains('8')), "{all:?}");
    // nothing else in the article is a quantity
    assert_eq!(all.len(), 8, "{all:?}");
    // «بخمسة»: the span starts after the preposition
    let cs = chars(SEED);
    let q = quantities(&cs, 0, cs.len());
    let five = q
        .iter()
        .find(|q| q.value == Some(5e6))
        .map(|q| q.start)
        .unwrap_or(0);
    assert_eq!(cs.get(five - 1), Some(&'ب'));
}

/// A small linear congruential generator, enough to shake the scanner.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

#[test]
fn random_text_never_panics_and_spans_are_well_formed() {
    let alphabet: Vec<char> = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹ابتثجحخدذرسشصضطظعغفقكلمنهويةىأإآؤئء\u{064B}\u{064C}\u{064D}\u{064E}\u{064F}\u{0650}\u{0651}\u{0652}\u{0640}abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ%٪$€£,.،٫٬-/:+() \u{00A0}\u{200D}\u{200C}\u{200F}\n😀🇪🇬°'’"
        .chars()
        .collect();
    // words that make the scanner take its longer paths
    let words = [
        " million ",
        " ملايين ",
        " وعشرين ",
        " خمسة ",
        " في المائة ",
        " per cent ",
        " March ",
        " يوليو ",
        " آب ",
        " one in ",
        " a third ",
        " and a half ",
        " كانون ",
        " الثاني ",
        "-",
        " of ",
        " و",
        " hundred ",
        " ألف ",
        " عشر ",
    ];
    let mut rng = Lcg(0x5eed);
    for round in 0..600 {
        let len = (rng.next() % 200) as usize;
        let mut s = String::new();
        for _ in 0..len {
            if rng.next() % 5 == 0 {
                let w = words[(rng.next() as usize) % words.len()];
                s.push_str(w);
            } else {
                s.push(alphabet[(rng.next() as usize) % alphabet.len()]);
            }
        }
        let cs = chars(&s);
        let a = (rng.next() as usize) % (cs.len() + 2);
        let b = (rng.next() as usize) % (cs.len() + 2);
        for (start, end) in [(0, cs.len()), (a.min(b), a.max(b)), (a, b)] {
            let qs = quantities(&cs, start, end);
            let mut last = start.min(end.min(cs.len()));
            for q in &qs {
                assert!(q.start < q.end, "round {round}: empty {q:?} in {s:?}");
                assert!(q.start >= last, "round {round}: overlap {q:?} in {s:?}");
                assert!(q.end <= end.min(cs.len()), "round {round}: {q:?} in {s:?}");
                last = q.end;
            }
        }
    }
}
