//! The targets form: the plan's (or the planner's) targets, added, changed in place or
//! removed, and back to the plan's.

use super::card::value;
use super::form::{
    FormProps, described, errors_for, field_error, focus_id, indicator_options, invalid, on_text,
    pool_name, show_refusals, text_field,
};
use crate::follow_up::{TargetField, TargetForm, TargetInput};
use crate::i18n::{KTargets, t};
use crate::settings::catalogue;
use calc_core::Indicator;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The list of targets and the form.
#[function_component]
pub(super) fn TargetsForm(p: &FormProps) -> Html {
    let target_form = use_mut_ref(TargetForm::default);
    let target_errors = use_state(Vec::<(TargetField, String)>::new);
    let target_status = use_state(String::new);
    let editing = use_state(|| None::<String>);
    let redraw = use_force_update();
    let Some(cat) = catalogue() else {
        return html! {};
    };
    let (lang, follow, towns_all) = (p.lang, p.follow.clone(), Rc::clone(&p.towns));
    let set = p.set();
    let pool_name = |id: &str| pool_name(cat, id, lang);
    let blank_target = || TargetForm {
        indicator: Indicator::ALL
            .first()
            .map(|i| i.id().to_string())
            .unwrap_or_default(),
        base_year: "2021".into(),
        target_year: "2030".into(),
        ..TargetForm::default()
    };
    {
        // The form starts blank: the first indicator, 2021 to 2030.
        let mut t = target_form.borrow_mut();
        if t.indicator.is_empty() {
            *t = blank_target();
        }
    }
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
                    typed.text = format!("{} {n}", t(lang, KTargets::OwnTarget));
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
                            status.set(format!("{} {name}", t(lang, KTargets::TargetChanged)));
                        }
                        None => {
                            rows.retain(|t| t.id != id);
                            rows.push(row);
                            status.set(format!("{} {name}", t(lang, KTargets::TargetAdded)));
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
    let edit_target = |target: TargetInput| {
        let (form, editing, errs, status, redraw) = (
            target_form.clone(),
            editing.clone(),
            target_errors.clone(),
            target_status.clone(),
            redraw.clone(),
        );
        Callback::from(move |_| {
            *form.borrow_mut() = TargetForm::of(&target, lang);
            errs.set(Vec::new());
            status.set(format!(
                "{} {}",
                t(lang, KTargets::ChangingTarget),
                target.name(lang)
            ));
            editing.set(Some(target.id.clone()));
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
            status.set(format!("{} {name}", t(lang, KTargets::ChangeCancelled)));
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
            status.set(format!("{} {name}", t(lang, KTargets::TargetRemoved)));
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
    let target_rows = follow.target_rows(cat);
    let tf = target_form.borrow().clone();
    let te = |f: TargetField| errors_for(&target_errors, f);
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
    let editing_id = editing.as_ref().cloned();
    html! {
                <form class="follow-up-form" onsubmit={save_target} data-testid="target-form" novalidate=true>
                    <h3>{ t(lang, KTargets::Targets) }</h3>
                    <ul data-testid="target-list">{ for target_rows.iter().map(|row| {
                        let is_edited = editing_id.as_deref() == Some(row.id.as_str());
                        html! {
                            <li class={classes!(is_edited.then_some("editing"))} data-testid={format!("target-item-{}", row.id)}>
                                { format!("{}: {} {}", row.name(lang), Indicator::from_id(&row.indicator).map_or(row.indicator.as_str(), |i| i.name(lang)),
                                    row.target_value.map(|v| value(v, lang)).or_else(|| row.change_pct.map(|c| format!("{} %", value(c, lang)))).unwrap_or_default()) }
                                { format!(" ({}→{})", row.base_year, row.target_year) }
                                if is_edited { <strong>{ format!(" – {}", t(lang, KTargets::BeingChangedBelow)) }</strong> }
                                { " " }
                                <button type="button" class="button-secondary" id={format!("edit-target-{}", row.id)} data-testid={format!("edit-target-{}", row.id)}
                                    onclick={edit_target(row.clone())} aria-label={format!("{}: {}", t(lang, KTargets::ChangeTarget), row.name(lang))}>{ t(lang, KTargets::Change) }</button>
                                <button type="button" class="button-secondary" data-testid={format!("remove-target-{}", row.id)}
                                    onclick={remove_target(row.id.clone())} aria-label={format!("{}: {}", t(lang, KTargets::RemoveTarget), row.name(lang))}>{ t(lang, KTargets::Remove) }</button>
                            </li>
                        }
                    }) }</ul>
                    if follow.targets.is_some() {
                        <button type="button" class="button-secondary" onclick={reset_targets}>{ t(lang, KTargets::BackToThePlanS) }</button>
                    }
                    <h4 id="target-form-title">{ match &editing_id {
                        Some(id) => format!("{}: {}", t(lang, KTargets::ChangeTarget),
                            target_rows.iter().find(|t| t.id == *id).map_or(id.as_str(), |t| t.name(lang))),
                        None => t(lang, KTargets::NewTarget).to_string(),
                    } }</h4>
                    { text_field("target-text", t(lang, KTargets::TheGoalSText), tf.text.clone(), None, target_text(|f, v| f.text = v), &t_text) }
                    <label for="target-indicator">{ t(lang, KTargets::Indicator) }</label>
                    <select id="target-indicator" data-testid="target-indicator" onchange={target_indicator}
                        aria-invalid={invalid(&t_ind)} aria-describedby={described("target-indicator", &t_ind)}>{ indicator_options(&tf.indicator, lang) }</select>
                    { field_error("target-indicator", t_ind.as_ref()) }
                    <fieldset class="target-pools" aria-describedby={described("target-pools", &t_pools)}>
                        <legend>{ t(lang, KTargets::PoolsCountedNoneTickedAll) }</legend>
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
                    { text_field("target-base-year", t(lang, KTargets::BaseYear), tf.base_year.clone(), Some("numeric"), target_text(|f, v| f.base_year = v), &t_by) }
                    { text_field("target-base-value", t(lang, KTargets::BaseValueEmptyTheModel), tf.base_value.clone(), Some("decimal"), target_text(|f, v| f.base_value = v), &t_bv) }
                    <label for="target-value">{ t(lang, KTargets::TargetValue) }</label>
                    <input id="target-value" type="text" inputmode="decimal" value={tf.target_value.clone()} data-testid="target-value" oninput={target_text(|f, v| f.target_value = v)}
                        aria-invalid={invalid(&t_target)} aria-describedby={described("target-value", &t_target)} />
                    <label for="target-change">{ t(lang, KTargets::OrChangeFromTheBase) }</label>
                    <input id="target-change" type="text" inputmode="decimal" value={tf.change_pct.clone()} data-testid="target-change" oninput={target_text(|f, v| f.change_pct = v)}
                        aria-invalid={invalid(&t_target)} aria-describedby={described("target-value", &t_target)} />
                    { field_error("target-value", t_target.as_ref()) }
                    { text_field("target-year", t(lang, KTargets::TargetYear), tf.target_year.clone(), Some("numeric"), target_text(|f, v| f.target_year = v), &t_ty) }
                    if let Some(bases) = editing_id.as_ref().and_then(|id| target_rows.iter().find(|t| t.id == *id)).map(|t| t.bases.len()).filter(|n| *n > 0) {
                        <p class="hint">{ format!("{} {bases}", t(lang, KTargets::TheMunicipalitiesOwnBasesFrom)) }</p>
                    }
                    <div class="form-buttons">
                        <button type="submit" class="button-primary" data-testid="target-save">{ if editing_id.is_some() { t(lang, KTargets::SaveTheChange) } else { t(lang, KTargets::AddTarget) } }</button>
                        if editing_id.is_some() {
                            <button type="button" class="button-secondary" data-testid="target-cancel" onclick={cancel_target}>{ t(lang, KTargets::Cancel) }</button>
                        }
                    </div>
                    <p class="visually-hidden" role="status" data-testid="target-status-message">{ (*target_status).clone() }</p>
                </form>
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
