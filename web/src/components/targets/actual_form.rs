//! The actuals form: a municipality's measured value of an indicator in a year.

use super::card::value;
use super::form::{
    FormProps, described, errors_for, field_error, indicator_options, invalid,
    municipality_options, name_of, on_remove, on_select, on_text, pool_name, show_refusals,
};
use super::tr;
use crate::follow_up::{ActualField, ActualForm, FollowUp};
use crate::settings::catalogue;
use crate::state::Action;
use calc_core::Indicator;
use std::rc::Rc;
use yew::prelude::*;

/// The form and the list of actuals.
#[function_component]
pub(super) fn ActualsForm(p: &FormProps) -> Html {
    let actual_form = use_mut_ref(ActualForm::default);
    let actual_errors = use_state(Vec::<(ActualField, String)>::new);
    let actual_status = use_state(String::new);
    let Some(cat) = catalogue() else {
        return html! {};
    };
    let (lang, follow, towns_all) = (p.lang, p.follow.clone(), Rc::clone(&p.towns));
    let set = {
        let d = p.dispatch.clone();
        Callback::from(move |f: FollowUp| d.dispatch(Action::SetFollowUp(f)))
    };
    let first_chosen = p.first_chosen.clone();
    let name_of = |code: &str| name_of(&towns_all, code);
    let _pool_name = |id: &str| pool_name(cat, id, lang);
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
                    <h3>{ tr(lang, "Utfall", "Actuals") }</h3>
                    <label for="actual-municipality">{ tr(lang, "Kommun", "Municipality") }</label>
                    <select id="actual-municipality" data-testid="actual-municipality" onchange={actual_select(|f, v| f.municipality = v)}
                        aria-invalid={invalid(&a_mun)} aria-describedby={described("actual-municipality", &a_mun)}>{ municipality_options(&towns_all, Some(af.municipality.as_str())) }</select>
                    { field_error("actual-municipality", a_mun.as_ref()) }
                    <label for="actual-indicator">{ tr(lang, "Indikator", "Indicator") }</label>
                    <select id="actual-indicator" data-testid="actual-indicator" onchange={actual_select(|f, v| f.indicator = v)}
                        aria-invalid={invalid(&a_ind)} aria-describedby={described("actual-indicator", &a_ind)}>{ indicator_options(&af.indicator, lang) }</select>
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
