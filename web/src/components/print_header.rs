//! A heading seen only on paper: scenario name, municipalities and measures.

use super::Store;
use crate::i18n::{K, t};
use crate::state::catalogue;
use yew::prelude::*;

/// The print-only heading.
#[function_component]
pub fn PrintHeader() -> Html {
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let Some(cat) = catalogue() else {
        return html! {};
    };
    let lang = store.lang;
    let names: Vec<String> = store
        .settings
        .chosen(cat)
        .iter()
        .map(|k| k.name.clone())
        .collect();
    let on = store.settings.measures.iter().filter(|m| m.enabled).count();
    html! {
        <div class="print-only print-header">
            <h2>{ format!("{} – {}", t(lang, K::PrintTitle), store.settings.name) }</h2>
            <p>
                { format!("{}: {}. {} {}.", t(lang, K::Chosen), names.join(", "), on, t(lang, K::MeasuresOn)) }
            </p>
        </div>
    }
}
