//! `evaluate --monte-carlo`, `sensitivity` and `optimize`: deciding under uncertainty.

use crate::args::Format;
use crate::inputs::{Failure, Loaded};
use calc_core::csvio::Dialect;
use calc_core::csvio::{Lang, format_number};
use calc_core::report::{ContributionJson, PlanJson, SensitivityJson};
use calc_core::{
    Budget, LinearModel, MonteCarlo, Scenario, Sek, candidates, monte_carlo, optimize, sensitivity,
};
use rust_decimal::Decimal;

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

/// Each scenario's results with Monte Carlo bands, in scenario order: one linear model
/// per scenario gives both the evaluation and the draws.
pub(crate) fn results_with_monte_carlo(
    loaded: &Loaded,
    draws: u32,
    seed: u64,
    lang: Lang,
) -> Result<Vec<calc_core::ResultsJson>, Failure> {
    loaded
        .scenarios
        .iter()
        .map(|s| {
            let m = model(loaded, s, lang)?;
            let mc: MonteCarlo =
                monte_carlo(&m, draws, seed).map_err(|e| Failure::input(e.to_string()))?;
            Ok(calc_core::ResultsJson::new(m.evaluation()).with_monte_carlo(&mc))
        })
        .collect()
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
            docs.push(SensitivityJson::new(&s.name, &sens));
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
            Lang::Sv => {
                "Känslighet (kommunens kr netto över planperioden: avfallstaxan och budgeten)"
            }
            Lang::En => {
                "Sensitivity (the municipality's net SEK over the plan period: waste fee and budget)"
            }
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
        let cands = candidates(&model(loaded, s, lang)?, steps)
            .map_err(|e| Failure::input(e.to_string()))?;
        let plan = optimize(&cands, budget);
        if json {
            docs.push(PlanJson::new(&s.name, steps, &plan));
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

/// `contributions`: what drives each scenario's result.
pub(crate) fn run_contributions(
    catalogue: &factors::Catalogue,
    loaded: &Loaded,
    format: Format,
    dialect: Dialect,
    top: usize,
    lang: Lang,
) -> Result<Vec<u8>, Failure> {
    let cost_sources: Vec<(String, calc_core::SourceId)> = catalogue
        .measures
        .iter()
        .filter_map(|m| {
            m.cost_source
                .clone()
                .map(|s| (m.id.as_str().to_string(), s))
        })
        .collect();
    let mut all = Vec::new();
    for s in &loaded.scenarios {
        let c = calc_core::contributions(&model(loaded, s, lang)?, &loaded.table, &cost_sources)
            .map_err(|e| Failure::input(e.to_string()))?;
        all.push((s.name.as_str(), c));
    }
    let kind = |k: calc_core::ContributionKind, lang: Lang| match (k, lang) {
        (calc_core::ContributionKind::Factor, Lang::Sv) => "faktor",
        (calc_core::ContributionKind::Factor, Lang::En) => "factor",
        (calc_core::ContributionKind::Quantity, Lang::Sv) => "mängd",
        (calc_core::ContributionKind::Quantity, Lang::En) => "quantity",
        (calc_core::ContributionKind::Cost, Lang::Sv) => "kostnad",
        (calc_core::ContributionKind::Cost, Lang::En) => "cost",
    };
    let source_kind = |k: Option<calc_core::SourceKind>| match (k, lang) {
        (Some(calc_core::SourceKind::Published), Lang::Sv) => "publicerad",
        (Some(calc_core::SourceKind::Published), Lang::En) => "published",
        (Some(calc_core::SourceKind::Derived), Lang::Sv) => "härledd",
        (Some(calc_core::SourceKind::Derived), Lang::En) => "derived",
        (Some(calc_core::SourceKind::Estimate), Lang::Sv) => "uppskattning",
        (Some(calc_core::SourceKind::Estimate), Lang::En) => "estimate",
        (None, _) => "",
    };
    match format {
        Format::Json => {
            let rows: Vec<ContributionJson> = all
                .iter()
                .flat_map(|(name, c)| ContributionJson::rows(name, c))
                .collect();
            serde_json::to_vec_pretty(&rows).map_err(|e| Failure::input(e.to_string()))
        }
        Format::Csv => {
            let comma = dialect.decimal_comma;
            let f = |d: Decimal| calc_core::csvio::format_fixed(d, 2, comma);
            let header: [&str; 9] = match lang {
                Lang::Sv => [
                    "scenario",
                    "typ",
                    "id",
                    "källa",
                    "källtyp",
                    "t_co2e_totalt",
                    "andel_co2e_procent",
                    "kommunens_netto_kr_totalt",
                    "andel_netto_kr_procent",
                ],
                Lang::En => [
                    "scenario",
                    "kind",
                    "id",
                    "source",
                    "source_kind",
                    "t_co2e_total",
                    "co2e_share_pct",
                    "municipality_net_sek_total",
                    "net_sek_share_pct",
                ],
            };
            let mut rows: Vec<Vec<String>> =
                vec![header.iter().map(|h| (*h).to_string()).collect()];
            for (name, c) in &all {
                for x in &c.items {
                    rows.push(vec![
                        (*name).to_string(),
                        kind(x.kind, lang).to_string(),
                        x.id.clone(),
                        x.source.as_ref().map_or(String::new(), |s| s.to_string()),
                        source_kind(x.source_kind).to_string(),
                        f(x.co2e_kg / Decimal::ONE_THOUSAND),
                        f(x.co2e_share_pct),
                        f(x.net_sek),
                        f(x.net_sek_share_pct),
                    ]);
                }
            }
            let text = crate::text::write_rows(&rows, dialect);
            Ok(calc_core::csvio::encode(&text, dialect.encoding))
        }
        Format::Table => {
            let mut out = String::new();
            for (name, c) in &all {
                out.push_str(&match lang {
                    Lang::Sv => format!(
                        "{name}: vad som driver resultatet över planperioden ({} t CO2e; kommunens netto {} kr)\n",
                        tonnes(c.co2e_total_kg, lang),
                        format_number(c.net_sek_total, 0, lang)
                    ),
                    Lang::En => format!(
                        "{name}: what drives the result over the plan period ({} t CO2e; the municipality's net {} SEK)\n",
                        tonnes(c.co2e_total_kg, lang),
                        format_number(c.net_sek_total, 0, lang)
                    ),
                });
                let (h_kind, h_src, h_co2e, h_sek) = match lang {
                    Lang::Sv => ("typ", "källa", "% av CO2e", "% av kommunens kr"),
                    Lang::En => ("kind", "source", "% of CO2e", "% of municipal SEK"),
                };
                out.push_str(&format!(
                    "  {:>3}  {:<9} {:<46} {:<58} {:>10} {:>18}\n",
                    "#", h_kind, "id", h_src, h_co2e, h_sek
                ));
                for (i, x) in c.items.iter().take(top).enumerate() {
                    let src = match &x.source {
                        Some(s) => format!("{s} ({})", source_kind(x.source_kind)),
                        None => String::new(),
                    };
                    out.push_str(&format!(
                        "  {:>3}  {:<9} {:<46} {:<58} {:>10} {:>18}\n",
                        i + 1,
                        kind(x.kind, lang),
                        x.id,
                        src,
                        format_number(x.co2e_share_pct, 1, lang),
                        format_number(x.net_sek_share_pct, 1, lang),
                    ));
                }
                out.push_str(match lang {
                    Lang::Sv => "  Faktorerna och kostnaderna summerar till 100 %, liksom mängderna (avfallspoolerna) för sig; negativa andelar drar åt andra hållet.\n",
                    Lang::En => "  Factors and costs add up to 100 %, and so do the quantities (pools) on their own; negative shares pull the other way.\n",
                });
            }
            Ok(out.into_bytes())
        }
    }
}
