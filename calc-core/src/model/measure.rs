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
    /// Default share of the reachable quantity that is moved.
    pub default_effect: Share,
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

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn per_portion_basis_gives_tonnes() {
        // 10 000 inhabitants × 100 portions × 50 g = 50 000 000 g = 50 t.
        let basis = QuantityBasis::PerPortion {
            grams: GramsPerPortion::new(dec!(50)),
            portions_per_inhabitant: dec!(100),
        };
        assert_eq!(basis.tonnes_for(10_000), Some(Tonnes::new(dec!(50))));
    }
}
