//! Readers (and a writer) for the data files: factor sets, sources, fractions,
//! municipalities, measures and their route mixes. The built-in data and a user's own
//! files go through these same functions.

use super::error::{CsvError, CsvErrorKind, IdKind, suggest};
use super::safe::guard_cell;
use super::table::{ColumnSpec, Columns, Dialect, Recorded, Row, Table, format_decimal};
use crate::model::{
    CostFactor, EmissionFactor, Estimate, FactorSetInfo, FactorTable, Fraction, FractionId,
    Measure, MeasureId, ModelError, Municipality, QuantityBasis, Route, RouteMix, ScbCode, Source,
    SourceId, SourceKind, cost_factor_id, emission_factor_id,
};
use crate::units::{
    GramsPerPortion, KgCo2ePerTonne, KgPerInhabitant, SekPerInhabitant, SekPerTonne, Share, Tonnes,
    Year,
};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

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
];

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
        let fraction = cols.required_text(row, 0, &mut errors);
        let route = route(&cols, row, 1, &mut errors);
        let (Some(fraction), Some(route)) = (fraction, route) else {
            continue;
        };
        let fraction = FractionId(fraction);
        if let Some(first) = seen.get(&(fraction.0.clone(), route)) {
            errors.push(CsvError::new(
                row.line,
                Some(cols.name(0)),
                format!("{fraction} × {route}"),
                CsvErrorKind::Duplicate { first_line: *first },
            ));
            continue;
        }
        seen.insert((fraction.0.clone(), route), row.line);
        let displacement = match cols.text(row, 6) {
            "" => None,
            _ => share_in(&cols, row, 6, false, &mut errors),
        };
        if let Ok(Some([l, c, h])) = triple(&cols, row, [2, 3, 4], &mut errors) {
            let value = Estimate::new(
                KgCo2ePerTonne::new(l),
                KgCo2ePerTonne::new(c),
                KgCo2ePerTonne::new(h),
            );
            if let Some(value) = model(&cols, row, 3, value, &mut errors) {
                let f = EmissionFactor {
                    id: emission_factor_id(&fraction, route),
                    fraction: fraction.clone(),
                    route,
                    value,
                    gwp: cols.text(row, 5).to_string(),
                    displacement,
                    source: SourceId(cols.text(row, 7).to_string()),
                    locator: cols.text(row, 8).to_string(),
                    note: cols.text(row, 9).to_string(),
                };
                if f.source.0.is_empty() {
                    errors.push(cols.error(row, 7, CsvErrorKind::EmptyField));
                }
                let r = out.insert_emission(f);
                model(&cols, row, 0, r, &mut errors);
            }
        }
        if let Ok(Some([l, c, h])) = triple(&cols, row, [10, 11, 12], &mut errors) {
            let value = Estimate::new(
                SekPerTonne::new(l),
                SekPerTonne::new(c),
                SekPerTonne::new(h),
            );
            // Not silent: `opt_year` records its error in `errors`.
            let year = cols.opt_year(row, 13, &mut errors).ok().flatten();
            if let Some(value) = model(&cols, row, 11, value, &mut errors) {
                let f = CostFactor {
                    id: cost_factor_id(&fraction, route),
                    fraction: fraction.clone(),
                    route,
                    value,
                    price_year: year,
                    source: SourceId(cols.text(row, 14).to_string()),
                    locator: cols.text(row, 15).to_string(),
                    note: cols.text(row, 16).to_string(),
                };
                if f.source.0.is_empty() {
                    errors.push(cols.error(row, 14, CsvErrorKind::EmptyField));
                }
                let r = out.insert_cost(f);
                model(&cols, row, 0, r, &mut errors);
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
];

/// Reads `sources.csv`.
pub fn read_sources(bytes: &[u8]) -> Result<Vec<Source>, Errors> {
    let table = Table::read(bytes)?;
    let cols = table.columns(SOURCE_COLUMNS)?;
    let mut errors = Vec::new();
    let mut out = Vec::new();
    let mut seen: BTreeMap<String, u64> = BTreeMap::new();
    for row in &table.rows {
        let Some(id) = cols.required_text(row, 0, &mut errors) else {
            continue;
        };
        if let Some(first) = seen.insert(id.clone(), row.line) {
            errors.push(cols.error(row, 0, CsvErrorKind::Duplicate { first_line: first }));
            continue;
        }
        let kind = match cols.text(row, 1) {
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
        let title = cols.required_text(row, 2, &mut errors);
        let publisher = cols.required_text(row, 3, &mut errors);
        // Not silent: `opt_year` records its error in `errors`.
        let year = cols.opt_year(row, 4, &mut errors).ok().flatten();
        if let (Some(kind), Some(title), Some(publisher)) = (kind, title, publisher) {
            out.push(Source {
                id: SourceId(id),
                kind,
                title,
                publisher,
                year,
                url: cols.text(row, 5).to_string(),
                locator: cols.text(row, 6).to_string(),
                licence: cols.text(row, 7).to_string(),
                accessed: cols.text(row, 8).to_string(),
                note: cols.text(row, 9).to_string(),
            });
        }
    }
    finish(out, errors)
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
        let id = cols.required_text(row, 0, &mut errors);
        let sv = cols.required_text(row, 1, &mut errors);
        let en = cols.required_text(row, 2, &mut errors);
        if let (Some(id), Some(name_sv), Some(name_en)) = (id, sv, en) {
            if out.iter().any(|f| f.id.0 == id) {
                errors.push(cols.error(row, 0, CsvErrorKind::Duplicate { first_line: 0 }));
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
        let code = cols.required_text(row, 0, &mut errors);
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
        let name = cols.required_text(row, 1, &mut errors);
        let pop = cols.text(row, 2);
        let population = match pop.replace([' ', '\u{a0}'], "").parse::<u32>() {
            Ok(p) => Some(p),
            Err(_) => {
                errors.push(cols.error(row, 2, CsvErrorKind::InvalidNumber));
                None
            }
        };
        let date = cols.required_text(row, 3, &mut errors);
        let source = cols.required_text(row, 4, &mut errors);
        if let (Some(code), Some(name), Some(population), Some(date), Some(source)) =
            (code, name, population, date, source)
        {
            if out.iter().any(|m| m.code.0 == code) {
                errors.push(cols.error(row, 0, CsvErrorKind::Duplicate { first_line: 0 }));
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

const MIX_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec::required(&["measure"]),
    ColumnSpec::required(&["mix"]),
    ColumnSpec::required(&["route"]),
    ColumnSpec::required(&["share"]),
    ColumnSpec::required(&["source"]),
    ColumnSpec::optional(&["note"]),
];

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
];

type MixRows = BTreeMap<(String, bool), (u64, Vec<(Route, Share)>, Vec<SourceId>)>;

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
        let measure = cols.required_text(row, 0, errors);
        let is_target = match cols.text(row, 1) {
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
        let route = route(&cols, row, 2, errors);
        let share = share_in(&cols, row, 3, false, errors);
        let source = cols.required_text(row, 4, errors);
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

/// Reads `measures.csv` with its route mixes from `measure_mixes.csv`.
pub fn read_measures(measures: &[u8], mixes: &[u8]) -> Result<Vec<Measure>, Errors> {
    let mut errors = Vec::new();
    let mut mix_rows = read_mixes(mixes, &mut errors);
    let table = Table::read(measures)?;
    let cols = table.columns(MEASURE_COLUMNS)?;
    let mut out: Vec<Measure> = Vec::new();
    for row in &table.rows {
        let before = errors.len();
        let id = cols.required_text(row, 0, &mut errors);
        let area = cols.required_text(row, 1, &mut errors);
        let name_sv = cols.required_text(row, 2, &mut errors);
        let name_en = cols.required_text(row, 3, &mut errors);
        let fraction = cols.required_text(row, 6, &mut errors);
        let basis = match cols.text(row, 7) {
            "per_inhabitant" => {
                cols.decimal(row, 8, &mut errors)
                    .map(|kg| QuantityBasis::PerInhabitant {
                        kg: KgPerInhabitant::new(kg),
                    })
            }
            "per_portion" => {
                let g = cols.decimal(row, 9, &mut errors);
                let p = cols.decimal(row, 10, &mut errors);
                g.zip(p).map(|(g, p)| QuantityBasis::PerPortion {
                    grams: GramsPerPortion::new(g),
                    portions_per_inhabitant: p,
                })
            }
            "tonnes" => cols
                .decimal(row, 19, &mut errors)
                .map(|t| QuantityBasis::Tonnes {
                    tonnes: Tonnes::new(t),
                }),
            other => {
                errors.push(cols.error(
                    row,
                    7,
                    CsvErrorKind::UnknownId {
                        what: IdKind::Basis,
                        suggestions: suggest(other, ["per_inhabitant", "per_portion", "tonnes"]),
                    },
                ));
                None
            }
        };
        let effect = share_in(&cols, row, 11, true, &mut errors);
        let ramp = match cols.text(row, 12).parse::<u16>() {
            Ok(r) if r <= 30 => Some(r),
            _ => {
                errors.push(cols.error(
                    row,
                    12,
                    CsvErrorKind::OutOfRange {
                        min: "0".into(),
                        max: "30".into(),
                    },
                ));
                None
            }
        };
        let implementation = cols.decimal(row, 13, &mut errors);
        let running = cols.decimal(row, 14, &mut errors);
        if errors.len() > before {
            continue;
        }
        let (
            Some(id),
            Some(area),
            Some(name_sv),
            Some(name_en),
            Some(fraction),
            Some(basis),
            Some(effect),
            Some(ramp),
            Some(implementation),
            Some(running),
        ) = (
            id,
            area,
            name_sv,
            name_en,
            fraction,
            basis,
            effect,
            ramp,
            implementation,
            running,
        )
        else {
            continue;
        };
        if out.iter().any(|m| m.id.0 == id) {
            errors.push(cols.error(row, 0, CsvErrorKind::Duplicate { first_line: 0 }));
            continue;
        }
        let mut sources: Vec<SourceId> = Vec::new();
        for col in [15, 16, 17] {
            let s = cols.text(row, col);
            if !s.is_empty() && !sources.iter().any(|x| x.0 == s) {
                sources.push(SourceId(s.to_string()));
            }
        }
        let mut mix = |target: bool| -> Option<RouteMix> {
            match mix_rows.remove(&(id.clone(), target)) {
                Some((line, shares, srcs)) => {
                    for s in srcs {
                        if !sources.contains(&s) {
                            sources.push(s);
                        }
                    }
                    match RouteMix::new(shares) {
                        Ok(m) => Some(m),
                        Err(e) => {
                            errors.push(CsvError::new(
                                line,
                                Some("share".into()),
                                format!("{id} {}", if target { "target" } else { "baseline" }),
                                CsvErrorKind::Model(e),
                            ));
                            None
                        }
                    }
                }
                None => {
                    errors.push(cols.error(
                        row,
                        0,
                        CsvErrorKind::Model(ModelError::MixSum { sum: Decimal::ZERO }),
                    ));
                    None
                }
            }
        };
        let baseline = mix(false);
        let target = mix(true);
        let (Some(baseline), Some(target)) = (baseline, target) else {
            continue;
        };
        out.push(Measure {
            id: MeasureId(id),
            area,
            name_sv,
            name_en,
            description_sv: cols.text(row, 4).to_string(),
            description_en: cols.text(row, 5).to_string(),
            fraction: FractionId(fraction),
            basis,
            baseline,
            target,
            default_effect: effect,
            ramp_years: ramp,
            implementation_cost: SekPerInhabitant::new(implementation),
            running_cost: SekPerInhabitant::new(running),
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

/// The year a factor set file names, if a `Year` can be read from text like `2025`.
#[must_use]
pub fn parse_year(text: &str) -> Option<Year> {
    // `None` is the answer "not a year"; callers report it.
    text.trim().parse::<u16>().ok().map(Year)
}
