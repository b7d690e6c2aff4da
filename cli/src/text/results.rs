//! The tables of `evaluate`: the header, the totals, per measure, per municipality and
//! (with `--detail`) per measure and municipality.

use super::{TextTable, measure_name, num, tco2e};
use crate::lang::{t, tf};
use crate::output::{percent, round};
use calc_core::csvio::Lang;
use calc_core::{Band, Evaluation, KgCo2e, Perspective, Sek, Summary};
use factors::Catalogue;
use rust_decimal::Decimal;
use std::fmt::Write as _;

fn band_row(label: &str, b: Band<Decimal>, dp: u32, lang: Lang) -> Vec<String> {
    vec![
        label.to_string(),
        num(b.low, dp, lang),
        num(b.central, dp, lang),
        num(b.high, dp, lang),
    ]
}

fn tonnes_band(b: Band<KgCo2e>) -> Band<Decimal> {
    Band {
        low: tco2e(b.low),
        central: tco2e(b.central),
        high: tco2e(b.high),
    }
}

fn sek_band(b: Band<Sek>) -> Band<Decimal> {
    Band {
        low: b.low.value(),
        central: b.central.value(),
        high: b.high.value(),
    }
}

pub(super) fn perspective_label(p: Perspective, lang: Lang) -> &'static str {
    match p {
        Perspective::Municipality => t(
            lang,
            "kommunen (avfallstaxan + budgeten)",
            "municipality (waste fee + budget)",
        ),
        Perspective::Society => t(
            lang,
            "kommunen + hushållen (ej samhällsekonomiskt)",
            "municipality + households (not a socio-economic figure)",
        ),
        Perspective::WasteFee => t(lang, "avfallstaxan", "waste fee"),
        Perspective::MunicipalBudget => t(lang, "kommunens budget", "municipal budget"),
        Perspective::Households => t(lang, "hushållen", "households"),
    }
}

/// The case's name and what it means.
pub(crate) fn case_line(case: calc_core::Case, lang: Lang) -> String {
    let what = match case {
        calc_core::Case::Expected => t(
            lang,
            "effekter från uppmätta utfall, med intervall",
            "effects from measured outcomes, with ranges",
        ),
        calc_core::Case::Ambition => t(
            lang,
            "varje åtgärd når sitt mål i planen",
            "every measure reaches its goal in the plan",
        ),
        calc_core::Case::Own => t(
            lang,
            "effekter ur scenariofilen",
            "effects from the scenario file",
        ),
    };
    let name = match lang {
        Lang::Sv => case.name_sv(),
        Lang::En => case.name_en(),
    };
    format!("{}: {name} ({what})", t(lang, "Fall", "Case"))
}

fn totals(e: &Evaluation, goal: Option<&Evaluation>, lang: Lang, out: &mut String) {
    let s = &e.total;
    let period = format!("{}–{}", e.period.start(), e.period.end());
    let mut table = TextTable::new(&[
        (t(lang, "Totalt", "Total"), false),
        (t(lang, "lågt", "low"), true),
        (t(lang, "centralt", "central"), true),
        (t(lang, "högt", "high"), true),
    ]);
    table.push(band_row(
        t(
            lang,
            "t CO2e per år (full effekt)",
            "t CO2e per year (full effect)",
        ),
        tonnes_band(s.co2e_saved_kg_per_year),
        1,
        lang,
    ));
    if let Some(g) = goal {
        table.push(band_row(
            t(
                lang,
                "  vid planens mål (om målen nås)",
                "  at the plan's goals (if they are reached)",
            ),
            tonnes_band(g.total.co2e_saved_kg_per_year),
            1,
            lang,
        ));
    }
    if !e.required_by_law_items.is_empty() {
        let label = if e.includes_required_by_law {
            t(
                lang,
                "  varav krävs enligt lag (ingår)",
                "  of which required by law (included)",
            )
        } else {
            t(
                lang,
                "  krävs enligt lag (ingår inte ovan)",
                "  required by law (not included above)",
            )
        };
        table.push(band_row(
            label,
            tonnes_band(e.required_by_law.co2e_saved_kg_per_year),
            1,
            lang,
        ));
    }
    let per_year = t(
        lang,
        "Netto kr per år, full effekt, utan engångskostnader",
        "Net SEK per year, full effect, one-time costs left out",
    );
    table.push(vec![
        per_year.to_string(),
        String::new(),
        String::new(),
        String::new(),
    ]);
    for p in [
        Perspective::Municipality,
        Perspective::WasteFee,
        Perspective::MunicipalBudget,
        Perspective::Households,
        Perspective::Society,
    ] {
        let indent = if matches!(p, Perspective::WasteFee | Perspective::MunicipalBudget) {
            "    "
        } else {
            "  "
        };
        table.push(band_row(
            &format!("{indent}{}", perspective_label(p, lang)),
            sek_band(s.net_sek_per_year(p).unwrap_or_default()),
            0,
            lang,
        ));
    }
    table.push(band_row(
        &format!("{} {period}", t(lang, "t CO2e totalt", "t CO2e total")),
        tonnes_band(s.co2e_saved_kg_cumulative),
        1,
        lang,
    ));
    let total = format!("{} {period}", t(lang, "Netto kr totalt", "Net SEK total"));
    let npv = t(lang, "Nuvärde kr", "Net present value SEK").to_string();
    for (label, figure) in [
        (
            &total,
            Summary::net_sek_cumulative as fn(&Summary, Perspective) -> _,
        ),
        (&npv, Summary::net_present_value),
    ] {
        for p in [Perspective::Municipality, Perspective::Society] {
            table.push(band_row(
                &format!("{label}, {}", perspective_label(p, lang)),
                sek_band(figure(s, p).unwrap_or_default()),
                0,
                lang,
            ));
        }
    }
    table.push(vec![
        format!(
            "{}, {}",
            t(lang, "Kr per t CO2e", "SEK per t CO2e"),
            perspective_label(Perspective::Municipality, lang)
        ),
        String::new(),
        cost_per_tonne(s, Perspective::Municipality, lang),
        String::new(),
    ]);
    table.render(out);
    let _ = writeln!(
        out,
        "{}",
        t(
            lang,
            "Sparade kronor är positiva, kostnader negativa; kr per t CO2e är positivt när det kostar. Nuvärde och totaler räknar med engångskostnaderna.",
            "Money saved is positive, costs negative; SEK per t CO2e is positive when it costs. Present values and totals include one-time costs."
        )
    );
    let _ = writeln!(
        out,
        "{}",
        t(
            lang,
            "Åtgärder på samma avfall verkar i avfallstrappans ordning (förebyggande, återanvändning, sortering) på det som är kvar efter de föregående; varje åtgärds resultat är vad den lägger till, och resultaten summerar till totalen.",
            "Measures on the same waste act in waste-hierarchy order (prevention, reuse, sorting) on what the ones before them left; each measure's result is what it adds, and the results add up to the total."
        )
    );
}

fn cost_per_tonne(s: &Summary, p: Perspective, lang: Lang) -> String {
    s.cost_per_tonne_for(p)
        .map_or_else(|| "–".to_string(), |c| num(c.value(), 0, lang))
}

fn summary_cells(s: &Summary, p: Perspective, lang: Lang) -> [String; 7] {
    let sek = |b: Option<Band<Sek>>| num(b.unwrap_or_default().central.value(), 0, lang);
    [
        num(s.tonnes_shifted_per_year.value(), 1, lang),
        num(tco2e(s.co2e_saved_kg_per_year.central), 1, lang),
        sek(s.net_sek_per_year(p)),
        num(
            s.net_sek_saved_per_year_by_payer.households.central.value(),
            0,
            lang,
        ),
        num(tco2e(s.co2e_saved_kg_cumulative.central), 1, lang),
        sek(s.net_sek_cumulative(p)),
        cost_per_tonne(s, p, lang),
    ]
}

fn figure_headers(p: Perspective, lang: Lang) -> Vec<(String, bool)> {
    let who = match p {
        Perspective::Municipality => t(lang, "kommunen", "municipality"),
        Perspective::Society => t(lang, "samhället", "society"),
        Perspective::WasteFee => t(lang, "taxan", "waste fee"),
        Perspective::MunicipalBudget => t(lang, "budgeten", "budget"),
        Perspective::Households => t(lang, "hushållen", "households"),
    };
    vec![
        (t(lang, "t/år", "t/yr").to_string(), true),
        (t(lang, "t CO2e/år", "t CO2e/yr").to_string(), true),
        (format!("{} {who}", t(lang, "kr/år", "SEK/yr")), true),
        (
            t(lang, "kr/år hushållen", "SEK/yr households").to_string(),
            true,
        ),
        (t(lang, "t CO2e totalt", "t CO2e total").to_string(), true),
        (format!("{} {who}", t(lang, "kr totalt", "SEK total")), true),
        (
            format!("{} {who}", t(lang, "kr/t CO2e", "SEK/t CO2e")),
            true,
        ),
    ]
}

/// A table of `lead` columns followed by the figure columns for `p`.
pub(super) fn figure_table(lead: &[(&str, bool)], p: Perspective, lang: Lang) -> TextTable {
    let figures = figure_headers(p, lang);
    let mut h = lead.to_vec();
    h.extend(figures.iter().map(|(a, b)| (a.as_str(), *b)));
    TextTable::new(&h)
}

/// A row of `lead` cells followed by the summary's figures for `p`.
pub(super) fn figure_row(
    mut lead: Vec<String>,
    s: &Summary,
    p: Perspective,
    lang: Lang,
) -> Vec<String> {
    lead.extend(summary_cells(s, p, lang));
    lead
}

/// "Prisnivå 2025" / "Price level 2025", or that each cost keeps its source's year.
pub(crate) fn price_level(year: Option<calc_core::Year>, lang: Lang) -> String {
    match year {
        Some(y) => tf!(
            lang,
            "kronor i prisnivå {y} (KPI)",
            "SEK at {y} prices (CPI)"
        ),
        None => t(
            lang,
            "kronor i källornas prisår",
            "SEK in each source's price year",
        )
        .to_string(),
    }
}

pub(super) fn header(e: &Evaluation, lang: Lang, out: &mut String) {
    let _ = writeln!(out, "Scenario: {}", calc_core::csvio::shown(&e.scenario));
    let set = &e.factor_set;
    let _ = writeln!(
        out,
        "{}: {} ({}, {} {}) · {} · {}: {}–{} · {}: {}",
        t(lang, "Faktoruppsättning", "Factor set"),
        set.id,
        set.name,
        t(lang, "version", "version"),
        set.version,
        price_level(set.price_year, lang),
        t(lang, "Planperiod", "Plan period"),
        e.period.start(),
        e.period.end(),
        t(lang, "Diskonteringsränta", "Discount rate"),
        percent(e.discount_rate, lang),
    );
    out.push('\n');
}

/// A municipality's name as the evaluation's items carry it (a municipality from
/// `--municipalities` too), or its code.
fn municipality_name(e: &Evaluation, code: &calc_core::ScbCode) -> String {
    e.items
        .iter()
        .chain(&e.required_by_law_items)
        .find(|i| &i.municipality == code)
        .map_or_else(|| code.to_string(), |i| i.municipality_name.clone())
}

/// Each municipality's figures per inhabitant, with the population the evaluation used.
fn per_inhabitant(e: &Evaluation) -> Vec<calc_core::PerInhabitant> {
    e.by_municipality
        .iter()
        .filter_map(|g| {
            let figures = g.summary.per_inhabitant(e.population_of(&g.key)?)?;
            Some(calc_core::PerInhabitant {
                municipality: g.key.clone(),
                figures,
            })
        })
        .collect()
}

/// The own figures an evaluation rests on: (municipality, "pool: source (year)"), once
/// each, in the order of the items.
fn own_figures_used(e: &Evaluation) -> Vec<(calc_core::ScbCode, String)> {
    let mut out: Vec<(calc_core::ScbCode, String)> = Vec::new();
    for i in &e.items {
        if let Some(o) = &i.own_figures {
            let text = format!("{}: {} ({})", i.pool, o.source, o.year);
            if !out.iter().any(|(c, x)| *c == i.municipality && *x == text) {
                out.push((i.municipality.clone(), text));
            }
        }
    }
    out
}

/// The note under the per-municipality table naming the own figures behind a `*`.
fn own_figures_note(own: &[(calc_core::ScbCode, String)], lang: Lang, out: &mut String) {
    if own.is_empty() {
        return;
    }
    let list: Vec<String> = own.iter().map(|(c, x)| format!("{c} {x}")).collect();
    let _ = writeln!(
        out,
        "{} {}",
        t(
            lang,
            "* kommunens egna siffror i stället för standardvärdena:",
            "* the municipality's own figures instead of the defaults:"
        ),
        list.join("; ")
    );
}

/// Totals and a per-measure table for each evaluation.
pub(crate) fn evaluation_tables(
    catalogue: &Catalogue,
    evaluations: &[(Evaluation, Option<Evaluation>)],
    lang: Lang,
    detail: bool,
) -> String {
    let mut out = String::new();
    for (i, (e, goal)) in evaluations.iter().enumerate() {
        let goal = goal.as_ref();
        if i > 0 {
            out.push('\n');
        }
        header(e, lang, &mut out);
        let _ = writeln!(out, "{}", case_line(e.case, lang));
        out.push('\n');
        totals(e, goal, lang, &mut out);
        out.push('\n');
        let _ = writeln!(
            out,
            "{}",
            t(
                lang,
                "Per åtgärd (alla kommuner)",
                "Per measure (all municipalities)"
            )
        );
        let goal_header = t(lang, "t CO2e/år vid målet", "t CO2e/yr at goal");
        let mut lead = vec![
            (t(lang, "åtgärd", "measure"), false),
            (t(lang, "namn", "name"), false),
        ];
        if goal.is_some() {
            lead.push((goal_header, true));
        }
        let mut table = figure_table(&lead, Perspective::Municipality, lang);
        for g in &e.by_measure {
            let mut cells = vec![
                g.key.to_string(),
                measure_name(catalogue, g.key.as_str(), lang),
            ];
            if let Some(goal) = goal {
                let at_goal = goal
                    .by_measure
                    .iter()
                    .find(|x| x.key == g.key)
                    .map_or(Decimal::ZERO, |x| {
                        tco2e(x.summary.co2e_saved_kg_per_year.central)
                    });
                cells.push(num(at_goal, 1, lang));
            }
            table.push(figure_row(
                cells,
                &g.summary,
                Perspective::Municipality,
                lang,
            ));
        }
        table.render(&mut out);
        if goal.is_some() {
            let _ = writeln!(
                out,
                "{}",
                t(
                    lang,
                    "\"t CO2e/år vid målet\": åtgärden om den når planens mål; skillnaden mot t CO2e/år (förväntat) är det som vilar på förhoppning.",
                    "\"t CO2e/yr at goal\": the measure if it reaches the plan's goal; the difference from t CO2e/yr (expected) is what rests on hope."
                )
            );
        }
        if !e.required_by_law_items.is_empty() {
            let _ = writeln!(
                out,
                "{}",
                t(
                    lang,
                    "Krävs enligt lag (referensbanan: händer utan planen, räknas inte som planens)",
                    "Required by law (the reference path: happens without the plan, not counted as the plan's)"
                )
            );
            let mut table = figure_table(
                &[
                    (t(lang, "skyldighet", "duty"), false),
                    (t(lang, "namn", "name"), false),
                ],
                Perspective::Municipality,
                lang,
            );
            for g in &e.required_by_law_by_duty {
                let id = &g.key;
                let name = catalogue
                    .legal_duties
                    .iter()
                    .find(|m| &m.id == id)
                    .map_or_else(
                        || id.to_string(),
                        |m| match lang {
                            Lang::Sv => m.name_sv.clone(),
                            Lang::En => m.name_en.clone(),
                        },
                    );
                table.push(figure_row(
                    vec![id.to_string(), name],
                    &g.summary,
                    Perspective::Municipality,
                    lang,
                ));
            }
            table.render(&mut out);
        }
        out.push('\n');
        let _ = writeln!(out, "{}", t(lang, "Per kommun", "Per municipality"));
        let mut table = figure_table(
            &[
                (t(lang, "kod", "code"), false),
                (t(lang, "kommun", "municipality"), false),
            ],
            Perspective::Municipality,
            lang,
        );
        let own = own_figures_used(e);
        for g in &e.by_municipality {
            let mut name = municipality_name(e, &g.key);
            if own.iter().any(|(code, _)| *code == g.key) {
                name.push_str(" *");
            }
            table.push(figure_row(
                vec![g.key.to_string(), name],
                &g.summary,
                Perspective::Municipality,
                lang,
            ));
        }
        table.render(&mut out);
        own_figures_note(&own, lang, &mut out);
        out.push('\n');
        super::per_inhabitant_table(
            &per_inhabitant(e),
            (e.by_municipality.len() > 1)
                .then(|| e.total.per_inhabitant(e.population()))
                .flatten(),
            |code| municipality_name(e, code),
            lang,
            &mut out,
        );
        if detail {
            out.push('\n');
            let _ = writeln!(
                out,
                "{}",
                t(
                    lang,
                    "Per åtgärd och kommun",
                    "Per measure and municipality"
                )
            );
            let mut table = figure_table(
                &[
                    (t(lang, "åtgärd", "measure"), false),
                    (t(lang, "kommun", "municipality"), false),
                    (t(lang, "avfallspool", "pool"), false),
                    (t(lang, "ordning", "order"), true),
                    (t(lang, "effekt", "effect"), true),
                    (t(lang, "start", "start"), true),
                    (t(lang, "full", "full"), true),
                ],
                Perspective::Municipality,
                lang,
            );
            for item in &e.items {
                let lead = vec![
                    item.measure.0.clone(),
                    item.municipality_name.clone(),
                    if item.own_figures.is_some() {
                        format!("{} *", item.pool)
                    } else {
                        item.pool.0.clone()
                    },
                    item.order_in_pool.to_string(),
                    percent(
                        calc_core::Share::new(round(item.effect.value(), 4)).unwrap_or(item.effect),
                        lang,
                    ),
                    item.start_year.to_string(),
                    item.full_effect_year.to_string(),
                ];
                table.push(figure_row(
                    lead,
                    &item.summary,
                    Perspective::Municipality,
                    lang,
                ));
            }
            table.render(&mut out);
        }
        if !e.warnings.is_empty() {
            out.push('\n');
            let _ = writeln!(out, "{}", t(lang, "Att kontrollera:", "To check:"));
            for w in &e.warnings {
                let _ = writeln!(out, "  {w}");
            }
        }
    }
    out
}
