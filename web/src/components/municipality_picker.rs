//! Choose one municipality, several, or all of Sjuhärad; add any other Swedish
//! municipality ([`super::own_municipality_form`]).

use crate::format;
use crate::hooks::use_app_cat;
use crate::i18n::{K, t};
use crate::state::Action;
use rust_decimal::Decimal;
use yew::prelude::*;

/// Checkboxes for the eight municipalities and "all of Sjuhärad".
#[function_component]
pub fn MunicipalityPicker() -> Html {
    let Some((store, lang, cat)) = use_app_cat() else {
        return html! {};
    };
    let all = cat
        .municipalities
        .iter()
        .all(|k| store.settings.has_municipality(k.code.as_str()));
    let on_all = {
        let store = store.clone();
        Callback::from(move |_: Event| store.dispatch(Action::SetAllMunicipalities(!all)))
    };
    let none = store.settings.municipalities.is_empty();
    html! {
        <fieldset class="panel municipalities">
            <legend>{ t(lang, K::Municipalities) }</legend>
            <label class="check check-all">
                <input type="checkbox" data-testid="muni-all" checked={all} onchange={on_all} />
                <span>{ t(lang, K::WholeSjuharad) }</span>
            </label>
            <ul class="muni-grid">
                { for cat.municipalities.iter().map(|k| {
                    let code = k.code.0.clone();
                    let checked = store.settings.has_municipality(&code);
                    let onchange = {
                        let store = store.clone();
                        let code = code.clone();
                        Callback::from(move |_: Event| store.dispatch(Action::ToggleMunicipality(code.clone())))
                    };
                    let pop = format::number(Decimal::from(k.population), 0, lang);
                    html! {
                        <li key={code.clone()}>
                            <label class="check" title={format!("{pop} {}", t(lang, K::Inhabitants))}>
                                <input type="checkbox" data-testid={format!("muni-{code}")} {checked} {onchange} />
                                <span>{ k.name.clone() }</span>
                            </label>
                        </li>
                    }
                }) }
            </ul>
            <super::own_municipality_form::OwnMunicipalityForm />
            if none {
                <p class="hint" role="status">{ t(lang, K::NoMunicipality) }</p>
            }
        </fieldset>
    }
}
