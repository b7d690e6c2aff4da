//! "Mål och uppföljning": one card per target with a status table for every chosen
//! municipality (status, projection in the target year, gap, own figures) and, for the
//! municipality picked in the card, the chart (base, straight path, actuals, projection,
//! target year; a table alternative) and the measures' contributions as bars; then the
//! forms for own figures (every field of the baseline file), actuals and targets (added,
//! changed in place, removed). Everything is computed by calc-core's `progress` from the
//! same pooled model as the results, and the forms' rows are read by calc-core's own file
//! readers, so a refusal carries calc-core's text at the field it belongs to.

use super::gap_package::GapPackage;
use super::scroll_box::ScrollBox;
use crate::chart::px;
use crate::follow_up::{
    ActualField, ActualForm, FollowUp, OwnField, OwnForm, OwnRow, QuantityUnit, TargetField,
    TargetForm, TargetRow,
};
use crate::format;
use crate::hooks::use_app_cat;
use crate::settings::{Settings, catalogue};
use crate::state::Action;
use calc_core::csvio::Lang;
use calc_core::{Indicator, Progress, Route, Status};
use rust_decimal::Decimal;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

fn tr(lang: Lang, sv: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Sv => sv,
        Lang::En => en,
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
    let label = format!(
        "{town}. {}: {} {} {} → {} {} {}; {} {}",
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
            <summary>{ tr(lang, "Visa som tabell", "Show as a table") }<span class="visually-hidden">{ format!(": {town}") }</span></summary>
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

fn contributions(p: &Progress, town: &str, lang: Lang) -> Html {
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
        <ul class="contribution-bars" aria-label={format!("{}, {town}", tr(lang, "Åtgärdernas bidrag målåret", "The measures' contributions in the target year"))}>
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

fn unit_name(u: QuantityUnit, lang: Lang) -> &'static str {
    match u {
        QuantityUnit::Tonnes => tr(lang, "ton per år", "tonnes per year"),
        QuantityUnit::KgPerInhabitant => {
            tr(lang, "kg per invånare och år", "kg per inhabitant and year")
        }
        QuantityUnit::GramsPerPortion => tr(lang, "g per portion", "g per portion"),
    }
}

/// An own row's quantity with its unit, e.g. "5 000 t" or "48,5 kg/inv".
fn own_quantity(o: &OwnRow, lang: Lang) -> String {
    match (o.tonnes, o.kg_per_inhabitant, o.g_per_portion) {
        (Some(t), _, _) => format!("{} t", value(t, lang)),
        (None, Some(k), _) => format!("{} {}", value(k, lang), tr(lang, "kg/inv", "kg/inh.")),
        (None, None, Some(g)) => {
            format!("{} {}", value(g, lang), tr(lang, "g/portion", "g/portion"))
        }
        (None, None, None) => tr(lang, "standardmängd", "default quantity").to_string(),
    }
}

/// Municipalities outside Sjuhärad have no built-in targets (issue 26): the plan's targets
/// are Sjuhärad's. Said once, with the way to add their own (the targets form below).
fn outside_note(s: &Settings, cat: &factors::Catalogue, lang: Lang) -> Html {
    if s.follow_up.targets.is_some() {
        return html! {};
    }
    let names: Vec<String> = s
        .chosen_outside_plan(cat)
        .iter()
        .map(|k| k.name.clone())
        .collect();
    if names.is_empty() {
        return html! {};
    }
    let names = names.join(", ");
    html! {
        <p class="notice" data-testid="targets-outside">{ match lang {
            Lang::Sv => format!("{names}: inga inbyggda mål (planens mål gäller Sjuhärads kommuner). Lägg till egna mål i formuläret Mål nedan; de gäller då alla valda kommuner."),
            Lang::En => format!("{names}: no built-in targets (the plan's targets are Sjuhärad's). Add your own in the Targets form below; they then apply to every chosen municipality."),
        } }</p>
    }
}

/// Moves focus to the element with this id (a convenience for keyboard users: a refusal
/// changes nothing else).
fn focus_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// A field's refusals as one message (empty: none).
fn errors_for<F: PartialEq + Copy>(errors: &[(F, String)], field: F) -> Option<String> {
    let all: Vec<&str> = errors
        .iter()
        .filter(|(f, _)| *f == field)
        .map(|(_, m)| m.as_str())
        .collect();
    (!all.is_empty()).then(|| all.join("; "))
}

/// What the status line announces when a form is refused: the first refusal.
fn refused<F>(list: &[(F, String)], lang: Lang) -> String {
    let first = list.first().map(|(_, m)| m.as_str()).unwrap_or_default();
    format!("{} {first}", tr(lang, "Inte sparat:", "Not saved:"))
}

/// A text field that writes its value into the form as it is typed.
fn on_text<T: 'static>(
    form: &Rc<std::cell::RefCell<T>>,
    f: fn(&mut T, String),
) -> Callback<InputEvent> {
    let form = Rc::clone(form);
    Callback::from(move |e: InputEvent| {
        let v = e.target_unchecked_into::<HtmlInputElement>().value();
        f(&mut form.borrow_mut(), v);
    })
}

/// A select that writes its value into the form; `redraw` when other fields depend on it.
fn on_select<T: 'static>(
    form: &Rc<std::cell::RefCell<T>>,
    f: fn(&mut T, String),
    redraw: Option<UseForceUpdateHandle>,
) -> Callback<Event> {
    let form = Rc::clone(form);
    Callback::from(move |e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
        f(&mut form.borrow_mut(), v);
        if let Some(r) = &redraw {
            r.force_update();
        }
    })
}

/// Removes row `i` of one of the follow-up lists (`list` picks it).
fn on_remove<R: 'static>(
    set: &Callback<FollowUp>,
    follow: &FollowUp,
    list: fn(&mut FollowUp) -> &mut Vec<R>,
    i: usize,
) -> Callback<MouseEvent> {
    let (set, follow) = (set.clone(), follow.clone());
    Callback::from(move |_| {
        let mut f = follow.clone();
        let rows = list(&mut f);
        if i < rows.len() {
            rows.remove(i);
        }
        set.emit(f);
    })
}

/// A refused form: its refusals in field order, the first announced in the status line and
/// focused, each shown at its field.
fn show_refusals<F: Ord + Copy>(
    mut list: Vec<(F, String)>,
    field_id: fn(F) -> &'static str,
    status: &UseStateHandle<String>,
    errs: &UseStateHandle<Vec<(F, String)>>,
    lang: Lang,
) {
    list.sort_by_key(|(f, _)| *f);
    status.set(refused(&list, lang));
    if let Some((first, _)) = list.first() {
        focus_id(field_id(*first));
    }
    errs.set(list);
}

/// A field's refusal under it, named by the field's `aria-describedby`.
fn field_error(id: &str, message: Option<&String>) -> Html {
    match message {
        Some(m) => {
            html! { <span class="field-error" id={format!("{id}-error")} data-testid={format!("{id}-error")}>{ m.clone() }</span> }
        }
        None => html! {},
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
        ) => tr(
            lang,
            "Matsvinn per invånare (hushåll)",
            "Wasted food per inhabitant (households)",
        ),
        _ => ind.name(lang),
    }
}

/// What a status is read from: the latest actual, compared with the straight path in its
/// year, or, without actuals, the projection in the target year.
fn status_basis(r: &Progress, lang: Lang) -> &'static str {
    match r.actual_gap {
        Some(_) => tr(lang, "enligt senaste utfallet", "by the latest actual"),
        None => tr(lang, "enligt prognosen", "by the projection"),
    }
}

/// Properties of one target's card.
#[derive(Properties, PartialEq)]
struct CardProps {
    /// The target's id.
    target: AttrValue,
    /// Its title (the goal's text, or the id).
    title: AttrValue,
    /// Its progress in each chosen municipality, in the municipalities' order.
    rows: Rc<Vec<Progress>>,
    /// The municipalities whose own figures change this target's numbers.
    own_used: Rc<Vec<String>>,
}

/// One target: a compact status table for every chosen municipality, and the chart, the
/// figures and the measures' contributions of one of them (chosen in the card; the first
/// by default). Eight projections as lines in one chart would not be readable at 390 px.
#[function_component]
fn TargetCard(p: &CardProps) -> Html {
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
    let own_rows = |r: &Progress| -> Vec<&OwnRow> {
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
    let projected_head = format!(
        "{} {} ({u})",
        tr(lang, "Prognos", "Projected"),
        cur.target_year
    );
    let title_id = format!("target-title-{}", p.target);
    let select_id = format!("target-show-{}", p.target);
    let base_from = match cur.base_from {
        calc_core::BaseFrom::Target => tr(lang, "målets basvärde", "the target's base"),
        calc_core::BaseFrom::Municipality => {
            tr(lang, "kommunens basvärde", "the municipality's base")
        }
        calc_core::BaseFrom::Model { own_figures: false } => {
            tr(lang, "modellen (standardvärden)", "the model (defaults)")
        }
        calc_core::BaseFrom::Model { own_figures: true } => tr(
            lang,
            "modellen, kommunens egna siffror",
            "the model, the municipality's own figures",
        ),
    };
    let cur_code = cur.municipality.as_str().to_string();
    let cur_name = name_of(&cur_code);
    let table_label = format!(
        "{}: {}",
        p.title,
        tr(lang, "alla valda kommuner", "all chosen municipalities")
    );
    html! {
        <article class="target-card" data-testid={format!("target-{}", p.target)} aria-labelledby={title_id.clone()}>
            <h3 id={title_id}>{ p.title.clone() }</h3>
            <p class="hint target-meta" data-testid="target-meta">{ format!("{} ({u}), {} {}", indicator_label(ind, cur.base_from, lang), tr(lang, "målår", "target year"), cur.target_year) }</p>
            <ScrollBox label={table_label.clone()}>
                <table class="results target-status-table stack" data-testid="target-status-table">
                    <caption class="visually-hidden">{ table_label }</caption>
                    <thead><tr>
                        <th scope="col">{ tr(lang, "Kommun", "Municipality") }</th>
                        <th scope="col">{ tr(lang, "Status", "Status") }</th>
                        <th scope="col" class="num">{ format!("{} {}", tr(lang, "Prognos", "Projected"), cur.target_year) }<span class="sub">{ u }</span></th>
                        <th scope="col" class="num">{ tr(lang, "Mål", "Target") }</th>
                        <th scope="col" class="num">{ tr(lang, "Gap i prognosen", "Projected gap") }</th>
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
                                            { " " }<span class="badge own-figures" data-testid="own-figures-badge">{ tr(lang, "Egna siffror", "Own figures") }</span>
                                        }
                                    </th>
                                    <td data-label={tr(lang, "Status", "Status")}>
                                        <span class={classes!("badge", "status", format!("status-{}", r.status.id()))} data-testid="target-status">{ status_text(r.status, lang) }</span>
                                        // Which figure the status is read from: the latest actual (against the
                                        // path in its year) or, without actuals, the projection in the target year.
                                        { " " }<span class="sub" data-testid="target-status-basis">{ status_basis(r, lang) }</span>
                                    </td>
                                    <td class="num" data-testid="target-projected" data-label={projected_head.clone()}>{ value(r.projected_value, lang) }</td>
                                    <td class="num" data-label={tr(lang, "Mål", "Target")}>{ value(r.target_value, lang) }</td>
                                    <td class="num" data-testid="target-gap" data-label={tr(lang, "Gap i prognosen", "Projected gap")}>{ value(r.gap, lang) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </ScrollBox>
            <div class="target-shown" data-testid="target-shown" data-municipality={cur_code.clone()}>
                if p.rows.len() > 1 {
                    <p class="target-pick">
                        <label for={select_id.clone()}>{ tr(lang, "Diagram och bidrag för", "Chart and contributions for") }</label>
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
                { super::own_figures_note(&own_rows(cur), false, lang) }
                <dl class="target-figures">
                    <dt>{ tr(lang, "Bas", "Base") }</dt>
                    <dd>{ format!("{} {u} ({}, {})", value(cur.base_value, lang), cur.base_year, base_from) }</dd>
                    <dt>{ tr(lang, "Mål", "Target") }</dt>
                    <dd>{ format!("{} {u} ({})", value(cur.target_value, lang), cur.target_year) }</dd>
                    <dt>{ tr(lang, "Prognos målåret", "Projected in the target year") }</dt>
                    <dd data-testid="target-shown-projected">{ format!("{} {u}", value(cur.projected_value, lang)) }</dd>
                    <dt>{ tr(lang, "Gap i prognosen", "Projected gap") }</dt>
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

/// The section.
#[function_component]
pub fn TargetsSection() -> Html {
    let own_form = use_mut_ref(OwnForm::default);
    // The row "Ändra" put into the form (municipality, pool): saving replaces it, also when
    // the municipality or pool was changed in the form.
    let own_editing = use_mut_ref(|| None::<(String, String)>);
    let own_errors = use_state(Vec::<(OwnField, String)>::new);
    let own_status = use_state(String::new);
    let target_form = use_mut_ref(TargetForm::default);
    let target_errors = use_state(Vec::<(TargetField, String)>::new);
    let target_status = use_state(String::new);
    let editing = use_state(|| None::<String>);
    let actual_form = use_mut_ref(ActualForm::default);
    let actual_errors = use_state(Vec::<(ActualField, String)>::new);
    let actual_status = use_state(String::new);
    let redraw = use_force_update();
    let Some((store, lang, cat)) = use_app_cat() else {
        return html! {};
    };
    // The targets' progress, worked out once per change by the reducer.
    let Some(derived) = store.derived.clone() else {
        return html! {};
    };
    let computed = &derived.targets;
    let follow = store.settings.follow_up.clone();
    // The municipalities the forms accept: Sjuhärad's and those the planner added.
    let towns_all = Rc::new(store.settings.all_municipalities(cat));
    let set = {
        let store = store.clone();
        Callback::from(move |f: FollowUp| store.dispatch(Action::SetFollowUp(f)))
    };
    let chosen = store.settings.chosen(cat);
    let first_chosen = chosen.first().map(|k| k.code.0.clone());
    {
        // The own-figures form starts on the first chosen municipality and household food.
        let mut f = own_form.borrow_mut();
        if f.municipality.is_empty() {
            f.municipality = first_chosen.clone().unwrap_or_else(|| "1490".into());
            f.pool = "household_food".into();
            f.year = "2024".into();
        }
        let mut a = actual_form.borrow_mut();
        if a.municipality.is_empty() {
            a.municipality = first_chosen.clone().unwrap_or_else(|| "1490".into());
            a.indicator = Indicator::ALL
                .first()
                .map(|i| i.id().to_string())
                .unwrap_or_default();
        }
        let mut t = target_form.borrow_mut();
        if t.indicator.is_empty() {
            *t = TargetForm {
                indicator: Indicator::ALL
                    .first()
                    .map(|i| i.id().to_string())
                    .unwrap_or_default(),
                base_year: "2021".into(),
                target_year: "2030".into(),
                ..TargetForm::default()
            };
        }
    }
    let name_of = |code: &str| {
        towns_all
            .iter()
            .find(|k| k.code.as_str() == code)
            .map_or_else(|| code.to_string(), |k| k.name.clone())
    };
    let pool_name = |id: &str| {
        cat.pools
            .iter()
            .find(|p| p.id.as_str() == id)
            .map_or_else(|| id.to_string(), |p| p.name(lang).to_string())
    };

    // ---- own figures form ----
    let own_text = |f: fn(&mut OwnForm, String)| on_text(&own_form, f);
    // The quantity's unit and the pool decide which fields show: redraw.
    let own_select = |f: fn(&mut OwnForm, String)| on_select(&own_form, f, Some(redraw.clone()));
    let add_own = {
        let towns_all = Rc::clone(&towns_all);
        let (set, follow, errs, status, form, editing) = (
            set.clone(),
            follow.clone(),
            own_errors.clone(),
            own_status.clone(),
            own_form.clone(),
            own_editing.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(cat) = catalogue() else { return };
            let typed = form.borrow().clone();
            match typed.to_row(cat, &towns_all, lang) {
                Ok(row) => {
                    errs.set(Vec::new());
                    let town = towns_all
                        .iter()
                        .find(|k| k.code.as_str() == typed.municipality)
                        .map_or_else(|| typed.municipality.clone(), |k| k.name.clone());
                    let pool = cat
                        .pools
                        .iter()
                        .find(|p| p.id.as_str() == typed.pool)
                        .map_or_else(|| typed.pool.clone(), |p| p.name(lang).to_string());
                    status.set(format!(
                        "{} {town}, {pool}",
                        tr(lang, "Egna siffror sparade:", "Own figures saved:"),
                    ));
                    let mut f = follow.clone();
                    if let Some((town, pool)) = editing.borrow_mut().take() {
                        f.own.retain(|x| {
                            (x.municipality.as_str(), x.pool.as_str())
                                != (town.as_str(), pool.as_str())
                                || (x.municipality == row.municipality && x.pool == row.pool)
                        });
                    }
                    match f
                        .own
                        .iter()
                        .position(|x| x.municipality == row.municipality && x.pool == row.pool)
                    {
                        Some(i) => {
                            if let Some(slot) = f.own.get_mut(i) {
                                *slot = row;
                            }
                        }
                        None => f.own.push(row),
                    }
                    set.emit(f);
                }
                Err(list) => show_refusals(list, own_field_id, &status, &errs, lang),
            }
        })
    };
    let edit_own = |i: usize| {
        let (follow, form, redraw, errs, editing) = (
            follow.clone(),
            own_form.clone(),
            redraw.clone(),
            own_errors.clone(),
            own_editing.clone(),
        );
        Callback::from(move |_| {
            if let Some(row) = follow.own.get(i) {
                *editing.borrow_mut() = Some((row.municipality.clone(), row.pool.clone()));
                *form.borrow_mut() = OwnForm::of(row, lang);
                errs.set(Vec::new());
                redraw.force_update();
                focus_id("own-quantity");
            }
        })
    };
    let remove_own = |i: usize| on_remove(&set, &follow, |f| &mut f.own, i);

    // ---- actuals form ----
    let actual_text = |f: fn(&mut ActualForm, String)| on_text(&actual_form, f);
    let actual_select = |f: fn(&mut ActualForm, String)| on_select(&actual_form, f, None);
    let add_actual = {
        let towns_all = Rc::clone(&towns_all);
        let (set, follow, errs, status, form) = (
            set.clone(),
            follow.clone(),
            actual_errors.clone(),
            actual_status.clone(),
            actual_form.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(cat) = catalogue() else { return };
            let typed = form.borrow().clone();
            // What calc-core's reader accepts, and then what an actual cannot be (a year
            // outside the goals' years, a negative value).
            let checked = typed.to_row(&towns_all, lang).and_then(|row| {
                let refused = row.refusals(&follow.targets(cat).0, lang);
                if refused.is_empty() {
                    Ok(row)
                } else {
                    Err(refused)
                }
            });
            match checked {
                Ok(row) => {
                    errs.set(Vec::new());
                    let town = towns_all
                        .iter()
                        .find(|k| k.code.as_str() == row.municipality)
                        .map_or_else(|| row.municipality.clone(), |k| k.name.clone());
                    let name = Indicator::from_id(&row.indicator)
                        .map_or(row.indicator.as_str(), |i| i.name(lang));
                    status.set(format!(
                        "{} {town}, {name} {}",
                        tr(lang, "Utfall sparat:", "Actual saved:"),
                        row.year
                    ));
                    let mut f = follow.clone();
                    f.actuals.retain(|a| {
                        !(a.municipality == row.municipality
                            && a.indicator == row.indicator
                            && a.year == row.year)
                    });
                    f.actuals.push(row);
                    set.emit(f);
                }
                Err(list) => show_refusals(list, actual_field_id, &status, &errs, lang),
            }
        })
    };
    let remove_actual = |i: usize| on_remove(&set, &follow, |f| &mut f.actuals, i);

    // ---- targets form: add, or change the one being edited in place ----
    let target_text = |f: fn(&mut TargetForm, String)| on_text(&target_form, f);
    let target_indicator = {
        let form = target_form.clone();
        Callback::from(move |e: Event| {
            form.borrow_mut().indicator = e.target_unchecked_into::<HtmlSelectElement>().value();
        })
    };
    let target_pool = |id: String| {
        let form = target_form.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            let mut f = form.borrow_mut();
            f.pools.retain(|p| *p != id);
            if on {
                f.pools.push(id.clone());
            }
        })
    };
    let blank_target = || TargetForm {
        indicator: Indicator::ALL
            .first()
            .map(|i| i.id().to_string())
            .unwrap_or_default(),
        base_year: "2021".into(),
        target_year: "2030".into(),
        ..TargetForm::default()
    };
    let save_target = {
        let towns_all = Rc::clone(&towns_all);
        let (set, follow, errs, status, form, editing, redraw) = (
            set.clone(),
            follow.clone(),
            target_errors.clone(),
            target_status.clone(),
            target_form.clone(),
            editing.clone(),
            redraw.clone(),
        );
        let blank = blank_target();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(cat) = catalogue() else { return };
            let mut rows = follow.target_rows(cat);
            let old = editing
                .as_ref()
                .and_then(|id| rows.iter().find(|t| t.id == *id))
                .cloned();
            let mut typed = form.borrow().clone();
            // A new target gets an id of its own (the planner never types one), and a
            // name when its text is left empty.
            if typed.id.trim().is_empty() {
                let (id, n) = crate::follow_up::free_target_id(&rows);
                typed.id = id;
                if typed.text.trim().is_empty() {
                    typed.text = format!("{} {n}", tr(lang, "Eget mål", "Own target"));
                }
            }
            match typed.to_row(old.as_ref(), cat, &towns_all, lang) {
                Ok(row) => {
                    errs.set(Vec::new());
                    let id = row.id.clone();
                    let name = row.name(lang).to_string();
                    match old
                        .as_ref()
                        .and_then(|o| rows.iter().position(|t| t.id == o.id))
                    {
                        // In place: the same position, any other row with the new id goes.
                        Some(i) => {
                            if let Some(slot) = rows.get_mut(i) {
                                *slot = row;
                            }
                            let mut k = 0;
                            rows.retain(|t| {
                                let keep = k == i || t.id != id;
                                k += 1;
                                keep
                            });
                            status.set(format!(
                                "{} {name}",
                                tr(lang, "Ändrat mål:", "Target changed:")
                            ));
                        }
                        None => {
                            rows.retain(|t| t.id != id);
                            rows.push(row);
                            status.set(format!(
                                "{} {name}",
                                tr(lang, "Tillagt mål:", "Target added:")
                            ));
                        }
                    }
                    let mut f = follow.clone();
                    f.targets = Some(rows);
                    set.emit(f);
                    editing.set(None);
                    *form.borrow_mut() = blank.clone();
                    redraw.force_update();
                }
                Err(list) => show_refusals(list, target_field_id, &status, &errs, lang),
            }
        })
    };
    let edit_target = |t: TargetRow| {
        let (form, editing, errs, status, redraw) = (
            target_form.clone(),
            editing.clone(),
            target_errors.clone(),
            target_status.clone(),
            redraw.clone(),
        );
        Callback::from(move |_| {
            *form.borrow_mut() = TargetForm::of(&t, lang);
            errs.set(Vec::new());
            status.set(format!(
                "{} {}",
                tr(lang, "Ändrar mål:", "Changing target:"),
                t.name(lang)
            ));
            editing.set(Some(t.id.clone()));
            redraw.force_update();
            focus_id("target-text");
        })
    };
    let cancel_target = {
        let (form, editing, errs, status, redraw) = (
            target_form.clone(),
            editing.clone(),
            target_errors.clone(),
            target_status.clone(),
            redraw.clone(),
        );
        let blank = blank_target();
        let follow = follow.clone();
        Callback::from(move |_| {
            let id = editing.as_ref().cloned().unwrap_or_default();
            let name = catalogue()
                .and_then(|cat| follow.target_rows(cat).into_iter().find(|t| t.id == id))
                .map_or_else(|| id.clone(), |t| t.name(lang).to_string());
            *form.borrow_mut() = blank.clone();
            errs.set(Vec::new());
            status.set(format!(
                "{} {name}",
                tr(lang, "Ändringen avbröts:", "Change cancelled:")
            ));
            editing.set(None);
            redraw.force_update();
            focus_id(&format!("edit-target-{id}"));
        })
    };
    let remove_target = |id: String| {
        let (set, follow, editing, status, form, redraw) = (
            set.clone(),
            follow.clone(),
            editing.clone(),
            target_status.clone(),
            target_form.clone(),
            redraw.clone(),
        );
        let blank = blank_target();
        Callback::from(move |_| {
            let Some(cat) = catalogue() else { return };
            let mut f = follow.clone();
            let mut rows = f.target_rows(cat);
            let name = rows
                .iter()
                .find(|t| t.id == id)
                .map_or_else(|| id.clone(), |t| t.name(lang).to_string());
            rows.retain(|t| t.id != id);
            f.targets = Some(rows);
            if editing.as_deref() == Some(id.as_str()) {
                editing.set(None);
                *form.borrow_mut() = blank.clone();
                redraw.force_update();
            }
            status.set(format!(
                "{} {name}",
                tr(lang, "Borttaget mål:", "Target removed:")
            ));
            set.emit(f);
            focus_id("target-text");
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
        html! { <>{ for towns_all.iter().map(|k| html! {
            <option value={k.code.0.clone()} selected={selected == Some(k.code.as_str())}>{ k.name.clone() }</option>
        }) }</> }
    };
    let indicator_options = |selected: &str| {
        html! { <>{ for Indicator::ALL.iter().map(|i| html! {
            <option value={i.id()} selected={i.id() == selected}>{ format!("{} ({})", i.name(lang), i.unit(lang)) }</option>
        }) }</> }
    };

    let body = match &computed.report {
        Err(e) => html! { <p class="alert" role="alert">{ e.clone() }</p> },
        Ok(report) if report.progress.is_empty() => html! {
            <p class="hint">{ tr(lang, "Välj en kommun för att följa målen.", "Choose a municipality to follow the targets.") }</p>
        },
        Ok(report) => {
            // One card per target, its rows in the municipalities' order.
            let mut groups: Vec<(String, Vec<Progress>)> = Vec::new();
            for p in &report.progress {
                match groups.iter_mut().find(|(id, _)| *id == p.target) {
                    Some((_, rows)) => rows.push(p.clone()),
                    None => groups.push((p.target.clone(), vec![p.clone()])),
                }
            }
            html! {
                <div class="target-grid">
                    { for groups.into_iter().map(|(id, rows)| {
                        // The goal's text in the interface's language (Swedish when it has no English).
                        let text = computed.texts.iter().find(|(t, _, _)| *t == id).map(|(_, sv, en)| match lang {
                            Lang::En if !en.is_empty() => en.clone(),
                            _ => sv.clone(),
                        }).unwrap_or_default();
                        let title = if text.is_empty() { id.clone() } else { text };
                        let key = id.clone();
                        let own_used: Vec<String> = computed.own_used.iter().filter(|(t, _)| *t == id).map(|(_, k)| k.clone()).collect();
                        html! { <TargetCard key={key} target={id} title={title} rows={Rc::new(rows)} own_used={Rc::new(own_used)} /> }
                    }) }
                </div>
            }
        }
    };
    let target_rows = follow.target_rows(cat);
    let of = own_form.borrow().clone();
    let tf = target_form.borrow().clone();
    let per_portion = cat
        .pools
        .iter()
        .find(|p| p.id.as_str() == of.pool)
        .is_some_and(|p| matches!(p.basis, calc_core::QuantityBasis::PerPortion { .. }));
    let oe = |f: OwnField| errors_for(&own_errors, f);
    let te = |f: TargetField| errors_for(&target_errors, f);
    let described = |id: &str, e: &Option<String>| e.as_ref().map(|_| format!("{id}-error"));
    let invalid = |e: &Option<String>| e.as_ref().map(|_| "true");
    let (e_year, e_qty, e_routes, e_source, e_note) = (
        oe(OwnField::Year),
        oe(OwnField::Quantity),
        oe(OwnField::Routes),
        oe(OwnField::Source),
        oe(OwnField::Note),
    );
    let (e_mun, e_pool) = (oe(OwnField::Municipality), oe(OwnField::Pool));
    // The id is the app's own (never typed): a refusal of it is shown at the text.
    let (t_text, t_ind, t_pools, t_by, t_bv, t_target, t_ty) = (
        te(TargetField::Text).or_else(|| te(TargetField::Id)),
        te(TargetField::Indicator),
        te(TargetField::Pools),
        te(TargetField::BaseYear),
        te(TargetField::BaseValue),
        te(TargetField::Target),
        te(TargetField::TargetYear),
    );
    let af = actual_form.borrow().clone();
    let ae = |f: ActualField| errors_for(&actual_errors, f);
    let (a_mun, a_ind, a_year, a_val) = (
        ae(ActualField::Municipality),
        ae(ActualField::Indicator),
        ae(ActualField::Year),
        ae(ActualField::Value),
    );
    let editing_id = editing.as_ref().cloned();
    html! {
        <section class="panel targets" id="targets" aria-labelledby="targets-title" data-testid="targets">
            <h2 id="targets-title">{ tr(lang, "Mål och uppföljning", "Targets and follow-up") }</h2>
            <p class="hint">{ tr(lang,
                "Ett kort per mål: status, prognos vid målåret och gap för varje vald kommun, och för den kommun du väljer i kortet den raka linjen från basvärdet till målet (streckad), utfallen (punkter), prognosen från de påslagna åtgärderna (heldragen), målåret och åtgärdernas bidrag. Status: det senaste utfallet mot linjen, utan utfall prognosen.",
                "One card per target: the status, the projection in the target year and the gap for every chosen municipality, and for the municipality you pick in the card the straight path from base to target (dashed), the actuals (dots), the projection of the measures switched on (solid), the target year and the measures' contributions. Status: the latest actual against the path, without actuals the projection.") }</p>
            if !computed.problems.is_empty() {
                <ul class="alert" role="alert">{ for computed.problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ul>
            }
            { outside_note(&store.settings, cat, lang) }
            { body }
            <div class="follow-up-forms no-print">
                <super::follow_up_files::FollowUpFiles />
                <form class="follow-up-form" onsubmit={add_own} data-testid="own-form" novalidate=true>
                    <h3>{ tr(lang, "Kommunens egna siffror", "The municipality's own figures") }</h3>
                    <p class="hint">{ tr(lang, "Uppmätt mängd och fördelning ersätter standardvärdena för kommunen och poolen, i alla resultat (till exempel från plockanalys, vågdata eller Kolada). Samma fält som basfilen.", "A measured quantity and shares replace the defaults for the municipality and pool, in every result (for example from pick analyses, weighbridge data or Kolada). The baseline file's fields.") }</p>
                    <label for="own-municipality">{ tr(lang, "Kommun", "Municipality") }</label>
                    <select id="own-municipality" data-testid="own-municipality" onchange={own_select(|f, v| f.municipality = v)}
                        aria-invalid={invalid(&e_mun)} aria-describedby={described("own-municipality", &e_mun)}>{ municipality_options(Some(of.municipality.as_str())) }</select>
                    { field_error("own-municipality", e_mun.as_ref()) }
                    <label for="own-pool">{ tr(lang, "Avfallspool", "Pool") }</label>
                    <select id="own-pool" data-testid="own-pool" onchange={own_select(|f, v| f.pool = v)}
                        aria-invalid={invalid(&e_pool)} aria-describedby={described("own-pool", &e_pool)}>
                        { for cat.pools.iter().map(|p| html! { <option value={p.id.0.clone()} selected={p.id.as_str() == of.pool}>{ pool_name(p.id.as_str()) }</option> }) }
                    </select>
                    { field_error("own-pool", e_pool.as_ref()) }
                    <label for="own-year">{ tr(lang, "År siffrorna gäller", "Year of the figures") }</label>
                    <input id="own-year" type="text" inputmode="numeric" value={of.year.clone()} data-testid="own-year" oninput={own_text(|f, v| f.year = v)}
                        aria-invalid={invalid(&e_year)} aria-describedby={described("own-year", &e_year)} />
                    { field_error("own-year", e_year.as_ref()) }
                    <div class="quantity-pair">
                        <span class="field">
                            <label for="own-quantity">{ tr(lang, "Mängd (tom: standard)", "Quantity (empty: default)") }</label>
                            <input id="own-quantity" type="text" inputmode="decimal" value={of.quantity.clone()} data-testid="own-quantity" oninput={own_text(|f, v| f.quantity = v)}
                                aria-invalid={invalid(&e_qty)} aria-describedby={described("own-quantity", &e_qty)} />
                        </span>
                        <span class="field">
                            <label for="own-unit">{ tr(lang, "Enhet", "Unit") }</label>
                            <select id="own-unit" data-testid="own-unit" onchange={own_select(|f, v| f.unit = QuantityUnit::from_column(&v).unwrap_or_default())}>
                                { for QuantityUnit::ALL.into_iter().filter(|u| per_portion || *u != QuantityUnit::GramsPerPortion || of.unit == *u).map(|u| html! {
                                    <option value={u.column()} selected={u == of.unit}>{ unit_name(u, lang) }</option>
                                }) }
                            </select>
                        </span>
                    </div>
                    { field_error("own-quantity", e_qty.as_ref()) }
                    <fieldset class="own-shares" aria-describedby={described("own-shares", &e_routes)}>
                        <legend>{ tr(lang, "Vart det går i dag, % (tomma: standard; annars summa 100)", "Where it goes today, % (all empty: default; else they sum to 100)") }</legend>
                        { for Route::ALL.iter().enumerate().map(|(i, route)| {
                            let id = format!("own-share-{}", route.id());
                            let value = of.shares.get(i).cloned().unwrap_or_default();
                            let on = {
                                let form = own_form.clone();
                                Callback::from(move |e: InputEvent| {
                                    let v = e.target_unchecked_into::<HtmlInputElement>().value();
                                    if let Some(slot) = form.borrow_mut().shares.get_mut(i) {
                                        *slot = v;
                                    }
                                })
                            };
                            html! {
                                <span class="field">
                                    <label for={id.clone()}>{ route.name(lang) }</label>
                                    <input id={id.clone()} data-testid={id} type="text" inputmode="decimal" value={value} oninput={on}
                                        aria-invalid={invalid(&e_routes)} aria-describedby={described("own-shares", &e_routes)} />
                                </span>
                            }
                        }) }
                    </fieldset>
                    { field_error("own-shares", e_routes.as_ref()) }
                    <label for="own-source">{ tr(lang, "Källa", "Source") }</label>
                    <input id="own-source" type="text" value={of.source.clone()} data-testid="own-source" oninput={own_text(|f, v| f.source = v)}
                        aria-invalid={invalid(&e_source)} aria-describedby={described("own-source", &e_source)} />
                    { field_error("own-source", e_source.as_ref()) }
                    <label for="own-note">{ tr(lang, "Anteckning", "Note") }</label>
                    <input id="own-note" type="text" value={of.note.clone()} data-testid="own-note" oninput={own_text(|f, v| f.note = v)}
                        aria-invalid={invalid(&e_note)} aria-describedby={described("own-note", &e_note)} />
                    { field_error("own-note", e_note.as_ref()) }
                    <button type="submit" class="button-primary" data-testid="own-add">{ tr(lang, "Spara egna siffror", "Save own figures") }</button>
                    <p class="visually-hidden" role="status" data-testid="own-status">{ (*own_status).clone() }</p>
                    <ul data-testid="own-list">{ for follow.own.iter().enumerate().map(|(i, o)| {
                        let label = format!("{}, {}", name_of(&o.municipality), pool_name(&o.pool));
                        html! {
                            <li>
                                { format!("{label}: {} ({}, {})", own_quantity(o, lang), o.source, o.year) }
                                if !o.shares_pct.is_empty() {
                                    { format!("; {}", o.shares_pct.iter().filter_map(|(r, v)| Route::from_id(r).map(|r| format!("{} {} %", r.name(lang).to_lowercase(), value(*v, lang)))).collect::<Vec<_>>().join(", ")) }
                                }
                                { " " }
                                <button type="button" class="button-secondary" onclick={edit_own(i)} aria-label={format!("{} {label}", tr(lang, "Ändra", "Change"))}>{ tr(lang, "Ändra", "Change") }</button>
                                <button type="button" class="button-secondary" onclick={remove_own(i)} aria-label={format!("{} {label}", tr(lang, "Ta bort", "Remove"))}>{ tr(lang, "Ta bort", "Remove") }</button>
                            </li>
                        }
                    }) }</ul>
                </form>
                <form class="follow-up-form" onsubmit={add_actual} data-testid="actual-form" novalidate=true>
                    <h3>{ tr(lang, "Utfall", "Actuals") }</h3>
                    <label for="actual-municipality">{ tr(lang, "Kommun", "Municipality") }</label>
                    <select id="actual-municipality" data-testid="actual-municipality" onchange={actual_select(|f, v| f.municipality = v)}
                        aria-invalid={invalid(&a_mun)} aria-describedby={described("actual-municipality", &a_mun)}>{ municipality_options(Some(af.municipality.as_str())) }</select>
                    { field_error("actual-municipality", a_mun.as_ref()) }
                    <label for="actual-indicator">{ tr(lang, "Indikator", "Indicator") }</label>
                    <select id="actual-indicator" data-testid="actual-indicator" onchange={actual_select(|f, v| f.indicator = v)}
                        aria-invalid={invalid(&a_ind)} aria-describedby={described("actual-indicator", &a_ind)}>{ indicator_options(&af.indicator) }</select>
                    { field_error("actual-indicator", a_ind.as_ref()) }
                    <label for="actual-year">{ tr(lang, "År", "Year") }</label>
                    <input id="actual-year" type="text" inputmode="numeric" value={af.year.clone()} data-testid="actual-year" oninput={actual_text(|f, v| f.year = v)}
                        aria-invalid={invalid(&a_year)} aria-describedby={described("actual-year", &a_year)} />
                    { field_error("actual-year", a_year.as_ref()) }
                    <label for="actual-value">{ tr(lang, "Värde, i indikatorns enhet", "Value, in the indicator's unit") }</label>
                    <input id="actual-value" type="text" inputmode="decimal" value={af.value.clone()} data-testid="actual-value" oninput={actual_text(|f, v| f.value = v)}
                        aria-invalid={invalid(&a_val)} aria-describedby={described("actual-value", &a_val)} />
                    { field_error("actual-value", a_val.as_ref()) }
                    <button type="submit" class="button-primary" data-testid="actual-add">{ tr(lang, "Lägg till", "Add") }</button>
                    <p class="visually-hidden" role="status" data-testid="actual-status">{ (*actual_status).clone() }</p>
                    <ul data-testid="actual-list">{ for follow.actuals.iter().enumerate().map(|(i, a)| {
                        let label = format!("{}, {} {}", name_of(&a.municipality),
                            Indicator::from_id(&a.indicator).map_or(a.indicator.as_str(), |x| x.name(lang)), a.year);
                        html! {
                            <li>
                                { format!("{label}: {}", value(a.value, lang)) }{ " " }
                                <button type="button" class="button-secondary" onclick={remove_actual(i)} aria-label={format!("{} {label}", tr(lang, "Ta bort", "Remove"))}>{ tr(lang, "Ta bort", "Remove") }</button>
                            </li>
                        }
                    }) }</ul>
                </form>
                <form class="follow-up-form" onsubmit={save_target} data-testid="target-form" novalidate=true>
                    <h3>{ tr(lang, "Mål", "Targets") }</h3>
                    <ul data-testid="target-list">{ for target_rows.iter().map(|t| {
                        let is_edited = editing_id.as_deref() == Some(t.id.as_str());
                        html! {
                            <li class={classes!(is_edited.then_some("editing"))} data-testid={format!("target-item-{}", t.id)}>
                                { format!("{}: {} {}", t.name(lang), Indicator::from_id(&t.indicator).map_or(t.indicator.as_str(), |i| i.name(lang)),
                                    t.target_value.map(|v| value(v, lang)).or_else(|| t.change_pct.map(|c| format!("{} %", value(c, lang)))).unwrap_or_default()) }
                                { format!(" ({}→{})", t.base_year, t.target_year) }
                                if is_edited { <strong>{ format!(" – {}", tr(lang, "ändras nedan", "being changed below")) }</strong> }
                                { " " }
                                <button type="button" class="button-secondary" id={format!("edit-target-{}", t.id)} data-testid={format!("edit-target-{}", t.id)}
                                    onclick={edit_target(t.clone())} aria-label={format!("{}: {}", tr(lang, "Ändra mål", "Change target"), t.name(lang))}>{ tr(lang, "Ändra", "Change") }</button>
                                <button type="button" class="button-secondary" data-testid={format!("remove-target-{}", t.id)}
                                    onclick={remove_target(t.id.clone())} aria-label={format!("{}: {}", tr(lang, "Ta bort mål", "Remove target"), t.name(lang))}>{ tr(lang, "Ta bort", "Remove") }</button>
                            </li>
                        }
                    }) }</ul>
                    if follow.targets.is_some() {
                        <button type="button" class="button-secondary" onclick={reset_targets}>{ tr(lang, "Tillbaka till planens mål", "Back to the plan's targets") }</button>
                    }
                    <h4 id="target-form-title">{ match &editing_id {
                        Some(id) => format!("{}: {}", tr(lang, "Ändra mål", "Change target"),
                            target_rows.iter().find(|t| t.id == *id).map_or(id.as_str(), |t| t.name(lang))),
                        None => tr(lang, "Nytt mål", "New target").to_string(),
                    } }</h4>
                    <label for="target-text">{ tr(lang, "Målets text", "The goal's text") }</label>
                    <input id="target-text" type="text" value={tf.text.clone()} data-testid="target-text" oninput={target_text(|f, v| f.text = v)}
                        aria-invalid={invalid(&t_text)} aria-describedby={described("target-text", &t_text)} />
                    { field_error("target-text", t_text.as_ref()) }
                    <label for="target-indicator">{ tr(lang, "Indikator", "Indicator") }</label>
                    <select id="target-indicator" data-testid="target-indicator" onchange={target_indicator}
                        aria-invalid={invalid(&t_ind)} aria-describedby={described("target-indicator", &t_ind)}>{ indicator_options(&tf.indicator) }</select>
                    { field_error("target-indicator", t_ind.as_ref()) }
                    <fieldset class="target-pools" aria-describedby={described("target-pools", &t_pools)}>
                        <legend>{ tr(lang, "Avfallspooler som räknas (ingen vald: alla)", "Pools counted (none ticked: all)") }</legend>
                        { for cat.pools.iter().map(|p| {
                            let id = format!("target-pool-{}", p.id.as_str());
                            html! {
                                <label class="check" for={id.clone()}>
                                    <input type="checkbox" id={id.clone()} data-testid={id} checked={tf.pools.iter().any(|x| x == p.id.as_str())}
                                        onchange={target_pool(p.id.0.clone())} />
                                    { pool_name(p.id.as_str()) }
                                </label>
                            }
                        }) }
                    </fieldset>
                    { field_error("target-pools", t_pools.as_ref()) }
                    <label for="target-base-year">{ tr(lang, "Basår", "Base year") }</label>
                    <input id="target-base-year" type="text" inputmode="numeric" value={tf.base_year.clone()} data-testid="target-base-year" oninput={target_text(|f, v| f.base_year = v)}
                        aria-invalid={invalid(&t_by)} aria-describedby={described("target-base-year", &t_by)} />
                    { field_error("target-base-year", t_by.as_ref()) }
                    <label for="target-base-value">{ tr(lang, "Basvärde (tomt: modellen)", "Base value (empty: the model)") }</label>
                    <input id="target-base-value" type="text" inputmode="decimal" value={tf.base_value.clone()} data-testid="target-base-value" oninput={target_text(|f, v| f.base_value = v)}
                        aria-invalid={invalid(&t_bv)} aria-describedby={described("target-base-value", &t_bv)} />
                    { field_error("target-base-value", t_bv.as_ref()) }
                    <label for="target-value">{ tr(lang, "Målvärde", "Target value") }</label>
                    <input id="target-value" type="text" inputmode="decimal" value={tf.target_value.clone()} data-testid="target-value" oninput={target_text(|f, v| f.target_value = v)}
                        aria-invalid={invalid(&t_target)} aria-describedby={described("target-value", &t_target)} />
                    <label for="target-change">{ tr(lang, "eller förändring från basen, %", "or change from the base, %") }</label>
                    <input id="target-change" type="text" inputmode="decimal" value={tf.change_pct.clone()} data-testid="target-change" oninput={target_text(|f, v| f.change_pct = v)}
                        aria-invalid={invalid(&t_target)} aria-describedby={described("target-value", &t_target)} />
                    { field_error("target-value", t_target.as_ref()) }
                    <label for="target-year">{ tr(lang, "Målår", "Target year") }</label>
                    <input id="target-year" type="text" inputmode="numeric" value={tf.target_year.clone()} data-testid="target-year" oninput={target_text(|f, v| f.target_year = v)}
                        aria-invalid={invalid(&t_ty)} aria-describedby={described("target-year", &t_ty)} />
                    { field_error("target-year", t_ty.as_ref()) }
                    if let Some(bases) = editing_id.as_ref().and_then(|id| target_rows.iter().find(|t| t.id == *id)).map(|t| t.bases.len()).filter(|n| *n > 0) {
                        <p class="hint">{ format!("{} {bases}", tr(lang, "Kommunernas egna basvärden (från målfilen) behålls:", "The municipalities' own bases (from the targets file) are kept:")) }</p>
                    }
                    <div class="form-buttons">
                        <button type="submit" class="button-primary" data-testid="target-save">{ if editing_id.is_some() { tr(lang, "Spara ändringen", "Save the change") } else { tr(lang, "Lägg till mål", "Add target") } }</button>
                        if editing_id.is_some() {
                            <button type="button" class="button-secondary" data-testid="target-cancel" onclick={cancel_target}>{ tr(lang, "Avbryt", "Cancel") }</button>
                        }
                    </div>
                    <p class="visually-hidden" role="status" data-testid="target-status-message">{ (*target_status).clone() }</p>
                </form>
            </div>
        </section>
    }
}

/// The element id of an own-figures field (for focus and `aria-describedby`).
fn own_field_id(f: OwnField) -> &'static str {
    match f {
        OwnField::Municipality => "own-municipality",
        OwnField::Pool => "own-pool",
        OwnField::Year => "own-year",
        OwnField::Quantity => "own-quantity",
        OwnField::Routes => "own-share-prevention",
        OwnField::Source => "own-source",
        OwnField::Note => "own-note",
    }
}

/// The element id of an actuals-form field.
fn actual_field_id(f: ActualField) -> &'static str {
    match f {
        ActualField::Municipality => "actual-municipality",
        ActualField::Indicator => "actual-indicator",
        ActualField::Year => "actual-year",
        ActualField::Value => "actual-value",
    }
}

/// The element id of a targets-form field.
fn target_field_id(f: TargetField) -> &'static str {
    match f {
        TargetField::Id => "target-text",
        TargetField::Text => "target-text",
        TargetField::Indicator => "target-indicator",
        TargetField::Pools => "target-pool-household_food",
        TargetField::BaseYear => "target-base-year",
        TargetField::BaseValue => "target-base-value",
        TargetField::Target => "target-value",
        TargetField::TargetYear => "target-year",
    }
}
