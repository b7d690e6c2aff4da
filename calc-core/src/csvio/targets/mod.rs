//! The planner's follow-up files: own figures (the baseline file), targets and actuals.
//! Same dialects as scenario files (`;` with decimal comma or `,` with decimal point;
//! UTF-8 with or without BOM, or Windows-1252; CRLF or LF), English or Swedish headers,
//! every problem with line, column and the offending text. Municipalities by name or SCB
//! code. The formats are described column by column in `docs/targets.en.md`.

mod actual;
mod own;
mod target;

pub use actual::{read_actuals, write_actuals};
pub use own::{read_own_figures, write_own_figures};
pub use target::{read_targets, write_targets};

use super::columns::Columns;
use super::error::{CsvError, CsvErrorKind, IdKind, Lang, suggest};
use super::table::{Row, normalize_header};
use crate::model::{Municipality, Pool, ScbCode};
use crate::targets::Indicator;
use crate::units::Year;
use std::sync::Arc;

type Errors = Vec<CsvError>;

fn finish<T>(value: T, errors: Errors) -> Result<T, Errors> {
    if errors.is_empty() {
        Ok(value)
    } else {
        Err(errors)
    }
}

/// A municipality by SCB code or name (ignoring case, å/ä/ö and spaces).
fn find_municipality<'a>(
    municipalities: &'a [Arc<Municipality>],
    text: &str,
) -> Option<&'a Arc<Municipality>> {
    let t = normalize_header(text);
    municipalities
        .iter()
        .find(|k| k.code.as_str() == text.trim() || normalize_header(&k.name) == t)
}

fn municipality(
    cols: &Columns,
    row: &Row,
    col: usize,
    municipalities: &[Arc<Municipality>],
    errors: &mut Errors,
) -> Option<ScbCode> {
    let t = cols.required_text(row, col, errors)?;
    match find_municipality(municipalities, &t) {
        Some(k) => Some(k.code.clone()),
        None => {
            errors.push(cols.error(
                row,
                col,
                CsvErrorKind::UnknownId {
                    what: IdKind::Municipality,
                    suggestions: suggest(&t, municipalities.iter().map(|k| k.name.as_str())),
                },
            ));
            None
        }
    }
}

fn year(cols: &Columns, row: &Row, col: usize, errors: &mut Errors) -> Option<Year> {
    match cols.opt_year(row, col, errors) {
        Ok(Some(y)) => Some(y),
        Ok(None) => {
            errors.push(cols.error(row, col, CsvErrorKind::EmptyField));
            None
        }
        Err(_) => None,
    }
}

fn indicator(cols: &Columns, row: &Row, col: usize, errors: &mut Errors) -> Option<Indicator> {
    let t = cols.required_text(row, col, errors)?;
    let found = Indicator::from_id(&t);
    if found.is_none() {
        errors.push(cols.error(
            row,
            col,
            CsvErrorKind::UnknownId {
                what: IdKind::Indicator,
                suggestions: suggest(&t, Indicator::ALL.iter().map(|i| i.id())),
            },
        ));
    }
    found
}

fn pool_id(
    cols: &Columns,
    row: &Row,
    col: usize,
    text: &str,
    pools: &[Arc<Pool>],
    errors: &mut Errors,
) -> Option<Arc<Pool>> {
    let t = text.trim();
    match pools.iter().find(|p| p.id.as_str() == t) {
        Some(p) => Some(Arc::clone(p)),
        None => {
            let mut e = cols.error(
                row,
                col,
                CsvErrorKind::UnknownId {
                    what: IdKind::Pool,
                    suggestions: suggest(t, pools.iter().map(|p| p.id.as_str())),
                },
            );
            // A list of pools names the one that is unknown.
            e.text = t.to_string();
            errors.push(e);
            None
        }
    }
}

fn header(lang: Lang, (en, sv): (&str, &str)) -> String {
    match lang {
        Lang::En => en.to_string(),
        Lang::Sv => sv.to_string(),
    }
}

fn municipality_name(municipalities: &[Arc<Municipality>], code: &ScbCode) -> String {
    municipalities
        .iter()
        .find(|k| &k.code == code)
        .map_or_else(|| code.as_str().to_string(), |k| k.name.clone())
}
