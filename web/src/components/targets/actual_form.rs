//! The actuals form: a municipality's measured value of an indicator in a year.

use super::card::value;
use super::form::{
    FormProps, described, errors_for, field_error, indicator_options, invalid,
    municipality_options, name_of, on_remove, on_select, on_text, show_refusals, text_field,
};
use crate::follow_up::{ActualField, ActualForm};
use crate::i18n::{KTargets, t};
use crate::settings::catalogue;
use calc_core::Indicator;
use std::rc::Rc;
use yew::prelude::*;

/// The form and the list of actuals.
#[function_component]
pub(super) fn ActualsForm(p: &FormProps) -> Html {
    let actual_form = use_mut_ref(ActualForm::default);
    let actual_errors = use_state(Vec::<(ActualField, String)>::new);
    let actual_status = use_state(String::new);
    let Some(_cat) = catalogue() else {
        return html! {};
    };
    let (lang, follow, towns_all) = (p.lang, p.follow.clone(), Rc::clone(&p.towns));
    let set = p.set();
    let first_chosen = p.first_chosen.clone();
    let name_of = |code: &str| name_of(&towns_all, code);
    {
        let mut a = actual_form.borrow_mut();
        if a.municipality.is_empty() {
            a.municipality = first_chosen.clone().unwrap_or_else(|| "1490".into());
            a.indicator = Indicator::ALL
                .first()
                .map(|i| i.id().to_string())
                .unwrap_or_default();
        }
    }
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
            // calc-core's rules for an actual: a known municipality and indicator, not
            // negative, in the years the goals follow.
            let checked = typed.to_row(&towns_all, &follow.targets(cat).0, lang);
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
                        t(lang, KTargets::ActualSaved),
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

    let af = actual_form.borrow().clone();
    let ae = |f: ActualField| errors_for(&actual_errors, f);
    let (a_mun, a_ind, a_year, a_val) = (
        ae(ActualField::Municipality),
        ae(ActualField::Indicator),
        ae(ActualField::Year),
        ae(ActualField::Value),
    );
    html! {
                <form class="follow-up-form" onsubmit={add_actual} data-testid="actual-form" novalidate=true>
                    <h3>{ t(lang, KTargets::FileActuals) }</h3>
                    <label for="actual-municipality">{ t(lang, KTargets::Municipality) }</label>
                    <select id="actual-municipality" data-testid="actual-municipality" onchange={actual_select(|f, v| f.municipality = v)}
                        aria-invalid={invalid(&a_mun)} aria-describedby={described("actual-municipality", &a_mun)}>{ municipality_options(&towns_all, Some(af.municipality.as_str())) }</select>
                    { field_error("actual-municipality", a_mun.as_ref()) }
                    <label for="actual-indicator">{ t(lang, KTargets::Indicator) }</label>
                    <select id="actual-indicator" data-testid="actual-indicator" onchange={actual_select(|f, v| f.indicator = v)}
                        aria-invalid={invalid(&a_ind)} aria-describedby={described("actual-indicator", &a_ind)}>{ indicator_options(&af.indicator, lang) }</select>
                    { field_error("actual-indicator", a_ind.as_ref()) }
                    { text_field("actual-year", t(lang, KTargets::Year), af.year.clone(), Some("numeric"), actual_text(|f, v| f.year = v), &a_year) }
                    { text_field("actual-value", t(lang, KTargets::ValueInTheIndicatorS), af.value.clone(), Some("decimal"), actual_text(|f, v| f.value = v), &a_val) }
                    <button type="submit" class="button-primary" data-testid="actual-add">{ t(lang, KTargets::Add) }</button>
                    <p class="visually-hidden" role="status" data-testid="actual-status">{ (*actual_status).clone() }</p>
                    <ul data-testid="actual-list">{ for follow.actuals.iter().enumerate().map(|(i, a)| {
                        let label = format!("{}, {} {}", name_of(&a.municipality),
                            Indicator::from_id(&a.indicator).map_or(a.indicator.as_str(), |x| x.name(lang)), a.year);
                        html! {
                            <li>
                                { format!("{label}: {}", value(a.value, lang)) }{ " " }
                                <button type="button" class="button-secondary" onclick={remove_actual(i)} aria-label={format!("{} {label}", t(lang, KTargets::Remove))}>{ t(lang, KTargets::Remove) }</button>
                            </li>
                        }
                    }) }</ul>
                </form>
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
