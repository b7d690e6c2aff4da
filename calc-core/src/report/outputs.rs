//! The other versioned JSON outputs: Monte Carlo bands, rankings, sensitivity, the budget
//! plan, contributions and the catalogue listings. Like [`crate::report::ResultsJson`],
//! these are the only types that serialize; the domain and result types do not.

use crate::contributions::{ContributionKind, Contributions};
use crate::decide::{
    Agreement, Disagreement, FactorKind, McFigure, McFigures, MonteCarlo, Percentiles, Sensitivity,
    Swing,
};
use crate::model::{
    FactorTable, Measure, MeasureId, Municipality, Payer, Perspective, PoolId, Route, ScbCode,
    SourceKind,
};
use crate::optimize::Plan;
use crate::rank::{RankBy, Ranked};
use crate::report::{ByPayerJson, Figures, Normalized, RESULTS_SCHEMA_VERSION, places, rounded};
use crate::targets::{BaseFrom, GapPlan, PerInhabitant, Progress, TargetReport};
use crate::units::{KgCo2e, Sek, Year};
use rust_decimal::Decimal;
use serde::Serialize;

/// 5th, 25th, 50th, 75th and 95th percentiles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PercentilesJson<T> {
    /// 5th percentile.
    pub p5: T,
    /// 25th percentile.
    pub p25: T,
    /// Median.
    pub p50: T,
    /// 75th percentile.
    pub p75: T,
    /// 95th percentile.
    pub p95: T,
}

impl<T: Copy + Normalized> From<&Percentiles<T>> for PercentilesJson<T> {
    fn from(p: &Percentiles<T>) -> Self {
        Self {
            p5: p.p5.n(),
            p25: p.p25.n(),
            p50: p.p50.n(),
            p75: p.p75.n(),
            p95: p.p95.n(),
        }
    }
}

/// Share of draws in which each figure is a saving.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SavingOddsJson {
    /// CO2e.
    pub co2e: Decimal,
    /// Society (all payers).
    pub society: Decimal,
    /// The municipality (waste fee + budget).
    pub municipality: Decimal,
    /// Per payer.
    pub by_payer: ByPayerJson<Decimal>,
}

/// A share, level, percentage or target value as JSON: [`places::RATIO`] places.
pub(super) fn ratio(d: Decimal) -> Decimal {
    rounded(d, places::RATIO)
}

/// A figure of the total: `co2e`, `society`, `municipality` or a payer.
fn figure_name(f: McFigure) -> &'static str {
    match f {
        McFigure::Co2e => "co2e",
        McFigure::Society => "society",
        McFigure::Municipality => "municipality",
        McFigure::Payer(Payer::WasteFee) => "waste_fee",
        McFigure::Payer(Payer::MunicipalBudget) => "municipal_budget",
        McFigure::Payer(Payer::Households) => "households",
    }
}

/// Why a band does not hold the central result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DisagreementJson {
    /// `lopsided` (inputs whose ranges reach further on one side pull the band that way)
    /// or `interaction` (products of uncertain inputs, or the draws' noise).
    pub kind: &'static str,
    /// Whether the band lies below the central result.
    pub below: bool,
    /// For `lopsided`: the inputs that pull that way, strongest first.
    pub inputs: Vec<String>,
}

/// How one figure of the total relates to the all-central result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AgreementJson {
    /// `co2e` (kg), `society`, `municipality`, `waste_fee`, `municipal_budget`,
    /// `households` (SEK).
    pub figure: &'static str,
    /// The all-central value over the plan period.
    pub central: Decimal,
    /// Whether it lies between the 25th and the 75th percentile.
    pub central_in_iqr: bool,
    /// Whether a saving is at least as likely as not where the central value is one.
    pub saving_at_least_even: bool,
    /// Why not, when either does not hold.
    pub reason: Option<DisagreementJson>,
}

impl From<&Agreement> for AgreementJson {
    fn from(a: &Agreement) -> Self {
        Self {
            figure: figure_name(a.figure),
            // kg CO2e or SEK: to the gram or a tenth of an öre.
            central: rounded(a.central, places::KG_CO2E),
            central_in_iqr: a.central_in_iqr,
            saving_at_least_even: a.saving_at_least_even,
            reason: a.reason.as_ref().map(|r| match r {
                Disagreement::Lopsided { below, inputs } => DisagreementJson {
                    kind: "lopsided",
                    below: *below,
                    inputs: inputs.iter().map(ToString::to_string).collect(),
                },
                Disagreement::Interaction { below } => DisagreementJson {
                    kind: "interaction",
                    below: *below,
                    inputs: Vec::new(),
                },
            }),
        }
    }
}

/// Monte Carlo figures over the plan period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct McFiguresJson {
    /// kg CO2e saved.
    pub co2e_saved_kg_cumulative: PercentilesJson<KgCo2e>,
    /// Net SEK saved, all payers.
    pub net_sek_saved_cumulative: PercentilesJson<Sek>,
    /// Net SEK saved by the municipality (waste fee + budget).
    pub net_sek_saved_cumulative_municipality: PercentilesJson<Sek>,
    /// Net SEK saved per payer.
    pub net_sek_saved_cumulative_by_payer: ByPayerJson<PercentilesJson<Sek>>,
    /// Share of draws in which the municipality saves money.
    pub probability_municipality_saves_money: Decimal,
    /// Share of draws in which each figure is a saving.
    pub probability_saving: SavingOddsJson,
}

impl From<&McFigures> for McFiguresJson {
    fn from(f: &McFigures) -> Self {
        Self {
            co2e_saved_kg_cumulative: (&f.co2e_saved_kg_cumulative).into(),
            net_sek_saved_cumulative: (&f.net_sek_saved_cumulative).into(),
            net_sek_saved_cumulative_municipality: (&f.net_sek_saved_cumulative_municipality)
                .into(),
            net_sek_saved_cumulative_by_payer: ByPayerJson::from_by_payer(
                &f.net_sek_saved_cumulative_by_payer,
                |p| p.into(),
            ),
            probability_municipality_saves_money: ratio(f.probability_municipality_saves_money),
            probability_saving: SavingOddsJson {
                co2e: ratio(f.probability_saving.co2e),
                society: ratio(f.probability_saving.society),
                municipality: ratio(f.probability_saving.municipality),
                by_payer: ByPayerJson::from_by_payer(&f.probability_saving.by_payer, |p| ratio(*p)),
            },
        }
    }
}

/// One measure's Monte Carlo figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct McMeasureJson {
    /// The measure.
    pub measure: MeasureId,
    /// Its figures.
    pub figures: McFiguresJson,
}

/// Monte Carlo bands (schema: `docs/results.schema.json`, `MonteCarlo`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MonteCarloJson {
    /// Number of draws.
    pub draws: u32,
    /// The seed.
    pub seed: u64,
    /// Distribution of every input.
    pub distribution: String,
    /// The scenario total.
    pub total: McFiguresJson,
    /// Per measure.
    pub measures: Vec<McMeasureJson>,
    /// Per figure of the total: whether its band holds the all-central result, and why not.
    pub agreement: Vec<AgreementJson>,
}

impl From<&MonteCarlo> for MonteCarloJson {
    fn from(m: &MonteCarlo) -> Self {
        Self {
            draws: m.draws,
            seed: m.seed,
            distribution: m.distribution.clone(),
            total: (&m.total).into(),
            measures: m
                .measures
                .iter()
                .map(|x| McMeasureJson {
                    measure: x.measure.clone(),
                    figures: (&x.figures).into(),
                })
                .collect(),
            agreement: m.agreement.iter().map(AgreementJson::from).collect(),
        }
    }
}

/// One measure in a ranking.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RankedJson {
    /// 1 for the best.
    pub rank: usize,
    /// The measure.
    pub measure: String,
    /// Its figures over all its municipalities.
    #[serde(flatten)]
    pub figures: Figures,
}

/// A ranking (schema: `docs/outputs.schema.json`, `Ranking`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RankingJson {
    /// [`RESULTS_SCHEMA_VERSION`].
    pub schema_version: &'static str,
    /// The scenario.
    pub scenario: String,
    /// What it ranks by.
    pub by: RankBy,
    /// Whose money counts.
    pub perspective: Perspective,
    /// The unit whose measures are ranked (`rank --unit`); absent: every measure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Best first.
    pub ranking: Vec<RankedJson>,
}

impl RankingJson {
    /// The JSON view of a ranking.
    #[must_use]
    pub fn new(scenario: &str, by: RankBy, perspective: Perspective, ranked: &[Ranked]) -> Self {
        Self {
            schema_version: RESULTS_SCHEMA_VERSION,
            scenario: scenario.to_string(),
            by,
            perspective,
            unit: None,
            ranking: ranked
                .iter()
                .map(|r| RankedJson {
                    rank: r.rank,
                    measure: r.measure.key.to_string(),
                    figures: Figures::from(&r.measure.summary),
                })
                .collect(),
        }
    }
}

/// One input's tornado swing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SwingJson<T> {
    /// The input's id (`effect.<measure>` for an effect).
    pub factor: String,
    /// `emission`, `cost`, `yield`, `measure_cost` or `effect`.
    pub kind: FactorKind,
    /// The total with it at its low value.
    pub at_low: T,
    /// The total with it at its high value.
    pub at_high: T,
}

fn swings<T: Copy + Normalized>(v: &[Swing<T>]) -> Vec<SwingJson<T>> {
    v.iter()
        .map(|w| SwingJson {
            factor: w.factor.to_string(),
            kind: w.kind,
            at_low: w.at_low.n(),
            at_high: w.at_high.n(),
        })
        .collect()
}

/// Tornado data for one scenario (schema: `docs/outputs.schema.json`, `Sensitivity`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SensitivityJson {
    /// [`RESULTS_SCHEMA_VERSION`].
    pub schema_version: &'static str,
    /// The scenario.
    pub scenario: String,
    /// Cumulative over the plan period; one input at a time at its low and high value.
    pub sensitivity: SensitivityBodyJson,
}

/// The swings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SensitivityBodyJson {
    /// Cumulative kg CO2e at central values.
    pub co2e_central: KgCo2e,
    /// The municipality's cumulative net SEK at central values.
    pub sek_central: Sek,
    /// Swings of the CO2e, largest first.
    pub co2e: Vec<SwingJson<KgCo2e>>,
    /// Swings of the municipality's SEK, largest first.
    pub sek: Vec<SwingJson<Sek>>,
}

impl SensitivityJson {
    /// The JSON view of a sensitivity analysis.
    #[must_use]
    pub fn new(scenario: &str, s: &Sensitivity) -> Self {
        Self {
            schema_version: RESULTS_SCHEMA_VERSION,
            scenario: scenario.to_string(),
            sensitivity: SensitivityBodyJson {
                co2e_central: s.co2e_central.n(),
                sek_central: s.sek_central.n(),
                co2e: swings(&s.co2e),
                sek: swings(&s.sek),
            },
        }
    }
}

/// A chosen measure and its level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChoiceJson {
    /// The measure.
    pub measure: MeasureId,
    /// Level as a share of the scenario effect.
    pub level: Decimal,
    /// kg CO2e saved per year at this level, with the other chosen measures.
    pub co2e_saved_kg_per_year: KgCo2e,
    /// One-time cost at this level.
    pub cost_once: Sek,
    /// Running cost per year at this level.
    pub cost_per_year: Sek,
}

/// What one more step would buy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NextStepJson {
    /// The measure.
    pub measure: MeasureId,
    /// Its level after the step.
    pub level: Decimal,
    /// Extra kg CO2e per year.
    pub extra_co2e_kg_per_year: KgCo2e,
    /// Extra SEK the step costs.
    pub extra_sek: Sek,
    /// kg CO2e per year per krona.
    pub kg_co2e_per_sek: Decimal,
}

/// The budget a plan was made for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BudgetJson {
    /// Limit on one-time costs.
    pub once: Option<Sek>,
    /// Limit on running costs per year.
    pub per_year: Option<Sek>,
    /// Whose spending counts.
    pub perspective: Perspective,
}

/// The optimizer's plan for one scenario (schema: `docs/outputs.schema.json`, `Plan`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlanJson {
    /// [`RESULTS_SCHEMA_VERSION`].
    pub schema_version: &'static str,
    /// The scenario.
    pub scenario: String,
    /// Levels per measure.
    pub steps: u32,
    /// The plan.
    pub plan: PlanBodyJson,
}

/// The plan itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlanBodyJson {
    /// The budget.
    pub budget: BudgetJson,
    /// The chosen measures.
    pub chosen: Vec<ChoiceJson>,
    /// kg CO2e saved per year by the chosen set.
    pub co2e_saved_kg_per_year: KgCo2e,
    /// Their one-time costs.
    pub cost_once: Sek,
    /// Their running costs per year.
    pub cost_per_year: Sek,
    /// The best step the budget did not allow.
    pub next_step: Option<NextStepJson>,
}

impl PlanJson {
    /// The JSON view of a plan.
    #[must_use]
    pub fn new(scenario: &str, steps: u32, p: &Plan) -> Self {
        Self {
            schema_version: RESULTS_SCHEMA_VERSION,
            scenario: scenario.to_string(),
            steps,
            plan: PlanBodyJson {
                budget: BudgetJson {
                    once: p.budget.once,
                    per_year: p.budget.per_year,
                    perspective: p.budget.perspective,
                },
                chosen: p
                    .chosen
                    .iter()
                    .map(|c| ChoiceJson {
                        measure: c.measure.clone(),
                        level: ratio(c.level),
                        co2e_saved_kg_per_year: c.co2e_saved_kg_per_year.n(),
                        cost_once: c.cost_once.n(),
                        cost_per_year: c.cost_per_year.n(),
                    })
                    .collect(),
                co2e_saved_kg_per_year: p.co2e_saved_kg_per_year.n(),
                cost_once: p.cost_once.n(),
                cost_per_year: p.cost_per_year.n(),
                next_step: p.next_step.as_ref().map(|n| NextStepJson {
                    measure: n.measure.clone(),
                    level: ratio(n.level),
                    extra_co2e_kg_per_year: n.extra_co2e_kg_per_year.n(),
                    extra_sek: n.extra_sek.n(),
                    kg_co2e_per_sek: ratio(n.kg_co2e_per_sek),
                }),
            },
        }
    }
}

/// One input's part of the result (schema: `docs/outputs.schema.json`, `Contribution`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ContributionJson {
    /// The scenario.
    pub scenario: String,
    /// Factor, quantity or cost.
    pub kind: ContributionKind,
    /// The input's id.
    pub id: String,
    /// Its source.
    pub source: Option<String>,
    /// Published, derived or estimate.
    pub source_kind: Option<SourceKind>,
    /// kg CO2e over the plan period.
    pub co2e_kg: Decimal,
    /// The municipality's net SEK over the plan period.
    pub net_sek: Decimal,
    /// Share of the total CO2e, percent.
    pub co2e_share_pct: Decimal,
    /// Share of the municipality's net SEK, percent.
    pub net_sek_share_pct: Decimal,
}

impl ContributionJson {
    /// The rows of one scenario's contributions.
    #[must_use]
    pub fn rows(scenario: &str, c: &Contributions) -> Vec<Self> {
        c.items
            .iter()
            .map(|x| Self {
                scenario: scenario.to_string(),
                kind: x.kind,
                id: x.id.clone(),
                source: x.source.as_ref().map(ToString::to_string),
                source_kind: x.source_kind,
                co2e_kg: rounded(x.co2e_kg, places::KG_CO2E),
                net_sek: rounded(x.net_sek, places::SEK),
                co2e_share_pct: ratio(x.co2e_share_pct),
                net_sek_share_pct: ratio(x.net_sek_share_pct),
            })
            .collect()
    }
}

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
/// `Targets`). Decimals are rounded to [`places::RATIO`] (no trailing zeros).
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
