//! Numbers as Excel writes them in Swedish or English locale, read and written without a
//! float.

use rust_decimal::Decimal;
use std::str::FromStr;

/// Parses a decimal as Excel writes it in Swedish or English locale.
///
/// Accepts `1234.5`, `1 234,5` (space or no-break space as thousands separator),
/// `-12,5`, `−12,5` (Unicode minus) and `+3`. With `decimal_comma`, a comma is the
/// decimal mark and a point is also accepted when no comma is present. Rejects anything
/// else, including thousands separators made of points or commas (ambiguous), exponents,
/// and `NaN`. Never goes through a float.
#[must_use]
pub fn parse_decimal(text: &str, decimal_comma: bool) -> Option<Decimal> {
    let mut s: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .map(|c| if c == '\u{2212}' { '-' } else { c })
        .collect();
    if decimal_comma {
        if s.contains(',') {
            if s.contains('.') || s.matches(',').count() > 1 {
                return None;
            }
            s = s.replace(',', ".");
        }
    } else if s.contains(',') {
        return None;
    }
    let body = s.strip_prefix(['-', '+']).unwrap_or(&s);
    let valid = !body.is_empty()
        && body.chars().all(|c| c.is_ascii_digit() || c == '.')
        && body.matches('.').count() <= 1
        && body.chars().any(|c| c.is_ascii_digit());
    if !valid {
        return None;
    }
    let s = s.strip_prefix('+').unwrap_or(&s);
    // `None` is the answer "not a number"; callers report it with line and column.
    Decimal::from_str(s).ok()
}

/// A year as files and forms give it: four digits, 1900–2200; `None` for anything else.
#[must_use]
pub fn parse_year(text: &str) -> Option<crate::Year> {
    match text.trim().parse::<u16>() {
        Ok(y) if (1900..=2200).contains(&y) => Some(crate::Year(y)),
        _ => None,
    }
}

/// Writes a decimal for a dialect: decimal comma or point, no thousands separator.
#[must_use]
pub fn format_decimal(d: Decimal, decimal_comma: bool) -> String {
    let s = d.normalize().to_string();
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
    fn parses_swedish_and_english_numbers() {
        assert_eq!(parse_decimal("1 234,5", true), Some(dec!(1234.5)));
        assert_eq!(parse_decimal("1\u{a0}234,5", true), Some(dec!(1234.5)));
        assert_eq!(parse_decimal("\u{2212}12,25", true), Some(dec!(-12.25)));
        assert_eq!(parse_decimal("12.25", true), Some(dec!(12.25)));
        assert_eq!(parse_decimal("12.25", false), Some(dec!(12.25)));
        assert_eq!(parse_decimal("+3", false), Some(dec!(3)));
        assert_eq!(parse_decimal("12,5", false), None);
        assert_eq!(parse_decimal("1.234,5", true), None);
        assert_eq!(parse_decimal("1e5", false), None);
        assert_eq!(parse_decimal("NaN", false), None);
        assert_eq!(parse_decimal("-", false), None);
        assert_eq!(parse_decimal(".", false), None);
        assert_eq!(parse_decimal("12,5,0", true), None);
    }
}
