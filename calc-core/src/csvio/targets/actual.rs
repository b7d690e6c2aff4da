//! The actuals file: the values observed each year.

use super::{Errors, finish, header, indicator, municipality, municipality_name, refusal, year};
use crate::csvio::columns::csv_columns;
use crate::csvio::dialect::{Dialect, finish_writer};
use crate::csvio::error::{CsvErrorKind, Lang};
use crate::csvio::number::format_decimal;
use crate::csvio::safe::guard_cell;
use crate::csvio::table::Table;
use crate::model::Municipality;
use crate::targets::Actual;
use std::sync::Arc;

csv_columns! {
    /// The columns of an actuals file.
    mod ac {
        MUNICIPALITY: required("municipality", "kommun"),
        INDICATOR: required("indicator", "indikator"),
        YEAR: required("year", "år"),
        VALUE: required("value", "värde"),
        SOURCE: optional("source", "källa"),
        NOTE: optional("note", "anteckning", "kommentar"),
    }
}

/// Reads an actuals file: observed values per municipality, indicator and year.
pub fn read_actuals(
    bytes: &[u8],
    municipalities: &[Arc<Municipality>],
) -> Result<Vec<Actual>, Errors> {
    let table = Table::read(bytes)?;
    let cols = table.columns(ac::SPECS)?;
    let mut errors = Vec::new();
    let mut out: Vec<Actual> = Vec::new();
    let mut lines: Vec<u64> = Vec::new();
    for row in &table.rows {
        let k = municipality(&cols, row, ac::MUNICIPALITY, municipalities, &mut errors);
        let ind = indicator(&cols, row, ac::INDICATOR, &mut errors);
        let y = year(&cols, row, ac::YEAR, &mut errors);
        let v = cols.decimal(row, ac::VALUE, &mut errors);
        let (Some(k), Some(ind), Some(y), Some(v)) = (k, ind, y, v) else {
            continue;
        };
        let mut a = match Actual::new(ind, k, y, v) {
            Ok(a) => a,
            Err((_, e)) => {
                errors.push(refusal(&cols, row, ac::VALUE, e));
                continue;
            }
        };
        a.source = cols.text(row, ac::SOURCE).to_string();
        if let Some(i) = out.iter().position(|x| {
            x.municipality == a.municipality && x.indicator == a.indicator && x.year == a.year
        }) {
            errors.push(cols.error(
                row,
                ac::YEAR,
                CsvErrorKind::Duplicate {
                    first_line: lines.get(i).copied().unwrap_or_default(),
                },
            ));
            continue;
        }
        lines.push(row.line);
        out.push(a);
    }
    finish(out, errors)
}

/// Writes actuals as an actuals file; reading it back gives the same actuals.
#[must_use]
pub fn write_actuals(
    actuals: &[Actual],
    municipalities: &[Arc<Municipality>],
    dialect: Dialect,
    lang: Lang,
) -> String {
    let mut w = csv::WriterBuilder::new()
        .delimiter(dialect.delimiter)
        .from_writer(Vec::new());
    let head: Vec<String> = ac::HEADERS.iter().map(|h| header(lang, *h)).collect();
    let mut ok = w.write_record(&head).is_ok();
    for a in actuals {
        let rec = [
            guard_cell(&municipality_name(municipalities, &a.municipality)).into_owned(),
            a.indicator.id().to_string(),
            a.year.to_string(),
            format_decimal(a.value.normalize(), dialect.decimal_comma),
            guard_cell(&a.source).into_owned(),
            String::new(),
        ];
        ok &= w.write_record(&rec).is_ok();
    }
    finish_writer(w, ok, dialect)
}
