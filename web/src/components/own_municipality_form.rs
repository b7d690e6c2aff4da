//! Any Swedish municipality (issue 26): the form that adds one of SCB's 290
//! municipalities with its population, the population's date and source, and the list of
//! those added (choose, remove). Checked by calc-core's reader
//! ([`crate::own_municipality::OwnMunicipality::check`]); each refusal is shown next to its
//! field.

use crate::format;
use crate::hooks::use_app_cat;
use crate::i18n::{KTargets, t};
use crate::own_municipality::{OwnMuniField, OwnMunicipality};
use crate::state::Action;
use rust_decimal::Decimal;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The form's fields as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Form {
    municipality: String,
    population: String,
    date: String,
    source: String,
}

/// The added municipalities and the form to add one.
#[function_component]
pub fn OwnMunicipalityForm() -> Html {
    let form = use_state(Form::default);
    let errors = use_state(Vec::<(OwnMuniField, String)>::new);
    let Some((store, lang, cat)) = use_app_cat() else {
        return html! {};
    };
    let text = |set: fn(&mut Form, String)| {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut f = (*form).clone();
            set(&mut f, v);
            form.set(f);
        })
    };
    let onsubmit = {
        let form = form.clone();
        let errors = errors.clone();
        let store = store.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match OwnMunicipality::check(
                &form.municipality,
                &form.population,
                &form.date,
                &form.source,
                cat,
                store.lang,
            ) {
                Ok(m) => {
                    errors.set(Vec::new());
                    form.set(Form::default());
                    store.dispatch(Action::AddOwnMunicipality(m));
                }
                Err(list) => errors.set(list),
            }
        })
    };
    let error_of = |f: OwnMuniField| -> Option<String> {
        let list: Vec<&str> = errors
            .iter()
            .filter(|(g, _)| *g == f)
            .map(|(_, m)| m.as_str())
            .collect();
        (!list.is_empty()).then(|| list.join("; "))
    };
    let field = |id: &'static str,
                 label: &'static str,
                 hint: Option<&'static str>,
                 value: &str,
                 f: OwnMuniField,
                 oninput: Callback<InputEvent>,
                 inputmode: &'static str,
                 list: Option<&'static str>| {
        let error = error_of(f);
        let hint_id = format!("{id}-hint");
        let error_id = format!("{id}-error");
        let described: Vec<String> = hint
            .map(|_| hint_id.clone())
            .into_iter()
            .chain(error.as_ref().map(|_| error_id.clone()))
            .collect();
        html! {
            <div class="field">
                <label for={id}>{ label }</label>
                if let Some(h) = hint {
                    <span class="hint" id={hint_id.clone()}>{ h }</span>
                }
                <input {id} type="text" inputmode={inputmode} value={value.to_string()} data-testid={id} {oninput}
                    list={list} autocomplete="off"
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={(!described.is_empty()).then(|| described.join(" "))} />
                if let Some(m) = error {
                    <span class="field-error" id={error_id.clone()} data-testid={error_id}>{ m }</span>
                }
            </div>
        }
    };
    let added = &store.settings.own_municipalities;
    html! {
        <div class="own-municipalities" data-testid="own-municipalities">
            if !added.is_empty() {
                <ul class="muni-grid own-list">
                    { for added.iter().map(|o| {
                        let code = o.code.clone();
                        let checked = store.settings.has_municipality(&code);
                        let onchange = {
                            let store = store.clone();
                            let code = code.clone();
                            Callback::from(move |_: Event| store.dispatch(Action::ToggleMunicipality(code.clone())))
                        };
                        let onclick = {
                            let store = store.clone();
                            let code = code.clone();
                            Callback::from(move |_: MouseEvent| store.dispatch(Action::RemoveOwnMunicipality(code.clone())))
                        };
                        let pop = o.population.trim().replace(' ', "").parse::<Decimal>()
                            .map_or_else(|_| o.population.clone(), |d| format::number(d, 0, lang));
                        let about = format!("{pop} {} ({}, {})", crate::i18n::t(lang, crate::i18n::K::Inhabitants), o.date, o.source);
                        html! {
                            <li key={code.clone()} class="own-item">
                                <label class="check">
                                    <input type="checkbox" data-testid={format!("muni-{code}")} {checked} {onchange} />
                                    <span>{ o.name.clone() }</span>
                                </label>
                                <span class="hint own-about">{ about }</span>
                                <button type="button" class="button-link small" data-testid={format!("remove-muni-{code}")} {onclick}
                                    aria-label={format!("{} {}", t(lang, KTargets::Remove), o.name)}>{ t(lang, KTargets::Remove) }</button>
                            </li>
                        }
                    }) }
                </ul>
            }
            <details class="own-muni-add" data-testid="own-muni-details">
                <summary>{ t(lang, KTargets::AddAnotherMunicipality) }</summary>
                <p class="hint">{ t(lang, KTargets::AnyOfSwedenS290) }</p>
                <form class="own-muni-form" onsubmit={onsubmit} novalidate=true data-testid="own-muni-form">
                    { field("own-muni-name", t(lang, KTargets::MunicipalityNameOrCode), None,
                        &form.municipality, OwnMuniField::Municipality, text(|f, v| f.municipality = v), "text", Some("scb-municipalities")) }
                    <datalist id="scb-municipalities">
                        { for cat.all_municipalities.iter().filter(|m| !cat.is_plan_municipality(&m.code)).map(|m| html! {
                            <option value={m.name.clone()}>{ m.code.to_string() }</option>
                        }) }
                    </datalist>
                    { field("own-muni-population", t(lang, KTargets::PopulationInhabitants), None,
                        &form.population, OwnMuniField::Population, text(|f, v| f.population = v), "numeric", None) }
                    { field("own-muni-date", t(lang, KTargets::DateOfThePopulation), Some(t(lang, KTargets::YYYYMMDDEG)),
                        &form.date, OwnMuniField::Date, text(|f, v| f.date = v), "numeric", None) }
                    { field("own-muni-source", t(lang, KTargets::Source), Some(t(lang, KTargets::EGSCBPopulation31)),
                        &form.source, OwnMuniField::Source, text(|f, v| f.source = v), "text", None) }
                    <button type="submit" class="button-secondary" data-testid="own-muni-add">{ t(lang, KTargets::AddTheMunicipality) }</button>
                </form>
            </details>
        </div>
    }
}
