//! The own-figures form: a municipality's measured quantity and shares for one pool (every
//! field of the baseline file), saved, changed or removed.

use super::card::value;
use super::form::{
    FormProps, described, errors_for, field_error, focus_id, invalid, municipality_options,
    name_of, on_remove, on_select, on_text, pool_name, show_refusals, text_field,
};
use crate::follow_up::{OwnField, OwnFigureInput, OwnForm, QuantityUnit};
use crate::i18n::Lang;
use crate::i18n::{KTargets, t};
use crate::settings::catalogue;
use calc_core::Route;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

fn unit_name(u: QuantityUnit, lang: Lang) -> &'static str {
    match u {
        QuantityUnit::Tonnes => t(lang, KTargets::TonnesPerYear),
        QuantityUnit::KgPerInhabitant => t(lang, KTargets::KgPerInhabitantAndYear),
        QuantityUnit::GramsPerPortion => t(lang, KTargets::GPerPortion),
    }
}

/// An own row's quantity with its unit, e.g. "5 000 t" or "48,5 kg/inv".
fn own_quantity(o: &OwnFigureInput, lang: Lang) -> String {
    match (o.tonnes, o.kg_per_inhabitant, o.g_per_portion) {
        (Some(t), _, _) => format!("{} t", value(t, lang)),
        (None, Some(k), _) => format!("{} {}", value(k, lang), t(lang, KTargets::KgInh)),
        (None, None, Some(g)) => {
            format!("{} {}", value(g, lang), t(lang, KTargets::GPortion))
        }
        (None, None, None) => t(lang, KTargets::DefaultQuantity).to_string(),
    }
}

/// The form and the list of own figures.
#[function_component]
pub(super) fn OwnFiguresForm(p: &FormProps) -> Html {
    let own_form = use_mut_ref(OwnForm::default);
    // The row "Ändra" put into the form (municipality, pool): saving replaces it, also when
    // the municipality or pool was changed in the form.
    let own_editing = use_mut_ref(|| None::<(String, String)>);
    let own_errors = use_state(Vec::<(OwnField, String)>::new);
    let own_status = use_state(String::new);
    let redraw = use_force_update();
    let Some(cat) = catalogue() else {
        return html! {};
    };
    let (lang, follow, towns_all) = (p.lang, p.follow.clone(), Rc::clone(&p.towns));
    let set = p.set();
    let first_chosen = p.first_chosen.clone();
    let name_of = |code: &str| name_of(&towns_all, code);
    let pool_name = |id: &str| pool_name(cat, id, lang);
    {
        // The form starts on the first chosen municipality and household food.
        let mut f = own_form.borrow_mut();
        if f.municipality.is_empty() {
            f.municipality = first_chosen.clone().unwrap_or_else(|| "1490".into());
            f.pool = "household_food".into();
            f.year = "2024".into();
        }
    }
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
                        t(lang, KTargets::OwnFiguresSaved),
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

    let of = own_form.borrow().clone();
    let per_portion = cat
        .pools
        .iter()
        .find(|p| p.id.as_str() == of.pool)
        .is_some_and(|p| matches!(p.basis, calc_core::QuantityBasis::PerPortion { .. }));
    let oe = |f: OwnField| errors_for(&own_errors, f);
    let (e_year, e_qty, e_routes, e_source, e_note) = (
        oe(OwnField::Year),
        oe(OwnField::Quantity),
        oe(OwnField::Routes),
        oe(OwnField::Source),
        oe(OwnField::Note),
    );
    let (e_mun, e_pool) = (oe(OwnField::Municipality), oe(OwnField::Pool));
    html! {
                <form class="follow-up-form" onsubmit={add_own} data-testid="own-form" novalidate=true>
                    <h3>{ t(lang, KTargets::TheMunicipalitySOwnFigures) }</h3>
                    <p class="hint">{ t(lang, KTargets::AMeasuredQuantityAndShares) }</p>
                    <label for="own-municipality">{ t(lang, KTargets::Municipality) }</label>
                    <select id="own-municipality" data-testid="own-municipality" onchange={own_select(|f, v| f.municipality = v)}
                        aria-invalid={invalid(&e_mun)} aria-describedby={described("own-municipality", &e_mun)}>{ municipality_options(&towns_all, Some(of.municipality.as_str())) }</select>
                    { field_error("own-municipality", e_mun.as_ref()) }
                    <label for="own-pool">{ t(lang, KTargets::Pool) }</label>
                    <select id="own-pool" data-testid="own-pool" onchange={own_select(|f, v| f.pool = v)}
                        aria-invalid={invalid(&e_pool)} aria-describedby={described("own-pool", &e_pool)}>
                        { for cat.pools.iter().map(|p| html! { <option value={p.id.0.clone()} selected={p.id.as_str() == of.pool}>{ pool_name(p.id.as_str()) }</option> }) }
                    </select>
                    { field_error("own-pool", e_pool.as_ref()) }
                    { text_field("own-year", t(lang, KTargets::YearOfTheFigures), of.year.clone(), Some("numeric"), own_text(|f, v| f.year = v), &e_year) }
                    <div class="quantity-pair">
                        <span class="field">
                            <label for="own-quantity">{ t(lang, KTargets::QuantityEmptyDefault) }</label>
                            <input id="own-quantity" type="text" inputmode="decimal" value={of.quantity.clone()} data-testid="own-quantity" oninput={own_text(|f, v| f.quantity = v)}
                                aria-invalid={invalid(&e_qty)} aria-describedby={described("own-quantity", &e_qty)} />
                        </span>
                        <span class="field">
                            <label for="own-unit">{ t(lang, KTargets::Unit) }</label>
                            <select id="own-unit" data-testid="own-unit" onchange={own_select(|f, v| f.unit = QuantityUnit::from_column(&v).unwrap_or_default())}>
                                { for QuantityUnit::ALL.into_iter().filter(|u| per_portion || *u != QuantityUnit::GramsPerPortion || of.unit == *u).map(|u| html! {
                                    <option value={u.column()} selected={u == of.unit}>{ unit_name(u, lang) }</option>
                                }) }
                            </select>
                        </span>
                    </div>
                    { field_error("own-quantity", e_qty.as_ref()) }
                    <fieldset class="own-shares" aria-describedby={described("own-shares", &e_routes)}>
                        <legend>{ t(lang, KTargets::WhereItGoesTodayAll) }</legend>
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
                    { text_field("own-source", t(lang, KTargets::Source), of.source.clone(), None, own_text(|f, v| f.source = v), &e_source) }
                    { text_field("own-note", t(lang, KTargets::Note), of.note.clone(), None, own_text(|f, v| f.note = v), &e_note) }
                    <button type="submit" class="button-primary" data-testid="own-add">{ t(lang, KTargets::SaveOwnFigures) }</button>
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
                                <button type="button" class="button-secondary" onclick={edit_own(i)} aria-label={format!("{} {label}", t(lang, KTargets::Change))}>{ t(lang, KTargets::Change) }</button>
                                <button type="button" class="button-secondary" onclick={remove_own(i)} aria-label={format!("{} {label}", t(lang, KTargets::Remove))}>{ t(lang, KTargets::Remove) }</button>
                            </li>
                        }
                    }) }</ul>
                </form>
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
