//! How numbers and messages are written for people: the interface language and the
//! number style (thousands separator, decimal mark, minus sign). Rounding happens here,
//! for display only; results keep full precision.
//!
//! [`format_fixed`] writes numbers for spreadsheets (no thousands separator, so a
//! spreadsheet reads the number); the others write them for people.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// Language of user-facing messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Swedish (the default).
    #[default]
    Sv,
    /// English.
    En,
}

impl Lang {
    /// Parses `sv` or `en` (any case).
    #[must_use]
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "sv" | "se" | "svenska" => Some(Lang::Sv),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }
}

/// How a number is written for people: thousands separator, decimal mark, minus sign.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumberStyle {
    /// Between groups of three digits.
    pub thousands: char,
    /// Before the decimals.
    pub decimal: char,
    /// Before a negative number.
    pub minus: char,
}

impl NumberStyle {
    /// Plain text (terminal, CSV comments): `1 234,5` with an ASCII space and hyphen-minus
    /// in Swedish, `1,234.5` in English.
    #[must_use]
    pub const fn plain(lang: Lang) -> Self {
        match lang {
            Lang::Sv => Self {
                thousands: ' ',
                decimal: ',',
                minus: '-',
            },
            Lang::En => Self {
                thousands: ',',
                decimal: '.',
                minus: '-',
            },
        }
    }

    /// Typeset (the web app): Swedish uses a no-break space and a real minus sign (U+2212).
    #[must_use]
    pub const fn typeset(lang: Lang) -> Self {
        match lang {
            Lang::Sv => Self {
                thousands: '\u{a0}',
                decimal: ',',
                minus: '\u{2212}',
            },
            Lang::En => Self {
                thousands: ',',
                decimal: '.',
                minus: '-',
            },
        }
    }
}

/// `d` rounded half away from zero to `decimals` places, thousands grouped, in a style.
/// A value that rounds to zero has no minus sign.
#[must_use]
pub fn format_styled(d: Decimal, decimals: u32, style: NumberStyle) -> String {
    let plain = format_fixed(d, decimals, false);
    let (negative, rest) = match plain.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, plain.as_str()),
    };
    let (int, frac) = rest.split_once('.').unwrap_or((rest, ""));
    let digits: Vec<char> = int.chars().collect();
    let mut out = String::with_capacity(plain.len() + digits.len() / 3 + 2);
    if negative {
        out.push(style.minus);
    }
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(style.thousands);
        }
        out.push(*c);
    }
    if !frac.is_empty() {
        out.push(style.decimal);
        out.push_str(frac);
    }
    out
}

/// `d` for people: rounded to `decimals` places, thousands grouped. Swedish: space as
/// thousands separator and decimal comma (`1 234 567,8`); English: `1,234,567.8`.
#[must_use]
pub fn format_number(d: Decimal, decimals: u32, lang: Lang) -> String {
    format_styled(d, decimals, NumberStyle::plain(lang))
}

/// `d` rounded half away from zero to `decimals` places and written with exactly that many
/// decimals, with a decimal comma or point; no thousands separator (spreadsheets read it
/// as a number).
#[must_use]
pub fn format_fixed(d: Decimal, decimals: u32, decimal_comma: bool) -> String {
    // Digits straight from the rounded mantissa (no formatting machinery): the CLI writes
    // about 30 of these per results row.
    let mut r = d.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(decimals);
    if r.scale() != decimals {
        // More integer digits than fit at this scale (above about 1e26): rare enough for
        // the general path.
        return fixed_by_format(r, decimals, decimal_comma);
    }
    let digits = r.mantissa().unsigned_abs().to_string();
    let places = decimals as usize;
    let int_len = digits.len().saturating_sub(places);
    let mut out = String::with_capacity(digits.len() + places + 3);
    if r.is_sign_negative() && !r.is_zero() {
        out.push('-');
    }
    if int_len == 0 {
        out.push('0');
    } else {
        out.push_str(digits.get(..int_len).unwrap_or("0"));
    }
    if places > 0 {
        out.push(if decimal_comma { ',' } else { '.' });
        for _ in digits.len()..places {
            out.push('0');
        }
        out.push_str(digits.get(int_len..).unwrap_or(""));
    }
    out
}

/// [`format_fixed`] through `Decimal`'s `Display`, for values it cannot rescale.
fn fixed_by_format(r: Decimal, decimals: u32, decimal_comma: bool) -> String {
    let s = format!("{r:.prec$}", prec = decimals as usize);
    let s = if s.starts_with('-') && r.is_zero() {
        s.trim_start_matches('-').to_string()
    } else {
        s
    };
    if decimal_comma {
        s.replace('.', ",")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn fixed_rounds_half_away_from_zero() {
        assert_eq!(format_fixed(dec!(1234.565), 2, true), "1234,57");
        assert_eq!(format_fixed(dec!(-0.001), 2, false), "0.00");
        assert_eq!(format_fixed(dec!(7), 2, false), "7.00");
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// The digit path writes what `Decimal`'s `Display` writes, at every scale.
        #[test]
        fn fixed_digits_equal_the_formatted_ones(
            lo in proptest::num::u64::ANY,
            mid in proptest::num::u32::ANY,
            hi in 0u32..4,
            negative in proptest::bool::ANY,
            scale in 0u32..=28,
            decimals in 0u32..=6,
            comma in proptest::bool::ANY,
        ) {
            let d = Decimal::from_parts(lo as u32, (lo >> 32) as u32 ^ mid, hi, negative, scale);
            let r = d.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
            proptest::prop_assert_eq!(
                format_fixed(d, decimals, comma),
                fixed_by_format(r, decimals, comma)
            );
        }
    }

    #[test]
    fn fixed_at_the_edges() {
        assert_eq!(format_fixed(dec!(0.05), 1, true), "0,1");
        assert_eq!(format_fixed(dec!(-0.05), 1, false), "-0.1");
        assert_eq!(format_fixed(dec!(0.004), 2, false), "0.00");
        assert_eq!(format_fixed(dec!(-12.5), 0, false), "-13");
        assert_eq!(format_fixed(dec!(0.000001), 6, true), "0,000001");
        assert_eq!(
            format_fixed(Decimal::MAX, 2, false),
            "79228162514264337593543950335.00"
        );
        assert_eq!(
            format_fixed(Decimal::MIN, 0, true),
            "-79228162514264337593543950335"
        );
    }

    #[test]
    fn numbers_for_people() {
        assert_eq!(format_number(dec!(1234567.891), 1, Lang::Sv), "1 234 567,9");
        assert_eq!(format_number(dec!(-1234.5), 0, Lang::En), "-1,235");
        assert_eq!(format_number(dec!(999), 0, Lang::Sv), "999");
        assert_eq!(format_number(dec!(0.004), 2, Lang::Sv), "0,00");
    }
}
