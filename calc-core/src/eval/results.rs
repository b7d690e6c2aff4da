//! Result types: bands, summaries, per-item and per-year rows, warnings, errors.

use crate::model::{
    ByPayer, Case, Estimate, FactorId, FactorSetInfo, FractionId, MeasureId, Payer, Perspective,
    PoolId, Range, Route, ScbCode, SourceId,
};
use crate::scenario::PlanPeriod;
use crate::units::{
    KgCo2e, KgCo2ePerTonne, Sek, SekPerTonne, SekPerTonneCo2e, Share, Tonnes, Year,
};
use rust_decimal::Decimal;

/// A result at low, central and high factor values.
///
/// `low ≤ central ≤ high` holds by construction: bounds come from interval arithmetic that
/// takes, for every factor, the end that makes the result smallest (or largest), respecting
/// the sign of the factor's weight. Its parts are read as those of every range:
/// [`Range`] (`band.low()` is `band.low`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Band<T> {
    /// Result at the factor values that make it smallest.
    pub low: T,
    /// Result at central factor values.
    pub central: T,
    /// Result at the factor values that make it largest.
    pub high: T,
}

impl<T: Copy> Band<T> {
    /// The same value at all three points.
    pub fn exact(v: T) -> Self {
        Self {
            low: v,
            central: v,
            high: v,
        }
    }

    fn try_zip<U, V>(
        self,
        other: Band<U>,
        mut f: impl FnMut(T, U) -> Option<V>,
    ) -> Option<Band<V>> {
        Some(Band {
            low: f(self.low, other.low)?,
            central: f(self.central, other.central)?,
            high: f(self.high, other.high)?,
        })
    }
}

impl<T: Copy> Range<T> for Band<T> {
    fn low(&self) -> T {
        self.low
    }
    fn central(&self) -> T {
        self.central
    }
    fn high(&self) -> T {
        self.high
    }
}

macro_rules! band_add {
    ($t:ty) => {
        impl Band<$t> {
            /// Adds two bands point by point, or `None` on overflow.
            #[must_use]
            pub fn checked_add(self, other: Self) -> Option<Self> {
                self.try_zip(other, <$t>::checked_add)
            }
        }
    };
}
band_add!(KgCo2e);
band_add!(Sek);

band_add!(Tonnes);

impl Band<Sek> {
    /// The band minus a cost range: the low end pays the high cost and vice versa.
    #[must_use]
    pub fn minus_cost(self, cost: Estimate<Sek>) -> Option<Self> {
        Some(Band {
            low: self.low.checked_sub(cost.high())?,
            central: self.central.checked_sub(cost.central())?,
            high: self.high.checked_sub(cost.low())?,
        })
    }
}

impl ByPayer<Band<Sek>> {
    /// Adds two per-payer bands payer by payer, or `None` on overflow.
    #[must_use]
    pub fn checked_add(&self, other: &Self) -> Option<Self> {
        self.try_zip(other, |a, b| a.checked_add(*b))
    }

    /// The sum over the payers a perspective counts.
    #[must_use]
    pub fn for_perspective(&self, perspective: Perspective) -> Option<Band<Sek>> {
        Payer::ALL
            .into_iter()
            .filter(|p| perspective.includes(*p))
            .try_fold(Band::exact(Sek::ZERO), |acc, p| {
                acc.checked_add(*self.get(p))
            })
    }
}

/// Society's net SEK: the sum over all payers.
pub(super) fn sum_payers(b: &ByPayer<Band<Sek>>) -> Option<Band<Sek>> {
    b.for_perspective(Perspective::Society)
}

/// Figures for one measure in one municipality, one group, or the whole scenario.
///
/// SEK figures are split by [`Payer`]; each other money figure is named by whose money it
/// is: the `society_*` figures are society's (the sum of
/// the three payers, exactly, at low, central and high).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Summary {
    /// Tonnes moved per year at full effect.
    pub tonnes_shifted_per_year: Tonnes,
    /// kg CO2e saved per year at full effect.
    pub co2e_saved_kg_per_year: Band<KgCo2e>,
    /// SEK saved per year at full effect by the change of routes (treatment, taxes and
    /// avoided purchases, all payers), before the measures' own costs.
    pub route_sek_saved_per_year: Band<Sek>,
    /// Net SEK saved per year at full effect, per payer, after the measure costs each pays.
    pub net_sek_saved_per_year_by_payer: ByPayer<Band<Sek>>,
    /// Net SEK saved per year at full effect, all payers (society), after running costs.
    /// One-time costs are not in it; they are in the cumulative and present values.
    pub society_net_sek_saved_per_year: Band<Sek>,
    /// Tonnes moved over the plan period.
    pub tonnes_shifted_cumulative: Tonnes,
    /// kg CO2e saved over the plan period.
    pub co2e_saved_kg_cumulative: Band<KgCo2e>,
    /// Net SEK saved over the plan period per payer, after all measure costs.
    pub net_sek_saved_cumulative_by_payer: ByPayer<Band<Sek>>,
    /// Net SEK saved over the plan period, all payers, after all measure costs.
    pub society_net_sek_saved_cumulative: Band<Sek>,
    /// Net present value of the yearly net SEK saved, per payer.
    pub net_present_value_sek_by_payer: ByPayer<Band<Sek>>,
    /// Net present value of the yearly net SEK saved, all payers, discounted to the plan's
    /// first year.
    pub society_net_present_value_sek: Band<Sek>,
    /// One-time costs (low, central, high).
    pub implementation_cost_sek: Band<Sek>,
    /// Running costs per year (low, central, high).
    pub running_cost_sek_per_year: Band<Sek>,
    /// The municipality's SEK per tonne CO2e over the plan period (central):
    /// `−net SEK saved by waste fee and budget / t CO2e saved`. Negative when a measure
    /// saves both money and CO2e; `None` when it saves no CO2e.
    pub municipality_cost_per_tonne_co2e: Option<SekPerTonneCo2e>,
}

impl Summary {
    /// These figures per inhabitant of `population` (central values per year at full
    /// effect); `None` for no inhabitants.
    ///
    /// ```
    /// use calc_core::{demo, evaluate};
    /// use rust_decimal_macros::dec;
    /// # fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    /// let e = evaluate(&demo::table()?, &demo::scenario()?)?;
    /// let p = e.total.per_inhabitant(1000).ok_or("no inhabitants")?;
    /// // 7 t moved and 9 850 kg CO2e saved by 1 000 inhabitants.
    /// assert_eq!((p.kg_moved, p.kg_co2e_saved), (dec!(7), dec!(9.85)));
    /// assert!(e.total.per_inhabitant(0).is_none());
    /// # Ok(())
    /// # }
    /// ```
    #[must_use]
    pub fn per_inhabitant(&self, population: u32) -> Option<PerInhabitantFigures> {
        if population == 0 {
            return None;
        }
        let pop = Decimal::from(population);
        let per = |d: Decimal| d.checked_div(pop).unwrap_or_default();
        let muni = self
            .net_sek_per_year(Perspective::Municipality)
            .map_or(Decimal::ZERO, |b| b.central.value());
        Some(PerInhabitantFigures {
            population,
            kg_moved: per(self
                .tonnes_shifted_per_year
                .value()
                .saturating_mul(Decimal::ONE_THOUSAND)),
            kg_co2e_saved: per(self.co2e_saved_kg_per_year.central.value()),
            sek_saved_municipality: per(muni),
            sek_saved_society: per(self.society_net_sek_saved_per_year.central.value()),
        })
    }

    /// Adds `o`'s figures to these, field by field, leaving the payers' sums and the cost
    /// per tonne stale: [`Summary::finish_sums`] sets them once all items are added (they
    /// depend only on the summed fields, so setting them once gives the same digits as
    /// setting them after every addition).
    pub(super) fn add_parts(&mut self, o: &Summary) -> Option<()> {
        fn add<T: Copy>(a: &mut T, b: T, f: impl FnOnce(T, T) -> Option<T>) -> Option<()> {
            *a = f(*a, b)?;
            Some(())
        }
        add(
            &mut self.tonnes_shifted_per_year,
            o.tonnes_shifted_per_year,
            Tonnes::checked_add,
        )?;
        add(
            &mut self.co2e_saved_kg_per_year,
            o.co2e_saved_kg_per_year,
            Band::<KgCo2e>::checked_add,
        )?;
        add(
            &mut self.route_sek_saved_per_year,
            o.route_sek_saved_per_year,
            Band::<Sek>::checked_add,
        )?;
        self.net_sek_saved_per_year_by_payer = self
            .net_sek_saved_per_year_by_payer
            .checked_add(&o.net_sek_saved_per_year_by_payer)?;
        add(
            &mut self.tonnes_shifted_cumulative,
            o.tonnes_shifted_cumulative,
            Tonnes::checked_add,
        )?;
        add(
            &mut self.co2e_saved_kg_cumulative,
            o.co2e_saved_kg_cumulative,
            Band::<KgCo2e>::checked_add,
        )?;
        self.net_sek_saved_cumulative_by_payer = self
            .net_sek_saved_cumulative_by_payer
            .checked_add(&o.net_sek_saved_cumulative_by_payer)?;
        self.net_present_value_sek_by_payer = self
            .net_present_value_sek_by_payer
            .checked_add(&o.net_present_value_sek_by_payer)?;
        add(
            &mut self.implementation_cost_sek,
            o.implementation_cost_sek,
            Band::<Sek>::checked_add,
        )?;
        add(
            &mut self.running_cost_sek_per_year,
            o.running_cost_sek_per_year,
            Band::<Sek>::checked_add,
        )
    }

    /// Sets society's figures to the payers' sums (so they stay exactly that in totals)
    /// and the cost per tonne from the summed figures.
    pub(super) fn finish_sums(&mut self) -> Option<()> {
        self.society_net_sek_saved_per_year = sum_payers(&self.net_sek_saved_per_year_by_payer)?;
        self.society_net_sek_saved_cumulative =
            sum_payers(&self.net_sek_saved_cumulative_by_payer)?;
        self.society_net_present_value_sek = sum_payers(&self.net_present_value_sek_by_payer)?;
        self.municipality_cost_per_tonne_co2e = self.cost_per_tonne_for(Perspective::Municipality);
        Some(())
    }

    /// Net SEK saved per year at full effect from one perspective (after running costs).
    #[must_use]
    pub fn net_sek_per_year(&self, perspective: Perspective) -> Option<Band<Sek>> {
        self.net_sek_saved_per_year_by_payer
            .for_perspective(perspective)
    }

    /// Net SEK saved over the plan period from one perspective (after all costs).
    #[must_use]
    pub fn net_sek_cumulative(&self, perspective: Perspective) -> Option<Band<Sek>> {
        self.net_sek_saved_cumulative_by_payer
            .for_perspective(perspective)
    }

    /// Net present value from one perspective.
    #[must_use]
    pub fn net_present_value(&self, perspective: Perspective) -> Option<Band<Sek>> {
        self.net_present_value_sek_by_payer
            .for_perspective(perspective)
    }

    /// SEK per tonne CO2e over the plan period from one perspective (central), or `None`
    /// when no CO2e is saved.
    #[must_use]
    pub fn cost_per_tonne_for(&self, perspective: Perspective) -> Option<SekPerTonneCo2e> {
        self.net_sek_cumulative(perspective)?
            .central
            .cost_per_tonne_co2e(self.co2e_saved_kg_cumulative.central)
    }
}

/// One year of one measure in one municipality.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearRow {
    /// The year.
    pub year: Year,
    /// Share of the measure's full effect reached this year.
    pub ramp: Decimal,
    /// Tonnes moved this year.
    pub tonnes_shifted: Tonnes,
    /// kg CO2e saved this year.
    pub co2e_saved_kg: Band<KgCo2e>,
    /// SEK saved this year by the change of routes (all payers), before measure costs.
    pub route_sek_saved: Band<Sek>,
    /// Measure costs paid this year (one-time and running).
    pub measure_cost_sek: Band<Sek>,
    /// Net SEK saved this year, per payer.
    pub net_sek_saved_by_payer: ByPayer<Band<Sek>>,
    /// Net SEK saved this year, all payers (society).
    pub society_net_sek_saved: Band<Sek>,
}

/// Which own figures of a municipality an item's results rest on: their source and year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnFiguresUsed {
    /// Where they come from (as the baseline file gives it).
    pub source: String,
    /// The year they are for.
    pub year: Year,
}

/// Figures per inhabitant and year at full effect (central values), so municipalities of
/// different size can be compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PerInhabitantFigures {
    /// The inhabitants divided by.
    pub population: u32,
    /// kg of waste moved per inhabitant (to better routes).
    pub kg_moved: Decimal,
    /// kg CO2e saved per inhabitant.
    pub kg_co2e_saved: Decimal,
    /// Net SEK saved per inhabitant, the municipality's (waste fee and municipal budget).
    pub sek_saved_municipality: Decimal,
    /// Net SEK saved per inhabitant, society's (all payers).
    pub sek_saved_society: Decimal,
}

/// The result for one measure in one municipality.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemResult {
    /// The measure.
    pub measure: MeasureId,
    /// The municipality.
    pub municipality: ScbCode,
    /// The municipality's name.
    pub municipality_name: String,
    /// The municipality's inhabitants (its population figure in the catalogue), for the
    /// figures per inhabitant ([`Summary::per_inhabitant`]).
    pub population: u32,
    /// The effect's range: low, central (= `effect`) and high.
    pub effect_range: Estimate<Share>,
    /// Whether the item is a legal duty (the reference path), not one of the plan's measures.
    pub required_by_law: bool,
    /// The municipality's own figures for this pool (a baseline file), when they replaced
    /// the defaults; results show them marked as its own.
    pub own_figures: Option<OwnFiguresUsed>,
    /// The fraction the measure acts on.
    pub fraction: FractionId,
    /// The pool it shares with other measures on the same waste.
    pub pool: PoolId,
    /// Its place among the measures on that pool in this municipality (1 = first).
    pub order_in_pool: u32,
    /// The pool's tonnes per year in this municipality.
    pub pool_tonnes_per_year: Tonnes,
    /// Tonnes per year the measure can reach before any measure acts.
    pub affected_tonnes_per_year: Tonnes,
    /// Share of the reachable tonnes moved at full effect.
    pub effect: Share,
    /// First year with effect.
    pub start_year: Year,
    /// First year with full effect.
    pub full_effect_year: Year,
    /// Emissions per tonne where the moved waste went before (central).
    pub baseline_kg_co2e_per_tonne: KgCo2ePerTonne,
    /// Emissions per tonne where the moved waste goes, after sorting yields (central).
    pub target_kg_co2e_per_tonne: KgCo2ePerTonne,
    /// Saving per tonne moved, at low/central/high factors and yields.
    pub co2e_saved_per_tonne: Band<KgCo2ePerTonne>,
    /// SEK saved per tonne moved by the change of routes (all payers).
    pub sek_saved_per_tonne: Band<SekPerTonne>,
    /// Tonnes per year at full effect that reach each target route after yields, and the
    /// rejects, by route.
    pub destinations: Vec<(Route, Tonnes)>,
    /// Factors used (emission, cost and yield ids).
    pub factors: Vec<FactorId>,
    /// Sources of those factors.
    pub sources: Vec<SourceId>,
    /// Totals.
    pub summary: Summary,
    /// Year by year over the plan period.
    pub years: Vec<YearRow>,
}

/// A total for one group: a measure ([`MeasureId`]) or a municipality ([`ScbCode`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupSummary<K> {
    /// The measure id or municipality code.
    pub key: K,
    /// The summed figures.
    pub summary: Summary,
}

/// The scenario's total in one year.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct YearTotal {
    /// The year.
    pub year: Year,
    /// Tonnes moved.
    pub tonnes_shifted: Tonnes,
    /// kg CO2e saved.
    pub co2e_saved_kg: Band<KgCo2e>,
    /// Net SEK saved, per payer.
    pub net_sek_saved_by_payer: ByPayer<Band<Sek>>,
    /// Net SEK saved, all payers (society).
    pub society_net_sek_saved: Band<Sek>,
    /// kg CO2e saved from the first year up to and including this one.
    pub co2e_saved_kg_cumulative: Band<KgCo2e>,
}

/// Something a planner should know about a result that is not an error.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Warning {
    /// Occurs when a measure acts on routes in which its pool has no tonnes: it moves nothing.
    NoTonnesInRoutes {
        /// The municipality.
        municipality: ScbCode,
        /// The measure.
        measure: MeasureId,
        /// The pool.
        pool: PoolId,
        /// The routes it acts on.
        routes: Vec<Route>,
    },
    /// Occurs when a measure's quantity is larger than what its pool has in the routes it
    /// acts on: it reaches all of them and no more.
    QuantityExceedsPool {
        /// The municipality.
        municipality: ScbCode,
        /// The measure.
        measure: MeasureId,
        /// The pool.
        pool: PoolId,
        /// The measure's quantity, tonnes per year.
        quantity: Tonnes,
        /// What the pool has in its routes, tonnes per year.
        available: Tonnes,
    },
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::NoTonnesInRoutes {
                municipality,
                measure,
                pool,
                routes,
            } => {
                let list: Vec<&str> = routes.iter().map(|r| r.id()).collect();
                write!(
                    f,
                    "{municipality}: measure {measure} moves nothing: pool {pool} has no tonnes in {}",
                    list.join(", ")
                )
            }
            Warning::QuantityExceedsPool {
                municipality,
                measure,
                pool,
                quantity,
                available,
            } => write!(
                // The exact tonnes (`{:#}`), not the rounded display: the warning is
                // written into the results files as it is.
                f,
                "{municipality}: measure {measure} names {quantity:#}, but pool {pool} has {available:#} in the routes it acts on; it reaches {available:#}"
            ),
        }
    }
}

/// Everything [`evaluate`](crate::evaluate) finds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    /// The factor set used.
    pub factor_set: FactorSetInfo,
    /// The scenario's name.
    pub scenario: String,
    /// The plan period.
    pub period: PlanPeriod,
    /// The discount rate used for the net present value.
    pub discount_rate: Share,
    /// One result per scenario item, in scenario order.
    pub items: Vec<ItemResult>,
    /// Totals per measure, in order of first appearance.
    pub by_measure: Vec<GroupSummary<MeasureId>>,
    /// Totals per municipality, in order of first appearance.
    pub by_municipality: Vec<GroupSummary<ScbCode>>,
    /// Totals per year.
    pub by_year: Vec<YearTotal>,
    /// The scenario's total.
    pub total: Summary,
    /// Which effects the plan's items assume: the expected outcome (the default), the
    /// plan's ambition or own effects.
    pub case: Case,
    /// One result per item of the reference path (legal duties), in scenario order: what a
    /// law requires whatever the plan does.
    pub required_by_law_items: Vec<ItemResult>,
    /// Their total. Not part of [`Evaluation::total`] unless the scenario includes it
    /// ([`Scenario::include_required_by_law`](crate::Scenario::include_required_by_law),
    /// [`Evaluation::includes_required_by_law`]).
    pub required_by_law: Summary,
    /// Their totals per legal duty, in order of first appearance.
    pub required_by_law_by_duty: Vec<GroupSummary<MeasureId>>,
    /// Whether the totals (per measure, municipality, year and in all) include what the law
    /// requires.
    pub includes_required_by_law: bool,
    /// Things to check that are not errors.
    pub warnings: Vec<Warning>,
}

impl Evaluation {
    /// The inhabitants of one municipality of the scenario; `None` if it has no item.
    #[must_use]
    pub fn population_of(&self, code: &ScbCode) -> Option<u32> {
        self.items
            .iter()
            .find(|i| &i.municipality == code)
            .map(|i| i.population)
    }

    /// The inhabitants of all the scenario's municipalities together (each counted once).
    #[must_use]
    pub fn population(&self) -> u32 {
        let mut seen: Vec<&ScbCode> = Vec::new();
        let mut sum: u32 = 0;
        for i in &self.items {
            if !seen.contains(&&i.municipality) {
                seen.push(&i.municipality);
                sum = sum.saturating_add(i.population);
            }
        }
        sum
    }
}

/// Why an evaluation could not be done.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CalcError {
    /// Occurs when a measure's mix uses a route the factor table has no emission factor for.
    #[error("measure {measure}: no emission factor for {fraction} × {route} in factor set {set}")]
    MissingEmissionFactor {
        /// The measure.
        measure: MeasureId,
        /// The fraction.
        fraction: FractionId,
        /// The route.
        route: Route,
        /// The factor set.
        set: String,
    },
    /// Occurs when a measure's mix uses a route the factor table has no cost factor for.
    #[error("measure {measure}: no cost factor for {fraction} × {route} in factor set {set}")]
    MissingCostFactor {
        /// The measure.
        measure: MeasureId,
        /// The fraction.
        fraction: FractionId,
        /// The route.
        route: Route,
        /// The factor set.
        set: String,
    },
    /// Occurs when the Monte Carlo is asked for no draws (its percentiles would be
    /// zeros, not a result).
    #[error("the Monte Carlo needs at least one draw, not 0")]
    NoDraws,
    /// Occurs when a number grows past what a decimal holds (about 7.9 × 10²⁸).
    #[error("measure {measure} in {municipality}: numbers too large to compute")]
    Overflow {
        /// The measure.
        measure: MeasureId,
        /// The municipality.
        municipality: ScbCode,
    },
    /// Occurs when totals overflow.
    #[error("totals too large to compute")]
    TotalOverflow,
    /// Occurs when a measure names another fraction than the pool it takes its tonnes from.
    #[error(
        "measure {measure} names the fraction {fraction}, but its pool {pool} holds {pool_fraction}: a measure acts on its pool's fraction"
    )]
    PoolFraction {
        /// The measure.
        measure: MeasureId,
        /// The fraction the measure names.
        fraction: FractionId,
        /// Its pool.
        pool: PoolId,
        /// The fraction the pool holds.
        pool_fraction: FractionId,
    },
    /// Occurs when one of the plan's measures starts after the plan period (it would save
    /// a yearly amount with a total of 0 over the plan).
    #[error(
        "measure {measure} in {municipality} starts in {start}, after the plan period's last year {end}"
    )]
    StartAfterPeriod {
        /// The measure.
        measure: MeasureId,
        /// The municipality's name.
        municipality: String,
        /// Its start year.
        start: Year,
        /// The plan period's last year.
        end: Year,
    },
    /// Occurs when the optimizer is given a number of effect levels outside 1–20.
    #[error("steps must be between 1 and {max}, not {steps}")]
    Steps {
        /// The number given.
        steps: u32,
        /// The largest allowed.
        max: u32,
    },
    /// Occurs when the optimizer is asked to search more combinations of interacting
    /// measures than it can search exactly.
    #[error(
        "measures {measures} share waste and have {combinations} combinations of levels; the exact search takes at most {limit}: use fewer steps"
    )]
    TooManyCombinations {
        /// The interacting measures.
        measures: String,
        /// Their combinations.
        combinations: u64,
        /// The limit.
        limit: u64,
    },
}
