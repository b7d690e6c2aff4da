//! "Mål och uppföljning": each target in each chosen municipality (base, straight path,
//! actuals, projection, target year; a table alternative), status badges, the measures'
//! contributions as bars, and the forms for own figures, actuals and targets. Everything
//! is computed by calc-core's `progress` from the same pooled model as the results.

use super::gap_package::GapPackage;
use crate::chart::px;
use crate::follow_up::{ActualRow, FollowUp, OwnRow, TargetRow, own_figure};
use crate::format;
use crate::hooks::use_app_cat;
use crate::settings::{Settings, catalogue};
use crate::state::Action;
use calc_core::csvio::Lang;
use calc_core::{Indicator, Progress, Route, Status, TargetReport, progress};
use rust_decimal::Decimal;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

fn tr(lang: Lang, sv: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Sv => sv,
        Lang::En => en,
    }
}

/// What the section shows, computed once per change of the settings.
#[derive(PartialEq)]
struct Computed {
    report: Result<TargetReport, String>,
    texts: Vec<(String, String)>,
    problems: Vec<String>,
}

fn compute(s: &Settings) -> Computed {
    let Some(cat) = catalogue() else {
        return Computed {
            report: Err("built-in data did not load".into()),
            texts: Vec::new(),
            problems: Vec::new(),
        };
    };
    let scenario = s.to_scenario(cat);
    let (own, mut problems) = s.follow_up.own_figures(cat);
    let pools = own.apply_to_pools(&cat.pools);
    let towns: Vec<_> = s.chosen(cat).into_iter().cloned().collect();
    let (targets, p2) = s.follow_up.targets(cat);
    problems.extend(p2);
    let texts = targets
        .iter()
        .map(|t| (t.id.clone(), t.text_sv.clone()))
        .collect();
    let report = match cat.current_set() {
        Some(table) => progress(
            table,
            &scenario,
            &pools,
            &towns,
            &targets,
            &s.follow_up.actuals(),
            &own,
        )
        .map_err(|e| e.to_string()),
        None => Err("no factor set".into()),
    };
    Computed {
        report,
        texts,
        problems,
    }
}

fn value(d: Decimal, lang: Lang) -> String {
    format::number(d, 1, lang)
}

fn status_text(s: Status, lang: Lang) -> &'static str {
    s.name(lang)
}

fn unit(i: Indicator, lang: Lang) -> &'static str {
    i.unit(lang)
}

const W: f64 = 360.0;
const H: f64 = 150.0;
const L: f64 = 40.0;
const R: f64 = 10.0;
const T: f64 = 10.0;
const B: f64 = 24.0;

/// The chart: path (dashed), projection (solid), actuals (dots), target year (line).
fn chart(p: &Progress, lang: Lang) -> Html {
    let ys: Vec<f64> = p
        .years
        .iter()
        .flat_map(|y| {
            [px(y.path), px(y.projected)]
                .into_iter()
                .chain(y.actual.map(px))
        })
        .collect();
    let lo = ys.iter().copied().fold(f64::INFINITY, f64::min).min(0.0);
    let hi = ys
        .iter()
        .copied()
        .fold(f64::NEG_INFINITY, f64::max)
        .max(lo + 1.0);
    let first = p.years.first().map_or(0.0, |y| f64::from(y.year.get()));
    let last = p
        .years
        .last()
        .map_or(1.0, |y| f64::from(y.year.get()))
        .max(first + 1.0);
    let x = |year: u16| L + (f64::from(year) - first) / (last - first) * (W - L - R);
    let y = |v: f64| T + (hi - v) / (hi - lo) * (H - T - B);
    let line = |f: &dyn Fn(&calc_core::YearPoint) -> f64| -> String {
        p.years
            .iter()
            .map(|pt| format!("{:.1},{:.1}", x(pt.year.get()), y(f(pt))))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let tx = x(p.target_year.get());
    let label = format!(
        "{}: {} {} {} → {} {} {}; {} {}",
        tr(lang, "Bas", "Base"),
        p.base_year,
        value(p.base_value, lang),
        unit(p.indicator, lang),
        p.target_year,
        value(p.target_value, lang),
        unit(p.indicator, lang),
        tr(lang, "prognos", "projected"),
        value(p.projected_value, lang)
    );
    html! {
        <svg viewBox={format!("0 0 {W} {H}")} class="chart-svg target-chart" role="img" aria-label={label}>
            <line x1={format!("{L}")} y1={format!("{:.1}", y(0.0_f64.max(lo)))} x2={format!("{}", W - R)} y2={format!("{:.1}", y(0.0_f64.max(lo)))} class="axis" stroke="currentColor" stroke-opacity="0.4" />
            <text x="2" y={format!("{:.1}", y(hi) + 8.0)} font-size="10">{ format::tick(hi, 0, lang) }</text>
            <text x="2" y={format!("{:.1}", y(lo))} font-size="10">{ format::tick(lo, 0, lang) }</text>
            <text x={format!("{L}")} y={format!("{}", H - 6.0)} font-size="10">{ format!("{first}") }</text>
            <text x={format!("{}", W - R - 24.0)} y={format!("{}", H - 6.0)} font-size="10">{ format!("{last}") }</text>
            <line x1={format!("{tx:.1}")} y1={format!("{T}")} x2={format!("{tx:.1}")} y2={format!("{}", H - B)} stroke="currentColor" stroke-dasharray="2 3" class="target-year" />
            <polyline points={line(&|pt| px(pt.path))} fill="none" stroke="#777" stroke-dasharray="5 4" stroke-width="2" class="path-line" />
            <polyline points={line(&|pt| px(pt.projected))} fill="none" stroke="#1b6e4c" stroke-width="2.5" class="projection-line" />
            { for p.years.iter().filter_map(|pt| pt.actual.map(|a| (pt.year.get(), a))).map(|(yr, a)| html! {
                <circle cx={format!("{:.1}", x(yr))} cy={format!("{:.1}", y(px(a)))} r="4" fill="#b3261e" class="actual-dot" />
            }) }
        </svg>
    }
}

fn years_table(p: &Progress, lang: Lang) -> Html {
    html! {
        <details class="target-table">
            <summary>{ tr(lang, "Visa som tabell", "Show as a table") }</summary>
            <div class="table-scroll">
            <table>
                <thead><tr>
                    <th scope="col">{ tr(lang, "År", "Year") }</th>
                    <th scope="col">{ tr(lang, "Rak linje", "Path") }</th>
                    <th scope="col">{ tr(lang, "Prognos", "Projected") }</th>
                    <th scope="col">{ tr(lang, "Utfall", "Actual") }</th>
                </tr></thead>
                <tbody>
                    { for p.years.iter().map(|y| html! {
                        <tr>
                            <th scope="row">{ y.year.to_string() }</th>
                            <td>{ value(y.path, lang) }</td>
                            <td>{ value(y.projected, lang) }</td>
                            <td>{ y.actual.map(|a| value(a, lang)).unwrap_or_default() }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        </details>
    }
}

fn contributions(p: &Progress, lang: Lang) -> Html {
    let shown: Vec<_> = p
        .contributions
        .iter()
        .filter(|c| !c.change.round_dp(2).is_zero())
        .collect();
    if shown.is_empty() {
        return html! { <p class="hint">{ tr(lang, "Inga påslagna åtgärder påverkar målet.", "No measure switched on changes this indicator.") }</p> };
    }
    let max = shown
        .iter()
        .map(|c| px(c.change.abs()))
        .fold(0.0_f64, f64::max)
        .max(1e-9);
    html! {
        <ul class="contribution-bars" aria-label={tr(lang, "Åtgärdernas bidrag målåret", "The measures' contributions in the target year")}>
            { for shown.iter().map(|c| {
                let name = catalogue()
                    .and_then(|cat| cat.measure(c.measure.as_str()))
                    .map_or_else(|| c.measure.0.clone(), |m| super::measure_name(m, lang).to_string());
                let pct = px(c.change.abs()) / max * 100.0;
                let sign = if c.change > Decimal::ZERO { "+" } else { "" };
                html! {
                    <li>
                        <span class="bar-label">{ name }</span>
                        <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                            <rect width={format!("{pct:.1}")} height="10" />
                        </svg>
                        <span class="bar-value">{ format!("{sign}{} {}", value(c.change, lang), unit(p.indicator, lang)) }</span>
                    </li>
                }
            }) }
        </ul>
    }
}

fn input_text(r: &NodeRef) -> String {
    r.cast::<HtmlInputElement>()
        .map(|e| e.value())
        .unwrap_or_default()
}

fn select_text(r: &NodeRef) -> String {
    r.cast::<HtmlSelectElement>()
        .map(|e| e.value())
        .unwrap_or_default()
}

fn year_of(text: &str) -> Option<u16> {
    text.trim()
        .parse::<u16>()
        .ok()
        .filter(|y| (1900..=2200).contains(y))
}

/// The section.
#[function_component]
pub fn TargetsSection() -> Html {
    let own_error = use_state(|| None::<String>);
    let actual_error = use_state(|| None::<String>);
    let target_error = use_state(|| None::<String>);
    let refs: Vec<NodeRef> = (0..20).map(|_| NodeRef::default()).collect();
    let refs = use_state(|| refs);
    let settings_key = use_app_cat().map(|(s, _, _)| s.settings.clone());
    let computed = use_memo(settings_key, |s| s.as_ref().map(compute).map(Rc::new));
    let Some((store, lang, cat)) = use_app_cat() else {
        return html! {};
    };
    let Some(computed) = computed.as_ref().clone() else {
        return html! {};
    };
    let follow = store.settings.follow_up.clone();
    let set = {
        let store = store.clone();
        Callback::from(move |f: FollowUp| store.dispatch(Action::SetFollowUp(f)))
    };
    let r = |i: usize| refs.get(i).cloned().unwrap_or_default();
    let chosen = store.settings.chosen(cat);
    let name_of = |code: &str| {
        cat.municipalities
            .iter()
            .find(|k| k.code.as_str() == code)
            .map_or_else(|| code.to_string(), |k| k.name.clone())
    };
    let pool_name = |id: &str| {
        cat.pools.iter().find(|p| p.id.as_str() == id).map_or_else(
            || id.to_string(),
            |p| match lang {
                Lang::Sv => p.name_sv.clone(),
                Lang::En => p.name_en.clone(),
            },
        )
    };

    // Own figures form: municipality 0, pool 1, year 2, tonnes 3, digestion % 4,
    // incineration % 5, source 6.
    let add_own = {
        let (set, follow, err, refs) =
            (set.clone(), follow.clone(), own_error.clone(), refs.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let g = |i: usize| refs.get(i).cloned().unwrap_or_default();
            let Some(cat) = catalogue() else { return };
            let mut shares = std::collections::BTreeMap::new();
            for (i, route) in [(4, Route::AnaerobicDigestion), (5, Route::Incineration)] {
                if let Some(v) = format::parse_input(&input_text(&g(i))) {
                    shares.insert(route.id().to_string(), v);
                }
            }
            let row = OwnRow {
                municipality: select_text(&g(0)),
                pool: select_text(&g(1)),
                year: year_of(&input_text(&g(2))).unwrap_or(2024),
                tonnes: format::parse_input(&input_text(&g(3))),
                kg_per_inhabitant: None,
                g_per_portion: None,
                shares_pct: shares,
                source: input_text(&g(6)).trim().to_string(),
            };
            if row.source.is_empty() {
                err.set(Some("källa / source".into()));
                return;
            }
            match own_figure(&row, cat) {
                Ok(_) => {
                    err.set(None);
                    let mut f = follow.clone();
                    f.own
                        .retain(|x| !(x.municipality == row.municipality && x.pool == row.pool));
                    f.own.push(row);
                    set.emit(f);
                }
                Err(e) => err.set(Some(e)),
            }
        })
    };
    // Actuals form: municipality 7, indicator 8, year 9, value 10.
    let add_actual = {
        let (set, follow, err, refs) = (
            set.clone(),
            follow.clone(),
            actual_error.clone(),
            refs.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let g = |i: usize| refs.get(i).cloned().unwrap_or_default();
            let (Some(year), Some(v)) = (
                year_of(&input_text(&g(9))),
                format::parse_input(&input_text(&g(10))),
            ) else {
                err.set(Some("år och värde / year and value".into()));
                return;
            };
            err.set(None);
            let row = ActualRow {
                municipality: select_text(&g(7)),
                indicator: select_text(&g(8)),
                year,
                value: v,
            };
            let mut f = follow.clone();
            f.actuals.retain(|a| {
                !(a.municipality == row.municipality
                    && a.indicator == row.indicator
                    && a.year == row.year)
            });
            f.actuals.push(row);
            set.emit(f);
        })
    };
    // Target form: id 11, indicator 12, pool 13, base year 14, base value 15, target value
    // 16, change % 17, target year 18.
    let add_target = {
        let (set, follow, err, refs) = (
            set.clone(),
            follow.clone(),
            target_error.clone(),
            refs.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let g = |i: usize| refs.get(i).cloned().unwrap_or_default();
            let Some(cat) = catalogue() else { return };
            let pool = select_text(&g(13));
            let row = TargetRow {
                id: input_text(&g(11)).trim().to_string(),
                text: input_text(&g(11)).trim().to_string(),
                indicator: select_text(&g(12)),
                pools: if pool.is_empty() {
                    Vec::new()
                } else {
                    vec![pool]
                },
                base_year: year_of(&input_text(&g(14))).unwrap_or(2021),
                base_value: format::parse_input(&input_text(&g(15))),
                target_value: format::parse_input(&input_text(&g(16))),
                change_pct: format::parse_input(&input_text(&g(17))),
                target_year: year_of(&input_text(&g(18))).unwrap_or(2030),
                bases: Vec::new(),
            };
            if row.id.is_empty() {
                err.set(Some("id".into()));
                return;
            }
            match row.to_target() {
                Ok(_) => {
                    err.set(None);
                    let mut rows = follow.target_rows(cat);
                    rows.retain(|t| t.id != row.id);
                    rows.push(row);
                    let mut f = follow.clone();
                    f.targets = Some(rows);
                    set.emit(f);
                }
                Err(e) => err.set(Some(e)),
            }
        })
    };
    let remove_own = |i: usize| {
        let (set, follow) = (set.clone(), follow.clone());
        Callback::from(move |_| {
            let mut f = follow.clone();
            if i < f.own.len() {
                f.own.remove(i);
            }
            set.emit(f);
        })
    };
    let remove_actual = |i: usize| {
        let (set, follow) = (set.clone(), follow.clone());
        Callback::from(move |_| {
            let mut f = follow.clone();
            if i < f.actuals.len() {
                f.actuals.remove(i);
            }
            set.emit(f);
        })
    };
    let remove_target = |id: String| {
        let (set, follow) = (set.clone(), follow.clone());
        Callback::from(move |_| {
            let Some(cat) = catalogue() else { return };
            let mut f = follow.clone();
            let mut rows = f.target_rows(cat);
            rows.retain(|t| t.id != id);
            f.targets = Some(rows);
            set.emit(f);
        })
    };
    let reset_targets = {
        let (set, follow) = (set.clone(), follow.clone());
        Callback::from(move |_| {
            let mut f = follow.clone();
            f.targets = None;
            set.emit(f);
        })
    };
    let municipality_options = |selected: Option<&str>| -> Html {
        html! { <>{ for cat.municipalities.iter().map(|k| html! {
            <option value={k.code.0.clone()} selected={selected == Some(k.code.as_str())}>{ k.name.clone() }</option>
        }) }</> }
    };
    let first_chosen = chosen.first().map(|k| k.code.0.clone());
    let indicator_options = html! { <>{ for Indicator::ALL.iter().map(|i| html! {
        <option value={i.id()}>{ format!("{} ({})", i.name(lang), i.unit(lang)) }</option>
    }) }</> };

    let body = match &computed.report {
        Err(e) => html! { <p class="alert" role="alert">{ e.clone() }</p> },
        Ok(report) if report.progress.is_empty() => html! {
            <p class="hint">{ tr(lang, "Välj en kommun för att följa målen.", "Choose a municipality to follow the targets.") }</p>
        },
        Ok(report) => html! {
            <div class="target-grid">
                { for report.progress.iter().map(|p| {
                    let text = computed.texts.iter().find(|(id, _)| *id == p.target).map(|(_, t)| t.clone()).unwrap_or_default();
                    let title = if text.is_empty() { p.target.clone() } else { text };
                    let base_from = match p.base_from {
                        calc_core::BaseFrom::Target => tr(lang, "målets basvärde", "the target's base"),
                        calc_core::BaseFrom::Municipality => tr(lang, "kommunens basvärde", "the municipality's base"),
                        calc_core::BaseFrom::Model { own_figures: false } => tr(lang, "modellen (standardvärden)", "the model (defaults)"),
                        calc_core::BaseFrom::Model { own_figures: true } => tr(lang, "modellen, kommunens egna siffror", "the model, the municipality's own figures"),
                    };
                    html! {
                        <article class="target-card" data-testid={format!("target-{}-{}", p.target, p.municipality.as_str())}>
                            <h3>{ format!("{} – {}", name_of(p.municipality.as_str()), title) }</h3>
                            <p>
                                <span class={classes!("badge", "status", format!("status-{}", p.status.id()))} data-testid="target-status">{ status_text(p.status, lang) }</span>
                                if !p.own_figures.is_empty() {
                                    <span class="badge own-figures" data-testid="own-figures-badge">{ tr(lang, "Egna siffror", "Own figures") }</span>
                                }
                            </p>
                            <dl class="target-figures">
                                <dt>{ tr(lang, "Bas", "Base") }</dt>
                                <dd>{ format!("{} {} ({}, {})", value(p.base_value, lang), unit(p.indicator, lang), p.base_year, base_from) }</dd>
                                <dt>{ tr(lang, "Mål", "Target") }</dt>
                                <dd>{ format!("{} {} ({})", value(p.target_value, lang), unit(p.indicator, lang), p.target_year) }</dd>
                                <dt>{ tr(lang, "Prognos målåret", "Projected in the target year") }</dt>
                                <dd data-testid="target-projected">{ format!("{} {}", value(p.projected_value, lang), unit(p.indicator, lang)) }</dd>
                                <dt>{ tr(lang, "Gap", "Gap") }</dt>
                                <dd data-testid="target-gap">{ value(p.gap, lang) }</dd>
                            </dl>
                            { chart(p, lang) }
                            { years_table(p, lang) }
                            { contributions(p, lang) }
                            if p.gap > Decimal::ZERO {
                                <GapPackage
                                    target={p.target.clone()}
                                    municipality={p.municipality.to_string()}
                                    unit={unit(p.indicator, lang)} />
                            }
                        </article>
                    }
                }) }
            </div>
        },
    };
    let target_rows = follow.target_rows(cat);
    html! {
        <section class="panel targets no-print" id="targets" aria-labelledby="targets-title" data-testid="targets">
            <h2 id="targets-title">{ tr(lang, "Mål och uppföljning", "Targets and follow-up") }</h2>
            <p class="hint">{ tr(lang,
                "Planens mål per kommun: den raka linjen från basvärdet till målet (streckad), utfallen (punkter), prognosen från de påslagna åtgärderna (heldragen) och målåret. Status: det senaste utfallet mot linjen, utan utfall prognosen.",
                "The plan's targets per municipality: the straight path from base to target (dashed), the actuals (dots), the projection of the measures switched on (solid) and the target year. Status: the latest actual against the path, without actuals the projection.") }</p>
            if !computed.problems.is_empty() {
                <ul class="alert" role="alert">{ for computed.problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ul>
            }
            { body }
            <div class="follow-up-forms no-print">
                <super::follow_up_files::FollowUpFiles />
                <form class="follow-up-form" onsubmit={add_own} data-testid="own-form">
                    <h3>{ tr(lang, "Kommunens egna siffror", "The municipality's own figures") }</h3>
                    <p class="hint">{ tr(lang, "Uppmätt mängd och fördelning ersätter standardvärdena för kommunen (docs/targets.sv.md: plockanalys, vågdata, Kolada).", "Measured quantity and shares replace the defaults for the municipality (docs/targets.en.md: pick analyses, weighbridge data, Kolada).") }</p>
                    <label>{ tr(lang, "Kommun", "Municipality") }<select ref={r(0)} data-testid="own-municipality">{ municipality_options(first_chosen.as_deref()) }</select></label>
                    <label>{ tr(lang, "Avfallspool", "Pool") }<select ref={r(1)} data-testid="own-pool">
                        { for cat.pools.iter().map(|p| html! { <option value={p.id.0.clone()} selected={p.id.as_str() == "household_food"}>{ pool_name(p.id.as_str()) }</option> }) }
                    </select></label>
                    <label>{ tr(lang, "År", "Year") }<input ref={r(2)} type="text" inputmode="numeric" value="2024" data-testid="own-year" /></label>
                    <label>{ tr(lang, "Ton per år", "Tonnes per year") }<input ref={r(3)} type="text" inputmode="decimal" data-testid="own-tonnes" /></label>
                    <label>{ tr(lang, "Till rötning, %", "To digestion, %") }<input ref={r(4)} type="text" inputmode="decimal" data-testid="own-digestion" /></label>
                    <label>{ tr(lang, "Till förbränning, %", "To incineration, %") }<input ref={r(5)} type="text" inputmode="decimal" data-testid="own-incineration" /></label>
                    <label>{ tr(lang, "Källa", "Source") }<input ref={r(6)} type="text" data-testid="own-source" /></label>
                    <button type="submit" data-testid="own-add">{ tr(lang, "Lägg till", "Add") }</button>
                    if let Some(e) = own_error.as_ref() { <p class="alert" role="alert">{ e.clone() }</p> }
                    <ul data-testid="own-list">{ for follow.own.iter().enumerate().map(|(i, o)| html! {
                        <li>
                            { format!("{}, {}: {} ({}, {})", name_of(&o.municipality), pool_name(&o.pool),
                                o.tonnes.map(|t| format!("{} t", value(t, lang))).unwrap_or_default(), o.source, o.year) }
                            <button type="button" class="button-secondary" onclick={remove_own(i)}>{ tr(lang, "Ta bort", "Remove") }</button>
                        </li>
                    }) }</ul>
                </form>
                <form class="follow-up-form" onsubmit={add_actual} data-testid="actual-form">
                    <h3>{ tr(lang, "Utfall", "Actuals") }</h3>
                    <label>{ tr(lang, "Kommun", "Municipality") }<select ref={r(7)} data-testid="actual-municipality">{ municipality_options(first_chosen.as_deref()) }</select></label>
                    <label>{ tr(lang, "Indikator", "Indicator") }<select ref={r(8)} data-testid="actual-indicator">{ indicator_options.clone() }</select></label>
                    <label>{ tr(lang, "År", "Year") }<input ref={r(9)} type="text" inputmode="numeric" data-testid="actual-year" /></label>
                    <label>{ tr(lang, "Värde", "Value") }<input ref={r(10)} type="text" inputmode="decimal" data-testid="actual-value" /></label>
                    <button type="submit" data-testid="actual-add">{ tr(lang, "Lägg till", "Add") }</button>
                    if let Some(e) = actual_error.as_ref() { <p class="alert" role="alert">{ e.clone() }</p> }
                    <ul data-testid="actual-list">{ for follow.actuals.iter().enumerate().map(|(i, a)| html! {
                        <li>
                            { format!("{}, {} {}: {}", name_of(&a.municipality), a.indicator, a.year, value(a.value, lang)) }
                            <button type="button" class="button-secondary" onclick={remove_actual(i)}>{ tr(lang, "Ta bort", "Remove") }</button>
                        </li>
                    }) }</ul>
                </form>
                <form class="follow-up-form" onsubmit={add_target} data-testid="target-form">
                    <h3>{ tr(lang, "Mål", "Targets") }</h3>
                    <ul data-testid="target-list">{ for target_rows.iter().map(|t| html! {
                        <li>
                            { format!("{}: {} {}", t.id, t.indicator,
                                t.target_value.map(|v| value(v, lang)).or_else(|| t.change_pct.map(|c| format!("{} %", value(c, lang)))).unwrap_or_default()) }
                            { format!(" ({}→{})", t.base_year, t.target_year) }
                            <button type="button" class="button-secondary" onclick={remove_target(t.id.clone())}>{ tr(lang, "Ta bort", "Remove") }</button>
                        </li>
                    }) }</ul>
                    if follow.targets.is_some() {
                        <button type="button" class="button-secondary" onclick={reset_targets}>{ tr(lang, "Tillbaka till planens mål", "Back to the plan's targets") }</button>
                    }
                    <label>{ tr(lang, "Id och text", "Id and text") }<input ref={r(11)} type="text" data-testid="target-id" /></label>
                    <label>{ tr(lang, "Indikator", "Indicator") }<select ref={r(12)}>{ indicator_options }</select></label>
                    <label>{ tr(lang, "Avfallspool", "Pool") }<select ref={r(13)}>
                        <option value="">{ tr(lang, "Alla", "All") }</option>
                        { for cat.pools.iter().map(|p| html! { <option value={p.id.0.clone()}>{ pool_name(p.id.as_str()) }</option> }) }
                    </select></label>
                    <label>{ tr(lang, "Basår", "Base year") }<input ref={r(14)} type="text" inputmode="numeric" value="2021" /></label>
                    <label>{ tr(lang, "Basvärde (tomt: modellen)", "Base value (empty: the model)") }<input ref={r(15)} type="text" inputmode="decimal" /></label>
                    <label>{ tr(lang, "Målvärde", "Target value") }<input ref={r(16)} type="text" inputmode="decimal" /></label>
                    <label>{ tr(lang, "eller förändring, %", "or change, %") }<input ref={r(17)} type="text" inputmode="decimal" /></label>
                    <label>{ tr(lang, "Målår", "Target year") }<input ref={r(18)} type="text" inputmode="numeric" value="2030" /></label>
                    <button type="submit">{ tr(lang, "Lägg till mål", "Add target") }</button>
                    if let Some(e) = target_error.as_ref() { <p class="alert" role="alert">{ e.clone() }</p> }
                </form>
            </div>
        </section>
    }
}
