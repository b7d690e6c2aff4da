//! Import a scenario CSV: errors listed with line and column, nothing applied until valid.

use crate::hooks::use_app;
use crate::i18n::{K, t};
use crate::io::Picked;
use crate::state::{Action, ImportState};
use yew::prelude::*;

/// The import control and its outcome.
#[function_component]
pub fn ImportPanel() -> Html {
    let Some((store, lang)) = use_app() else {
        return html! {};
    };
    let onchange = {
        let store = store.clone();
        Callback::from(move |e: Event| {
            let store = store.clone();
            crate::io::read_chosen_file(&e, move |picked| match picked {
                Picked::TooLarge(file, bytes) => {
                    store.dispatch(Action::ImportTooLarge { file, bytes })
                }
                Picked::Read(file, bytes) => store.dispatch(Action::Import { file, bytes }),
                Picked::Failed(name, err) => store.dispatch(Action::Import {
                    file: format!("{name} ({err})"),
                    bytes: Vec::new(),
                }),
            });
        })
    };
    html! {
        <div class="import">
            <label for="import-file" class="label-strong">{ t(lang, K::Import) }</label>
            <p class="hint" id="import-help">{ t(lang, K::ImportHelp) }</p>
            <input id="import-file" type="file" accept=".csv,text/csv" data-testid="import-file"
                aria-describedby="import-help" {onchange} />
            { match &store.import {
                ImportState::None => html! {},
                ImportState::Failed { file, errors } => html! {
                    <div class="alert" role="alert">
                        <p><strong>{ file.clone() }</strong>{ " – " }{ t(lang, K::ImportFailed) }</p>
                        <ul data-testid="import-errors" class="import-errors">
                            { for errors.iter().map(|e| html! { <li>{ e.message(lang) }</li> }) }
                        </ul>
                    </div>
                },
                ImportState::TooLarge { file, bytes } => html! {
                    <div class="alert" role="alert" data-testid="import-too-large">
                        <p>{ crate::io::too_large_text(file, *bytes, lang) }</p>
                    </div>
                },
                ImportState::Applied { file, scenarios, assumed, simplified, switched_off } => html! {
                    <div class="notice" role="status" data-testid="import-ok">
                        <p>{ format!("{} {file}: {}", t(lang, K::ImportApplied), scenarios.join(", ")) }</p>
                        { for assumed.iter().map(|a| html! { <p data-testid="import-assumed">{ a.message(lang) }</p> }) }
                        if scenarios.len() > 1 { <p>{ t(lang, K::ImportSavedAll) }</p> }
                        if !simplified.is_empty() { <p>{ format!("{} {}", t(lang, K::ImportSimplified), simplified.join(", ")) }</p> }
                        if !switched_off.is_empty() { <p data-testid="import-switched-off">{ crate::state::switched_off_text(switched_off, lang) }</p> }
                    </div>
                },
            } }
        </div>
    }
}
