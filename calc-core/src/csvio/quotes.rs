//! Quotes that never close.
//!
//! The `csv` crate reads a quote that is still open at the end of the file as one cell
//! holding the rest of the file, without an error: `Borås;food;"obs` followed by two more
//! rows imports Borås alone, silently, and the later rows (and their errors) vanish.
//! [`unclosed_quotes`] scans the text with the parser's own quoting rules (a `"` at the
//! start of a field opens it, `""` inside is a quote, the next `"` closes it) and reports
//! every quote that stays open to the end of the file, or that swallows a line break and
//! then a whole line that looks like a row (as many separators as the header has),
//! so the reader can refuse that row by the line where its quote opened and read the
//! lines after it as rows of their own.

/// A quote that does not close where it should.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Unclosed {
    /// Byte offset where the record holding the quote starts.
    pub(crate) record_start: usize,
    /// Byte offset of the opening `"`.
    pub(crate) open: usize,
    /// The 0-based field the quote opens.
    pub(crate) field: usize,
    /// Byte offset just after the opening line's line break: where reading goes on.
    pub(crate) resume: usize,
    /// Byte offset of the line inside the quote that looks like a row; `None` when the
    /// quote is open at the end of the file.
    pub(crate) swallowed: Option<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// At the start of a field.
    Start,
    /// In a field that did not start with a quote (or whose quote closed).
    Unquoted,
    /// Inside quotes.
    Quoted,
    /// Inside quotes, just after a `"`: `""` or the closing quote.
    QuoteInQuoted,
}

/// Separators outside quotes on the first line that is not blank (the header): a line
/// inside a quote with at least as many (and at least one) looks like a row.
fn header_separators(bytes: &[u8], delimiter: u8) -> usize {
    let mut n = 0;
    let mut quoted = false;
    let mut seen = false;
    for &b in bytes {
        match b {
            b'\n' | b'\r' if seen && !quoted => break,
            b'"' => quoted = !quoted,
            _ if b == delimiter && !quoted => n += 1,
            _ => {}
        }
        if !b.is_ascii_whitespace() {
            seen = true;
        }
    }
    n
}

/// Offset just after the line break that ends the line holding `at` (the end of the
/// text when none does).
fn next_line(bytes: &[u8], at: usize) -> usize {
    let mut i = at;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => return i + 2,
            b'\r' | b'\n' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// Every quote in `text` that stays open to the end of the file or swallows a line that
/// looks like a row, in order. After each, scanning goes on from the line after the one
/// the quote opened on, as the reader does.
#[must_use]
pub(crate) fn unclosed_quotes(text: &str, delimiter: u8) -> Vec<Unclosed> {
    let bytes = text.as_bytes();
    let row_like = header_separators(bytes, delimiter).max(1);
    let mut found = Vec::new();
    let mut state = State::Start;
    let (mut record_start, mut field) = (0usize, 0usize);
    // The quote being read: where it opened, its field, whether the scan is still on
    // its first line, and the separators on the current line inside it.
    let (mut open, mut open_field, mut first_line, mut separators) = (0usize, 0usize, true, 0);
    let mut line_start = 0usize;
    let mut i = 0usize;
    loop {
        let Some(&b) = bytes.get(i) else {
            if state != State::Quoted {
                break;
            }
            // Open at the end of the file: refuse its record, read on after its line.
            let resume = next_line(bytes, open);
            found.push(Unclosed {
                record_start,
                open,
                field: open_field,
                resume,
                swallowed: None,
            });
            (state, field, record_start, line_start, i) = (State::Start, 0, resume, resume, resume);
            continue;
        };
        let eol = b == b'\n' || b == b'\r';
        // `\r\n` is one line break.
        let step = if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            2
        } else {
            1
        };
        match state {
            State::Quoted => {
                if b == b'"' {
                    state = State::QuoteInQuoted;
                } else if b == delimiter {
                    separators += 1;
                } else if eol {
                    if !first_line && separators >= row_like {
                        let resume = next_line(bytes, open);
                        found.push(Unclosed {
                            record_start,
                            open,
                            field: open_field,
                            resume,
                            swallowed: Some(line_start),
                        });
                        (state, field, record_start, line_start, i) =
                            (State::Start, 0, resume, resume, resume);
                        continue;
                    }
                    first_line = false;
                    separators = 0;
                    line_start = i + step;
                }
                i += step;
                continue;
            }
            State::QuoteInQuoted if b == b'"' => {
                state = State::Quoted;
                i += 1;
                continue;
            }
            State::Start if b == b'"' => {
                state = State::Quoted;
                (open, open_field, first_line, separators) = (i, field, true, 0);
                i += 1;
                continue;
            }
            // A closed quote, or outside quotes.
            State::QuoteInQuoted | State::Start | State::Unquoted => {}
        }
        if b == delimiter {
            state = State::Start;
            field += 1;
        } else if eol {
            state = State::Start;
            field = 0;
            record_start = i + step;
            line_start = i + step;
        } else {
            state = State::Unquoted;
        }
        i += step;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_open_at_the_end_of_the_file() {
        let text = "a;b;c\nBorås;x;\"obs\nMark;x;\nTranemo;x;\n";
        let u = unclosed_quotes(text, b';');
        let open = text.find('"').unwrap_or(0);
        assert_eq!(u.len(), 1);
        assert_eq!(u[0].open, open);
        assert_eq!(u[0].field, 2);
        assert_eq!(u[0].record_start, 6);
        assert_eq!(u[0].resume, text.find("Mark").unwrap_or(0));
    }

    #[test]
    fn closed_quotes_with_line_breaks_are_fine() {
        for text in [
            "a;b;c\nx;\"one\r\ntwo\";y\n",
            "a;b;c\r\"x\"\"\ry\";1;2\r",
            "a;b;c\nx;\"a; b\";\"\"\n",
            "a,b\nx,\"\"\"\"\n",
            "a;b;c\nx;y;z\"\n",
        ] {
            assert_eq!(unclosed_quotes(text, text.as_bytes()[1]), [], "{text:?}");
        }
    }

    #[test]
    fn a_quote_that_swallows_a_row_closes_later() {
        let text = "a;b;c\nx;\"obs\nMark;x;y\nz\";1;2\n";
        let u = unclosed_quotes(text, b';');
        assert_eq!(u.len(), 1);
        assert_eq!(u[0].swallowed, text.find("Mark"));
        assert_eq!(u[0].resume, text.find("Mark").unwrap_or(0));
    }
}
