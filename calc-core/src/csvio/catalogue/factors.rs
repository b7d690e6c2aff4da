//! The factor set file: its columns, reader and writer.

use super::{Errors, finish, model, route, share_in};
use crate::csvio::columns::{Columns, Recorded, csv_columns};
use crate::csvio::dialect::Dialect;
use crate::csvio::error::{CsvError, CsvErrorKind};
use crate::csvio::number::format_decimal;
use crate::csvio::safe::guard_cell;
use crate::csvio::table::{Row, Table};
use crate::model::{
    CostFactor, EmissionFactor, Estimate, FactorSetInfo, FactorTable, FractionId, NominalCost,
    PriceIndex, Route, SourceId, Yield, cost_factor_id, emission_factor_id, yield_id,
};
use crate::units::{KgCo2ePerTonne, SekPerTonne, Share, Year};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

csv_columns! {
    /// The columns of a factor set file: an emission factor, a cost factor and a sorting
    /// yield per fraction × route.
    mod fc {
        FRACTION: required("fraction", "avfallsslag"),
        ROUTE: required("route", "behandlingsvag"),
        EF_LOW: optional("ef_low_kgco2e_per_t"),
        EF: optional("ef_kgco2e_per_t"),
        EF_HIGH: optional("ef_high_kgco2e_per_t"),
        GWP: optional("gwp"),
        DISPLACEMENT: optional("displacement_share"),
        EF_SOURCE: optional("ef_source"),
        EF_LOCATOR: optional("ef_locator"),
        EF_NOTE: optional("ef_note"),
        CF_LOW: optional("cf_low_sek_per_t"),
        CF: optional("cf_sek_per_t"),
        CF_HIGH: optional("cf_high_sek_per_t"),
        PRICE_YEAR: optional("price_year"),
        CF_SOURCE: optional("cf_source"),
        CF_LOCATOR: optional("cf_locator"),
        CF_NOTE: optional("cf_note"),
        YIELD_LOW: optional("yield_low"),
        YIELD: optional("yield"),
        YIELD_HIGH: optional("yield_high"),
        REJECT: optional("reject_route"),
        YIELD_SOURCE: optional("yield_source"),
        YIELD_LOCATOR: optional("yield_locator"),
        YIELD_NOTE: optional("yield_note");
        /// The emission factor's low, central and high value.
        pub(super) const EF_RANGE: [usize; 3] = [EF_LOW, EF, EF_HIGH];
        /// The cost factor's low, central and high value.
        pub(super) const CF_RANGE: [usize; 3] = [CF_LOW, CF, CF_HIGH];
        /// The sorting yield's low, central and high value.
        pub(super) const YIELD_RANGE: [usize; 3] = [YIELD_LOW, YIELD, YIELD_HIGH];
    }
}

/// Reads a low/central/high triple from three columns. Empty central ⇒ `None`;
/// empty low or high default to the central value.
fn triple(
    cols: &Columns,
    row: &Row,
    [lo, mid, hi]: [usize; 3],
    errors: &mut Errors,
) -> Result<Option<[Decimal; 3]>, Recorded> {
    let before = errors.len();
    let c = cols.opt_decimal(row, mid, errors);
    let l = cols.opt_decimal(row, lo, errors);
    let h = cols.opt_decimal(row, hi, errors);
    if errors.len() > before {
        return Err(Recorded);
    }
    match (l, c, h) {
        (Ok(l), Ok(Some(c)), Ok(h)) => Ok(Some([l.unwrap_or(c), c, h.unwrap_or(c)])),
        (Ok(None), Ok(None), Ok(None)) => Ok(None),
        _ => {
            errors.push(cols.error(row, mid, CsvErrorKind::EmptyField));
            Err(Recorded)
        }
    }
}

/// Reads a factor set file (one row per fraction × route with an emission and/or a cost
/// factor). Used for the built-in sets and for a user's own factor file.
///
/// Sources are referenced by id and not resolved here (a user's file may cite sources
/// the built-in list lacks); [`FactorTable::insert_source`] adds them.
pub fn read_factor_table(bytes: &[u8], info: FactorSetInfo) -> Result<FactorTable, Errors> {
    read_with(bytes, info, None)
}

/// Reads a factor set file and converts every cost factor to the set's price year
/// (`info.price_year`) with `index`: `value × index(price year) / index(row's price_year)`,
/// rounded to öre. The source's own numbers stay in [`CostFactor::nominal`]. A cost row
/// without a price year, or whose year the index lacks, is an error at its `price_year`
/// cell. Without `info.price_year` this is [`read_factor_table`].
pub fn read_factor_table_priced(
    bytes: &[u8],
    info: FactorSetInfo,
    index: &PriceIndex,
) -> Result<FactorTable, Errors> {
    read_with(bytes, info, Some(index))
}

fn read_with(
    bytes: &[u8],
    info: FactorSetInfo,
    index: Option<&PriceIndex>,
) -> Result<FactorTable, Errors> {
    let target = info.price_year;
    let table = Table::read(bytes)?;
    let cols = table.columns(fc::SPECS)?;
    let mut errors = Vec::new();
    let mut out = FactorTable::new(info);
    let mut seen: BTreeMap<(String, Route), u64> = BTreeMap::new();
    for row in &table.rows {
        let fraction = cols.required_text(row, fc::FRACTION, &mut errors);
        let route = route(&cols, row, fc::ROUTE, &mut errors);
        let (Some(fraction), Some(route)) = (fraction, route) else {
            continue;
        };
        let fraction = FractionId(fraction);
        if let Some(first) = seen.get(&(fraction.0.clone(), route)) {
            errors.push(CsvError::new(
                row.line,
                Some(cols.name(fc::FRACTION)),
                format!("{fraction} × {route}"),
                CsvErrorKind::Duplicate { first_line: *first },
            ));
            continue;
        }
        seen.insert((fraction.0.clone(), route), row.line);
        let displacement = match cols.text(row, fc::DISPLACEMENT) {
            "" => None,
            _ => share_in(&cols, row, fc::DISPLACEMENT, false, &mut errors),
        };
        if let Ok(Some([l, c, h])) = triple(&cols, row, fc::EF_RANGE, &mut errors) {
            let value = Estimate::new(
                KgCo2ePerTonne::new(l),
                KgCo2ePerTonne::new(c),
                KgCo2ePerTonne::new(h),
            );
            if let Some(value) = model(&cols, row, fc::EF, value, &mut errors) {
                let f = EmissionFactor {
                    id: emission_factor_id(&fraction, route),
                    fraction: fraction.clone(),
                    route,
                    value,
                    gwp: cols.text(row, fc::GWP).to_string(),
                    displacement,
                    source: SourceId(cols.text(row, fc::EF_SOURCE).to_string()),
                    locator: cols.text(row, fc::EF_LOCATOR).to_string(),
                    note: cols.text(row, fc::EF_NOTE).to_string(),
                };
                if f.source.0.is_empty() {
                    errors.push(cols.error(row, fc::EF_SOURCE, CsvErrorKind::EmptyField));
                }
                let r = out.insert_emission(f);
                model(&cols, row, fc::FRACTION, r, &mut errors);
            }
        }
        if let Ok(Some([l, c, h])) = triple(&cols, row, fc::CF_RANGE, &mut errors) {
            let value = Estimate::new(
                SekPerTonne::new(l),
                SekPerTonne::new(c),
                SekPerTonne::new(h),
            );
            // Not silent: `opt_year` records its error in `errors`.
            let year = cols
                .opt_year(row, fc::PRICE_YEAR, &mut errors)
                .ok()
                .flatten();
            let value = model(&cols, row, fc::CF, value, &mut errors);
            let priced = match (value, index, target) {
                (Some(v), Some(index), Some(to)) => {
                    reprice(&cols, row, v, year, to, index, &mut errors)
                }
                (Some(v), _, _) => Some((v, year, None)),
                (None, _, _) => None,
            };
            if let Some((value, price_year, nominal)) = priced {
                let f = CostFactor {
                    id: cost_factor_id(&fraction, route),
                    fraction: fraction.clone(),
                    route,
                    value,
                    price_year,
                    nominal,
                    source: SourceId(cols.text(row, fc::CF_SOURCE).to_string()),
                    locator: cols.text(row, fc::CF_LOCATOR).to_string(),
                    note: cols.text(row, fc::CF_NOTE).to_string(),
                };
                if f.source.0.is_empty() {
                    errors.push(cols.error(row, fc::CF_SOURCE, CsvErrorKind::EmptyField));
                }
                let r = out.insert_cost(f);
                model(&cols, row, fc::FRACTION, r, &mut errors);
            }
        }
        if let Ok(Some([l, c, h])) = triple(&cols, row, fc::YIELD_RANGE, &mut errors) {
            let shares = [l, c, h].map(Share::new);
            let [Ok(l), Ok(c), Ok(h)] = shares else {
                errors.push(cols.error(
                    row,
                    fc::YIELD,
                    CsvErrorKind::OutOfRange {
                        min: "0".into(),
                        max: "1".into(),
                    },
                ));
                continue;
            };
            let reject = match cols.text(row, fc::REJECT) {
                "" => Some(Route::Incineration),
                _ => self::route(&cols, row, fc::REJECT, &mut errors),
            };
            let value = Estimate::new(l, c, h);
            if let (Some(value), Some(reject)) =
                (model(&cols, row, fc::YIELD, value, &mut errors), reject)
            {
                let y = Yield {
                    id: yield_id(&fraction, route),
                    fraction: fraction.clone(),
                    route,
                    reject,
                    value,
                    source: SourceId(cols.text(row, fc::YIELD_SOURCE).to_string()),
                    locator: cols.text(row, fc::YIELD_LOCATOR).to_string(),
                    note: cols.text(row, fc::YIELD_NOTE).to_string(),
                };
                if y.source.0.is_empty() {
                    errors.push(cols.error(row, fc::YIELD_SOURCE, CsvErrorKind::EmptyField));
                }
                let r = out.insert_yield(y);
                model(&cols, row, fc::REJECT, r, &mut errors);
            }
        }
    }
    finish(out, errors)
}

type Priced = (Estimate<SekPerTonne>, Option<Year>, Option<NominalCost>);

/// A cost row's value in the `to` price year; errors at the row's `price_year` cell.
fn reprice(
    cols: &Columns,
    row: &Row,
    value: Estimate<SekPerTonne>,
    year: Option<Year>,
    to: Year,
    index: &PriceIndex,
    errors: &mut Errors,
) -> Option<Priced> {
    let Some(from) = year else {
        // A zero cost has no price level to convert.
        if value.low().is_zero() && value.central().is_zero() && value.high().is_zero() {
            return Some((value, Some(to), None));
        }
        errors.push(cols.error(row, fc::PRICE_YEAR, CsvErrorKind::EmptyField));
        return None;
    };
    if from == to {
        return Some((value, Some(to), None));
    }
    let convert = |v| index.convert(v, from, to);
    let converted = match (
        convert(value.low()),
        convert(value.central()),
        convert(value.high()),
    ) {
        (Ok(l), Ok(c), Ok(h)) => Estimate::new(l, c, h),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => Err(e),
    };
    match converted {
        Ok(v) => Some((
            v,
            Some(to),
            Some(NominalCost {
                price_year: from,
                value,
            }),
        )),
        Err(e) => {
            errors.push(cols.error(row, fc::PRICE_YEAR, CsvErrorKind::Model(e)));
            None
        }
    }
}

/// Writes a factor table in the factor set file format, in a dialect; the output reads
/// back with [`read_factor_table`] to an equal table (sources aside).
#[must_use]
pub fn write_factor_table(table: &FactorTable, dialect: Dialect) -> String {
    let mut keys: Vec<(FractionId, Route)> = table
        .emission_factors()
        .map(|f| (f.fraction.clone(), f.route))
        .chain(table.cost_factors().map(|f| (f.fraction.clone(), f.route)))
        .chain(table.yields().map(|f| (f.fraction.clone(), f.route)))
        .collect();
    crate::sort::sort(&mut keys);
    keys.dedup();
    let mut w = csv::WriterBuilder::new()
        .delimiter(dialect.delimiter)
        .from_writer(Vec::new());
    let header: Vec<&str> = fc::HEADERS.iter().map(|(en, _)| *en).collect();
    let mut ok = w.write_record(&header).is_ok();
    let num = |d: Decimal| format_decimal(d, dialect.decimal_comma);
    for (fraction, route) in keys {
        let mut rec: Vec<String> =
            vec![guard_cell(&fraction.0).into_owned(), route.id().to_string()];
        // Optional values that are not set are empty cells (`unwrap_or_default` on Options).
        match table.emission(&fraction, route) {
            Some(f) => rec.extend([
                num(f.value.low().value()),
                num(f.value.central().value()),
                num(f.value.high().value()),
                guard_cell(&f.gwp).into_owned(),
                f.displacement.map(|d| num(d.value())).unwrap_or_default(),
                guard_cell(&f.source.0).into_owned(),
                guard_cell(&f.locator).into_owned(),
                guard_cell(&f.note).into_owned(),
            ]),
            None => rec.extend(std::iter::repeat_n(String::new(), 8)),
        }
        match table.cost(&fraction, route) {
            Some(f) => rec.extend([
                num(f.value.low().value()),
                num(f.value.central().value()),
                num(f.value.high().value()),
                f.price_year.map(|y| y.to_string()).unwrap_or_default(),
                guard_cell(&f.source.0).into_owned(),
                guard_cell(&f.locator).into_owned(),
                guard_cell(&f.note).into_owned(),
            ]),
            None => rec.extend(std::iter::repeat_n(String::new(), 7)),
        }
        match table.yield_for(&fraction, route) {
            Some(y) => rec.extend([
                num(y.value.low().value()),
                num(y.value.central().value()),
                num(y.value.high().value()),
                y.reject.id().to_string(),
                y.source.0.clone(),
                y.locator.clone(),
                y.note.clone(),
            ]),
            None => rec.extend(std::iter::repeat_n(String::new(), 7)),
        }
        ok &= w.write_record(&rec).is_ok();
    }
    super::super::dialect::finish_writer(w, ok, dialect)
}
