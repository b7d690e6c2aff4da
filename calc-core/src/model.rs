//! Domain types: fractions, routes, sources, factors, measures, municipalities.
//!
//! Constructors validate and return [`ModelError`]; once built, a value is valid.

use crate::units::{
    GramsPerPortion, KgCo2ePerTonne, KgPerInhabitant, SekPerInhabitant, SekPerTonne, Share, Tonnes,
    Year,
};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The id as text.
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_string())
            }
        }
    };
}

id_type!(
    /// Id of a waste fraction, e.g. `food` or `textiles`.
    FractionId
);
id_type!(
    /// Id of a source in `sources.csv`, e.g. `skv_deponiskatt_2025`.
    SourceId
);
id_type!(
    /// Id of one factor, e.g. `ef.food.incineration` or `cf.food.incineration`.
    FactorId
);
id_type!(
    /// Id of a measure in the catalogue, e.g. `food_waste_schools`.
    MeasureId
);
id_type!(
    /// Four-digit SCB municipality code, e.g. `1490` for Borås.
    ScbCode
);
id_type!(
    /// Id of a pool of waste: one fraction from one kind of source, e.g. `household_food`.
    PoolId
);

/// Who saves (or pays) a krona: the waste fee collective, the municipality's tax-funded
/// budget, or the residents themselves.
///
/// A Swedish municipality cannot move money freely between the self-financing waste fee
/// collective (avfallstaxan) and its tax-funded operations, and a household's food is not
/// the municipality's money, so every SEK result is split by payer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Payer {
    /// The waste fee collective: treatment, collection and taxes paid through the waste fee.
    WasteFee,
    /// The municipality's own purchases and operations (kitchens, furniture, renovations).
    MunicipalBudget,
    /// Residents' own money (food and clothes they do not buy).
    Households,
}

impl Payer {
    /// Every payer, in output order.
    pub const ALL: [Payer; 3] = [Payer::WasteFee, Payer::MunicipalBudget, Payer::Households];

    /// The id used in data files and JSON.
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Payer::WasteFee => "waste_fee",
            Payer::MunicipalBudget => "municipal_budget",
            Payer::Households => "households",
        }
    }

    /// Parses a payer id, ignoring letter case and surrounding space.
    #[must_use]
    pub fn from_id(text: &str) -> Option<Payer> {
        let t = text.trim();
        Payer::ALL
            .into_iter()
            .find(|p| p.id().eq_ignore_ascii_case(t))
    }

    /// Whether the municipality (waste fee collective or tax-funded budget) pays.
    #[must_use]
    pub const fn is_municipal(self) -> bool {
        matches!(self, Payer::WasteFee | Payer::MunicipalBudget)
    }
}

impl fmt::Display for Payer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// One value per [`Payer`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub struct ByPayer<T> {
    /// The waste fee collective.
    pub waste_fee: T,
    /// The municipality's tax-funded budget.
    pub municipal_budget: T,
    /// Residents.
    pub households: T,
}

impl<T> ByPayer<T> {
    /// The value for one payer.
    pub fn get(&self, payer: Payer) -> &T {
        match payer {
            Payer::WasteFee => &self.waste_fee,
            Payer::MunicipalBudget => &self.municipal_budget,
            Payer::Households => &self.households,
        }
    }

    /// The value for one payer, mutable.
    pub fn get_mut(&mut self, payer: Payer) -> &mut T {
        match payer {
            Payer::WasteFee => &mut self.waste_fee,
            Payer::MunicipalBudget => &mut self.municipal_budget,
            Payer::Households => &mut self.households,
        }
    }

    /// Applies `f` to each payer's value, or `None` if any call gives `None`.
    pub fn try_map<U>(&self, mut f: impl FnMut(&T) -> Option<U>) -> Option<ByPayer<U>> {
        Some(ByPayer {
            waste_fee: f(&self.waste_fee)?,
            municipal_budget: f(&self.municipal_budget)?,
            households: f(&self.households)?,
        })
    }

    /// Combines two per-payer values payer by payer, or `None` if any call gives `None`.
    pub fn try_zip<U, V>(
        &self,
        other: &ByPayer<U>,
        mut f: impl FnMut(&T, &U) -> Option<V>,
    ) -> Option<ByPayer<V>> {
        Some(ByPayer {
            waste_fee: f(&self.waste_fee, &other.waste_fee)?,
            municipal_budget: f(&self.municipal_budget, &other.municipal_budget)?,
            households: f(&self.households, &other.households)?,
        })
    }
}

/// Whose money a SEK figure counts: one payer, the municipality (waste fee + budget), or
/// society (all three).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Perspective {
    /// The waste fee collective and the municipality's budget together (the default).
    #[default]
    Municipality,
    /// Everyone: waste fee, municipal budget and households.
    Society,
    /// The waste fee collective only.
    WasteFee,
    /// The municipality's tax-funded budget only.
    MunicipalBudget,
    /// Residents only.
    Households,
}

impl Perspective {
    /// Every perspective, in output order.
    pub const ALL: [Perspective; 5] = [
        Perspective::Municipality,
        Perspective::Society,
        Perspective::WasteFee,
        Perspective::MunicipalBudget,
        Perspective::Households,
    ];

    /// Whether a payer's money counts from this perspective.
    #[must_use]
    pub const fn includes(self, payer: Payer) -> bool {
        match self {
            Perspective::Municipality => payer.is_municipal(),
            Perspective::Society => true,
            Perspective::WasteFee => matches!(payer, Payer::WasteFee),
            Perspective::MunicipalBudget => matches!(payer, Payer::MunicipalBudget),
            Perspective::Households => matches!(payer, Payer::Households),
        }
    }

    /// The id used on the command line and in JSON.
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Perspective::Municipality => "municipality",
            Perspective::Society => "society",
            Perspective::WasteFee => "waste_fee",
            Perspective::MunicipalBudget => "municipal_budget",
            Perspective::Households => "households",
        }
    }

    /// Parses a perspective id, ignoring letter case and surrounding space.
    #[must_use]
    pub fn from_id(text: &str) -> Option<Perspective> {
        let t = text.trim();
        Perspective::ALL
            .into_iter()
            .find(|p| p.id().eq_ignore_ascii_case(t))
    }
}

/// Where waste goes, in waste-hierarchy order (most preferred first).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    /// The waste is never produced: avoided production.
    Prevention,
    /// Reuse of products (furniture, textiles, electronics).
    Reuse,
    /// Material recycling.
    Recycling,
    /// Anaerobic digestion to biogas and digestate.
    AnaerobicDigestion,
    /// Composting.
    Composting,
    /// Incineration with energy recovery.
    Incineration,
    /// Landfill.
    Landfill,
}

impl Route {
    /// Every route, in waste-hierarchy order.
    pub const ALL: [Route; 7] = [
        Route::Prevention,
        Route::Reuse,
        Route::Recycling,
        Route::AnaerobicDigestion,
        Route::Composting,
        Route::Incineration,
        Route::Landfill,
    ];

    /// Position in [`Route::ALL`] (0 = prevention … 6 = landfill).
    #[must_use]
    pub const fn index(self) -> usize {
        match self {
            Route::Prevention => 0,
            Route::Reuse => 1,
            Route::Recycling => 2,
            Route::AnaerobicDigestion => 3,
            Route::Composting => 4,
            Route::Incineration => 5,
            Route::Landfill => 6,
        }
    }

    /// The id used in data files and JSON.
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Route::Prevention => "prevention",
            Route::Reuse => "reuse",
            Route::Recycling => "recycling",
            Route::AnaerobicDigestion => "anaerobic_digestion",
            Route::Composting => "composting",
            Route::Incineration => "incineration",
            Route::Landfill => "landfill",
        }
    }

    /// The Swedish name.
    #[must_use]
    pub const fn name_sv(self) -> &'static str {
        match self {
            Route::Prevention => "Förebyggande",
            Route::Reuse => "Återanvändning",
            Route::Recycling => "Materialåtervinning",
            Route::AnaerobicDigestion => "Rötning (biogas)",
            Route::Composting => "Kompostering",
            Route::Incineration => "Energiåtervinning",
            Route::Landfill => "Deponi",
        }
    }

    /// The English name.
    #[must_use]
    pub const fn name_en(self) -> &'static str {
        match self {
            Route::Prevention => "Prevention",
            Route::Reuse => "Reuse",
            Route::Recycling => "Recycling",
            Route::AnaerobicDigestion => "Anaerobic digestion",
            Route::Composting => "Composting",
            Route::Incineration => "Incineration with energy recovery",
            Route::Landfill => "Landfill",
        }
    }

    /// Parses a route id (as in [`Route::id`]), ignoring letter case and surrounding space.
    #[must_use]
    pub fn from_id(text: &str) -> Option<Route> {
        let t = text.trim();
        Route::ALL
            .into_iter()
            .find(|r| r.id().eq_ignore_ascii_case(t))
    }
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

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

/// How a source came to give a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// The number is printed in the source.
    Published,
    /// The number is computed from published figures; the note shows the arithmetic.
    Derived,
    /// The project's own estimate; the note gives the reasoning.
    Estimate,
}

/// A source a planner can open: report, table, web page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// Id used by factors and measures.
    pub id: SourceId,
    /// Published, derived or estimate.
    pub kind: SourceKind,
    /// Title of the report or page.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// Year of publication, if known.
    pub year: Option<Year>,
    /// Where to open it.
    pub url: String,
    /// Table, page or section.
    pub locator: String,
    /// Licence of the data, if stated.
    pub licence: String,
    /// When it was read, `YYYY-MM-DD`.
    pub accessed: String,
    /// Reasoning, arithmetic or caveats.
    pub note: String,
    /// The note in Swedish (empty when the file has none).
    pub note_sv: String,
}

/// A low / central / high triple.
///
/// Invariant: `low ≤ central ≤ high`, enforced by [`Estimate::new`].
/// For a credit (a negative factor), `low` is the most negative value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Estimate<T> {
    low: T,
    central: T,
    high: T,
}

impl<T: Ord + Copy + fmt::Display> Estimate<T> {
    /// A validated estimate.
    pub fn new(low: T, central: T, high: T) -> Result<Self, ModelError> {
        if low <= central && central <= high {
            Ok(Self { low, central, high })
        } else {
            Err(ModelError::EstimateOrder {
                low: low.to_string(),
                central: central.to_string(),
                high: high.to_string(),
            })
        }
    }

    /// An exact value: low = central = high.
    pub fn exact(value: T) -> Self {
        Self {
            low: value,
            central: value,
            high: value,
        }
    }
}

impl<T: Copy> Estimate<T> {
    /// The lowest value.
    pub fn low(&self) -> T {
        self.low
    }
    /// The central (best) value.
    pub fn central(&self) -> T {
        self.central
    }
    /// The highest value.
    pub fn high(&self) -> T {
        self.high
    }
}

/// Net kg CO2e per tonne of one fraction sent one route.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmissionFactor {
    /// `ef.<fraction>.<route>`.
    pub id: FactorId,
    /// The fraction.
    pub fraction: FractionId,
    /// The route.
    pub route: Route,
    /// Low, central and high value.
    pub value: Estimate<KgCo2ePerTonne>,
    /// GWP basis, e.g. `AR5`.
    pub gwp: String,
    /// For reuse: share of new production one reused tonne replaces.
    pub displacement: Option<Share>,
    /// Where the number comes from.
    pub source: SourceId,
    /// Table, page or section in the source.
    pub locator: String,
    /// Assumptions and arithmetic.
    pub note: String,
}

/// SEK per tonne to the municipality for one fraction sent one route.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CostFactor {
    /// `cf.<fraction>.<route>`.
    pub id: FactorId,
    /// The fraction.
    pub fraction: FractionId,
    /// The route.
    pub route: Route,
    /// Low, central and high value.
    pub value: Estimate<SekPerTonne>,
    /// Price year.
    pub price_year: Option<Year>,
    /// Where the number comes from.
    pub source: SourceId,
    /// Table, page or section in the source.
    pub locator: String,
    /// Assumptions and arithmetic.
    pub note: String,
}

/// Sorted is not recycled: of the tonnes a measure sends to `route`, the share `value`
/// reaches it; the rest (rejects) goes to `reject`.
///
/// A yield belongs to a fraction and a target route (e.g. plastic packaging × recycling:
/// about a third of sorted plastic packaging becomes recycled material, the rest is
/// incinerated).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Yield {
    /// `yield.<fraction>.<route>`.
    pub id: FactorId,
    /// The fraction.
    pub fraction: FractionId,
    /// The route the sorted tonnes are meant for.
    pub route: Route,
    /// Where the rest goes.
    pub reject: Route,
    /// Share that reaches `route`: low, central, high.
    pub value: Estimate<Share>,
    /// Where the number comes from.
    pub source: SourceId,
    /// Table, page or section in the source.
    pub locator: String,
    /// Assumptions and arithmetic.
    pub note: String,
}

/// The id of a sorting yield for a fraction and route.
#[must_use]
pub fn yield_id(fraction: &FractionId, route: Route) -> FactorId {
    FactorId(format!("yield.{fraction}.{route}"))
}

/// The id of an emission factor for a fraction and route.
#[must_use]
pub fn emission_factor_id(fraction: &FractionId, route: Route) -> FactorId {
    FactorId(format!("ef.{fraction}.{route}"))
}

/// The id of a cost factor for a fraction and route.
#[must_use]
pub fn cost_factor_id(fraction: &FractionId, route: Route) -> FactorId {
    FactorId(format!("cf.{fraction}.{route}"))
}

/// Name, version and year of a factor set; every evaluation says which set it used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactorSetInfo {
    /// Id, e.g. `sjuharad-2025`.
    pub id: String,
    /// Human-readable name.
    pub name: String,
    /// Version of the data.
    pub version: String,
    /// Reference year.
    pub year: Option<Year>,
}

/// Emission and cost factors keyed by fraction and route, plus the sources they cite.
///
/// Invariant: at most one emission and one cost factor per fraction × route.
#[derive(Clone, Debug, PartialEq)]
pub struct FactorTable {
    info: FactorSetInfo,
    emission: BTreeMap<(FractionId, Route), EmissionFactor>,
    cost: BTreeMap<(FractionId, Route), CostFactor>,
    yields: BTreeMap<(FractionId, Route), Yield>,
    sources: BTreeMap<SourceId, Source>,
}

impl FactorTable {
    /// An empty table.
    #[must_use]
    pub fn new(info: FactorSetInfo) -> Self {
        Self {
            info,
            emission: BTreeMap::new(),
            cost: BTreeMap::new(),
            yields: BTreeMap::new(),
            sources: BTreeMap::new(),
        }
    }

    /// Which set this is.
    #[must_use]
    pub fn info(&self) -> &FactorSetInfo {
        &self.info
    }

    /// Adds an emission factor; a second one for the same fraction × route is an error.
    pub fn insert_emission(&mut self, factor: EmissionFactor) -> Result<(), ModelError> {
        let key = (factor.fraction.clone(), factor.route);
        if self.emission.contains_key(&key) {
            return Err(ModelError::DuplicateFactor {
                id: factor.id.0.clone(),
            });
        }
        self.emission.insert(key, factor);
        Ok(())
    }

    /// Adds a cost factor; a second one for the same fraction × route is an error.
    pub fn insert_cost(&mut self, factor: CostFactor) -> Result<(), ModelError> {
        let key = (factor.fraction.clone(), factor.route);
        if self.cost.contains_key(&key) {
            return Err(ModelError::DuplicateFactor {
                id: factor.id.0.clone(),
            });
        }
        self.cost.insert(key, factor);
        Ok(())
    }

    /// Adds a sorting yield; a second one for the same fraction × route, or one whose
    /// reject route is its own route, is an error.
    pub fn insert_yield(&mut self, y: Yield) -> Result<(), ModelError> {
        if y.reject == y.route {
            return Err(ModelError::RejectRoute { route: y.route });
        }
        let key = (y.fraction.clone(), y.route);
        if self.yields.contains_key(&key) {
            return Err(ModelError::DuplicateFactor { id: y.id.0.clone() });
        }
        self.yields.insert(key, y);
        Ok(())
    }

    /// The sorting yield for a fraction and target route, if the table has one.
    #[must_use]
    pub fn yield_for(&self, fraction: &FractionId, route: Route) -> Option<&Yield> {
        self.yields.get(&(fraction.clone(), route))
    }

    /// Every sorting yield, ordered by fraction and route.
    pub fn yields(&self) -> impl Iterator<Item = &Yield> {
        self.yields.values()
    }

    /// Adds a source; a second one with the same id is an error.
    pub fn insert_source(&mut self, source: Source) -> Result<(), ModelError> {
        if self.sources.contains_key(&source.id) {
            return Err(ModelError::DuplicateSource {
                id: source.id.0.clone(),
            });
        }
        self.sources.insert(source.id.clone(), source);
        Ok(())
    }

    /// The emission factor for a fraction and route, if the table has one.
    #[must_use]
    pub fn emission(&self, fraction: &FractionId, route: Route) -> Option<&EmissionFactor> {
        self.emission.get(&(fraction.clone(), route))
    }

    /// The cost factor for a fraction and route, if the table has one.
    #[must_use]
    pub fn cost(&self, fraction: &FractionId, route: Route) -> Option<&CostFactor> {
        self.cost.get(&(fraction.clone(), route))
    }

    /// A source by id.
    #[must_use]
    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.sources.get(id)
    }

    /// Every emission factor, ordered by fraction and route.
    pub fn emission_factors(&self) -> impl Iterator<Item = &EmissionFactor> {
        self.emission.values()
    }

    /// Every cost factor, ordered by fraction and route.
    pub fn cost_factors(&self) -> impl Iterator<Item = &CostFactor> {
        self.cost.values()
    }

    /// Every source, ordered by id.
    pub fn sources(&self) -> impl Iterator<Item = &Source> {
        self.sources.values()
    }

    /// This table with every factor and source of `other` laid over it:
    /// a factor in `other` replaces the one for the same fraction × route.
    /// The result keeps this table's name and appends `other`'s.
    #[must_use]
    pub fn overlaid_with(&self, other: &FactorTable) -> FactorTable {
        let mut out = self.clone();
        out.info.name = format!("{} + {}", self.info.name, other.info.name);
        for (k, v) in &other.emission {
            out.emission.insert(k.clone(), v.clone());
        }
        for (k, v) in &other.cost {
            out.cost.insert(k.clone(), v.clone());
        }
        for (k, v) in &other.yields {
            out.yields.insert(k.clone(), v.clone());
        }
        for (k, v) in &other.sources {
            out.sources.insert(k.clone(), v.clone());
        }
        out
    }
}

/// Where a measure's waste goes: shares per route.
///
/// Invariant: no route twice, every share in 0–1, shares sum to exactly 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteMix(Vec<(Route, Share)>);

impl RouteMix {
    /// A validated mix, ordered by route.
    pub fn new(shares: impl IntoIterator<Item = (Route, Share)>) -> Result<Self, ModelError> {
        let mut v: Vec<(Route, Share)> = shares.into_iter().collect();
        v.sort_by_key(|(r, _)| *r);
        if let Some(w) = v
            .windows(2)
            .find(|w| w.first().map(|a| a.0) == w.get(1).map(|b| b.0))
        {
            let route = w.first().map(|a| a.0).unwrap_or(Route::Landfill);
            return Err(ModelError::DuplicateRoute { route });
        }
        let sum = v
            .iter()
            .try_fold(Decimal::ZERO, |acc, (_, s)| acc.checked_add(s.value()))
            .ok_or(ModelError::MixSum { sum: Decimal::MAX })?;
        if sum != Decimal::ONE {
            return Err(ModelError::MixSum { sum });
        }
        Ok(Self(v))
    }

    /// A mix that sends everything one route.
    #[must_use]
    pub fn single(route: Route) -> Self {
        Self(vec![(route, Share::ONE)])
    }

    /// The shares, ordered by route.
    #[must_use]
    pub fn shares(&self) -> &[(Route, Share)] {
        &self.0
    }

    /// The share of one route (zero when absent).
    #[must_use]
    pub fn share(&self, route: Route) -> Share {
        self.0
            .iter()
            .find(|(r, _)| *r == route)
            .map_or(Share::ZERO, |(_, s)| *s)
    }
}

impl TryFrom<Vec<(Route, Share)>> for RouteMix {
    type Error = ModelError;
    fn try_from(v: Vec<(Route, Share)>) -> Result<Self, Self::Error> {
        Self::new(v)
    }
}

impl From<RouteMix> for Vec<(Route, Share)> {
    fn from(m: RouteMix) -> Self {
        m.0
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
/// waste separately for many years, sends more of it to digestion than the national share).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalBaseline {
    /// The municipality.
    pub municipality: ScbCode,
    /// Where its tonnes go.
    pub baseline: RouteMix,
    /// Where the figures come from.
    pub source: SourceId,
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
    /// Occurs when route shares do not sum to 1.
    #[error("route shares sum to {sum}, not 1")]
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
    #[error("cost {0} is negative")]
    NegativeCost(crate::units::Sek),
    /// Occurs when a quantity is negative.
    #[error("quantity {0} is negative")]
    NegativeQuantity(Tonnes),
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn share(d: Decimal) -> Share {
        Share::new(d).unwrap()
    }

    #[test]
    fn mix_must_sum_to_one() {
        let err = RouteMix::new([
            (Route::Incineration, share(dec!(0.6))),
            (Route::AnaerobicDigestion, share(dec!(0.3))),
        ]);
        assert_eq!(
            err.unwrap_err().to_string(),
            "route shares sum to 0.9, not 1"
        );
    }

    #[test]
    fn mix_rejects_duplicate_route() {
        let err = RouteMix::new([
            (Route::Incineration, share(dec!(0.5))),
            (Route::Incineration, share(dec!(0.5))),
        ]);
        assert_eq!(
            err.unwrap_err().to_string(),
            "route incineration appears twice in one mix"
        );
    }

    #[test]
    fn mix_is_ordered_by_hierarchy() {
        let mix = RouteMix::new([
            (Route::Landfill, share(dec!(0.25))),
            (Route::Prevention, share(dec!(0.75))),
        ])
        .unwrap();
        assert_eq!(mix.shares().first().map(|s| s.0), Some(Route::Prevention));
        assert_eq!(mix.share(Route::Landfill), share(dec!(0.25)));
        assert_eq!(mix.share(Route::Reuse), Share::ZERO);
    }

    #[test]
    fn estimate_order_is_checked() {
        let e = Estimate::new(
            KgCo2ePerTonne::new(dec!(5)),
            KgCo2ePerTonne::new(dec!(1)),
            KgCo2ePerTonne::new(dec!(9)),
        );
        assert_eq!(
            e.unwrap_err().to_string(),
            "low ≤ central ≤ high does not hold: 5 kg CO2e/t, 1 kg CO2e/t, 9 kg CO2e/t"
        );
    }

    #[test]
    fn route_ids_round_trip() {
        for r in Route::ALL {
            assert_eq!(Route::from_id(r.id()), Some(r));
        }
        assert_eq!(
            Route::from_id(" Anaerobic_Digestion "),
            Some(Route::AnaerobicDigestion)
        );
        assert_eq!(Route::from_id("burning"), None);
    }

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
