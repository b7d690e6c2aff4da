//! The targets file: the plan's goals, each with its indicator, base, target value and
//! year.

use super::{Errors, finish, header, municipality, municipality_name, one_of, refusal, year};
use crate::csvio::columns::{Columns, csv_columns};
use crate::csvio::dialect::{Dialect, finish_writer};
use crate::csvio::error::{CsvError, CsvErrorKind, IdKind, Lang, suggest};
use crate::csvio::number::format_decimal;
use crate::csvio::safe::guard_cell;
use crate::csvio::table::{Row, Table};
use crate::input::{Field, TargetInput};
use crate::model::{ModelError, Municipality, Pool, PoolId, ScbCode};
use crate::targets::{BaseValue, Target, TargetValue};
use rust_decimal::Decimal;
use std::sync::Arc;

csv_columns! {
    /// The columns of a targets file.
    mod tc {
        ID: required("id", "id", "target", "mal"),
        AREA: optional("area", "målområde", "goal_area"),
        TEXT_SV: optional("text_sv", "text_sv", "text"),
        TEXT_EN: optional("text_en", "text_en"),
        INDICATOR: required("indicator", "indikator"),
        POOLS: optional("pools", "pooler", "pool"),
        MUNICIPALITY: optional("municipality", "kommun"),
        BASE_YEAR: required("base_year", "basår"),
        BASE_VALUE: optional("base_value", "basvärde"),
        BASE_SOURCE: optional("base_source", "baskälla"),
        VALUE: optional("target_value", "målvärde"),
        CHANGE: optional("target_change_pct", "förändring_procent", "change_pct"),
        TARGET_YEAR: required("target_year", "målår"),
        SOURCE: required("source", "källa"),
        NOTE: optional("note", "anteckning", "kommentar"),
    }
}

/// Reads a targets file. The first row of an id, without a municipality, defines the
/// target (indicator, pools, base year and value, target value or change in percent,
/// target year, source); a later row of the same id with a municipality gives that
/// municipality's own base year and value (its other cells are not read). A defining row
/// is read into a [`TargetInput`] and checked by it; a refusal is placed at its field's
/// column.
pub fn read_targets(
    bytes: &[u8],
    pools: &[Arc<Pool>],
    municipalities: &[Arc<Municipality>],
) -> Result<Vec<Target>, Errors> {
    let table = Table::read(bytes)?;
    let cols = table.columns(tc::SPECS)?;
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
                let base = BaseValue {
                    year: y,
                    value: v,
                    source: base_source,
                };
                match t.clone().with_base(k.clone(), base) {
                    Ok(with) => {
                        *t = with;
                        lines.push((id, Some(k), row.line));
                    }
                    Err((field, e)) => errors.push(at_column(&cols, row, field, e)),
                }
            }
            continue;
        }
        let value = cols.opt_decimal(row, tc::VALUE, &mut errors);
        let change = cols.opt_decimal(row, tc::CHANGE, &mut errors);
        let target_year = year(&cols, row, tc::TARGET_YEAR, &mut errors);
        let source = cols.required_text(row, tc::SOURCE, &mut errors);
        let (Some(base_year), Ok(base_value), Ok(value), Ok(change), Some(ty), Some(source)) =
            (base_year, base_value, value, change, target_year, source)
        else {
            continue;
        };
        let typed = TargetInput {
            id: id.clone(),
            text: cols.text(row, tc::TEXT_SV).to_string(),
            indicator: cols.text(row, tc::INDICATOR).to_string(),
            pools: cols
                .text(row, tc::POOLS)
                .split('|')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect(),
            base_year: base_year.get(),
            base_value,
            target_value: value,
            change_pct: change,
            target_year: ty.get(),
            bases: Vec::new(),
            text_en: cols.text(row, tc::TEXT_EN).to_string(),
            area: cols.text(row, tc::AREA).to_string(),
            source,
            note: cols.text(row, tc::NOTE).to_string(),
            base_source,
        };
        if cols.text(row, tc::INDICATOR).is_empty() {
            errors.push(cols.error(row, tc::INDICATOR, CsvErrorKind::EmptyField));
        }
        if errors.len() != before {
            continue;
        }
        match typed.check(pools, municipalities) {
            Ok(mut t) => {
                // A file's English text is its own: empty stays empty.
                t.text_en = typed.text_en;
                lines.push((id, None, row.line));
                out.push(t);
            }
            Err(refused) => {
                for (field, e) in refused {
                    errors.push(at_column(&cols, row, field, e));
                }
            }
        }
    }
    finish(out, errors)
}

/// A refusal of [`TargetInput::check`] at its column; a target with both or neither of a
/// target value and a change names the two columns the file has.
fn at_column(cols: &Columns, row: &Row, field: Field, e: ModelError) -> CsvError {
    let col = match field {
        Field::Indicator => tc::INDICATOR,
        Field::Pools => tc::POOLS,
        Field::BaseYear => tc::BASE_YEAR,
        Field::TargetYear => tc::TARGET_YEAR,
        Field::Municipality => tc::MUNICIPALITY,
        Field::TargetValue if cols.has(tc::VALUE) => tc::VALUE,
        Field::TargetValue => tc::CHANGE,
        _ => tc::ID,
    };
    if e == ModelError::OneTargetValue {
        return one_of(cols, row, col, &[tc::VALUE, tc::CHANGE]);
    }
    refusal(cols, row, col, e)
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
    let head: Vec<String> = tc::HEADERS.iter().map(|h| header(lang, *h)).collect();
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
            let mut rec: Vec<String> = vec![String::new(); tc::HEADERS.len()];
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
