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
use super::error::{CsvError, CsvErrorKind, Lang};
use super::table::Row;
use crate::input;
use crate::model::{ModelError, Municipality, ScbCode};
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

/// A refusal of calc-core's input layer at a column: an unknown id keeps the reader's
/// "unknown … '…'; did you mean" with the id as the offending text; a rule's refusal is
/// the [`ModelError`]'s own message.
fn refusal(cols: &Columns, row: &Row, col: usize, e: ModelError) -> CsvError {
    match e {
        ModelError::UnknownId {
            what,
            id,
            suggestions,
        } => {
            let mut err = cols.error(row, col, CsvErrorKind::UnknownId { what, suggestions });
            err.text = id;
            err
        }
        e => cols.error(row, col, CsvErrorKind::Model(e)),
    }
}

/// "fill in exactly one of 'a', 'b'" at `col`, naming those of `among` the file has.
fn one_of(cols: &Columns, row: &Row, col: usize, among: &[usize]) -> CsvError {
    let names = among
        .iter()
        .filter(|c| cols.has(**c))
        .map(|c| format!("'{}'", cols.name(*c)))
        .collect::<Vec<_>>()
        .join(", ");
    cols.error(row, col, CsvErrorKind::OneOf { columns: names })
}

fn municipality(
    cols: &Columns,
    row: &Row,
    col: usize,
    municipalities: &[Arc<Municipality>],
    errors: &mut Errors,
) -> Option<ScbCode> {
    let t = cols.required_text(row, col, errors)?;
    input::municipality(municipalities, &t)
        .map(|k| k.code.clone())
        .map_err(|e| errors.push(refusal(cols, row, col, e)))
        .ok()
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
    input::indicator(&t)
        .map_err(|e| errors.push(refusal(cols, row, col, e)))
        .ok()
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
