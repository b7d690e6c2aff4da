//! Deciding under uncertainty: Monte Carlo percentile bands and one-at-a-time sensitivity.
//!
//! For given tonnes moved, every result of [`evaluate`](crate::evaluate) is linear in the factor values:
//! the cumulative CO2e a measure saves is `Σ_f EF_f × A_f` where `A_f = Σ_items Σ_routes
//! weight × tonnes shifted over the plan period`, and its net SEK is `Σ_f CF_f × A_f −
//! measure costs`. [`LinearModel`] computes those coefficients once, which makes the
//! factors' tornado exact and cheap. The tonnes moved depend on the effects and the pools:
//! where an effect is uncertain, the Monte Carlo runs the pools again in every draw and the
//! tornado at the effect's ends (the measures on a pool act in order on what is left, so
//! an effect is not a linear input).
//!
//! Draws are in fixed-point integers (factor values to 10⁻⁴, tonnes to 10⁻⁶, shares to
//! 2⁻³²), from a seeded PCG generator (`rand_pcg`'s `Pcg64Mcg`, a well-kept, portable
//! generator whose output is specified bit for bit; the draw loop uses `wide::Pcg64Mcg`,
//! the same output with its step inline on wasm32), so the same seed gives the same
//! numbers natively and on wasm32. No float reaches a result: a square root's first guess
//! is the float root, and integer steps make it the exact integer root.
//!
//! Each distinct factor is drawn once per iteration and used by every measure and
//! municipality that cites it (same factor ⇒ same draw), and each measure's effect once
//! per iteration for every municipality: the draws are correlated exactly as the data and
//! the evidence are shared. Every input's distribution has its central value as median
//! (two-piece triangular, see `monte_carlo`), and the result says for each figure of the
//! total whether its band holds the all-central result, and why not where it does not.

mod agreement;
mod linear;
mod monte_carlo;
mod sensitivity;
pub(crate) mod wide;

pub use linear::LinearModel;
pub use monte_carlo::{
    Agreement, Disagreement, McFigure, McFigures, McMeasure, MonteCarlo, Percentiles, PoolDraw,
    SavingOdds, monte_carlo, monte_carlo_pool_draws, monte_carlo_saturating,
};
pub use sensitivity::{Sensitivity, Swing, sensitivity};

use crate::model::{Estimate, FactorId, MeasureId};
use rust_decimal::Decimal;
use serde::Serialize;

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
    /// A measure's effect (share of what it reaches that it moves), id `effect.<measure>`.
    Effect,
}

/// The id of a measure's effect as an uncertain input: `effect.<measure>` (in the tornado
/// beside the factors' ids).
#[must_use]
pub fn effect_id(measure: &MeasureId) -> FactorId {
    FactorId(format!("effect.{measure}"))
}

/// A measure whose effect has a range: one quantile is drawn per Monte Carlo iteration for
/// it, the same for every municipality (the same evidence), and each item takes that
/// quantile of its own range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsedEffect {
    /// `effect.<measure>`.
    pub id: FactorId,
    /// The measure.
    pub measure: MeasureId,
    /// Its index among the model's measures.
    pub(crate) measure_index: usize,
    /// Low, central and high share of its first item with a range.
    pub value: Estimate<Decimal>,
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
