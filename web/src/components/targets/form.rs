//! What the three follow-up forms share: a field's refusal under it, the status line and
//! focus on a refusal, fields that write into the form as typed, removing a row, and the
//! municipality and indicator options.

use crate::follow_up::FollowUp;
use crate::i18n::Lang;
use crate::i18n::{KTargets, t};
use calc_core::{Indicator, Municipality};
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Moves focus to the element with this id (a convenience for keyboard users: a refusal
/// changes nothing else).
pub(super) fn focus_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// A field's refusals as one message (empty: none).
pub(super) fn errors_for<F: PartialEq + Copy>(errors: &[(F, String)], field: F) -> Option<String> {
    let all: Vec<&str> = errors
        .iter()
        .filter(|(f, _)| *f == field)
        .map(|(_, m)| m.as_str())
        .collect();
    (!all.is_empty()).then(|| all.join("; "))
}

/// What the status line announces when a form is refused: the first refusal.
pub(super) fn refused<F>(list: &[(F, String)], lang: Lang) -> String {
    let first = list.first().map(|(_, m)| m.as_str()).unwrap_or_default();
    format!("{} {first}", t(lang, KTargets::NotSaved))
}

/// A text field that writes its value into the form as it is typed.
pub(super) fn on_text<T: 'static>(
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
pub(super) fn on_select<T: 'static>(
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
pub(super) fn on_remove<R: 'static>(
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
pub(super) fn show_refusals<F: Ord + Copy>(
    mut list: Vec<(F, String)>,
    field_id: fn(F) -> &'static str,
    status: &UseStateHandle<String>,
    errs: &UseStateHandle<Vec<(F, String)>>,
    lang: Lang,
) {
    calc_core::sort::sort_by_key(&mut list, |(f, _)| *f);
    status.set(refused(&list, lang));
    if let Some((first, _)) = list.first() {
        focus_id(field_id(*first));
    }
    errs.set(list);
}

/// A field's refusal under it, named by the field's `aria-describedby`.
pub(super) fn field_error(id: &str, message: Option<&String>) -> Html {
    match message {
        Some(m) => {
            html! { <span class="field-error" id={format!("{id}-error")} data-testid={format!("{id}-error")}>{ m.clone() }</span> }
        }
        None => html! {},
    }
}

/// `aria-describedby` of a field with a refusal.
pub(super) fn described(id: &str, e: &Option<String>) -> Option<String> {
    e.as_ref().map(|_| format!("{id}-error"))
}

/// `aria-invalid` of a field with a refusal.
pub(super) fn invalid(e: &Option<String>) -> Option<&'static str> {
    e.as_ref().map(|_| "true")
}

/// The municipalities the forms accept, as options.
pub(super) fn municipality_options(towns: &[Arc<Municipality>], selected: Option<&str>) -> Html {
    html! { <>{ for towns.iter().map(|k| html! {
        <option value={k.code.0.clone()} selected={selected == Some(k.code.as_str())}>{ k.name.clone() }</option>
    }) }</> }
}

/// The indicators, as options.
pub(super) fn indicator_options(selected: &str, lang: Lang) -> Html {
    html! { <>{ for Indicator::ALL.iter().map(|i| html! {
        <option value={i.id()} selected={i.id() == selected}>{ format!("{} ({})", i.name(lang), i.unit(lang)) }</option>
    }) }</> }
}

/// A municipality's name by SCB code among `towns` (the code when unknown).
pub(super) fn name_of(towns: &[Arc<Municipality>], code: &str) -> String {
    towns
        .iter()
        .find(|k| k.code.as_str() == code)
        .map_or_else(|| code.to_string(), |k| k.name.clone())
}

/// A pool's name by id (the id when unknown).
pub(super) fn pool_name(cat: &factors::Catalogue, id: &str, lang: Lang) -> String {
    cat.pools
        .iter()
        .find(|p| p.id.as_str() == id)
        .map_or_else(|| id.to_string(), |p| p.name(lang).to_string())
}

/// Rc'd for the callbacks.
pub(super) type Towns = Rc<Vec<Arc<Municipality>>>;

/// What a follow-up form shows, from the section: Yew renders a form again only when one
/// of these changed (not on every slider input).
#[derive(Properties, PartialEq, Clone, Debug)]
pub(super) struct FormProps {
    /// Interface language.
    pub(super) lang: Lang,
    /// What the planner entered for follow-up.
    pub(super) follow: FollowUp,
    /// The municipalities the forms accept: Sjuhärad's and those the planner added.
    pub(super) towns: Towns,
    /// The first chosen municipality (the forms start on it).
    pub(super) first_chosen: Option<String>,
    /// The app's dispatcher.
    pub(super) dispatch: yew::functional::UseReducerDispatcher<crate::state::AppState>,
}

/// A text field of a form: its label, the input (`inputmode` for the phone's keyboard) and
/// its refusal under it, named by `aria-describedby`; the element id is also its test id.
pub(super) fn text_field(
    id: &str,
    label: &str,
    value: String,
    inputmode: Option<&'static str>,
    oninput: Callback<InputEvent>,
    error: &Option<String>,
) -> Html {
    html! {
        <>
            <label for={id.to_string()}>{ label.to_string() }</label>
            <input id={id.to_string()} type="text" {inputmode} {value} data-testid={id.to_string()} {oninput}
                aria-invalid={invalid(error)} aria-describedby={described(id, error)} />
            { field_error(id, error.as_ref()) }
        </>
    }
}

impl FormProps {
    /// The callback that stores a changed follow-up in the app's state.
    pub(super) fn set(&self) -> Callback<FollowUp> {
        let d = self.dispatch.clone();
        Callback::from(move |f: FollowUp| d.dispatch(crate::state::Action::SetFollowUp(f)))
    }
}
