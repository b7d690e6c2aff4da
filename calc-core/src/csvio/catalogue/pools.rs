//! Pools, their baseline mixes and municipalities' own baselines (`pools.csv`,
//! `pool_mixes.csv`, `pool_municipalities.csv`).

use super::{Errors, MixRow, basis, finish, route, share_in};
use crate::csvio::columns::csv_columns;
use crate::csvio::error::{CsvError, CsvErrorKind, IdKind, suggest};
use crate::csvio::table::Table;
use crate::model::{FractionId, ModelError, Pool, PoolId, Route, RouteMix, ScbCode, SourceId};
use crate::units::Share;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

csv_columns! {
    /// The columns of `pools.csv`.
    mod pc {
        ID: required("id"),
        FRACTION: required("fraction"),
        NAME_SV: required("name_sv"),
        NAME_EN: required("name_en"),
        BASIS: required("basis"),
        KG_PER_INHABITANT: optional("kg_per_inhabitant"),
        G_PER_PORTION: optional("g_per_portion"),
        PORTIONS: optional("portions_per_inhabitant"),
        TONNES: optional("tonnes_per_year"),
        SOURCE: optional("quantity_source"),
        NOTE: optional("note");
        /// The quantity's basis and the columns it reads.
        pub(super) const QUANTITY: [usize; 5] =
            [BASIS, KG_PER_INHABITANT, G_PER_PORTION, PORTIONS, TONNES];
    }
}

csv_columns! {
    /// The columns of `pool_mixes.csv`.
    mod pmx {
        POOL: required("pool"),
        ROUTE: required("route"),
        SHARE: required("share"),
        SOURCE: required("source"),
        NOTE: optional("note"),
    }
}

/// Reads `pools.csv` with the baseline route distributions from `pool_mixes.csv`.
pub fn read_pools(pools: &[u8], mixes: &[u8]) -> Result<Vec<Pool>, Errors> {
    let mut errors = Vec::new();
    let mut shares: BTreeMap<String, MixRow> = BTreeMap::new();
    match Table::read(mixes).and_then(|t| {
        let c = t.columns(pmx::SPECS)?;
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
    let cols = table.columns(pc::SPECS)?;
    let mut out: Vec<Pool> = Vec::new();
    for row in &table.rows {
        let before = errors.len();
        let id = cols.required_text(row, pc::ID, &mut errors);
        let fraction = cols.required_text(row, pc::FRACTION, &mut errors);
        let name_sv = cols.required_text(row, pc::NAME_SV, &mut errors);
        let name_en = cols.required_text(row, pc::NAME_EN, &mut errors);
        let b = basis(&cols, row, pc::QUANTITY, false, &mut errors);
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

csv_columns! {
    /// The columns of `pool_municipalities.csv`.
    mod lbc {
        MUNICIPALITY: required("municipality", "kommun"),
        POOL: required("pool"),
        ROUTE: required("route"),
        SHARE: required("share"),
        SOURCE: required("source"),
        NOTE: optional("note"),
    }
}

/// Reads `pool_municipalities.csv`: a municipality's own route distribution for a pool
/// (SCB code, pool, route, share, source), and attaches each to its pool.
pub fn read_local_baselines(bytes: &[u8], pools: &mut [Pool]) -> Result<(), Errors> {
    let table = Table::read(bytes)?;
    let cols = table.columns(lbc::SPECS)?;
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
                lbc::POOL,
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
