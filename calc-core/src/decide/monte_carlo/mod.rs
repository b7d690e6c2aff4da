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
mod results;
mod run;
mod scales;
mod sinks;
#[cfg(test)]
mod tests;

pub use results::{
    Agreement, Disagreement, McFigure, McFigures, McMeasure, MonteCarlo, Percentiles, SavingOdds,
};
pub use run::{PoolDraw, monte_carlo, monte_carlo_pool_draws, monte_carlo_saturating};
