//! The entry points: the draws from a seed through the draw loop to the figures.

use super::draws::two_piece;
use super::engine::{Engine, flat};
use super::percentiles::Draws;
use super::pools::Scratch;
use super::results::{DISTRIBUTION, McMeasure, MonteCarlo};
use crate::decide::LinearModel;
use crate::decide::wide::Pcg64Mcg;
use crate::eval::{CalcError, NR};
use rand_core::{Rng, SeedableRng};

/// Monte Carlo over the ranges of every factor, yield, measure cost and effect: each drawn
/// from its two-piece triangular distribution (median = central), `draws` iterations from
/// `seed`, the effects run through the pools. Deterministic: the same model, draws and
/// seed give the same result on every platform. The figures are the plan's measures:
/// what the law requires acts first in every draw at its own share and is not counted.
/// The total's figures are checked against the plan's all-central result
/// ([`MonteCarlo::agreement`]).
///
/// A value too large for the fixed point (beyond ±10²⁰ kg or SEK per tonne, or a pool of
/// more than 3.6 × 10¹⁰ t a year) is [`CalcError::TotalOverflow`]; no draws (`draws` 0)
/// is [`CalcError::NoDraws`].
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
    if draws == 0 {
        return Err(CalcError::NoDraws);
    }
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
    let agreement = crate::decide::agreement::check(model, &total)?;
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
