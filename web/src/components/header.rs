//! The page header: name, purpose and the language switch.

use crate::hooks::use_app;
use crate::i18n::{K, Lang, t};
use crate::state::Action;
use yew::prelude::*;

/// The page header.
#[function_component]
pub fn Header() -> Html {
    let Some((store, lang)) = use_app() else {
        return html! {};
    };
    let onclick = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| {
            let next = match store.lang {
                Lang::Sv => Lang::En,
                Lang::En => Lang::Sv,
            };
            store.dispatch(Action::SetLang(next));
        })
    };
    let other = match lang {
        Lang::Sv => "en",
        Lang::En => "sv",
    };
    html! {
        <header class="site-header">
            <a class="skip-link" href="#results">{ t(lang, K::SkipToResults) }</a>
            <div class="site-header-inner">
                <div class="brand">
                    <svg class="logo" viewBox="0 0 32 32" width="36" height="36" aria-hidden="true">
                        <circle cx="16" cy="16" r="15" fill="#ffffff" />
                        <path d="M16 6c-5 4-7 8-7 12a7 7 0 0 0 14 0c0-4-2-8-7-12z" fill="#1b5e3b" />
                        <path d="M16 12v13" stroke="#ffffff" stroke-width="1.6" />
                    </svg>
                    <div>
                        <h1>{ t(lang, K::AppTitle) }</h1>
                        <p class="tagline">{ t(lang, K::AppSubtitle) }</p>
                    </div>
                </div>
                <button type="button" class="lang-switch" data-testid="lang-switch"
                    lang={other} aria-label={t(lang, K::LangSwitchLabel)} {onclick}>
                    { t(lang, K::LangSwitch) }
                </button>
            </div>
        </header>
    }
}
