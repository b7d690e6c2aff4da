//! The planner's follow-up files: own figures (the baseline file), targets and actuals.
//! Same dialects as scenario files (`;` with decimal comma or `,` with decimal point;
//! UTF-8 with or without BOM, or Windows-1252; CRLF or LF), English or Swedish headers,
//! every problem with line, column and the offending text. Municipalities by name or SCB
//! code. The formats are described column by column in `docs/targets.en.md`.

use super::error::{CsvError, CsvErrorKind, IdKind, Lang, suggest};
use super::safe::guard_cell;
use super::scenario::finish_writer;
use super::table::{ColumnSpec, Columns, Dialect, Row, Table, format_decimal, normalize_header};
use crate::model::{Municipality, Pool, PoolId, QuantityBasis, Route, RouteMix, ScbCode};
use crate::targets::{
    Actual, BaseValue, Indicator, OwnFigure, OwnFigures, OwnQuantity, Target, TargetValue,
};
use crate::units::{GramsPerPortion, KgPerInhabitant, Share, Tonnes, Year};
use rust_decimal::Decimal;
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

// ---------------------------------------------------------------------------------------
// Own figures (the baseline file)

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
pub const BASELINE_COLUMNS: &[ColumnSpec] = &[
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

// ---------------------------------------------------------------------------------------
// Targets

/// Headers of the targets file, English and Swedish, in [`TARGET_COLUMNS`] order.
const TARGET_HEADERS: [(&str, &str); 15] = [
    ("id", "id"),
    ("area", "målområde"),
    ("text_sv", "text_sv"),
    ("text_en", "text_en"),
    ("indicator", "indikator"),
    ("pools", "pooler"),
    ("municipality", "kommun"),
    ("base_year", "basår"),
    ("base_value", "basvärde"),
    ("base_source", "baskälla"),
    ("target_value", "målvärde"),
    ("target_change_pct", "förändring_procent"),
    ("target_year", "målår"),
    ("source", "källa"),
    ("note", "anteckning"),
];

/// The columns of a targets file.
pub const TARGET_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec::required(&["id", "target", "mal"]),
    ColumnSpec::optional(&["area", "malomrade", "goal_area"]),
    ColumnSpec::optional(&["text_sv", "text"]),
    ColumnSpec::optional(&["text_en"]),
    ColumnSpec::required(&["indicator", "indikator"]),
    ColumnSpec::optional(&["pools", "pooler", "pool"]),
    ColumnSpec::optional(&["municipality", "kommun"]),
    ColumnSpec::required(&["base_year", "basar"]),
    ColumnSpec::optional(&["base_value", "basvarde"]),
    ColumnSpec::optional(&["base_source", "baskalla"]),
    ColumnSpec::optional(&["target_value", "malvarde"]),
    ColumnSpec::optional(&["target_change_pct", "forandring_procent", "change_pct"]),
    ColumnSpec::required(&["target_year", "malar"]),
    ColumnSpec::required(&["source", "kalla"]),
    ColumnSpec::optional(&["note", "anteckning", "kommentar"]),
];

mod tc {
    pub(super) const ID: usize = 0;
    pub(super) const AREA: usize = 1;
    pub(super) const TEXT_SV: usize = 2;
    pub(super) const TEXT_EN: usize = 3;
    pub(super) const INDICATOR: usize = 4;
    pub(super) const POOLS: usize = 5;
    pub(super) const MUNICIPALITY: usize = 6;
    pub(super) const BASE_YEAR: usize = 7;
    pub(super) const BASE_VALUE: usize = 8;
    pub(super) const BASE_SOURCE: usize = 9;
    pub(super) const VALUE: usize = 10;
    pub(super) const CHANGE: usize = 11;
    pub(super) const TARGET_YEAR: usize = 12;
    pub(super) const SOURCE: usize = 13;
    pub(super) const NOTE: usize = 14;
}

/// Reads a targets file. The first row of an id, without a municipality, defines the
/// target (indicator, pools, base year and value, target value or change in percent,
/// target year, source); a later row of the same id with a municipality gives that
/// municipality's own base year and value (its other cells are not read).
pub fn read_targets(
    bytes: &[u8],
    pools: &[Arc<Pool>],
    municipalities: &[Arc<Municipality>],
) -> Result<Vec<Target>, Errors> {
    let table = Table::read(bytes)?;
    let cols = table.columns(TARGET_COLUMNS)?;
    let mut errors = Vec::new();
    let mut out: Vec<Target> = Vec::new();
    let mut lines: Vec<(String, Option<ScbCode>, u64)> = Vec::new();
    for row in &table.rows {
        let before = errors.len();
        let Some(id) = cols.required_text(row, tc::ID, &mut errors) else {
            continue;
        };
        let k = if cols.text(row, tc::MUNICIPALITY).is_empty() {
            None
        } else {
            match municipality(&cols, row, tc::MUNICIPALITY, municipalities, &mut errors) {
                Some(k) => Some(k),
                None => continue,
            }
        };
        let base_year = year(&cols, row, tc::BASE_YEAR, &mut errors);
        let base_value = cols.opt_decimal(row, tc::BASE_VALUE, &mut errors);
        let base_source = cols.text(row, tc::BASE_SOURCE).to_string();
        if let Some((_, _, first)) = lines.iter().find(|(i, m, _)| *i == id && *m == k) {
            errors.push(cols.error(
                row,
                if k.is_some() {
                    tc::MUNICIPALITY
                } else {
                    tc::ID
                },
                CsvErrorKind::Duplicate { first_line: *first },
            ));
            continue;
        }
        if let Some(k) = k {
            // A municipality's base for a target defined above.
            let Some(t) = out.iter_mut().find(|t| t.id == id) else {
                errors.push(cols.error(
                    row,
                    tc::ID,
                    CsvErrorKind::UnknownId {
                        what: IdKind::Target,
                        suggestions: suggest(&id, lines.iter().map(|(i, _, _)| i.as_str())),
                    },
                ));
                continue;
            };
            if let (Some(y), Ok(v), true) = (base_year, base_value, errors.len() == before) {
                lines.push((id, Some(k.clone()), row.line));
                t.bases.push((
                    k,
                    BaseValue {
                        year: y,
                        value: v,
                        source: base_source,
                    },
                ));
            }
            continue;
        }
        let ind = indicator(&cols, row, tc::INDICATOR, &mut errors);
        let mut pool_ids = Vec::new();
        for p in cols
            .text(row, tc::POOLS)
            .split('|')
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            if let Some(pool) = pool_id(&cols, row, tc::POOLS, p, pools, &mut errors) {
                pool_ids.push(PoolId::clone(&pool.id));
            }
        }
        let value = cols.opt_decimal(row, tc::VALUE, &mut errors);
        let change = cols.opt_decimal(row, tc::CHANGE, &mut errors);
        let target = match (value, change) {
            (Ok(Some(v)), Ok(None)) => Some(TargetValue::Absolute(v)),
            (Ok(None), Ok(Some(c))) => Some(TargetValue::ChangePercent(c)),
            (Ok(_), Ok(_)) => {
                let names = [tc::VALUE, tc::CHANGE]
                    .iter()
                    .filter(|c| cols.has(**c))
                    .map(|c| format!("'{}'", cols.name(*c)))
                    .collect::<Vec<_>>()
                    .join(", ");
                let col = if cols.has(tc::VALUE) {
                    tc::VALUE
                } else {
                    tc::CHANGE
                };
                errors.push(cols.error(row, col, CsvErrorKind::OneOf { columns: names }));
                None
            }
            _ => None,
        };
        let target_year = year(&cols, row, tc::TARGET_YEAR, &mut errors);
        if let (Some(b), Some(t)) = (base_year, target_year)
            && t < b
        {
            errors.push(cols.error(
                row,
                tc::TARGET_YEAR,
                CsvErrorKind::Model(crate::model::ModelError::YearOrder {
                    earlier: b,
                    later: t,
                }),
            ));
        }
        let source = cols.required_text(row, tc::SOURCE, &mut errors);
        if errors.len() != before {
            continue;
        }
        let (Some(ind), Some(target), Some(base_year), Ok(base_value), Some(ty), Some(source)) =
            (ind, target, base_year, base_value, target_year, source)
        else {
            continue;
        };
        lines.push((id.clone(), None, row.line));
        out.push(Target {
            id,
            area: cols.text(row, tc::AREA).to_string(),
            text_sv: cols.text(row, tc::TEXT_SV).to_string(),
            text_en: cols.text(row, tc::TEXT_EN).to_string(),
            indicator: ind,
            pools: pool_ids,
            base: BaseValue {
                year: base_year,
                value: base_value,
                source: base_source,
            },
            bases: Vec::new(),
            target,
            target_year: ty,
            source,
            note: cols.text(row, tc::NOTE).to_string(),
        });
    }
    finish(out, errors)
}

/// Writes targets as a targets file (one row per target, then one per municipality with
/// its own base); reading it back gives the same targets.
#[must_use]
pub fn write_targets(
    targets: &[Target],
    municipalities: &[Arc<Municipality>],
    dialect: Dialect,
    lang: Lang,
) -> String {
    let mut w = csv::WriterBuilder::new()
        .delimiter(dialect.delimiter)
        .from_writer(Vec::new());
    let head: Vec<String> = TARGET_HEADERS.iter().map(|h| header(lang, *h)).collect();
    let mut ok = w.write_record(&head).is_ok();
    let num = |d: Decimal| format_decimal(d.normalize(), dialect.decimal_comma);
    let opt = |d: Option<Decimal>| d.map(num).unwrap_or_default();
    for t in targets {
        let (value, change) = match t.target {
            TargetValue::Absolute(v) => (num(v), String::new()),
            TargetValue::ChangePercent(c) => (String::new(), num(c)),
        };
        let pools: Vec<&str> = t.pools.iter().map(PoolId::as_str).collect();
        let rec = [
            guard_cell(&t.id).into_owned(),
            guard_cell(&t.area).into_owned(),
            guard_cell(&t.text_sv).into_owned(),
            guard_cell(&t.text_en).into_owned(),
            t.indicator.id().to_string(),
            guard_cell(&pools.join("|")).into_owned(),
            String::new(),
            t.base.year.to_string(),
            opt(t.base.value),
            guard_cell(&t.base.source).into_owned(),
            value,
            change,
            t.target_year.to_string(),
            guard_cell(&t.source).into_owned(),
            guard_cell(&t.note).into_owned(),
        ];
        ok &= w.write_record(&rec).is_ok();
        for (k, b) in &t.bases {
            let mut rec: Vec<String> = vec![String::new(); TARGET_HEADERS.len()];
            for (i, v) in [
                (tc::ID, guard_cell(&t.id).into_owned()),
                (tc::INDICATOR, t.indicator.id().to_string()),
                (
                    tc::MUNICIPALITY,
                    guard_cell(&municipality_name(municipalities, k)).into_owned(),
                ),
                (tc::BASE_YEAR, b.year.to_string()),
                (tc::BASE_VALUE, opt(b.value)),
                (tc::BASE_SOURCE, guard_cell(&b.source).into_owned()),
                (tc::TARGET_YEAR, t.target_year.to_string()),
                (tc::SOURCE, guard_cell(&t.source).into_owned()),
            ] {
                if let Some(slot) = rec.get_mut(i) {
                    *slot = v;
                }
            }
            ok &= w.write_record(&rec).is_ok();
        }
    }
    finish_writer(w, ok, dialect)
}

// ---------------------------------------------------------------------------------------
// Actuals

/// Headers of the actuals file, English and Swedish, in [`ACTUAL_COLUMNS`] order.
const ACTUAL_HEADERS: [(&str, &str); 6] = [
    ("municipality", "kommun"),
    ("indicator", "indikator"),
    ("year", "år"),
    ("value", "värde"),
    ("source", "källa"),
    ("note", "anteckning"),
];

/// The columns of an actuals file.
pub const ACTUAL_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec::required(&["municipality", "kommun"]),
    ColumnSpec::required(&["indicator", "indikator"]),
    ColumnSpec::required(&["year", "ar"]),
    ColumnSpec::required(&["value", "varde"]),
    ColumnSpec::optional(&["source", "kalla"]),
    ColumnSpec::optional(&["note", "anteckning", "kommentar"]),
];

mod ac {
    pub(super) const MUNICIPALITY: usize = 0;
    pub(super) const INDICATOR: usize = 1;
    pub(super) const YEAR: usize = 2;
    pub(super) const VALUE: usize = 3;
    pub(super) const SOURCE: usize = 4;
}

/// Reads an actuals file: observed values per municipality, indicator and year.
pub fn read_actuals(
    bytes: &[u8],
    municipalities: &[Arc<Municipality>],
) -> Result<Vec<Actual>, Errors> {
    let table = Table::read(bytes)?;
    let cols = table.columns(ACTUAL_COLUMNS)?;
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
        if let Some(i) = out
            .iter()
            .position(|a| a.municipality == k && a.indicator == ind && a.year == y)
        {
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
        out.push(Actual {
            indicator: ind,
            municipality: k,
            year: y,
            value: v,
            source: cols.text(row, ac::SOURCE).to_string(),
        });
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
    let head: Vec<String> = ACTUAL_HEADERS.iter().map(|h| header(lang, *h)).collect();
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
