//! Save named scenarios in the browser, open, delete and pick them for comparison.

use super::compare_table::CompareTable;
use super::import_panel::ImportPanel;
use crate::hooks::use_app;
use crate::i18n::{K, t};
use crate::state::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The scenarios section.
#[function_component]
pub fn ScenariosPanel() -> Html {
    let Some((store, lang)) = use_app() else {
        return html! {};
    };
    let on_name = {
        let store = store.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            store.dispatch(Action::SetName(v));
        })
    };
    let on_save = {
        let store = store.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            store.dispatch(Action::Save);
        })
    };
    let pending_cb = |a: Action| {
        let store = store.clone();
        let a = std::rc::Rc::new(a);
        Callback::from(move |_: MouseEvent| store.dispatch((*a).clone()))
    };
    let dismiss = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::DismissNotes))
    };
    html! {
        <section class="panel scenarios no-print" id="scenarios" aria-labelledby="scenarios-title">
            <h2 id="scenarios-title">{ t(lang, K::Scenarios) }</h2>
            if !store.storage_notes.is_empty() {
                <div class="alert" role="alert" data-testid="storage-notes">
                    <ul>{ for store.storage_notes.iter().map(|n| html! { <li>{ n.message(lang) }</li> }) }</ul>
                    <button type="button" class="button-secondary small" onclick={dismiss}>{ t(lang, K::Dismiss) }</button>
                </div>
            }
            <div class="scenario-grid">
                <div>
                    <form class="save-form" onsubmit={on_save}>
                        <label for="scenario-name">{ t(lang, K::ScenarioName) }</label>
                        <div class="inline">
                            <input id="scenario-name" type="text" data-testid="scenario-name" value={store.settings.name.clone()} oninput={on_name} />
                            <button type="submit" class="button-primary" data-testid="save-scenario">{ t(lang, K::Save) }</button>
                        </div>
                    </form>
                    if let Some(name) = &store.save_pending {
                        <div class="alert" role="alert" data-testid="save-conflict">
                            <p>{ format!("{} ”{name}”. {}", t(lang, K::SaveExists), t(lang, K::SaveExistsAsk)) }</p>
                            <div class="inline">
                                <button type="button" class="button-secondary small" data-testid="save-replace" onclick={pending_cb(Action::SaveReplace)}>{ t(lang, K::SaveReplace) }</button>
                                <button type="button" class="button-secondary small" data-testid="save-both" onclick={pending_cb(Action::SaveBoth)}>
                                    { format!("{} ”{}”", t(lang, K::SaveBoth), crate::state::free_name(&store.saved, name)) }
                                </button>
                                <button type="button" class="button-link small" data-testid="save-cancel" onclick={pending_cb(Action::SaveCancel)}>{ t(lang, K::SaveCancel) }</button>
                            </div>
                        </div>
                    }
                    <h3>{ t(lang, K::Saved) }</h3>
                    if store.saved.is_empty() {
                        <p class="hint">{ t(lang, K::NoneSaved) }</p>
                    } else {
                        <p class="hint">{ t(lang, K::CompareHelp) }</p>
                        <ul class="saved-list" data-testid="saved-list">
                            { for store.saved.iter().map(|s| {
                                let name = s.settings.name.clone();
                                let cb = |a: fn(String) -> Action| {
                                    let store = store.clone();
                                    let name = name.clone();
                                    Callback::from(move |_: MouseEvent| store.dispatch(a(name.clone())))
                                };
                                let on_compare = {
                                    let store = store.clone();
                                    let name = name.clone();
                                    Callback::from(move |_: Event| store.dispatch(Action::ToggleCompare(name.clone())))
                                };
                                let checked = store.compare.contains(&name);
                                let full = store.compare.len() >= 3 && !checked;
                                html! {
                                    <li key={name.clone()}>
                                        <label class="check">
                                            <input type="checkbox" {checked} disabled={full} onchange={on_compare}
                                                aria-label={format!("{}: {name}", t(lang, K::CompareThis))} />
                                            <span class="saved-name">{ name.clone() }</span>
                                        </label>
                                        <span class="saved-actions">
                                            <button type="button" class="button-secondary small" data-testid={format!("open-{name}")} onclick={cb(Action::Open)}>{ t(lang, K::Open) }</button>
                                            <button type="button" class="button-link small" onclick={cb(Action::Delete)}
                                                aria-label={format!("{}: {name}", t(lang, K::Delete))}>{ t(lang, K::Delete) }</button>
                                        </span>
                                    </li>
                                }
                            }) }
                        </ul>
                    }
                </div>
                <ImportPanel />
            </div>
            <CompareTable />
        </section>
    }
}
