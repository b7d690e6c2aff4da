//! The calculation: [`evaluate`] a [`Scenario`] against a [`FactorTable`].
//!
//! Per municipality and pool (one fraction from one kind of source) there is one stock of
//! tonnes per year, spread over routes as the pool's baseline says. The measures on a pool
//! act in waste-hierarchy order (prevention, then reuse, then sorting; ties by measure id),
//! each on what is still in the routes it acts on (see `docs/method.en.md`):
//!
//! ```text
//! R_r             = pool_t × baseline_r                 (before any measure)
//! share(m, y)     = effect(m) × reach(m) × ramp(m, y)   reach = min(1, quantity_m / Σ_{r∈acts_on} R_r)
//! out_r(m)        = share(m, y) × R_r,  R_r −= out_r     for r in acts_on(m), in order
//! moved(m)        = Σ_r out_r(m)
//! in_t(m)         = moved(m) × target_t × yield_t,  in_reject(t) += moved(m) × target_t × (1 − yield_t)
//! co2e_saved_kg   = Σ_r (out_r − in_r) × EF[f,r]
//! sek_saved[p]    = Σ_{r: payer(m,r) = p} (out_r − in_r) × CF[f,r] − measure costs paid by p
//! ```
//!
//! A moved tonne leaves the pool's stock, so no later measure moves it again, and the
//! measures' results add up to the pool's total. `ramp(y)` is 0 before the start year,
//! `(y − start + 1) / (full − start + 1)` up to the full-effect year and 1 from then on.
//! Results are linear in the emission and cost factors for given quantities, effects and
//! yields.

use crate::model::{
    ByPayer, Estimate, FactorId, FactorSetInfo, FactorTable, FractionId, Measure, MeasureId, Payer,
    Perspective, PoolId, Route, ScbCode, SourceId, cost_factor_id, emission_factor_id, yield_id,
};
use crate::scenario::{PlanPeriod, Scenario, ScenarioItem};
use crate::units::{
    KgCo2e, KgCo2ePerTonne, Sek, SekPerTonne, SekPerTonneCo2e, Share, Tonnes, Year,
};
use rust_decimal::Decimal;
use serde::Serialize;

/// A result at low, central and high factor values.
///
/// `low ≤ central ≤ high` holds by construction: bounds come from interval arithmetic that
/// takes, for every factor, the end that makes the result smallest (or largest), respecting
/// the sign of the factor's weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize)]
pub struct Band<T> {
    /// Result at the factor values that make it smallest.
    pub low: T,
    /// Result at central factor values.
    pub central: T,
    /// Result at the factor values that make it largest.
    pub high: T,
}

impl<T: Copy> Band<T> {
    /// The same value at all three points.
    pub fn exact(v: T) -> Self {
        Self {
            low: v,
            central: v,
            high: v,
        }
    }

    fn try_zip<U, V>(
        self,
        other: Band<U>,
        mut f: impl FnMut(T, U) -> Option<V>,
    ) -> Option<Band<V>> {
        Some(Band {
            low: f(self.low, other.low)?,
            central: f(self.central, other.central)?,
            high: f(self.high, other.high)?,
        })
    }
}

macro_rules! band_add {
    ($t:ty) => {
        impl Band<$t> {
            /// Adds two bands point by point, or `None` on overflow.
            #[must_use]
            pub fn checked_add(self, other: Self) -> Option<Self> {
                self.try_zip(other, <$t>::checked_add)
            }
        }
    };
}
band_add!(KgCo2e);
band_add!(Sek);

band_add!(Tonnes);

impl Band<Sek> {
    /// The band minus a cost range: the low end pays the high cost and vice versa.
    #[must_use]
    pub fn minus_cost(self, cost: Estimate<Sek>) -> Option<Self> {
        Some(Band {
            low: self.low.checked_sub(cost.high())?,
            central: self.central.checked_sub(cost.central())?,
            high: self.high.checked_sub(cost.low())?,
        })
    }
}

impl ByPayer<Band<Sek>> {
    /// Adds two per-payer bands payer by payer, or `None` on overflow.
    #[must_use]
    pub fn checked_add(&self, other: &Self) -> Option<Self> {
        self.try_zip(other, |a, b| a.checked_add(*b))
    }

    /// The sum over the payers a perspective counts.
    #[must_use]
    pub fn for_perspective(&self, perspective: Perspective) -> Option<Band<Sek>> {
        Payer::ALL
            .into_iter()
            .filter(|p| perspective.includes(*p))
            .try_fold(Band::exact(Sek::ZERO), |acc, p| {
                acc.checked_add(*self.get(p))
            })
    }
}

/// Figures for one measure in one municipality, one group, or the whole scenario.
///
/// SEK figures are split by [`Payer`]; the `net_sek_*` figures are society's (the sum of
/// the three payers, exactly, at low, central and high).
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize)]
pub struct Summary {
    /// Tonnes moved per year at full effect.
    pub tonnes_shifted_per_year: Tonnes,
    /// kg CO2e saved per year at full effect.
    pub co2e_saved_kg_per_year: Band<KgCo2e>,
    /// SEK saved per year at full effect by the change of routes (treatment, taxes and
    /// avoided purchases, all payers), before the measures' own costs.
    pub route_sek_saved_per_year: Band<Sek>,
    /// Net SEK saved per year at full effect, per payer, after the measure costs each pays.
    pub net_sek_saved_per_year_by_payer: ByPayer<Band<Sek>>,
    /// Net SEK saved per year at full effect, all payers (society), after running costs.
    /// One-time costs are not in it; they are in the cumulative and present values.
    pub net_sek_saved_per_year: Band<Sek>,
    /// Tonnes moved over the plan period.
    pub tonnes_shifted_cumulative: Tonnes,
    /// kg CO2e saved over the plan period.
    pub co2e_saved_kg_cumulative: Band<KgCo2e>,
    /// Net SEK saved over the plan period per payer, after all measure costs.
    pub net_sek_saved_cumulative_by_payer: ByPayer<Band<Sek>>,
    /// Net SEK saved over the plan period, all payers, after all measure costs.
    pub net_sek_saved_cumulative: Band<Sek>,
    /// Net present value of the yearly net SEK saved, per payer.
    pub net_present_value_sek_by_payer: ByPayer<Band<Sek>>,
    /// Net present value of the yearly net SEK saved, all payers, discounted to the plan's
    /// first year.
    pub net_present_value_sek: Band<Sek>,
    /// One-time costs (low, central, high).
    pub implementation_cost_sek: Band<Sek>,
    /// Running costs per year (low, central, high).
    pub running_cost_sek_per_year: Band<Sek>,
    /// The municipality's SEK per tonne CO2e over the plan period (central):
    /// `−net SEK saved by waste fee and budget / t CO2e saved`. Negative when a measure
    /// saves both money and CO2e; `None` when it saves no CO2e.
    pub cost_per_tonne_co2e: Option<SekPerTonneCo2e>,
}

impl Summary {
    fn checked_add(&self, o: &Summary) -> Option<Summary> {
        let mut s = Summary {
            tonnes_shifted_per_year: self
                .tonnes_shifted_per_year
                .checked_add(o.tonnes_shifted_per_year)?,
            co2e_saved_kg_per_year: self
                .co2e_saved_kg_per_year
                .checked_add(o.co2e_saved_kg_per_year)?,
            route_sek_saved_per_year: self
                .route_sek_saved_per_year
                .checked_add(o.route_sek_saved_per_year)?,
            net_sek_saved_per_year_by_payer: self
                .net_sek_saved_per_year_by_payer
                .checked_add(&o.net_sek_saved_per_year_by_payer)?,
            // Society's figures are the payers' sum, so they stay exactly that in totals.
            net_sek_saved_per_year: Band::default(),
            tonnes_shifted_cumulative: self
                .tonnes_shifted_cumulative
                .checked_add(o.tonnes_shifted_cumulative)?,
            co2e_saved_kg_cumulative: self
                .co2e_saved_kg_cumulative
                .checked_add(o.co2e_saved_kg_cumulative)?,
            net_sek_saved_cumulative_by_payer: self
                .net_sek_saved_cumulative_by_payer
                .checked_add(&o.net_sek_saved_cumulative_by_payer)?,
            net_sek_saved_cumulative: Band::default(),
            net_present_value_sek_by_payer: self
                .net_present_value_sek_by_payer
                .checked_add(&o.net_present_value_sek_by_payer)?,
            net_present_value_sek: Band::default(),
            implementation_cost_sek: self
                .implementation_cost_sek
                .checked_add(o.implementation_cost_sek)?,
            running_cost_sek_per_year: self
                .running_cost_sek_per_year
                .checked_add(o.running_cost_sek_per_year)?,
            cost_per_tonne_co2e: None,
        };
        s.net_sek_saved_per_year = sum_payers(&s.net_sek_saved_per_year_by_payer)?;
        s.net_sek_saved_cumulative = sum_payers(&s.net_sek_saved_cumulative_by_payer)?;
        s.net_present_value_sek = sum_payers(&s.net_present_value_sek_by_payer)?;
        s.cost_per_tonne_co2e = s.cost_per_tonne_for(Perspective::Municipality);
        Some(s)
    }

    /// Net SEK saved per year at full effect from one perspective (after running costs).
    #[must_use]
    pub fn net_sek_per_year(&self, perspective: Perspective) -> Option<Band<Sek>> {
        self.net_sek_saved_per_year_by_payer
            .for_perspective(perspective)
    }

    /// Net SEK saved over the plan period from one perspective (after all costs).
    #[must_use]
    pub fn net_sek_cumulative(&self, perspective: Perspective) -> Option<Band<Sek>> {
        self.net_sek_saved_cumulative_by_payer
            .for_perspective(perspective)
    }

    /// Net present value from one perspective.
    #[must_use]
    pub fn net_present_value(&self, perspective: Perspective) -> Option<Band<Sek>> {
        self.net_present_value_sek_by_payer
            .for_perspective(perspective)
    }

    /// SEK per tonne CO2e over the plan period from one perspective (central), or `None`
    /// when no CO2e is saved.
    #[must_use]
    pub fn cost_per_tonne_for(&self, perspective: Perspective) -> Option<SekPerTonneCo2e> {
        self.net_sek_cumulative(perspective)?
            .central
            .cost_per_tonne_co2e(self.co2e_saved_kg_cumulative.central)
    }
}

/// One year of one measure in one municipality.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct YearRow {
    /// The year.
    pub year: Year,
    /// Share of the measure's full effect reached this year.
    pub ramp: Decimal,
    /// Tonnes moved this year.
    pub tonnes_shifted: Tonnes,
    /// kg CO2e saved this year.
    pub co2e_saved_kg: Band<KgCo2e>,
    /// SEK saved this year by the change of routes (all payers), before measure costs.
    pub route_sek_saved: Band<Sek>,
    /// Measure costs paid this year (one-time and running).
    pub measure_cost_sek: Band<Sek>,
    /// Net SEK saved this year, per payer.
    pub net_sek_saved_by_payer: ByPayer<Band<Sek>>,
    /// Net SEK saved this year, all payers.
    pub net_sek_saved: Band<Sek>,
}

/// The result for one measure in one municipality.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ItemResult {
    /// The measure.
    pub measure: MeasureId,
    /// The municipality.
    pub municipality: ScbCode,
    /// The municipality's name.
    pub municipality_name: String,
    /// The fraction the measure acts on.
    pub fraction: FractionId,
    /// The pool it shares with other measures on the same waste.
    pub pool: PoolId,
    /// Its place among the measures on that pool in this municipality (1 = first).
    pub order_in_pool: u32,
    /// The pool's tonnes per year in this municipality.
    pub pool_tonnes_per_year: Tonnes,
    /// Tonnes per year the measure can reach before any measure acts.
    pub affected_tonnes_per_year: Tonnes,
    /// Share of the reachable tonnes moved at full effect.
    pub effect: Share,
    /// First year with effect.
    pub start_year: Year,
    /// First year with full effect.
    pub full_effect_year: Year,
    /// Emissions per tonne where the moved waste went before (central).
    pub baseline_kg_co2e_per_tonne: KgCo2ePerTonne,
    /// Emissions per tonne where the moved waste goes, after sorting yields (central).
    pub target_kg_co2e_per_tonne: KgCo2ePerTonne,
    /// Saving per tonne moved, at low/central/high factors and yields.
    pub co2e_saved_per_tonne: Band<KgCo2ePerTonne>,
    /// SEK saved per tonne moved by the change of routes (all payers).
    pub sek_saved_per_tonne: Band<SekPerTonne>,
    /// Tonnes per year at full effect that reach each target route after yields, and the
    /// rejects, by route.
    pub destinations: Vec<(Route, Tonnes)>,
    /// Factors used (emission, cost and yield ids).
    pub factors: Vec<FactorId>,
    /// Sources of those factors.
    pub sources: Vec<SourceId>,
    /// Totals.
    pub summary: Summary,
    /// Year by year over the plan period.
    pub years: Vec<YearRow>,
}

/// A total for one group: a measure, a municipality.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GroupSummary {
    /// The measure id or municipality code.
    pub key: String,
    /// The summed figures.
    pub summary: Summary,
}

/// The scenario's total in one year.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize)]
pub struct YearTotal {
    /// The year.
    pub year: Year,
    /// Tonnes moved.
    pub tonnes_shifted: Tonnes,
    /// kg CO2e saved.
    pub co2e_saved_kg: Band<KgCo2e>,
    /// Net SEK saved, per payer.
    pub net_sek_saved_by_payer: ByPayer<Band<Sek>>,
    /// Net SEK saved, all payers.
    pub net_sek_saved: Band<Sek>,
    /// kg CO2e saved from the first year up to and including this one.
    pub co2e_saved_kg_cumulative: Band<KgCo2e>,
}

/// Something a planner should know about a result that is not an error.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Warning {
    /// Occurs when a measure acts on routes in which its pool has no tonnes: it moves nothing.
    NoTonnesInRoutes {
        /// The municipality.
        municipality: ScbCode,
        /// The measure.
        measure: MeasureId,
        /// The pool.
        pool: PoolId,
        /// The routes it acts on.
        routes: Vec<Route>,
    },
    /// Occurs when a measure's quantity is larger than what its pool has in the routes it
    /// acts on: it reaches all of them and no more.
    QuantityExceedsPool {
        /// The municipality.
        municipality: ScbCode,
        /// The measure.
        measure: MeasureId,
        /// The pool.
        pool: PoolId,
        /// The measure's quantity, tonnes per year.
        quantity: Tonnes,
        /// What the pool has in its routes, tonnes per year.
        available: Tonnes,
    },
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::NoTonnesInRoutes {
                municipality,
                measure,
                pool,
                routes,
            } => {
                let list: Vec<&str> = routes.iter().map(|r| r.id()).collect();
                write!(
                    f,
                    "{municipality}: measure {measure} moves nothing: pool {pool} has no tonnes in {}",
                    list.join(", ")
                )
            }
            Warning::QuantityExceedsPool {
                municipality,
                measure,
                pool,
                quantity,
                available,
            } => write!(
                f,
                "{municipality}: measure {measure} names {quantity}, but pool {pool} has {available} in the routes it acts on; it reaches {available}"
            ),
        }
    }
}

/// Everything [`evaluate`] finds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    /// The factor set used.
    pub factor_set: FactorSetInfo,
    /// The scenario's name.
    pub scenario: String,
    /// The plan period.
    pub period: PlanPeriod,
    /// The discount rate used for the net present value.
    pub discount_rate: Share,
    /// One result per scenario item, in scenario order.
    pub items: Vec<ItemResult>,
    /// Totals per measure, in order of first appearance.
    pub by_measure: Vec<GroupSummary>,
    /// Totals per municipality, in order of first appearance.
    pub by_municipality: Vec<GroupSummary>,
    /// Totals per year.
    pub by_year: Vec<YearTotal>,
    /// The scenario's total.
    pub total: Summary,
    /// Things to check that are not errors.
    pub warnings: Vec<Warning>,
}

/// Why an evaluation could not be done.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CalcError {
    /// Occurs when a measure's mix uses a route the factor table has no emission factor for.
    #[error("measure {measure}: no emission factor for {fraction} × {route} in factor set {set}")]
    MissingEmissionFactor {
        /// The measure.
        measure: MeasureId,
        /// The fraction.
        fraction: FractionId,
        /// The route.
        route: Route,
        /// The factor set.
        set: String,
    },
    /// Occurs when a measure's mix uses a route the factor table has no cost factor for.
    #[error("measure {measure}: no cost factor for {fraction} × {route} in factor set {set}")]
    MissingCostFactor {
        /// The measure.
        measure: MeasureId,
        /// The fraction.
        fraction: FractionId,
        /// The route.
        route: Route,
        /// The factor set.
        set: String,
    },
    /// Occurs when a number grows past what a decimal holds (about 7.9 × 10²⁸).
    #[error("measure {measure} in {municipality}: numbers too large to compute")]
    Overflow {
        /// The measure.
        measure: MeasureId,
        /// The municipality.
        municipality: ScbCode,
    },
    /// Occurs when totals overflow.
    #[error("totals too large to compute")]
    TotalOverflow,
    /// Occurs when the optimizer is asked to search more combinations of interacting
    /// measures than it can search exactly.
    #[error(
        "measures {measures} share waste and have {combinations} combinations of levels; the exact search takes at most {limit}: use fewer steps"
    )]
    TooManyCombinations {
        /// The interacting measures.
        measures: String,
        /// Their combinations.
        combinations: u64,
        /// The limit.
        limit: u64,
    },
}

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
            if !measure.pool.baseline.share(*r).value().is_zero()
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

/// Tonnes a measure moves out of each route, and their sum.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Flow {
    pub(crate) out: PerRoute,
    pub(crate) moved: Decimal,
}

impl Flow {
    /// `self + k × other`, or `None` on overflow.
    pub(crate) fn add_scaled(&mut self, other: &Flow, k: Decimal) -> Option<()> {
        for (a, b) in self.out.iter_mut().zip(&other.out) {
            *a = a.checked_add(b.checked_mul(k)?)?;
        }
        self.moved = self.moved.checked_add(other.moved.checked_mul(k)?)?;
        Some(())
    }

    /// Net tonnes per route (out − in) with the yields at `ys` (one per yield spec).
    pub(crate) fn weights(&self, spec: &MeasureSpec, ys: &[Decimal]) -> Option<PerRoute> {
        let mut w = self.out;
        for (t, share) in &spec.target {
            let m = self.moved.checked_mul(*share)?;
            match spec.yields.iter().zip(ys).find(|(y, _)| y.route == *t) {
                Some((y, v)) => {
                    let to_t = m.checked_mul(*v)?;
                    let rejected = m.checked_sub(to_t)?;
                    let wt = w.get_mut(t.index())?;
                    *wt = wt.checked_sub(to_t)?;
                    let wr = w.get_mut(y.reject.index())?;
                    *wr = wr.checked_sub(rejected)?;
                }
                None => {
                    let wt = w.get_mut(t.index())?;
                    *wt = wt.checked_sub(m)?;
                }
            }
        }
        Some(w)
    }
}

impl Flow {
    /// Central kg CO2e saved by this flow (central factors and yields).
    pub(crate) fn central_co2e(&self, spec: &MeasureSpec) -> Option<Decimal> {
        let ys: Vec<Decimal> = spec
            .yields
            .iter()
            .map(|y| y.value.central().value())
            .collect();
        let w = self.weights(spec, &ys)?;
        let mut total = Decimal::ZERO;
        for (wr, f) in w.iter().zip(&spec.factors) {
            if let (false, Some(f)) = (wr.is_zero(), f) {
                total = total.checked_add(wr.checked_mul(f.ef.central().value())?)?;
            }
        }
        Some(total)
    }
}

/// CO2e and SEK of one flow: low/central/high, SEK per payer, before measure costs.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Values {
    pub(crate) co2e: Band<Decimal>,
    pub(crate) sek: ByPayer<Band<Decimal>>,
}

fn lo_hi(w: Decimal, low: Decimal, high: Decimal) -> (Decimal, Decimal) {
    if w >= Decimal::ZERO {
        (low, high)
    } else {
        (high, low)
    }
}

/// Interval arithmetic over one weight vector: each factor at the end that makes the
/// result smallest (low) or largest (high), respecting the sign of its weight.
fn interval(w: &PerRoute, spec: &MeasureSpec) -> Option<Values> {
    let mut v = Values::default();
    for ((wr, f), payer) in w.iter().zip(&spec.factors).zip(&spec.payers) {
        if wr.is_zero() {
            continue;
        }
        let Some(f) = f else { continue };
        let (el, eh) = lo_hi(*wr, f.ef.low().value(), f.ef.high().value());
        v.co2e.low = v.co2e.low.checked_add(wr.checked_mul(el)?)?;
        v.co2e.central = v
            .co2e
            .central
            .checked_add(wr.checked_mul(f.ef.central().value())?)?;
        v.co2e.high = v.co2e.high.checked_add(wr.checked_mul(eh)?)?;
        let (cl, ch) = lo_hi(*wr, f.cf.low().value(), f.cf.high().value());
        let s = v.sek.get_mut(*payer);
        s.low = s.low.checked_add(wr.checked_mul(cl)?)?;
        s.central = s
            .central
            .checked_add(wr.checked_mul(f.cf.central().value())?)?;
        s.high = s.high.checked_add(wr.checked_mul(ch)?)?;
    }
    Some(v)
}

fn widen(b: &mut Band<Decimal>, other: &Band<Decimal>) {
    b.low = b.low.min(other.low);
    b.high = b.high.max(other.high);
}

impl Flow {
    /// The flow's values: central at central factors and yields; low and high over the
    /// factor ranges and every corner of the yield ranges (the result is linear in each
    /// yield, so its extremes are at the corners).
    pub(crate) fn values(&self, spec: &MeasureSpec) -> Option<Values> {
        let central: Vec<Decimal> = spec
            .yields
            .iter()
            .map(|y| y.value.central().value())
            .collect();
        let mut v = interval(&self.weights(spec, &central)?, spec)?;
        let k = spec.yields.len().min(8);
        for mask in 0..(1_u32 << k) {
            let ys: Vec<Decimal> = spec
                .yields
                .iter()
                .enumerate()
                .map(|(i, y)| {
                    if mask & (1 << i) == 0 {
                        y.value.low().value()
                    } else {
                        y.value.high().value()
                    }
                })
                .collect();
            let c = interval(&self.weights(spec, &ys)?, spec)?;
            widen(&mut v.co2e, &c.co2e);
            for p in Payer::ALL {
                widen(v.sek.get_mut(p), c.sek.get(p));
            }
        }
        Some(v)
    }
}

/// Share of full effect in `year`: 0 before `start`, linear up to `full`, 1 from `full` on.
#[must_use]
pub fn ramp(year: Year, start: Year, full: Year) -> Decimal {
    if year < start {
        Decimal::ZERO
    } else if year >= full {
        Decimal::ONE
    } else {
        let done = Decimal::from(year.get() - start.get() + 1);
        let steps = Decimal::from(full.get() - start.get() + 1);
        done.checked_div(steps).unwrap_or(Decimal::ONE)
    }
}

/// Discount multipliers `1 / (1 + r)^(y − start)` for each year of the period: one
/// division per year per evaluation, then multiplications.
fn discount_factors(period: &PlanPeriod, rate: Share) -> Option<Vec<Decimal>> {
    let step = Decimal::ONE.checked_add(rate.value())?;
    let mut d = Decimal::ONE;
    let mut out = Vec::with_capacity(period.len());
    for _ in period.years() {
        out.push(Decimal::ONE.checked_div(d)?);
        d = d.checked_mul(step)?;
    }
    Some(out)
}

/// One scenario item placed in its pool.
#[derive(Clone, Debug)]
pub(crate) struct Placed {
    /// Index into the scenario's items.
    pub(crate) item: usize,
    /// Which acts_on routes (by index).
    pub(crate) acts_on: [bool; NR],
    /// effect × reach: the share of what is in its routes it moves at full effect.
    pub(crate) share: Decimal,
    /// Place in the pool's order (1-based).
    pub(crate) order: u32,
    pub(crate) pool_tonnes: Tonnes,
    pub(crate) reachable: Tonnes,
}

/// The measures of one pool in one municipality, in the order they act.
#[derive(Clone, Debug)]
pub(crate) struct PoolGroup {
    /// Tonnes per route before any measure.
    pub(crate) initial: PerRoute,
    pub(crate) members: Vec<Placed>,
}

impl PoolGroup {
    /// Runs the measures in order; `scale(i)` multiplies member `i`'s share (its ramp this
    /// year, or an optimizer level). Returns each member's flow.
    pub(crate) fn run(&self, mut scale: impl FnMut(usize) -> Decimal) -> Option<Vec<Flow>> {
        let mut stock = self.initial;
        let mut out = Vec::with_capacity(self.members.len());
        for (i, m) in self.members.iter().enumerate() {
            let k = m.share.checked_mul(scale(i))?;
            let mut flow = Flow::default();
            if !k.is_zero() {
                for ((s, o), on) in stock.iter_mut().zip(flow.out.iter_mut()).zip(&m.acts_on) {
                    if *on && !s.is_zero() {
                        let moved = s.checked_mul(k)?;
                        *s = s.checked_sub(moved)?;
                        *o = moved;
                        flow.moved = flow.moved.checked_add(moved)?;
                    }
                }
            }
            out.push(flow);
        }
        Some(out)
    }
}

/// Groups a scenario's items by municipality and pool, ordered within each pool by
/// waste-hierarchy stage, then measure id, then scenario order.
pub(crate) fn pool_groups(
    scenario: &Scenario,
) -> Result<(Vec<PoolGroup>, Vec<Warning>), CalcError> {
    let mut keys: Vec<(ScbCode, PoolId, Vec<usize>)> = Vec::new();
    for (i, item) in scenario.items.iter().enumerate() {
        let code = &item.municipality().code;
        let pool = &item.measure().pool.id;
        match keys.iter_mut().find(|(c, p, _)| c == code && p == pool) {
            Some((_, _, v)) => v.push(i),
            None => keys.push((code.clone(), pool.clone(), vec![i])),
        }
    }
    let mut groups = Vec::with_capacity(keys.len());
    let mut warnings = Vec::new();
    for (_, _, mut members) in keys {
        members.sort_by(|a, b| {
            let (ma, mb) = (
                scenario.items.get(*a).map(ScenarioItem::measure),
                scenario.items.get(*b).map(ScenarioItem::measure),
            );
            ma.map(|m| (m.stage(), &m.id))
                .cmp(&mb.map(|m| (m.stage(), &m.id)))
                .then(a.cmp(b))
        });
        let Some(first) = members.first().and_then(|i| scenario.items.get(*i)) else {
            continue;
        };
        let overflow = |item: &ScenarioItem| CalcError::Overflow {
            measure: item.measure().id.clone(),
            municipality: item.municipality().code.clone(),
        };
        let pool_tonnes = first.pool_tonnes().ok_or_else(|| overflow(first))?;
        let mut initial = [Decimal::ZERO; NR];
        for (route, share) in first.measure().pool.baseline.shares() {
            if let Some(slot) = initial.get_mut(route.index()) {
                *slot = pool_tonnes
                    .value()
                    .checked_mul(share.value())
                    .ok_or_else(|| overflow(first))?;
            }
        }
        let mut placed = Vec::with_capacity(members.len());
        for (order, i) in members.into_iter().enumerate() {
            let Some(item) = scenario.items.get(i) else {
                continue;
            };
            let m = item.measure();
            let mut acts_on = [false; NR];
            let mut available = Decimal::ZERO;
            for r in &m.acts_on {
                if let Some(a) = acts_on.get_mut(r.index()) {
                    *a = true;
                }
                available = available
                    .checked_add(initial.get(r.index()).copied().unwrap_or_default())
                    .ok_or_else(|| overflow(item))?;
            }
            let reach = item.reach_tonnes().ok_or_else(|| overflow(item))?;
            let (reach_share, reachable) = if available.is_zero() {
                if !item.effect().value().is_zero() {
                    warnings.push(Warning::NoTonnesInRoutes {
                        municipality: item.municipality().code.clone(),
                        measure: m.id.clone(),
                        pool: m.pool.id.clone(),
                        routes: m.acts_on.clone(),
                    });
                }
                (Decimal::ZERO, Decimal::ZERO)
            } else {
                match reach {
                    None => (Decimal::ONE, available),
                    Some(q) if q.value() > available => {
                        warnings.push(Warning::QuantityExceedsPool {
                            municipality: item.municipality().code.clone(),
                            measure: m.id.clone(),
                            pool: m.pool.id.clone(),
                            quantity: q,
                            available: Tonnes::new(available),
                        });
                        (Decimal::ONE, available)
                    }
                    Some(q) => (
                        q.value()
                            .checked_div(available)
                            .ok_or_else(|| overflow(item))?,
                        q.value(),
                    ),
                }
            };
            placed.push(Placed {
                item: i,
                acts_on,
                share: item
                    .effect()
                    .value()
                    .checked_mul(reach_share)
                    .ok_or_else(|| overflow(item))?,
                order: u32::try_from(order).unwrap_or(u32::MAX).saturating_add(1),
                pool_tonnes,
                reachable: Tonnes::new(reachable),
            });
        }
        groups.push(PoolGroup {
            initial,
            members: placed,
        });
    }
    Ok((groups, warnings))
}

/// Per item: its flows (per year, at full effect, summed and discounted over the period).
#[derive(Clone, Debug, Default)]
pub(crate) struct ItemFlows {
    pub(crate) full: Flow,
    pub(crate) years: Vec<Flow>,
    pub(crate) cumulative: Flow,
    pub(crate) discounted: Flow,
    pub(crate) order: u32,
    pub(crate) pool_tonnes: Tonnes,
    pub(crate) reachable: Tonnes,
}

/// Runs every pool for the full-effect year and each year of the period.
pub(crate) fn item_flows(
    scenario: &Scenario,
    groups: &[PoolGroup],
    discount: &[Decimal],
) -> Option<Vec<ItemFlows>> {
    let period = scenario.period;
    let mut flows = vec![ItemFlows::default(); scenario.items.len()];
    for g in groups {
        let full = g.run(|_| Decimal::ONE)?;
        for (m, f) in g.members.iter().zip(full) {
            let slot = flows.get_mut(m.item)?;
            slot.full = f;
            slot.order = m.order;
            slot.pool_tonnes = m.pool_tonnes;
            slot.reachable = m.reachable;
        }
        for (year, d) in period.years().zip(discount) {
            let ramps: Vec<Decimal> = g
                .members
                .iter()
                .map(|m| {
                    scenario.items.get(m.item).map_or(Decimal::ZERO, |it| {
                        ramp(year, it.start_year(), it.full_effect_year())
                    })
                })
                .collect();
            let yf = g.run(|i| ramps.get(i).copied().unwrap_or_default())?;
            for (m, f) in g.members.iter().zip(yf) {
                let slot = flows.get_mut(m.item)?;
                slot.cumulative.add_scaled(&f, Decimal::ONE)?;
                slot.discounted.add_scaled(&f, *d)?;
                slot.years.push(f);
            }
        }
    }
    Some(flows)
}

fn band_kg(b: Band<Decimal>) -> Band<KgCo2e> {
    Band {
        low: KgCo2e::new(b.low),
        central: KgCo2e::new(b.central),
        high: KgCo2e::new(b.high),
    }
}

fn band_sek(b: Band<Decimal>) -> Band<Sek> {
    Band {
        low: Sek::new(b.low),
        central: Sek::new(b.central),
        high: Sek::new(b.high),
    }
}

/// Net SEK per payer: the routes' SEK minus the measure's costs for its payer.
fn net_by_payer(v: &Values, cost_payer: Payer, cost: Estimate<Sek>) -> Option<ByPayer<Band<Sek>>> {
    let mut out = v.sek.try_map(|b| Some(band_sek(*b)))?;
    let slot = out.get_mut(cost_payer);
    *slot = slot.minus_cost(cost)?;
    Some(out)
}

fn sum_payers(b: &ByPayer<Band<Sek>>) -> Option<Band<Sek>> {
    b.for_perspective(Perspective::Society)
}

fn route_sek(v: &Values) -> Option<Band<Sek>> {
    sum_payers(&v.sek.try_map(|b| Some(band_sek(*b)))?)
}

fn estimate_sum(a: Estimate<Sek>, b: Estimate<Sek>) -> Option<Estimate<Sek>> {
    Estimate::new(
        a.low().checked_add(b.low())?,
        a.central().checked_add(b.central())?,
        a.high().checked_add(b.high())?,
    )
    .ok()
}

fn estimate_scale(a: Estimate<Sek>, k: Decimal) -> Option<Estimate<Sek>> {
    // k ≥ 0 (a count of years or a discount multiplier), so the order is kept.
    Estimate::new(
        a.low().checked_scale(k)?,
        a.central().checked_scale(k)?,
        a.high().checked_scale(k)?,
    )
    .ok()
}

fn estimate_band(a: Estimate<Sek>) -> Band<Sek> {
    Band {
        low: a.low(),
        central: a.central(),
        high: a.high(),
    }
}

fn per_tonne(v: Decimal, t: Decimal) -> Decimal {
    if t.is_zero() {
        Decimal::ZERO
    } else {
        v.checked_div(t).unwrap_or(Decimal::ZERO)
    }
}

fn evaluate_item(
    item: &ScenarioItem,
    spec: &MeasureSpec,
    flows: &ItemFlows,
    period: &PlanPeriod,
    discount: &[Decimal],
) -> Result<ItemResult, CalcError> {
    let measure = item.measure();
    let overflow = || CalcError::Overflow {
        measure: measure.id.clone(),
        municipality: item.municipality().code.clone(),
    };
    let implementation = item.implementation_cost().ok_or_else(overflow)?;
    let running = item.running_cost().ok_or_else(overflow)?;
    let zero_cost = Estimate::exact(Sek::ZERO);

    let full = flows.full.values(spec).ok_or_else(overflow)?;
    let net_full = net_by_payer(&full, spec.cost_payer, running).ok_or_else(overflow)?;

    let mut years = Vec::with_capacity(period.len());
    let (mut active_years, mut active_disc) = (Decimal::ZERO, Decimal::ZERO);
    let (mut start_in, mut start_disc) = (Decimal::ZERO, Decimal::ZERO);
    for ((year, f), d) in period.years().zip(&flows.years).zip(discount) {
        let v = f.values(spec).ok_or_else(overflow)?;
        let mut cost = zero_cost;
        if year >= item.start_year() {
            cost = running;
            active_years = active_years
                .checked_add(Decimal::ONE)
                .ok_or_else(overflow)?;
            active_disc = active_disc.checked_add(*d).ok_or_else(overflow)?;
        }
        if year == item.start_year() {
            cost = estimate_sum(cost, implementation).ok_or_else(overflow)?;
            start_in = Decimal::ONE;
            start_disc = *d;
        }
        let net = net_by_payer(&v, spec.cost_payer, cost).ok_or_else(overflow)?;
        years.push(YearRow {
            year,
            ramp: ramp(year, item.start_year(), item.full_effect_year()),
            tonnes_shifted: Tonnes::new(f.moved),
            co2e_saved_kg: band_kg(v.co2e),
            route_sek_saved: route_sek(&v).ok_or_else(overflow)?,
            measure_cost_sek: estimate_band(cost),
            net_sek_saved: sum_payers(&net).ok_or_else(overflow)?,
            net_sek_saved_by_payer: net,
        });
    }
    let costs_cum = estimate_scale(running, active_years)
        .zip(estimate_scale(implementation, start_in))
        .and_then(|(a, b)| estimate_sum(a, b))
        .ok_or_else(overflow)?;
    let costs_npv = estimate_scale(running, active_disc)
        .zip(estimate_scale(implementation, start_disc))
        .and_then(|(a, b)| estimate_sum(a, b))
        .ok_or_else(overflow)?;
    let cum = flows.cumulative.values(spec).ok_or_else(overflow)?;
    let net_cum = net_by_payer(&cum, spec.cost_payer, costs_cum).ok_or_else(overflow)?;
    let npv = flows.discounted.values(spec).ok_or_else(overflow)?;
    let net_npv = net_by_payer(&npv, spec.cost_payer, costs_npv).ok_or_else(overflow)?;

    let mut summary = Summary {
        tonnes_shifted_per_year: Tonnes::new(flows.full.moved),
        co2e_saved_kg_per_year: band_kg(full.co2e),
        route_sek_saved_per_year: route_sek(&full).ok_or_else(overflow)?,
        net_sek_saved_per_year: sum_payers(&net_full).ok_or_else(overflow)?,
        net_sek_saved_per_year_by_payer: net_full,
        tonnes_shifted_cumulative: Tonnes::new(flows.cumulative.moved),
        co2e_saved_kg_cumulative: band_kg(cum.co2e),
        net_sek_saved_cumulative: sum_payers(&net_cum).ok_or_else(overflow)?,
        net_sek_saved_cumulative_by_payer: net_cum,
        net_present_value_sek: sum_payers(&net_npv).ok_or_else(overflow)?,
        net_present_value_sek_by_payer: net_npv,
        implementation_cost_sek: estimate_band(implementation),
        running_cost_sek_per_year: estimate_band(running),
        cost_per_tonne_co2e: None,
    };
    summary.cost_per_tonne_co2e = summary.cost_per_tonne_for(Perspective::Municipality);

    // Per-tonne figures: from the full-effect flow, or, when it moves nothing, from one
    // tonne taken from the pool's routes as they are before any measure.
    let unit = if flows.full.moved.is_zero() {
        unit_flow(item)
    } else {
        flows.full
    };
    let t = unit.moved;
    let pt = unit.values(spec).ok_or_else(overflow)?;
    let central_yields: Vec<Decimal> = spec
        .yields
        .iter()
        .map(|y| y.value.central().value())
        .collect();
    let w = unit.weights(spec, &central_yields).ok_or_else(overflow)?;
    let (mut base_ef, mut target_ef) = (Decimal::ZERO, Decimal::ZERO);
    for ((out, wr), f) in unit.out.iter().zip(&w).zip(&spec.factors) {
        let Some(f) = f else { continue };
        let e = f.ef.central().value();
        let into = out.checked_sub(*wr).ok_or_else(overflow)?;
        base_ef = base_ef
            .checked_add(out.checked_mul(e).ok_or_else(overflow)?)
            .ok_or_else(overflow)?;
        target_ef = target_ef
            .checked_add(into.checked_mul(e).ok_or_else(overflow)?)
            .ok_or_else(overflow)?;
    }
    let full_w = flows
        .full
        .weights(spec, &central_yields)
        .ok_or_else(overflow)?;
    let mut destinations = Vec::new();
    for (route, (out, wr)) in Route::ALL.iter().zip(flows.full.out.iter().zip(&full_w)) {
        let into = out.checked_sub(*wr).ok_or_else(overflow)?;
        if !into.is_zero() {
            destinations.push((*route, Tonnes::new(into)));
        }
    }
    let route_pt = route_sek(&pt).ok_or_else(overflow)?;
    Ok(ItemResult {
        measure: measure.id.clone(),
        municipality: item.municipality().code.clone(),
        municipality_name: item.municipality().name.clone(),
        fraction: measure.fraction.clone(),
        pool: measure.pool.id.clone(),
        order_in_pool: flows.order,
        pool_tonnes_per_year: flows.pool_tonnes,
        affected_tonnes_per_year: flows.reachable,
        effect: item.effect(),
        start_year: item.start_year(),
        full_effect_year: item.full_effect_year(),
        baseline_kg_co2e_per_tonne: KgCo2ePerTonne::new(per_tonne(base_ef, t)),
        target_kg_co2e_per_tonne: KgCo2ePerTonne::new(per_tonne(target_ef, t)),
        co2e_saved_per_tonne: Band {
            low: KgCo2ePerTonne::new(per_tonne(pt.co2e.low, t)),
            // Exactly baseline − target, as shown beside it.
            central: KgCo2ePerTonne::new(
                per_tonne(base_ef, t)
                    .checked_sub(per_tonne(target_ef, t))
                    .ok_or_else(overflow)?,
            ),
            high: KgCo2ePerTonne::new(per_tonne(pt.co2e.high, t)),
        },
        sek_saved_per_tonne: Band {
            low: SekPerTonne::new(per_tonne(route_pt.low.value(), t)),
            central: SekPerTonne::new(per_tonne(route_pt.central.value(), t)),
            high: SekPerTonne::new(per_tonne(route_pt.high.value(), t)),
        },
        destinations,
        factors: spec.factor_ids.clone(),
        sources: spec.sources.clone(),
        summary,
        years,
    })
}

/// One tonne out of the routes a measure acts on, spread as the pool's baseline spreads it.
fn unit_flow(item: &ScenarioItem) -> Flow {
    let m = item.measure();
    let total: Decimal = m
        .acts_on
        .iter()
        .map(|r| m.pool.baseline.share(*r).value())
        .fold(Decimal::ZERO, |a, b| a.saturating_add(b));
    let mut f = Flow::default();
    if total.is_zero() {
        return f;
    }
    for r in &m.acts_on {
        if let Some(slot) = f.out.get_mut(r.index()) {
            *slot = m
                .pool
                .baseline
                .share(*r)
                .value()
                .checked_div(total)
                .unwrap_or_default();
        }
    }
    f.moved = Decimal::ONE;
    f
}

fn group(groups: &mut Vec<GroupSummary>, key: &str, summary: &Summary) -> Result<(), CalcError> {
    match groups.iter_mut().find(|g| g.key == key) {
        Some(g) => {
            g.summary = g
                .summary
                .checked_add(summary)
                .ok_or(CalcError::TotalOverflow)?;
        }
        None => groups.push(GroupSummary {
            key: key.to_string(),
            summary: summary.clone(),
        }),
    }
    Ok(())
}

/// The resolved specs of every distinct measure in a scenario (shared by its municipalities).
pub(crate) fn measure_specs(
    table: &FactorTable,
    scenario: &Scenario,
) -> Result<Vec<MeasureSpec>, CalcError> {
    let lookup = FactorLookup { table, scenario };
    let mut cache: Vec<(*const Measure, MeasureSpec)> = Vec::new();
    let mut out = Vec::with_capacity(scenario.items.len());
    for item in &scenario.items {
        let key: *const Measure = item.measure();
        let spec = match cache.iter().find(|(k, _)| *k == key) {
            Some((_, s)) => s.clone(),
            None => {
                let s = lookup.spec(item.measure())?;
                cache.push((key, s.clone()));
                s
            }
        };
        out.push(spec);
    }
    Ok(out)
}

/// The evaluation with the intermediate data the linear model needs.
pub(crate) struct Evaluated {
    pub(crate) evaluation: Evaluation,
    pub(crate) specs: Vec<MeasureSpec>,
    pub(crate) flows: Vec<ItemFlows>,
}

pub(crate) fn evaluate_full(
    table: &FactorTable,
    scenario: &Scenario,
) -> Result<Evaluated, CalcError> {
    let period = scenario.period;
    let discount =
        discount_factors(&period, scenario.discount_rate).ok_or(CalcError::TotalOverflow)?;
    let specs = measure_specs(table, scenario)?;
    let (groups, warnings) = pool_groups(scenario)?;
    let flows = item_flows(scenario, &groups, &discount).ok_or(CalcError::TotalOverflow)?;
    let items = scenario
        .items
        .iter()
        .zip(&specs)
        .zip(&flows)
        .map(|((item, spec), f)| evaluate_item(item, spec, f, &period, &discount))
        .collect::<Result<Vec<_>, _>>()?;

    let mut by_measure = Vec::new();
    let mut by_municipality = Vec::new();
    let mut total = Summary::default();
    let mut by_year: Vec<YearTotal> = period
        .years()
        .map(|year| YearTotal {
            year,
            ..YearTotal::default()
        })
        .collect();
    for item in &items {
        group(&mut by_measure, item.measure.as_str(), &item.summary)?;
        group(
            &mut by_municipality,
            item.municipality.as_str(),
            &item.summary,
        )?;
        total = total
            .checked_add(&item.summary)
            .ok_or(CalcError::TotalOverflow)?;
        for (yt, row) in by_year.iter_mut().zip(&item.years) {
            yt.tonnes_shifted = yt
                .tonnes_shifted
                .checked_add(row.tonnes_shifted)
                .ok_or(CalcError::TotalOverflow)?;
            yt.co2e_saved_kg = yt
                .co2e_saved_kg
                .checked_add(row.co2e_saved_kg)
                .ok_or(CalcError::TotalOverflow)?;
            yt.net_sek_saved_by_payer = yt
                .net_sek_saved_by_payer
                .checked_add(&row.net_sek_saved_by_payer)
                .ok_or(CalcError::TotalOverflow)?;
            yt.net_sek_saved =
                sum_payers(&yt.net_sek_saved_by_payer).ok_or(CalcError::TotalOverflow)?;
        }
    }
    if items.is_empty() {
        total.cost_per_tonne_co2e = None;
    }
    let mut running = Band::exact(KgCo2e::ZERO);
    for yt in &mut by_year {
        running = running
            .checked_add(yt.co2e_saved_kg)
            .ok_or(CalcError::TotalOverflow)?;
        yt.co2e_saved_kg_cumulative = running;
    }
    Ok(Evaluated {
        evaluation: Evaluation {
            factor_set: table.info().clone(),
            scenario: scenario.name.clone(),
            period,
            discount_rate: scenario.discount_rate,
            items,
            by_measure,
            by_municipality,
            by_year,
            total,
            warnings,
        },
        specs,
        flows,
    })
}

/// Evaluates a scenario against a factor table.
///
/// Pure: no I/O, no clock, no randomness. Never panics; a missing factor or an overflow
/// is a [`CalcError`].
pub fn evaluate(table: &FactorTable, scenario: &Scenario) -> Result<Evaluation, CalcError> {
    evaluate_full(table, scenario).map(|e| e.evaluation)
}
