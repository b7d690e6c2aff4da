//! Fractions, goal areas, pools, measures and municipalities.

use super::{Estimate, FractionId, MeasureId, Payer, PoolId, Route, RouteMix, ScbCode, SourceId};
use crate::units::{GramsPerPortion, KgPerInhabitant, SekPerInhabitant, Share, Tonnes, Year};
use rust_decimal::Decimal;

/// A waste fraction (avfallsslag).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fraction {
    /// Id, e.g. `food`.
    pub id: FractionId,
    /// Swedish name.
    pub name_sv: String,
    /// English name.
    pub name_en: String,
}

impl Fraction {
    /// The name in a language.
    #[must_use]
    pub fn name(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::Sv => &self.name_sv,
            crate::Lang::En => &self.name_en,
        }
    }
}

/// A goal area of a waste plan, e.g. `food` (Hushåll med maten).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalArea {
    /// Id, e.g. `food`.
    pub id: String,
    /// Swedish name.
    pub name_sv: String,
    /// English name.
    pub name_en: String,
}

impl GoalArea {
    /// The name in a language.
    #[must_use]
    pub fn name(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::Sv => &self.name_sv,
            crate::Lang::En => &self.name_en,
        }
    }
}

/// How a measure's affected quantity is found for a municipality.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuantityBasis {
    /// A fixed number of tonnes per year.
    Tonnes {
        /// Tonnes per year.
        tonnes: Tonnes,
    },
    /// Inhabitants × kg per inhabitant and year.
    PerInhabitant {
        /// kg per inhabitant and year.
        kg: KgPerInhabitant,
    },
    /// Inhabitants × portions per inhabitant and year × grams per portion.
    PerPortion {
        /// Grams of the fraction per portion.
        grams: GramsPerPortion,
        /// Public-sector portions served per inhabitant and year.
        portions_per_inhabitant: Decimal,
    },
}

impl QuantityBasis {
    /// Tonnes per year for a population, or `None` on overflow.
    #[must_use]
    pub fn tonnes_for(&self, inhabitants: u32) -> Option<Tonnes> {
        match self {
            QuantityBasis::Tonnes { tonnes } => Some(*tonnes),
            QuantityBasis::PerInhabitant { kg } => kg.for_population(inhabitants),
            QuantityBasis::PerPortion {
                grams,
                portions_per_inhabitant,
            } => {
                grams.for_portions(portions_per_inhabitant.checked_mul(Decimal::from(inhabitants))?)
            }
        }
    }
}

/// A pool of waste in a municipality: one fraction from one kind of source (e.g. food
/// waste from households, or from school kitchens), with its tonnes per year and where
/// they go today.
///
/// Measures on the same pool share its tonnes: they act in waste-hierarchy order on what
/// is still in the routes they act on, so stacked measures never move a tonne twice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pool {
    /// Id, e.g. `household_food`.
    pub id: PoolId,
    /// The fraction (its factors apply).
    pub fraction: FractionId,
    /// Swedish name.
    pub name_sv: String,
    /// English name.
    pub name_en: String,
    /// Tonnes per year for a municipality.
    pub basis: QuantityBasis,
    /// Where the tonnes go today (baseline route distribution).
    pub baseline: RouteMix,
    /// Where a municipality's own figures say its tonnes go, replacing `baseline` there.
    pub local_baselines: Vec<LocalBaseline>,
    /// Sources of the quantity and the distribution.
    pub sources: Vec<SourceId>,
}

/// A municipality's own route distribution for a pool (e.g. Borås, which has sorted food
/// waste separately for many years, sends more of it to digestion than the national share),
/// and, from its own statistics, its own quantity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalBaseline {
    /// The municipality.
    pub municipality: ScbCode,
    /// Where its tonnes go.
    pub baseline: RouteMix,
    /// Its own quantity, replacing the pool's basis there; `None`: the pool's.
    pub quantity: Option<QuantityBasis>,
    /// Where the figures come from.
    pub source: SourceId,
    /// The year of the municipality's own figures (a baseline file, issue 12), which the
    /// results mark as its own; `None` for the built-in municipality-specific data.
    pub own_year: Option<Year>,
}

impl Pool {
    /// The name in a language.
    #[must_use]
    pub fn name(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::Sv => &self.name_sv,
            crate::Lang::En => &self.name_en,
        }
    }

    /// A pool named by its id, with its quantity and where its tonnes go today; no
    /// municipality's own figures, no sources (a pool built in code).
    #[must_use]
    pub fn new(id: &str, fraction: FractionId, basis: QuantityBasis, baseline: RouteMix) -> Self {
        Self {
            id: PoolId::from(id),
            fraction,
            name_sv: id.to_string(),
            name_en: id.to_string(),
            basis,
            baseline,
            local_baselines: Vec::new(),
            sources: Vec::new(),
        }
    }

    /// The route distribution in one municipality: its own figures, or the pool's default.
    #[must_use]
    pub fn baseline_for(&self, municipality: &ScbCode) -> &RouteMix {
        self.local_baselines
            .iter()
            .find(|l| &l.municipality == municipality)
            .map_or(&self.baseline, |l| &l.baseline)
    }

    /// The quantity basis in one municipality: its own figures, or the pool's default.
    #[must_use]
    pub fn basis_for(&self, municipality: &ScbCode) -> &QuantityBasis {
        self.local_baselines
            .iter()
            .find(|l| &l.municipality == municipality)
            .and_then(|l| l.quantity.as_ref())
            .unwrap_or(&self.basis)
    }

    /// Tonnes per year in one municipality of `inhabitants` (its own quantity, or the
    /// pool's basis × population), or `None` on overflow.
    #[must_use]
    pub fn tonnes_for(&self, municipality: &ScbCode, inhabitants: u32) -> Option<Tonnes> {
        self.basis_for(municipality).tonnes_for(inhabitants)
    }

    /// Whether any municipality's distribution has tonnes in `route`.
    #[must_use]
    pub fn has_tonnes_in(&self, route: Route) -> bool {
        !self.baseline.share(route).value().is_zero()
            || self
                .local_baselines
                .iter()
                .any(|l| !l.baseline.share(route).value().is_zero())
    }
    /// A pool that only one measure uses: the measure's own quantity and baseline mix
    /// (how a catalogue without pools is read).
    #[must_use]
    pub fn own(
        id: &MeasureId,
        fraction: FractionId,
        basis: QuantityBasis,
        baseline: RouteMix,
    ) -> Self {
        Self {
            id: PoolId(id.0.clone()),
            fraction,
            name_sv: id.0.clone(),
            name_en: id.0.clone(),
            basis,
            baseline,
            local_baselines: Vec::new(),
            sources: Vec::new(),
        }
    }
}

/// The default waste-hierarchy stage of a measure: its best target route. Measures on one
/// pool apply in stage order (prevention first, then reuse, then sorting), ties broken by
/// measure id.
#[must_use]
pub fn stage(target: &RouteMix) -> Route {
    target
        .shares()
        .iter()
        .filter(|(_, s)| !s.value().is_zero())
        .map(|(r, _)| *r)
        .min()
        .unwrap_or(Route::Landfill)
}

/// Whether a catalogue entry is a measure the plan chooses or a legal duty: what a law
/// requires from a year on whatever the plan does (the reference path, issue 21).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MeasureKind {
    /// One of the plan's measures.
    Plan,
    /// Required by law from `from` on (e.g. separate textile collection from 2025). Legal
    /// duties act before the plan's measures at the same waste-hierarchy step of their
    /// pool, so a plan measure is credited only with what it adds beyond them, and their
    /// own result is shown apart ("required by law").
    LegalDuty {
        /// The first year the duty applies.
        from: Year,
    },
}

/// Which effects a scenario assumes (issue 21): what evidence says measures achieve, what
/// the plan hopes for, or the user's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Case {
    /// The expected outcome: each measure's evidence-based effect with its range (the
    /// default headline).
    #[default]
    Expected,
    /// The plan's ambition: each measure at the effect its goal needs (the goal reached).
    Ambition,
    /// The user's own effects (some or all changed by hand).
    Own,
}

impl Case {
    /// Every case, in the order they are shown.
    pub const ALL: [Case; 3] = [Case::Expected, Case::Ambition, Case::Own];

    /// The id used in files and JSON: `expected`, `ambition`, `own`.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Case::Expected => "expected",
            Case::Ambition => "ambition",
            Case::Own => "own",
        }
    }

    /// The case for an id.
    #[must_use]
    pub fn from_id(id: &str) -> Option<Self> {
        Case::ALL.into_iter().find(|c| c.id() == id.trim())
    }

    /// The case's name in Swedish.
    #[must_use]
    pub fn name_sv(self) -> &'static str {
        match self {
            Case::Expected => "förväntat utfall",
            Case::Ambition => "planens ambition",
            Case::Own => "egna effekter",
        }
    }

    /// The case's name in a language.
    #[must_use]
    pub fn name(self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::Sv => self.name_sv(),
            crate::Lang::En => self.name_en(),
        }
    }

    /// The case's name in English.
    #[must_use]
    pub fn name_en(self) -> &'static str {
        match self {
            Case::Expected => "expected outcome",
            Case::Ambition => "the plan's ambition",
            Case::Own => "own effects",
        }
    }
}

/// A measure's effect: the expected outcome (from outcomes that were achieved and
/// measured, with a range) and the plan's ambition (the effect its goal needs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Effects {
    /// Expected share of the reachable quantity moved: low, central, high.
    pub expected: Estimate<Share>,
    /// The share the plan's goal needs; `None`: the plan sets no goal for it (its ambition
    /// is then the expected central value).
    pub goal: Option<Share>,
    /// Where the expected effect comes from (measured outcomes).
    pub evidence_source: Option<SourceId>,
    /// Where the goal comes from (the plan).
    pub goal_source: Option<SourceId>,
}

impl Effects {
    /// One effect without range, goal or sources (a measure built in code).
    #[must_use]
    pub fn point(effect: Share) -> Self {
        Self {
            expected: Estimate::exact(effect),
            goal: None,
            evidence_source: None,
            goal_source: None,
        }
    }

    /// The effect at the plan's ambition: the goal's, or the expected central value.
    #[must_use]
    pub fn ambition(&self) -> Share {
        self.goal.unwrap_or(self.expected.central())
    }

    /// The effect and its range in a case (an own effect is set on the scenario item).
    #[must_use]
    pub fn for_case(&self, case: Case) -> Estimate<Share> {
        match case {
            Case::Expected | Case::Own => self.expected,
            Case::Ambition => Estimate::exact(self.ambition()),
        }
    }
}

/// A measure (åtgärd) from the catalogue: it moves a share of the tonnes in some routes of
/// one pool to other routes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Measure {
    /// Id, e.g. `food_waste_schools`.
    pub id: MeasureId,
    /// Goal area of the waste plan, e.g. `food`.
    pub area: String,
    /// Swedish name.
    pub name_sv: String,
    /// English name.
    pub name_en: String,
    /// Swedish description.
    pub description_sv: String,
    /// English description.
    pub description_en: String,
    /// The fraction it acts on (the pool's).
    pub fraction: FractionId,
    /// The pool it takes its tonnes from.
    pub pool: std::sync::Arc<Pool>,
    /// The pool's routes it moves tonnes out of (e.g. incineration: the residual bin).
    pub acts_on: Vec<Route>,
    /// The part of those routes it can reach (e.g. the avoidable part of food waste);
    /// `None`: all of them. Its effect is a share of this quantity.
    pub basis: Option<QuantityBasis>,
    /// Where the moved tonnes go (before sorting yields).
    pub target: RouteMix,
    /// The waste-hierarchy step it acts at, which orders it among the measures on its pool:
    /// prevention, reuse, or recycling (sorting and separate collection).
    pub stage: Route,
    /// Share of the reachable quantity that is moved: expected (with its range) and at the
    /// plan's goal.
    pub effects: Effects,
    /// A plan measure or a legal duty (the reference path).
    pub kind: MeasureKind,
    /// Default years from start until full effect.
    pub ramp_years: u16,
    /// One-time cost per inhabitant: low, central, high.
    pub implementation_cost: Estimate<SekPerInhabitant>,
    /// Running cost per inhabitant and year: low, central, high.
    pub running_cost: Estimate<SekPerInhabitant>,
    /// Who pays the measure's own costs.
    pub cost_payer: Payer,
    /// Who saves the avoided purchases of its prevention and reuse routes (treatment
    /// routes are always the waste fee's).
    pub savings_payer: Payer,
    /// Source of its cost figures.
    pub cost_source: Option<SourceId>,
    /// Sources of the defaults: quantity, effect, costs, mixes.
    pub sources: Vec<SourceId>,
}

impl Measure {
    /// The measure's name in a language.
    #[must_use]
    pub fn name(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::Sv => &self.name_sv,
            crate::Lang::En => &self.name_en,
        }
    }

    /// A plan measure named by its id that moves `effect` of its pool's tonnes out of
    /// every route they go today (those with a share in the pool's baseline) into
    /// `target`, at the waste-hierarchy stage of `target` ([`stage`]), from its first year
    /// on. No costs, no sources; its own costs are paid by the municipal budget and its
    /// avoided purchases saved by the households (see [`Measure::with_costs`]).
    #[must_use]
    pub fn new(id: &str, pool: std::sync::Arc<Pool>, target: RouteMix, effect: Share) -> Self {
        let acts_on = pool
            .baseline
            .shares()
            .iter()
            .filter(|(_, s)| !s.value().is_zero())
            .map(|(r, _)| *r)
            .collect();
        Self {
            id: MeasureId::from(id),
            area: String::new(),
            name_sv: id.to_string(),
            name_en: id.to_string(),
            description_sv: String::new(),
            description_en: String::new(),
            fraction: pool.fraction.clone(),
            pool,
            acts_on,
            basis: None,
            stage: stage(&target),
            target,
            effects: Effects::point(effect),
            kind: MeasureKind::Plan,
            ramp_years: 0,
            implementation_cost: Estimate::exact(SekPerInhabitant::ZERO),
            running_cost: Estimate::exact(SekPerInhabitant::ZERO),
            cost_payer: Payer::MunicipalBudget,
            savings_payer: Payer::Households,
            cost_source: None,
            sources: Vec::new(),
        }
    }

    /// With its own costs per inhabitant (one-time, and running per year) and who pays
    /// them.
    #[must_use]
    pub fn with_costs(
        mut self,
        implementation: Estimate<SekPerInhabitant>,
        running: Estimate<SekPerInhabitant>,
        payer: Payer,
    ) -> Self {
        self.implementation_cost = implementation;
        self.running_cost = running;
        self.cost_payer = payer;
        self
    }

    /// Who saves or pays the cost factor of `route` for this measure: avoided purchases
    /// (prevention, reuse) are the `savings_payer`'s, treatment the waste fee's.
    #[must_use]
    pub fn route_payer(&self, route: Route) -> Payer {
        match route {
            Route::Prevention | Route::Reuse => self.savings_payer,
            _ => Payer::WasteFee,
        }
    }

    /// The waste-hierarchy stage the measure acts at.
    #[must_use]
    pub fn stage(&self) -> Route {
        self.stage
    }

    /// The default effect: the expected outcome's central value.
    #[must_use]
    pub fn default_effect(&self) -> Share {
        self.effects.expected.central()
    }

    /// Whether it is a legal duty (the reference path), not one of the plan's measures.
    #[must_use]
    pub fn is_legal_duty(&self) -> bool {
        matches!(self.kind, MeasureKind::LegalDuty { .. })
    }
}

/// A municipality.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Municipality {
    /// SCB code.
    pub code: ScbCode,
    /// Name, e.g. `Borås`.
    pub name: String,
    /// Inhabitants.
    pub population: u32,
    /// Date of the population figure.
    pub population_date: String,
    /// Source of the population figure.
    pub source: SourceId,
}

impl Municipality {
    /// A municipality by its SCB code, name and number of inhabitants (no date or source
    /// for the figure).
    #[must_use]
    pub fn new(code: &str, name: &str, population: u32) -> Self {
        Self {
            code: ScbCode::from(code),
            name: name.to_string(),
            population,
            population_date: String::new(),
            source: SourceId::from(""),
        }
    }
}

/// A municipality in SCB's list of Sweden's 290 municipalities: its code and name, without
/// a population (issue 26: any municipality, with the population its planner gives).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScbMunicipality {
    /// SCB code, e.g. `2480`.
    pub code: ScbCode,
    /// Name, e.g. `Umeå`.
    pub name: String,
    /// The county's SCB code, e.g. `24`.
    pub county: String,
    /// Source of the code and name.
    pub source: SourceId,
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn a_measure_built_in_code_acts_on_its_pools_routes() {
        let mix = RouteMix::new([
            (Route::Incineration, Share::new(dec!(0.75)).unwrap()),
            (Route::AnaerobicDigestion, Share::new(dec!(0.25)).unwrap()),
        ])
        .unwrap();
        let basis = QuantityBasis::Tonnes {
            tonnes: Tonnes::new(dec!(100)),
        };
        let pool = Pool::new("food", FractionId::from("food"), basis, mix);
        assert_eq!(
            (pool.name_sv.as_str(), pool.name_en.as_str()),
            ("food", "food")
        );
        let half = Share::new(dec!(0.5)).unwrap();
        let m = Measure::new(
            "less_food",
            std::sync::Arc::new(pool),
            RouteMix::single(Route::Prevention),
            half,
        );
        assert_eq!(m.fraction, FractionId::from("food"));
        // In the mix's order: the waste hierarchy's.
        assert_eq!(m.acts_on, [Route::AnaerobicDigestion, Route::Incineration]);
        assert_eq!((m.stage, m.default_effect()), (Route::Prevention, half));
        assert_eq!(
            (m.cost_payer, m.savings_payer),
            (Payer::MunicipalBudget, Payer::Households)
        );
        let town = Municipality::new("1490", "Borås", 115_000);
        assert_eq!((town.code.as_str(), town.population), ("1490", 115_000));
    }

    #[test]
    fn per_portion_basis_gives_tonnes() {
        // 10 000 inhabitants × 100 portions × 50 g = 50 000 000 g = 50 t.
        let basis = QuantityBasis::PerPortion {
            grams: GramsPerPortion::new_unchecked(dec!(50)),
            portions_per_inhabitant: dec!(100),
        };
        assert_eq!(basis.tonnes_for(10_000), Some(Tonnes::new(dec!(50))));
    }
}
