//! Monte Carlo percentile bands: fixed-point two-piece draws from a seeded PCG generator,
//! with each measure's effect drawn too and its tonnes run through the pools.
//!
//! Every uncertain input (emission and cost factor, yield, measure cost, effect) is drawn
//! from a *two-piece triangular* distribution around its central value `c`, with half the
//! probability on each side: below `c` a half-triangle from `low` up to `c`, above it a
//! half-triangle from `c` down to `high`. Its quantile function is
//!
//! ```text
//! u < ½:  x = low  + (c − low)  · √(2u)
//! u ≥ ½:  x = high − (high − c) · √(2(1 − u))
//! ```
//!
//! so its median is exactly `c` whatever the range's shape: a one-sided range (`c = high`)
//! puts half the draws at `c`, and the band holds the headline. (The triangular
//! distribution used before had its mode at `c` and its median wherever the range's
//! lopsidedness put it.)
//!
//! Effects: one quantile per measure per iteration, the same for every municipality (the
//! same evidence), each item taking that quantile of its own effect range. The pools are
//! then run again with the drawn shares, exactly as `evaluate` runs them: the measures on
//! one pool act in waste-hierarchy order on what is left in their routes, year by year with
//! their ramps (years with the same ramps are run once and counted as often as they occur).
//! Each item's tonnes out of each route over the plan period (in 10⁻⁶ t) go to its
//! measure, where they meet the drawn factors and yields: `Σ_r out_r × EF_r − Σ_t in_t ×
//! EF_t`, with `in_t = moved × target_t` split by the drawn yield. Nothing is approximated
//! beyond fixed-point rounding: a draw's tonnes per route are what the pool gives at those
//! effects, and a take is at most what is left in the route (rounded to the nearest, never
//! above the stock), so no draw moves a tonne that is not in the pool (tested). Shares (effects, reaches, ramps, target shares) are in units of 2⁻³².
//!
//! Fixed point throughout: factor values to 10⁻⁴, yields to 10⁻⁶, tonnes to 10⁻⁶; no float
//! reaches a result (a square root's first guess is the float root, and integer steps make
//! it the exact integer root).

mod draws;
mod engine;
mod num;
mod percentiles;
mod pools;
mod sinks;
#[cfg(test)]
mod tests;

use super::LinearModel;
use super::wide::Pcg64Mcg;
use crate::eval::{CalcError, NR};
use crate::model::{ByPayer, FactorId, MeasureId, Payer};
use crate::units::{KgCo2e, Sek};
use draws::two_piece;
use engine::{Engine, flat};
use percentiles::Draws;
use pools::Scratch;
use rand_core::{Rng, SeedableRng};
use rust_decimal::Decimal;

/// Scale of factor values in fixed point: 10⁻⁴ kg CO2e/t or SEK/t.
const FACTOR_DP: u32 = 4;
/// Scale of tonnes (and of coefficients) in fixed point: 10⁻⁶ t.
const COEFF_DP: u32 = 6;

/// Largest magnitude a fixed-point value may have (10²⁴), so that products of a value,
/// a 32-bit uniform and another value stay far inside i128.
const FIXED_LIMIT: i128 = 1_000_000_000_000_000_000_000_000;

/// 1 in binary fixed point (shares: effects, reaches, ramps, target shares).
const ONE: u64 = 1 << 32;

/// Largest tonnes per route of one pool in 10⁻⁶ t (2⁵⁵, 3.6 × 10¹⁰ t a year): a year's
/// take times the number of years (at most 100 < 2⁷) stays below 2⁶² in a u64.
const POOL_LIMIT: u64 = 1 << 55;

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

/// A share in 0–1 in units of 2⁻³², rounded to the nearest (1 is exactly [`ONE`]).
fn to_binary(d: Decimal) -> Option<u64> {
    let v = d.checked_mul(Decimal::from(ONE))?.round().mantissa();
    u64::try_from(v.clamp(0, i128::from(ONE))).ok()
}

/// Fixed-point scale of yields (10⁻⁶).
const YIELD_DP: u32 = 6;

/// 5th, 25th, 50th, 75th and 95th percentiles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Percentiles<T> {
    /// 5th percentile.
    pub p5: T,
    /// 25th percentile (lower quartile).
    pub p25: T,
    /// Median.
    pub p50: T,
    /// 75th percentile (upper quartile).
    pub p75: T,
    /// 95th percentile.
    pub p95: T,
}

/// Share of the draws in which each figure is a saving (above zero).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SavingOdds {
    /// CO2e saved.
    pub co2e: Decimal,
    /// Society's net SEK (all payers).
    pub society: Decimal,
    /// The municipality's net SEK (waste fee and budget).
    pub municipality: Decimal,
    /// Each payer's net SEK.
    pub by_payer: ByPayer<Decimal>,
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
    /// Share of draws in which each figure is above zero.
    pub probability_saving: SavingOdds,
}

/// One measure's Monte Carlo figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct McMeasure {
    /// The measure.
    pub measure: MeasureId,
    /// Its figures.
    pub figures: McFigures,
}

/// A figure of the scenario total the Monte Carlo checks against the all-central result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum McFigure {
    /// kg CO2e saved.
    Co2e,
    /// Society's net SEK (all payers).
    Society,
    /// The municipality's net SEK (waste fee and budget).
    Municipality,
    /// One payer's net SEK.
    Payer(Payer),
}

/// Why a figure's band does not hold its all-central result as it should.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Disagreement {
    /// Inputs whose ranges reach further on one side of the central value than on the
    /// other pull the band to that side: each input's median is its central value, but a
    /// sum's median is not the sum of the medians when the parts are lopsided the same way.
    /// The inputs are those that pull the way the band lies, the strongest first (at most
    /// five), with the pull measured as `(result at low − central) + (result at high −
    /// central)`.
    Lopsided {
        /// Whether the band lies below the central result (else above).
        below: bool,
        /// The inputs' ids (factors, yields, measure costs, `effect.<measure>`).
        inputs: Vec<FactorId>,
    },
    /// No single input's range pulls that way: the band is moved by products of
    /// uncertain inputs (an effect times a factor, a yield times a factor) or by the
    /// sampling noise of the draws.
    Interaction {
        /// Whether the band lies below the central result (else above).
        below: bool,
    },
}

/// How one figure of the total relates to the all-central result (the headline).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agreement {
    /// The figure.
    pub figure: McFigure,
    /// Its all-central value over the plan period (kg CO2e or SEK).
    pub central: Decimal,
    /// Whether the central value lies inside the band from the 25th to the 75th
    /// percentile (both ends included; a difference below a millionth of the value plus
    /// one kg or SEK is the draws' fixed-point rounding and does not count).
    pub central_in_iqr: bool,
    /// Whether a saving is at least as likely as not (half the draws or more above zero)
    /// where the central value is a saving (above zero); `true` where it is not.
    pub saving_at_least_even: bool,
    /// Why, when either of the two does not hold.
    pub reason: Option<Disagreement>,
}

/// The result of [`monte_carlo`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonteCarlo {
    /// Number of draws.
    pub draws: u32,
    /// The seed.
    pub seed: u64,
    /// Distribution used for every factor, yield, measure cost and effect.
    pub distribution: String,
    /// The scenario total.
    pub total: McFigures,
    /// Per measure, in order of first appearance.
    pub measures: Vec<McMeasure>,
    /// For each figure of the total (CO2e, society, the municipality, each payer): whether
    /// its band holds the all-central result, and why not where it does not.
    pub agreement: Vec<Agreement>,
}

/// The distribution every input is drawn from, as the results name it.
const DISTRIBUTION: &str = "two-piece triangular(low, central, high), median = central";

/// Monte Carlo over the ranges of every factor, yield, measure cost and effect: each drawn
/// from its two-piece triangular distribution (median = central), `draws` iterations from
/// `seed`, the effects run through the pools. Deterministic: the same model, draws and
/// seed give the same result on every platform. The figures are the plan's measures:
/// what the law requires acts first in every draw at its own share and is not counted.
/// The total's figures are checked against the plan's all-central result
/// ([`MonteCarlo::agreement`]).
///
/// A value too large for the fixed point (beyond ±10²⁰ kg or SEK per tonne, or a pool of
/// more than 3.6 × 10¹⁰ t a year) is [`CalcError::TotalOverflow`].
///
/// ```
/// use calc_core::{LinearModel, demo, monte_carlo};
/// # fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
/// let model = LinearModel::new(&demo::table()?, &demo::scenario()?)?;
/// let mc = monte_carlo(&model, 2_000, 7)?;
/// let band = mc.total.co2e_saved_kg_cumulative;
/// assert!(band.p5 < band.p50 && band.p50 < band.p95);
/// // The headline lies inside the band from the 25th to the 75th percentile.
/// assert!(mc.agreement.iter().all(|a| a.central_in_iqr));
/// // The same seed gives the same draws, natively and in the browser.
/// assert_eq!(monte_carlo(&model, 2_000, 7)?.total, mc.total);
/// # Ok(())
/// # }
/// ```
pub fn monte_carlo(model: &LinearModel, draws: u32, seed: u64) -> Result<MonteCarlo, CalcError> {
    monte_carlo_with(model, draws, seed, true)
}

/// [`monte_carlo`] on the saturating draw loop only: the same loop on saturating i128
/// arithmetic, which the tests hold the fast one ([`flat`]) against
/// (`factors/tests/fast_path.rs`). Not part of the API.
#[doc(hidden)]
pub fn monte_carlo_saturating(
    model: &LinearModel,
    draws: u32,
    seed: u64,
) -> Result<MonteCarlo, CalcError> {
    monte_carlo_with(model, draws, seed, false)
}

fn monte_carlo_with(
    model: &LinearModel,
    draws: u32,
    seed: u64,
    fast: bool,
) -> Result<MonteCarlo, CalcError> {
    let too_big = || CalcError::TotalOverflow;
    let engine = Engine::new(model).ok_or_else(too_big)?;
    let n = draws as usize;
    let mut per_measure: Vec<Draws> = (0..engine.costs.len()).map(|_| Draws::new(n)).collect();
    let mut total = Draws::new(n);
    match flat(&engine).filter(|_| fast) {
        Some(factors) => {
            // The same generator, output for output, with its step inline on wasm32.
            let mut rng = Pcg64Mcg::seed_from_u64(seed);
            let mut values = vec![0_i64; factors.len()];
            engine.run(
                &mut values,
                0,
                || rng.next_u64(),
                |i, r| factors.get(i).map_or(0, |f| f.draw(r)),
                &mut per_measure,
                &mut total,
            );
        }
        None => {
            let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(seed);
            let mut values = vec![0_i128; engine.inputs.len()];
            let inputs = &engine.inputs;
            engine.run(
                &mut values,
                0,
                || rng.next_u64(),
                |i, r| {
                    inputs
                        .get(i)
                        .map_or(0, |[a, c, b]| two_piece(*a, *c, *b, r))
                },
                &mut per_measure,
                &mut total,
            );
        }
    }
    let mut out = Vec::with_capacity(per_measure.len());
    for (m, dr) in model.measures.iter().zip(per_measure) {
        out.push(McMeasure {
            measure: m.id.clone(),
            figures: dr.figures().ok_or_else(too_big)?,
        });
    }
    let total = total.figures().ok_or_else(too_big)?;
    let agreement = super::agreement::check(model, &total)?;
    Ok(MonteCarlo {
        draws,
        seed,
        distribution: DISTRIBUTION.into(),
        total,
        measures: out,
        agreement,
    })
}

/// One pool group in one draw: its tonnes per route over the plan period before any
/// measure, and the tonnes its measures moved out of each route (10⁻⁶ t).
#[doc(hidden)]
pub type PoolDraw = (Vec<u64>, Vec<u128>);

/// The pools' tonnes in the draws, for the tests: for each of `draws` iterations and each
/// pool group whose tonnes vary with the effects, the group's tonnes per route over the
/// plan period before any measure, and the tonnes its measures moved out of each route
/// (both in 10⁻⁶ t). Not part of the API.
#[doc(hidden)]
pub fn monte_carlo_pool_draws(
    model: &LinearModel,
    draws: u32,
    seed: u64,
) -> Result<Vec<PoolDraw>, CalcError> {
    let engine = Engine::new(model).ok_or(CalcError::TotalOverflow)?;
    let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(seed);
    let mut out = Vec::new();
    let mut scratch = Scratch::default();
    for _ in 0..draws {
        let uniforms: Vec<u64> = (0..engine.uniforms).map(|_| rng.next_u64()).collect();
        for g in &engine.groups {
            let effects: Vec<u64> = g
                .members
                .iter()
                .map(|m| {
                    m.effect
                        .draw(uniforms.get(m.uniform).copied().unwrap_or(0))
                        .unsigned_abs()
                })
                .collect();
            let mut sinks = vec![[0_u128; NR]; engine.sinks.len()];
            g.run(&effects, &mut scratch, &mut sinks);
            let years = g.years.iter().map(|(_, n)| *n).sum::<u64>();
            let initial: Vec<u64> = g.initial.iter().map(|t| t * years).collect();
            let moved: Vec<u128> = (0..NR)
                .map(|s| sinks.iter().map(|o| o.get(s).copied().unwrap_or(0)).sum())
                .collect();
            out.push((initial, moved));
        }
    }
    Ok(out)
}
