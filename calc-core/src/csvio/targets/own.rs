//! The own figures file (the baseline file): a municipality's own quantity and route
//! shares per pool.

use super::{Errors, finish, header, municipality, municipality_name, pool_id, year};
use crate::csvio::columns::ColumnSpec;
use crate::csvio::dialect::{Dialect, finish_writer};
use crate::csvio::error::{CsvError, CsvErrorKind, Lang};
use crate::csvio::number::format_decimal;
use crate::csvio::safe::guard_cell;
use crate::csvio::table::Table;
use crate::model::{Municipality, Pool, QuantityBasis, Route, RouteMix};
use crate::targets::{OwnFigure, OwnFigures, OwnQuantity};
use crate::units::{GramsPerPortion, KgPerInhabitant, Share, Tonnes};
use rust_decimal::Decimal;
use std::sync::Arc;

/// Headers of the baseline file, English and Swedish, in [`BASELINE_COLUMNS`] order.
const BASELINE_HEADERS: [(&str, &str); 15] = [
    ("municipality", "kommun"),
    ("pool", "pool"),
    ("year", "år"),
    ("tonnes", "ton"),
    ("kg_per_inhabitant", "kg_per_invånare"),
    ("g_per_portion", "g_per_portion"),
    ("prevention_pct", "förebyggande_procent"),
    ("reuse_pct", "återanvändning_procent"),
    ("recycling_pct", "materialåtervinning_procent"),
    ("anaerobic_digestion_pct", "rötning_procent"),
    ("composting_pct", "kompostering_procent"),
    ("incineration_pct", "energiåtervinning_procent"),
    ("landfill_pct", "deponi_procent"),
    ("source", "källa"),
    ("note", "anteckning"),
];

/// The columns of a baseline file (a municipality's own figures).
pub(crate) const BASELINE_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec::required(&["municipality", "kommun"]),
    ColumnSpec::required(&["pool", "avfallspool"]),
    ColumnSpec::required(&["year", "ar", "base_year", "basar"]),
    ColumnSpec::optional(&["tonnes", "ton", "tonnes_per_year", "ton_per_ar"]),
    ColumnSpec::optional(&["kg_per_inhabitant", "kg_per_invanare", "kg_inv"]),
    ColumnSpec::optional(&["g_per_portion", "gram_per_portion"]),
    ColumnSpec::optional(&["prevention_pct", "forebyggande_procent"]),
    ColumnSpec::optional(&["reuse_pct", "ateranvandning_procent"]),
    ColumnSpec::optional(&["recycling_pct", "materialatervinning_procent"]),
    ColumnSpec::optional(&["anaerobic_digestion_pct", "rotning_procent", "biogas_pct"]),
    ColumnSpec::optional(&["composting_pct", "kompostering_procent"]),
    ColumnSpec::optional(&[
        "incineration_pct",
        "energiatervinning_procent",
        "forbranning_procent",
    ]),
    ColumnSpec::optional(&["landfill_pct", "deponi_procent"]),
    ColumnSpec::required(&["source", "kalla"]),
    ColumnSpec::optional(&["note", "anteckning", "kommentar"]),
];

mod bc {
    pub(super) const MUNICIPALITY: usize = 0;
    pub(super) const POOL: usize = 1;
    pub(super) const YEAR: usize = 2;
    pub(super) const TONNES: usize = 3;
    pub(super) const KG: usize = 4;
    pub(super) const G: usize = 5;
    /// The first route column; the seven follow in `Route::ALL` order.
    pub(super) const ROUTES: usize = 6;
    pub(super) const SOURCE: usize = 13;
    pub(super) const NOTE: usize = 14;
}

/// Reads a baseline file: per municipality × pool, the base year, at most one of tonnes
/// per year, kg per inhabitant or grams per portion, the route shares in percent (all
/// empty: the built-in shares; else they must sum to 100) and the source.
pub fn read_own_figures(
    bytes: &[u8],
    pools: &[Arc<Pool>],
    municipalities: &[Arc<Municipality>],
) -> Result<OwnFigures, Errors> {
    let table = Table::read(bytes)?;
    let cols = table.columns(BASELINE_COLUMNS)?;
    let mut errors = Vec::new();
    let mut out = OwnFigures::new();
    let mut lines: Vec<u64> = Vec::new();
    for row in &table.rows {
        let before = errors.len();
        let k = municipality(&cols, row, bc::MUNICIPALITY, municipalities, &mut errors);
        let pool = cols
            .required_text(row, bc::POOL, &mut errors)
            .and_then(|t| pool_id(&cols, row, bc::POOL, &t, pools, &mut errors));
        let y = year(&cols, row, bc::YEAR, &mut errors);
        let mut quantities = Vec::new();
        for col in [bc::TONNES, bc::KG, bc::G] {
            if let Ok(Some(v)) = cols.opt_decimal(row, col, &mut errors) {
                if v < Decimal::ZERO {
                    errors.push(cols.error(row, col, CsvErrorKind::Negative));
                } else {
                    quantities.push((col, v));
                }
            }
        }
        let quantity = match quantities.as_slice() {
            [] => None,
            [(col, v)] => match *col {
                bc::TONNES => Some(OwnQuantity::Tonnes(Tonnes::new(*v))),
                bc::KG => Some(OwnQuantity::KgPerInhabitant(
                    KgPerInhabitant::new_unchecked(*v),
                )),
                _ => {
                    let per_portion = pool
                        .as_ref()
                        .is_some_and(|p| matches!(p.basis, QuantityBasis::PerPortion { .. }));
                    if pool.is_some() && !per_portion {
                        errors.push(cols.error(row, bc::G, CsvErrorKind::PortionsOnly));
                    }
                    Some(OwnQuantity::GramsPerPortion(
                        GramsPerPortion::new_unchecked(*v),
                    ))
                }
            },
            [_, (col, _), ..] => {
                let names = [bc::TONNES, bc::KG, bc::G]
                    .iter()
                    .filter(|c| cols.has(**c))
                    .map(|c| format!("'{}'", cols.name(*c)))
                    .collect::<Vec<_>>()
                    .join(", ");
                errors.push(cols.error(row, *col, CsvErrorKind::OneOf { columns: names }));
                None
            }
        };
        let mut shares = Vec::new();
        for (i, route) in Route::ALL.iter().enumerate() {
            let col = bc::ROUTES + i;
            if let Ok(Some(v)) = cols.opt_decimal(row, col, &mut errors) {
                match Share::from_percent(v).and_then(|s| Share::new(s.value().normalize())) {
                    Ok(s) if !s.value().is_zero() => shares.push((*route, s)),
                    Ok(_) => {}
                    Err(_) => errors.push(cols.error(
                        row,
                        col,
                        CsvErrorKind::OutOfRange {
                            min: "0".into(),
                            max: "100".into(),
                        },
                    )),
                }
            }
        }
        let routes = if shares.is_empty() {
            None
        } else {
            match RouteMix::new(shares) {
                Ok(m) => Some(m),
                Err(e) => {
                    let first = Route::ALL
                        .iter()
                        .enumerate()
                        .map(|(i, _)| bc::ROUTES + i)
                        .find(|c| !cols.text(row, *c).is_empty())
                        .unwrap_or(bc::ROUTES);
                    errors.push(cols.error(row, first, CsvErrorKind::Model(e)));
                    None
                }
            }
        };
        let source = cols.required_text(row, bc::SOURCE, &mut errors);
        if errors.len() != before {
            continue;
        }
        let (Some(k), Some(pool), Some(y), Some(source)) = (k, pool, y, source) else {
            continue;
        };
        if let Some(i) = out
            .rows
            .iter()
            .position(|r| r.municipality == k && r.pool == pool.id)
        {
            errors.push(CsvError::new(
                row.line,
                Some(cols.name(bc::POOL)),
                format!("{} {}", cols.text(row, bc::MUNICIPALITY), pool.id.as_str()),
                CsvErrorKind::Duplicate {
                    first_line: lines.get(i).copied().unwrap_or_default(),
                },
            ));
            continue;
        }
        lines.push(row.line);
        out.rows.push(OwnFigure {
            municipality: k,
            pool: pool.id.clone(),
            year: y,
            quantity,
            routes,
            source,
            note: cols.text(row, bc::NOTE).to_string(),
        });
    }
    finish(out, errors)
}

/// Writes own figures as a baseline file in a dialect with headers in a language; reading
/// it back gives the same figures. Route shares in percent.
#[must_use]
pub fn write_own_figures(
    own: &OwnFigures,
    municipalities: &[Arc<Municipality>],
    dialect: Dialect,
    lang: Lang,
) -> String {
    let mut w = csv::WriterBuilder::new()
        .delimiter(dialect.delimiter)
        .from_writer(Vec::new());
    let head: Vec<String> = BASELINE_HEADERS.iter().map(|h| header(lang, *h)).collect();
    let mut ok = w.write_record(&head).is_ok();
    let num = |d: Decimal| format_decimal(d.normalize(), dialect.decimal_comma);
    for r in &own.rows {
        let (t, kg, g) = match r.quantity {
            Some(OwnQuantity::Tonnes(t)) => (num(t.value()), String::new(), String::new()),
            Some(OwnQuantity::KgPerInhabitant(k)) => (String::new(), num(k.value()), String::new()),
            Some(OwnQuantity::GramsPerPortion(g)) => (String::new(), String::new(), num(g.value())),
            None => (String::new(), String::new(), String::new()),
        };
        let mut rec = vec![
            guard_cell(&municipality_name(municipalities, &r.municipality)).into_owned(),
            guard_cell(r.pool.as_str()).into_owned(),
            r.year.to_string(),
            t,
            kg,
            g,
        ];
        for route in Route::ALL {
            rec.push(
                r.routes
                    .as_ref()
                    .map(|m| m.share(route))
                    .filter(|s| !s.value().is_zero())
                    .map(|s| num(s.percent()))
                    .unwrap_or_default(),
            );
        }
        rec.push(guard_cell(&r.source).into_owned());
        rec.push(guard_cell(&r.note).into_owned());
        ok &= w.write_record(&rec).is_ok();
    }
    finish_writer(w, ok, dialect)
}
