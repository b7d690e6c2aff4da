//! # Avfallskalkyl's web app
//!
//! A Yew single-page app that runs calc-core in the browser: choose municipalities, switch
//! measures on and off, set their ambition, and see CO2e and SEK saved with low–high
//! ranges, rankings, charts and sources. No server, no network requests after load.
//!
//! - [`settings`]: the scenario as the planner sets it up ([`settings::Settings`]), what is
//!   saved, shared and compared, and its calc-core scenario; [`fields`]: a measure's detail
//!   fields (tonnes and costs) summed over the chosen municipalities;
//! - [`state`]: the reducer ([`state::AppState`], [`state::Action`]), a pure function that
//!   evaluates the scenario once per change and does no browser calls;
//! - [`hooks`]: the components' shared context ([`hooks::use_app`], [`hooks::use_eval`])
//!   and the effect that writes saved scenarios to localStorage;
//! - [`components`]: one function component per file;
//! - [`decide`]: Monte Carlo, tornado, drivers and budget candidates, debounced off the
//!   input path, sharing one linear model per settings;
//! - [`format`](mod@format): Swedish/English number formatting for the interface, on top
//!   of `calc_core::format` (which also rounds for display: the CLI and shared messages);
//! - [`i18n`]: interface texts; [`storage`], [`share`], [`io`]: saved scenarios, the
//!   shareable link and import/export;
//! - `testing` (hidden): helpers for the tests and for `cargo xtask`'s e2e expectations,
//!   not part of the app.

pub mod chart;
pub mod components;
pub mod decide;
pub mod derived;
pub mod fields;
pub mod follow_up;
pub mod format;
pub mod hooks;
pub mod i18n;
pub mod io;
pub mod own_municipality;
pub mod settings;
pub mod share;
pub mod state;
pub mod storage;
#[doc(hidden)]
pub mod testing;

use calc_core::csvio::Lang;
use components::Store;
use components::budget_panel::BudgetPanel;
use components::case_panel::CasePanel;
use components::drivers_table::DriversTable;
use components::footer::Footer;
use components::header::Header;
use components::macc_chart::MaccChart;
use components::measure_chart::MeasureChart;
use components::measure_list::MeasureList;
use components::method_section::MethodSection;
use components::municipality_picker::MunicipalityPicker;
use components::municipality_table::MunicipalityTable;
use components::part_view::{PartView, query_with_units, units_in_query};
use components::print_header::{PrintHeader, PrintLeftOut};
use components::results_table::ResultsTable;
use components::scenarios_panel::ScenariosPanel;
use components::sources_dialog::SourcesDialog;
use components::sticky_total::StickyTotal;
use components::targets::TargetsSection;
use components::toolbar::Toolbar;
use components::tornado_chart::TornadoChart;
use components::totals_cards::TotalsCards;
use components::uncertainty_bands::UncertaintyBands;
use components::warnings::Warnings;
use components::year_chart::YearChart;
use i18n::{K, t};
use state::AppState;
use yew::prelude::*;

/// True for a query string that asks for embed mode (`?embed=1`, alone or among other
/// parameters): the app without its header and footer, for an iframe on another page.
#[must_use]
pub fn embed_mode(search: &str) -> bool {
    search
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair == "embed=1")
}

/// The language a query string asks for (`?lang=en`, `?lang=sv`, among other parameters).
#[must_use]
pub fn lang_in_query(search: &str) -> Option<Lang> {
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang="))
        .and_then(storage::lang_from_code)
}

/// The app's root component.
#[function_component]
pub fn App() -> Html {
    let store = use_reducer(|| {
        let (saved, notes) = storage::load();
        let (link, link_problem) = match share::from_location() {
            None => (None, None),
            Some(Ok(settings)) => (Some(settings), None),
            Some(Err(e)) => (None, Some(e)),
        };
        let from_link = link.is_some();
        let working = storage::load_working();
        let mut state = AppState::new(link, saved, notes);
        state.link_problem = link_problem;
        // The work of the last visit, unless the page was opened with a scenario link.
        if !from_link && let Some(w) = working.settings {
            state.restore_working(w);
        }
        // `?lang=en` (or `sv`) rules; otherwise the language of the last visit.
        let query_lang = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .and_then(|q| lang_in_query(&q));
        if let Some(lang) = query_lang.or(working.lang) {
            state.lang = lang;
        }
        state
    });
    hooks::use_saved_writer(&store);
    hooks::use_working_writer(&store);
    use_effect_with(store.lang, |lang| {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            // Setting `lang` on <html> cannot fail for a valid attribute name; it only
            // helps screen readers pick the voice.
            let _ = el.set_attribute(
                "lang",
                match lang {
                    Lang::Sv => "sv",
                    Lang::En => "en",
                },
            );
        }
    });
    let lang = store.lang;
    // Read once: the query string does not change while the page is open.
    let embed = *use_memo((), |()| {
        web_sys::window()
            .and_then(|w| w.location().search().ok())
            .is_some_and(|q| embed_mode(&q))
    });
    // "Din del" (issue 26): the chosen units while the view is open, from `?del=` at start.
    let part = use_state(|| {
        web_sys::window()
            .and_then(|w| w.location().search().ok())
            .and_then(|q| units_in_query(&q))
    });
    // Opened by link, the page starts on the view: focus stays at the top of the page.
    let was_open = use_mut_ref(|| part.is_some());
    use_effect_with((*part).clone(), move |units| {
        let Some(w) = web_sys::window() else { return };
        // The address says what is shown, so the link opens the same view (`?del=kost`).
        if let (Ok(search), Ok(history)) = (w.location().search(), w.history()) {
            let query = query_with_units(&search, units.as_deref());
            if query != search {
                let path = w.location().pathname().unwrap_or_default();
                let hash = w.location().hash().unwrap_or_default();
                let url = format!("{path}{query}{hash}");
                // A refused history update leaves the address as it was; nothing else depends on it.
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
        }
        // Focus follows the view: its heading when it opens, the button that opened it when
        // it closes (not at the first render).
        let open = units.is_some();
        let focus = match (open, *was_open.borrow()) {
            (true, false) => Some("part-title"),
            (false, true) => Some("part-open"),
            _ => None,
        };
        *was_open.borrow_mut() = open;
        if let Some(id) = focus
            && let Some(el) = w.document().and_then(|d| d.get_element_by_id(id))
            && let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el)
        {
            let _ = el.focus();
        }
    });
    let part_open = part.is_some();
    let on_part_open = {
        let part = part.clone();
        Callback::from(move |_: MouseEvent| part.set(Some(Vec::new())))
    };
    let on_part_change = {
        let part = part.clone();
        Callback::from(move |units: Vec<String>| part.set(Some(units)))
    };
    let on_part_close = {
        let part = part.clone();
        Callback::from(move |()| part.set(None))
    };
    html! {
        <ContextProvider<Store> context={store.clone()}>
            <div class={classes!("app", embed.then_some("embed"))}>
                if embed {
                    // The header's skip link and page heading, without the header.
                    <a class="skip-link" href="#results">{ t(lang, K::SkipToResults) }</a>
                    <h1 class="visually-hidden">{ t(lang, K::AppTitle) }</h1>
                } else {
                    <Header />
                }
                if let Some(units) = (*part).clone() {
                    <main class="part-main" id="main">
                        <div id="results" tabindex="-1">
                            <PartView {units} on_change={on_part_change} on_close={on_part_close} />
                        </div>
                    </main>
                } else {
                    <div class="part-entry no-print">
                        <button type="button" class="button-secondary part-open" id="part-open"
                            data-testid="part-open" onclick={on_part_open}>{ t(lang, K::PartOpen) }</button>
                    </div>
                    <main class="layout" id="main">
                        <aside class="controls" aria-label={t(lang, K::Measures)}>
                            <MunicipalityPicker />
                            <MeasureList />
                        </aside>
                        <section class="results-area" id="results" aria-labelledby="results-title" tabindex="-1">
                            // The results' own heading, so the cards' h3 sit under it and not
                            // under the measures' h2 (the outline: h1, h2 per part, h3 within).
                            <h2 id="results-title" class="visually-hidden">{ t(lang, K::Results) }</h2>
                            <PrintHeader />
                            if store.from_link {
                                <p class="notice no-print" role="status">{ t(lang, K::FromLink) }</p>
                            }
                            if let Some(e) = &store.link_problem {
                                <p class="alert no-print" role="alert" data-testid="link-problem">{ e.message(lang) }</p>
                            }
                            if !store.problems.is_empty() || !store.link_adjustments.is_empty() {
                                <div class="alert no-print" role="alert" data-testid="setting-problems">
                                    <ul>{ for store.link_adjustments.iter().chain(&store.problems).map(|p| html! { <li>{ p.message(lang) }</li> }) }</ul>
                                </div>
                            }
                            <Toolbar />
                            <TotalsCards />
                            <CasePanel />
                            <Warnings />
                            <ResultsTable />
                            <MunicipalityTable />
                            <MaccChart />
                            <MeasureChart />
                            <YearChart />
                            <TargetsSection />
                            <PrintLeftOut />
                            // With no municipality there is nothing to analyse: the totals say so,
                            // and the last analysis is not left on screen, greyed out as pending.
                            if !store.settings.municipalities.is_empty() {
                                <section class="panel decide no-print" id="decide" aria-labelledby="decide-title" data-testid="decide">
                                    <h2 id="decide-title">{ t(lang, K::Decide) }</h2>
                                    <p class="hint">{ t(lang, K::DecideHelp) }</p>
                                    <UncertaintyBands />
                                    <TornadoChart />
                                    <BudgetPanel />
                                </section>
                            }
                        </section>
                    </main>
                    <ScenariosPanel />
                    if !store.settings.municipalities.is_empty() {
                        <DriversTable />
                    }
                    <MethodSection />
                }
                if embed {
                    // The host page may not carry the statement: a small link stays in the frame.
                    <p class="embed-statement no-print">
                        <a href={t(lang, K::AccessibilityHref)}
                            target="_blank" rel="noopener" data-testid="embed-statement">
                            { t(lang, K::AccessibilityStatement) }<span class="visually-hidden">{ " " }{ t(lang, K::OpensNewTab) }</span>
                        </a>
                    </p>
                } else {
                    <Footer />
                }
                if !part_open {
                    <StickyTotal />
                }
                <SourcesDialog />
            </div>
        </ContextProvider<Store>>
    }
}

#[cfg(test)]
mod tests {
    use super::{embed_mode, lang_in_query};
    use calc_core::csvio::Lang;

    #[test]
    fn lang_in_the_query_string() {
        assert_eq!(lang_in_query("?lang=en"), Some(Lang::En));
        assert_eq!(lang_in_query("?embed=1&lang=sv"), Some(Lang::Sv));
        assert_eq!(lang_in_query("?lang=de"), None);
        assert_eq!(lang_in_query(""), None);
    }

    #[test]
    fn embed_mode_is_embed_equals_one_only() {
        assert!(embed_mode("?embed=1"));
        assert!(embed_mode("?lang=sv&embed=1"));
        assert!(!embed_mode(""));
        assert!(!embed_mode("?embed=0"));
        assert!(!embed_mode("?embed=10"));
        assert!(!embed_mode("?noembed=1"));
    }
}
