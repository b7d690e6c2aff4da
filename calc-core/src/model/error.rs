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
    /// Occurs when an id names nothing known (with the nearest known ids, if any).
    #[error("unknown {} '{}'{}", what.name(crate::Lang::En), super::lookup::shown(id), did_you_mean(suggestions, crate::Lang::En))]
    UnknownId {
        /// What kind of id.
        what: super::IdKind,
        /// The id given.
        id: String,
        /// Up to three known ids near it.
        suggestions: Vec<String>,
    },
    /// Occurs when a value that cannot be negative is (a quantity per inhabitant or
    /// portion, an actual).
    #[error("{} is negative: it must be 0 or more", decimal_text(*.0, false))]
    Negative(Decimal),
    /// Occurs when a quantity in grams per portion is given for a pool not counted in
    /// portions.
    #[error(
        "grams per portion only for a pool counted in portions (the municipal kitchens); {pool} is not"
    )]
    PortionsOnly {
        /// The pool.
        pool: String,
    },
    /// Occurs when more than one quantity is given where one is read (tonnes, kg per
    /// inhabitant or grams per portion).
    #[error("give one quantity: tonnes, kg per inhabitant or grams per portion")]
    OneQuantity,
    /// Occurs when a target has both a target value and a change in percent, or neither.
    #[error("give exactly one of a target value and a change in percent")]
    OneTargetValue,
    /// Occurs when a route share is outside 0–100 %.
    #[error("route share {} % is outside 0 to 100 %", decimal_text(*.0, false))]
    ShareRange(Decimal),
    /// Occurs when an id is empty.
    #[error("the id is empty")]
    NoId,
    /// Occurs when a required source is empty.
    #[error("the source is empty: say where the figures come from")]
    NoSource,
    /// Occurs when an actual's year is outside the years the goals on its indicator follow
    /// in its municipality (from the earliest base year to the latest target year).
    #[error(
        "{year} is outside the goals' years: from the base year {from} to the target year {to}"
    )]
    OutsideTargetYears {
        /// The actual's year.
        year: Year,
        /// The earliest base year.
        from: Year,
        /// The latest target year.
        to: Year,
    },
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

/// A decimal for a message: normalized, with a decimal comma in Swedish.
#[must_use]
pub(crate) fn decimal_text(value: Decimal, decimal_comma: bool) -> String {
    let text = value.normalize().to_string();
    if decimal_comma {
        text.replace('.', ",")
    } else {
        text
    }
}

/// "; did you mean 'a', 'b'?" for up to three ids, or nothing.
#[must_use]
pub(crate) fn did_you_mean(suggestions: &[String], lang: crate::Lang) -> String {
    if suggestions.is_empty() {
        return String::new();
    }
    let list = suggestions
        .iter()
        .map(|x| format!("'{x}'"))
        .collect::<Vec<_>>()
        .join(", ");
    match lang {
        crate::Lang::En => format!("; did you mean {list}?"),
        crate::Lang::Sv => format!("; menade du {list}?"),
    }
}

impl ModelError {
    /// The message in a language (the English one is also this error's `Display`).
    ///
    /// ```
    /// use calc_core::{Lang, ModelError, Year};
    /// let e = ModelError::YearOrder { earlier: Year(2025), later: Year(2024) };
    /// assert_eq!(e.message(Lang::En), "year 2024 comes before 2025");
    /// assert_eq!(e.message(Lang::Sv), "året 2024 kommer före 2025");
    /// ```
    #[must_use]
    pub fn message(&self, lang: crate::Lang) -> String {
        match lang {
            crate::Lang::En => self.to_string(),
            crate::Lang::Sv => self.swedish(),
        }
    }

    fn swedish(&self) -> String {
        let e = self;
        match e {
            ModelError::EstimateOrder { low, central, high } => {
                format!("lågt ≤ centralt ≤ högt gäller inte: {low}, {central}, {high}")
            }
            ModelError::MixSum { sum } => format!(
                "andelarna summerar till {} %, inte 100 %",
                super::percent_text(*sum, true)
            ),
            ModelError::DuplicateRoute { route } => {
                format!("behandlingsvägen {route} förekommer två gånger")
            }
            ModelError::DuplicateFactor { id } => format!("faktorn {id} förekommer två gånger"),
            ModelError::FactorId {
                id,
                fraction,
                route,
                expected,
            } => format!(
                "faktorn {id} gäller {fraction} × {route}, så dess id måste vara {expected}"
            ),
            ModelError::StartAfterPeriod { start, end } => {
                format!("startåret {start} kommer efter planperiodens sista år {end}")
            }
            ModelError::DuplicateSource { id } => format!("källan {id} förekommer två gånger"),
            ModelError::NoPriceLevel { year } => format!("prisindex saknar en nivå för {year}"),
            ModelError::PriceLevel { year, value } => {
                format!("prisindexnivån för {year} måste vara positiv, inte {value}")
            }
            ModelError::DuplicatePriceYear { year } => {
                format!("prisindexnivån för {year} anges två gånger")
            }
            ModelError::YearOrder { earlier, later } => {
                format!("året {later} kommer före {earlier}")
            }
            ModelError::PeriodTooLong { start, end } => {
                format!("planperioden {start}–{end} är längre än 100 år")
            }
            ModelError::NegativeQuantity(t) => format!("mängden {t:#} är negativ"),
            ModelError::NegativeCost(c) => format!("kostnaden {c:#} är negativ"),
            ModelError::RejectRoute { route } => {
                format!("rejektvägen för ett utbyte till {route} kan inte vara {route}")
            }
            ModelError::BaselineInPool { measure } => format!(
                "åtgärden {measure} hör till en avfallspool, så dess utgångsläge är poolens: ta bort dess rader med baseline"
            ),
            ModelError::PoolFraction { pool, fraction } => {
                format!(
                    "poolen {pool} innehåller {fraction}; åtgärden måste ange samma avfallsslag"
                )
            }
            ModelError::NoRoutes { measure } => {
                format!("åtgärden {measure} verkar inte på någon behandlingsväg")
            }
            ModelError::UnknownId {
                what,
                id,
                suggestions,
            } => format!(
                "okänd {} '{}'{}",
                what.name(crate::Lang::Sv),
                super::lookup::shown(id),
                did_you_mean(suggestions, crate::Lang::Sv)
            ),
            ModelError::Negative(v) => {
                format!(
                    "{} är negativt: det måste vara 0 eller mer",
                    decimal_text(*v, true)
                )
            }
            ModelError::PortionsOnly { pool } => format!(
                "gram per portion bara för en pool som räknas i portioner (kommunens kök); {pool} gör inte det"
            ),
            ModelError::OneQuantity => {
                "ange en mängd: ton, kg per invånare eller gram per portion".into()
            }
            ModelError::OneTargetValue => {
                "ange exakt ett av målvärde och förändring i procent".into()
            }
            ModelError::ShareRange(v) => format!(
                "andelen {} % ligger utanför 0 till 100 %",
                decimal_text(*v, true)
            ),
            ModelError::NoId => "id saknas".into(),
            ModelError::NoSource => "källan är tom: ange varifrån siffrorna kommer".into(),
            ModelError::OutsideTargetYears { year, from, to } => {
                format!("{year} ligger utanför målens år: från basåret {from} till målåret {to}")
            }
        }
    }
}
