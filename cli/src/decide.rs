//! `evaluate --monte-carlo`, `sensitivity` and `optimize`: deciding under uncertainty.

use crate::{Failure, Loaded};
use calc_core::csvio::{Lang, format_number};
use calc_core::{
    Budget, LinearModel, MonteCarlo, Plan, Scenario, Sek, Sensitivity, candidates, monte_carlo,
    optimize, sensitivity,
};
use rust_decimal::Decimal;
use serde::Serialize;

fn model(loaded: &Loaded, scenario: &Scenario, lang: Lang) -> Result<LinearModel, Failure> {
    LinearModel::new(&loaded.table, scenario).map_err(|e| {
        Failure::input(match lang {
            Lang::Sv => format!("fel: scenario '{}': kan inte räknas ut: {e}", scenario.name),
            Lang::En => format!(
                "error: scenario '{}': cannot be evaluated: {e}",
                scenario.name
            ),
        })
    })
}

/// Monte Carlo bands for each scenario, in scenario order.
pub(crate) fn monte_carlo_all(
    loaded: &Loaded,
    draws: u32,
    seed: u64,
    lang: Lang,
) -> Result<Vec<MonteCarlo>, Failure> {
    loaded
        .scenarios
        .iter()
        .map(|s| {
            monte_carlo(&model(loaded, s, lang)?, draws, seed)
                .map_err(|e| Failure::input(e.to_string()))
        })
        .collect()
}

#[derive(Serialize)]
struct SensitivityJson<'a> {
    schema_version: &'static str,
    scenario: &'a str,
    /// Cumulative over the plan period; one factor at a time at its low and high value.
    sensitivity: Sensitivity,
}

#[derive(Serialize)]
struct PlanJson<'a> {
    schema_version: &'static str,
    scenario: &'a str,
    steps: u32,
    plan: Plan,
}

fn tonnes(kg: Decimal, lang: Lang) -> String {
    format_number(kg / Decimal::ONE_THOUSAND, 1, lang)
}

/// Tornado data per scenario.
pub(crate) fn run_sensitivity(loaded: &Loaded, json: bool, lang: Lang) -> Result<Vec<u8>, Failure> {
    let mut out = Vec::new();
    let mut docs = Vec::new();
    for s in &loaded.scenarios {
        let sens =
            sensitivity(&model(loaded, s, lang)?).map_err(|e| Failure::input(e.to_string()))?;
        if json {
            docs.push(SensitivityJson {
                schema_version: calc_core::RESULTS_SCHEMA_VERSION,
                scenario: &s.name,
                sensitivity: sens,
            });
            continue;
        }
        let (h, lo, hi) = match lang {
            Lang::Sv => (
                "Känslighet (t CO2e över planperioden, en faktor i taget)",
                "vid lågt",
                "vid högt",
            ),
            Lang::En => (
                "Sensitivity (t CO2e over the plan period, one factor at a time)",
                "at low",
                "at high",
            ),
        };
        out.push(format!(
            "{}: {h}\n  {:<40} {:>14} {:>14}\n",
            s.name, "", lo, hi
        ));
        for w in sens.co2e.iter().take(10) {
            out.push(format!(
                "  {:<40} {:>14} {:>14}\n",
                w.factor.as_str(),
                tonnes(w.at_low.value(), lang),
                tonnes(w.at_high.value(), lang)
            ));
        }
        let h2 = match lang {
            Lang::Sv => "Känslighet (kr netto över planperioden)",
            Lang::En => "Sensitivity (net SEK over the plan period)",
        };
        out.push(format!("{}: {h2}\n", s.name));
        for w in sens.sek.iter().take(10) {
            out.push(format!(
                "  {:<40} {:>14} {:>14}\n",
                w.factor.as_str(),
                format_number(w.at_low.value(), 0, lang),
                format_number(w.at_high.value(), 0, lang)
            ));
        }
    }
    if json {
        return serde_json::to_vec_pretty(&docs).map_err(|e| Failure::input(e.to_string()));
    }
    Ok(out.concat().into_bytes())
}

/// The best package of measures within a budget, per scenario.
pub(crate) fn run_optimize(
    loaded: &Loaded,
    budget: Budget,
    steps: u32,
    json: bool,
    lang: Lang,
) -> Result<Vec<u8>, Failure> {
    let mut out = String::new();
    let mut docs = Vec::new();
    for s in &loaded.scenarios {
        let e = model(loaded, s, lang)?.evaluation().clone();
        let plan = optimize(&candidates(&e), budget, steps);
        if json {
            docs.push(PlanJson {
                schema_version: calc_core::RESULTS_SCHEMA_VERSION,
                scenario: &s.name,
                steps,
                plan,
            });
            continue;
        }
        let sek = |v: Sek| format_number(v.value(), 0, lang);
        out.push_str(&match lang {
            Lang::Sv => format!(
                "{}: bästa paket: {} t CO2e/år, engångskostnad {} kr, löpande {} kr/år\n",
                s.name,
                tonnes(plan.co2e_saved_kg_per_year.value(), lang),
                sek(plan.cost_once),
                sek(plan.cost_per_year)
            ),
            Lang::En => format!(
                "{}: best package: {} t CO2e/yr, one-time cost {} SEK, running {} SEK/yr\n",
                s.name,
                tonnes(plan.co2e_saved_kg_per_year.value(), lang),
                sek(plan.cost_once),
                sek(plan.cost_per_year)
            ),
        });
        for c in &plan.chosen {
            out.push_str(&format!(
                "  {:<32} {:>6} % {:>12} t CO2e\n",
                c.measure.as_str(),
                format_number(c.level * Decimal::ONE_HUNDRED, 0, lang),
                tonnes(c.co2e_saved_kg_per_year.value(), lang)
            ));
        }
        if let Some(n) = &plan.next_step {
            out.push_str(&match lang {
                Lang::Sv => format!(
                    "  nästa krona: {} till {} % ger {} t CO2e/år till för {} kr\n",
                    n.measure.as_str(),
                    format_number(n.level * Decimal::ONE_HUNDRED, 0, lang),
                    tonnes(n.extra_co2e_kg_per_year.value(), lang),
                    sek(n.extra_sek)
                ),
                Lang::En => format!(
                    "  next krona: {} to {} % adds {} t CO2e/yr for {} SEK\n",
                    n.measure.as_str(),
                    format_number(n.level * Decimal::ONE_HUNDRED, 0, lang),
                    tonnes(n.extra_co2e_kg_per_year.value(), lang),
                    sek(n.extra_sek)
                ),
            });
        }
    }
    if json {
        return serde_json::to_vec_pretty(&docs).map_err(|e| Failure::input(e.to_string()));
    }
    Ok(out.into_bytes())
}
