//! What the Monte Carlo gives: percentile bands, the odds of a saving, and how the total's
//! bands relate to the all-central result.

use crate::model::{ByPayer, FactorId, MeasureId, Payer, Range};
use crate::units::{KgCo2e, Sek};
use rust_decimal::Decimal;

/// 5th, 25th, 50th, 75th and 95th percentiles.
///
/// Read as every range ([`Range`]): `low()` is the 5th percentile (`p5`), `central()` the
/// median (`p50`) and `high()` the 95th percentile (`p95`); the quartiles have no range
/// name.
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

impl<T: Copy> Range<T> for Percentiles<T> {
    /// The 5th percentile, `p5`.
    fn low(&self) -> T {
        self.p5
    }
    /// The median, `p50`.
    fn central(&self) -> T {
        self.p50
    }
    /// The 95th percentile, `p95`.
    fn high(&self) -> T {
        self.p95
    }
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

/// The result of [`monte_carlo`](super::monte_carlo()).
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
pub(super) const DISTRIBUTION: &str = "two-piece triangular(low, central, high), median = central";
