//! CSV injection: text cells a spreadsheet would run as a formula.
//!
//! Excel and LibreOffice evaluate a cell that begins with `=`, `+`, `-` or `@` (and, after
//! a tab or carriage return, some versions too) as a formula, so a scenario name such as
//! `=HYPERLINK("http://…","a")` written as-is into a CSV attacks whoever opens the file.
//! Every CSV writer passes its text cells (never its numbers) through [`guard_cell`],
//! which prefixes such a cell with a single quote `'` (the spreadsheet shows the text,
//! without the quote); every reader passes each field through [`unescape_cell`], which
//! removes that one quote again, so reading a written file gives the original text.

use std::borrow::Cow;

/// The characters that make a spreadsheet read a cell as a formula.
const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// True when `text`, after any leading `'`, begins with a formula trigger: the cells the
/// guard quotes (a text that already begins with `'=` gets one more `'`, so it reads back
/// with its own quote).
fn needs_guard(text: &str) -> bool {
    text.trim_start_matches('\'').starts_with(TRIGGERS)
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
    let number = super::table::parse_decimal(text, true).is_some()
        || super::table::parse_decimal(text, false).is_some();
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
