//! The budget optimizer: a one-time and a yearly budget, effect levels in steps, and the
//! best package of measures they buy, with what the next krona would buy.

use super::measure_name_by_id;
use super::scroll_box::ScrollBox;
use crate::decide::{analysis_key, candidates_for, use_debounced};
use crate::format;
use crate::hooks::use_app;
use crate::i18n::{K, Lang, t, tf};
use calc_core::{Budget, Candidates, Payer, Perspective, Plan, Sek, optimize};
use rust_decimal::Decimal;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The one-time budget the panel starts with (SEK).
pub const DEFAULT_ONCE: i64 = 1_000_000;
/// The yearly budget the panel starts with (SEK per year).
pub const DEFAULT_PER_YEAR: i64 = 2_000_000;

/// A shared value compared by identity: a new computation is a change, the same `Rc` is not.
struct Same<T>(Option<std::rc::Rc<T>>);

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => std::rc::Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

/// A typed budget: empty means no limit; negative amounts count as zero.
fn limit(text: &str) -> Option<Sek> {
    format::parse_input(text).map(|d| Sek::new(d.max(Decimal::ZERO)))
}

/// Who pays a payer's costs, as the panel names them.
fn payer_label(p: Payer, lang: Lang) -> &'static str {
    match p {
        Payer::WasteFee => t(lang, K::PayerWasteFee),
        Payer::MunicipalBudget => t(lang, K::PayerBudget),
        Payer::Households => t(lang, K::PayerHouseholds),
    }
}

fn next_line(plan: &Plan, cands: Option<&Candidates>, lang: Lang) -> Html {
    match &plan.next_step {
        // "Everything fits" only when something was chosen: with nothing chosen the
        // package line already says the budget covers no measure.
        None if plan.chosen.is_empty() => html! {},
        None => html! { <p class="next-step" data-testid="next-step">{ t(lang, K::NextNone) }</p> },
        Some(n) => {
            let name = measure_name_by_id(n.measure.as_str(), lang);
            let level = format::percent(n.level, 0, lang);
            let co2e = format::tonnes_co2e(n.extra_co2e_kg_per_year, lang);
            let rate = format::number(n.kg_co2e_per_sek, 3, lang);
            // The step's price is one step of the one-time cost plus one year of the
            // running cost (calc-core's `extra_sek`); said as its two parts.
            let parts = cands.and_then(|c| {
                let cand = c.measures.iter().find(|m| m.measure == n.measure)?;
                let steps = Decimal::from(c.steps.max(1));
                Some((
                    Sek::new(
                        cand.cost_once
                            .value()
                            .max(Decimal::ZERO)
                            .checked_div(steps)?,
                    ),
                    Sek::new(
                        cand.cost_per_year
                            .value()
                            .max(Decimal::ZERO)
                            .checked_div(steps)?,
                    ),
                ))
            });
            let sek = match parts {
                Some((once, year)) => tf(
                    lang,
                    K::NextKronaCost,
                    &[
                        ("once", &format::sek(once, lang)),
                        ("year", &format::sek(year, lang)),
                    ],
                ),
                None => format::sek(n.extra_sek, lang),
            };
            let text = tf(
                lang,
                K::NextKronaText,
                &[
                    ("name", &name),
                    ("level", &level),
                    ("co2e", &co2e),
                    ("sek", &sek),
                    ("rate", &rate),
                ],
            );
            html! {
                <p class="next-step" data-testid="next-step">
                    <strong>{ t(lang, K::NextKrona) }</strong>{ " " }{ text }
                </p>
            }
        }
    }
}

/// The budget panel.
#[function_component]
pub fn BudgetPanel() -> Html {
    let Some((store, lang)) = use_app() else {
        return html! {};
    };
    let once = use_state(|| DEFAULT_ONCE.to_string());
    let per_year = use_state(|| DEFAULT_PER_YEAR.to_string());
    let steps = use_state(|| 1_u32);
    let perspective = use_state(|| Perspective::Municipality);
    let text_input = |h: &UseStateHandle<String>| {
        let h = h.clone();
        Callback::from(move |e: InputEvent| {
            h.set(e.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let on_steps = {
        let steps = steps.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            steps.set(v.parse().unwrap_or(1));
        })
    };
    let on_perspective = {
        let perspective = perspective.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            perspective.set(Perspective::from_id(&v).unwrap_or_default());
        })
    };
    let budget = Budget {
        once: limit(&once),
        per_year: limit(&per_year),
        perspective: *perspective,
    };
    // The candidates (every combination of levels of measures on shared waste) are built
    // off the input path; the search itself is fast and follows the budget as it is typed.
    let (cands, pending) = use_debounced(&(analysis_key(&store.settings), *steps), candidates_for);
    let cand_list: Option<std::rc::Rc<Result<Candidates, String>>> = cands.clone();
    // The search runs in an effect, never in render, and only when the candidates or the
    // budget change (a slider move re-renders the whole app).
    let searched = use_state(|| (None::<Plan>, None::<String>));
    {
        let searched = searched.setter();
        use_effect_with((Same(cands), budget), move |(c, budget)| {
            searched.set(match c.0.as_deref() {
                Some(Ok(c)) => (Some(optimize(c, *budget)), None),
                Some(Err(msg)) => (None, Some(msg.clone())),
                None => (None, None),
            });
        });
    }
    let (plan, error): &(Option<Plan>, Option<String>) = &searched;
    let payer_option = |p: Perspective, label: K| {
        html! { <option value={p.id()} selected={*perspective == p}>{ t(lang, label) }</option> }
    };
    let effect_of = |id: &str| {
        store
            .settings
            .measure(id)
            .map_or(Decimal::ZERO, |m| m.effect_pct)
    };
    let no_limit = t(lang, K::NoLimit);
    let cand_ok: Option<&Candidates> = cand_list.as_deref().and_then(|r| r.as_ref().ok());
    // Who pays a measure's costs; costs the chosen budget does not carry are shown as
    // such, so the rows add up to the sum row.
    let payer_of = |id: &str| {
        cand_ok
            .and_then(|c| c.measures.iter().find(|m| m.measure.as_str() == id))
            .map(|m| m.cost_payer)
    };
    let cost_cell = |v: Sek, payer: Option<Payer>, test: String, label: K| match payer {
        Some(p) if !budget.perspective.includes(p) => html! {
            <td class="num" data-testid={test} data-label={t(lang, label)}>
                <span class="main">{ format::sek(Sek::ZERO, lang) }</span>
                <span class="sub">{ format!("{} {}: {}", format::sek(v, lang), t(lang, K::PaidBy), payer_label(p, lang)) }</span>
            </td>
        },
        _ => {
            html! { <td class="num" data-testid={test} data-label={t(lang, label)}>{ format::sek(v, lang) }</td> }
        }
    };
    html! {
        <section class="decide-part budget" aria-labelledby="budget-title">
            <div class="panel-head">
                <h3 id="budget-title">{ t(lang, K::BudgetTitle) }</h3>
                if pending {
                    <span class="status busy" role="status" data-testid="budget-status">{ t(lang, K::Computing) }</span>
                }
            </div>
            <p class="hint">{ t(lang, K::BudgetHelp) }</p>
            <div class="budget-form">
                <div class="field">
                    <label for="budget-payer">{ t(lang, K::BudgetPayer) }</label>
                    <select id="budget-payer" data-testid="budget-payer" onchange={on_perspective}>
                        { payer_option(Perspective::Municipality, K::PayerMunicipality) }
                        { payer_option(Perspective::WasteFee, K::PayerWasteFee) }
                        { payer_option(Perspective::MunicipalBudget, K::PayerBudget) }
                    </select>
                </div>
                <div class="field">
                    <label for="budget-once">{ t(lang, K::BudgetOnce) }</label>
                    <input id="budget-once" type="number" min="0" step="10000" inputmode="numeric" data-testid="budget-once"
                        placeholder={no_limit} value={(*once).clone()} oninput={text_input(&once)} />
                </div>
                <div class="field">
                    <label for="budget-year">{ t(lang, K::BudgetYear) }</label>
                    <input id="budget-year" type="number" min="0" step="10000" inputmode="numeric" data-testid="budget-year"
                        placeholder={no_limit} value={(*per_year).clone()} oninput={text_input(&per_year)} />
                </div>
                <div class="field">
                    <label for="budget-steps">{ t(lang, K::BudgetSteps) }</label>
                    <select id="budget-steps" data-testid="budget-steps" onchange={on_steps}>
                        <option value="1" selected={*steps == 1}>{ t(lang, K::StepsWhole) }</option>
                        <option value="2" selected={*steps == 2}>{ t(lang, K::StepsHalves) }</option>
                        <option value="4" selected={*steps == 4}>{ t(lang, K::StepsQuarters) }</option>
                    </select>
                </div>
            </div>
            if let Some(msg) = error {
                <div class="alert" role="alert">{ format!("{} {msg}", t(lang, K::CalcError)) }</div>
            }
            if plan.is_none() && error.is_none() {
                <p class="hint">{ t(lang, K::Computing) }</p>
            }
            if let Some(plan) = plan.as_ref() {
                <h4 class="package-title">{ t(lang, K::BestPackage) }</h4>
                if plan.chosen.is_empty() {
                    <p class="hint" data-testid="best-package">{ t(lang, K::PackageEmpty) }</p>
                } else {
                    <ScrollBox label={t(lang, K::BestPackage)}>
                        <table class={classes!("package", "stack", pending.then_some("stale"))} data-testid="best-package">
                            <thead>
                                <tr>
                                    <th scope="col">{ t(lang, K::ColMeasure) }</th>
                                    <th scope="col" class="num">{ t(lang, K::ColLevel) }</th>
                                    <th scope="col" class="num">{ t(lang, K::ColCo2e) }</th>
                                    <th scope="col" class="num">{ t(lang, K::ColOnce) }</th>
                                    <th scope="col" class="num">{ t(lang, K::ColYearly) }</th>
                                </tr>
                            </thead>
                            <tbody>
                                { for plan.chosen.iter().map(|ch| {
                                    let id = ch.measure.as_str();
                                    let effect = effect_of(id).checked_mul(ch.level).unwrap_or(Decimal::ZERO);
                                    let payer = payer_of(id);
                                    html! {
                                        <tr key={id.to_string()} data-measure={id.to_string()}>
                                            <th scope="row">{ measure_name_by_id(id, lang) }</th>
                                            <td class="num" data-label={t(lang, K::ColLevel)}>
                                                <span class="main">{ format::percent(ch.level, 0, lang) }</span>
                                                <span class="sub">{ format!("= {} {}", t(lang, K::Effect).to_lowercase(), format::percent(effect.checked_div(Decimal::ONE_HUNDRED).unwrap_or(Decimal::ZERO), 1, lang)) }</span>
                                            </td>
                                            <td class="num" data-label={t(lang, K::ColCo2e)}>{ format::tonnes_co2e(ch.co2e_saved_kg_per_year, lang) }</td>
                                            { cost_cell(ch.cost_once, payer, format!("package-once-{id}"), K::ColOnce) }
                                            { cost_cell(ch.cost_per_year, payer, format!("package-year-{id}"), K::ColYearly) }
                                        </tr>
                                    }
                                }) }
                            </tbody>
                            <tfoot>
                                <tr>
                                    <th scope="row">{ t(lang, K::PackageTotal) }</th>
                                    <td class="empty"></td>
                                    <td class="num" data-testid="best-package-co2e" data-label={t(lang, K::ColCo2e)}>{ format::tonnes_co2e(plan.co2e_saved_kg_per_year, lang) }</td>
                                    <td class="num" data-testid="best-package-once" data-label={t(lang, K::ColOnce)}>{ format::sek(plan.cost_once, lang) }</td>
                                    <td class="num" data-testid="best-package-year" data-label={t(lang, K::ColYearly)}>{ format::sek(plan.cost_per_year, lang) }</td>
                                </tr>
                            </tfoot>
                        </table>
                    </ScrollBox>
                }
                { next_line(plan, cand_ok, lang) }
            }
        </section>
    }
}
