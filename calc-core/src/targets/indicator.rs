//! What a target measures: an indicator, which way is better, and its level from the
//! tonnes per route.

use crate::eval::PerRoute;
use crate::model::Route;
use rust_decimal::Decimal;

/// Decimals an indicator's modelled level is rounded to. A measure's reach (quantity ÷
/// tonnes in its routes) rounds in the 28th significant digit, so without this a
/// projection that meets a target exactly could miss it by 10⁻²⁷ and count as behind.
pub const LEVEL_DECIMALS: u32 = 12;

pub(super) const HUNDRED: Decimal = Decimal::from_parts(100, 0, 0, false, 0);
const THOUSAND: Decimal = Decimal::from_parts(1000, 0, 0, false, 0);
const MILLION: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

/// Which way is better for an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Less is better (kg per inhabitant, g per portion).
    Lower,
    /// More is better (shares).
    Higher,
}

/// What a target measures. Every indicator is computed from the tonnes per route of the
/// pools the target counts, where *generated* waste is what is not prevented or reused
/// (prevented food was never wasted; a reused chair is not waste):
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Indicator {
    /// Food waste in kg per inhabitant and year: generated tonnes × 1000 / inhabitants.
    /// The plan's goal is about *matsvinn* (the avoidable part); the built-in pools hold all
    /// food waste, so a target on matsvinn needs its base value in the target data.
    FoodWasteKgPerInhabitant,
    /// Food waste in municipal kitchens in grams per portion: generated tonnes × 10⁶ /
    /// portions served (pools counted in portions only).
    FoodWasteGramsPerPortion,
    /// Share of food waste to biological treatment (anaerobic digestion: biogas and
    /// digestate), in percent: tonnes *sent* to digestion / generated tonnes × 100. As the
    /// plan words the goal and as Avfall Sverige's statistics count it, sorted food waste
    /// sent to the digester counts in full; the sorting yield's rejects (removed at the
    /// plant and incinerated) are not taken off (see [`Indicator::counts_sent`]).
    FoodWasteToBiogasPercent,
    /// Household waste in kg per inhabitant and year: generated tonnes × 1000 / inhabitants.
    HouseholdWasteKgPerInhabitant,
    /// Share to material recycling including biological treatment, in percent (as Kolada
    /// U07414): (recycling + digestion + composting) / generated tonnes × 100.
    MaterialRecyclingPercent,
}

impl Indicator {
    /// Every indicator.
    pub const ALL: [Indicator; 5] = [
        Indicator::FoodWasteKgPerInhabitant,
        Indicator::FoodWasteGramsPerPortion,
        Indicator::FoodWasteToBiogasPercent,
        Indicator::HouseholdWasteKgPerInhabitant,
        Indicator::MaterialRecyclingPercent,
    ];

    /// The id used in files, e.g. `food_waste_kg_per_inhabitant`.
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Indicator::FoodWasteKgPerInhabitant => "food_waste_kg_per_inhabitant",
            Indicator::FoodWasteGramsPerPortion => "food_waste_g_per_portion",
            Indicator::FoodWasteToBiogasPercent => "food_waste_to_biogas_pct",
            Indicator::HouseholdWasteKgPerInhabitant => "household_waste_kg_per_inhabitant",
            Indicator::MaterialRecyclingPercent => "material_recycling_pct",
        }
    }

    /// The indicator with this id (ignoring case and surrounding space).
    #[must_use]
    pub fn from_id(text: &str) -> Option<Indicator> {
        let t = text.trim().to_lowercase();
        Indicator::ALL.into_iter().find(|i| i.id() == t)
    }

    /// Which way is better.
    #[must_use]
    pub const fn direction(self) -> Direction {
        match self {
            Indicator::FoodWasteToBiogasPercent | Indicator::MaterialRecyclingPercent => {
                Direction::Higher
            }
            _ => Direction::Lower,
        }
    }

    /// The unit, e.g. `kg/inv` or `kg/inhabitant`.
    #[must_use]
    pub const fn unit(self, lang: crate::Lang) -> &'static str {
        match (self, lang) {
            (
                Indicator::FoodWasteKgPerInhabitant | Indicator::HouseholdWasteKgPerInhabitant,
                crate::Lang::Sv,
            ) => "kg/inv",
            (
                Indicator::FoodWasteKgPerInhabitant | Indicator::HouseholdWasteKgPerInhabitant,
                crate::Lang::En,
            ) => "kg/inhabitant",
            (Indicator::FoodWasteGramsPerPortion, crate::Lang::Sv) => "g/portion",
            (Indicator::FoodWasteGramsPerPortion, crate::Lang::En) => "g/portion",
            (_, _) => "%",
        }
    }

    /// The name, e.g. `Matsvinn per invånare`.
    #[must_use]
    pub const fn name(self, lang: crate::Lang) -> &'static str {
        match (self, lang) {
            (Indicator::FoodWasteKgPerInhabitant, crate::Lang::Sv) => "Matavfall per invånare",
            (Indicator::FoodWasteKgPerInhabitant, crate::Lang::En) => "Food waste per inhabitant",
            (Indicator::FoodWasteGramsPerPortion, crate::Lang::Sv) => {
                "Matsvinn per portion i kommunens kök"
            }
            (Indicator::FoodWasteGramsPerPortion, crate::Lang::En) => {
                "Food waste per portion in municipal kitchens"
            }
            (Indicator::FoodWasteToBiogasPercent, crate::Lang::Sv) => "Andel matavfall till biogas",
            (Indicator::FoodWasteToBiogasPercent, crate::Lang::En) => {
                "Share of food waste to biogas"
            }
            (Indicator::HouseholdWasteKgPerInhabitant, crate::Lang::Sv) => {
                "Hushållsavfall per invånare"
            }
            (Indicator::HouseholdWasteKgPerInhabitant, crate::Lang::En) => {
                "Household waste per inhabitant"
            }
            (Indicator::MaterialRecyclingPercent, crate::Lang::Sv) => {
                "Andel till materialåtervinning"
            }
            (Indicator::MaterialRecyclingPercent, crate::Lang::En) => "Share to material recycling",
        }
    }

    /// Whether the indicator counts the tonnes a measure *sends* to its target routes
    /// (sorting yield 1, no rejects) rather than what reaches them after the yield: true
    /// for the biogas share only, whose statistic counts food waste sent to biological
    /// treatment.
    #[must_use]
    pub const fn counts_sent(self) -> bool {
        matches!(self, Indicator::FoodWasteToBiogasPercent)
    }

    /// `value − reference` turned so that positive is worse: the gap of `value` to a
    /// `reference` it should reach.
    #[must_use]
    pub fn shortfall(self, value: Decimal, reference: Decimal) -> Decimal {
        match self.direction() {
            Direction::Lower => value.saturating_sub(reference),
            Direction::Higher => reference.saturating_sub(value),
        }
    }

    /// Numerator and the state-dependent part of the denominator of the level, and its
    /// constant part: `level = n / (d + d0)`.
    pub(super) fn parts(
        self,
        state: &PerRoute,
        scope: &Scope,
    ) -> Option<(Decimal, Decimal, Decimal)> {
        let at = |r: Route| state.get(r.index()).copied().unwrap_or_default();
        let generated = Route::ALL
            .iter()
            .filter(|r| !matches!(r, Route::Prevention | Route::Reuse))
            .try_fold(Decimal::ZERO, |a, r| a.checked_add(at(*r)))?;
        Some(match self {
            Indicator::FoodWasteKgPerInhabitant | Indicator::HouseholdWasteKgPerInhabitant => (
                generated.checked_mul(THOUSAND)?,
                Decimal::ZERO,
                Decimal::from(scope.population),
            ),
            Indicator::FoodWasteGramsPerPortion => (
                generated.checked_mul(MILLION)?,
                Decimal::ZERO,
                scope.portions,
            ),
            Indicator::FoodWasteToBiogasPercent => (
                at(Route::AnaerobicDigestion).checked_mul(HUNDRED)?,
                generated,
                Decimal::ZERO,
            ),
            Indicator::MaterialRecyclingPercent => (
                at(Route::Recycling)
                    .checked_add(at(Route::AnaerobicDigestion))?
                    .checked_add(at(Route::Composting))?
                    .checked_mul(HUNDRED)?,
                generated,
                Decimal::ZERO,
            ),
        })
    }

    /// The indicator's value for tonnes per route, rounded to [`LEVEL_DECIMALS`]; `None`
    /// when it is undefined (no inhabitants, portions or generated tonnes).
    pub(super) fn level(self, state: &PerRoute, scope: &Scope) -> Option<Decimal> {
        let (n, d, d0) = self.parts(state, scope)?;
        let den = d.checked_add(d0)?;
        if den.is_zero() {
            return None;
        }
        n.checked_div(den).map(|v| v.round_dp(LEVEL_DECIMALS))
    }
}

/// The tonnes the indicator sees in one municipality before any measure.
pub(crate) struct Scope {
    pub(crate) initial: PerRoute,
    pub(crate) portions: Decimal,
    pub(crate) population: u32,
    /// Indexes of the pool groups (of `pool_groups(scenario)`) in this scope.
    pub(crate) groups: Vec<usize>,
}
