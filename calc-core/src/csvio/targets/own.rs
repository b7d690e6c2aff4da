//! The own figures file (the baseline file): a municipality's own quantity and route
//! shares per pool.

use super::{Errors, finish, header, municipality_name, one_of, refusal, year};
use crate::csvio::columns::{Columns, csv_columns};
use crate::csvio::dialect::{Dialect, finish_writer};
use crate::csvio::error::{CsvError, CsvErrorKind, Lang};
use crate::csvio::number::format_decimal;
use crate::csvio::safe::guard_cell;
use crate::csvio::table::{Row, Table};
use crate::input::{Field, OwnFigureInput};
use crate::model::{ModelError, Municipality, Pool, Route};
use crate::targets::{OwnFigures, OwnQuantity};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::sync::Arc;

csv_columns! {
    /// The columns of a baseline file (a municipality's own figures).
    mod bc {
        MUNICIPALITY: required("municipality", "kommun"),
        POOL: required("pool", "pool", "avfallspool"),
        YEAR: required("year", "år", "base_year", "basar"),
        TONNES: optional("tonnes", "ton", "tonnes_per_year", "ton_per_ar"),
        KG: optional("kg_per_inhabitant", "kg_per_invånare", "kg_inv"),
        G: optional("g_per_portion", "g_per_portion", "gram_per_portion"),
        PREVENTION: optional("prevention_pct", "förebyggande_procent"),
        REUSE: optional("reuse_pct", "återanvändning_procent"),
        RECYCLING: optional("recycling_pct", "materialåtervinning_procent"),
        DIGESTION: optional("anaerobic_digestion_pct", "rötning_procent", "biogas_pct"),
        COMPOSTING: optional("composting_pct", "kompostering_procent"),
        INCINERATION: optional(
            "incineration_pct",
            "energiåtervinning_procent",
            "forbranning_procent"
        ),
        LANDFILL: optional("landfill_pct", "deponi_procent"),
        SOURCE: required("source", "källa"),
        NOTE: optional("note", "anteckning", "kommentar"),
    }
}

/// The route columns, in `Route::ALL` order.
const ROUTE_COLUMNS: [usize; 7] = [
    bc::PREVENTION,
    bc::REUSE,
    bc::RECYCLING,
    bc::DIGESTION,
    bc::COMPOSTING,
    bc::INCINERATION,
    bc::LANDFILL,
];

/// The quantity columns, in [`OwnFigureInput`]'s order.
const QUANTITY_COLUMNS: [usize; 3] = [bc::TONNES, bc::KG, bc::G];

/// Reads a baseline file: per municipality × pool, the base year, at most one of tonnes
/// per year, kg per inhabitant or grams per portion, the route shares in percent (all
/// empty: the built-in shares; else they must sum to 100) and the source. Each row's
/// cells are read into an [`OwnFigureInput`] and checked by it (calc-core's rules, one
/// place); a refusal is placed at its field's column.
pub fn read_own_figures(
    bytes: &[u8],
    pools: &[Arc<Pool>],
    municipalities: &[Arc<Municipality>],
) -> Result<OwnFigures, Errors> {
    let table = Table::read(bytes)?;
    let cols = table.columns(bc::SPECS)?;
    let mut errors = Vec::new();
    let mut out = OwnFigures::new();
    let mut lines: Vec<u64> = Vec::new();
    for row in &table.rows {
        let before = errors.len();
        let k = cols.required_text(row, bc::MUNICIPALITY, &mut errors);
        let pool = cols.required_text(row, bc::POOL, &mut errors);
        let y = year(&cols, row, bc::YEAR, &mut errors);
        let [tonnes, kg, g] =
            QUANTITY_COLUMNS.map(|c| cols.opt_decimal(row, c, &mut errors).ok().flatten());
        let mut shares_pct = BTreeMap::new();
        for (route, col) in Route::ALL.iter().zip(ROUTE_COLUMNS) {
            if let Ok(Some(v)) = cols.opt_decimal(row, col, &mut errors) {
                shares_pct.insert(route.id().to_string(), v);
            }
        }
        let (Some(k), Some(pool), Some(y), true) = (k, pool, y, errors.len() == before) else {
            continue;
        };
        let typed = OwnFigureInput {
            municipality: k,
            pool,
            year: y.get(),
            tonnes,
            kg_per_inhabitant: kg,
            g_per_portion: g,
            shares_pct,
            source: cols.text(row, bc::SOURCE).to_string(),
            note: cols.text(row, bc::NOTE).to_string(),
        };
        let f = match typed.check(pools, municipalities) {
            Ok(f) => f,
            Err(refused) => {
                for (field, e) in refused {
                    errors.push(at_column(&cols, row, field, e));
                }
                continue;
            }
        };
        if let Some(i) = out
            .rows
            .iter()
            .position(|r| r.municipality == f.municipality && r.pool == f.pool)
        {
            errors.push(CsvError::new(
                row.line,
                Some(cols.name(bc::POOL)),
                format!("{} {}", cols.text(row, bc::MUNICIPALITY), f.pool.as_str()),
                CsvErrorKind::Duplicate {
                    first_line: lines.get(i).copied().unwrap_or_default(),
                },
            ));
            continue;
        }
        lines.push(row.line);
        out.rows.push(f);
    }
    finish(out, errors)
}

/// A refusal of [`OwnFigureInput::check`] at its column: a quantity at the column that
/// has one, a route's share at its column, the shares' sum at the first route given; more
/// than one quantity names the quantity columns the file has.
fn at_column(cols: &Columns, row: &Row, field: Field, e: ModelError) -> CsvError {
    let given = |c: &usize| !cols.text(row, *c).is_empty();
    let col = match field {
        Field::Pool => bc::POOL,
        Field::Quantity => QUANTITY_COLUMNS
            .iter()
            .rev()
            .copied()
            .find(given)
            .unwrap_or(bc::TONNES),
        Field::Route(r) => Route::ALL
            .iter()
            .zip(ROUTE_COLUMNS)
            .find(|(x, _)| **x == r)
            .map_or(bc::PREVENTION, |(_, c)| c),
        Field::Routes => ROUTE_COLUMNS
            .iter()
            .copied()
            .find(given)
            .unwrap_or(bc::PREVENTION),
        Field::Source => bc::SOURCE,
        Field::Year => bc::YEAR,
        _ => bc::MUNICIPALITY,
    };
    if e == ModelError::OneQuantity {
        return one_of(cols, row, col, &QUANTITY_COLUMNS);
    }
    refusal(cols, row, col, e)
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
    let head: Vec<String> = bc::HEADERS.iter().map(|h| header(lang, *h)).collect();
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
