//! Export, print and the shareable link, above the results.

use crate::hooks::use_app;
use crate::i18n::{K, t, tf};
use crate::io::Export;
use crate::settings::catalogue;
use crate::{io, share};
use yew::prelude::*;

/// What copying the share link gave.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Copied {
    /// Not copied (yet, or since the scenario changed).
    No,
    /// On the clipboard; the link's length in characters.
    Yes(usize),
    /// The browser refused (no clipboard access): the link is shown to copy by hand.
    Failed,
}

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
    let href = (*use_memo(store.settings.clone(), |settings| {
        format!("{}{}", share::base_url(), share::encode(settings))
    }))
    .clone();
    let copied = use_state_eq(|| Copied::No);
    {
        // A changed scenario makes the copied link stale: take the confirmation away.
        let copied = copied.clone();
        use_effect_with(href.clone(), move |_| copied.set(Copied::No));
    }
    let copy = {
        let href = href.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(w) = web_sys::window() else { return };
            let promise = w.navigator().clipboard().write_text(&href);
            let copied = copied.clone();
            let chars = href.chars().count();
            yew::platform::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(promise).await {
                    Ok(_) => copied.set(Copied::Yes(chars)),
                    Err(_) => copied.set(Copied::Failed),
                }
            });
        })
    };
    let status = match *copied {
        Copied::No => String::new(),
        Copied::Yes(chars) => tf(lang, K::LinkCopied, &[("chars", &chars)]),
        Copied::Failed => t(lang, K::CopyFailed).to_string(),
    };
    html! {
        <div class="toolbar no-print" role="group" aria-label={t(lang, K::Export)}>
            <div class="toolbar-group">
                <span class="toolbar-label">{ t(lang, K::Export) }</span>
                <button type="button" class="button-secondary" data-testid="export-csv" onclick={export(Export::ResultsCsv)}>{ t(lang, K::ExportCsv) }</button>
                <button type="button" class="button-secondary" data-testid="export-json" onclick={export(Export::ResultsJson)}>{ t(lang, K::ExportJson) }</button>
                <button type="button" class="button-secondary" data-testid="export-scenario" onclick={export(Export::ScenarioCsv)}>{ t(lang, K::ExportScenario) }</button>
            </div>
            <div class="toolbar-group">
                <a class="button-secondary" data-testid="share-link" href={href.clone()} title={t(lang, K::ShareHelp)}>{ t(lang, K::ShareLink) }</a>
                <button type="button" class="button-secondary" data-testid="copy-link" onclick={copy}>{ t(lang, K::CopyLink) }</button>
                <button type="button" class="button-primary" onclick={print}>{ t(lang, K::Print) }</button>
            </div>
            // Always in the page, so screen readers announce the confirmation when it appears.
            <p class="copy-status" role="status" data-testid="copy-status">{ status }</p>
            if *copied == Copied::Failed {
                <input type="text" class="copy-fallback" readonly=true value={href}
                    aria-label={t(lang, K::ShareLink)} data-testid="copy-fallback" />
            }
        </div>
    }
}
