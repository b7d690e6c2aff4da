//! Which effects the results assume (issue 21): the expected outcome (effects that were
//! achieved and measured elsewhere, with their ranges) or the plan's ambition (every
//! measure reaches its goal); what the law requires whatever the plan does, on its own
//! line with a switch to count it; and, per measure, the expected result beside the result
//! at the plan's goal, so a planner sees which measures carry the plan and which carry hope.

use super::scroll_box::ScrollBox;
use crate::decide::use_analysis;
use crate::format;
use crate::hooks::use_app;
use crate::i18n::{K, t, tf};
use crate::settings::{Settings, catalogue};
use crate::state::Action;
use calc_core::csvio::Lang;
use calc_core::{Case, Evaluation, KgCo2e, Perspective};
use std::rc::Rc;
use yew::prelude::*;

fn case_name(case: Case, lang: Lang) -> &'static str {
    case.name(lang)
}

/// The settings' scenario with every measure at its goal (the plan's ambition), evaluated
/// without the year-by-year figures: off the input path, like the other analyses.
fn at_goal(settings: &Settings) -> Result<Evaluation, String> {
    let cat = catalogue().ok_or_else(|| "built-in data did not load".to_string())?;
    let table = cat
        .current_set()
        .ok_or_else(|| "no factor set".to_string())?;
    let mut s = settings.to_scenario(cat);
    s.set_case(Case::Ambition);
    calc_core::evaluate_totals(table, &s).map_err(|e| e.to_string())
}

fn t_per_year(kg: KgCo2e, lang: Lang) -> String {
    tf(
        lang,
        K::TonnesCo2ePerYear,
        &[("t", &format::tonnes_co2e(kg, lang))],
    )
}

/// The case chooser, the result at the plan's goals, the required-by-law line and the
/// per-measure comparison.
#[function_component]
pub fn CasePanel() -> Html {
    let Some((store, lang)) = use_app() else {
        return html! {};
    };
    let (goal, pending) = use_analysis(&store.settings, at_goal);
    if store.settings.municipalities.is_empty() {
        return html! {};
    }
    let Ok(e) = store.eval.as_ref() else {
        return html! {};
    };
    let case = e.case;
    let choose = |c: Case| {
        let store = store.clone();
        Callback::from(move |_: Event| store.dispatch(Action::SetCase(c)))
    };
    let include = {
        let store = store.clone();
        let on = store.settings.include_required_by_law;
        Callback::from(move |_: Event| store.dispatch(Action::SetIncludeRequiredByLaw(!on)))
    };
    let goal: Option<Rc<Result<Evaluation, String>>> = goal;
    let goal_total = goal.as_ref().and_then(|g| {
        g.as_ref()
            .as_ref()
            .ok()
            .map(|g| g.total.co2e_saved_kg_per_year.central)
    });
    let law = &e.required_by_law;
    let law_sek = law
        .net_sek_per_year(Perspective::Municipality)
        .map(|b| format::sek_short(b.central, lang))
        .unwrap_or_default();
    let shown = html! {
        <p class="case-shown" data-testid="case-shown">
            { t(lang, K::CaseShown) }
            <strong>{ case_name(case, lang) }</strong>
            { match case {
                Case::Expected => t(lang, K::CaseExpectedAbout),
                Case::Ambition => t(lang, K::CaseAmbitionAbout),
                Case::Own => t(lang, K::CaseOwnAbout),
            } }
        </p>
    };
    let (expected_head, goal_head) = (t(lang, K::CaseExpected), t(lang, K::CaseAtGoal));
    let rows: Vec<Html> = e
        .by_measure
        .iter()
        .map(|g| {
            let name = crate::components::measure_name_by_id(g.key.as_str(), lang);
            let expected = g.summary.co2e_saved_kg_per_year.central;
            let at = goal.as_ref().and_then(|r| {
                r.as_ref().as_ref().ok().and_then(|ge| {
                    ge.by_measure
                        .iter()
                        .find(|x| x.key == g.key)
                        .map(|x| x.summary.co2e_saved_kg_per_year.central)
                })
            });
            html! {
                <tr>
                    <th scope="row">{ name }</th>
                    <td class="num" data-testid={format!("case-expected-{}", g.key)} data-label={expected_head}>{ format::tonnes_co2e(expected, lang) }</td>
                    <td class="num" data-testid={format!("case-goal-{}", g.key)} data-label={goal_head}>{ at.map_or_else(|| "…".to_string(), |k| format::tonnes_co2e(k, lang)) }</td>
                </tr>
            }
        })
        .collect();
    html! {
        <section class="panel case-panel" aria-labelledby="case-title" data-testid="case-panel">
            <h3 id="case-title">{ t(lang, K::CaseTitle) }</h3>
            <fieldset class="case-choice no-print">
                <legend>{ t(lang, K::CaseChoose) }</legend>
                <label>
                    <input type="radio" name="case" data-testid="case-expected"
                        checked={case == Case::Expected} onchange={choose(Case::Expected)} />
                    { t(lang, K::CaseChooseExpected) }
                </label>
                <label>
                    <input type="radio" name="case" data-testid="case-ambition"
                        checked={case == Case::Ambition} onchange={choose(Case::Ambition)} />
                    { t(lang, K::CaseChooseAmbition) }
                </label>
            </fieldset>
            { shown }
            <p data-testid="case-goal-total">
                { t(lang, K::CaseIfGoal) }
                <strong>{ goal_total.map_or_else(|| t(lang, K::Computing).to_string(), |k| t_per_year(k, lang)) }</strong>
                { t(lang, K::CaseExpectedTail) }
                { t_per_year(e.total.co2e_saved_kg_per_year.central, lang) }
                if pending && goal_total.is_some() { <span class="hint">{ t(lang, K::Updating) }</span> }
            </p>
            if !e.required_by_law_items.is_empty() {
                <div class="law-line" data-testid="required-by-law">
                    <p>
                        { t(lang, K::LawLine) }
                        <strong data-testid="required-by-law-co2e">{ t_per_year(law.co2e_saved_kg_per_year.central, lang) }</strong>
                        { tf(lang, K::LawMunicipalityPerYear, &[("sek", &law_sek)]) }
                        { if e.includes_required_by_law {
                            t(lang, K::LawIncluded)
                        } else {
                            t(lang, K::LawNotIncluded)
                        } }
                    </p>
                    <label class="no-print">
                        <input type="checkbox" data-testid="include-required-by-law"
                            checked={e.includes_required_by_law} onchange={include} />
                        { t(lang, K::LawCount) }
                    </label>
                </div>
            }
            <details class="case-measures no-print">
                <summary>{ t(lang, K::CaseMeasures) }</summary>
                <ScrollBox label={t(lang, K::CaseMeasuresLabel)}>
                    <table class="results stack" data-testid="case-measures-table">
                        <thead><tr>
                            <th scope="col">{ t(lang, K::ColMeasure) }</th>
                            <th scope="col" class="num">{ expected_head }</th>
                            <th scope="col" class="num">{ goal_head }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </ScrollBox>
                <p class="hint">{ t(lang, K::CaseHope) }</p>
            </details>
        </section>
    }
}
