//! Deciding under uncertainty: Monte Carlo percentile bands and one-at-a-time sensitivity.
//!
//! Every result of [`evaluate`] is linear in the factor values: the cumulative CO2e a
//! measure saves is `Σ_f EF_f × A_f` where `A_f = Σ_items Σ_routes weight × tonnes shifted
//! over the plan period`, and its net SEK is `Σ_f CF_f × A_f − measure costs`.
//! [`LinearModel`] computes those coefficients once; a Monte Carlo draw is then a dot
//! product over the distinct factors, which is what makes 10 000 draws cheap enough to
//! run while a planner moves a slider.
//!
//! Draws are in fixed-point integers (factor values to 10⁻⁴, tonnes to 10⁻⁶), from a seeded
//! PCG generator (`rand_pcg`, a well-kept, portable generator whose output is specified
//! bit for bit), so the same seed gives the same numbers natively and on wasm32. Floats
//! are not used.
//!
//! Each distinct factor is drawn once per iteration and used by every measure and
//! municipality that cites it (same factor ⇒ same draw): the draws are correlated exactly
//! as the data is shared.

use crate::FactorTable;
use crate::eval::{
    CalcError, Evaluated, Evaluation, MeasureSpec, NR, PoolGroup, RouteFactors, evaluate_full,
    pool_groups,
};
use crate::model::{ByPayer, Estimate, FactorId, MeasureId, Payer, Perspective, PoolId, SourceId};
use crate::scenario::Scenario;
use crate::units::{KgCo2e, Sek};
use rand_core::{Rng, SeedableRng};
use rust_decimal::Decimal;
use serde::Serialize;

/// Scale of factor values in fixed point: 10⁻⁴ kg CO2e/t or SEK/t.
const FACTOR_DP: u32 = 4;
/// Scale of coefficients (tonnes) in fixed point: 10⁻⁶ t.
const COEFF_DP: u32 = 6;

/// Largest magnitude a fixed-point value may have (10²⁴), so that products of a value,
/// a 32-bit uniform and another value stay far inside i128.
const FIXED_LIMIT: i128 = 1_000_000_000_000_000_000_000_000;

fn to_fixed(d: Decimal, dp: u32) -> Option<i128> {
    let scaled = d
        .checked_mul(Decimal::from(10_i64.checked_pow(dp)?))?
        .round();
    // A rounded Decimal with scale 0 is its mantissa.
    let v = scaled.mantissa();
    (v.abs() <= FIXED_LIMIT).then_some(v)
}

fn from_fixed(v: i128, dp: u32) -> Option<Decimal> {
    Decimal::try_from_i128_with_scale(v, dp).ok()
}

/// What kind of uncertain input a factor is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FactorKind {
    /// kg CO2e per tonne.
    Emission,
    /// SEK per tonne.
    Cost,
    /// A sorting yield (share of sorted tonnes that reach the target route).
    Yield,
    /// A measure's own cost, SEK per inhabitant (one-time, or per year).
    MeasureCost,
}

/// A distinct uncertain input the scenario uses, with its range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsedFactor {
    /// The factor's id (`ef.…`, `cf.…`, `yield.…`, `cost.<measure>.implementation|running`).
    pub id: FactorId,
    /// Emission, cost, yield or measure cost.
    pub kind: FactorKind,
    /// Low, central and high value (kg CO2e/t, SEK/t, share, or SEK per inhabitant).
    pub value: Estimate<Decimal>,
}

/// A yield term: `y × tonnes × (factor[reject] − factor[route])`, split into CO2e and the
/// payers of the two routes' cost factors.
#[derive(Clone, Debug)]
pub(crate) struct YieldTerm {
    pub(crate) y: usize,
    pub(crate) tonnes: Decimal,
    pub(crate) ef_route: usize,
    pub(crate) ef_reject: usize,
    pub(crate) cf_route: usize,
    pub(crate) cf_reject: usize,
    pub(crate) payer_route: Payer,
    pub(crate) payer_reject: Payer,
}

/// Per measure: coefficients of each factor in its cumulative CO2e and net SEK.
#[derive(Clone, Debug)]
pub(crate) struct MeasureTerms {
    pub(crate) id: MeasureId,
    /// (emission factor index, tonnes), with every yield at 0 (all sorted tonnes rejected).
    pub(crate) co2e: Vec<(usize, Decimal)>,
    /// (cost factor index, payer, tonnes), likewise.
    pub(crate) sek: Vec<(usize, Payer, Decimal)>,
    /// Terms that move with a yield.
    pub(crate) yields: Vec<YieldTerm>,
    /// (measure cost factor index, payer, −inhabitant-years): costs drawn per inhabitant.
    pub(crate) costs: Vec<(usize, Payer, Decimal)>,
    /// Costs the scenario fixes in SEK (overrides), per payer, over the plan period.
    pub(crate) fixed_costs: ByPayer<Decimal>,
}

/// The scenario in linear form: results = Σ factor value × coefficient (+ yield × factor
/// terms − costs).
#[derive(Clone, Debug)]
pub struct LinearModel {
    pub(crate) factors: Vec<UsedFactor>,
    pub(crate) measures: Vec<MeasureTerms>,
    pub(crate) central: Evaluation,
    /// Each pool in the scenario with the source of its quantity.
    pub(crate) pools: Vec<(PoolId, Option<SourceId>)>,
    pub(crate) groups: Vec<PoolGroup>,
    pub(crate) specs: Vec<MeasureSpec>,
    /// For each scenario item: its measure's index in `measures`.
    pub(crate) item_measure: Vec<usize>,
    /// For each scenario item: one-time and yearly cost at central values, and its payer.
    pub(crate) item_costs: Vec<(Decimal, Decimal, Payer)>,
}

fn factor_index(
    factors: &mut Vec<UsedFactor>,
    id: &FactorId,
    kind: FactorKind,
    value: Estimate<Decimal>,
) -> usize {
    match factors.iter().position(|f| &f.id == id) {
        Some(i) => i,
        None => {
            factors.push(UsedFactor {
                id: id.clone(),
                kind,
                value,
            });
            factors.len() - 1
        }
    }
}

fn add_coeff<K: PartialEq + Copy>(v: &mut Vec<(K, Decimal)>, k: K, c: Decimal) -> Option<()> {
    if c.is_zero() {
        return Some(());
    }
    match v.iter_mut().find(|(i, _)| *i == k) {
        Some((_, x)) => *x = x.checked_add(c)?,
        None => v.push((k, c)),
    }
    Some(())
}

fn route_factor_indices(factors: &mut Vec<UsedFactor>, f: &RouteFactors) -> (usize, usize) {
    let e = factor_index(
        factors,
        &f.ef_id,
        FactorKind::Emission,
        decimal_estimate(
            f.ef.low().value(),
            f.ef.central().value(),
            f.ef.high().value(),
        ),
    );
    let c = factor_index(
        factors,
        &f.cf_id,
        FactorKind::Cost,
        decimal_estimate(
            f.cf.low().value(),
            f.cf.central().value(),
            f.cf.high().value(),
        ),
    );
    (e, c)
}

impl LinearModel {
    /// Builds the model: evaluates the scenario once (for the tonnes moved, which depend
    /// on effects and the pools but not on factors) and collects each distinct factor's
    /// coefficient per measure.
    pub fn new(table: &FactorTable, scenario: &Scenario) -> Result<Self, CalcError> {
        let Evaluated {
            evaluation: central,
            specs,
            flows,
        } = evaluate_full(table, scenario)?;
        let (groups, _) = pool_groups(scenario)?;
        let mut factors: Vec<UsedFactor> = Vec::new();
        let mut measures: Vec<MeasureTerms> = Vec::new();
        let mut item_measure = Vec::with_capacity(scenario.items.len());
        let mut item_costs = Vec::with_capacity(scenario.items.len());
        let mut pools: Vec<(PoolId, Option<SourceId>)> = Vec::new();
        for item in &scenario.items {
            let p = &item.measure().pool;
            if !pools.iter().any(|(id, _)| id == &p.id) {
                pools.push((p.id.clone(), p.sources.first().cloned()));
            }
        }
        for (((item, result), spec), flow) in scenario
            .items
            .iter()
            .zip(&central.items)
            .zip(&specs)
            .zip(&flows)
        {
            let overflow = || CalcError::Overflow {
                measure: result.measure.clone(),
                municipality: result.municipality.clone(),
            };
            let m = match measures.iter().position(|m| m.id == result.measure) {
                Some(i) => i,
                None => {
                    measures.push(MeasureTerms {
                        id: result.measure.clone(),
                        co2e: Vec::new(),
                        sek: Vec::new(),
                        yields: Vec::new(),
                        costs: Vec::new(),
                        fixed_costs: ByPayer::default(),
                    });
                    measures.len() - 1
                }
            };
            item_measure.push(m);
            item_costs.push((
                result.summary.implementation_cost_sek.central.value(),
                result.summary.running_cost_sek_per_year.central.value(),
                spec.cost_payer,
            ));
            let zeros: Vec<Decimal> = spec.yields.iter().map(|_| Decimal::ZERO).collect();
            let w = flow.cumulative.weights(spec, &zeros).ok_or_else(overflow)?;
            let mut idx: [Option<(usize, usize)>; NR] = Default::default();
            for (slot, f) in idx.iter_mut().zip(&spec.factors) {
                if let Some(f) = f {
                    *slot = Some(route_factor_indices(&mut factors, f));
                }
            }
            let mut yields = Vec::new();
            for y in &spec.yields {
                let yi = factor_index(
                    &mut factors,
                    &y.id,
                    FactorKind::Yield,
                    decimal_estimate(
                        y.value.low().value(),
                        y.value.central().value(),
                        y.value.high().value(),
                    ),
                );
                let share = spec
                    .target
                    .iter()
                    .find(|(r, _)| *r == y.route)
                    .map_or(Decimal::ZERO, |(_, s)| *s);
                let tonnes = flow
                    .cumulative
                    .moved
                    .checked_mul(share)
                    .ok_or_else(overflow)?;
                let (Some((ef_route, cf_route)), Some((ef_reject, cf_reject))) = (
                    idx.get(y.route.index()).copied().flatten(),
                    idx.get(y.reject.index()).copied().flatten(),
                ) else {
                    continue;
                };
                yields.push(YieldTerm {
                    y: yi,
                    tonnes,
                    ef_route,
                    ef_reject,
                    cf_route,
                    cf_reject,
                    payer_route: spec
                        .payers
                        .get(y.route.index())
                        .copied()
                        .unwrap_or(Payer::WasteFee),
                    payer_reject: spec
                        .payers
                        .get(y.reject.index())
                        .copied()
                        .unwrap_or(Payer::WasteFee),
                });
            }
            // Measure costs: drawn per inhabitant, or fixed where the scenario overrides them.
            let period = scenario.period;
            let active = Decimal::from(period.years().filter(|y| *y >= item.start_year()).count());
            let starts = if period.years().any(|y| y == item.start_year()) {
                Decimal::ONE
            } else {
                Decimal::ZERO
            };
            let pop = Decimal::from(item.municipality().population);
            let measure = item.measure();
            let mut cost_terms = Vec::new();
            let mut fixed = ByPayer::<Decimal>::default();
            for (kind, per_inh, over, count) in [
                (
                    "implementation",
                    &measure.implementation_cost,
                    item.implementation_cost_override(),
                    starts,
                ),
                (
                    "running",
                    &measure.running_cost,
                    item.running_cost_override(),
                    active,
                ),
            ] {
                if count.is_zero() {
                    continue;
                }
                // A cost the scenario fixes in SEK, or a per-inhabitant cost without a
                // range, is a constant; only a range is drawn.
                let fixed_value = match over {
                    Some(c) => Some(c.value()),
                    None if per_inh.low() == per_inh.high() => Some(
                        per_inh
                            .central()
                            .value()
                            .checked_mul(pop)
                            .ok_or_else(overflow)?,
                    ),
                    None => None,
                };
                match fixed_value {
                    Some(c) => {
                        let slot = fixed.get_mut(spec.cost_payer);
                        *slot = slot
                            .checked_add(c.checked_mul(count).ok_or_else(overflow)?)
                            .ok_or_else(overflow)?;
                    }
                    None => {
                        let id = FactorId(format!("cost.{}.{kind}", measure.id));
                        let fi = factor_index(
                            &mut factors,
                            &id,
                            FactorKind::MeasureCost,
                            decimal_estimate(
                                per_inh.low().value(),
                                per_inh.central().value(),
                                per_inh.high().value(),
                            ),
                        );
                        let c = pop.checked_mul(count).ok_or_else(overflow)?;
                        cost_terms.push((fi, spec.cost_payer, -c));
                    }
                }
            }
            let Some(entry) = measures.get_mut(m) else {
                continue;
            };
            for (wr, (ix, payer)) in w.iter().zip(idx.iter().zip(&spec.payers)) {
                let Some((e, c)) = ix else { continue };
                add_coeff(&mut entry.co2e, *e, *wr).ok_or_else(overflow)?;
                match entry.sek.iter_mut().find(|(i, p, _)| i == c && p == payer) {
                    Some((_, _, x)) => *x = x.checked_add(*wr).ok_or_else(overflow)?,
                    None => {
                        if !wr.is_zero() {
                            entry.sek.push((*c, *payer, *wr));
                        }
                    }
                }
            }
            entry.yields.extend(yields);
            for (fi, payer, c) in cost_terms {
                match entry
                    .costs
                    .iter_mut()
                    .find(|(i, p, _)| *i == fi && *p == payer)
                {
                    Some((_, _, x)) => *x = x.checked_add(c).ok_or_else(overflow)?,
                    None => entry.costs.push((fi, payer, c)),
                }
            }
            entry.fixed_costs = entry
                .fixed_costs
                .try_zip(&fixed, |a, b| a.checked_add(*b))
                .ok_or_else(overflow)?;
        }
        Ok(Self {
            factors,
            measures,
            central,
            pools,
            groups,
            specs,
            item_measure,
            item_costs,
        })
    }

    /// The distinct factors the scenario uses.
    #[must_use]
    pub fn factors(&self) -> &[UsedFactor] {
        &self.factors
    }

    /// The central evaluation the model was built from.
    #[must_use]
    pub fn evaluation(&self) -> &Evaluation {
        &self.central
    }

    /// The measures, in order of first appearance.
    pub(crate) fn measure_ids(&self) -> impl Iterator<Item = &MeasureId> {
        self.measures.iter().map(|m| &m.id)
    }

    /// Exact cumulative CO2e and net SEK per payer of the whole scenario at the given
    /// factor values (one per [`LinearModel::factors`]).
    fn totals_at(&self, v: &[Decimal]) -> Option<(Decimal, ByPayer<Decimal>)> {
        let mut co2e = Decimal::ZERO;
        let mut sek = ByPayer::<Decimal>::default();
        let val = |i: usize| v.get(i).copied();
        for m in &self.measures {
            for (i, c) in &m.co2e {
                co2e = co2e.checked_add(val(*i)?.checked_mul(*c)?)?;
            }
            for (i, p, c) in &m.sek {
                let s = sek.get_mut(*p);
                *s = s.checked_add(val(*i)?.checked_mul(*c)?)?;
            }
            for t in &m.yields {
                let yt = val(t.y)?.checked_mul(t.tonnes)?;
                co2e = co2e.checked_add(
                    yt.checked_mul(val(t.ef_reject)?.checked_sub(val(t.ef_route)?)?)?,
                )?;
                let s = sek.get_mut(t.payer_reject);
                *s = s.checked_add(yt.checked_mul(val(t.cf_reject)?)?)?;
                let s = sek.get_mut(t.payer_route);
                *s = s.checked_sub(yt.checked_mul(val(t.cf_route)?)?)?;
            }
            for (i, p, c) in &m.costs {
                let s = sek.get_mut(*p);
                *s = s.checked_add(val(*i)?.checked_mul(*c)?)?;
            }
            for p in Payer::ALL {
                let s = sek.get_mut(p);
                *s = s.checked_sub(*m.fixed_costs.get(p))?;
            }
        }
        Some((co2e, sek))
    }
}

/// Copies an already validated estimate's values (they are ordered, so `new` succeeds).
fn decimal_estimate(low: Decimal, central: Decimal, high: Decimal) -> Estimate<Decimal> {
    Estimate::new(low, central, high).unwrap_or(Estimate::exact(central))
}

/// 5th, 50th and 95th percentiles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Percentiles<T> {
    /// 5th percentile.
    pub p5: T,
    /// Median.
    pub p50: T,
    /// 95th percentile.
    pub p95: T,
}

/// Monte Carlo figures for one measure or the total, over the plan period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct McFigures {
    /// kg CO2e saved over the plan period.
    pub co2e_saved_kg_cumulative: Percentiles<KgCo2e>,
    /// Net SEK saved over the plan period, after measure costs, all payers (society).
    pub net_sek_saved_cumulative: Percentiles<Sek>,
    /// The same, waste fee and municipal budget together (the municipality).
    pub net_sek_saved_cumulative_municipality: Percentiles<Sek>,
    /// The same, per payer.
    pub net_sek_saved_cumulative_by_payer: ByPayer<Percentiles<Sek>>,
    /// Share of draws in which the municipality's net SEK saved is above zero.
    pub probability_municipality_saves_money: Decimal,
}

/// One measure's Monte Carlo figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct McMeasure {
    /// The measure.
    pub measure: MeasureId,
    /// Its figures.
    pub figures: McFigures,
}

/// The result of [`monte_carlo`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonteCarlo {
    /// Number of draws.
    pub draws: u32,
    /// The seed.
    pub seed: u64,
    /// Distribution used for every factor, yield and measure cost.
    pub distribution: String,
    /// The scenario total.
    pub total: McFigures,
    /// Per measure, in order of first appearance.
    pub measures: Vec<McMeasure>,
}

/// Draws from a triangular distribution (low `a`, mode `c`, high `b`) in fixed point, by the
/// inverse of its distribution function with a 32-bit uniform `r / 2³²`.
fn triangular(a: i128, c: i128, b: i128, r: u64) -> i128 {
    if b <= a {
        return c;
    }
    // All inputs are within ±10²⁴ (see FIXED_LIMIT), so spans fit in 2 × 10²⁴ and a span
    // times a 32-bit number fits in i128; saturating products keep the rest panic-free.
    let r = i128::from(r >> 32);
    let span = b.saturating_sub(a);
    let one = 1_i128 << 32;
    if r.saturating_mul(span) < c.saturating_sub(a).saturating_mul(one) {
        // x = a + sqrt(u (b − a)(c − a))
        let n = r.saturating_mul(span).saturating_mul(c.saturating_sub(a)) >> 32;
        a.saturating_add(isqrt(n))
    } else {
        // x = b − sqrt((1 − u)(b − a)(b − c))
        let n = (one - r)
            .saturating_mul(span)
            .saturating_mul(b.saturating_sub(c))
            >> 32;
        b.saturating_sub(isqrt(n))
    }
}

fn isqrt(n: i128) -> i128 {
    if n <= 0 {
        0
    } else {
        // A non-negative i128 fits in u128, and its root fits back in i128.
        i128::try_from(n.unsigned_abs().isqrt()).unwrap_or(0)
    }
}

/// The values at the 5th, 50th and 95th percentile (nearest rank), found by selection
/// (no full sort). Reorders `v`.
fn percentiles(v: &mut [i128]) -> [i128; 3] {
    let n = v.len();
    let mut out = [0_i128; 3];
    if n == 0 {
        return out;
    }
    for (slot, p) in out.iter_mut().zip([5_usize, 50, 95]) {
        let rank = (n * p).div_ceil(100).max(1) - 1;
        let (_, x, _) = v.select_nth_unstable(rank.min(n - 1));
        *slot = *x;
    }
    out
}

fn pc_sek(v: &mut [i128]) -> Option<Percentiles<Sek>> {
    let dp = FACTOR_DP + COEFF_DP;
    let [a, b, c] = percentiles(v);
    Some(Percentiles {
        p5: Sek::new(from_fixed(a, dp)?.normalize()),
        p50: Sek::new(from_fixed(b, dp)?.normalize()),
        p95: Sek::new(from_fixed(c, dp)?.normalize()),
    })
}

/// Per draw: CO2e and SEK per payer (fixed point).
#[derive(Clone, Default)]
struct Draws {
    co2e: Vec<i128>,
    sek: [Vec<i128>; 3],
}

impl Draws {
    fn new(n: usize) -> Self {
        Self {
            co2e: vec![0; n],
            sek: [vec![0; n], vec![0; n], vec![0; n]],
        }
    }

    fn figures(mut self) -> Option<McFigures> {
        let n = self.co2e.len();
        let [wf, mb, hh] = &mut self.sek;
        let mut municipality: Vec<i128> = wf
            .iter()
            .zip(mb.iter())
            .map(|(a, b)| a.saturating_add(*b))
            .collect();
        let mut society: Vec<i128> = municipality
            .iter()
            .zip(hh.iter())
            .map(|(a, b)| a.saturating_add(*b))
            .collect();
        let positive = municipality.iter().filter(|v| **v > 0).count();
        let dp = FACTOR_DP + COEFF_DP;
        let [c5, c50, c95] = percentiles(&mut self.co2e);
        Some(McFigures {
            co2e_saved_kg_cumulative: Percentiles {
                p5: KgCo2e::new(from_fixed(c5, dp)?.normalize()),
                p50: KgCo2e::new(from_fixed(c50, dp)?.normalize()),
                p95: KgCo2e::new(from_fixed(c95, dp)?.normalize()),
            },
            net_sek_saved_cumulative: pc_sek(&mut society)?,
            net_sek_saved_cumulative_municipality: pc_sek(&mut municipality)?,
            net_sek_saved_cumulative_by_payer: ByPayer {
                waste_fee: pc_sek(wf)?,
                municipal_budget: pc_sek(mb)?,
                households: pc_sek(hh)?,
            },
            probability_municipality_saves_money: Decimal::from(positive)
                .checked_div(Decimal::from(n.max(1)))?,
        })
    }
}

fn payer_slot(p: Payer) -> usize {
    match p {
        Payer::WasteFee => 0,
        Payer::MunicipalBudget => 1,
        Payer::Households => 2,
    }
}

/// Fixed-point scale of yields (10⁻⁶).
const YIELD_DP: u32 = 6;

/// Monte Carlo over the ranges of every factor, yield and measure cost: each
/// triangular(low, central, high), `draws` iterations from `seed`. Deterministic: the same
/// model, draws and seed give the same result on every platform.
pub fn monte_carlo(model: &LinearModel, draws: u32, seed: u64) -> Result<MonteCarlo, CalcError> {
    let too_big = || CalcError::TotalOverflow;
    let fixed_factors: Vec<[i128; 3]> = model
        .factors
        .iter()
        .map(|f| {
            let dp = if f.kind == FactorKind::Yield {
                YIELD_DP
            } else {
                FACTOR_DP
            };
            Some([
                to_fixed(f.value.low(), dp)?,
                to_fixed(f.value.central(), dp)?,
                to_fixed(f.value.high(), dp)?,
            ])
        })
        .collect::<Option<_>>()
        .ok_or_else(too_big)?;
    struct Fixed {
        co2e: Vec<(usize, i128)>,
        sek: Vec<(usize, usize, i128)>,
        yields: Vec<(usize, i128, [usize; 4], [usize; 2])>,
        costs: Vec<(usize, usize, i128)>,
        fixed: [i128; 3],
    }
    let fx = |d: Decimal| to_fixed(d, COEFF_DP);
    let measures: Vec<Fixed> = model
        .measures
        .iter()
        .map(|m| {
            Some(Fixed {
                co2e: m
                    .co2e
                    .iter()
                    .map(|(i, c)| Some((*i, fx(*c)?)))
                    .collect::<Option<_>>()?,
                sek: m
                    .sek
                    .iter()
                    .map(|(i, p, c)| Some((*i, payer_slot(*p), fx(*c)?)))
                    .collect::<Option<_>>()?,
                yields: m
                    .yields
                    .iter()
                    .map(|t| {
                        Some((
                            t.y,
                            fx(t.tonnes)?,
                            [t.ef_route, t.ef_reject, t.cf_route, t.cf_reject],
                            [payer_slot(t.payer_route), payer_slot(t.payer_reject)],
                        ))
                    })
                    .collect::<Option<_>>()?,
                costs: m
                    .costs
                    .iter()
                    .map(|(i, p, c)| Some((*i, payer_slot(*p), fx(*c)?)))
                    .collect::<Option<_>>()?,
                fixed: [
                    to_fixed(m.fixed_costs.waste_fee, FACTOR_DP + COEFF_DP)?,
                    to_fixed(m.fixed_costs.municipal_budget, FACTOR_DP + COEFF_DP)?,
                    to_fixed(m.fixed_costs.households, FACTOR_DP + COEFF_DP)?,
                ],
            })
        })
        .collect::<Option<_>>()
        .ok_or_else(too_big)?;
    let n = draws as usize;
    let mut per_measure: Vec<Draws> = (0..measures.len()).map(|_| Draws::new(n)).collect();
    let mut total = Draws::new(n);
    let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(seed);
    let mut sample = vec![0_i128; fixed_factors.len()];
    let yield_scale = 10_i128.pow(YIELD_DP);
    for d in 0..n {
        for (s, [a, c, b]) in sample.iter_mut().zip(&fixed_factors) {
            *s = triangular(*a, *c, *b, rng.next_u64());
        }
        let v = |i: usize| sample.get(i).copied().unwrap_or(0);
        let mut t_co2e = 0_i128;
        let mut t_sek = [0_i128; 3];
        for (m, out) in measures.iter().zip(per_measure.iter_mut()) {
            let mut co2e = 0_i128;
            let mut sek = [0_i128; 3];
            for (i, c) in &m.co2e {
                co2e = co2e.saturating_add(v(*i).saturating_mul(*c));
            }
            for (i, p, c) in &m.sek {
                if let Some(s) = sek.get_mut(*p) {
                    *s = s.saturating_add(v(*i).saturating_mul(*c));
                }
            }
            for (y, t, [efr, efj, cfr, cfj], [pr, pj]) in &m.yields {
                // y (10⁻⁶) × tonnes (10⁻⁶) / 10⁶ = tonnes (10⁻⁶)
                let yt = v(*y).saturating_mul(*t) / yield_scale;
                co2e = co2e.saturating_add(yt.saturating_mul(v(*efj).saturating_sub(v(*efr))));
                if let Some(s) = sek.get_mut(*pj) {
                    *s = s.saturating_add(yt.saturating_mul(v(*cfj)));
                }
                if let Some(s) = sek.get_mut(*pr) {
                    *s = s.saturating_sub(yt.saturating_mul(v(*cfr)));
                }
            }
            for (i, p, c) in &m.costs {
                if let Some(s) = sek.get_mut(*p) {
                    *s = s.saturating_add(v(*i).saturating_mul(*c));
                }
            }
            for (s, f) in sek.iter_mut().zip(&m.fixed) {
                *s = s.saturating_sub(*f);
            }
            if let Some(slot) = out.co2e.get_mut(d) {
                *slot = co2e;
            }
            t_co2e = t_co2e.saturating_add(co2e);
            for ((col, s), t) in out.sek.iter_mut().zip(&sek).zip(t_sek.iter_mut()) {
                if let Some(slot) = col.get_mut(d) {
                    *slot = *s;
                }
                *t = t.saturating_add(*s);
            }
        }
        if let Some(slot) = total.co2e.get_mut(d) {
            *slot = t_co2e;
        }
        for (col, t) in total.sek.iter_mut().zip(&t_sek) {
            if let Some(slot) = col.get_mut(d) {
                *slot = *t;
            }
        }
    }
    let mut out = Vec::with_capacity(measures.len());
    for (m, dr) in model.measures.iter().zip(per_measure) {
        out.push(McMeasure {
            measure: m.id.clone(),
            figures: dr.figures().ok_or_else(too_big)?,
        });
    }
    Ok(MonteCarlo {
        draws,
        seed,
        distribution: "triangular(low, central, high)".into(),
        total: total.figures().ok_or_else(too_big)?,
        measures: out,
    })
}

/// How far the scenario total moves when one factor goes from its low to its high value,
/// all others central.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Swing<T> {
    /// The factor.
    pub factor: FactorId,
    /// The total with this factor at its low value.
    pub at_low: T,
    /// The total with this factor at its high value.
    pub at_high: T,
}

/// Tornado data: one-at-a-time swings, largest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sensitivity {
    /// Cumulative kg CO2e saved at central values.
    pub co2e_central: KgCo2e,
    /// The municipality's cumulative net SEK saved at central values.
    pub sek_central: Sek,
    /// Factors and yields, by how much they move the cumulative CO2e (only those that move it).
    pub co2e: Vec<Swing<KgCo2e>>,
    /// Cost factors, yields and measure costs, by how much they move the municipality's
    /// cumulative net SEK (only those that move it).
    pub sek: Vec<Swing<Sek>>,
}

/// One-at-a-time sensitivity of the cumulative totals to each factor, yield and measure
/// cost (exact, in decimals: the model is linear in each of them when the others are held).
pub fn sensitivity(model: &LinearModel) -> Result<Sensitivity, CalcError> {
    let central: Vec<Decimal> = model.factors.iter().map(|f| f.value.central()).collect();
    let (c0, s0) = model.totals_at(&central).ok_or(CalcError::TotalOverflow)?;
    let muni = |s: &ByPayer<Decimal>| -> Option<Decimal> {
        Payer::ALL
            .into_iter()
            .filter(|p| Perspective::Municipality.includes(*p))
            .try_fold(Decimal::ZERO, |a, p| a.checked_add(*s.get(p)))
    };
    let sek0 = muni(&s0).ok_or(CalcError::TotalOverflow)?;
    let mut co2e = Vec::new();
    let mut sek = Vec::new();
    let mut values = central.clone();
    for (i, f) in model.factors.iter().enumerate() {
        let mut at = |v: Decimal| -> Option<(Decimal, Decimal)> {
            *values.get_mut(i)? = v;
            let (c, s) = model.totals_at(&values)?;
            *values.get_mut(i)? = f.value.central();
            Some((c, muni(&s)?))
        };
        let (cl, sl) = at(f.value.low()).ok_or(CalcError::TotalOverflow)?;
        let (ch, sh) = at(f.value.high()).ok_or(CalcError::TotalOverflow)?;
        if cl != c0 || ch != c0 {
            co2e.push(Swing {
                factor: f.id.clone(),
                at_low: KgCo2e::new(cl),
                at_high: KgCo2e::new(ch),
            });
        }
        if sl != sek0 || sh != sek0 {
            sek.push(Swing {
                factor: f.id.clone(),
                at_low: Sek::new(sl),
                at_high: Sek::new(sh),
            });
        }
    }
    let width = |a: Decimal, b: Decimal| a.checked_sub(b).map_or(Decimal::MAX, |d| d.abs());
    co2e.sort_by(|x, y| {
        width(y.at_high.value(), y.at_low.value())
            .cmp(&width(x.at_high.value(), x.at_low.value()))
            .then_with(|| x.factor.cmp(&y.factor))
    });
    sek.sort_by(|x, y| {
        width(y.at_high.value(), y.at_low.value())
            .cmp(&width(x.at_high.value(), x.at_low.value()))
            .then_with(|| x.factor.cmp(&y.factor))
    });
    Ok(Sensitivity {
        co2e_central: KgCo2e::new(c0),
        sek_central: Sek::new(sek0),
        co2e,
        sek,
    })
}
