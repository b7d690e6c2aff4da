//! Targets, the municipality's own figures and progress: "do our measures reach the
//! plan's goals?" and "are we on track?".
//!
//! A [`Target`] is a goal of the waste plan as data: an [`Indicator`] (e.g. food waste in
//! kg per inhabitant), a base year and value (per municipality where it differs), a target
//! value (absolute, or a change in percent from the base) and year, and a source.
//! [`Actual`]s are the values observed each year. [`progress`] follows each target in
//! each municipality:
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
//! [`per_inhabitant`] gives the evaluation's figures per inhabitant so municipalities of
//! different size can be compared.

mod gap;
mod own;

pub use gap::{GapChoice, GapPlan, close_gap, full_ambition};
pub use own::{OwnFigure, OwnFigures, OwnQuantity};

use crate::eval::{CalcError, Evaluation, MeasureSpec, NR, PerRoute, PoolGroup, measure_specs};
use crate::eval::{pool_groups, ramp};
use crate::model::{
    FactorTable, MeasureId, Municipality, Pool, PoolId, QuantityBasis, Route, ScbCode,
};
use crate::scenario::Scenario;
use crate::units::Year;
use rust_decimal::Decimal;
use std::sync::Arc;

const THOUSAND: Decimal = Decimal::from_parts(1000, 0, 0, false, 0);
const MILLION: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);
/// Decimals an indicator's modelled level is rounded to. A measure's reach (quantity ÷
/// tonnes in its routes) rounds in the 28th significant digit, so without this a
/// projection that meets a target exactly could miss it by 10⁻²⁷ and count as behind.
pub const LEVEL_DECIMALS: u32 = 12;

const HUNDRED: Decimal = Decimal::from_parts(100, 0, 0, false, 0);

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
    fn parts(self, state: &PerRoute, scope: &Scope) -> Option<(Decimal, Decimal, Decimal)> {
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
    fn level(self, state: &PerRoute, scope: &Scope) -> Option<Decimal> {
        let (n, d, d0) = self.parts(state, scope)?;
        let den = d.checked_add(d0)?;
        if den.is_zero() {
            return None;
        }
        n.checked_div(den).map(|v| v.round_dp(LEVEL_DECIMALS))
    }
}

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
/// // Food waste halved compared with 2021 (15 kg per inhabitant) by 2030.
/// let t = Target::new("food_waste_halved", Indicator::FoodWasteKgPerInhabitant,
///     BaseValue { year: Year(2021), value: Some(dec!(15)), source: "demo".into() },
///     TargetValue::ChangePercent(dec!(-50)), Year(2030));
/// assert_eq!(t.target_value(dec!(15)), Some(dec!(7.5)));
/// // On the straight path, 2024 is a third of the way: 15 − 7.5 × 3/9 = 12.5.
/// assert_eq!(t.path(dec!(15), Year(2024)), Some(dec!(12.5)));
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
    #[must_use]
    pub fn new(
        id: impl Into<String>,
        indicator: Indicator,
        base: BaseValue,
        target: TargetValue,
        target_year: Year,
    ) -> Self {
        Self {
            id: id.into(),
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
        }
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

/// One year of a target's progress in one municipality.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearPoint {
    /// The year.
    pub year: Year,
    /// The straight path's value.
    pub path: Decimal,
    /// The value the measures project.
    pub projected: Decimal,
    /// The observed value, if any.
    pub actual: Option<Decimal>,
}

/// One measure's change of an indicator at the target year (negative: down).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetContribution {
    /// The measure.
    pub measure: MeasureId,
    /// Its change, in the indicator's unit.
    pub change: Decimal,
}

/// A target's progress in one municipality.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    /// The target's id.
    pub target: String,
    /// The indicator.
    pub indicator: Indicator,
    /// The municipality.
    pub municipality: ScbCode,
    /// The base year.
    pub base_year: Year,
    /// The base value.
    pub base_value: Decimal,
    /// Where the base value comes from.
    pub base_from: BaseFrom,
    /// The target year.
    pub target_year: Year,
    /// The target value.
    pub target_value: Decimal,
    /// The projected value in the target year.
    pub projected_value: Decimal,
    /// The gap in the target year (positive: short of the target).
    pub gap: Decimal,
    /// The latest actual's gap to the path in its year (positive: worse than the path).
    pub actual_gap: Option<Decimal>,
    /// On track, behind or reached.
    pub status: Status,
    /// The municipality's own figures the model used for the target's pools (pool ids).
    pub own_figures: Vec<PoolId>,
    /// Every year from the base year (or the first actual) to the target year (or the last
    /// actual).
    pub years: Vec<YearPoint>,
    /// The measures' changes at the target year, in scenario order; they add up to
    /// `projected_value − base_value`.
    pub contributions: Vec<TargetContribution>,
}

/// A target × municipality without a base value: the target data gives none and the
/// model cannot compute the indicator there (e.g. no pool counted in portions).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoBase {
    /// The target's id.
    pub target: String,
    /// The municipality.
    pub municipality: ScbCode,
}

/// The progress of every target in every municipality.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TargetReport {
    /// One row per target × municipality, targets in order, then municipalities.
    pub progress: Vec<Progress>,
    /// The target × municipality pairs without a base value.
    pub no_base: Vec<NoBase>,
}

/// The tonnes the indicator sees in one municipality before any measure.
pub(crate) struct Scope {
    pub(crate) initial: PerRoute,
    pub(crate) portions: Decimal,
    pub(crate) population: u32,
    /// Indexes of the pool groups (of `pool_groups(scenario)`) in this scope.
    pub(crate) groups: Vec<usize>,
}

/// The scenario's pool groups with their measures' specs, built once for all targets.
pub(crate) struct Model {
    pub(crate) groups: Vec<PoolGroup>,
    pub(crate) specs: Vec<Arc<MeasureSpec>>,
    pub(crate) central_yields: Vec<Vec<Decimal>>,
    /// Yield 1 for every yield of every measure: what is sent, before rejects.
    pub(crate) sent_yields: Vec<Vec<Decimal>>,
}

impl Model {
    pub(crate) fn new(table: &FactorTable, scenario: &Scenario) -> Result<Self, CalcError> {
        let specs = measure_specs(table, scenario)?;
        let (groups, _) = pool_groups(scenario, crate::eval::EffectAt::Central)?;
        let central_yields = specs
            .iter()
            .map(|s| s.yields.iter().map(|y| y.value.central().value()).collect())
            .collect();
        let sent_yields = specs
            .iter()
            .map(|s| vec![Decimal::ONE; s.yields.len()])
            .collect();
        Ok(Self {
            groups,
            specs,
            central_yields,
            sent_yields,
        })
    }

    /// The scope of a target in one municipality.
    pub(crate) fn scope(
        &self,
        scenario: &Scenario,
        pools: &[Arc<Pool>],
        target: &Target,
        municipality: &Municipality,
    ) -> Option<Scope> {
        let mut initial = [Decimal::ZERO; NR];
        let mut portions = Decimal::ZERO;
        let code = &municipality.code;
        for p in pools.iter().filter(|p| target.counts(&p.id)) {
            let tonnes = p.tonnes_for(code, municipality.population)?;
            for (route, share) in p.baseline_for(code).shares() {
                if let Some(slot) = initial.get_mut(route.index()) {
                    *slot = slot.checked_add(tonnes.value().checked_mul(share.value())?)?;
                }
            }
            if let QuantityBasis::PerPortion {
                portions_per_inhabitant,
                ..
            } = p.basis_for(code)
            {
                portions = portions.checked_add(
                    portions_per_inhabitant.checked_mul(Decimal::from(municipality.population))?,
                )?;
            }
        }
        let groups = self
            .groups
            .iter()
            .enumerate()
            .filter(|(_, g)| {
                g.members
                    .first()
                    .and_then(|m| scenario.item_at(m.item))
                    .is_some_and(|it| {
                        &it.municipality().code == code && target.counts(&it.measure().pool.id)
                    })
            })
            .map(|(i, _)| i)
            .collect();
        Some(Scope {
            initial,
            portions,
            population: municipality.population,
            groups,
        })
    }

    /// Net tonnes out of each route (out − in, central yields, or yield 1 where the
    /// indicator [counts what is sent](Indicator::counts_sent)) of every member of group
    /// `g`, with member `i` at `scale(i)`.
    pub(crate) fn net_out(
        &self,
        g: &PoolGroup,
        indicator: Indicator,
        scale: impl FnMut(usize) -> Decimal,
    ) -> Option<Vec<PerRoute>> {
        let flows = g.run(scale)?;
        let yields = if indicator.counts_sent() {
            &self.sent_yields
        } else {
            &self.central_yields
        };
        g.members
            .iter()
            .zip(&flows)
            .map(|(m, f)| {
                let spec = self.specs.get(m.item)?;
                let ys = yields.get(m.item)?;
                f.weights(spec, ys)
            })
            .collect()
    }
}

fn subtract(state: &mut PerRoute, w: &PerRoute) -> Option<()> {
    for (s, x) in state.iter_mut().zip(w) {
        *s = s.checked_sub(*x)?;
    }
    Some(())
}

/// The state in `year` (measures at their ramps) and, when `steps` is wanted, the level
/// after each member in order.
fn run_year(
    model: &Model,
    scenario: &Scenario,
    scope: &Scope,
    indicator: Indicator,
    year: Year,
    mut steps: Option<&mut Vec<(usize, Option<Decimal>)>>,
) -> Option<PerRoute> {
    let mut state = scope.initial;
    for gi in &scope.groups {
        let g = model.groups.get(*gi)?;
        let ramps: Vec<Decimal> = g
            .members
            .iter()
            .map(|m| {
                scenario.item_at(m.item).map_or(Decimal::ZERO, |it| {
                    ramp(year, it.start_year(), it.full_effect_year())
                })
            })
            .collect();
        let outs = model.net_out(g, indicator, |i| ramps.get(i).copied().unwrap_or_default())?;
        for (m, w) in g.members.iter().zip(&outs) {
            subtract(&mut state, w)?;
            if let Some(s) = steps.as_deref_mut() {
                s.push((m.item, indicator.level(&state, scope)));
            }
        }
    }
    Some(state)
}

/// Follows every target in every municipality: path, projection, actuals, gap, status and
/// the measures' contributions (see the [module docs](crate::targets) for the rules).
///
/// `pools` are all the pools a target may count (the catalogue's, with the municipality's
/// own figures applied, as the scenario's are); `own` marks which of them are own figures.
///
/// ```
/// use calc_core::{BaseValue, Indicator, OwnFigures, Status, Target, TargetValue, Year, demo, progress};
/// use rust_decimal_macros::dec;
/// use std::sync::Arc;
/// # fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
/// let scenario = demo::scenario()?;
/// let pools = vec![Arc::clone(&scenario.items[0].measure().pool)];
/// // 10 kg per inhabitant in 2025, halved by 2030. Prevention takes 5 kg from 2025 on.
/// let t = Target::new("halve", Indicator::FoodWasteKgPerInhabitant,
///     BaseValue { year: Year(2025), value: Some(dec!(10)), source: String::new() },
///     TargetValue::ChangePercent(dec!(-50)), Year(2030));
/// let r = progress(&demo::table()?, &scenario, &pools, &[demo::town()], &[t], &[], &OwnFigures::new())?;
/// let p = &r.progress[0];
/// assert_eq!((p.target_value, p.projected_value, p.gap), (dec!(5), dec!(5), dec!(0)));
/// assert_eq!(p.status, Status::OnTrack);
/// // Collection to biogas moves tonnes between routes of generated waste: no change.
/// assert_eq!(p.contributions[0].change, dec!(-5));
/// assert_eq!(p.contributions[1].change, dec!(0));
/// # Ok(())
/// # }
/// ```
pub fn progress(
    table: &FactorTable,
    scenario: &Scenario,
    pools: &[Arc<Pool>],
    municipalities: &[Arc<Municipality>],
    targets: &[Target],
    actuals: &[Actual],
    own: &OwnFigures,
) -> Result<TargetReport, CalcError> {
    let model = Model::new(table, scenario)?;
    let mut report = TargetReport::default();
    for target in targets {
        for k in municipalities {
            match target_progress(&model, scenario, pools, k, target, actuals, own) {
                Some(Ok(p)) => report.progress.push(p),
                Some(Err(e)) => return Err(e),
                None => report.no_base.push(NoBase {
                    target: target.id.clone(),
                    municipality: k.code.clone(),
                }),
            }
        }
    }
    Ok(report)
}

fn target_progress(
    model: &Model,
    scenario: &Scenario,
    pools: &[Arc<Pool>],
    k: &Municipality,
    target: &Target,
    actuals: &[Actual],
    own: &OwnFigures,
) -> Option<Result<Progress, CalcError>> {
    let overflow = CalcError::TotalOverflow;
    let ind = target.indicator;
    let Some(scope) = model.scope(scenario, pools, target, k) else {
        return Some(Err(overflow));
    };
    let level0 = ind.level(&scope.initial, &scope);
    let (base, own_base) = target.base_for(&k.code);
    let own_figures: Vec<PoolId> = own
        .for_municipality(&k.code)
        .filter(|r| target.counts(&r.pool))
        .map(|r| r.pool.clone())
        .collect();
    let (base_value, base_from) = match (base.value, level0) {
        (Some(v), _) if own_base => (v, BaseFrom::Municipality),
        (Some(v), _) => (v, BaseFrom::Target),
        (None, Some(l)) => (
            l,
            BaseFrom::Model {
                own_figures: !own_figures.is_empty(),
            },
        ),
        (None, None) => return None,
    };
    Some(
        build_progress(
            model,
            scenario,
            &scope,
            k,
            target,
            actuals,
            base,
            base_value,
            base_from,
            level0,
            own_figures,
        )
        .ok_or(overflow),
    )
}

#[allow(clippy::too_many_arguments)]
fn build_progress(
    model: &Model,
    scenario: &Scenario,
    scope: &Scope,
    k: &Municipality,
    target: &Target,
    actuals: &[Actual],
    base: &BaseValue,
    base_value: Decimal,
    base_from: BaseFrom,
    level0: Option<Decimal>,
    own_figures: Vec<PoolId>,
) -> Option<Progress> {
    let ind = target.indicator;
    let target_value = target.target_value(base_value)?;
    let projected_at = |level: Option<Decimal>| -> Option<Decimal> {
        match (level, level0) {
            (Some(l), Some(l0)) => base_value.checked_add(l.checked_sub(l0)?),
            _ => Some(base_value),
        }
    };
    let mut own_actuals: Vec<&Actual> = actuals
        .iter()
        .filter(|a| a.indicator == ind && a.municipality == k.code)
        .collect();
    crate::sort::sort_by_key(&mut own_actuals, |a| a.year);
    let first = own_actuals
        .first()
        .map_or(base.year, |a| a.year.min(base.year));
    let last = own_actuals
        .last()
        .map_or(target.target_year, |a| a.year.max(target.target_year));
    let mut years = Vec::new();
    for y in first.get()..=last.get() {
        let year = Year(y);
        let state = run_year(model, scenario, scope, ind, year, None)?;
        years.push(YearPoint {
            year,
            path: path(
                base_value,
                base.year,
                target_value,
                target.target_year,
                year,
            )?,
            projected: projected_at(ind.level(&state, scope))?,
            actual: own_actuals
                .iter()
                .rev()
                .find(|a| a.year == year)
                .map(|a| a.value),
        });
    }
    let mut steps = Vec::new();
    let state = run_year(
        model,
        scenario,
        scope,
        ind,
        target.target_year,
        Some(&mut steps),
    )?;
    let projected_value = projected_at(ind.level(&state, scope))?;
    let gap = ind.shortfall(projected_value, target_value);
    let mut contributions: Vec<TargetContribution> = Vec::new();
    let mut before = level0;
    for (item, level) in steps {
        let change = match (level, before) {
            (Some(a), Some(b)) => a.checked_sub(b)?,
            _ => Decimal::ZERO,
        };
        before = level;
        let id = &scenario.item_at(item)?.measure().id;
        match contributions.iter_mut().find(|c| &c.measure == id) {
            Some(c) => c.change = c.change.checked_add(change)?,
            None => contributions.push(TargetContribution {
                measure: id.clone(),
                change,
            }),
        }
    }
    // Scenario order for the reader.
    crate::sort::sort_by_key(&mut contributions, |c| {
        scenario
            .items
            .iter()
            .position(|it| it.measure().id == c.measure)
    });
    let actual_gap = match own_actuals.last() {
        Some(a) => Some(ind.shortfall(
            a.value,
            path(
                base_value,
                base.year,
                target_value,
                target.target_year,
                a.year,
            )?,
        )),
        None => None,
    };
    let status = match (own_actuals.last(), actual_gap) {
        (Some(a), _) if ind.shortfall(a.value, target_value) <= Decimal::ZERO => Status::Reached,
        (Some(_), Some(g)) if g <= Decimal::ZERO => Status::OnTrack,
        (Some(_), _) => Status::Behind,
        (None, _) if gap <= Decimal::ZERO => Status::OnTrack,
        (None, _) => Status::Behind,
    };
    Some(Progress {
        target: target.id.clone(),
        indicator: ind,
        municipality: k.code.clone(),
        base_year: base.year,
        base_value,
        base_from,
        target_year: target.target_year,
        target_value,
        projected_value,
        gap,
        actual_gap,
        status,
        own_figures,
        years,
        contributions,
    })
}

/// A municipality's figures per inhabitant and year at full effect (central values), so
/// municipalities of different size can be compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PerInhabitant {
    /// The municipality.
    pub municipality: ScbCode,
    /// Its figures per inhabitant ([`crate::Summary::per_inhabitant`]).
    pub figures: crate::eval::PerInhabitantFigures,
}

/// The evaluation's per-municipality figures per inhabitant (municipalities without
/// inhabitants or without measures are left out).
///
/// ```
/// use calc_core::{demo, evaluate, per_inhabitant};
/// use rust_decimal_macros::dec;
/// # fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
/// let e = evaluate(&demo::table()?, &demo::scenario()?)?;
/// let p = &per_inhabitant(&e, &[demo::town()])[0];
/// // 7 t moved and 9 850 kg CO2e saved by 1 000 inhabitants.
/// assert_eq!((p.figures.kg_moved, p.figures.kg_co2e_saved), (dec!(7), dec!(9.85)));
/// # Ok(())
/// # }
/// ```
#[must_use]
pub fn per_inhabitant(
    evaluation: &Evaluation,
    municipalities: &[Arc<Municipality>],
) -> Vec<PerInhabitant> {
    let mut out = Vec::new();
    for g in &evaluation.by_municipality {
        let Some(k) = municipalities.iter().find(|k| k.code == g.key) else {
            continue;
        };
        if let Some(figures) = g.summary.per_inhabitant(k.population) {
            out.push(PerInhabitant {
                municipality: k.code.clone(),
                figures,
            });
        }
    }
    out
}
