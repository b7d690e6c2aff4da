//! Following the plan as JSON: each target's path, projection and gap plan, and the figures
//! per inhabitant.

use super::outputs::ratio;
use crate::model::{MeasureId, PoolId, ScbCode};
use crate::report::{Normalized, RESULTS_SCHEMA_VERSION};
use crate::targets::{BaseFrom, GapPlan, PerInhabitant, Progress, TargetReport};
use crate::units::{Sek, Year};
use rust_decimal::Decimal;
use serde::Serialize;

/// One year of a target's progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TargetYearJson {
    /// The year.
    pub year: Year,
    /// The straight path's value.
    pub path: Decimal,
    /// The projected value.
    pub projected: Decimal,
    /// The observed value.
    pub actual: Option<Decimal>,
}

/// One measure's change of a target's indicator at the target year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TargetContributionJson {
    /// The measure.
    pub measure: MeasureId,
    /// Its change, in the indicator's unit (negative: down).
    pub change: Decimal,
}

/// A measure of the least-cost package and its level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GapChoiceJson {
    /// The measure.
    pub measure: MeasureId,
    /// Its level as a share of its scenario effect.
    pub level: Decimal,
    /// Its cost over the plan period at this level.
    pub cost_sek: Sek,
}

/// The least-cost package that closes a target's gap.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GapPlanJson {
    /// The measures.
    pub chosen: Vec<GapChoiceJson>,
    /// Their cost over the plan period.
    pub cost_sek: Sek,
    /// The value they project in the target year.
    pub projected_value: Decimal,
}

impl From<&GapPlan> for GapPlanJson {
    fn from(p: &GapPlan) -> Self {
        Self {
            chosen: p
                .chosen
                .iter()
                .map(|c| GapChoiceJson {
                    measure: c.measure.clone(),
                    level: ratio(c.level),
                    cost_sek: c.cost_sek.n(),
                })
                .collect(),
            cost_sek: p.cost_sek.n(),
            projected_value: ratio(p.projected_value),
        }
    }
}

/// A target's progress in one municipality (schema: `docs/outputs.schema.json`,
/// `Targets`). Decimals are rounded to [`places::RATIO`](super::places::RATIO) (no trailing zeros).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TargetProgressJson {
    /// The target's id.
    pub target: String,
    /// The indicator's id.
    pub indicator: &'static str,
    /// The indicator's unit.
    pub unit: &'static str,
    /// The municipality's SCB code.
    pub municipality: ScbCode,
    /// The municipality's name.
    pub municipality_name: String,
    /// The base year.
    pub base_year: Year,
    /// The base value.
    pub base_value: Decimal,
    /// Where the base value comes from: `target`, `municipality`, `model` or
    /// `model_own_figures`.
    pub base_from: &'static str,
    /// The target year.
    pub target_year: Year,
    /// The target value.
    pub target_value: Decimal,
    /// The projected value in the target year.
    pub projected_value: Decimal,
    /// The gap in the target year (positive: short of the target).
    pub gap: Decimal,
    /// The latest actual's gap to the path in its year.
    pub actual_gap: Option<Decimal>,
    /// `reached`, `on_track` or `behind`.
    pub status: &'static str,
    /// Pools where the municipality's own figures were used.
    pub own_figures: Vec<PoolId>,
    /// Every year from the base year to the target year.
    pub years: Vec<TargetYearJson>,
    /// Each measure's change at the target year.
    pub contributions: Vec<TargetContributionJson>,
    /// The least-cost package that meets the target, when asked for and one exists.
    pub close_gap: Option<GapPlanJson>,
}

impl TargetProgressJson {
    /// The JSON view of one progress row.
    #[must_use]
    pub fn new(p: &Progress, municipality_name: &str, close_gap: Option<&GapPlan>) -> Self {
        Self {
            target: p.target.clone(),
            indicator: p.indicator.id(),
            unit: p.indicator.unit(crate::Lang::En),
            municipality: p.municipality.clone(),
            municipality_name: municipality_name.to_string(),
            base_year: p.base_year,
            base_value: ratio(p.base_value),
            base_from: match p.base_from {
                BaseFrom::Target => "target",
                BaseFrom::Municipality => "municipality",
                BaseFrom::Model { own_figures: false } => "model",
                BaseFrom::Model { own_figures: true } => "model_own_figures",
            },
            target_year: p.target_year,
            target_value: ratio(p.target_value),
            projected_value: ratio(p.projected_value),
            gap: ratio(p.gap),
            actual_gap: p.actual_gap.map(ratio),
            status: p.status.id(),
            own_figures: p.own_figures.clone(),
            years: p
                .years
                .iter()
                .map(|y| TargetYearJson {
                    year: y.year,
                    path: ratio(y.path),
                    projected: ratio(y.projected),
                    actual: y.actual.map(ratio),
                })
                .collect(),
            contributions: p
                .contributions
                .iter()
                .map(|c| TargetContributionJson {
                    measure: c.measure.clone(),
                    change: ratio(c.change),
                })
                .collect(),
            close_gap: close_gap.map(GapPlanJson::from),
        }
    }
}

/// Figures per inhabitant and year at full effect (central values), so municipalities of
/// different size can be compared: for one municipality (the targets file's list), or for
/// a result's own municipality or all of a scenario's (the results file).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PerInhabitantJson {
    /// The municipality's SCB code, where a list names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub municipality: Option<ScbCode>,
    /// The inhabitants divided by.
    pub population: u32,
    /// kg of waste moved per inhabitant.
    pub kg_moved: Decimal,
    /// kg CO2e saved per inhabitant.
    pub kg_co2e_saved: Decimal,
    /// Net SEK saved per inhabitant, the municipality's (waste fee and budget).
    pub sek_saved_municipality: Decimal,
    /// Net SEK saved per inhabitant, society's (all payers).
    pub sek_saved_society: Decimal,
}

impl PerInhabitantJson {
    /// A summary's figures per inhabitant of `population`; `None` for no inhabitants.
    #[must_use]
    pub fn of(s: &crate::eval::Summary, population: u32) -> Option<Self> {
        s.per_inhabitant(population)
            .map(|p| Self::figures(None, &p))
    }

    fn figures(municipality: Option<ScbCode>, p: &crate::eval::PerInhabitantFigures) -> Self {
        Self {
            municipality,
            population: p.population,
            kg_moved: ratio(p.kg_moved),
            kg_co2e_saved: ratio(p.kg_co2e_saved),
            sek_saved_municipality: ratio(p.sek_saved_municipality),
            sek_saved_society: ratio(p.sek_saved_society),
        }
    }
}

impl From<&PerInhabitant> for PerInhabitantJson {
    fn from(p: &PerInhabitant) -> Self {
        Self::figures(Some(p.municipality.clone()), &p.figures)
    }
}

/// A target × municipality without a base value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NoBaseJson {
    /// The target's id.
    pub target: String,
    /// The municipality's SCB code.
    pub municipality: ScbCode,
}

/// `avfallskalkyl targets` for one scenario (schema: `docs/outputs.schema.json`,
/// `Targets`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TargetsJson {
    /// [`RESULTS_SCHEMA_VERSION`].
    pub schema_version: &'static str,
    /// The scenario.
    pub scenario: String,
    /// One row per target × municipality.
    pub progress: Vec<TargetProgressJson>,
    /// Target × municipality pairs without a base value.
    pub no_base: Vec<NoBaseJson>,
    /// The scenario's figures per inhabitant, per municipality.
    pub per_inhabitant: Vec<PerInhabitantJson>,
}

impl TargetsJson {
    /// The JSON view of a target report; `names` gives municipality names by SCB code,
    /// `plans` the least-cost packages (by target id and municipality) when asked for.
    #[must_use]
    pub fn new(
        scenario: &str,
        report: &TargetReport,
        names: &[(ScbCode, String)],
        plans: &[GapPlan],
        per_inhabitant: &[PerInhabitant],
    ) -> Self {
        let name = |code: &ScbCode| {
            names
                .iter()
                .find(|(c, _)| c == code)
                .map_or_else(|| code.as_str().to_string(), |(_, n)| n.clone())
        };
        Self {
            schema_version: RESULTS_SCHEMA_VERSION,
            scenario: scenario.to_string(),
            progress: report
                .progress
                .iter()
                .map(|p| {
                    let plan = plans
                        .iter()
                        .find(|g| g.target == p.target && g.municipality == p.municipality);
                    TargetProgressJson::new(p, &name(&p.municipality), plan)
                })
                .collect(),
            no_base: report
                .no_base
                .iter()
                .map(|n| NoBaseJson {
                    target: n.target.clone(),
                    municipality: n.municipality.clone(),
                })
                .collect(),
            per_inhabitant: per_inhabitant.iter().map(PerInhabitantJson::from).collect(),
        }
    }
}
