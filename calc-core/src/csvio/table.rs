//! Bytes → decoded text (its dialect from `dialect.rs`) → rows of fields with line numbers;
//! the named columns a reader wants are in `columns.rs`.

use super::dialect::{Dialect, decode, detect_delimiter};
use super::error::{CsvError, CsvErrorKind};
use super::position::{LineIndex, line_breaks};
use super::quotes::unclosed_quotes;
use super::safe::unescape_cell;

/// One data row: its 1-based physical line number in the file and its fields.
///
/// The fields are kept in one string with their end offsets (two allocations per row
/// instead of one per field): a 100 000-row scenario file is held in memory at once.
#[derive(Clone, Debug)]
pub struct Row {
    /// 1-based physical line where the row starts (`\r\n`, `\n` and a lone `\r` each one
    /// line break).
    pub line: u64,
    /// The fields, one after the other.
    text: String,
    /// Where each field ends in `text`.
    ends: Vec<u32>,
    /// The physical line of each field, for a row with a line break inside a quoted field
    /// (later fields are on later lines); empty when every field is on `line`.
    pub field_lines: Vec<u64>,
}

impl Row {
    /// A row of `fields` (each trimmed of surrounding white space, with a CSV-injection
    /// guard removed: see [`unescape_cell`]) starting on physical line `line`.
    #[must_use]
    pub fn new<'a>(
        line: u64,
        fields: impl IntoIterator<Item = &'a str>,
        field_lines: Vec<u64>,
    ) -> Self {
        let mut text = String::new();
        let mut ends = Vec::new();
        for f in fields {
            text.push_str(f);
            ends.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
        }
        // Growth by doubling can leave up to half unused: rows are kept, so trim them.
        text.shrink_to_fit();
        ends.shrink_to_fit();
        Self {
            line,
            text,
            ends,
            field_lines,
        }
    }

    /// Field `i`, if the row has it.
    #[must_use]
    pub fn field(&self, i: usize) -> Option<&str> {
        let end = usize::try_from(*self.ends.get(i)?).ok()?;
        let start = match i.checked_sub(1) {
            Some(j) => usize::try_from(*self.ends.get(j)?).ok()?,
            None => 0,
        };
        self.text.get(start..end)
    }

    /// The number of fields.
    #[must_use]
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the row has no fields.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The fields in order.
    pub fn fields(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).filter_map(|i| self.field(i))
    }

    /// The physical line of field `i` (the row's line when there is no such field).
    #[must_use]
    pub fn field_line(&self, i: usize) -> u64 {
        self.field_lines.get(i).copied().unwrap_or(self.line)
    }
}

/// A parsed CSV file: header names and data rows.
#[derive(Clone, Debug)]
pub struct Table {
    /// The dialect found.
    pub dialect: Dialect,
    /// Header cells as written (trimmed).
    pub headers: Vec<String>,
    /// The physical line of the header row (1 unless blank lines come before it).
    pub header_line: u64,
    /// Data rows; blank rows are skipped.
    pub rows: Vec<Row>,
}

/// Normalizes a header for matching: lowercase, å/ä → a, ö → o, é → e, space and `-` → `_`.
#[must_use]
pub fn normalize_header(h: &str) -> String {
    crate::model::lookup::normalize(h)
}

/// A part of the decoded text read as CSV records: the whole file, or the part between
/// quotes that never close ([`unclosed_quotes`]).
struct Segment<'t> {
    text: &'t str,
    /// Byte offset of the part in `text`.
    base: usize,
    /// Byte offset where the part ends.
    end: usize,
    lines: &'t LineIndex,
    delimiter: u8,
}

impl Segment<'_> {
    /// Reads the part's records: the first one not blank becomes the header when there is
    /// none yet, the others rows; errors with physical lines.
    fn read(
        &self,
        headers: &mut Option<(u64, Vec<String>)>,
        rows: &mut Vec<Row>,
        errors: &mut Vec<CsvError>,
    ) {
        let part = self.text.get(self.base..self.end).unwrap_or("");
        if part.is_empty() {
            return;
        }
        let (text, lines) = (self.text, self.lines);
        let at = |byte: u64| {
            let offset = byte.saturating_add(u64::try_from(self.base).unwrap_or(u64::MAX));
            lines.record_line(text, offset)
        };
        // Untrimmed, so the line breaks inside quoted fields can be counted; fields are
        // trimmed below exactly as `csv::Trim::All` would.
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(self.delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(part.as_bytes());
        let mut record = csv::StringRecord::new();
        loop {
            match reader.read_record(&mut record) {
                Ok(false) => break,
                Err(e) => {
                    let line = e.position().map_or(1, |p| at(p.byte()));
                    errors.push(CsvError::new(
                        line,
                        None,
                        "",
                        CsvErrorKind::Malformed {
                            detail: e.to_string(),
                        },
                    ));
                    // An I/O or UTF-8 error does not advance the reader: stop, never loop.
                    if !matches!(e.kind(), csv::ErrorKind::UnequalLengths { .. }) {
                        break;
                    }
                }
                Ok(true) => {
                    let line = record.position().map_or(1, |p| at(p.byte()));
                    if record.iter().all(|f| f.trim().is_empty()) {
                        continue;
                    }
                    // Per-field lines only for a record with a line break in it (a quoted
                    // one): most rows need none, and 100 000 rows need no extra memory.
                    let mut field_lines = Vec::new();
                    if record.iter().any(|f| f.contains(['\n', '\r'])) {
                        let mut at = line;
                        for raw in &record {
                            let lead = raw.len().saturating_sub(raw.trim_start().len());
                            let before = raw.get(..lead).unwrap_or("");
                            field_lines.push(at.saturating_add(line_breaks(before)));
                            at = at.saturating_add(line_breaks(raw));
                        }
                    }
                    let row = Row::new(
                        line,
                        record.iter().map(|f| unescape_cell(f.trim())),
                        field_lines,
                    );
                    match headers {
                        None => *headers = Some((line, row.fields().map(String::from).collect())),
                        Some((_, h)) => {
                            if row.len() != h.len() {
                                // Trailing empty cells (Excel pads rows) are not an error.
                                let extra_empty = row.len() > h.len()
                                    && row.fields().skip(h.len()).all(str::is_empty);
                                if !extra_empty {
                                    errors.push(CsvError::new(
                                        line,
                                        None,
                                        "",
                                        CsvErrorKind::FieldCount {
                                            expected: h.len(),
                                            found: row.len(),
                                        },
                                    ));
                                    continue;
                                }
                            }
                            rows.push(row);
                        }
                    }
                }
            }
        }
    }
}

impl Table {
    /// Reads bytes into a table, detecting encoding and separator.
    ///
    /// Errors (a malformed record, a row with a different number of fields than the header)
    /// are collected; the rows that could be read are still returned in `Ok` only when
    /// there were none.
    pub fn read(bytes: &[u8]) -> Result<Table, Vec<CsvError>> {
        match Table::read_lenient(bytes) {
            (Some(table), errors) if errors.is_empty() => Ok(table),
            (_, errors) => Err(errors),
        }
    }

    /// Reads bytes into a table like [`Table::read`], but keeps the rows that could be
    /// read next to the errors of those that could not. The table is `None` only when
    /// the file has no header row, or when it starts with a UTF-8 byte-order mark and
    /// is not UTF-8 after it.
    #[must_use]
    pub fn read_lenient(bytes: &[u8]) -> (Option<Table>, Vec<CsvError>) {
        // A UTF-8 byte-order mark promises UTF-8: bytes after it that are not UTF-8 are an
        // error on their line, never read as replacement characters.
        if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF")
            && let Err(e) = std::str::from_utf8(rest)
        {
            let valid = rest.get(..e.valid_up_to()).unwrap_or_default();
            // Valid by `valid_up_to`: never the default.
            let before = std::str::from_utf8(valid).unwrap_or_default();
            let line = line_breaks(before).saturating_add(1);
            let bad = rest.get(e.valid_up_to()).copied().unwrap_or(0);
            let start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
            let text = format!("{}\\x{bad:02X}", before.get(start..).unwrap_or_default());
            return (
                None,
                vec![CsvError::new(
                    line,
                    None,
                    text,
                    CsvErrorKind::NotUtf8AfterBom,
                )],
            );
        }
        let (text, encoding) = decode(bytes);
        let delimiter = detect_delimiter(&text);
        let lines = LineIndex::new(&text);
        let mut errors = Vec::new();
        let mut headers: Option<(u64, Vec<String>)> = None;
        let mut rows = Vec::new();
        // A quote that never closes would make the rest of the file one cell: its row is
        // refused by the line the quote opened on, and the lines after that line are read
        // as rows (so their own errors are still reported).
        let mut from = 0usize;
        for u in unclosed_quotes(&text, delimiter) {
            let segment = Segment {
                text: &text,
                base: from,
                end: u.record_start,
                lines: &lines,
                delimiter,
            };
            segment.read(&mut headers, &mut rows, &mut errors);
            let open_line = lines.line(u64::try_from(u.open).unwrap_or(u64::MAX));
            let column = headers
                .as_ref()
                .and_then(|(_, h)| h.get(u.field).cloned())
                .filter(|h| !h.is_empty());
            let opening = text
                .get(u.open..u.resume)
                .unwrap_or("")
                .trim_end_matches(['\r', '\n']);
            errors.push(CsvError::new(
                open_line,
                column,
                opening,
                CsvErrorKind::UnclosedQuote {
                    swallowed: u
                        .swallowed
                        .map(|s| lines.line(u64::try_from(s).unwrap_or(u64::MAX))),
                },
            ));
            from = u.resume;
        }
        Segment {
            text: &text,
            base: from,
            end: text.len(),
            lines: &lines,
            delimiter,
        }
        .read(&mut headers, &mut rows, &mut errors);
        let Some((header_line, headers)) = headers else {
            errors.push(CsvError::new(1, None, "", CsvErrorKind::Empty));
            return (None, errors);
        };
        let decimal_comma = delimiter == b';';
        let table = Table {
            dialect: Dialect {
                delimiter,
                decimal_comma,
                encoding,
            },
            headers,
            header_line,
            rows,
        };
        (Some(table), errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_keeps_its_fields_in_one_string() {
        let row = Row::new(7, ["Borås", "", "food_prevention", "33,3"], Vec::new());
        assert_eq!(row.len(), 4);
        assert_eq!(row.field(0), Some("Borås"));
        assert_eq!(row.field(1), Some(""));
        assert_eq!(row.field(3), Some("33,3"));
        assert_eq!(row.field(4), None);
        assert_eq!(
            row.fields().collect::<Vec<_>>(),
            ["Borås", "", "food_prevention", "33,3"]
        );
        assert_eq!(row.field_line(2), 7);
        let empty = Row::new(1, [], Vec::new());
        assert!(empty.is_empty());
        assert_eq!(empty.field(0), None);
    }

    #[test]
    fn normalizes_swedish_headers() {
        assert_eq!(normalize_header(" Åtgärd "), "atgard");
        assert_eq!(normalize_header("Mängd ton"), "mangd_ton");
    }
}
