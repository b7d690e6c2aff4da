//! The page footer: privacy note and the factor set used.

use super::Store;
use crate::i18n::{K, t};
use crate::state::catalogue;
use yew::prelude::*;

/// The page footer.
#[function_component]
pub fn Footer() -> Html {
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let lang = store.lang;
    let set = catalogue()
        .and_then(|c| c.current_set())
        .map(|s| format!("{} {}", s.info().name, s.info().version))
        // No factor set (broken built-in data, ruled out by tests): an empty label.
        .unwrap_or_default();
    html! {
        <footer class="site-footer">
            <p>{ t(lang, K::Privacy) }</p>
            <p>{ format!("{}: {set}", t(lang, K::FactorSet)) }</p>
        </footer>
    }
}
