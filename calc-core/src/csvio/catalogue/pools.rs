//! Pools, their baseline mixes and municipalities' own baselines (`pools.csv`,
//! `pool_mixes.csv`, `pool_municipalities.csv`).

use super::{Errors, MixRow, basis, finish, route, share_in};
use crate::csvio::columns::ColumnSpec;
use crate::csvio::error::{CsvError, CsvErrorKind, IdKind, suggest};
use crate::csvio::table::Table;
use crate::model::{FractionId, ModelError, Pool, PoolId, Route, RouteMix, ScbCode, SourceId};
use crate::units::Share;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

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

/// Column positions in [`POOL_MIX_COLUMNS`].
mod pmx {
    pub(super) const POOL: usize = 0;
    pub(super) const ROUTE: usize = 1;
    pub(super) const SHARE: usize = 2;
    pub(super) const SOURCE: usize = 3;
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
                        quantity: None,
                        source: SourceId(src),
                        own_year: None,
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
