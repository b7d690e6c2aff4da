//! Export, print and the shareable link, above the results.

use crate::hooks::use_app;
use crate::i18n::{K, t};
use crate::io::Export;
use crate::settings::catalogue;
use crate::{io, share};
use yew::prelude::*;

/// The results toolbar.
#[function_component]
pub fn Toolbar() -> Html {
    let Some((store, lang)) = use_app() else {
        return html! {};
    };
    let stem = io::file_stem(&store.settings.name);
    let export = |what: Export| {
        let store = store.clone();
        let stem = stem.clone();
        Callback::from(move |_: MouseEvent| {
            let Ok(e) = store.eval.as_ref() else { return };
            let name = io::export_file_name(&stem, what, store.lang);
            match what {
                Export::ResultsCsv => io::download(
                    &io::results_csv(e, store.lang),
                    &name,
                    "text/csv;charset=utf-8",
                ),
                Export::ResultsJson => {
                    io::download(&io::results_json(e), &name, "application/json");
                }
                Export::ScenarioCsv => {
                    if let Some(cat) = catalogue() {
                        let sc = store.settings.to_scenario(cat);
                        io::download(
                            &io::scenario_csv(&sc, store.lang),
                            &name,
                            "text/csv;charset=utf-8",
                        );
                    }
                }
            }
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            // Fails only where printing is blocked (a sandboxed frame); the browser's own
            // print menu remains, and there is nothing else to offer.
            let _ = w.print();
        }
    });
    let hash = share::encode(&store.settings);
    let href = format!("{}{hash}", share::base_url());
    html! {
        <div class="toolbar no-print" role="group" aria-label={t(lang, K::Export)}>
            <div class="toolbar-group">
                <span class="toolbar-label">{ t(lang, K::Export) }</span>
                <button type="button" class="button-secondary" data-testid="export-csv" onclick={export(Export::ResultsCsv)}>{ t(lang, K::ExportCsv) }</button>
                <button type="button" class="button-secondary" data-testid="export-json" onclick={export(Export::ResultsJson)}>{ t(lang, K::ExportJson) }</button>
                <button type="button" class="button-secondary" data-testid="export-scenario" onclick={export(Export::ScenarioCsv)}>{ t(lang, K::ExportScenario) }</button>
            </div>
            <div class="toolbar-group">
                <a class="button-secondary" data-testid="share-link" href={href} title={t(lang, K::ShareHelp)}>{ t(lang, K::ShareLink) }</a>
                <button type="button" class="button-primary" onclick={print}>{ t(lang, K::Print) }</button>
            </div>
        </div>
    }
}
