//! Targets, the municipality's own figures and progress: "do our measures reach the
//! plan's goals?" and "are we on track?".
//!
//! A [`Target`] is a goal of the waste plan as data: an [`Indicator`] (e.g. food waste in
//! kg per inhabitant), a base year and value (per municipality where it differs), a target
//! value (absolute, or a change in percent from the base) and year, and a source.
//! [`Actual`]s are the values observed each year. [`progress()`] follows each target in
//! each municipality, on a [`Baseline`] (the catalogue's pools with the municipalities' own
//! figures laid over them, which the scenario's measures take their tonnes from too):
//!
//! - **Path**: the straight line from the base value in the base year to the target value in
//!   the target year, `path(y) = base + (target − base) × (y − base_year) / (target_year −
//!   base_year)`; before the base year it is the base, from the target year on the target.
//! - **Projection**: the base value moved by what the scenario's measures change, from the
//!   same pooled model as [`crate::evaluate`]: per year, the tonnes per route of the pools the
//!   target counts (the municipality's own figures where given), minus what the measures
//!   move out of each route, plus what they bring in (after sorting yields, central values;
//!   the biogas share counts what is sent to digestion, before the yield's rejects).
//!   `projected(y) = base + level(y) − level(before any measure)`, where `level` is the
//!   indicator computed from those tonnes (see [`Indicator`]). Without a base value in the
//!   target data the base is the model's own level before any measure
//!   ([`BaseFrom::Model`]). Nothing else changes the indicator: without measures it stays at
//!   its base. Modelled levels are rounded to [`LEVEL_DECIMALS`] decimals.
//! - **Gap** at the target year: how far the projection is from the target value, in the
//!   indicator's good direction (`projected − target` where lower is better, `target −
//!   projected` where higher is better): positive is short of the target, zero or negative
//!   meets it.
//! - **Status** ([`Status`]): with actuals, the latest one decides: *reached* if it meets the
//!   target value, *on track* if it is on or better than the path in its year, *behind*
//!   otherwise. Without actuals the projection decides: *on track* if its gap at the target
//!   year is zero or less, *behind* otherwise. No tolerance: a value exactly on the path is on
//!   track, anything worse is behind.
//! - **Contributions**: each measure's change of the indicator at the target year. Measures
//!   are added one at a time (within a pool in the waste-hierarchy order the model uses,
//!   across pools in scenario order) and each gets the change it adds, so they add up to the
//!   projection's total change exactly (also for shares, where a measure's effect depends on
//!   the others).
//!
//! [`close_gap`] finds the least-cost package of the scenario's measures (each at 0, 1/steps
//! … of its scenario effect) whose projection meets a target in one municipality, exactly;
//! [`full_ambition`] gives it every catalogue measure on the target's pools at 100 % effect
//! as candidates.
//! [`per_inhabitant()`] gives the evaluation's figures per inhabitant so municipalities of
//! different size can be compared.

mod baseline;
mod gap;
mod indicator;
mod own;
mod per_inhabitant;
mod progress;

pub use baseline::Baseline;
pub use gap::{GapChoice, GapPlan, close_gap, full_ambition};
pub use indicator::{Direction, Indicator, LEVEL_DECIMALS};
pub use own::{OwnFigure, OwnFigures, OwnQuantity};
pub use per_inhabitant::{PerInhabitant, per_inhabitant};
pub(crate) use progress::Model;
pub use progress::{NoBase, Progress, TargetContribution, TargetReport, YearPoint, progress};

use crate::model::{Field, ModelError, PoolId, ScbCode};
use crate::units::Year;
use indicator::HUNDRED;
use rust_decimal::Decimal;

/// The value a target aims at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetValue {
    /// A value of the indicator, e.g. 35 (g per portion) or 60 (%).
    Absolute(Decimal),
    /// A change from the base value in percent, e.g. −50 (halve it).
    ChangePercent(Decimal),
}

/// A base year and value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseValue {
    /// The base year.
    pub year: Year,
    /// The base value; `None`: the model's level before any measure.
    pub value: Option<Decimal>,
    /// Where the value comes from (a source id or free text).
    pub source: String,
}

/// A goal of the waste plan as data.
///
/// ```
/// use calc_core::{BaseValue, Indicator, Target, TargetValue, Year};
/// use rust_decimal_macros::dec;
/// # fn main() -> Result<(), calc_core::ModelError> {
/// // Food waste halved compared with 2021 (15 kg per inhabitant) by 2030.
/// let t = Target::new("food_waste_halved", Indicator::FoodWasteKgPerInhabitant,
///     BaseValue { year: Year(2021), value: Some(dec!(15)), source: "demo".into() },
///     TargetValue::ChangePercent(dec!(-50)), Year(2030)).map_err(|(_, e)| e)?;
/// assert_eq!(t.target_value(dec!(15)), Some(dec!(7.5)));
/// // On the straight path, 2024 is a third of the way: 15 − 7.5 × 3/9 = 12.5.
/// assert_eq!(t.path(dec!(15), Year(2024)), Some(dec!(12.5)));
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// Id, e.g. `food_waste_halved`.
    pub id: String,
    /// Goal area of the plan, e.g. `food`.
    pub area: String,
    /// The goal's text in Swedish (as the plan words it).
    pub text_sv: String,
    /// The goal's text in English.
    pub text_en: String,
    /// What it measures.
    pub indicator: Indicator,
    /// The pools it counts; empty: every pool.
    pub pools: Vec<PoolId>,
    /// The base year and value for every municipality without its own.
    pub base: BaseValue,
    /// Base years and values of municipalities where they differ.
    pub bases: Vec<(ScbCode, BaseValue)>,
    /// The value it aims at.
    pub target: TargetValue,
    /// The year it should be reached.
    pub target_year: Year,
    /// Where the goal comes from (a source id).
    pub source: String,
    /// Notes: assumptions and what the source leaves open.
    pub note: String,
}

impl Target {
    /// A target with no text, area, pools, municipal bases or source.
    ///
    /// # Errors
    /// An empty id at [`Field::Id`] ([`ModelError::NoId`]); a target year before the base
    /// year at [`Field::TargetYear`] ([`ModelError::YearOrder`]).
    pub fn new(
        id: impl Into<String>,
        indicator: Indicator,
        base: BaseValue,
        target: TargetValue,
        target_year: Year,
    ) -> Result<Self, (Field, ModelError)> {
        let id: String = id.into();
        if id.trim().is_empty() {
            return Err((Field::Id, ModelError::NoId));
        }
        if target_year < base.year {
            return Err((
                Field::TargetYear,
                ModelError::YearOrder {
                    earlier: base.year,
                    later: target_year,
                },
            ));
        }
        Ok(Self {
            id,
            area: String::new(),
            text_sv: String::new(),
            text_en: String::new(),
            indicator,
            pools: Vec::new(),
            base,
            bases: Vec::new(),
            target,
            target_year,
            source: String::new(),
            note: String::new(),
        })
    }

    /// The target with a municipality's own base year and value (replacing one it had).
    ///
    /// # Errors
    /// A base year after the target year, at [`Field::BaseYear`] ([`ModelError::YearOrder`]).
    pub fn with_base(
        mut self,
        municipality: ScbCode,
        base: BaseValue,
    ) -> Result<Self, (Field, ModelError)> {
        if self.target_year < base.year {
            return Err((
                Field::BaseYear,
                ModelError::YearOrder {
                    earlier: base.year,
                    later: self.target_year,
                },
            ));
        }
        self.bases.retain(|(k, _)| *k != municipality);
        self.bases.push((municipality, base));
        Ok(self)
    }

    /// The base in one municipality: its own, or the target's.
    #[must_use]
    pub fn base_for(&self, municipality: &ScbCode) -> (&BaseValue, bool) {
        self.bases
            .iter()
            .find(|(k, _)| k == municipality)
            .map_or((&self.base, false), |(_, b)| (b, true))
    }

    /// The target value for a base value, or `None` on overflow.
    #[must_use]
    pub fn target_value(&self, base: Decimal) -> Option<Decimal> {
        match self.target {
            TargetValue::Absolute(v) => Some(v),
            TargetValue::ChangePercent(p) => {
                base.checked_add(base.checked_mul(p)?.checked_div(HUNDRED)?)
            }
        }
    }

    /// The straight path from `base` in the base year to the target value in the target
    /// year, at `year` (the base before the base year, the target value after the target
    /// year). Uses the target's own base year; `None` on overflow.
    #[must_use]
    pub fn path(&self, base: Decimal, year: Year) -> Option<Decimal> {
        path(
            base,
            self.base.year,
            self.target_value(base)?,
            self.target_year,
            year,
        )
    }

    /// Whether the target counts pool `id`.
    #[must_use]
    pub fn counts(&self, id: &PoolId) -> bool {
        self.pools.is_empty() || self.pools.contains(id)
    }
}

/// The straight path from `base` in `base_year` to `target` in `target_year`, at `year`.
#[must_use]
pub fn path(
    base: Decimal,
    base_year: Year,
    target: Decimal,
    target_year: Year,
    year: Year,
) -> Option<Decimal> {
    if year <= base_year {
        return Some(base);
    }
    if year >= target_year {
        return Some(target);
    }
    let done = Decimal::from(year.get() - base_year.get());
    let span = Decimal::from(target_year.get() - base_year.get());
    base.checked_add(
        target
            .checked_sub(base)?
            .checked_mul(done)?
            .checked_div(span)?,
    )
}

/// A value observed in a year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actual {
    /// The indicator.
    pub indicator: Indicator,
    /// The municipality.
    pub municipality: ScbCode,
    /// The year.
    pub year: Year,
    /// The observed value, in the indicator's unit.
    pub value: Decimal,
    /// Where it comes from (e.g. "Kolada U07801").
    pub source: String,
}

impl Actual {
    /// A value observed in `year`, with no source.
    ///
    /// # Errors
    /// A negative value, at [`Field::Value`] ([`ModelError::Negative`]): every indicator
    /// is a quantity or a share.
    pub fn new(
        indicator: Indicator,
        municipality: ScbCode,
        year: Year,
        value: Decimal,
    ) -> Result<Self, (Field, ModelError)> {
        let value = Self::checked_value(value)?;
        Ok(Self {
            indicator,
            municipality,
            year,
            value,
            source: String::new(),
        })
    }

    /// An observed value as an actual may have it (0 or more), or why not.
    pub(crate) fn checked_value(value: Decimal) -> Result<Decimal, (Field, ModelError)> {
        if value < Decimal::ZERO {
            Err((Field::Value, ModelError::Negative(value)))
        } else {
            Ok(value)
        }
    }

    /// Whether the goals on this actual's indicator follow its year in its municipality:
    /// from the earliest base year to the latest target year of those goals. An indicator
    /// no goal follows has no year limit.
    ///
    /// # Errors
    /// [`ModelError::OutsideTargetYears`] at [`Field::Year`].
    pub fn within_goals(&self, targets: &[Target]) -> Result<(), (Field, ModelError)> {
        let years = targets
            .iter()
            .filter(|t| t.indicator == self.indicator)
            .map(|t| (t.base_for(&self.municipality).0.year, t.target_year));
        let (mut from, mut to) = (None::<Year>, None::<Year>);
        for (b, t) in years {
            from = Some(from.map_or(b, |f| f.min(b)));
            to = Some(to.map_or(t, |x| x.max(t)));
        }
        match (from, to) {
            (Some(from), Some(to)) if self.year < from || self.year > to => Err((
                Field::Year,
                ModelError::OutsideTargetYears {
                    year: self.year,
                    from,
                    to,
                },
            )),
            _ => Ok(()),
        }
    }
}

/// Where a progress row's base value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BaseFrom {
    /// The target's base value.
    Target,
    /// The target's base value for this municipality.
    Municipality,
    /// The model's level before any measure: from the municipality's own figures where it
    /// has them for a pool the target counts (`own_figures`), else the built-in defaults.
    Model {
        /// Whether own figures went into it.
        own_figures: bool,
    },
}

/// On track, behind or reached (the rule is in the [module docs](crate::targets)).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// The latest actual meets the target value.
    Reached,
    /// The latest actual is on or better than the path, or (without actuals) the
    /// projection meets the target in the target year.
    OnTrack,
    /// Otherwise.
    Behind,
}

impl Status {
    /// The id used in files: `reached`, `on_track`, `behind`.
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Status::Reached => "reached",
            Status::OnTrack => "on_track",
            Status::Behind => "behind",
        }
    }

    /// The name, e.g. `I fas`.
    #[must_use]
    pub const fn name(self, lang: crate::Lang) -> &'static str {
        match (self, lang) {
            (Status::Reached, crate::Lang::Sv) => "Uppnått",
            (Status::Reached, crate::Lang::En) => "Reached",
            (Status::OnTrack, crate::Lang::Sv) => "I fas",
            (Status::OnTrack, crate::Lang::En) => "On track",
            (Status::Behind, crate::Lang::Sv) => "Efter",
            (Status::Behind, crate::Lang::En) => "Behind",
        }
    }
}
