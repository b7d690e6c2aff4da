//! Scenarios: which measures, where, with which parameters, over which years.

use crate::model::{
    Case, Estimate, FractionId, Measure, MeasureKind, ModelError, Municipality, Route,
};
use crate::units::{KgCo2ePerTonne, Sek, SekPerInhabitant, SekPerTonne, Share, Tonnes, Year};
use std::sync::Arc;

/// The years a plan covers, first and last inclusive.
///
/// Invariant: `start ≤ end` and at most 100 years.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanPeriod {
    start: Year,
    end: Year,
}

impl PlanPeriod {
    /// A validated period.
    pub fn new(start: Year, end: Year) -> Result<Self, ModelError> {
        if end < start {
            return Err(ModelError::YearOrder {
                earlier: start,
                later: end,
            });
        }
        if end.get() - start.get() >= 100 {
            return Err(ModelError::PeriodTooLong { start, end });
        }
        Ok(Self { start, end })
    }

    /// A period of one year (always valid).
    #[must_use]
    pub const fn single(year: Year) -> Self {
        Self {
            start: year,
            end: year,
        }
    }

    /// First year.
    #[must_use]
    pub fn start(&self) -> Year {
        self.start
    }

    /// Last year.
    #[must_use]
    pub fn end(&self) -> Year {
        self.end
    }

    /// Every year in order.
    pub fn years(&self) -> impl Iterator<Item = Year> + use<> {
        (self.start.get()..=self.end.get()).map(Year)
    }

    /// Number of years.
    #[must_use]
    pub fn len(&self) -> usize {
        usize::from(self.end.get() - self.start.get()) + 1
    }

    /// Never empty: a period has at least one year.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        false
    }
}

/// One measure in one municipality with its parameters.
///
/// Invariant: `start_year ≤ full_effect_year`; an overriding quantity is not negative.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioItem {
    measure: Arc<Measure>,
    municipality: Arc<Municipality>,
    effect: Share,
    effect_range: Estimate<Share>,
    case: Case,
    quantity: Option<Tonnes>,
    start_year: Year,
    full_effect_year: Year,
    implementation_cost: Option<Sek>,
    running_cost: Option<Sek>,
}

impl ScenarioItem {
    /// The measure with its catalogue defaults (the expected outcome), starting in
    /// `start_year`.
    #[must_use]
    pub fn new(measure: Arc<Measure>, municipality: Arc<Municipality>, start_year: Year) -> Self {
        let full = Year(start_year.get().saturating_add(measure.ramp_years));
        Self {
            effect: measure.default_effect(),
            effect_range: measure.effects.expected,
            case: Case::Expected,
            measure,
            municipality,
            quantity: None,
            start_year,
            full_effect_year: full,
            implementation_cost: None,
            running_cost: None,
        }
    }

    /// With the effect of a case: the expected outcome (evidence, with its range) or the
    /// plan's ambition (the goal's effect). [`Case::Own`] keeps the item's effect.
    #[must_use]
    pub fn with_case(mut self, case: Case) -> Self {
        if case != Case::Own {
            self.effect_range = self.measure.effects.for_case(case);
            self.effect = self.effect_range.central();
            self.case = case;
        }
        self
    }

    /// With another effect (share of the affected quantity shifted). The effect of the
    /// item's case leaves it in that case; any other is an own effect, which keeps the
    /// evidence's relative range around it (low = own × low ÷ central, high = own × high ÷
    /// central, at most 1; no range when the expected central is 0).
    #[must_use]
    pub fn with_effect(mut self, effect: Share) -> Self {
        if effect == self.effect && self.case != Case::Own {
            return self;
        }
        self.effect = effect;
        self.case = Case::Own;
        self.effect_range = own_range(effect, self.measure.effects.expected);
        self
    }

    /// With an own effect range: its central becomes the effect (an own case).
    #[must_use]
    pub fn with_effect_range(mut self, range: Estimate<Share>) -> Self {
        self.effect = range.central();
        self.effect_range = range;
        self.case = Case::Own;
        self
    }

    /// With an overriding affected quantity in tonnes per year.
    pub fn with_quantity(mut self, tonnes: Tonnes) -> Result<Self, ModelError> {
        if tonnes < Tonnes::ZERO {
            return Err(ModelError::NegativeQuantity(tonnes));
        }
        self.quantity = Some(tonnes);
        Ok(self)
    }

    /// Whether a full-effect year may follow a start year (not before it): the rule
    /// [`ScenarioItem::with_years`] applies, for a reader that checks a row's years before
    /// it has an item (a row with other problems still gets every one named).
    ///
    /// # Errors
    /// [`ModelError::YearOrder`].
    pub fn year_order(start: Year, full_effect: Year) -> Result<(), ModelError> {
        if full_effect < start {
            return Err(ModelError::YearOrder {
                earlier: start,
                later: full_effect,
            });
        }
        Ok(())
    }

    /// With other start and full-effect years.
    pub fn with_years(mut self, start: Year, full_effect: Year) -> Result<Self, ModelError> {
        Self::year_order(start, full_effect)?;
        self.start_year = start;
        self.full_effect_year = full_effect;
        Ok(self)
    }

    /// With an overriding one-time cost (SEK for this municipality); a negative cost is
    /// refused (a saving is a factor's or a yield's, not a cost below zero).
    pub fn with_implementation_cost(mut self, cost: Sek) -> Result<Self, ModelError> {
        if cost < Sek::ZERO {
            return Err(ModelError::NegativeCost(cost));
        }
        self.implementation_cost = Some(cost);
        Ok(self)
    }

    /// With an overriding running cost (SEK per year for this municipality); a negative
    /// cost is refused.
    pub fn with_running_cost(mut self, cost: Sek) -> Result<Self, ModelError> {
        if cost < Sek::ZERO {
            return Err(ModelError::NegativeCost(cost));
        }
        self.running_cost = Some(cost);
        Ok(self)
    }

    /// Replaces the measure (same id, e.g. on a pool with a municipality's own figures).
    pub(crate) fn set_measure(&mut self, measure: Arc<Measure>) {
        self.measure = measure;
    }

    /// The measure.
    #[must_use]
    pub fn measure(&self) -> &Measure {
        &self.measure
    }

    /// The measure, shared.
    #[must_use]
    pub fn measure_arc(&self) -> &Arc<Measure> {
        &self.measure
    }

    /// The municipality.
    #[must_use]
    pub fn municipality(&self) -> &Municipality {
        &self.municipality
    }

    /// The municipality, shared.
    #[must_use]
    pub fn municipality_arc(&self) -> &Arc<Municipality> {
        &self.municipality
    }

    /// Share of the affected quantity shifted at full effect.
    #[must_use]
    pub fn effect(&self) -> Share {
        self.effect
    }

    /// The effect's range: low, central (= [`Self::effect`]) and high.
    #[must_use]
    pub fn effect_range(&self) -> Estimate<Share> {
        self.effect_range
    }

    /// Which case the item's effect is.
    #[must_use]
    pub fn case(&self) -> Case {
        self.case
    }

    /// The overriding quantity, if any.
    #[must_use]
    pub fn quantity_override(&self) -> Option<Tonnes> {
        self.quantity
    }

    /// First year with effect.
    #[must_use]
    pub fn start_year(&self) -> Year {
        self.start_year
    }

    /// First year with full effect.
    #[must_use]
    pub fn full_effect_year(&self) -> Year {
        self.full_effect_year
    }

    /// The overriding one-time cost, if any.
    #[must_use]
    pub fn implementation_cost_override(&self) -> Option<Sek> {
        self.implementation_cost
    }

    /// The overriding running cost, if any.
    #[must_use]
    pub fn running_cost_override(&self) -> Option<Sek> {
        self.running_cost
    }

    /// The tonnes per year the measure can reach before any other measure acts: the
    /// override, or the catalogue basis × population; `None` inside means "all of the
    /// routes it acts on". The outer `None` is an overflow.
    #[must_use]
    pub fn reach_tonnes(&self) -> Option<Option<Tonnes>> {
        match (self.quantity, &self.measure.basis) {
            (Some(t), _) => Some(Some(t)),
            (None, Some(basis)) => basis.tonnes_for(self.municipality.population).map(Some),
            (None, None) => Some(None),
        }
    }

    /// The pool's tonnes per year in this municipality, or `None` on overflow.
    #[must_use]
    pub fn pool_tonnes(&self) -> Option<Tonnes> {
        self.measure
            .pool
            .tonnes_for(&self.municipality.code, self.municipality.population)
    }

    /// One-time cost in SEK (low, central, high): the override (exact), or the catalogue's
    /// per inhabitant × population. `None` on overflow.
    #[must_use]
    pub fn implementation_cost(&self) -> Option<Estimate<Sek>> {
        per_population(
            self.implementation_cost,
            &self.measure.implementation_cost,
            self.municipality.population,
        )
    }

    /// Running cost in SEK per year (low, central, high): the override (exact), or the
    /// catalogue's per inhabitant × population. `None` on overflow.
    #[must_use]
    pub fn running_cost(&self) -> Option<Estimate<Sek>> {
        per_population(
            self.running_cost,
            &self.measure.running_cost,
            self.municipality.population,
        )
    }
}

/// Which override a problem belongs to (a column in a file, a field in the app).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverrideField {
    /// The effect.
    Effect,
    /// The quantity in tonnes per year.
    Quantity,
    /// The start year.
    StartYear,
    /// The full-effect year.
    FullEffectYear,
    /// The one-time cost.
    ImplementationCost,
    /// The running cost.
    RunningCost,
}

/// A measure's overrides in one municipality, as a planner or a scenario file gives them:
/// every field optional, validated when the item is built. The one way to build a
/// [`ScenarioItem`] with overrides: the scenario reader, the app and the writers use it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ItemOverrides {
    /// Share of the reachable quantity moved at full effect.
    pub effect: Option<Share>,
    /// Tonnes per year the measure reaches.
    pub quantity: Option<Tonnes>,
    /// First year with effect (default: the plan's first year).
    pub start_year: Option<Year>,
    /// First year with full effect (default: start + the measure's ramp years).
    pub full_effect_year: Option<Year>,
    /// One-time cost, SEK.
    pub implementation_cost: Option<Sek>,
    /// Running cost, SEK per year.
    pub running_cost: Option<Sek>,
}

impl ItemOverrides {
    /// The item in a scenario over `period`: the measure's defaults with these overrides
    /// laid over them, starting in the period's first year unless `start_year` says
    /// otherwise. A problem names the override it belongs to; a start year after the
    /// period's last is one (the item would save nothing over the plan).
    pub fn build(
        &self,
        measure: Arc<Measure>,
        municipality: Arc<Municipality>,
        period: PlanPeriod,
    ) -> Result<ScenarioItem, (OverrideField, ModelError)> {
        let start = self.start_year.unwrap_or(period.start());
        if start > period.end() {
            return Err((
                OverrideField::StartYear,
                ModelError::StartAfterPeriod {
                    start,
                    end: period.end(),
                },
            ));
        }
        let mut item = ScenarioItem::new(measure, municipality, start);
        if let Some(e) = self.effect {
            item = item.with_effect(e);
        }
        if let Some(q) = self.quantity {
            item = item
                .with_quantity(q)
                .map_err(|e| (OverrideField::Quantity, e))?;
        }
        if let Some(f) = self.full_effect_year {
            item = item
                .with_years(start, f)
                .map_err(|e| (OverrideField::FullEffectYear, e))?;
        }
        if let Some(c) = self.implementation_cost {
            item = item
                .with_implementation_cost(c)
                .map_err(|e| (OverrideField::ImplementationCost, e))?;
        }
        if let Some(c) = self.running_cost {
            item = item
                .with_running_cost(c)
                .map_err(|e| (OverrideField::RunningCost, e))?;
        }
        Ok(item)
    }

    /// The item with every override [`ItemOverrides::build`] accepts, and each one it
    /// refuses (left out: the measure's default is used), the years first; `None` only
    /// if the item cannot be built even without overrides, which `build` rules out. A
    /// file reader refuses the row when any override is refused and reports them all; the
    /// app keeps the item without them and shows each at its field.
    #[must_use]
    pub fn build_leaving_out(
        &self,
        measure: &Arc<Measure>,
        municipality: &Arc<Municipality>,
        period: PlanPeriod,
    ) -> (Option<ScenarioItem>, Vec<(OverrideField, ModelError)>) {
        let mut overrides = self.clone();
        let mut refused = Vec::new();
        let item = loop {
            match overrides.build(Arc::clone(measure), Arc::clone(municipality), period) {
                Ok(item) => break Some(item),
                Err((field, error)) => {
                    // Each pass leaves out one override that was set, so this ends.
                    let was_set = match field {
                        OverrideField::Effect => overrides.effect.take().is_some(),
                        OverrideField::Quantity => overrides.quantity.take().is_some(),
                        OverrideField::StartYear => overrides.start_year.take().is_some(),
                        OverrideField::FullEffectYear => {
                            overrides.full_effect_year.take().is_some()
                        }
                        OverrideField::ImplementationCost => {
                            overrides.implementation_cost.take().is_some()
                        }
                        OverrideField::RunningCost => overrides.running_cost.take().is_some(),
                    };
                    refused.push((field, error));
                    if !was_set {
                        break None;
                    }
                }
            }
        };
        // `build` checks the quantity before the years; the years are named first.
        crate::sort::sort_by_key(&mut refused, |(field, _)| {
            !matches!(
                field,
                OverrideField::StartYear | OverrideField::FullEffectYear
            )
        });
        (item, refused)
    }

    /// The overrides an item carries: its effect, years and any quantity or costs set.
    #[must_use]
    pub fn of(item: &ScenarioItem) -> Self {
        Self {
            effect: Some(item.effect()),
            quantity: item.quantity_override(),
            start_year: Some(item.start_year()),
            full_effect_year: Some(item.full_effect_year()),
            implementation_cost: item.implementation_cost_override(),
            running_cost: item.running_cost_override(),
        }
    }
}

/// An own effect's range: the evidence's relative range around it.
fn own_range(own: Share, expected: Estimate<Share>) -> Estimate<Share> {
    let c = expected.central().value();
    if c.is_zero() {
        return Estimate::exact(own);
    }
    let scaled = |x: Share| {
        own.value()
            .checked_mul(x.value())
            .and_then(|v| v.checked_div(c))
            .map(|v| v.min(rust_decimal::Decimal::ONE))
            .and_then(|v| Share::new(v).ok())
    };
    match (scaled(expected.low()), scaled(expected.high())) {
        (Some(l), Some(h)) => {
            Estimate::new(l.min(own), own, h.max(own)).unwrap_or(Estimate::exact(own))
        }
        _ => Estimate::exact(own),
    }
}

fn per_population(
    over: Option<Sek>,
    per_inhabitant: &Estimate<SekPerInhabitant>,
    population: u32,
) -> Option<Estimate<Sek>> {
    match over {
        Some(c) => Some(Estimate::exact(c)),
        None => Estimate::new(
            per_inhabitant.low().for_population(population)?,
            per_inhabitant.central().for_population(population)?,
            per_inhabitant.high().for_population(population)?,
        )
        .ok(),
    }
}

/// A scenario-level replacement of one factor's value.
#[derive(Clone, Debug, PartialEq)]
pub struct FactorOverride {
    /// The fraction.
    pub fraction: FractionId,
    /// The route.
    pub route: Route,
    /// New emission factor, if overridden.
    pub emission: Option<Estimate<KgCo2ePerTonne>>,
    /// New cost factor, if overridden.
    pub cost: Option<Estimate<SekPerTonne>>,
    /// New sorting yield (share of tonnes sent this route that reach it), if overridden.
    pub yield_share: Option<Estimate<Share>>,
}

/// A scenario: measures × municipalities × parameters over a plan period.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// Name shown in results.
    pub name: String,
    /// Plan period.
    pub period: PlanPeriod,
    /// Discount rate for the net present value.
    pub discount_rate: Share,
    /// The measures in their municipalities.
    pub items: Vec<ScenarioItem>,
    /// The reference path: legal duties in the municipalities ([`Scenario::add_reference_path`]).
    /// They act before the plan's measures at the same waste-hierarchy step of their pools,
    /// so those are credited with what they add beyond them; their own result is reported
    /// apart
    /// ([`crate::Evaluation::required_by_law`]).
    pub reference: Vec<ScenarioItem>,
    /// Whether the totals include what the law requires (default: no, only the plan's).
    pub include_required_by_law: bool,
    /// Factor values that replace the table's for this scenario.
    pub factor_overrides: Vec<FactorOverride>,
}

impl Scenario {
    /// An empty scenario.
    #[must_use]
    pub fn new(name: impl Into<String>, period: PlanPeriod, discount_rate: Share) -> Self {
        Self {
            name: name.into(),
            period,
            discount_rate,
            items: Vec::new(),
            reference: Vec::new(),
            include_required_by_law: false,
            factor_overrides: Vec::new(),
        }
    }

    /// Adds the reference path: each legal duty in `duties` (measures of kind
    /// [`MeasureKind::LegalDuty`]; others are skipped) in every municipality of the
    /// scenario's items that does not have it yet, from the duty's first year over its
    /// ramp years, at its expected effect.
    pub fn add_reference_path(&mut self, duties: &[Arc<Measure>]) {
        let mut towns: Vec<Arc<Municipality>> = Vec::new();
        for item in &self.items {
            if !towns.iter().any(|t| t.code == item.municipality().code) {
                towns.push(Arc::clone(item.municipality_arc()));
            }
        }
        for duty in duties {
            let MeasureKind::LegalDuty { from } = duty.kind else {
                continue;
            };
            for town in &towns {
                let present = self
                    .reference
                    .iter()
                    .any(|r| r.measure().id == duty.id && r.municipality().code == town.code);
                if !present {
                    self.reference.push(ScenarioItem::new(
                        Arc::clone(duty),
                        Arc::clone(town),
                        from,
                    ));
                }
            }
        }
    }

    /// Sets every plan item's effect to a case's (expected outcome or the plan's ambition).
    pub fn set_case(&mut self, case: Case) {
        for item in &mut self.items {
            *item = item.clone().with_case(case);
        }
    }

    /// The case the plan's items are in: theirs when they all agree, otherwise
    /// [`Case::Own`]; an empty scenario is the expected outcome.
    #[must_use]
    pub fn case(&self) -> Case {
        let mut cases = self.items.iter().map(ScenarioItem::case);
        match cases.next() {
            None => Case::Expected,
            Some(first) if cases.all(|c| c == first) => first,
            Some(_) => Case::Own,
        }
    }

    /// The plan's items and then the reference path's, by one index (pools run both).
    pub(crate) fn item_at(&self, i: usize) -> Option<&ScenarioItem> {
        match i.checked_sub(self.items.len()) {
            None => self.items.get(i),
            Some(r) => self.reference.get(r),
        }
    }

    /// Every item, the plan's then the reference path's.
    pub(crate) fn all_items(&self) -> impl Iterator<Item = &ScenarioItem> {
        self.items.iter().chain(&self.reference)
    }
}
