//! The results JSON: a documented, versioned interface for other tools.
//!
//! [`ResultsJson`] is what `avfallskalkyl evaluate --format json` prints for one scenario
//! (an array of them for a file with several scenarios). Its JSON Schema is
//! `docs/results.schema.json`. Every decimal is a string (`"1234.5"`) so no precision is
//! lost to floats, rounded half away from zero to the places of [`places`] (tonnes to the
//! gram, kg CO2e to the gram, SEK to the öre, shares, levels and figures per tonne or per
//! inhabitant to 6 places) and written without trailing zeros. Each figure is rounded on
//! its own, so a sum of rounded figures can differ from its rounded total in the last
//! place; the figures themselves add up exactly ([`crate::evaluate`]). Years are numbers.
//!
//! Versioning: [`RESULTS_SCHEMA_VERSION`] changes when a field is renamed, removed or
//! changes meaning; adding a field does not change it, so readers should ignore unknown
//! fields. Version 2 (pooled model): `waste_sek_saved_per_year` became
//! `route_sek_saved_per_year`; SEK figures are split by payer
//! (`sek_saved_per_year_by_payer` and friends, keys `waste_fee`, `municipal_budget`,
//! `households`); costs are ranges; measures carry their pool and order.
//!
//! ```json
//! {
//!   "schema_version": "2",
//!   "factor_set": { "id": "sjuharad-2025", "name": "Sjuhärad 2025", "version": "2.1.0", "year": 2025, "price_year": 2025 },
//!   "scenario": "Sjuhärad",
//!   "period": { "start": 2025, "end": 2035 },
//!   "discount_rate": "0.035",
//!   "totals": { "co2e_saved_kg_per_year": { "low": "…", "central": "…", "high": "…" }, "…": "…" },
//!   "measures": [ { "measure": "food_school_kitchens", "municipality_code": "1490", "…": "…" } ],
//!   "by_measure": [ … ], "by_municipality": [ … ], "years": [ … ], "warnings": [ … ]
//! }
//! ```

use crate::eval::{Band, Evaluation, Summary, YearTotal};
use crate::model::{
    ByPayer, FactorId, FactorSetInfo, FractionId, MeasureId, Perspective, PoolId, Route, ScbCode,
    SourceId,
};
use crate::units::{KgCo2e, Sek, SekPerTonneCo2e, Share, Tonnes, Year};
use serde::Serialize;

mod catalogue;
mod outputs;
mod targets;
mod units;
pub use catalogue::*;
pub use outputs::*;
pub use targets::*;
pub use units::*;

/// The version of the results JSON layout.
pub const RESULTS_SCHEMA_VERSION: &str = "2";

/// Low, central and high: a result at the factor values that make it smallest, at central
/// values, and at those that make it largest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct BandJson<T> {
    /// Smallest.
    pub low: T,
    /// Central.
    pub central: T,
    /// Largest.
    pub high: T,
}

/// One value per payer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ByPayerJson<T> {
    /// The waste fee collective (avfallstaxan).
    pub waste_fee: T,
    /// The municipality's tax-funded budget.
    pub municipal_budget: T,
    /// Residents.
    pub households: T,
}

/// Which factor set a result used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FactorSetJson {
    /// Id, e.g. `sjuharad-2025`.
    pub id: String,
    /// Name.
    pub name: String,
    /// Version of the data.
    pub version: String,
    /// Reference year.
    pub year: Option<Year>,
    /// The price level of every SEK figure (`null`: each cost in its source's price year).
    pub price_year: Option<Year>,
}

impl From<&FactorSetInfo> for FactorSetJson {
    fn from(f: &FactorSetInfo) -> Self {
        Self {
            id: f.id.clone(),
            name: f.name.clone(),
            version: f.version.clone(),
            year: f.year,
            price_year: f.price_year,
        }
    }
}

/// The plan period: first and last year, inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PeriodJson {
    /// First year.
    pub start: Year,
    /// Last year.
    pub end: Year,
}

/// The figures reported for the whole scenario, one measure, one municipality, or one
/// measure in one municipality. "Per year" figures are at full effect; "cumulative"
/// figures add up the plan period's years with the ramp. SEK are saved money: positive
/// saves, negative costs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Figures {
    /// Tonnes of waste shifted per year at full effect.
    pub tonnes_shifted_per_year: Tonnes,
    /// kg CO2e saved per year at full effect.
    pub co2e_saved_kg_per_year: BandJson<KgCo2e>,
    /// SEK saved per year at full effect by the change of routes (treatment, taxes and
    /// avoided purchases, all payers), before the measures' own costs.
    pub route_sek_saved_per_year: BandJson<Sek>,
    /// Net SEK saved per year at full effect per payer, after the running costs each pays.
    pub sek_saved_per_year_by_payer: ByPayerJson<BandJson<Sek>>,
    /// Net SEK saved per year at full effect by the municipality (waste fee + budget).
    pub net_sek_saved_per_year_municipality: BandJson<Sek>,
    /// Net SEK saved per year at full effect, all payers (= the sum of the payers),
    /// after running costs; one-time costs are not in it.
    pub net_sek_saved_per_year: BandJson<Sek>,
    /// Tonnes shifted over the plan period.
    pub tonnes_shifted_cumulative: Tonnes,
    /// kg CO2e saved over the plan period.
    pub co2e_saved_kg_cumulative: BandJson<KgCo2e>,
    /// Net SEK saved over the plan period per payer, after all measure costs.
    pub sek_saved_cumulative_by_payer: ByPayerJson<BandJson<Sek>>,
    /// Net SEK saved over the plan period, all payers, after all measure costs.
    pub net_sek_saved_cumulative: BandJson<Sek>,
    /// Net present value per payer.
    pub net_present_value_sek_by_payer: ByPayerJson<BandJson<Sek>>,
    /// Net present value of the yearly net SEK saved, all payers, discounted to the first
    /// year, one-time costs included.
    pub net_present_value_sek: BandJson<Sek>,
    /// One-time costs, SEK (low, central, high).
    pub implementation_cost_sek: BandJson<Sek>,
    /// Running costs, SEK per year (low, central, high).
    pub running_cost_sek_per_year: BandJson<Sek>,
    /// The municipality's SEK per tonne CO2e over the plan period (central; positive =
    /// cost, negative = saves money and CO2e); `null` when no CO2e is saved.
    pub cost_per_tonne_co2e: Option<SekPerTonneCo2e>,
}

/// Decimal places of the figures in the JSON outputs (rounded half away from zero, written
/// without trailing zeros).
pub mod places {
    /// Tonnes of waste: to the gram.
    pub const TONNES: u32 = 6;
    /// kg CO2e: to the gram.
    pub const KG_CO2E: u32 = 3;
    /// SEK: to the öre.
    pub const SEK: u32 = 2;
    /// Shares, levels, probabilities, percentages, target values and figures per tonne or
    /// per inhabitant.
    pub const RATIO: u32 = 6;
}

/// `d` rounded half away from zero to `places`, without trailing zeros.
pub(crate) fn rounded(d: rust_decimal::Decimal, places: u32) -> rust_decimal::Decimal {
    d.round_dp_with_strategy(places, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

/// A figure rounded to its unit's [`places`], without trailing zeros (`"12.5"`, not
/// `"12.5000"`).
pub(crate) trait Normalized {
    fn n(self) -> Self;
}

macro_rules! normalized {
    ($($t:ty => $places:expr),*) => {$(
        impl Normalized for $t {
            fn n(self) -> Self {
                <$t>::new(rounded(self.value(), $places))
            }
        }
    )*};
}
normalized!(
    Tonnes => places::TONNES,
    KgCo2e => places::KG_CO2E,
    Sek => places::SEK,
    SekPerTonneCo2e => places::SEK
);

/// A band as JSON: low, central and high, without trailing zeros.
fn bj<T: Normalized + Copy>(b: Band<T>) -> BandJson<T> {
    BandJson {
        low: b.low.n(),
        central: b.central.n(),
        high: b.high.n(),
    }
}

impl<T> ByPayerJson<T> {
    /// One JSON value per payer, each made by `f`.
    pub(crate) fn from_by_payer<U>(b: &ByPayer<U>, f: impl Fn(&U) -> T) -> Self {
        Self {
            waste_fee: f(&b.waste_fee),
            municipal_budget: f(&b.municipal_budget),
            households: f(&b.households),
        }
    }
}

fn by_payer(b: &ByPayer<Band<Sek>>) -> ByPayerJson<BandJson<Sek>> {
    ByPayerJson::from_by_payer(b, |x| bj(*x))
}

impl From<&Summary> for Figures {
    fn from(s: &Summary) -> Self {
        Self {
            tonnes_shifted_per_year: s.tonnes_shifted_per_year.n(),
            co2e_saved_kg_per_year: bj(s.co2e_saved_kg_per_year),
            route_sek_saved_per_year: bj(s.route_sek_saved_per_year),
            sek_saved_per_year_by_payer: by_payer(&s.net_sek_saved_per_year_by_payer),
            net_sek_saved_per_year_municipality: bj(s
                .net_sek_per_year(Perspective::Municipality)
                .unwrap_or_default()),
            net_sek_saved_per_year: bj(s.society_net_sek_saved_per_year),
            tonnes_shifted_cumulative: s.tonnes_shifted_cumulative.n(),
            co2e_saved_kg_cumulative: bj(s.co2e_saved_kg_cumulative),
            sek_saved_cumulative_by_payer: by_payer(&s.net_sek_saved_cumulative_by_payer),
            net_sek_saved_cumulative: bj(s.society_net_sek_saved_cumulative),
            net_present_value_sek_by_payer: by_payer(&s.net_present_value_sek_by_payer),
            net_present_value_sek: bj(s.society_net_present_value_sek),
            implementation_cost_sek: bj(s.implementation_cost_sek),
            running_cost_sek_per_year: bj(s.running_cost_sek_per_year),
            cost_per_tonne_co2e: s.municipality_cost_per_tonne_co2e.map(Normalized::n),
        }
    }
}

/// One measure in one municipality.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MeasureJson {
    /// Measure id from the catalogue.
    pub measure: MeasureId,
    /// SCB code of the municipality.
    pub municipality_code: ScbCode,
    /// Name of the municipality.
    pub municipality: String,
    /// The waste fraction the measure acts on.
    pub fraction: FractionId,
    /// The pool of waste it shares with other measures on the same waste.
    pub pool: PoolId,
    /// Its place among the measures on that pool (1 acts first).
    pub order_in_pool: u32,
    /// The pool's tonnes per year in this municipality.
    pub pool_tonnes_per_year: Tonnes,
    /// Share of the reachable tonnes moved at full effect, 0–1.
    pub effect: Share,
    /// The low end of the effect's range (the expected outcome's, or an own effect's
    /// relative range).
    pub effect_low: Share,
    /// The high end of the effect's range.
    pub effect_high: Share,
    /// Tonnes per year the measure can reach, before any measure acts.
    pub affected_tonnes_per_year: Tonnes,
    /// Tonnes per year at full effect that reach each route, after sorting yields.
    pub destinations: Vec<(Route, Tonnes)>,
    /// First year with effect.
    pub start_year: Year,
    /// First year with full effect.
    pub full_effect_year: Year,
    /// The figures.
    #[serde(flatten)]
    pub figures: Figures,
    /// Ids of the emission and cost factors used.
    pub factors: Vec<FactorId>,
    /// Ids of the sources of those factors.
    pub sources: Vec<SourceId>,
    /// The figures per inhabitant of the municipality; `null` without inhabitants.
    pub per_inhabitant: Option<PerInhabitantJson>,
    /// The municipality's own figures this result rests on (a baseline file); `null` when
    /// it rests on the built-in defaults.
    pub own_figures: Option<OwnFiguresJson>,
}

/// A municipality's own figures a result rests on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OwnFiguresJson {
    /// Where they come from, as the baseline file gives it.
    pub source: String,
    /// The year they are for.
    pub year: Year,
}

/// A total over a group: one measure in all municipalities, or one municipality.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GroupJson {
    /// The measure id or the municipality's SCB code.
    pub key: String,
    /// The figures.
    #[serde(flatten)]
    pub figures: Figures,
    /// For a municipality: its figures per inhabitant (absent for a measure's group).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per_inhabitant: Option<PerInhabitantJson>,
}

/// The scenario's total in one year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct YearJson {
    /// The year.
    pub year: Year,
    /// Tonnes shifted.
    pub tonnes_shifted: Tonnes,
    /// kg CO2e saved.
    pub co2e_saved_kg: BandJson<KgCo2e>,
    /// Net SEK saved per payer, after the measure costs each pays that year.
    pub sek_saved_by_payer: ByPayerJson<BandJson<Sek>>,
    /// Net SEK saved, all payers, after measure costs paid that year.
    pub net_sek_saved: BandJson<Sek>,
    /// kg CO2e saved from the first year up to and including this one.
    pub co2e_saved_kg_cumulative: BandJson<KgCo2e>,
}

impl From<&YearTotal> for YearJson {
    fn from(y: &YearTotal) -> Self {
        Self {
            year: y.year,
            tonnes_shifted: y.tonnes_shifted.n(),
            co2e_saved_kg: bj(y.co2e_saved_kg),
            sek_saved_by_payer: by_payer(&y.net_sek_saved_by_payer),
            net_sek_saved: bj(y.society_net_sek_saved),
            co2e_saved_kg_cumulative: bj(y.co2e_saved_kg_cumulative),
        }
    }
}

/// The results of one scenario, as JSON (schema `docs/results.schema.json`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ResultsJson {
    /// [`RESULTS_SCHEMA_VERSION`].
    pub schema_version: &'static str,
    /// The factor set used.
    pub factor_set: FactorSetJson,
    /// The scenario's name.
    pub scenario: String,
    /// The plan period.
    pub period: PeriodJson,
    /// Discount rate for the net present value, 0–1.
    pub discount_rate: Share,
    /// Which effects the results assume: `expected` (the expected outcome: evidence-based
    /// effects with their ranges), `ambition` (every measure at its goal) or `own`.
    pub case: &'static str,
    /// The scenario's totals.
    pub totals: Figures,
    /// What the law requires whatever the plan does (the reference path's legal duties).
    pub required_by_law: RequiredByLawJson,
    /// The totals per inhabitant of all the scenario's municipalities; `null` without
    /// inhabitants.
    pub per_inhabitant: Option<PerInhabitantJson>,
    /// One entry per measure × municipality, in scenario order.
    pub measures: Vec<MeasureJson>,
    /// Totals per measure over its municipalities.
    pub by_measure: Vec<GroupJson>,
    /// Totals per municipality.
    pub by_municipality: Vec<GroupJson>,
    /// Totals per year of the plan period.
    pub years: Vec<YearJson>,
    /// Things to check that are not errors (English).
    pub warnings: Vec<String>,
    /// How measures on the same waste are combined (English), so a reader knows that
    /// per-measure results depend on the order.
    pub method_note: &'static str,
    /// Monte Carlo percentile bands, when asked for (`evaluate --monte-carlo N`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monte_carlo: Option<MonteCarloJson>,
}

/// The reference path in a results file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RequiredByLawJson {
    /// Whether `totals` (and the groups and years) include it.
    pub included: bool,
    /// Its totals.
    pub totals: Figures,
    /// Its totals per legal duty.
    pub by_duty: Vec<GroupJson>,
}

/// The note every results file carries about pools and order.
pub const POOL_ORDER_NOTE: &str = "Measures on the same pool of waste act in waste-hierarchy order (prevention, then reuse, then sorting; ties by measure id), each on what the measures before it left; a measure's result is what it adds after them, and the results add up to the totals. SEK are split by payer: waste_fee, municipal_budget, households.";

impl ResultsJson {
    /// The JSON view of an evaluation.
    #[must_use]
    pub fn new(e: &Evaluation) -> Self {
        fn group<K: ToString>(g: &crate::eval::GroupSummary<K>) -> GroupJson {
            GroupJson {
                key: g.key.to_string(),
                figures: Figures::from(&g.summary),
                per_inhabitant: None,
            }
        }
        let municipality = |g: &crate::eval::GroupSummary<crate::model::ScbCode>| GroupJson {
            per_inhabitant: e
                .population_of(&g.key)
                .and_then(|p| PerInhabitantJson::of(&g.summary, p)),
            ..group(g)
        };
        Self {
            schema_version: RESULTS_SCHEMA_VERSION,
            factor_set: FactorSetJson::from(&e.factor_set),
            scenario: e.scenario.clone(),
            period: PeriodJson {
                start: e.period.start(),
                end: e.period.end(),
            },
            discount_rate: e.discount_rate,
            case: e.case.id(),
            totals: Figures::from(&e.total),
            required_by_law: RequiredByLawJson {
                included: e.includes_required_by_law,
                totals: Figures::from(&e.required_by_law),
                by_duty: e.required_by_law_by_duty.iter().map(group).collect(),
            },
            per_inhabitant: PerInhabitantJson::of(&e.total, e.population()),
            measures: e
                .items
                .iter()
                .map(|i| MeasureJson {
                    measure: i.measure.clone(),
                    municipality_code: i.municipality.clone(),
                    municipality: i.municipality_name.clone(),
                    fraction: i.fraction.clone(),
                    pool: i.pool.clone(),
                    order_in_pool: i.order_in_pool,
                    pool_tonnes_per_year: i.pool_tonnes_per_year.n(),
                    effect: i.effect,
                    effect_low: i.effect_range.low(),
                    effect_high: i.effect_range.high(),
                    affected_tonnes_per_year: i.affected_tonnes_per_year.n(),
                    destinations: i.destinations.iter().map(|(r, t)| (*r, t.n())).collect(),
                    start_year: i.start_year,
                    full_effect_year: i.full_effect_year,
                    figures: Figures::from(&i.summary),
                    factors: i.factors.clone(),
                    sources: i.sources.clone(),
                    per_inhabitant: PerInhabitantJson::of(&i.summary, i.population),
                    own_figures: i.own_figures.as_ref().map(|o| OwnFiguresJson {
                        source: o.source.clone(),
                        year: o.year,
                    }),
                })
                .collect(),
            by_measure: e.by_measure.iter().map(group).collect(),
            by_municipality: e.by_municipality.iter().map(municipality).collect(),
            years: e.by_year.iter().map(YearJson::from).collect(),
            warnings: e.warnings.iter().map(ToString::to_string).collect(),
            method_note: POOL_ORDER_NOTE,
            monte_carlo: None,
        }
    }
}

impl ResultsJson {
    /// The same results with Monte Carlo bands.
    #[must_use]
    pub fn with_monte_carlo(mut self, mc: &crate::decide::MonteCarlo) -> Self {
        self.monte_carlo = Some(MonteCarloJson::from(mc));
        self
    }
}

impl From<&Evaluation> for ResultsJson {
    fn from(e: &Evaluation) -> Self {
        Self::new(e)
    }
}
