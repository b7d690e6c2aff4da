//! What a measure needs from the factor table: emission and cost factors per route, with
//! scenario overrides, and sorting yields.

use super::results::CalcError;
use crate::model::{
    Estimate, FactorId, FactorTable, Measure, Payer, Route, SourceId, cost_factor_id,
    emission_factor_id, yield_id,
};
use crate::scenario::Scenario;
use crate::units::{KgCo2ePerTonne, SekPerTonne, Share};
use rust_decimal::Decimal;
use std::sync::Arc;

/// Number of routes.
pub(crate) const NR: usize = 7;
/// One decimal per route, indexed by [`Route::index`].
pub(crate) type PerRoute = [Decimal; NR];

/// The emission and cost factor of one fraction × route, with scenario overrides applied.
#[derive(Clone, Debug)]
pub(crate) struct RouteFactors {
    pub(crate) ef_id: FactorId,
    pub(crate) ef: Estimate<KgCo2ePerTonne>,
    pub(crate) cf_id: FactorId,
    pub(crate) cf: Estimate<SekPerTonne>,
    pub(crate) sources: Vec<SourceId>,
}

/// A sorting yield applied to one target route of a measure.
#[derive(Clone, Debug)]
pub(crate) struct YieldSpec {
    pub(crate) id: FactorId,
    pub(crate) route: Route,
    pub(crate) reject: Route,
    pub(crate) value: Estimate<Share>,
}

/// What a measure needs from the factor table, resolved once per evaluation.
#[derive(Clone, Debug)]
pub(crate) struct MeasureSpec {
    /// Factors of every route the measure can move tonnes out of or into.
    pub(crate) factors: [Option<RouteFactors>; NR],
    /// Target shares (before yields).
    pub(crate) target: Vec<(Route, Decimal)>,
    /// Yields of target routes that have one.
    pub(crate) yields: Vec<YieldSpec>,
    /// Who saves each route's cost factor.
    pub(crate) payers: [Payer; NR],
    /// Who pays the measure's own costs.
    pub(crate) cost_payer: Payer,
    pub(crate) factor_ids: Vec<FactorId>,
    pub(crate) sources: Vec<SourceId>,
}

pub(crate) struct FactorLookup<'a> {
    pub(crate) table: &'a FactorTable,
    pub(crate) scenario: &'a Scenario,
}

impl FactorLookup<'_> {
    fn route_factors(&self, measure: &Measure, route: Route) -> Result<RouteFactors, CalcError> {
        let fraction = &measure.fraction;
        let over = self
            .scenario
            .factor_overrides
            .iter()
            .find(|o| &o.fraction == fraction && o.route == route);
        let mut sources = Vec::new();
        let (ef, ef_id) = match (
            over.and_then(|o| o.emission),
            self.table.emission(fraction, route),
        ) {
            (Some(e), _) => (
                e,
                FactorId(format!("override.{}", emission_factor_id(fraction, route))),
            ),
            (None, Some(f)) => {
                sources.push(f.source.clone());
                (f.value, f.id.clone())
            }
            (None, None) => {
                return Err(CalcError::MissingEmissionFactor {
                    measure: measure.id.clone(),
                    fraction: fraction.clone(),
                    route,
                    set: self.table.info().id.clone(),
                });
            }
        };
        let (cf, cf_id) = match (over.and_then(|o| o.cost), self.table.cost(fraction, route)) {
            (Some(c), _) => (
                c,
                FactorId(format!("override.{}", cost_factor_id(fraction, route))),
            ),
            (None, Some(f)) => {
                if !sources.contains(&f.source) {
                    sources.push(f.source.clone());
                }
                (f.value, f.id.clone())
            }
            (None, None) => {
                return Err(CalcError::MissingCostFactor {
                    measure: measure.id.clone(),
                    fraction: fraction.clone(),
                    route,
                    set: self.table.info().id.clone(),
                });
            }
        };
        Ok(RouteFactors {
            ef_id,
            ef,
            cf_id,
            cf,
            sources,
        })
    }

    fn yield_spec(&self, measure: &Measure, route: Route) -> Option<(YieldSpec, Option<SourceId>)> {
        let fraction = &measure.fraction;
        let table_yield = self.table.yield_for(fraction, route);
        let over = self
            .scenario
            .factor_overrides
            .iter()
            .find(|o| &o.fraction == fraction && o.route == route)
            .and_then(|o| o.yield_share);
        match (over, table_yield) {
            (Some(v), t) => Some((
                YieldSpec {
                    id: FactorId(format!("override.{}", yield_id(fraction, route))),
                    route,
                    reject: t.map_or(Route::Incineration, |y| y.reject),
                    value: v,
                },
                None,
            )),
            (None, Some(y)) => Some((
                YieldSpec {
                    id: y.id.clone(),
                    route,
                    reject: y.reject,
                    value: y.value,
                },
                Some(y.source.clone()),
            )),
            (None, None) => None,
        }
    }

    /// Resolves the factors, yields and payers a measure uses.
    pub(crate) fn spec(&self, measure: &Measure) -> Result<MeasureSpec, CalcError> {
        let mut used = [false; NR];
        for r in &measure.acts_on {
            if measure.pool.has_tonnes_in(*r)
                && let Some(u) = used.get_mut(r.index())
            {
                *u = true;
            }
        }
        let mut target = Vec::new();
        let mut yields = Vec::new();
        let mut factor_ids = Vec::new();
        let mut sources: Vec<SourceId> = Vec::new();
        for (route, share) in measure.target.shares() {
            if share.value().is_zero() {
                continue;
            }
            target.push((*route, share.value()));
            if let Some(u) = used.get_mut(route.index()) {
                *u = true;
            }
            if let Some((y, source)) = self.yield_spec(measure, *route) {
                if let Some(u) = used.get_mut(y.reject.index()) {
                    *u = true;
                }
                factor_ids.push(y.id.clone());
                if let Some(s) = source
                    && !sources.contains(&s)
                {
                    sources.push(s);
                }
                yields.push(y);
            }
        }
        let mut factors: [Option<RouteFactors>; NR] = Default::default();
        let mut payers = [Payer::WasteFee; NR];
        for route in Route::ALL {
            let i = route.index();
            if let Some(p) = payers.get_mut(i) {
                *p = measure.route_payer(route);
            }
            if !used.get(i).copied().unwrap_or(false) {
                continue;
            }
            let f = self.route_factors(measure, route)?;
            factor_ids.push(f.ef_id.clone());
            factor_ids.push(f.cf_id.clone());
            for s in &f.sources {
                if !sources.contains(s) {
                    sources.push(s.clone());
                }
            }
            if let Some(slot) = factors.get_mut(i) {
                *slot = Some(f);
            }
        }
        Ok(MeasureSpec {
            factors,
            target,
            yields,
            payers,
            cost_payer: measure.cost_payer,
            factor_ids,
            sources,
        })
    }
}

/// The resolved specs of every distinct measure in a scenario (shared by its municipalities),
/// after the checks a scenario built in code has not been through: no plan item starts
/// after the plan period, and each measure names its pool's fraction.
pub(crate) fn measure_specs(
    table: &FactorTable,
    scenario: &Scenario,
) -> Result<Vec<Arc<MeasureSpec>>, CalcError> {
    let end = scenario.period.end();
    if let Some(item) = scenario.items.iter().find(|i| i.start_year() > end) {
        return Err(CalcError::StartAfterPeriod {
            measure: item.measure().id.clone(),
            municipality: item.municipality().name.clone(),
            start: item.start_year(),
            end,
        });
    }
    let lookup = FactorLookup { table, scenario };
    let mut cache: Vec<(*const Measure, Arc<MeasureSpec>)> = Vec::new();
    let mut out = Vec::with_capacity(scenario.items.len() + scenario.reference.len());
    for item in scenario.all_items() {
        let key: *const Measure = item.measure();
        let spec = match cache.iter().find(|(k, _)| *k == key) {
            Some((_, s)) => Arc::clone(s),
            None => {
                let m = item.measure();
                if m.fraction != m.pool.fraction {
                    return Err(CalcError::PoolFraction {
                        measure: m.id.clone(),
                        fraction: m.fraction.clone(),
                        pool: m.pool.id.clone(),
                        pool_fraction: m.pool.fraction.clone(),
                    });
                }
                let s = Arc::new(lookup.spec(m)?);
                cache.push((key, Arc::clone(&s)));
                s
            }
        };
        out.push(spec);
    }
    Ok(out)
}
