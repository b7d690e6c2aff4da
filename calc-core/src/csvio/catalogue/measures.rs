//! Measures and their route mixes (`measures.csv`, `measure_mixes.csv`).

use super::{Errors, MixRow, basis, finish, model, parse_route, route, share_in};
use crate::csvio::columns::{Columns, Recorded, csv_columns};
use crate::csvio::error::{CsvError, CsvErrorKind, IdKind, suggest};
use crate::csvio::table::{Row, Table};
use crate::model::{
    Effects, Estimate, FractionId, Measure, MeasureId, MeasureKind, ModelError, Payer, Pool, Route,
    RouteMix, SourceId,
};
use crate::units::{SekPerInhabitant, Share, Year};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::sync::Arc;

csv_columns! {
    /// The columns of `measure_mixes.csv`.
    mod mx {
        MEASURE: required("measure"),
        MIX: required("mix"),
        ROUTE: required("route"),
        SHARE: required("share"),
        SOURCE: required("source"),
        NOTE: optional("note"),
    }
}

csv_columns! {
    /// The columns of `measures.csv`.
    mod mc {
        ID: required("id"),
        AREA: required("area"),
        NAME_SV: required("name_sv"),
        NAME_EN: required("name_en"),
        DESC_SV: optional("description_sv"),
        DESC_EN: optional("description_en"),
        FRACTION: required("fraction"),
        BASIS: required("basis"),
        KG_PER_INHABITANT: optional("kg_per_inhabitant"),
        G_PER_PORTION: optional("g_per_portion"),
        PORTIONS: optional("portions_per_inhabitant"),
        EFFECT: required("default_effect_pct"),
        RAMP: required("ramp_years"),
        IMPLEMENTATION_COST: required("implementation_cost_sek_per_inhabitant"),
        RUNNING_COST: required("running_cost_sek_per_inhabitant"),
        QUANTITY_SOURCE: optional("quantity_source"),
        EFFECT_SOURCE: optional("effect_source"),
        COST_SOURCE: optional("cost_source"),
        NOTE: optional("note"),
        TONNES: optional("tonnes_per_year"),
        POOL: optional("pool"),
        ACTS_ON: optional("acts_on"),
        IMPLEMENTATION_LOW: optional("implementation_cost_low_sek_per_inhabitant"),
        IMPLEMENTATION_HIGH: optional("implementation_cost_high_sek_per_inhabitant"),
        RUNNING_LOW: optional("running_cost_low_sek_per_inhabitant"),
        RUNNING_HIGH: optional("running_cost_high_sek_per_inhabitant"),
        COST_PAYER: optional("cost_payer"),
        SAVINGS_PAYER: optional("savings_payer"),
        STAGE: optional("stage"),
        EFFECT_LOW: optional("effect_low_pct"),
        EFFECT_HIGH: optional("effect_high_pct"),
        GOAL_EFFECT: optional("goal_effect_pct"),
        GOAL_SOURCE: optional("goal_source"),
        KIND: optional("kind"),
        START_YEAR: optional("start_year");
        /// The quantity's basis and the columns it reads.
        pub(super) const QUANTITY: [usize; 5] =
            [BASIS, KG_PER_INHABITANT, G_PER_PORTION, PORTIONS, TONNES];
        /// The implementation cost's low, central and high value.
        pub(super) const IMPLEMENTATION: [usize; 3] =
            [IMPLEMENTATION_LOW, IMPLEMENTATION_COST, IMPLEMENTATION_HIGH];
        /// The running cost's low, central and high value.
        pub(super) const RUNNING: [usize; 3] = [RUNNING_LOW, RUNNING_COST, RUNNING_HIGH];
        /// The sources a measure cites, in the order they are listed.
        pub(super) const SOURCES: [usize; 3] = [QUANTITY_SOURCE, EFFECT_SOURCE, COST_SOURCE];
    }
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
    let cols = match table.columns(mx::SPECS) {
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
                    mx::MIX,
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
        let r = parse_route(cols, row, col, part, errors)?;
        if !out.contains(&r) {
            out.push(r);
        }
    }
    crate::sort::sort(&mut out);
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

/// An optional share in percent (empty: `None`).
fn opt_share(cols: &Columns, row: &Row, col: usize, errors: &mut Errors) -> Option<Option<Share>> {
    if cols.text(row, col).trim().is_empty() {
        Some(None)
    } else {
        share_in(cols, row, col, true, errors).map(Some)
    }
}

/// The expected effect (low, central, high; low and high default to the central value),
/// the goal's effect and their sources.
fn effects(cols: &Columns, row: &Row, errors: &mut Errors) -> Option<Effects> {
    let central = share_in(cols, row, mc::EFFECT, true, errors);
    let low = opt_share(cols, row, mc::EFFECT_LOW, errors);
    let high = opt_share(cols, row, mc::EFFECT_HIGH, errors);
    let goal = opt_share(cols, row, mc::GOAL_EFFECT, errors);
    let (c, l, h, goal) = (central?, low?, high?, goal?);
    let expected = model(
        cols,
        row,
        mc::EFFECT,
        Estimate::new(l.unwrap_or(c), c, h.unwrap_or(c)),
        errors,
    )?;
    let source = |col: usize| {
        Some(cols.text(row, col).trim())
            .filter(|t| !t.is_empty())
            .map(|t| SourceId(t.to_string()))
    };
    Some(Effects {
        expected,
        goal,
        evidence_source: source(mc::EFFECT_SOURCE),
        goal_source: source(mc::GOAL_SOURCE),
    })
}

/// `plan` (or empty) or `legal_duty` with its `start_year`.
fn kind(cols: &Columns, row: &Row, errors: &mut Errors) -> Option<MeasureKind> {
    match cols.text(row, mc::KIND).trim() {
        "" | "plan" => Some(MeasureKind::Plan),
        "legal_duty" => {
            let t = cols.text(row, mc::START_YEAR).trim();
            match t.parse::<u16>() {
                Ok(y) if (1900..=2200).contains(&y) => {
                    Some(MeasureKind::LegalDuty { from: Year(y) })
                }
                _ => {
                    errors.push(cols.error(
                        row,
                        mc::START_YEAR,
                        CsvErrorKind::OutOfRange {
                            min: "1900".into(),
                            max: "2200".into(),
                        },
                    ));
                    None
                }
            }
        }
        other => {
            errors.push(cols.error(
                row,
                mc::KIND,
                CsvErrorKind::UnknownId {
                    what: IdKind::Kind,
                    suggestions: suggest(other, ["plan", "legal_duty"]),
                },
            ));
            None
        }
    }
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
    let cols = table.columns(mc::SPECS)?;
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
            mc::QUANTITY,
            pool.is_some() || !pool_id.is_empty(),
            &mut errors,
        );
        let acts_on = routes(&cols, row, mc::ACTS_ON, &mut errors);
        let effect = effects(&cols, row, &mut errors);
        let kind = kind(&cols, row, &mut errors);
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
            Some(kind),
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
            kind,
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
            effects: effect,
            kind,
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
