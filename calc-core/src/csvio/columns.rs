//! The columns a reader wants, found by their header names, and typed access to a row's
//! fields that records errors with line, column and text.

use super::error::{CsvError, CsvErrorKind};
use super::number::parse_decimal;
use super::table::{Row, Table, normalize_header};
use rust_decimal::Decimal;

/// A column a reader wants: accepted header names and whether it must be present.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ColumnSpec {
    /// Accepted header names; the first is the canonical (English) one.
    pub(crate) aliases: &'static [&'static str],
    /// Whether the file must have it.
    pub(crate) required: bool,
}

impl ColumnSpec {
    /// A required column.
    #[must_use]
    pub(crate) const fn required(aliases: &'static [&'static str]) -> Self {
        Self {
            aliases,
            required: true,
        }
    }
    /// An optional column.
    #[must_use]
    pub(crate) const fn optional(aliases: &'static [&'static str]) -> Self {
        Self {
            aliases,
            required: false,
        }
    }
}

/// A reader's columns, declared once: per column its position's name, whether the file
/// must have it, the header the writer writes in English and, when there is one, in
/// Swedish, and any further header names the reader accepts. Gives a module with a `usize`
/// position constant per column (numbered in the order declared, so no position is kept by
/// hand), `SPECS` (what the reader wants, for [`Table::columns`]; the English name first,
/// as messages name the column) and `HEADERS` (what a writer writes, in the same order;
/// the English name twice for a column without a Swedish one). Items after a `;` go into
/// the module too, e.g. groups of positions a reader passes together.
///
/// ```ignore
/// csv_columns! {
///     /// The columns of an actuals file.
///     mod ac {
///         MUNICIPALITY: required("municipality", "kommun"),
///         VALUE_LOW: optional("value_low"),
///         VALUE: required("value", "värde"),
///         VALUE_HIGH: optional("value_high"),
///         NOTE: optional("note", "anteckning", "kommentar");
///         pub(super) const RANGE: [usize; 3] = [VALUE_LOW, VALUE, VALUE_HIGH];
///     }
/// }
/// ```
macro_rules! csv_columns {
    (
        $(#[$meta:meta])*
        mod $name:ident {
            $(
                $(#[$col_meta:meta])*
                $col:ident: $req:ident($en:literal $(, $alias:literal)*)
            ),* $(,)?
            $(; $($item:item)*)?
        }
    ) => {
        $(#[$meta])*
        mod $name {
            use crate::csvio::columns::{ColumnSpec, swedish_header};

            /// The columns in their order in the file.
            #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
            enum Position {
                $($col),*
            }
            $(
                $(#[$col_meta])*
                #[allow(dead_code)]
                pub(super) const $col: usize = Position::$col as usize;
            )*
            /// What the reader wants, in file order.
            pub(super) const SPECS: &[ColumnSpec] =
                &[$(ColumnSpec::$req(&[$en $(, $alias)*])),*];
            /// The headers a writer writes (English, Swedish), in file order.
            #[allow(dead_code)]
            pub(super) const HEADERS: &[(&str, &str)] =
                &[$(($en, swedish_header(&[$en $(, $alias)*]))),*];
            $($($item)*)?
        }
    };
}
pub(crate) use csv_columns;

/// The Swedish header of a column from its names (English first): the second name, or the
/// English one when there is no other.
#[must_use]
pub(crate) const fn swedish_header(names: &[&'static str]) -> &'static str {
    match names {
        [_, sv, ..] | [sv] => sv,
        [] => "",
    }
}

/// An error that has already been pushed to the caller's error list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Recorded;

/// Column positions found for a [`ColumnSpec`] list, and typed field access that records
/// errors with line, column name and the offending text.
#[derive(Clone, Debug)]
pub(crate) struct Columns {
    index: Vec<Option<usize>>,
    names: Vec<String>,
    decimal_comma: bool,
}

impl Columns {
    /// True when numbers in this file use a decimal comma.
    #[must_use]
    pub(crate) fn decimal_comma(&self) -> bool {
        self.decimal_comma
    }

    /// Whether wanted column `col` is present in the file.
    #[must_use]
    pub(crate) fn has(&self, col: usize) -> bool {
        self.index.get(col).copied().flatten().is_some()
    }

    /// The header name used in the file for wanted column `col`.
    #[must_use]
    pub(crate) fn name(&self, col: usize) -> String {
        // `names` has one entry per wanted column; an index past it has no name to give.
        self.names.get(col).cloned().unwrap_or_default()
    }

    /// The trimmed text of wanted column `col` in `row` (empty when absent).
    #[must_use]
    pub(crate) fn text<'r>(&self, row: &'r Row, col: usize) -> &'r str {
        self.index
            .get(col)
            .copied()
            .flatten()
            .and_then(|i| row.field(i))
            .unwrap_or("")
    }

    /// An error at this row and column with the field's text.
    #[must_use]
    pub(crate) fn error(&self, row: &Row, col: usize, kind: CsvErrorKind) -> CsvError {
        let line = self
            .index
            .get(col)
            .copied()
            .flatten()
            .map_or(row.line, |i| row.field_line(i));
        CsvError::new(line, Some(self.name(col)), self.text(row, col), kind)
    }

    /// A required text field; empty is an error.
    pub(crate) fn required_text(
        &self,
        row: &Row,
        col: usize,
        errors: &mut Vec<CsvError>,
    ) -> Option<String> {
        let t = self.text(row, col);
        if t.is_empty() {
            errors.push(self.error(row, col, CsvErrorKind::EmptyField));
            None
        } else {
            Some(t.to_string())
        }
    }

    /// An optional decimal: `None` when empty, an error when not a number.
    pub(crate) fn opt_decimal(
        &self,
        row: &Row,
        col: usize,
        errors: &mut Vec<CsvError>,
    ) -> Result<Option<Decimal>, Recorded> {
        let t = self.text(row, col);
        if t.is_empty() {
            return Ok(None);
        }
        match parse_decimal(t, self.decimal_comma) {
            Some(d) => Ok(Some(d)),
            None => {
                errors.push(self.error(row, col, CsvErrorKind::InvalidNumber));
                Err(Recorded)
            }
        }
    }

    /// A required decimal.
    pub(crate) fn decimal(
        &self,
        row: &Row,
        col: usize,
        errors: &mut Vec<CsvError>,
    ) -> Option<Decimal> {
        match self.opt_decimal(row, col, errors) {
            Ok(Some(d)) => Some(d),
            Ok(None) => {
                errors.push(self.error(row, col, CsvErrorKind::EmptyField));
                None
            }
            Err(Recorded) => None,
        }
    }

    /// An optional whole year (1900–2200).
    pub(crate) fn opt_year(
        &self,
        row: &Row,
        col: usize,
        errors: &mut Vec<CsvError>,
    ) -> Result<Option<crate::Year>, Recorded> {
        let t = self.text(row, col);
        if t.is_empty() {
            return Ok(None);
        }
        match super::number::parse_year(t) {
            Some(y) => Ok(Some(y)),
            None => {
                errors.push(self.error(row, col, CsvErrorKind::InvalidYear));
                Err(Recorded)
            }
        }
    }
}

impl Table {
    /// Maps wanted columns to their indexes.
    ///
    /// Each wanted column has an id and accepted aliases (English and Swedish names;
    /// matching ignores case, å/ä/ö and spaces). A missing required column and a header
    /// that matches no wanted column are errors on the header's line.
    pub(crate) fn columns(&self, wanted: &[ColumnSpec]) -> Result<Columns, Vec<CsvError>> {
        let (columns, errors) = self.columns_lenient(wanted);
        if errors.is_empty() {
            Ok(columns)
        } else {
            Err(errors)
        }
    }

    /// Maps wanted columns to their indexes like [`Table::columns`], returning the mapping
    /// found (unknown headers ignored, missing columns absent) next to the errors.
    #[must_use]
    pub(crate) fn columns_lenient(&self, wanted: &[ColumnSpec]) -> (Columns, Vec<CsvError>) {
        let mut errors = Vec::new();
        let normalized: Vec<String> = self.headers.iter().map(|h| normalize_header(h)).collect();
        let mut index = vec![None; wanted.len()];
        for (i, h) in normalized.iter().enumerate() {
            if h.is_empty() {
                continue;
            }
            let found = wanted
                .iter()
                .position(|w| w.aliases.iter().any(|a| normalize_header(a) == *h));
            match found {
                Some(w) => {
                    if let Some(slot) = index.get_mut(w) {
                        if slot.is_some() {
                            errors.push(CsvError::new(
                                self.header_line,
                                Some(self.header(i)),
                                self.header(i),
                                CsvErrorKind::DuplicateColumn,
                            ));
                        }
                        *slot = Some(i);
                    }
                }
                None => errors.push(CsvError::new(
                    self.header_line,
                    Some(self.header(i)),
                    self.header(i),
                    CsvErrorKind::UnknownColumn {
                        expected: wanted
                            .iter()
                            .filter_map(|w| w.aliases.first().copied())
                            .collect::<Vec<_>>()
                            .join(", "),
                    },
                )),
            }
        }
        for (w, slot) in wanted.iter().zip(&index) {
            if w.required && slot.is_none() {
                let name = w.aliases.first().copied().unwrap_or("");
                errors.push(CsvError::new(
                    self.header_line,
                    Some(name.to_string()),
                    "",
                    CsvErrorKind::MissingColumn,
                ));
            }
        }
        let columns = Columns {
            names: wanted
                .iter()
                .zip(&index)
                .map(|(w, i)| {
                    i.and_then(|i| self.headers.get(i).cloned())
                        .unwrap_or_else(|| w.aliases.first().copied().unwrap_or("").to_string())
                })
                .collect(),
            index,
            decimal_comma: self.dialect.decimal_comma,
        };
        (columns, errors)
    }

    fn header(&self, i: usize) -> String {
        // Called with indexes of `self.headers` only: never the default.
        self.headers.get(i).cloned().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    csv_columns! {
        /// Three columns and a group.
        mod three {
            FIRST: required("first", "första"),
            SECOND: optional("second", "andra", "tvåa"),
            THIRD: optional("third");
            pub(super) const LAST_TWO: [usize; 2] = [SECOND, THIRD];
        }
    }

    #[test]
    fn one_declaration_gives_positions_specs_and_headers() {
        assert_eq!((three::FIRST, three::SECOND, three::THIRD), (0, 1, 2));
        assert_eq!(three::LAST_TWO, [1, 2]);
        let specs: Vec<(&[&str], bool)> = three::SPECS
            .iter()
            .map(|c| (c.aliases, c.required))
            .collect();
        assert_eq!(
            specs,
            [
                (&["first", "första"][..], true),
                (&["second", "andra", "tvåa"][..], false),
                (&["third"][..], false)
            ]
        );
        assert_eq!(
            three::HEADERS,
            [("first", "första"), ("second", "andra"), ("third", "third")]
        );
    }
}
