//! Sources, estimates and factors: [`FactorTable`] and what it holds.

use super::{FactorId, FractionId, MeasureId, ModelError, Route, SourceId};
use crate::units::{KgCo2ePerTonne, SekPerTonne, Share, Year};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

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

/// A range of values: its low end, its central value and its high end, with
/// `low ≤ central ≤ high`. The one vocabulary of the crate's three range types:
///
/// | type | what it is | `low()` | `central()` | `high()` |
/// |---|---|---|---|---|
/// | [`Estimate`] | an input's range (a factor, an effect, a cost) | `low()` | `central()` | `high()` |
/// | [`Band`](crate::Band) | a result at low, central and high inputs | field `low` | field `central` | field `high` |
/// | [`Percentiles`](crate::Percentiles) | a Monte Carlo result's distribution | 5th percentile `p5` | median `p50` | 95th percentile `p95` |
///
/// Each type keeps its own names too (and its JSON and CSV output keeps them); the trait
/// lets a tool read any of them the same way, or take any of them:
///
/// ```
/// use calc_core::prelude::*;
/// use calc_core::Percentiles;
///
/// /// "central (low–high)", whatever kind of range it is.
/// fn show<T: std::fmt::Display>(r: &impl Range<T>) -> String {
///     format!("{} ({}–{})", r.central(), r.low(), r.high())
/// }
/// # fn main() -> Result<(), ModelError> {
/// let t = |v: i64| Tonnes::new(Decimal::from(v));
/// let estimate = Estimate::new(t(1), t(2), t(4))?;
/// let band = Band { low: t(1), central: t(2), high: t(4) };
/// let percentiles = Percentiles { p5: t(1), p25: t(1), p50: t(2), p75: t(3), p95: t(4) };
/// assert_eq!(show(&estimate), "2 t (1 t–4 t)");
/// assert_eq!(show(&band), show(&estimate));
/// assert_eq!(show(&percentiles), show(&estimate));
/// # Ok(())
/// # }
/// ```
pub trait Range<T> {
    /// The low end: an estimate's lowest value, a band's result at the inputs that make it
    /// smallest, the 5th percentile.
    fn low(&self) -> T;
    /// The central value: an estimate's best value, a band's result at central inputs, the
    /// median.
    fn central(&self) -> T;
    /// The high end: an estimate's highest value, a band's result at the inputs that make
    /// it largest, the 95th percentile.
    fn high(&self) -> T;
}

/// A low / central / high triple.
///
/// Invariant: `low ≤ central ≤ high`, enforced by [`Estimate::new`].
/// For a credit (a negative factor), `low` is the most negative value. Its parts are read
/// as those of every range: [`Range`].
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
            // `{:#}`: a unit's exact value, not its rounded display.
            Err(ModelError::EstimateOrder {
                low: format!("{low:#}"),
                central: format!("{central:#}"),
                high: format!("{high:#}"),
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

impl<T: Copy> Range<T> for Estimate<T> {
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

impl EmissionFactor {
    /// The factor for `fraction` × `route` with its id ([`emission_factor_id`]), value and
    /// source; no GWP basis, displacement, locator or note.
    #[must_use]
    pub fn new(
        fraction: &FractionId,
        route: Route,
        value: Estimate<KgCo2ePerTonne>,
        source: SourceId,
    ) -> Self {
        Self {
            id: emission_factor_id(fraction, route),
            fraction: fraction.clone(),
            route,
            value,
            gwp: String::new(),
            displacement: None,
            source,
            locator: String::new(),
            note: String::new(),
        }
    }
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
    /// Price year of `value`: the factor set's price year once converted.
    pub price_year: Option<Year>,
    /// The value as the source states it, when it was converted from another price year
    /// (see [`crate::PriceIndex`]); `None` when `value` is the source's own number.
    pub nominal: Option<NominalCost>,
    /// Where the number comes from.
    pub source: SourceId,
    /// Table, page or section in the source.
    pub locator: String,
    /// Assumptions and arithmetic.
    pub note: String,
}

impl CostFactor {
    /// The factor for `fraction` × `route` with its id ([`cost_factor_id`]), value and
    /// source; no price year, locator or note.
    #[must_use]
    pub fn new(
        fraction: &FractionId,
        route: Route,
        value: Estimate<SekPerTonne>,
        source: SourceId,
    ) -> Self {
        Self {
            id: cost_factor_id(fraction, route),
            fraction: fraction.clone(),
            route,
            value,
            price_year: None,
            nominal: None,
            source,
            locator: String::new(),
            note: String::new(),
        }
    }
}

/// A cost as its source states it, in the source's own price year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NominalCost {
    /// The source's price year.
    pub price_year: Year,
    /// Low, central and high value in that year's prices.
    pub value: Estimate<SekPerTonne>,
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

/// The id of a measure's own cost drawn as an uncertain input: `part` is
/// `implementation` or `running` (or `fixed` for the contributions' constant costs).
#[must_use]
pub fn measure_cost_id(measure: &MeasureId, part: &str) -> FactorId {
    FactorId(format!("cost.{measure}.{part}"))
}

/// A factor's id against the one its fraction and route give.
fn check_id(
    id: &FactorId,
    fraction: &FractionId,
    route: Route,
    id_for: fn(&FractionId, Route) -> FactorId,
) -> Result<(), ModelError> {
    let expected = id_for(fraction, route);
    if *id == expected {
        Ok(())
    } else {
        Err(ModelError::FactorId {
            id: id.0.clone(),
            fraction: fraction.0.clone(),
            route,
            expected: expected.0,
        })
    }
}

/// What a factor id names, read back from the text the id functions above write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactorRef<'a> {
    /// `ef.<fraction>.<route>`: kg CO2e per tonne.
    Emission {
        /// The fraction id.
        fraction: &'a str,
        /// The route.
        route: Route,
    },
    /// `cf.<fraction>.<route>`: SEK per tonne.
    Cost {
        /// The fraction id.
        fraction: &'a str,
        /// The route.
        route: Route,
    },
    /// `yield.<fraction>.<route>`: share of sorted tonnes that reach the route.
    Yield {
        /// The fraction id.
        fraction: &'a str,
        /// The route.
        route: Route,
    },
    /// `cost.<measure>.<part>`: a measure's own cost.
    MeasureCost {
        /// The measure id.
        measure: &'a str,
        /// `implementation`, `running` or `fixed`.
        part: &'a str,
    },
}

impl FactorId {
    /// What the id names, or `None` for text no id function writes.
    ///
    /// ```
    /// use calc_core::{FactorRef, FractionId, Route, emission_factor_id};
    /// let id = emission_factor_id(&FractionId::from("textiles"), Route::Reuse);
    /// assert_eq!(
    ///     id.parts(),
    ///     Some(FactorRef::Emission { fraction: "textiles", route: Route::Reuse })
    /// );
    /// ```
    #[must_use]
    pub fn parts(&self) -> Option<FactorRef<'_>> {
        let (kind, rest) = self.0.split_once('.')?;
        let (what, which) = rest.rsplit_once('.')?;
        if what.is_empty() || which.is_empty() {
            return None;
        }
        match kind {
            "cost" => Some(FactorRef::MeasureCost {
                measure: what,
                part: which,
            }),
            "ef" | "cf" | "yield" => {
                let route = Route::from_id(which)?;
                Some(match kind {
                    "ef" => FactorRef::Emission {
                        fraction: what,
                        route,
                    },
                    "cf" => FactorRef::Cost {
                        fraction: what,
                        route,
                    },
                    _ => FactorRef::Yield {
                        fraction: what,
                        route,
                    },
                })
            }
            _ => None,
        }
    }
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
    /// The price level every SEK value of the set is expressed in (converted with a price
    /// index when read); `None`: each cost factor keeps its own price year.
    pub price_year: Option<Year>,
}

impl FactorSetInfo {
    /// A set named by its id, without version, year or price year (a set built in code).
    #[must_use]
    pub fn named(id: &str) -> Self {
        Self {
            id: id.to_string(),
            name: id.to_string(),
            version: String::new(),
            year: None,
            price_year: None,
        }
    }
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

    /// Adds an emission factor; a second one for the same fraction × route, or one whose
    /// id is not [`emission_factor_id`] of its fraction and route, is an error.
    pub fn insert_emission(&mut self, factor: EmissionFactor) -> Result<(), ModelError> {
        check_id(
            &factor.id,
            &factor.fraction,
            factor.route,
            emission_factor_id,
        )?;
        let key = (factor.fraction.clone(), factor.route);
        if self.emission.contains_key(&key) {
            return Err(ModelError::DuplicateFactor {
                id: factor.id.0.clone(),
            });
        }
        self.emission.insert(key, factor);
        Ok(())
    }

    /// Adds an exact emission and cost factor for `fraction` × `route` from one source
    /// ([`EmissionFactor::new`], [`CostFactor::new`]); a second one is an error.
    pub fn insert_exact(
        &mut self,
        fraction: &FractionId,
        route: Route,
        (emission, cost): (KgCo2ePerTonne, SekPerTonne),
        source: &SourceId,
    ) -> Result<(), ModelError> {
        // Both or neither: a cost factor already there is refused before the emission
        // factor goes in.
        let key = (fraction.clone(), route);
        if self.cost.contains_key(&key) {
            return Err(ModelError::DuplicateFactor {
                id: cost_factor_id(fraction, route).0,
            });
        }
        self.insert_emission(EmissionFactor::new(
            fraction,
            route,
            Estimate::exact(emission),
            source.clone(),
        ))?;
        self.insert_cost(CostFactor::new(
            fraction,
            route,
            Estimate::exact(cost),
            source.clone(),
        ))
    }

    /// Adds a cost factor; a second one for the same fraction × route, or one whose id is
    /// not [`cost_factor_id`] of its fraction and route, is an error.
    pub fn insert_cost(&mut self, factor: CostFactor) -> Result<(), ModelError> {
        check_id(&factor.id, &factor.fraction, factor.route, cost_factor_id)?;
        let key = (factor.fraction.clone(), factor.route);
        if self.cost.contains_key(&key) {
            return Err(ModelError::DuplicateFactor {
                id: factor.id.0.clone(),
            });
        }
        self.cost.insert(key, factor);
        Ok(())
    }

    /// Adds a sorting yield; a second one for the same fraction × route, one whose reject
    /// route is its own route, or one whose id is not [`yield_id`] of its fraction and
    /// route, is an error.
    pub fn insert_yield(&mut self, y: Yield) -> Result<(), ModelError> {
        check_id(&y.id, &y.fraction, y.route, yield_id)?;
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

    /// The price years of the cost factors (their `price_year`, where given), each once, in
    /// order: one year for a set read at its price year (see
    /// [`crate::csvio::read_factor_table_priced`]), possibly several for a user's file read
    /// as it is; empty when no cost factor states one.
    #[must_use]
    pub fn price_years(&self) -> std::collections::BTreeSet<Year> {
        self.cost.values().filter_map(|f| f.price_year).collect()
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

#[cfg(test)]
#[path = "factors_tests.rs"]
mod tests;
