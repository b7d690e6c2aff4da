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
use crate::eval::{CalcError, Evaluation, FactorLookup, evaluate};
use crate::model::{Estimate, FactorId, MeasureId};
use crate::scenario::Scenario;
use crate::units::{KgCo2e, Sek};
use rand_core::{Rng, SeedableRng};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

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

/// Whether a factor is an emission or a cost factor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactorKind {
    /// kg CO2e per tonne.
    Emission,
    /// SEK per tonne.
    Cost,
}

/// A distinct factor the scenario uses, with its range.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsedFactor {
    /// The factor's id.
    pub id: FactorId,
    /// Emission or cost.
    pub kind: FactorKind,
    /// Low, central and high value (kg CO2e/t or SEK/t).
    pub value: Estimate<Decimal>,
}

/// Per measure: the coefficient of each factor in its cumulative CO2e (or SEK), in tonnes.
#[derive(Clone, Debug)]
struct MeasureTerms {
    id: MeasureId,
    /// (factor index, tonnes) pairs.
    coeff: Vec<(usize, Decimal)>,
    /// Measure costs over the plan period.
    costs: Decimal,
}

/// The scenario in linear form: results = Σ factor value × coefficient (− costs).
#[derive(Clone, Debug)]
pub struct LinearModel {
    factors: Vec<UsedFactor>,
    measures: Vec<MeasureTerms>,
    central: Evaluation,
}

impl LinearModel {
    /// Builds the model: evaluates the scenario once (for the tonnes shifted) and collects
    /// each distinct factor's coefficient per measure.
    pub fn new(table: &FactorTable, scenario: &Scenario) -> Result<Self, CalcError> {
        let central = evaluate(table, scenario)?;
        let lookup = FactorLookup { table, scenario };
        let mut factors: Vec<UsedFactor> = Vec::new();
        let mut measures: Vec<MeasureTerms> = Vec::new();
        for (item, result) in scenario.items.iter().zip(&central.items) {
            let overflow = || CalcError::Overflow {
                measure: result.measure.clone(),
                municipality: result.municipality.clone(),
            };
            let tonnes = result.summary.tonnes_shifted_cumulative.value();
            let costs = result
                .years
                .iter()
                .try_fold(Decimal::ZERO, |acc, y| {
                    acc.checked_add(y.measure_cost_sek.value())
                })
                .ok_or_else(overflow)?;
            let m = match measures.iter().position(|m| m.id == result.measure) {
                Some(i) => i,
                None => {
                    measures.push(MeasureTerms {
                        id: result.measure.clone(),
                        coeff: Vec::new(),
                        costs: Decimal::ZERO,
                    });
                    measures.len() - 1
                }
            };
            let terms = lookup
                .terms(item.measure())
                .map_err(|e| e.unwrap_or_else(overflow))?;
            let Some(entry) = measures.get_mut(m) else {
                continue;
            };
            entry.costs = entry.costs.checked_add(costs).ok_or_else(overflow)?;
            for term in terms {
                let c = term.weight.checked_mul(tonnes).ok_or_else(overflow)?;
                for (id, kind, est) in [
                    (
                        term.ef_id,
                        FactorKind::Emission,
                        decimal_estimate(
                            term.ef.low().value(),
                            term.ef.central().value(),
                            term.ef.high().value(),
                        ),
                    ),
                    (
                        term.cf_id,
                        FactorKind::Cost,
                        decimal_estimate(
                            term.cf.low().value(),
                            term.cf.central().value(),
                            term.cf.high().value(),
                        ),
                    ),
                ] {
                    let fi = match factors.iter().position(|f| f.id == id) {
                        Some(i) => i,
                        None => {
                            factors.push(UsedFactor {
                                id,
                                kind,
                                value: est,
                            });
                            factors.len() - 1
                        }
                    };
                    match entry.coeff.iter_mut().find(|(i, _)| *i == fi) {
                        Some((_, v)) => *v = v.checked_add(c).ok_or_else(overflow)?,
                        None => entry.coeff.push((fi, c)),
                    }
                }
            }
        }
        Ok(Self {
            factors,
            measures,
            central,
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

    /// Total coefficient of each factor over all measures.
    fn total_coefficients(&self) -> Option<Vec<Decimal>> {
        let mut total = vec![Decimal::ZERO; self.factors.len()];
        for m in &self.measures {
            for (i, c) in &m.coeff {
                let slot = total.get_mut(*i)?;
                *slot = slot.checked_add(*c)?;
            }
        }
        Some(total)
    }
}

/// Copies an already validated estimate's values (they are ordered, so `new` succeeds).
fn decimal_estimate(low: Decimal, central: Decimal, high: Decimal) -> Estimate<Decimal> {
    Estimate::new(low, central, high).unwrap_or(Estimate::exact(central))
}

/// 5th, 50th and 95th percentiles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Percentiles<T> {
    /// 5th percentile.
    pub p5: T,
    /// Median.
    pub p50: T,
    /// 95th percentile.
    pub p95: T,
}

/// Monte Carlo figures for one measure or the total, over the plan period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct McFigures {
    /// kg CO2e saved over the plan period.
    pub co2e_saved_kg_cumulative: Percentiles<KgCo2e>,
    /// Net SEK saved over the plan period, after measure costs.
    pub net_sek_saved_cumulative: Percentiles<Sek>,
    /// Share of draws in which the net SEK saved is above zero.
    pub probability_saves_money: Decimal,
}

/// One measure's Monte Carlo figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct McMeasure {
    /// The measure.
    pub measure: MeasureId,
    /// Its figures.
    pub figures: McFigures,
}

/// The result of [`monte_carlo`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonteCarlo {
    /// Number of draws.
    pub draws: u32,
    /// The seed.
    pub seed: u64,
    /// Distribution used for every factor.
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

/// The value at percentile `p` (in percent) of sorted values, nearest-rank method.
fn percentile(sorted: &[i128], p: u32) -> i128 {
    let n = sorted.len();
    if n == 0 {
        return 0;
    }
    let rank = (n * p as usize).div_ceil(100).max(1);
    sorted.get(rank - 1).copied().unwrap_or(0)
}

fn figures(co2e: &mut [i128], sek: &mut [i128]) -> Option<McFigures> {
    let positive = sek.iter().filter(|v| **v > 0).count();
    co2e.sort_unstable();
    sek.sort_unstable();
    let dp = FACTOR_DP + COEFF_DP;
    let pc = |v: &[i128]| -> Option<Percentiles<Decimal>> {
        Some(Percentiles {
            p5: from_fixed(percentile(v, 5), dp)?.normalize(),
            p50: from_fixed(percentile(v, 50), dp)?.normalize(),
            p95: from_fixed(percentile(v, 95), dp)?.normalize(),
        })
    };
    let c = pc(co2e)?;
    let s = pc(sek)?;
    let n = Decimal::from(co2e.len().max(1));
    Some(McFigures {
        co2e_saved_kg_cumulative: Percentiles {
            p5: KgCo2e::new(c.p5),
            p50: KgCo2e::new(c.p50),
            p95: KgCo2e::new(c.p95),
        },
        net_sek_saved_cumulative: Percentiles {
            p5: Sek::new(s.p5),
            p50: Sek::new(s.p50),
            p95: Sek::new(s.p95),
        },
        probability_saves_money: Decimal::from(positive).checked_div(n)?,
    })
}

/// Monte Carlo over the factor ranges: each factor triangular(low, central, high), `draws`
/// iterations from `seed`. Deterministic: the same model, draws and seed give the same
/// result on every platform.
pub fn monte_carlo(model: &LinearModel, draws: u32, seed: u64) -> Result<MonteCarlo, CalcError> {
    let too_big = || CalcError::TotalOverflow;
    let fixed_factors: Vec<[i128; 3]> = model
        .factors
        .iter()
        .map(|f| {
            Some([
                to_fixed(f.value.low(), FACTOR_DP)?,
                to_fixed(f.value.central(), FACTOR_DP)?,
                to_fixed(f.value.high(), FACTOR_DP)?,
            ])
        })
        .collect::<Option<_>>()
        .ok_or_else(too_big)?;
    let cost_fixed: Vec<i128> = model
        .measures
        .iter()
        .map(|m| to_fixed(m.costs, FACTOR_DP + COEFF_DP))
        .collect::<Option<_>>()
        .ok_or_else(too_big)?;
    let coeff_fixed: Vec<Vec<(usize, i128)>> = model
        .measures
        .iter()
        .map(|m| {
            m.coeff
                .iter()
                .map(|(i, c)| Some((*i, to_fixed(*c, COEFF_DP)?)))
                .collect::<Option<Vec<_>>>()
        })
        .collect::<Option<_>>()
        .ok_or_else(too_big)?;
    let n = draws as usize;
    let nm = model.measures.len();
    let mut m_co2e = vec![vec![0_i128; n]; nm];
    let mut m_sek = vec![vec![0_i128; n]; nm];
    let mut t_co2e = vec![0_i128; n];
    let mut t_sek = vec![0_i128; n];
    let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(seed);
    let mut sample = vec![0_i128; fixed_factors.len()];
    for d in 0..n {
        for (s, [a, c, b]) in sample.iter_mut().zip(&fixed_factors) {
            *s = triangular(*a, *c, *b, rng.next_u64());
        }
        let (mut tc, mut ts) = (0_i128, 0_i128);
        for (((coeffs, cost), mc), ms) in coeff_fixed
            .iter()
            .zip(&cost_fixed)
            .zip(m_co2e.iter_mut())
            .zip(m_sek.iter_mut())
        {
            let (mut co2e, mut sek) = (0_i128, -cost);
            for (i, c) in coeffs {
                let v = sample.get(*i).copied().unwrap_or(0).saturating_mul(*c);
                match model.factors.get(*i).map(|f| f.kind) {
                    Some(FactorKind::Emission) => co2e = co2e.saturating_add(v),
                    Some(FactorKind::Cost) => sek = sek.saturating_add(v),
                    None => {}
                }
            }
            if let Some(slot) = mc.get_mut(d) {
                *slot = co2e;
            }
            if let Some(slot) = ms.get_mut(d) {
                *slot = sek;
            }
            tc = tc.saturating_add(co2e);
            ts = ts.saturating_add(sek);
        }
        if let Some(slot) = t_co2e.get_mut(d) {
            *slot = tc;
        }
        if let Some(slot) = t_sek.get_mut(d) {
            *slot = ts;
        }
    }
    let mut measures = Vec::with_capacity(nm);
    for ((m, mut c), mut s) in model.measures.iter().zip(m_co2e).zip(m_sek) {
        measures.push(McMeasure {
            measure: m.id.clone(),
            figures: figures(&mut c, &mut s).ok_or_else(too_big)?,
        });
    }
    Ok(MonteCarlo {
        draws,
        seed,
        distribution: "triangular(low, central, high)".into(),
        total: figures(&mut t_co2e, &mut t_sek).ok_or_else(too_big)?,
        measures,
    })
}

/// How far the scenario total moves when one factor goes from its low to its high value,
/// all others central.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Swing<T> {
    /// The factor.
    pub factor: FactorId,
    /// The total with this factor at its low value.
    pub at_low: T,
    /// The total with this factor at its high value.
    pub at_high: T,
}

/// Tornado data: one-at-a-time swings, largest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sensitivity {
    /// Cumulative kg CO2e saved at central factors.
    pub co2e_central: KgCo2e,
    /// Cumulative net SEK saved at central factors.
    pub sek_central: Sek,
    /// Emission factors, by how much they move the cumulative CO2e.
    pub co2e: Vec<Swing<KgCo2e>>,
    /// Cost factors, by how much they move the cumulative net SEK.
    pub sek: Vec<Swing<Sek>>,
}

/// One-at-a-time sensitivity of the cumulative totals to each factor (exact, in decimals).
pub fn sensitivity(model: &LinearModel) -> Result<Sensitivity, CalcError> {
    let total = model.total_coefficients().ok_or(CalcError::TotalOverflow)?;
    let co2e_central = model.central.total.co2e_saved_kg_cumulative.central;
    let sek_central = model.central.total.net_sek_saved_cumulative.central;
    let mut co2e = Vec::new();
    let mut sek = Vec::new();
    for (f, c) in model.factors.iter().zip(total) {
        let shift =
            |v: Decimal| -> Option<Decimal> { v.checked_sub(f.value.central())?.checked_mul(c) };
        let (lo, hi) = (
            shift(f.value.low()).ok_or(CalcError::TotalOverflow)?,
            shift(f.value.high()).ok_or(CalcError::TotalOverflow)?,
        );
        match f.kind {
            FactorKind::Emission => co2e.push(Swing {
                factor: f.id.clone(),
                at_low: KgCo2e::new(
                    co2e_central
                        .value()
                        .checked_add(lo)
                        .ok_or(CalcError::TotalOverflow)?,
                ),
                at_high: KgCo2e::new(
                    co2e_central
                        .value()
                        .checked_add(hi)
                        .ok_or(CalcError::TotalOverflow)?,
                ),
            }),
            FactorKind::Cost => sek.push(Swing {
                factor: f.id.clone(),
                at_low: Sek::new(
                    sek_central
                        .value()
                        .checked_add(lo)
                        .ok_or(CalcError::TotalOverflow)?,
                ),
                at_high: Sek::new(
                    sek_central
                        .value()
                        .checked_add(hi)
                        .ok_or(CalcError::TotalOverflow)?,
                ),
            }),
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
        co2e_central,
        sek_central,
        co2e,
        sek,
    })
}
