//! Readers (and a writer) for the data files: factor sets, sources, fractions,
//! municipalities, measures and their route mixes. The built-in data and a user's own
//! files go through these same functions.

mod factors;
mod kommuner;
mod lists;
mod measures;
mod org_units;
mod pools;

pub use factors::{read_factor_table, read_factor_table_priced, write_factor_table};
pub use kommuner::{
    OwnField, OwnMunicipalityInput, own_municipality, parse_date, read_own_municipalities,
    read_scb_municipalities,
};
pub use lists::{
    read_areas, read_factor_set_list, read_fractions, read_municipalities, read_price_index,
    read_sources,
};
pub use measures::{read_measures, read_measures_with_pools};
pub use org_units::{read_measure_units, read_org_units};
pub use pools::{read_local_baselines, read_pools};

use super::columns::{Columns, Recorded};
use super::error::{CsvError, CsvErrorKind, IdKind, suggest};
use super::table::Row;
use crate::model::{ModelError, QuantityBasis, Route, SourceId};
use crate::units::{GramsPerPortion, KgPerInhabitant, Share, Tonnes};

type Errors = Vec<CsvError>;

fn route(cols: &Columns, row: &Row, col: usize, errors: &mut Errors) -> Option<Route> {
    let t = cols.required_text(row, col, errors)?;
    parse_route(cols, row, col, &t, errors)
}

/// A route id, or an "unknown route" error with the nearest ids.
fn parse_route(
    cols: &Columns,
    row: &Row,
    col: usize,
    text: &str,
    errors: &mut Errors,
) -> Option<Route> {
    let route = Route::from_id(text);
    if route.is_none() {
        errors.push(cols.error(
            row,
            col,
            CsvErrorKind::UnknownId {
                what: IdKind::Route,
                suggestions: suggest(text.trim(), Route::ALL.iter().map(|r| r.id())),
            },
        ));
    }
    route
}

fn model<T>(
    cols: &Columns,
    row: &Row,
    col: usize,
    r: Result<T, ModelError>,
    errors: &mut Errors,
) -> Option<T> {
    // Not silent: the error is pushed to `errors` before `.ok()` drops it.
    r.map_err(|e| errors.push(cols.error(row, col, CsvErrorKind::Model(e))))
        .ok()
}

/// A share written either as 0–1 (`percent = false`) or as 0–100 %.
fn share_in(
    cols: &Columns,
    row: &Row,
    col: usize,
    percent: bool,
    errors: &mut Errors,
) -> Option<Share> {
    let d = cols.decimal(row, col, errors)?;
    let (parsed, max) = if percent {
        (Share::from_percent(d), "100")
    } else {
        (Share::new(d), "1")
    };
    // Not silent: the error is pushed to `errors` before `.ok()` drops it.
    parsed
        .map_err(|_| {
            errors.push(cols.error(
                row,
                col,
                CsvErrorKind::OutOfRange {
                    min: "0".into(),
                    max: max.into(),
                },
            ));
        })
        .ok()
}

fn finish<T>(value: T, errors: Errors) -> Result<T, Errors> {
    if errors.is_empty() {
        Ok(value)
    } else {
        Err(errors)
    }
}

/// A mix as read: the line of its first row, its shares and its sources.
type MixRow = (u64, Vec<(Route, Share)>, Vec<SourceId>);

/// A quantity basis from the columns `[basis, kg, g, portions, tonnes]`; `Ok(None)` for
/// basis `pool` when `allow_pool` (the measure reaches all of its routes).
fn basis(
    cols: &Columns,
    row: &Row,
    [kind, kg, g, portions, tonnes]: [usize; 5],
    allow_pool: bool,
    errors: &mut Errors,
) -> Result<Option<QuantityBasis>, Recorded> {
    let before = errors.len();
    let b = match cols.text(row, kind) {
        "per_inhabitant" => {
            cols.decimal(row, kg, errors)
                .and_then(|v| match KgPerInhabitant::new(v) {
                    Ok(kg) => Some(Some(QuantityBasis::PerInhabitant { kg })),
                    Err(_) => {
                        errors.push(cols.error(row, kg, CsvErrorKind::Negative));
                        None
                    }
                })
        }
        "per_portion" => {
            let grams = cols
                .decimal(row, g, errors)
                .and_then(|v| match GramsPerPortion::new(v) {
                    Ok(grams) => Some(grams),
                    Err(_) => {
                        errors.push(cols.error(row, g, CsvErrorKind::Negative));
                        None
                    }
                });
            let p = cols.decimal(row, portions, errors);
            grams.zip(p).map(|(grams, p)| {
                Some(QuantityBasis::PerPortion {
                    grams,
                    portions_per_inhabitant: p,
                })
            })
        }
        "tonnes" => cols.decimal(row, tonnes, errors).map(|t| {
            Some(QuantityBasis::Tonnes {
                tonnes: Tonnes::new(t),
            })
        }),
        "pool" if allow_pool => Some(None),
        other => {
            let options: &[&str] = if allow_pool {
                &["per_inhabitant", "per_portion", "tonnes", "pool"]
            } else {
                &["per_inhabitant", "per_portion", "tonnes"]
            };
            errors.push(cols.error(
                row,
                kind,
                CsvErrorKind::UnknownId {
                    what: IdKind::Basis,
                    suggestions: suggest(other, options.iter().copied()),
                },
            ));
            None
        }
    };
    match b {
        Some(b) if errors.len() == before => Ok(b),
        _ => Err(Recorded),
    }
}
