//! The other versioned JSON outputs: Monte Carlo bands, rankings, sensitivity, the budget
//! plan and contributions (the catalogue listings in `catalogue.rs`, targets in
//! `targets.rs`). Like [`crate::report::ResultsJson`],
//! these are the only types that serialize; the domain and result types do not.

use crate::contributions::{ContributionKind, Contributions};
use crate::decide::{
    Agreement, Disagreement, FactorKind, McFigure, McFigures, MonteCarlo, Percentiles, Sensitivity,
    Swing,
};
use crate::model::{MeasureId, Payer, Perspective, SourceKind};
use crate::optimize::Plan;
use crate::rank::{RankBy, Ranked};
use crate::report::{ByPayerJson, Figures, Normalized, RESULTS_SCHEMA_VERSION, places, rounded};
use crate::units::{KgCo2e, Sek};
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
