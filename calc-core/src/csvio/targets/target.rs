//! The targets file: the plan's goals, each with its indicator, base, target value and
//! year.

use super::{Errors, finish, header, indicator, municipality, municipality_name, pool_id, year};
use crate::csvio::columns::ColumnSpec;
use crate::csvio::dialect::{Dialect, finish_writer};
use crate::csvio::error::{CsvErrorKind, IdKind, Lang, suggest};
use crate::csvio::number::format_decimal;
use crate::csvio::safe::guard_cell;
use crate::csvio::table::Table;
use crate::model::{Municipality, Pool, PoolId, ScbCode};
use crate::targets::{BaseValue, Target, TargetValue};
use rust_decimal::Decimal;
use std::sync::Arc;

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
pub(crate) const TARGET_COLUMNS: &[ColumnSpec] = &[
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
