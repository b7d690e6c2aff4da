//! The JSON of the units of the organisation (`evaluate --by unit`, `units`) and of SCB's
//! municipality list (`municipalities --all`).

use super::outputs::{RankedJson, ratio};
use super::{Figures, RESULTS_SCHEMA_VERSION};
use crate::model::Perspective;
use rust_decimal::Decimal;
use serde::Serialize;

/// One measure a unit carries, with its role (`UnitsJson`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UnitMeasureJson {
    /// The measure.
    pub measure: String,
    /// `lead` or `contributing`.
    pub role: crate::UnitRole,
    /// Its figures over the scenario's municipalities.
    #[serde(flatten)]
    pub figures: Figures,
}

/// How much of one target's needed change a unit's measures give in one municipality.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UnitTargetJson {
    /// The target's id.
    pub target: String,
    /// The municipality's SCB code.
    pub municipality: String,
    /// The change of the indicator at the target year from the unit's measures.
    pub change: Decimal,
    /// The change the target needs from its base (target value − base value).
    pub needed: Decimal,
    /// `change ÷ needed`; `null` when nothing is needed.
    pub share_of_needed: Option<Decimal>,
    /// The gap left at the target year after all the scenario's measures.
    pub gap_after_all: Decimal,
}

/// One unit's part of the plan (`UnitsJson`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UnitJson {
    /// The unit's id, e.g. `kost`.
    pub unit: String,
    /// Its Swedish name.
    pub name_sv: String,
    /// Its English name.
    pub name_en: String,
    /// CO2e a year of the measures it leads as a share of the plan's total (0–1);
    /// `null` when the plan saves no CO2e.
    pub share_of_total: Option<Decimal>,
    /// Figures of the measures it leads (each measure counted under one unit).
    pub led: Figures,
    /// Figures of every measure it carries, lead or contributing.
    pub carried: Figures,
    /// The measures it carries.
    pub measures: Vec<UnitMeasureJson>,
    /// Per year, over every measure it carries.
    pub by_year: Vec<crate::report::YearJson>,
    /// The targets its measures change, per municipality.
    pub targets: Vec<UnitTargetJson>,
    /// Its measures by cost per tonne CO2e, cheapest first.
    pub next_best: Vec<RankedJson>,
}

/// An evaluation grouped by unit (schema: `docs/outputs.schema.json`, `Units`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UnitsJson {
    /// [`RESULTS_SCHEMA_VERSION`].
    pub schema_version: &'static str,
    /// The scenario.
    pub scenario: String,
    /// Whose money the cost per tonne of `next_best` counts.
    pub perspective: Perspective,
    /// One entry per unit, in the catalogue's order.
    pub units: Vec<UnitJson>,
}

impl UnitsJson {
    /// The JSON view of [`crate::by_unit()`]'s results; `units` gives the names.
    #[must_use]
    pub fn new(
        scenario: &str,
        perspective: Perspective,
        results: &[crate::UnitResult],
        units: &crate::OrgUnits,
    ) -> Self {
        Self {
            schema_version: RESULTS_SCHEMA_VERSION,
            scenario: scenario.to_string(),
            perspective,
            units: results
                .iter()
                .map(|r| {
                    let unit = units.unit(r.unit.as_str());
                    UnitJson {
                        unit: r.unit.to_string(),
                        name_sv: unit.map_or_else(String::new, |u| u.name_sv.clone()),
                        name_en: unit.map_or_else(String::new, |u| u.name_en.clone()),
                        share_of_total: r.share_of_total.map(ratio),
                        led: Figures::from(&r.led),
                        carried: Figures::from(&r.carried),
                        measures: r
                            .measures
                            .iter()
                            .map(|m| UnitMeasureJson {
                                measure: m.measure.to_string(),
                                role: m.role,
                                figures: Figures::from(&m.summary),
                            })
                            .collect(),
                        by_year: r
                            .by_year
                            .iter()
                            .map(crate::report::YearJson::from)
                            .collect(),
                        targets: r
                            .targets
                            .iter()
                            .map(|t| UnitTargetJson {
                                target: t.target.clone(),
                                municipality: t.municipality.to_string(),
                                change: ratio(t.change),
                                needed: ratio(t.needed),
                                share_of_needed: t.share_of_needed.map(ratio),
                                gap_after_all: ratio(t.gap_after_all),
                            })
                            .collect(),
                        next_best: r
                            .next_best
                            .iter()
                            .map(|x| RankedJson {
                                rank: x.rank,
                                measure: x.measure.key.to_string(),
                                figures: Figures::from(&x.measure.summary),
                            })
                            .collect(),
                    }
                })
                .collect(),
        }
    }
}

/// A municipality in SCB's list (`avfallskalkyl municipalities --all --format json`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ScbMunicipalityJson {
    /// SCB code.
    pub code: String,
    /// Name.
    pub name: String,
    /// The county's SCB code.
    pub county_code: String,
    /// Whether it is one of the plan's (built-in population and targets).
    pub in_plan: bool,
    /// Source of the code and name.
    pub source: String,
}

impl ScbMunicipalityJson {
    /// The JSON view of one municipality of the list.
    #[must_use]
    pub fn new(m: &crate::ScbMunicipality, in_plan: bool) -> Self {
        Self {
            code: m.code.to_string(),
            name: m.name.clone(),
            county_code: m.county.clone(),
            in_plan,
            source: m.source.to_string(),
        }
    }
}

/// One unit's part in one measure, with the reason (`UnitListingJson`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UnitAssignmentJson {
    /// The measure.
    pub measure: String,
    /// `lead` or `contributing`.
    pub role: crate::UnitRole,
    /// Why, in Swedish.
    pub note_sv: String,
    /// Why, in English.
    pub note_en: String,
}

/// A unit of the organisation with the measures it carries (`avfallskalkyl units --format
/// json`: an array of these).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UnitListingJson {
    /// The unit's id.
    pub unit: String,
    /// Swedish name.
    pub name_sv: String,
    /// English name.
    pub name_en: String,
    /// What it covers, in Swedish.
    pub description_sv: String,
    /// What it covers, in English.
    pub description_en: String,
    /// The measures it leads or contributes to, in file order.
    pub measures: Vec<UnitAssignmentJson>,
}

impl UnitListingJson {
    /// The JSON view of one unit and its assignments in `units`.
    #[must_use]
    pub fn new(unit: &crate::OrgUnit, units: &crate::OrgUnits) -> Self {
        Self {
            unit: unit.id.to_string(),
            name_sv: unit.name_sv.clone(),
            name_en: unit.name_en.clone(),
            description_sv: unit.description_sv.clone(),
            description_en: unit.description_en.clone(),
            measures: units
                .assignments
                .iter()
                .filter(|a| a.unit == unit.id)
                .map(|a| UnitAssignmentJson {
                    measure: a.measure.to_string(),
                    role: a.role,
                    note_sv: a.note_sv.clone(),
                    note_en: a.note_en.clone(),
                })
                .collect(),
        }
    }
}
