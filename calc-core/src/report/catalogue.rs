//! The catalogue listings as JSON: measures with their effects, municipalities, and a
//! factor set with its sources (`avfallskalkyl measures|municipalities|factors --format json`).

use crate::model::{FactorTable, Measure, MeasureId, Municipality, Payer, Route, SourceKind};
use crate::units::Year;
use rust_decimal::Decimal;
use serde::Serialize;

/// A route share.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ShareJson {
    /// The route.
    pub route: Route,
    /// Its share, 0–1.
    pub share: Decimal,
}

/// A measure in the catalogue listing (`avfallskalkyl measures --format json`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CatalogueMeasureJson {
    /// Id.
    pub id: MeasureId,
    /// Goal area.
    pub area: String,
    /// Swedish name.
    pub name_sv: String,
    /// English name.
    pub name_en: String,
    /// The fraction.
    pub fraction: String,
    /// The pool.
    pub pool: String,
    /// The routes it moves tonnes out of.
    pub acts_on: Vec<Route>,
    /// Its waste-hierarchy stage.
    pub stage: Route,
    /// Where moved tonnes go.
    pub target: Vec<ShareJson>,
    /// Default effect, 0–1: the expected outcome's central value.
    pub default_effect: Decimal,
    /// The effect: expected outcome (low, central, high, evidence source) and the plan's
    /// goal (issue 21).
    pub effect: EffectJson,
    /// `plan` or `legal_duty` (the reference path).
    pub kind: &'static str,
    /// A legal duty's first year; `null` for the plan's measures.
    pub start_year: Option<crate::units::Year>,
    /// Years from start to full effect.
    pub ramp_years: u16,
    /// One-time cost per inhabitant (low, central, high).
    pub implementation_cost_sek_per_inhabitant: [Decimal; 3],
    /// Running cost per inhabitant and year (low, central, high).
    pub running_cost_sek_per_inhabitant: [Decimal; 3],
    /// Who pays its costs.
    pub cost_payer: Payer,
    /// Who saves its avoided purchases.
    pub savings_payer: Payer,
    /// Sources of its defaults.
    pub sources: Vec<String>,
}

/// A measure's effect in the catalogue listing, shares 0–1.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EffectJson {
    /// Expected outcome, low end.
    pub low: Decimal,
    /// Expected outcome, central value.
    pub central: Decimal,
    /// Expected outcome, high end.
    pub high: Decimal,
    /// Where the expected effect comes from (measured outcomes).
    pub source: Option<String>,
    /// The effect the plan's goal needs (the plan's ambition); `null`: no goal, the
    /// ambition is the expected central value.
    pub goal: Option<Decimal>,
    /// Where the goal comes from.
    pub goal_source: Option<String>,
}

impl From<&Measure> for CatalogueMeasureJson {
    fn from(m: &Measure) -> Self {
        let est = |e: &crate::model::Estimate<crate::units::SekPerInhabitant>| {
            [e.low().value(), e.central().value(), e.high().value()]
        };
        Self {
            id: m.id.clone(),
            area: m.area.clone(),
            name_sv: m.name_sv.clone(),
            name_en: m.name_en.clone(),
            fraction: m.fraction.to_string(),
            pool: m.pool.id.to_string(),
            acts_on: m.acts_on.clone(),
            stage: m.stage,
            target: m
                .target
                .shares()
                .iter()
                .map(|(r, s)| ShareJson {
                    route: *r,
                    share: s.value(),
                })
                .collect(),
            default_effect: m.default_effect().value(),
            effect: EffectJson {
                low: m.effects.expected.low().value(),
                central: m.effects.expected.central().value(),
                high: m.effects.expected.high().value(),
                source: m.effects.evidence_source.as_ref().map(ToString::to_string),
                goal: m.effects.goal.map(crate::units::Share::value),
                goal_source: m.effects.goal_source.as_ref().map(ToString::to_string),
            },
            kind: if m.is_legal_duty() {
                "legal_duty"
            } else {
                "plan"
            },
            start_year: match m.kind {
                crate::model::MeasureKind::LegalDuty { from } => Some(from),
                crate::model::MeasureKind::Plan => None,
            },
            ramp_years: m.ramp_years,
            implementation_cost_sek_per_inhabitant: est(&m.implementation_cost),
            running_cost_sek_per_inhabitant: est(&m.running_cost),
            cost_payer: m.cost_payer,
            savings_payer: m.savings_payer,
            sources: m.sources.iter().map(ToString::to_string).collect(),
        }
    }
}

/// A municipality in the listing (`avfallskalkyl municipalities --format json`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MunicipalityJson {
    /// SCB code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Inhabitants.
    pub population: u32,
    /// Date of the population figure.
    pub population_date: String,
    /// Its source.
    pub source: String,
}

impl From<&Municipality> for MunicipalityJson {
    fn from(m: &Municipality) -> Self {
        Self {
            code: m.code.to_string(),
            name: m.name.clone(),
            population: m.population,
            population_date: m.population_date.clone(),
            source: m.source.to_string(),
        }
    }
}

/// A factor in the factor listing: low, central, high, with its source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FactorJson {
    /// Id.
    pub id: String,
    /// Fraction.
    pub fraction: String,
    /// Route.
    pub route: Route,
    /// Low, central, high.
    pub value: [Decimal; 3],
    /// Source id.
    pub source: String,
    /// Table, page or section.
    pub locator: String,
    /// Assumptions and arithmetic.
    pub note: String,
}

/// A source in the factor listing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceJson {
    /// Id.
    pub id: String,
    /// Published, derived or estimate.
    pub kind: SourceKind,
    /// Title.
    pub title: String,
    /// Publisher.
    pub publisher: String,
    /// Year.
    pub year: Option<Year>,
    /// URL.
    pub url: String,
    /// Table, page or section.
    pub locator: String,
    /// Note (English).
    pub note: String,
    /// Note (Swedish).
    pub note_sv: String,
}

/// A factor set (`avfallskalkyl factors --format json`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FactorListingJson {
    /// Which set.
    pub factor_set: crate::report::FactorSetJson,
    /// Emission factors, kg CO2e per tonne.
    pub emission_factors: Vec<FactorJson>,
    /// Cost factors, SEK per tonne.
    pub cost_factors: Vec<FactorJson>,
    /// Sorting yields, 0–1.
    pub yields: Vec<FactorJson>,
    /// Sources.
    pub sources: Vec<SourceJson>,
}

/// The three factor kinds have the same fields but different unit types.
macro_rules! factor_json {
    ($f:expr) => {
        FactorJson {
            id: $f.id.to_string(),
            fraction: $f.fraction.to_string(),
            route: $f.route,
            value: [
                $f.value.low().value(),
                $f.value.central().value(),
                $f.value.high().value(),
            ],
            source: $f.source.to_string(),
            locator: $f.locator.clone(),
            note: $f.note.clone(),
        }
    };
}

impl From<&FactorTable> for FactorListingJson {
    fn from(t: &FactorTable) -> Self {
        Self {
            factor_set: t.info().into(),
            emission_factors: t.emission_factors().map(|f| factor_json!(f)).collect(),
            cost_factors: t.cost_factors().map(|f| factor_json!(f)).collect(),
            yields: t.yields().map(|f| factor_json!(f)).collect(),
            sources: t
                .sources()
                .map(|s| SourceJson {
                    id: s.id.to_string(),
                    kind: s.kind,
                    title: s.title.clone(),
                    publisher: s.publisher.clone(),
                    year: s.year,
                    url: s.url.clone(),
                    locator: s.locator.clone(),
                    note: s.note.clone(),
                    note_sv: s.note_sv.clone(),
                })
                .collect(),
        }
    }
}
