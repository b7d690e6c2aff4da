//! On narrow screens the measures come first: a bar pinned to the bottom keeps the
//! headline totals in view while the planner moves sliders.

use super::Store;
use crate::format;
use crate::i18n::{K, t};
use yew::prelude::*;

/// The pinned totals bar (hidden on wide screens and on paper).
#[function_component]
pub fn StickyTotal() -> Html {
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let Ok(e) = store.eval.as_ref() else {
        return html! {};
    };
    let lang = store.lang;
    html! {
        <div class="sticky-total no-print" aria-hidden="true">
            <span>{ t(lang, K::TotalCo2eYear) }{ ": " }
                <strong>{ format::tonnes_co2e(e.total.co2e_saved_kg_per_year.central, lang) }</strong>{ " " }{ t(lang, K::PerYear) }</span>
            <span>{ t(lang, K::TotalSek) }{ ": " }
                <strong>{ format::sek_short(e.total.net_sek_per_year(calc_core::Perspective::Municipality).unwrap_or_default().central, lang) }</strong>{ " " }{ t(lang, K::PerYearUnit) }</span>
            <a href="#results">{ t(lang, K::Results) }{ " ↓" }</a>
        </div>
    }
}
