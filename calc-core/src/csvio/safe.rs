//! CSV injection: text cells a spreadsheet would run as a formula.
//!
//! Excel and LibreOffice evaluate a cell that begins with `=`, `+`, `-` or `@` (and, after
//! a tab or carriage return, some versions too) as a formula, so a scenario name such as
//! `=HYPERLINK("http://…","a")` written as-is into a CSV attacks whoever opens the file.
//! Every CSV writer passes its text cells (never its numbers) through [`guard_cell`],
//! which prefixes such a cell with a single quote `'` (the spreadsheet shows the text,
//! without the quote); every reader passes each field through [`unescape_cell`], which
//! removes that one quote again, so reading a written file gives the original text.
//!
//! The guard looks at the text as the spreadsheet will read it: characters a spreadsheet
//! may skip before it looks for a formula (white space, a byte-order mark, zero-width
//! characters) do not hide a trigger behind them, and the full-width `＝`, `＋`, `－`, `＠`
//! and the minus sign `−` count as triggers, since some spreadsheets (Excel with East
//! Asian input, LibreOffice's autocorrect) read them as their ASCII forms. Writers encode
//! the whole output as one text (or its later parts with [`super::encode_part`]), so no
//! character of a cell is dropped after the guard has looked at it.

use std::borrow::Cow;

/// The characters that make a spreadsheet read a cell as a formula (with the full-width
/// forms and the minus sign a spreadsheet may read as their ASCII forms).
const TRIGGERS: [char; 12] = [
    '=', '+', '-', '@', '\t', '\r', '\n', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}',
    '\u{2212}',
];

/// Characters a spreadsheet may skip before it looks for a formula trigger: white space,
/// the byte-order mark (which an encoder may also drop) and zero-width characters.
fn skipped(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{180e}' | '\u{ad}'
        )
}

/// True when `text`, after any leading `'` and any characters a spreadsheet skips,
/// begins with a formula trigger: the cells the guard quotes (a text that already begins
/// with `'=` gets one more `'`, so it reads back with its own quote).
fn needs_guard(text: &str) -> bool {
    let text = text.trim_start_matches('\'');
    text.starts_with(TRIGGERS) || text.trim_start_matches(skipped).starts_with(TRIGGERS)
}

/// A text cell safe to write: prefixed with `'` when it would start a formula.
/// Numbers must not go through this (a negative number stays a number).
#[must_use]
pub fn guard_cell(text: &str) -> Cow<'_, str> {
    if needs_guard(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A cell of a writer that does not know its cells' types (text or number, e.g. a
/// listing): a cell that reads as a number (`-12,5`, `+3`, `-0.5`) stays as it is, any
/// other goes through [`guard_cell`].
#[must_use]
pub fn guard_cell_unless_number(text: &str) -> Cow<'_, str> {
    let number = super::number::parse_decimal(text, true).is_some()
        || super::number::parse_decimal(text, false).is_some();
    if number {
        Cow::Borrowed(text)
    } else {
        guard_cell(text)
    }
}

/// A read cell with the guard of [`guard_cell`] removed: one leading `'` before a formula
/// trigger (or before further quotes and then a trigger) is dropped.
#[must_use]
pub fn unescape_cell(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_quoted_and_read_back() {
        let cases = [
            (
                "=HYPERLINK(\"http://x\",\"a\")",
                "'=HYPERLINK(\"http://x\",\"a\")",
            ),
            ("@SUM(1)", "'@SUM(1)"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("'=x", "''=x"),
            ("Borås", "Borås"),
            ("it's", "it's"),
            ("'quoted'", "'quoted'"),
            ("", ""),
            // Hidden behind what a spreadsheet skips, or in full width.
            ("\u{feff}=1+1", "'\u{feff}=1+1"),
            (" =1+1", "' =1+1"),
            ("\u{a0}=1", "'\u{a0}=1"),
            ("\u{200b}@SUM(1)", "'\u{200b}@SUM(1)"),
            ("\u{ff1d}1+1", "'\u{ff1d}1+1"),
            ("\u{ff0b}1", "'\u{ff0b}1"),
            ("\u{ff0d}1", "'\u{ff0d}1"),
            ("\u{ff20}A1", "'\u{ff20}A1"),
            ("\u{2212}1", "'\u{2212}1"),
            ("\nx", "'\nx"),
            ("a =1", "a =1"),
        ];
        for (text, written) in cases {
            assert_eq!(guard_cell(text), written, "{text:?}");
            assert_eq!(unescape_cell(written), text, "{text:?}");
        }
        assert_eq!(guard_cell_unless_number("-12,5"), "-12,5");
        assert_eq!(guard_cell_unless_number("-0.5"), "-0.5");
        assert_eq!(guard_cell_unless_number("-1+A1"), "'-1+A1");
    }
}
