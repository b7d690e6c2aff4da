//! [`ModelError`]: what a constructor reports.

use super::Route;
use crate::units::{Tonnes, Year};
use rust_decimal::Decimal;

/// A problem found while building domain values.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// Occurs when low ≤ central ≤ high does not hold.
    #[error("low ≤ central ≤ high does not hold: {low}, {central}, {high}")]
    EstimateOrder {
        /// The low value.
        low: String,
        /// The central value.
        central: String,
        /// The high value.
        high: String,
    },
    /// Occurs when route shares do not sum to 1 (said in percent: a file may give them as
    /// shares or as percentages).
    #[error("route shares sum to {} %, not 100 %", percent_text(*.sum, false))]
    MixSum {
        /// The sum found.
        sum: Decimal,
    },
    /// Occurs when a mix names a route twice.
    #[error("route {route} appears twice in one mix")]
    DuplicateRoute {
        /// The route.
        route: Route,
    },
    /// Occurs when a table gets a second factor for the same fraction × route.
    #[error("duplicate factor {id}")]
    DuplicateFactor {
        /// The factor id.
        id: String,
    },
    /// Occurs when a factor's id does not name its fraction and route (an emission factor
    /// for textiles × reuse must be `ef.textiles.reuse`).
    #[error("factor {id} is for {fraction} × {route}, so its id must be {expected}")]
    FactorId {
        /// The id given.
        id: String,
        /// The factor's fraction.
        fraction: String,
        /// The factor's route.
        route: Route,
        /// The id its fraction and route give.
        expected: String,
    },
    /// Occurs when a measure's first year comes after the plan period's last.
    #[error("start year {start} comes after the plan period's last year {end}")]
    StartAfterPeriod {
        /// The start year given.
        start: Year,
        /// The plan period's last year.
        end: Year,
    },
    /// Occurs when a cost's price year has no level in the price index.
    #[error("no price index level for {year}")]
    NoPriceLevel {
        /// The price year.
        year: Year,
    },
    /// Occurs when a price index level is zero or negative.
    #[error("price index level for {year} must be positive, not {value}")]
    PriceLevel {
        /// The year.
        year: Year,
        /// The level given.
        value: Decimal,
    },
    /// Occurs when a price index gets a second level for the same year.
    #[error("price index level for {year} given twice")]
    DuplicatePriceYear {
        /// The year.
        year: Year,
    },
    /// Occurs when a table gets a second source with the same id.
    #[error("duplicate source {id}")]
    DuplicateSource {
        /// The source id.
        id: String,
    },
    /// Occurs when a full-effect year comes before the start year, or a period ends before it starts.
    #[error("year {later} comes before {earlier}")]
    YearOrder {
        /// The year that should come first.
        earlier: Year,
        /// The year that should come later.
        later: Year,
    },
    /// Occurs when a plan period is longer than 100 years.
    #[error("plan period {start}–{end} is longer than 100 years")]
    PeriodTooLong {
        /// First year.
        start: Year,
        /// Last year.
        end: Year,
    },
    /// Occurs when a yield's reject route is the route itself.
    #[error("the reject route of a yield for {route} cannot be {route}")]
    RejectRoute {
        /// The route.
        route: Route,
    },
    /// Occurs when a measure that takes its tonnes from a pool also has a baseline mix.
    #[error(
        "measure {measure} names a pool, so its baseline is the pool's: remove its baseline mix rows"
    )]
    BaselineInPool {
        /// The measure.
        measure: String,
    },
    /// Occurs when a measure's fraction is not its pool's.
    #[error("pool {pool} holds {fraction}; the measure must name the same fraction")]
    PoolFraction {
        /// The pool.
        pool: String,
        /// The pool's fraction.
        fraction: String,
    },
    /// Occurs when a measure acts on no route.
    #[error("measure {measure} acts on no route")]
    NoRoutes {
        /// The measure.
        measure: String,
    },
    /// Occurs when a cost is negative.
    #[error("cost {0:#} is negative")]
    NegativeCost(crate::units::Sek),
    /// Occurs when a quantity is negative.
    #[error("quantity {0:#} is negative")]
    NegativeQuantity(Tonnes),
}

/// A share as a percentage for a message: `0.9` → `90`, `1.015` → `101.5` (`101,5` with a
/// decimal comma); a sum too large to scale is written as it is.
#[must_use]
pub(crate) fn percent_text(share: Decimal, decimal_comma: bool) -> String {
    let p = share
        .checked_mul(Decimal::ONE_HUNDRED)
        .map_or(share, |p| p.normalize());
    let text = p.to_string();
    if decimal_comma {
        text.replace('.', ",")
    } else {
        text
    }
}
