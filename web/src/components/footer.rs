//! The page footer: privacy note, the factor set used and the accessibility statement.

use crate::hooks::use_app;
use crate::i18n::{K, t};
use crate::settings::catalogue;
use yew::prelude::*;

/// The page footer.
#[function_component]
pub fn Footer() -> Html {
    let Some((_, lang)) = use_app() else {
        return html! {};
    };
    let set = catalogue()
        .and_then(|c| c.current_set())
        .map(|s| {
            let info = s.info();
            match info.price_year {
                Some(y) => format!(
                    "{} {} · {} {y} (KPI)",
                    info.name,
                    info.version,
                    t(lang, K::PriceLevel)
                ),
                None => format!("{} {}", info.name, info.version),
            }
        })
        // No factor set (broken built-in data, ruled out by tests): an empty label.
        .unwrap_or_default();
    html! {
        <footer class="site-footer">
            <p>{ t(lang, K::Privacy) }</p>
            <p>{ format!("{}: {set}", t(lang, K::FactorSet)) }</p>
            <p>
                <a href={ t(lang, K::AccessibilityHref) }>{ t(lang, K::AccessibilityStatement) }</a>
            </p>
        </footer>
    }
}
