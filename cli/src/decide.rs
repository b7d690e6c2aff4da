//! `evaluate --monte-carlo`, `sensitivity` and `optimize`: deciding under uncertainty.

use crate::args::Format;
use crate::inputs::{Failure, Loaded, cannot_evaluate};
use crate::lang::{t, t_row, tf};
use calc_core::csvio::Dialect;
use calc_core::csvio::{Lang, format_number};
use calc_core::report::{ContributionJson, PlanJson, SensitivityJson};
use calc_core::{
    Agreement, Budget, ContributionKind, Disagreement, FactorId, LinearModel, McFigure, MonteCarlo,
    Payer, Scenario, Sek, SourceKind, candidates, monte_carlo, optimize, sensitivity,
};
use rust_decimal::Decimal;

fn model(loaded: &Loaded, scenario: &Scenario, lang: Lang) -> Result<LinearModel, Failure> {
    LinearModel::new(&loaded.table, scenario).map_err(|e| cannot_evaluate(lang, &scenario.name, e))
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
            crate::output::print_warnings(&crate::output::notes_of(m.evaluation(), lang));
            let mut doc = calc_core::ResultsJson::new(m.evaluation()).with_monte_carlo(&mc);
            crate::output::with_notices(&mut doc, loaded);
            Ok(doc)
        })
        .collect()
}

/// A figure's label in the Monte Carlo table, with its unit.
fn figure_label(f: McFigure, lang: Lang) -> &'static str {
    match f {
        McFigure::Co2e => t(lang, "t CO2e", "t CO2e"),
        McFigure::Society => t(
            lang,
            "kommunen + hushållen, kr",
            "municipality + households, SEK",
        ),
        McFigure::Municipality => t(
            lang,
            "kommunen (taxa + budget), kr",
            "municipality (fee + budget), SEK",
        ),
        McFigure::Payer(Payer::WasteFee) => t(lang, "avfallstaxan, kr", "waste fee, SEK"),
        McFigure::Payer(Payer::MunicipalBudget) => {
            t(lang, "kommunens budget, kr", "municipal budget, SEK")
        }
        McFigure::Payer(Payer::Households) => t(lang, "hushållen, kr", "households, SEK"),
    }
}

/// Why a figure's band does not hold its central result, in words.
fn disagreement_text(a: &Agreement, lang: Lang) -> Option<String> {
    let r = a.reason.as_ref()?;
    let mut what = Vec::new();
    if !a.central_in_iqr {
        what.push(t(
            lang,
            "det centrala resultatet ligger utanför 25–75 %-bandet",
            "the central result lies outside the 25–75 % band",
        ));
    }
    if !a.saving_at_least_even {
        what.push(t(
            lang,
            "en besparing är mindre sannolik än inte",
            "a saving is less likely than not",
        ));
    }
    let side = |below: bool| {
        if below {
            t(lang, "nedåt", "downward")
        } else {
            t(lang, "uppåt", "upward")
        }
    };
    let why = match r {
        Disagreement::Lopsided { below, inputs } => {
            let names: Vec<&str> = inputs.iter().map(FactorId::as_str).collect();
            tf!(
                lang,
                "indata vars intervall sträcker sig längre åt ena hållet drar bandet {}: {}",
                "inputs whose ranges reach further to one side pull the band {}: {}",
                side(*below),
                names.join(", ")
            )
        }
        Disagreement::Interaction { below } => tf!(
            lang,
            "produkter av osäkra indata (en effekt gånger en faktor) eller dragningarnas slump drar bandet {}",
            "products of uncertain inputs (an effect times a factor) or the draws' noise pull the band {}",
            side(*below)
        ),
    };
    Some(format!("{}: {why}", what.join(t(lang, " och ", " and "))))
}

/// Each scenario's Monte Carlo bands over the plan period as a table: per figure of the
/// total its central result, percentiles and share of draws with a saving, and below it,
/// where its band does not hold the central result, why.
pub(crate) fn monte_carlo_tables(
    loaded: &Loaded,
    draws: u32,
    seed: u64,
    lang: Lang,
) -> Result<Vec<u8>, Failure> {
    let mut out = String::new();
    for s in &loaded.scenarios {
        let m = model(loaded, s, lang)?;
        let mc = monte_carlo(&m, draws, seed).map_err(|e| Failure::input(e.to_string()))?;
        out.push_str(&tf!(
            lang,
            "\n{}: Monte Carlo över planperioden, {} dragningar (frö {}); varje indata ur en tvådelad triangelfördelning med det centrala värdet som median, effekterna genom poolerna\n",
            "\n{}: Monte Carlo over the plan period, {} draws (seed {}); every input from a two-piece triangular distribution with its central value as median, the effects through the pools\n",
            s.name,
            draws,
            seed
        ));
        out.push_str(&format!(
            "  {:<36} {:>15} {:>15} {:>15} {:>15} {:>15} {:>15} {:>9}\n",
            "",
            t(lang, "centralt", "central"),
            "p5",
            "p25",
            "p50",
            "p75",
            "p95",
            t(lang, "P(sparar)", "P(saves)")
        ));
        let f = &mc.total;
        for a in &mc.agreement {
            let (p, odds, dp, scale) = match a.figure {
                McFigure::Co2e => {
                    let p = f.co2e_saved_kg_cumulative;
                    (
                        [p.p5, p.p25, p.p50, p.p75, p.p95].map(|x| x.value()),
                        f.probability_saving.co2e,
                        1,
                        Decimal::ONE_THOUSAND,
                    )
                }
                fig => {
                    let p = match fig {
                        McFigure::Society => f.net_sek_saved_cumulative,
                        McFigure::Municipality => f.net_sek_saved_cumulative_municipality,
                        McFigure::Payer(p) => *f.net_sek_saved_cumulative_by_payer.get(p),
                        McFigure::Co2e => f.net_sek_saved_cumulative,
                    };
                    let odds = match fig {
                        McFigure::Society => f.probability_saving.society,
                        McFigure::Municipality => f.probability_saving.municipality,
                        McFigure::Payer(p) => *f.probability_saving.by_payer.get(p),
                        McFigure::Co2e => f.probability_saving.co2e,
                    };
                    (
                        [p.p5, p.p25, p.p50, p.p75, p.p95].map(|x| x.value()),
                        odds,
                        0,
                        Decimal::ONE,
                    )
                }
            };
            let num = |v: Decimal| format_number(v / scale, dp, lang);
            let mark = if a.reason.is_some() { " *" } else { "" };
            out.push_str(&format!(
                "  {:<36} {:>15} {:>15} {:>15} {:>15} {:>15} {:>15} {:>9}{mark}\n",
                figure_label(a.figure, lang),
                num(a.central),
                num(p[0]),
                num(p[1]),
                num(p[2]),
                num(p[3]),
                num(p[4]),
                format_number(odds, 2, lang)
            ));
            if let Some(why) = disagreement_text(a, lang) {
                out.push_str(&format!("    * {why}\n"));
            }
        }
    }
    Ok(out.into_bytes())
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
        let h = t(
            lang,
            "Känslighet (t CO2e över planperioden, en indata i taget: faktor, utbyte, kostnad eller effekt)",
            "Sensitivity (t CO2e over the plan period, one input at a time: factor, yield, cost or effect)",
        );
        let lo = t(lang, "vid lågt", "at low");
        let hi = t(lang, "vid högt", "at high");
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
        let h2 = t(
            lang,
            "Känslighet (kommunens kr netto över planperioden: avfallstaxan och budgeten)",
            "Sensitivity (the municipality's net SEK over the plan period: waste fee and budget)",
        );
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
        out.push_str(&tf!(
            lang,
            "{}: bästa paket: {} t CO2e/år, engångskostnad {} kr, löpande {} kr/år\n",
            "{}: best package: {} t CO2e/yr, one-time cost {} SEK, running {} SEK/yr\n",
            s.name,
            tonnes(plan.co2e_saved_kg_per_year.value(), lang),
            sek(plan.cost_once),
            sek(plan.cost_per_year)
        ));
        for c in &plan.chosen {
            out.push_str(&format!(
                "  {:<32} {:>6} % {:>12} t CO2e\n",
                c.measure.as_str(),
                format_number(c.level * Decimal::ONE_HUNDRED, 0, lang),
                tonnes(c.co2e_saved_kg_per_year.value(), lang)
            ));
        }
        if let Some(n) = &plan.next_step {
            out.push_str(&tf!(
                lang,
                "  nästa krona: {} till {} % ger {} t CO2e/år till för {} kr\n",
                "  next krona: {} to {} % adds {} t CO2e/yr for {} SEK\n",
                n.measure.as_str(),
                format_number(n.level * Decimal::ONE_HUNDRED, 0, lang),
                tonnes(n.extra_co2e_kg_per_year.value(), lang),
                sek(n.extra_sek)
            ));
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
    let cost_sources = catalogue.cost_sources();
    let mut all = Vec::new();
    for s in &loaded.scenarios {
        let c = calc_core::contributions(&model(loaded, s, lang)?, &loaded.table, &cost_sources)
            .map_err(|e| Failure::input(e.to_string()))?;
        all.push((s.name.as_str(), c));
    }
    let kind = |k: ContributionKind| match k {
        ContributionKind::Factor => t(lang, "faktor", "factor"),
        ContributionKind::Quantity => t(lang, "mängd", "quantity"),
        ContributionKind::Cost => t(lang, "kostnad", "cost"),
    };
    let source_kind = |k: Option<SourceKind>| match k {
        Some(SourceKind::Published) => t(lang, "publicerad", "published"),
        Some(SourceKind::Derived) => t(lang, "härledd", "derived"),
        Some(SourceKind::Estimate) => t(lang, "uppskattning", "estimate"),
        None => "",
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
            let header = [
                ("scenario", "scenario"),
                ("typ", "kind"),
                ("id", "id"),
                ("källa", "source"),
                ("källtyp", "source_kind"),
                ("t_co2e_totalt", "t_co2e_total"),
                ("andel_co2e_procent", "co2e_share_pct"),
                ("kommunens_netto_kr_totalt", "municipality_net_sek_total"),
                ("andel_netto_kr_procent", "net_sek_share_pct"),
            ];
            let mut rows: Vec<Vec<String>> = vec![t_row(lang, &header)];
            for (name, c) in &all {
                for x in &c.items {
                    rows.push(vec![
                        (*name).to_string(),
                        kind(x.kind).to_string(),
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
            let text = crate::text::write_rows(&rows, &[5, 6, 7, 8], dialect);
            Ok(calc_core::csvio::encode(&text, dialect.encoding))
        }
        Format::Table => {
            let mut out = String::new();
            for (name, c) in &all {
                out.push_str(&tf!(
                    lang,
                    "{name}: vad som driver resultatet över planperioden ({} t CO2e; kommunens netto {} kr)\n",
                    "{name}: what drives the result over the plan period ({} t CO2e; the municipality's net {} SEK)\n",
                    tonnes(c.co2e_total_kg, lang),
                    format_number(c.net_sek_total, 0, lang)
                ));
                let h_kind = t(lang, "typ", "kind");
                let h_src = t(lang, "källa", "source");
                let h_co2e = t(lang, "% av CO2e", "% of CO2e");
                let h_sek = t(lang, "% av kommunens kr", "% of municipal SEK");
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
                        kind(x.kind),
                        x.id,
                        src,
                        format_number(x.co2e_share_pct, 1, lang),
                        format_number(x.net_sek_share_pct, 1, lang),
                    ));
                }
                out.push_str(t(
                    lang,
                    "  Faktorerna och kostnaderna summerar till 100 %, liksom mängderna (avfallspoolerna) för sig; negativa andelar drar åt andra hållet.\n",
                    "  Factors and costs add up to 100 %, and so do the quantities (pools) on their own; negative shares pull the other way.\n",
                ));
            }
            Ok(out.into_bytes())
        }
    }
}
