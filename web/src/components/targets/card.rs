//! One target's card: a status table for every chosen municipality and, for the one picked
//! in the card, the chart (base, straight path, actuals, projection, target year; a table
//! alternative) and the measures' contributions as bars.

use crate::chart::px;
use crate::components::gap_package::GapPackage;
use crate::components::scroll_box::ScrollBox;
use crate::follow_up::OwnFigureInput;
use crate::format;
use crate::hooks::use_app_cat;
use crate::i18n::{K, KTargets, Lang, t, tf};
use crate::settings::catalogue;
use calc_core::{Indicator, Progress, Status};
use rust_decimal::Decimal;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

pub(super) fn value(d: Decimal, lang: Lang) -> String {
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
/// Text size in chart units: 360 units drawn about 300 px wide on a 390 px phone, so 13.5
/// units are at least 11 px there.
const FONT: &str = "13.5";

/// The chart: path (dashed), projection (solid), actuals (dots), target year (line).
fn chart(p: &Progress, town: &str, lang: Lang) -> Html {
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
    let label = tf(
        lang,
        KTargets::ChartLabel,
        &[
            ("town", &town),
            ("base_year", &p.base_year),
            ("base", &value(p.base_value, lang)),
            ("unit", &unit(p.indicator, lang)),
            ("target_year", &p.target_year),
            ("target", &value(p.target_value, lang)),
            ("projected", &value(p.projected_value, lang)),
        ],
    );
    html! {
        <svg viewBox={format!("0 0 {W} {H}")} class="chart-svg target-chart" role="img" aria-label={label}>
            <line x1={format!("{L}")} y1={format!("{:.1}", y(0.0_f64.max(lo)))} x2={format!("{}", W - R)} y2={format!("{:.1}", y(0.0_f64.max(lo)))} class="axis" stroke="currentColor" stroke-opacity="0.4" />
            <text x="2" y={format!("{:.1}", y(hi) + 11.0)} font-size={FONT}>{ format::tick(hi, 0, lang) }</text>
            <text x="2" y={format!("{:.1}", y(lo))} font-size={FONT}>{ format::tick(lo, 0, lang) }</text>
            <text x={format!("{L}")} y={format!("{}", H - 6.0)} font-size={FONT}>{ format!("{first}") }</text>
            <text x={format!("{}", W - R - 33.0)} y={format!("{}", H - 6.0)} font-size={FONT}>{ format!("{last}") }</text>
            <line x1={format!("{tx:.1}")} y1={format!("{T}")} x2={format!("{tx:.1}")} y2={format!("{}", H - B)} stroke="currentColor" stroke-dasharray="2 3" class="target-year" />
            <polyline points={line(&|pt| px(pt.path))} fill="none" stroke="#777" stroke-dasharray="5 4" stroke-width="2" class="path-line" />
            <polyline points={line(&|pt| px(pt.projected))} fill="none" stroke="#1b6e4c" stroke-width="2.5" class="projection-line" />
            { for p.years.iter().filter_map(|pt| pt.actual.map(|a| (pt.year.get(), a))).map(|(yr, a)| html! {
                <circle cx={format!("{:.1}", x(yr))} cy={format!("{:.1}", y(px(a)))} r="4" fill="#b3261e" class="actual-dot" />
            }) }
        </svg>
    }
}

fn years_table(p: &Progress, town: &str, lang: Lang) -> Html {
    html! {
        <details class="target-table">
            <summary>{ t(lang, KTargets::ShowTable) }<span class="visually-hidden">{ format!(": {town}") }</span></summary>
            <div class="table-scroll">
            <table>
                <thead><tr>
                    <th scope="col">{ t(lang, K::AxisYear) }</th>
                    <th scope="col">{ t(lang, KTargets::Path) }</th>
                    <th scope="col">{ t(lang, KTargets::Projected) }</th>
                    <th scope="col">{ t(lang, KTargets::Actual) }</th>
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

fn contributions(p: &Progress, town: &str, lang: Lang) -> Html {
    let shown: Vec<_> = p
        .contributions
        .iter()
        .filter(|c| !c.change.round_dp(2).is_zero())
        .collect();
    if shown.is_empty() {
        return html! { <p class="hint">{ t(lang, KTargets::NoContributions) }</p> };
    }
    let max = shown
        .iter()
        .map(|c| px(c.change.abs()))
        .fold(0.0_f64, f64::max)
        .max(1e-9);
    html! {
        <ul class="contribution-bars" aria-label={format!("{}, {town}", t(lang, KTargets::Contributions))}>
            { for shown.iter().map(|c| {
                let name = catalogue()
                    .and_then(|cat| cat.measure(c.measure.as_str()))
                    .map_or_else(|| c.measure.0.clone(), |m| crate::components::measure_name(m, lang).to_string());
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

/// What a target's indicator measures, as its card names it. Household food per inhabitant
/// from the model is all food waste (matavfall, the pool's 56 kg); with a given base value
/// (the built-in goal's 15 kg, or the municipality's own) the figures are that base's
/// quantity, the avoidable part (matsvinn), which the model's change is applied to.
fn indicator_label(ind: Indicator, base: calc_core::BaseFrom, lang: Lang) -> &'static str {
    match (ind, base) {
        (
            Indicator::FoodWasteKgPerInhabitant,
            calc_core::BaseFrom::Target | calc_core::BaseFrom::Municipality,
        ) => t(lang, KTargets::WastedFoodHouseholds),
        _ => ind.name(lang),
    }
}

/// What a status is read from: the latest actual, compared with the straight path in its
/// year, or, without actuals, the projection in the target year.
fn status_basis(r: &Progress, lang: Lang) -> &'static str {
    match r.actual_gap {
        Some(_) => t(lang, KTargets::ByLatestActual),
        None => t(lang, KTargets::ByProjection),
    }
}

/// Properties of one target's card.
#[derive(Properties, PartialEq)]
pub(super) struct CardProps {
    /// The target's id.
    pub(super) target: AttrValue,
    /// Its title (the goal's text, or the id).
    pub(super) title: AttrValue,
    /// Its progress in each chosen municipality, in the municipalities' order.
    pub(super) rows: Rc<Vec<Progress>>,
    /// The municipalities whose own figures change this target's numbers.
    pub(super) own_used: Rc<Vec<String>>,
}

/// One target: a compact status table for every chosen municipality, and the chart, the
/// figures and the measures' contributions of one of them (chosen in the card; the first
/// by default). Eight projections as lines in one chart would not be readable at 390 px.
#[function_component]
pub(super) fn TargetCard(p: &CardProps) -> Html {
    let shown = use_state(|| None::<String>);
    let Some((store, lang, cat)) = use_app_cat() else {
        return html! {};
    };
    let own = &store.settings.follow_up.own;
    let Some(cur) = shown
        .as_ref()
        .and_then(|c| p.rows.iter().find(|r| r.municipality.as_str() == c))
        .or_else(|| p.rows.first())
    else {
        return html! {};
    };
    let name_of = |code: &str| {
        cat.any_municipality(code)
            .map_or_else(|| code.to_string(), |k| k.name.clone())
    };
    let own_rows = |r: &Progress| -> Vec<&OwnFigureInput> {
        own.iter()
            .filter(|o| {
                p.own_used.iter().any(|k| k == r.municipality.as_str())
                    && o.municipality == r.municipality.as_str()
                    && r.own_figures.iter().any(|id| id.as_str() == o.pool)
            })
            .collect()
    };
    let on_show = {
        let shown = shown.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            shown.set(Some(v));
        })
    };
    let ind = cur.indicator;
    let u = unit(ind, lang);
    let projected_head = tf(
        lang,
        KTargets::ProjectedInUnit,
        &[("year", &cur.target_year), ("unit", &u)],
    );
    let title_id = format!("target-title-{}", p.target);
    let select_id = format!("target-show-{}", p.target);
    let base_from = match cur.base_from {
        calc_core::BaseFrom::Target => t(lang, KTargets::BaseFromTarget),
        calc_core::BaseFrom::Municipality => t(lang, KTargets::BaseFromMunicipality),
        calc_core::BaseFrom::Model { own_figures: false } => t(lang, KTargets::BaseFromModel),
        calc_core::BaseFrom::Model { own_figures: true } => t(lang, KTargets::BaseFromModelOwn),
    };
    let cur_code = cur.municipality.as_str().to_string();
    let cur_name = name_of(&cur_code);
    let table_label = format!("{}: {}", p.title, t(lang, KTargets::AllChosen));
    html! {
        <article class="target-card" data-testid={format!("target-{}", p.target)} aria-labelledby={title_id.clone()}>
            <h3 id={title_id}>{ p.title.clone() }</h3>
            <p class="hint target-meta" data-testid="target-meta">{ tf(lang, KTargets::Meta, &[("indicator", &indicator_label(ind, cur.base_from, lang)), ("unit", &u), ("year", &cur.target_year)]) }</p>
            <ScrollBox label={table_label.clone()}>
                <table class="results target-status-table stack" data-testid="target-status-table">
                    <caption class="visually-hidden">{ table_label }</caption>
                    <thead><tr>
                        <th scope="col">{ t(lang, K::ColMunicipality) }</th>
                        <th scope="col">{ t(lang, KTargets::Status) }</th>
                        <th scope="col" class="num">{ tf(lang, KTargets::ProjectedIn, &[("year", &cur.target_year)]) }<span class="sub">{ u }</span></th>
                        <th scope="col" class="num">{ t(lang, KTargets::Target) }</th>
                        <th scope="col" class="num">{ t(lang, KTargets::ProjectedGap) }</th>
                    </tr></thead>
                    <tbody>
                        { for p.rows.iter().map(|r| {
                            let code = r.municipality.as_str();
                            let mine = own_rows(r);
                            html! {
                                <tr key={code.to_string()} data-testid={format!("target-row-{code}")} data-municipality={code.to_string()}
                                    class={classes!((code == cur_code).then_some("shown"))}>
                                    <th scope="row">
                                        { name_of(code) }
                                        if !mine.is_empty() {
                                            { " " }<span class="badge own-figures" data-testid="own-figures-badge">{ t(lang, K::OwnFigures) }</span>
                                        }
                                    </th>
                                    <td data-label={t(lang, KTargets::Status)}>
                                        <span class={classes!("badge", "status", format!("status-{}", r.status.id()))} data-testid="target-status">{ status_text(r.status, lang) }</span>
                                        // Which figure the status is read from: the latest actual (against the
                                        // path in its year) or, without actuals, the projection in the target year.
                                        { " " }<span class="sub" data-testid="target-status-basis">{ status_basis(r, lang) }</span>
                                    </td>
                                    <td class="num" data-testid="target-projected" data-label={projected_head.clone()}>{ value(r.projected_value, lang) }</td>
                                    <td class="num" data-label={t(lang, KTargets::Target)}>{ value(r.target_value, lang) }</td>
                                    <td class="num" data-testid="target-gap" data-label={t(lang, KTargets::ProjectedGap)}>{ value(r.gap, lang) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </ScrollBox>
            <div class="target-shown" data-testid="target-shown" data-municipality={cur_code.clone()}>
                if p.rows.len() > 1 {
                    <p class="target-pick">
                        <label for={select_id.clone()}>{ t(lang, KTargets::ChartFor) }</label>
                        <select id={select_id} data-testid={format!("target-show-{}", p.target)} onchange={on_show}>
                            { for p.rows.iter().map(|r| html! {
                                <option value={r.municipality.0.clone()} selected={r.municipality.as_str() == cur_code}>{ name_of(r.municipality.as_str()) }</option>
                            }) }
                        </select>
                    </p>
                }
                <h4>
                    { cur_name.clone() }{ " " }
                    <span class={classes!("badge", "status", format!("status-{}", cur.status.id()))}>{ status_text(cur.status, lang) }</span>
                </h4>
                { crate::components::own_figures_note(&own_rows(cur), false, lang) }
                <dl class="target-figures">
                    <dt>{ t(lang, KTargets::Base) }</dt>
                    <dd>{ format!("{} {u} ({}, {})", value(cur.base_value, lang), cur.base_year, base_from) }</dd>
                    <dt>{ t(lang, KTargets::Target) }</dt>
                    <dd>{ format!("{} {u} ({})", value(cur.target_value, lang), cur.target_year) }</dd>
                    <dt>{ t(lang, KTargets::ProjectedTargetYear) }</dt>
                    <dd data-testid="target-shown-projected">{ format!("{} {u}", value(cur.projected_value, lang)) }</dd>
                    <dt>{ t(lang, KTargets::ProjectedGap) }</dt>
                    <dd>{ value(cur.gap, lang) }</dd>
                </dl>
                { chart(cur, &cur_name, lang) }
                { years_table(cur, &cur_name, lang) }
                { contributions(cur, &cur_name, lang) }
                if cur.gap > Decimal::ZERO {
                    <GapPackage
                        target={cur.target.clone()}
                        municipality={cur.municipality.to_string()}
                        unit={u} />
                }
            </div>
        </article>
    }
}
