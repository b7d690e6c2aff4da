//! A heading seen only on paper: scenario name, municipalities and measures.

use crate::i18n::{K, t};

use crate::hooks::use_app_cat;
use yew::prelude::*;

/// The print-only heading.
#[function_component]
pub fn PrintHeader() -> Html {
    let Some((store, lang, cat)) = use_app_cat() else {
        return html! {};
    };
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
