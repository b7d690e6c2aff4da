//! Readers (and a writer) for the data files: factor sets, sources, fractions,
//! municipalities, measures and their route mixes. The built-in data and a user's own
//! files go through these same functions.

use super::error::{CsvError, CsvErrorKind, IdKind, suggest};
use super::safe::guard_cell;
use super::table::{ColumnSpec, Columns, Dialect, Recorded, Row, Table, format_decimal};
use crate::model::{
    CostFactor, EmissionFactor, Estimate, FactorSetInfo, FactorTable, Fraction, FractionId,
    GoalArea, Measure, MeasureId, ModelError, Municipality, Payer, Pool, PoolId, QuantityBasis,
    Route, RouteMix, ScbCode, Source, SourceId, SourceKind, Yield, cost_factor_id,
    emission_factor_id, yield_id,
};
use crate::units::{
    GramsPerPortion, KgCo2ePerTonne, KgPerInhabitant, SekPerInhabitant, SekPerTonne, Share, Tonnes,
    Year,
};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::sync::Arc;

type Errors = Vec<CsvError>;

fn route(cols: &Columns, row: &Row, col: usize, errors: &mut Errors) -> Option<Route> {
    let t = cols.required_text(row, col, errors)?;
    match Route::from_id(&t) {
        Some(r) => Some(r),
        None => {
            errors.push(cols.error(
                row,
                col,
                CsvErrorKind::UnknownId {
                    what: IdKind::Route,
                    suggestions: suggest(&t, Route::ALL.iter().map(|r| r.id())),
                },
            ));
            None
        }
    }
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

/// Columns of a factor set file.
pub const FACTOR_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec::required(&["fraction", "avfallsslag"]),
    ColumnSpec::required(&["route", "behandlingsvag"]),
    ColumnSpec::optional(&["ef_low_kgco2e_per_t"]),
    ColumnSpec::optional(&["ef_kgco2e_per_t"]),
    ColumnSpec::optional(&["ef_high_kgco2e_per_t"]),
    ColumnSpec::optional(&["gwp"]),
    ColumnSpec::optional(&["displacement_share"]),
    ColumnSpec::optional(&["ef_source"]),
    ColumnSpec::optional(&["ef_locator"]),
    ColumnSpec::optional(&["ef_note"]),
    ColumnSpec::optional(&["cf_low_sek_per_t"]),
    ColumnSpec::optional(&["cf_sek_per_t"]),
    ColumnSpec::optional(&["cf_high_sek_per_t"]),
    ColumnSpec::optional(&["price_year"]),
    ColumnSpec::optional(&["cf_source"]),
    ColumnSpec::optional(&["cf_locator"]),
    ColumnSpec::optional(&["cf_note"]),
    ColumnSpec::optional(&["yield_low"]),
    ColumnSpec::optional(&["yield"]),
    ColumnSpec::optional(&["yield_high"]),
    ColumnSpec::optional(&["reject_route"]),
    ColumnSpec::optional(&["yield_source"]),
    ColumnSpec::optional(&["yield_locator"]),
    ColumnSpec::optional(&["yield_note"]),
];

/// Column positions in [`FACTOR_COLUMNS`].
mod fc {
    pub(super) const FRACTION: usize = 0;
    pub(super) const ROUTE: usize = 1;
    pub(super) const EF_LOW: usize = 2;
    pub(super) const EF: usize = 3;
    pub(super) const EF_HIGH: usize = 4;
    pub(super) const GWP: usize = 5;
    pub(super) const DISPLACEMENT: usize = 6;
    pub(super) const EF_SOURCE: usize = 7;
    pub(super) const EF_LOCATOR: usize = 8;
    pub(super) const EF_NOTE: usize = 9;
    pub(super) const CF_LOW: usize = 10;
    pub(super) const CF: usize = 11;
    pub(super) const CF_HIGH: usize = 12;
    pub(super) const PRICE_YEAR: usize = 13;
    pub(super) const CF_SOURCE: usize = 14;
    pub(super) const CF_LOCATOR: usize = 15;
    pub(super) const CF_NOTE: usize = 16;
}

/// Column positions of the sorting yield in [`FACTOR_COLUMNS`].
mod yc {
    pub(super) const VALUE: [usize; 3] = [17, 18, 19];
    pub(super) const REJECT: usize = 20;
    pub(super) const SOURCE: usize = 21;
    pub(super) const LOCATOR: usize = 22;
    pub(super) const NOTE: usize = 23;
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
    let table = Table::read(bytes)?;
    let cols = table.columns(FACTOR_COLUMNS)?;
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
        if let Ok(Some([l, c, h])) =
            triple(&cols, row, [fc::EF_LOW, fc::EF, fc::EF_HIGH], &mut errors)
        {
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
        if let Ok(Some([l, c, h])) =
            triple(&cols, row, [fc::CF_LOW, fc::CF, fc::CF_HIGH], &mut errors)
        {
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
            if let Some(value) = model(&cols, row, fc::CF, value, &mut errors) {
                let f = CostFactor {
                    id: cost_factor_id(&fraction, route),
                    fraction: fraction.clone(),
                    route,
                    value,
                    price_year: year,
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
        if let Ok(Some([l, c, h])) = triple(&cols, row, yc::VALUE, &mut errors) {
            let shares = [l, c, h].map(Share::new);
            let [Ok(l), Ok(c), Ok(h)] = shares else {
                errors.push(cols.error(
                    row,
                    yc::VALUE[1],
                    CsvErrorKind::OutOfRange {
                        min: "0".into(),
                        max: "1".into(),
                    },
                ));
                continue;
            };
            let reject = match cols.text(row, yc::REJECT) {
                "" => Some(Route::Incineration),
                _ => self::route(&cols, row, yc::REJECT, &mut errors),
            };
            let value = Estimate::new(l, c, h);
            if let (Some(value), Some(reject)) =
                (model(&cols, row, yc::VALUE[1], value, &mut errors), reject)
            {
                let y = Yield {
                    id: yield_id(&fraction, route),
                    fraction: fraction.clone(),
                    route,
                    reject,
                    value,
                    source: SourceId(cols.text(row, yc::SOURCE).to_string()),
                    locator: cols.text(row, yc::LOCATOR).to_string(),
                    note: cols.text(row, yc::NOTE).to_string(),
                };
                if y.source.0.is_empty() {
                    errors.push(cols.error(row, yc::SOURCE, CsvErrorKind::EmptyField));
                }
                let r = out.insert_yield(y);
                model(&cols, row, yc::REJECT, r, &mut errors);
            }
        }
    }
    finish(out, errors)
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
    keys.sort();
    keys.dedup();
    let mut w = csv::WriterBuilder::new()
        .delimiter(dialect.delimiter)
        .from_writer(Vec::new());
    let header: Vec<&str> = FACTOR_COLUMNS
        .iter()
        .map(|c| c.aliases.first().copied().unwrap_or(""))
        .collect();
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
    super::scenario::finish_writer(w, ok, dialect)
}

const SOURCE_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec::required(&["id"]),
    ColumnSpec::required(&["kind"]),
    ColumnSpec::required(&["title"]),
    ColumnSpec::required(&["publisher"]),
    ColumnSpec::optional(&["year"]),
    ColumnSpec::optional(&["url"]),
    ColumnSpec::optional(&["locator"]),
    ColumnSpec::optional(&["licence", "license"]),
    ColumnSpec::optional(&["accessed"]),
    ColumnSpec::optional(&["note"]),
    ColumnSpec::optional(&["note_sv"]),
];

/// Reads `sources.csv` (`note_sv`, the note in Swedish, is optional).
pub fn read_sources(bytes: &[u8]) -> Result<Vec<Source>, Errors> {
    let table = Table::read(bytes)?;
    let cols = table.columns(SOURCE_COLUMNS)?;
    let mut errors = Vec::new();
    let mut out = Vec::new();
    let mut seen: BTreeMap<String, u64> = BTreeMap::new();
    for row in &table.rows {
        let Some(id) = cols.required_text(row, sc::ID, &mut errors) else {
            continue;
        };
        if let Some(first) = seen.insert(id.clone(), row.line) {
            errors.push(cols.error(row, sc::ID, CsvErrorKind::Duplicate { first_line: first }));
            continue;
        }
        let kind = match cols.text(row, sc::KIND) {
            "published" => Some(SourceKind::Published),
            "derived" => Some(SourceKind::Derived),
            "estimate" => Some(SourceKind::Estimate),
            other => {
                errors.push(cols.error(
                    row,
                    1,
                    CsvErrorKind::UnknownId {
                        what: IdKind::SourceKind,
                        suggestions: suggest(other, ["published", "derived", "estimate"]),
                    },
                ));
                None
            }
        };
        let title = cols.required_text(row, sc::TITLE, &mut errors);
        let publisher = cols.required_text(row, sc::PUBLISHER, &mut errors);
        // Not silent: `opt_year` records its error in `errors`.
        let year = cols.opt_year(row, sc::YEAR, &mut errors).ok().flatten();
        if let (Some(kind), Some(title), Some(publisher)) = (kind, title, publisher) {
            out.push(Source {
                id: SourceId(id),
                kind,
                title,
                publisher,
                year,
                url: cols.text(row, sc::URL).to_string(),
                locator: cols.text(row, sc::LOCATOR).to_string(),
                licence: cols.text(row, sc::LICENCE).to_string(),
                accessed: cols.text(row, sc::ACCESSED).to_string(),
                note: cols.text(row, sc::NOTE).to_string(),
                note_sv: cols.text(row, sc::NOTE_SV).to_string(),
            });
        }
    }
    finish(out, errors)
}

/// Column positions in [`SOURCE_COLUMNS`].
mod sc {
    pub(super) const ID: usize = 0;
    pub(super) const KIND: usize = 1;
    pub(super) const TITLE: usize = 2;
    pub(super) const PUBLISHER: usize = 3;
    pub(super) const YEAR: usize = 4;
    pub(super) const URL: usize = 5;
    pub(super) const LOCATOR: usize = 6;
    pub(super) const LICENCE: usize = 7;
    pub(super) const ACCESSED: usize = 8;
    pub(super) const NOTE: usize = 9;
    pub(super) const NOTE_SV: usize = 10;
}

const FRACTION_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec::required(&["id"]),
    ColumnSpec::required(&["name_sv"]),
    ColumnSpec::required(&["name_en"]),
    ColumnSpec::optional(&["description_en"]),
];

/// Reads `fractions.csv`.
pub fn read_fractions(bytes: &[u8]) -> Result<Vec<Fraction>, Errors> {
    let table = Table::read(bytes)?;
    let cols = table.columns(FRACTION_COLUMNS)?;
    let mut errors = Vec::new();
    let mut out: Vec<Fraction> = Vec::new();
    for row in &table.rows {
        let id = cols.required_text(row, frc::ID, &mut errors);
        let sv = cols.required_text(row, frc::NAME_SV, &mut errors);
        let en = cols.required_text(row, frc::NAME_EN, &mut errors);
        if let (Some(id), Some(name_sv), Some(name_en)) = (id, sv, en) {
            if out.iter().any(|f| f.id.0 == id) {
                errors.push(cols.error(row, frc::ID, CsvErrorKind::Duplicate { first_line: 0 }));
                continue;
            }
            out.push(Fraction {
                id: FractionId(id),
                name_sv,
                name_en,
            });
        }
    }
    finish(out, errors)
}

/// Column positions in [`FRACTION_COLUMNS`].
mod frc {
    pub(super) const ID: usize = 0;
    pub(super) const NAME_SV: usize = 1;
    pub(super) const NAME_EN: usize = 2;
}

const MUNICIPALITY_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec::required(&["scb_code", "kommunkod"]),
    ColumnSpec::required(&["name", "namn"]),
    ColumnSpec::required(&["population", "folkmangd"]),
    ColumnSpec::required(&["population_date", "datum"]),
    ColumnSpec::required(&["source", "kalla"]),
];

/// Reads `municipalities.csv`.
pub fn read_municipalities(bytes: &[u8]) -> Result<Vec<Municipality>, Errors> {
    let table = Table::read(bytes)?;
    let cols = table.columns(MUNICIPALITY_COLUMNS)?;
    let mut errors = Vec::new();
    let mut out: Vec<Municipality> = Vec::new();
    for row in &table.rows {
        let code = cols.required_text(row, mun::CODE, &mut errors);
        if let Some(c) = &code
            && (c.len() != 4 || !c.chars().all(|ch| ch.is_ascii_digit()))
        {
            {
                errors.push(cols.error(
                    row,
                    0,
                    CsvErrorKind::OutOfRange {
                        min: "0000".into(),
                        max: "9999".into(),
                    },
                ));
                continue;
            }
        }
        let name = cols.required_text(row, mun::NAME, &mut errors);
        let pop = cols.text(row, mun::POPULATION);
        let population = match pop.replace([' ', '\u{a0}'], "").parse::<u32>() {
            Ok(p) => Some(p),
            Err(_) => {
                errors.push(cols.error(row, mun::POPULATION, CsvErrorKind::InvalidNumber));
                None
            }
        };
        let date = cols.required_text(row, mun::DATE, &mut errors);
        let source = cols.required_text(row, mun::SOURCE, &mut errors);
        if let (Some(code), Some(name), Some(population), Some(date), Some(source)) =
            (code, name, population, date, source)
        {
            if out.iter().any(|m| m.code.0 == code) {
                errors.push(cols.error(row, mun::CODE, CsvErrorKind::Duplicate { first_line: 0 }));
                continue;
            }
            out.push(Municipality {
                code: ScbCode(code),
                name,
                population,
                population_date: date,
                source: SourceId(source),
            });
        }
    }
    finish(out, errors)
}

/// Column positions in [`MUNICIPALITY_COLUMNS`].
mod mun {
    pub(super) const CODE: usize = 0;
    pub(super) const NAME: usize = 1;
    pub(super) const POPULATION: usize = 2;
    pub(super) const DATE: usize = 3;
    pub(super) const SOURCE: usize = 4;
}

const MIX_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec::required(&["measure"]),
    ColumnSpec::required(&["mix"]),
    ColumnSpec::required(&["route"]),
    ColumnSpec::required(&["share"]),
    ColumnSpec::required(&["source"]),
    ColumnSpec::optional(&["note"]),
];

/// Column positions in [`MIX_COLUMNS`].
mod mx {
    pub(super) const MEASURE: usize = 0;
    pub(super) const MIX: usize = 1;
    pub(super) const ROUTE: usize = 2;
    pub(super) const SHARE: usize = 3;
    pub(super) const SOURCE: usize = 4;
}

const MEASURE_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec::required(&["id"]),
    ColumnSpec::required(&["area"]),
    ColumnSpec::required(&["name_sv"]),
    ColumnSpec::required(&["name_en"]),
    ColumnSpec::optional(&["description_sv"]),
    ColumnSpec::optional(&["description_en"]),
    ColumnSpec::required(&["fraction"]),
    ColumnSpec::required(&["basis"]),
    ColumnSpec::optional(&["kg_per_inhabitant"]),
    ColumnSpec::optional(&["g_per_portion"]),
    ColumnSpec::optional(&["portions_per_inhabitant"]),
    ColumnSpec::required(&["default_effect_pct"]),
    ColumnSpec::required(&["ramp_years"]),
    ColumnSpec::required(&["implementation_cost_sek_per_inhabitant"]),
    ColumnSpec::required(&["running_cost_sek_per_inhabitant"]),
    ColumnSpec::optional(&["quantity_source"]),
    ColumnSpec::optional(&["effect_source"]),
    ColumnSpec::optional(&["cost_source"]),
    ColumnSpec::optional(&["note"]),
    ColumnSpec::optional(&["tonnes_per_year"]),
    ColumnSpec::optional(&["pool"]),
    ColumnSpec::optional(&["acts_on"]),
    ColumnSpec::optional(&["implementation_cost_low_sek_per_inhabitant"]),
    ColumnSpec::optional(&["implementation_cost_high_sek_per_inhabitant"]),
    ColumnSpec::optional(&["running_cost_low_sek_per_inhabitant"]),
    ColumnSpec::optional(&["running_cost_high_sek_per_inhabitant"]),
    ColumnSpec::optional(&["cost_payer"]),
    ColumnSpec::optional(&["savings_payer"]),
    ColumnSpec::optional(&["stage"]),
];

/// Column positions in [`MEASURE_COLUMNS`].
mod mc {
    pub(super) const ID: usize = 0;
    pub(super) const AREA: usize = 1;
    pub(super) const NAME_SV: usize = 2;
    pub(super) const NAME_EN: usize = 3;
    pub(super) const DESC_SV: usize = 4;
    pub(super) const DESC_EN: usize = 5;
    pub(super) const FRACTION: usize = 6;
    pub(super) const BASIS: [usize; 5] = [7, 8, 9, 10, 19];
    pub(super) const EFFECT: usize = 11;
    pub(super) const RAMP: usize = 12;
    pub(super) const IMPLEMENTATION: [usize; 3] = [22, 13, 23];
    pub(super) const RUNNING: [usize; 3] = [24, 14, 25];
    pub(super) const SOURCES: [usize; 3] = [15, 16, 17];
    pub(super) const COST_SOURCE: usize = 17;
    pub(super) const POOL: usize = 20;
    pub(super) const ACTS_ON: usize = 21;
    pub(super) const COST_PAYER: usize = 26;
    pub(super) const SAVINGS_PAYER: usize = 27;
    pub(super) const STAGE: usize = 28;
}

const POOL_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec::required(&["id"]),
    ColumnSpec::required(&["fraction"]),
    ColumnSpec::required(&["name_sv"]),
    ColumnSpec::required(&["name_en"]),
    ColumnSpec::required(&["basis"]),
    ColumnSpec::optional(&["kg_per_inhabitant"]),
    ColumnSpec::optional(&["g_per_portion"]),
    ColumnSpec::optional(&["portions_per_inhabitant"]),
    ColumnSpec::optional(&["tonnes_per_year"]),
    ColumnSpec::optional(&["quantity_source"]),
    ColumnSpec::optional(&["note"]),
];

/// Column positions in [`POOL_COLUMNS`].
mod pc {
    pub(super) const ID: usize = 0;
    pub(super) const FRACTION: usize = 1;
    pub(super) const NAME_SV: usize = 2;
    pub(super) const NAME_EN: usize = 3;
    pub(super) const BASIS: [usize; 5] = [4, 5, 6, 7, 8];
    pub(super) const SOURCE: usize = 9;
}

const POOL_MIX_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec::required(&["pool"]),
    ColumnSpec::required(&["route"]),
    ColumnSpec::required(&["share"]),
    ColumnSpec::required(&["source"]),
    ColumnSpec::optional(&["note"]),
];

/// A mix as read: the line of its first row, its shares and its sources.
type MixRow = (u64, Vec<(Route, Share)>, Vec<SourceId>);
/// Column positions in [`POOL_MIX_COLUMNS`].
mod pmx {
    pub(super) const POOL: usize = 0;
    pub(super) const ROUTE: usize = 1;
    pub(super) const SHARE: usize = 2;
    pub(super) const SOURCE: usize = 3;
}

type MixRows = BTreeMap<(String, bool), MixRow>;

fn read_mixes(bytes: &[u8], errors: &mut Errors) -> MixRows {
    let mut mixes: MixRows = BTreeMap::new();
    let table = match Table::read(bytes) {
        Ok(t) => t,
        Err(e) => {
            errors.extend(e);
            return mixes;
        }
    };
    let cols = match table.columns(MIX_COLUMNS) {
        Ok(c) => c,
        Err(e) => {
            errors.extend(e);
            return mixes;
        }
    };
    for row in &table.rows {
        let measure = cols.required_text(row, mx::MEASURE, errors);
        let is_target = match cols.text(row, mx::MIX) {
            "baseline" => Some(false),
            "target" => Some(true),
            other => {
                errors.push(cols.error(
                    row,
                    1,
                    CsvErrorKind::UnknownId {
                        what: IdKind::Mix,
                        suggestions: suggest(other, ["baseline", "target"]),
                    },
                ));
                None
            }
        };
        let route = route(&cols, row, mx::ROUTE, errors);
        let share = share_in(&cols, row, mx::SHARE, false, errors);
        let source = cols.required_text(row, mx::SOURCE, errors);
        if let (Some(m), Some(t), Some(r), Some(s), Some(src)) =
            (measure, is_target, route, share, source)
        {
            let entry = mixes
                .entry((m, t))
                .or_insert((row.line, Vec::new(), Vec::new()));
            entry.1.push((r, s));
            let src = SourceId(src);
            if !entry.2.contains(&src) {
                entry.2.push(src);
            }
        }
    }
    mixes
}

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
        "per_inhabitant" => cols.decimal(row, kg, errors).map(|kg| {
            Some(QuantityBasis::PerInhabitant {
                kg: KgPerInhabitant::new(kg),
            })
        }),
        "per_portion" => {
            let g = cols.decimal(row, g, errors);
            let p = cols.decimal(row, portions, errors);
            g.zip(p).map(|(g, p)| {
                Some(QuantityBasis::PerPortion {
                    grams: GramsPerPortion::new(g),
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

fn payer(cols: &Columns, row: &Row, col: usize, errors: &mut Errors) -> Option<Payer> {
    let t = cols.text(row, col);
    if t.is_empty() {
        return Some(Payer::MunicipalBudget);
    }
    match Payer::from_id(t) {
        Some(p) => Some(p),
        None => {
            errors.push(cols.error(
                row,
                col,
                CsvErrorKind::UnknownId {
                    what: IdKind::Payer,
                    suggestions: suggest(t, Payer::ALL.iter().map(|p| p.id())),
                },
            ));
            None
        }
    }
}

/// Routes separated by `|` (e.g. `incineration|landfill`); empty: `None`.
fn routes(
    cols: &Columns,
    row: &Row,
    col: usize,
    errors: &mut Errors,
) -> Option<Option<Vec<Route>>> {
    let t = cols.text(row, col);
    if t.trim().is_empty() {
        return Some(None);
    }
    let mut out = Vec::new();
    for part in t.split('|') {
        match Route::from_id(part) {
            Some(r) if !out.contains(&r) => out.push(r),
            Some(_) => {}
            None => {
                errors.push(cols.error(
                    row,
                    col,
                    CsvErrorKind::UnknownId {
                        what: IdKind::Route,
                        suggestions: suggest(part.trim(), Route::ALL.iter().map(|r| r.id())),
                    },
                ));
                return None;
            }
        }
    }
    out.sort();
    Some(Some(out))
}

/// A cost range per inhabitant from `[low, central, high]` columns (low and high default
/// to the central value).
fn cost_range(
    cols: &Columns,
    row: &Row,
    [lo, mid, hi]: [usize; 3],
    errors: &mut Errors,
) -> Option<Estimate<SekPerInhabitant>> {
    let c = cols.decimal(row, mid, errors)?;
    let l = cols.opt_decimal(row, lo, errors).ok()?.unwrap_or(c);
    let h = cols.opt_decimal(row, hi, errors).ok()?.unwrap_or(c);
    model(
        cols,
        row,
        mid,
        Estimate::new(
            SekPerInhabitant::new(l),
            SekPerInhabitant::new(c),
            SekPerInhabitant::new(h),
        ),
        errors,
    )
}

/// Reads `pools.csv` with the baseline route distributions from `pool_mixes.csv`.
pub fn read_pools(pools: &[u8], mixes: &[u8]) -> Result<Vec<Pool>, Errors> {
    let mut errors = Vec::new();
    let mut shares: BTreeMap<String, MixRow> = BTreeMap::new();
    match Table::read(mixes).and_then(|t| {
        let c = t.columns(POOL_MIX_COLUMNS)?;
        Ok((t, c))
    }) {
        Ok((table, cols)) => {
            for row in &table.rows {
                let pool = cols.required_text(row, pmx::POOL, &mut errors);
                let r = route(&cols, row, pmx::ROUTE, &mut errors);
                let s = share_in(&cols, row, pmx::SHARE, false, &mut errors);
                let src = cols.required_text(row, pmx::SOURCE, &mut errors);
                if let (Some(p), Some(r), Some(s), Some(src)) = (pool, r, s, src) {
                    let e = shares
                        .entry(p)
                        .or_insert((row.line, Vec::new(), Vec::new()));
                    e.1.push((r, s));
                    let src = SourceId(src);
                    if !e.2.contains(&src) {
                        e.2.push(src);
                    }
                }
            }
        }
        Err(e) => errors.extend(e),
    }
    let table = Table::read(pools)?;
    let cols = table.columns(POOL_COLUMNS)?;
    let mut out: Vec<Pool> = Vec::new();
    for row in &table.rows {
        let before = errors.len();
        let id = cols.required_text(row, pc::ID, &mut errors);
        let fraction = cols.required_text(row, pc::FRACTION, &mut errors);
        let name_sv = cols.required_text(row, pc::NAME_SV, &mut errors);
        let name_en = cols.required_text(row, pc::NAME_EN, &mut errors);
        let b = basis(&cols, row, pc::BASIS, false, &mut errors);
        if errors.len() > before {
            continue;
        }
        let (Some(id), Some(fraction), Some(name_sv), Some(name_en), Ok(Some(b))) =
            (id, fraction, name_sv, name_en, b)
        else {
            continue;
        };
        if out.iter().any(|p| p.id.0 == id) {
            errors.push(cols.error(row, pc::ID, CsvErrorKind::Duplicate { first_line: 0 }));
            continue;
        }
        let mut sources = Vec::new();
        let qs = cols.text(row, pc::SOURCE);
        if !qs.is_empty() {
            sources.push(SourceId(qs.to_string()));
        }
        let baseline = match shares.remove(&id) {
            Some((line, s, srcs)) => {
                for x in srcs {
                    if !sources.contains(&x) {
                        sources.push(x);
                    }
                }
                match RouteMix::new(s) {
                    Ok(m) => m,
                    Err(e) => {
                        errors.push(CsvError::new(
                            line,
                            Some("share".into()),
                            id.clone(),
                            CsvErrorKind::Model(e),
                        ));
                        continue;
                    }
                }
            }
            None => {
                errors.push(cols.error(
                    row,
                    pc::ID,
                    CsvErrorKind::Model(ModelError::MixSum { sum: Decimal::ZERO }),
                ));
                continue;
            }
        };
        out.push(Pool {
            id: PoolId(id),
            fraction: FractionId(fraction),
            name_sv,
            name_en,
            basis: b,
            baseline,
            local_baselines: Vec::new(),
            sources,
        });
    }
    for (pool, (line, _, _)) in shares {
        errors.push(CsvError::new(
            line,
            Some("pool".into()),
            pool,
            CsvErrorKind::UnknownId {
                what: IdKind::Pool,
                suggestions: Vec::new(),
            },
        ));
    }
    finish(out, errors)
}

const LOCAL_BASELINE_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec::required(&["municipality", "kommun"]),
    ColumnSpec::required(&["pool"]),
    ColumnSpec::required(&["route"]),
    ColumnSpec::required(&["share"]),
    ColumnSpec::required(&["source"]),
    ColumnSpec::optional(&["note"]),
];

/// Column positions in [`LOCAL_BASELINE_COLUMNS`].
mod lbc {
    pub(super) const MUNICIPALITY: usize = 0;
    pub(super) const POOL: usize = 1;
    pub(super) const ROUTE: usize = 2;
    pub(super) const SHARE: usize = 3;
    pub(super) const SOURCE: usize = 4;
}

/// Reads `pool_municipalities.csv`: a municipality's own route distribution for a pool
/// (SCB code, pool, route, share, source), and attaches each to its pool.
pub fn read_local_baselines(bytes: &[u8], pools: &mut [Pool]) -> Result<(), Errors> {
    let table = Table::read(bytes)?;
    let cols = table.columns(LOCAL_BASELINE_COLUMNS)?;
    let mut errors = Vec::new();
    // (municipality, pool), line of the first row, shares, source.
    type Group = ((String, String), u64, Vec<(Route, Share)>, String);
    let mut groups: Vec<Group> = Vec::new();
    for row in &table.rows {
        let k = cols.required_text(row, lbc::MUNICIPALITY, &mut errors);
        let p = cols.required_text(row, lbc::POOL, &mut errors);
        let r = route(&cols, row, lbc::ROUTE, &mut errors);
        let s = share_in(&cols, row, lbc::SHARE, false, &mut errors);
        let src = cols.required_text(row, lbc::SOURCE, &mut errors);
        let (Some(k), Some(p), Some(r), Some(s), Some(src)) = (k, p, r, s, src) else {
            continue;
        };
        if !pools.iter().any(|x| x.id.0 == p) {
            errors.push(cols.error(
                row,
                1,
                CsvErrorKind::UnknownId {
                    what: IdKind::Pool,
                    suggestions: suggest(&p, pools.iter().map(|x| x.id.as_str())),
                },
            ));
            continue;
        }
        match groups.iter_mut().find(|g| g.0 == (k.clone(), p.clone())) {
            Some(g) => g.2.push((r, s)),
            None => groups.push(((k, p), row.line, vec![(r, s)], src)),
        }
    }
    for ((k, p), line, shares, src) in groups {
        match RouteMix::new(shares) {
            Ok(baseline) => {
                if let Some(pool) = pools.iter_mut().find(|x| x.id.0 == p) {
                    pool.local_baselines.push(crate::model::LocalBaseline {
                        municipality: ScbCode(k),
                        baseline,
                        source: SourceId(src),
                    });
                }
            }
            Err(e) => errors.push(CsvError::new(
                line,
                Some("share".into()),
                format!("{k} {p}"),
                CsvErrorKind::Model(e),
            )),
        }
    }
    finish((), errors)
}

/// Reads `measures.csv` with its route mixes from `measure_mixes.csv`, for a catalogue
/// without pools: each measure gets a pool of its own from its quantity and baseline mix.
pub fn read_measures(measures: &[u8], mixes: &[u8]) -> Result<Vec<Measure>, Errors> {
    read_measures_with_pools(measures, mixes, &[])
}

/// Reads `measures.csv` with its target mixes from `measure_mixes.csv`. A measure that
/// names a pool takes its tonnes from it (and has no baseline mix of its own); one that
/// does not gets a pool of its own from its quantity and baseline mix.
pub fn read_measures_with_pools(
    measures: &[u8],
    mixes: &[u8],
    pools: &[Arc<Pool>],
) -> Result<Vec<Measure>, Errors> {
    let mut errors = Vec::new();
    let mut mix_rows = read_mixes(mixes, &mut errors);
    let table = Table::read(measures)?;
    let cols = table.columns(MEASURE_COLUMNS)?;
    let mut out: Vec<Measure> = Vec::new();
    for row in &table.rows {
        let before = errors.len();
        let id = cols.required_text(row, mc::ID, &mut errors);
        let area = cols.required_text(row, mc::AREA, &mut errors);
        let name_sv = cols.required_text(row, mc::NAME_SV, &mut errors);
        let name_en = cols.required_text(row, mc::NAME_EN, &mut errors);
        let fraction = cols.required_text(row, mc::FRACTION, &mut errors);
        let pool_id = cols.text(row, mc::POOL).trim().to_string();
        let pool = if pool_id.is_empty() {
            None
        } else {
            match pools.iter().find(|p| p.id.0 == pool_id) {
                Some(p) => Some(Arc::clone(p)),
                None => {
                    errors.push(cols.error(
                        row,
                        mc::POOL,
                        CsvErrorKind::UnknownId {
                            what: IdKind::Pool,
                            suggestions: suggest(&pool_id, pools.iter().map(|p| p.id.as_str())),
                        },
                    ));
                    None
                }
            }
        };
        let reach = basis(
            &cols,
            row,
            mc::BASIS,
            pool.is_some() || !pool_id.is_empty(),
            &mut errors,
        );
        let acts_on = routes(&cols, row, mc::ACTS_ON, &mut errors);
        let effect = share_in(&cols, row, mc::EFFECT, true, &mut errors);
        let ramp = match cols.text(row, mc::RAMP).parse::<u16>() {
            Ok(r) if r <= 30 => Some(r),
            _ => {
                errors.push(cols.error(
                    row,
                    mc::RAMP,
                    CsvErrorKind::OutOfRange {
                        min: "0".into(),
                        max: "30".into(),
                    },
                ));
                None
            }
        };
        let implementation = cost_range(&cols, row, mc::IMPLEMENTATION, &mut errors);
        let running = cost_range(&cols, row, mc::RUNNING, &mut errors);
        let stage = match cols.text(row, mc::STAGE) {
            "" => Some(None),
            _ => route(&cols, row, mc::STAGE, &mut errors).map(Some),
        };
        let cost_payer = payer(&cols, row, mc::COST_PAYER, &mut errors);
        let savings_payer = payer(&cols, row, mc::SAVINGS_PAYER, &mut errors);
        if errors.len() > before {
            continue;
        }
        let (
            Some(id),
            Some(area),
            Some(name_sv),
            Some(name_en),
            Some(fraction),
            Ok(reach),
            Some(acts_on),
            Some(effect),
            Some(ramp),
            Some(implementation),
            Some(running),
            Some(cost_payer),
            Some(savings_payer),
            Some(stage),
        ) = (
            id,
            area,
            name_sv,
            name_en,
            fraction,
            reach,
            acts_on,
            effect,
            ramp,
            implementation,
            running,
            cost_payer,
            savings_payer,
            stage,
        )
        else {
            continue;
        };
        if out.iter().any(|m| m.id.0 == id) {
            errors.push(cols.error(row, mc::ID, CsvErrorKind::Duplicate { first_line: 0 }));
            continue;
        }
        let mut sources: Vec<SourceId> = Vec::new();
        for col in mc::SOURCES {
            let s = cols.text(row, col);
            if !s.is_empty() && !sources.iter().any(|x| x.0 == s) {
                sources.push(SourceId(s.to_string()));
            }
        }
        let mut mix = |target: bool, required: bool| -> Result<Option<RouteMix>, Recorded> {
            match mix_rows.remove(&(id.clone(), target)) {
                Some((line, shares, srcs)) => {
                    for s in srcs {
                        if !sources.contains(&s) {
                            sources.push(s);
                        }
                    }
                    match RouteMix::new(shares) {
                        Ok(m) => Ok(Some(m)),
                        Err(e) => {
                            errors.push(CsvError::new(
                                line,
                                Some("share".into()),
                                format!("{id} {}", if target { "target" } else { "baseline" }),
                                CsvErrorKind::Model(e),
                            ));
                            Err(Recorded)
                        }
                    }
                }
                None if required => {
                    errors.push(cols.error(
                        row,
                        mc::ID,
                        CsvErrorKind::Model(ModelError::MixSum { sum: Decimal::ZERO }),
                    ));
                    Err(Recorded)
                }
                None => Ok(None),
            }
        };
        let baseline = mix(false, pool.is_none());
        let target = mix(true, true);
        let (Ok(baseline), Ok(Some(target))) = (baseline, target) else {
            continue;
        };
        let measure_id = MeasureId(id);
        let (pool, reach) = match (pool, baseline, reach) {
            (Some(p), None, r) => (p, r),
            (Some(_), Some(_), _) => {
                errors.push(cols.error(
                    row,
                    mc::POOL,
                    CsvErrorKind::Model(ModelError::BaselineInPool {
                        measure: measure_id.0.clone(),
                    }),
                ));
                continue;
            }
            (None, Some(b), Some(q)) => (
                Arc::new(Pool::own(&measure_id, FractionId(fraction.clone()), q, b)),
                None,
            ),
            (None, _, _) => continue,
        };
        if pool.fraction.0 != fraction {
            errors.push(cols.error(
                row,
                mc::FRACTION,
                CsvErrorKind::Model(ModelError::PoolFraction {
                    pool: pool.id.0.clone(),
                    fraction: pool.fraction.0.clone(),
                }),
            ));
            continue;
        }
        let acts_on = acts_on.unwrap_or_else(|| {
            pool.baseline
                .shares()
                .iter()
                .filter(|(_, s)| !s.value().is_zero())
                .map(|(r, _)| *r)
                .collect()
        });
        if acts_on.is_empty() {
            errors.push(cols.error(
                row,
                mc::ACTS_ON,
                CsvErrorKind::Model(ModelError::NoRoutes {
                    measure: measure_id.0.clone(),
                }),
            ));
            continue;
        }
        out.push(Measure {
            id: measure_id,
            area,
            name_sv,
            name_en,
            description_sv: cols.text(row, mc::DESC_SV).to_string(),
            description_en: cols.text(row, mc::DESC_EN).to_string(),
            fraction: FractionId(fraction),
            pool,
            acts_on,
            basis: reach,
            stage: stage.unwrap_or_else(|| crate::model::stage(&target)),
            target,
            default_effect: effect,
            ramp_years: ramp,
            implementation_cost: implementation,
            running_cost: running,
            cost_payer,
            savings_payer,
            cost_source: Some(cols.text(row, mc::COST_SOURCE))
                .filter(|t| !t.is_empty())
                .map(|t| SourceId(t.to_string())),
            sources,
        });
    }
    for ((measure, _), (line, _, _)) in mix_rows {
        errors.push(CsvError::new(
            line,
            Some("measure".into()),
            measure,
            CsvErrorKind::UnknownId {
                what: IdKind::Measure,
                suggestions: Vec::new(),
            },
        ));
    }
    finish(out, errors)
}

const AREA_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec::required(&["id"]),
    ColumnSpec::required(&["name_sv"]),
    ColumnSpec::required(&["name_en"]),
];

/// Column positions in [`AREA_COLUMNS`].
mod arc {
    pub(super) const ID: usize = 0;
    pub(super) const NAME_SV: usize = 1;
    pub(super) const NAME_EN: usize = 2;
}

/// Reads `areas.csv`: the goal areas of a waste plan.
pub fn read_areas(bytes: &[u8]) -> Result<Vec<GoalArea>, Errors> {
    let table = Table::read(bytes)?;
    let cols = table.columns(AREA_COLUMNS)?;
    let mut errors = Vec::new();
    let mut out: Vec<GoalArea> = Vec::new();
    for row in &table.rows {
        let id = cols.required_text(row, arc::ID, &mut errors);
        let sv = cols.required_text(row, arc::NAME_SV, &mut errors);
        let en = cols.required_text(row, arc::NAME_EN, &mut errors);
        if let (Some(id), Some(name_sv), Some(name_en)) = (id, sv, en) {
            if out.iter().any(|a| a.id == id) {
                errors.push(cols.error(row, arc::ID, CsvErrorKind::Duplicate { first_line: 0 }));
                continue;
            }
            out.push(GoalArea {
                id,
                name_sv,
                name_en,
            });
        }
    }
    finish(out, errors)
}

const FACTOR_SET_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec::required(&["id"]),
    ColumnSpec::required(&["name_sv"]),
    ColumnSpec::required(&["name_en"]),
    ColumnSpec::required(&["version"]),
    ColumnSpec::required(&["year"]),
    ColumnSpec::required(&["file"]),
    ColumnSpec::optional(&["gwp"]),
    ColumnSpec::optional(&["description_en"]),
];

/// Column positions in [`FACTOR_SET_COLUMNS`].
mod fsc {
    pub(super) const ID: usize = 0;
    pub(super) const NAME_SV: usize = 1;
    pub(super) const VERSION: usize = 3;
    pub(super) const YEAR: usize = 4;
    pub(super) const FILE: usize = 5;
}

/// Reads `factor_sets.csv`: each factor set's name, version and year, and the path of its
/// factor file.
pub fn read_factor_set_list(bytes: &[u8]) -> Result<Vec<(FactorSetInfo, String)>, Errors> {
    let table = Table::read(bytes)?;
    let cols = table.columns(FACTOR_SET_COLUMNS)?;
    let mut errors = Vec::new();
    let mut out = Vec::new();
    for row in &table.rows {
        let id = cols.required_text(row, fsc::ID, &mut errors);
        let name = cols.required_text(row, fsc::NAME_SV, &mut errors);
        let version = cols.required_text(row, fsc::VERSION, &mut errors);
        // A year that is not a number is reported in `errors`; `None` then.
        let year = cols.opt_year(row, fsc::YEAR, &mut errors).ok().flatten();
        let file = cols.required_text(row, fsc::FILE, &mut errors);
        if let (Some(id), Some(name), Some(version), Some(file)) = (id, name, version, file) {
            out.push((
                FactorSetInfo {
                    id,
                    name,
                    version,
                    year,
                },
                file,
            ));
        }
    }
    finish(out, errors)
}

/// The year a factor set file names, if a `Year` can be read from text like `2025`.
#[must_use]
pub fn parse_year(text: &str) -> Option<Year> {
    // `None` is the answer "not a year"; callers report it.
    text.trim().parse::<u16>().ok().map(Year)
}
