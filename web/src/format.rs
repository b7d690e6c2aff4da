//! Number formatting for people: where the interface rounds its numbers for display.
//!
//! The rounding itself is calc-core's (`calc_core::format`, which the CLI's tables and
//! messages use too); this module picks decimals and units for the page.
//!
//! Swedish (sv-SE): no-break space (U+00A0) between thousands, decimal comma and a real
//! minus sign (U+2212), e.g. `1 234,5`. English: `1,234.5`, also with a real minus sign.
//! A range of values is written with words, `−439,4 till 100,3` ([`range`]): a dash
//! between two numbers could be read as a minus sign.

use calc_core::csvio::{self, Lang};
use calc_core::{KgCo2e, Sek};
use rust_decimal::Decimal;

/// No-break space, the Swedish thousands separator.
pub const NBSP: char = '\u{a0}';

/// `d` rounded half away from zero to `decimals` places, thousands grouped, typeset for
/// the page (calc-core's formatter with a no-break space in Swedish and a real minus sign,
/// U+2212, in both languages).
#[must_use]
pub fn number(d: Decimal, decimals: u32, lang: Lang) -> String {
    let style = csvio::NumberStyle {
        minus: MINUS,
        ..csvio::NumberStyle::typeset(lang)
    };
    csvio::format_styled(d, decimals, style)
}

/// The minus sign on the page (U+2212), never a hyphen.
pub const MINUS: char = '\u{2212}';

/// A range from `low` to `high` (already formatted) in words: `−439,4 till 100,3` /
/// `−439.4 to 100.3`. A no-break space keeps the word with the low bound, so a narrow column
/// breaks the line after it, never leaving "till" alone on a line.
#[must_use]
pub fn range(low: &str, high: &str, lang: Lang) -> String {
    crate::i18n::tf(
        lang,
        crate::i18n::K::RangeWords,
        &[("low", &low), ("high", &high)],
    )
}

/// A low–high range of t CO2e (one decimal) in words.
#[must_use]
pub fn range_t(low: KgCo2e, high: KgCo2e, lang: Lang) -> String {
    range(&tonnes_co2e(low, lang), &tonnes_co2e(high, lang), lang)
}

/// A low–high range of SEK ([`sek_short`]) in words.
#[must_use]
pub fn range_sek(low: Sek, high: Sek, lang: Lang) -> String {
    range(&sek_short(low, lang), &sek_short(high, lang), lang)
}

/// kg CO2e as tonnes CO2e with one decimal (`1 234,5`).
#[must_use]
pub fn tonnes_co2e(kg: KgCo2e, lang: Lang) -> String {
    number(kg_to_t(kg), 1, lang)
}

/// kg CO2e as a decimal number of tonnes.
#[must_use]
pub fn kg_to_t(kg: KgCo2e) -> Decimal {
    kg.to_tonnes().value()
}

/// SEK with the unit, shortened for large amounts: `12,3 mnkr` / `SEK 12.3 m`,
/// `456 tkr` / `SEK 456 k`, else whole kronor.
#[must_use]
pub fn sek_short(s: Sek, lang: Lang) -> String {
    let v = s.value();
    let abs = v.abs();
    let million = Decimal::from(1_000_000);
    let thousand = Decimal::from(1_000);
    if abs >= million {
        let x = number(v / million, 1, lang);
        match lang {
            Lang::Sv => format!("{x}{NBSP}mnkr"),
            Lang::En => format!("SEK\u{a0}{x}\u{a0}m"),
        }
    } else if abs >= thousand * Decimal::TEN {
        let x = number(v / thousand, 0, lang);
        match lang {
            Lang::Sv => format!("{x}{NBSP}tkr"),
            Lang::En => format!("SEK\u{a0}{x}\u{a0}k"),
        }
    } else {
        sek(s, lang)
    }
}

/// SEK in thousands without the unit (the column says "tkr"): `716`, `−774`, `1 700`;
/// one decimal below 10 tkr so a small amount does not read as zero. One unit for a whole
/// column, where [`sek_short`] would switch between kr, tkr and mnkr from row to row.
#[must_use]
pub fn tkr(s: Sek, lang: Lang) -> String {
    let v = s.value() / Decimal::from(1_000);
    number(v, if v.abs() < Decimal::TEN { 1 } else { 0 }, lang)
}

/// A low–high range in thousands of SEK ([`tkr`]) in words.
#[must_use]
pub fn range_tkr(low: Sek, high: Sek, lang: Lang) -> String {
    range(&tkr(low, lang), &tkr(high, lang), lang)
}

/// One unit for a whole column (or row) of SEK amounts, chosen from its largest magnitude
/// ([`SekUnit::for_amounts`]) and said once in its heading ([`SekUnit::label`]); every cell
/// is then written in it without a unit ([`SekUnit::amount`]), never "716 243" above
/// "−774 tkr till 1,7 mnkr".
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SekUnit {
    /// Whole kronor.
    Kr,
    /// Thousands of kronor (tkr / SEK k).
    Tkr,
    /// Millions of kronor (mnkr / SEK m).
    Mnkr,
}

impl SekUnit {
    /// The unit for amounts whose largest magnitude is `max`: mnkr from 10 mnkr (below that
    /// a column reads as well in tkr: "5 400"), tkr from 10 tkr, else kronor.
    #[must_use]
    pub fn for_largest(max: Decimal) -> Self {
        let max = max.abs();
        if max >= Decimal::from(10_000_000) {
            Self::Mnkr
        } else if max >= Decimal::from(10_000) {
            Self::Tkr
        } else {
            Self::Kr
        }
    }

    /// The unit for a column of `amounts` (ranges' bounds included by the caller).
    #[must_use]
    pub fn for_amounts(amounts: impl IntoIterator<Item = Sek>) -> Self {
        Self::for_largest(
            amounts
                .into_iter()
                .map(|s| s.value().abs())
                .max()
                .unwrap_or(Decimal::ZERO),
        )
    }

    /// The unit's name for a heading: `kr`, `tkr`, `mnkr` / `SEK`, `SEK k`, `SEK m`.
    #[must_use]
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Kr, Lang::Sv) => "kr",
            (Self::Tkr, Lang::Sv) => "tkr",
            (Self::Mnkr, Lang::Sv) => "mnkr",
            (Self::Kr, Lang::En) => "SEK",
            (Self::Tkr, Lang::En) => "SEK\u{a0}k",
            (Self::Mnkr, Lang::En) => "SEK\u{a0}m",
        }
    }

    /// `s` in this unit without the unit: kronor whole; tkr whole, one decimal below 10 tkr;
    /// mnkr with one decimal, two below 1 mnkr (so a small amount does not read as zero;
    /// zero itself keeps the column's usual decimals).
    #[must_use]
    pub fn amount(self, s: Sek, lang: Lang) -> String {
        let (v, whole_from, more) = match self {
            Self::Kr => return number(s.value(), 0, lang),
            Self::Tkr => (s.value() / Decimal::from(1_000), Decimal::TEN, (0, 1)),
            Self::Mnkr => (s.value() / Decimal::from(1_000_000), Decimal::ONE, (1, 2)),
        };
        let small = !v.is_zero() && v.abs() < whole_from;
        number(v, if small { more.1 } else { more.0 }, lang)
    }

    /// `s` in this unit with the unit, for a sentence: `−51,0 mnkr` / `SEK −51.0 m`.
    #[must_use]
    pub fn with_unit(self, s: Sek, lang: Lang) -> String {
        let x = self.amount(s, lang);
        match (self, lang) {
            (_, Lang::Sv) => format!("{x}{NBSP}{}", self.label(lang)),
            (Self::Kr, Lang::En) => format!("SEK\u{a0}{x}"),
            (Self::Tkr, Lang::En) => format!("SEK\u{a0}{x}\u{a0}k"),
            (Self::Mnkr, Lang::En) => format!("SEK\u{a0}{x}\u{a0}m"),
        }
    }

    /// A low–high range in this unit, in words (`−774 till 1 700`).
    #[must_use]
    pub fn range(self, low: Sek, high: Sek, lang: Lang) -> String {
        range(&self.amount(low, lang), &self.amount(high, lang), lang)
    }

    /// A heading with the unit after it: `Netto per år, tkr`.
    #[must_use]
    pub fn heading(self, head: &str, lang: Lang) -> String {
        format!("{head}, {}", self.label(lang))
    }
}

/// SEK in whole kronor with the unit: `12 345 kr` / `SEK 12,345`.
#[must_use]
pub fn sek(s: Sek, lang: Lang) -> String {
    let x = number(s.value(), 0, lang);
    match lang {
        Lang::Sv => format!("{x}{NBSP}kr"),
        Lang::En => format!("SEK\u{a0}{x}"),
    }
}

/// A share (0–1) as a percentage with the unit: `83 %` (no-break space) / `83%`.
#[must_use]
pub fn percent(share: Decimal, decimals: u32, lang: Lang) -> String {
    let x = number(
        share
            .checked_mul(Decimal::ONE_HUNDRED)
            .unwrap_or(Decimal::ZERO),
        decimals,
        lang,
    );
    match lang {
        Lang::Sv => format!("{x}{NBSP}%"),
        Lang::En => format!("{x}%"),
    }
}

/// A value for a decimal text box (`inputmode="decimal"`): no thousands separator,
/// trailing zeros removed, with the interface's decimal mark (a comma in Swedish).
/// [`parse_input`] reads a comma or a point back, so "55,5" typed in either language is
/// 55.5 (an `<input type="number">` would drop the comma in an English-locale browser).
#[must_use]
pub fn input_value(d: Decimal, lang: Lang) -> String {
    calc_core::csvio::format_decimal(d, lang == Lang::Sv)
}

/// Parses what a person typed into a number field: decimal comma or point, spaces ignored.
#[must_use]
pub fn parse_input(text: &str) -> Option<Decimal> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != NBSP && *c != '\u{202f}')
        .map(|c| match c {
            ',' => '.',
            '\u{2212}' => '-',
            c => c,
        })
        .collect();
    if cleaned.is_empty() {
        return None;
    }
    // `None` is the answer "not a number"; the caller keeps the previous value and shows it.
    cleaned.parse::<Decimal>().ok()
}

/// A float (pixel-space tick value) formatted as a number; used only for axis ticks.
#[must_use]
pub fn tick(value: f64, decimals: u32, lang: Lang) -> String {
    let text = format!("{value:.prec$}", prec = decimals as usize);
    number(text.parse().unwrap_or(Decimal::ZERO), decimals, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn text_boxes_show_the_interface_decimal_mark_and_read_either_back() {
        assert_eq!(input_value(d("37.50"), Lang::Sv), "37,5");
        assert_eq!(input_value(d("37.50"), Lang::En), "37.5");
        assert_eq!(input_value(d("100"), Lang::Sv), "100");
        assert_eq!(parse_input("55,5"), Some(d("55.5")));
        assert_eq!(parse_input("55.5"), Some(d("55.5")));
        assert_eq!(
            parse_input(&input_value(d("12.25"), Lang::Sv)),
            Some(d("12.25"))
        );
    }

    #[test]
    fn swedish_uses_nbsp_and_comma() {
        assert_eq!(number(d("1234.56"), 1, Lang::Sv), "1\u{a0}234,6");
        assert_eq!(number(d("1234567"), 0, Lang::Sv), "1\u{a0}234\u{a0}567");
        assert_eq!(number(d("-0.04"), 1, Lang::Sv), "0,0");
        assert_eq!(number(d("-1500"), 0, Lang::Sv), "\u{2212}1\u{a0}500");
        assert_eq!(number(d("999.95"), 1, Lang::Sv), "1\u{a0}000,0");
    }

    #[test]
    fn english_uses_comma_and_point() {
        assert_eq!(number(d("1234567.25"), 2, Lang::En), "1,234,567.25");
        assert_eq!(number(d("-12"), 0, Lang::En), "\u{2212}12");
    }

    #[test]
    fn ranges_are_written_with_words_and_a_real_minus() {
        let kg = |t: &str| KgCo2e::new(d(t) * Decimal::from(1000));
        assert_eq!(
            range_t(kg("-439.44"), kg("100.26"), Lang::Sv),
            "\u{2212}439,4\u{a0}till 100,3"
        );
        assert_eq!(
            range_t(kg("-439.44"), kg("100.26"), Lang::En),
            "\u{2212}439.4\u{a0}to 100.3"
        );
        assert_eq!(
            range_sek(Sek::new(d("-22600000")), Sek::new(d("16200000")), Lang::Sv),
            "\u{2212}22,6\u{a0}mnkr\u{a0}till 16,2\u{a0}mnkr"
        );
        assert_eq!(
            range_sek(Sek::new(d("-22600000")), Sek::new(d("-45600")), Lang::En),
            "SEK\u{a0}\u{2212}22.6\u{a0}m\u{a0}to SEK\u{a0}\u{2212}46\u{a0}k"
        );
    }

    #[test]
    fn parses_typed_numbers() {
        assert_eq!(parse_input("12,5"), Some(d("12.5")));
        assert_eq!(parse_input("1 234,5"), Some(d("1234.5")));
        assert_eq!(parse_input("abc"), None);
        assert_eq!(parse_input(""), None);
    }

    #[test]
    fn percentages() {
        assert_eq!(percent(d("0.825"), 0, Lang::Sv), "83\u{a0}%");
        assert_eq!(percent(d("0.5"), 0, Lang::En), "50%");
    }

    #[test]
    fn one_unit_for_a_column_from_its_largest_amount() {
        let sek = |v: &str| Sek::new(d(v));
        // The column: 716 243 kr above −774 tkr to 1,7 mnkr: all in tkr.
        let col = [sek("716243"), sek("-774000"), sek("1700000")];
        let unit = SekUnit::for_amounts(col);
        assert_eq!(unit, SekUnit::Tkr);
        assert_eq!(unit.amount(col[0], Lang::Sv), "716");
        assert_eq!(
            unit.range(col[1], col[2], Lang::Sv),
            "\u{2212}774\u{a0}till 1\u{a0}700"
        );
        assert_eq!(unit.amount(sek("4500"), Lang::Sv), "4,5");
        assert_eq!(unit.heading("Per år", Lang::Sv), "Per år, tkr");
        assert_eq!(unit.heading("Per year", Lang::En), "Per year, SEK\u{a0}k");
        // From 10 mnkr: millions, two decimals below one million.
        let unit = SekUnit::for_amounts([sek("-22600000"), sek("45600")]);
        assert_eq!(unit, SekUnit::Mnkr);
        assert_eq!(unit.amount(sek("-22600000"), Lang::Sv), "\u{2212}22,6");
        assert_eq!(unit.amount(sek("45600"), Lang::En), "0.05");
        assert_eq!(unit.amount(Sek::ZERO, Lang::Sv), "0,0");
        assert_eq!(
            unit.with_unit(sek("-50984759"), Lang::Sv),
            "\u{2212}51,0\u{a0}mnkr"
        );
        assert_eq!(
            unit.with_unit(sek("-50984759"), Lang::En),
            "SEK\u{a0}\u{2212}51.0\u{a0}m"
        );
        // Below 10 tkr: whole kronor; an empty column too.
        assert_eq!(SekUnit::for_amounts([sek("9999"), sek("-5")]), SekUnit::Kr);
        assert_eq!(SekUnit::Kr.amount(sek("9999.4"), Lang::Sv), "9\u{a0}999");
        assert_eq!(SekUnit::for_amounts([]), SekUnit::Kr);
    }

    #[test]
    fn short_sek() {
        assert_eq!(
            sek_short(Sek::new(d("12345678")), Lang::Sv),
            "12,3\u{a0}mnkr"
        );
        assert_eq!(sek_short(Sek::new(d("45600")), Lang::Sv), "46\u{a0}tkr");
        assert_eq!(sek_short(Sek::new(d("950")), Lang::Sv), "950\u{a0}kr");
    }
}
