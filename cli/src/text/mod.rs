//! What people read: terminal tables, and the CSV and tables of the listings.
//!
//! `results` the tables of `evaluate`, `rank` the ranking as a table and as CSV,
//! `listings` the catalogue listings (`measures`, `municipalities`, `factors`); this module
//! holds what they share: the text table, the small CSV writer and number helpers.

mod listings;
mod rank;
mod results;
mod targets;
mod units;

pub(crate) use listings::{all_municipalities, factors_table, measures, municipalities, units};
pub(crate) use rank::{rank_csv, rank_tables};
pub(crate) use results::evaluation_tables;
pub(crate) use targets::targets_table;
pub(crate) use units::{unit_csv, unit_tables};

use crate::lang::t;
use calc_core::csvio::{self, Dialect, Lang, format_number};
use calc_core::{KgCo2e, PerInhabitant, PerInhabitantFigures, ScbCode};
use factors::Catalogue;
use rust_decimal::Decimal;

/// Text for the terminal: control characters other than the line break (an ESC sequence
/// from a scenario name, a carriage return) and the bidirectional overrides escaped as
/// `\u{1b}`, `\r`, so text from an input file cannot drive the terminal or hide a line.
pub(crate) fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let escaped = |c: char| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(escaped) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escaped(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// [`terminal_safe`] over a table's bytes (UTF-8 as the tables are built).
pub(crate) fn terminal_safe_bytes(bytes: Vec<u8>) -> Vec<u8> {
    match String::from_utf8(bytes) {
        Ok(s) => match terminal_safe(&s) {
            std::borrow::Cow::Borrowed(_) => s.into_bytes(),
            std::borrow::Cow::Owned(o) => o.into_bytes(),
        },
        Err(e) => e.into_bytes(),
    }
}

/// A plain text table: left-aligned text columns, right-aligned number columns.
struct TextTable {
    headers: Vec<String>,
    right: Vec<bool>,
    rows: Vec<Vec<String>>,
}

impl TextTable {
    fn new(headers: &[(&str, bool)]) -> Self {
        Self {
            headers: headers.iter().map(|(h, _)| (*h).to_string()).collect(),
            right: headers.iter().map(|(_, r)| *r).collect(),
            rows: Vec::new(),
        }
    }

    /// A row; text from the input is cut to a readable length ([`csvio::shown`]).
    fn push(&mut self, row: Vec<String>) {
        self.rows.push(
            row.into_iter()
                .map(|c| csvio::shown(&c).into_owned())
                .collect(),
        );
    }

    fn render(&self, out: &mut String) {
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let line = |cells: &[String], out: &mut String| {
            let mut s = String::new();
            for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
                if i > 0 {
                    s.push_str("  ");
                }
                let pad = w.saturating_sub(cell.chars().count());
                if self.right.get(i).copied().unwrap_or(false) {
                    s.extend(std::iter::repeat_n(' ', pad));
                    s.push_str(cell);
                } else {
                    s.push_str(cell);
                    s.extend(std::iter::repeat_n(' ', pad));
                }
            }
            out.push_str(s.trim_end());
            out.push('\n');
        };
        line(&self.headers, out);
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        line(&rule, out);
        for row in &self.rows {
            line(row, out);
        }
    }
}
fn tco2e(kg: KgCo2e) -> Decimal {
    kg.to_tonnes().value()
}

fn num(d: Decimal, dp: u32, lang: Lang) -> String {
    format_number(d, dp, lang)
}

fn measure_name(catalogue: &Catalogue, id: &str, lang: Lang) -> String {
    catalogue
        .measure(id)
        .map_or_else(String::new, |m| t(lang, &m.name_sv, &m.name_en).clone())
}
/// Rows as CSV: the cells in the columns `numbers` stay as they are when they read as a
/// number, every other cell is text and always guarded against CSV injection (a scenario
/// named `+1` or `-1` is text, not a number).
pub(crate) fn write_rows(rows: &[Vec<String>], numbers: &[usize], dialect: Dialect) -> String {
    let mut w = CsvText::new(dialect);
    for r in rows {
        w.typed_row(r, numbers);
    }
    w.finish()
}

/// A tiny CSV writer for listings (quotes a field when it needs it).
struct CsvText {
    out: String,
    sep: char,
}

impl CsvText {
    fn new(dialect: Dialect) -> Self {
        let mut out = String::new();
        if dialect.encoding == csvio::Encoding::Utf8Bom {
            out.push('\u{feff}');
        }
        Self {
            out,
            sep: char::from(dialect.delimiter),
        }
    }

    /// A row whose columns `numbers` may hold numbers; the other cells are text.
    fn typed_row<S: AsRef<str>>(&mut self, cells: &[S], numbers: &[usize]) {
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                self.out.push(self.sep);
            }
            let c = if numbers.contains(&i) {
                csvio::guard_cell_unless_number(c.as_ref())
            } else {
                csvio::guard_cell(c.as_ref())
            };
            if c.contains([self.sep, '"', '\n', '\r']) {
                self.out.push('"');
                self.out.push_str(&c.replace('"', "\"\""));
                self.out.push('"');
            } else {
                self.out.push_str(&c);
            }
        }
        self.out.push('\n');
    }

    fn finish(self) -> String {
        self.out
    }
}

/// "Per inhabitant and year at full effect": each municipality's kg waste moved, kg CO2e
/// saved and net SEK (the municipality's and society's) per inhabitant, so municipalities
/// of different size compare (`calc_core::per_inhabitant`).
/// The per-inhabitant table: one row per municipality and, when given, a last row for
/// all of them together.
fn per_inhabitant_table(
    per_inhabitant: &[PerInhabitant],
    total: Option<PerInhabitantFigures>,
    name: impl Fn(&ScbCode) -> String,
    lang: Lang,
    out: &mut String,
) {
    out.push_str(t(
        lang,
        "Per invånare och år vid full effekt:\n",
        "Per inhabitant and year at full effect:\n",
    ));
    let mut per = TextTable::new(&[
        (t(lang, "kommun", "municipality"), false),
        (t(lang, "invånare", "inhabitants"), true),
        (t(lang, "kg avfall flyttat", "kg waste moved"), true),
        (t(lang, "kg CO2e", "kg CO2e"), true),
        (t(lang, "kr kommunen", "SEK municipality"), true),
        (t(lang, "kr samhället", "SEK society"), true),
    ]);
    let row = |name: String, p: &PerInhabitantFigures| {
        vec![
            name,
            num(Decimal::from(p.population), 0, lang),
            num(p.kg_moved, 1, lang),
            num(p.kg_co2e_saved, 1, lang),
            num(p.sek_saved_municipality, 0, lang),
            num(p.sek_saved_society, 0, lang),
        ]
    };
    for p in per_inhabitant {
        per.push(row(name(&p.municipality), &p.figures));
    }
    if let Some(p) = total {
        per.push(row(
            t(lang, "alla tillsammans", "all together").to_string(),
            &p,
        ));
    }
    per.render(out);
}
