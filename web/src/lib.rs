//! # Avfallskalkyl's web app
//!
//! A Yew single-page app that runs calc-core in the browser: choose municipalities, switch
//! measures on and off, set their ambition, and see CO2e and SEK saved with low–high
//! ranges, rankings, charts and sources. No server, no network requests after load.
//!
//! - [`state`]: the reducer ([`state::AppState`], [`state::Action`]) that recomputes the
//!   evaluation on every change;
//! - [`components`]: one function component per file;
//! - [`format`](mod@format): Swedish/English number formatting for the interface (calc-core rounds for display too);
//! - [`i18n`]: interface texts; [`storage`], [`share`], [`io`]: saved scenarios, the
//!   shareable link and import/export.

pub mod chart;
pub mod components;
pub mod decide;
pub mod format;
pub mod i18n;
pub mod io;
pub mod share;
pub mod state;
pub mod storage;

use calc_core::csvio::Lang;
use components::Store;
use components::budget_panel::BudgetPanel;
use components::drivers_table::DriversTable;
use components::footer::Footer;
use components::header::Header;
use components::macc_chart::MaccChart;
use components::measure_chart::MeasureChart;
use components::measure_list::MeasureList;
use components::method_section::MethodSection;
use components::municipality_picker::MunicipalityPicker;
use components::print_header::PrintHeader;
use components::results_table::ResultsTable;
use components::scenarios_panel::ScenariosPanel;
use components::sources_dialog::SourcesDialog;
use components::sticky_total::StickyTotal;
use components::toolbar::Toolbar;
use components::tornado_chart::TornadoChart;
use components::totals_cards::TotalsCards;
use components::uncertainty_bands::UncertaintyBands;
use components::warnings::Warnings;
use components::year_chart::YearChart;
use i18n::{K, t};
use state::AppState;
use wasm_bindgen::prelude::wasm_bindgen;
use yew::prelude::*;

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
        let mut state = AppState::new(link, saved, notes);
        state.link_problem = link_problem;
        state
    });
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
    html! {
        <ContextProvider<Store> context={store.clone()}>
            <div class="app">
                <Header />
                <main class="layout" id="main">
                    <aside class="controls" aria-label={t(lang, K::Measures)}>
                        <MunicipalityPicker />
                        <MeasureList />
                    </aside>
                    <section class="results-area" id="results" aria-label={t(lang, K::Results)} tabindex="-1">
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
                        <Warnings />
                        <ResultsTable />
                        <MaccChart />
                        <MeasureChart />
                        <YearChart />
                        <section class="panel decide no-print" id="decide" aria-labelledby="decide-title" data-testid="decide">
                            <h2 id="decide-title">{ t(lang, K::Decide) }</h2>
                            <p class="hint">{ t(lang, K::DecideHelp) }</p>
                            <UncertaintyBands />
                            <TornadoChart />
                            <BudgetPanel />
                        </section>
                    </section>
                </main>
                <ScenariosPanel />
                <DriversTable />
                <MethodSection />
                <Footer />
                <StickyTotal />
                <SourcesDialog />
            </div>
        </ContextProvider<Store>>
    }
}

/// The text `[data-testid=total-co2e]` shows at start: t CO2e per year at full effect of the
/// catalogue's default scenario (every measure, all eight municipalities), computed with
/// calc-core directly and formatted sv-SE with one decimal (`1 234,5`, U+00A0 space).
#[must_use]
pub fn default_totals_text() -> String {
    totals_text_for(None)
}

/// The text `[data-testid=total-co2e]` shows after the first measure's `effect-slider`
/// is moved to `pct` percent (0–100) from the default scenario.
#[must_use]
pub fn totals_text_with_first_effect(pct: u8) -> String {
    totals_text_for(Some(pct.min(100)))
}

/// The text `[data-testid=total-co2e]` shows with every measure at its default in one
/// municipality only (by SCB code).
#[must_use]
pub fn totals_text_for_municipality(code: &str) -> String {
    let Ok(cat) = factors::builtin() else {
        return String::new();
    };
    let (Some(table), Some(k)) = (cat.current_set(), cat.municipality(code)) else {
        return String::new();
    };
    let ids: Vec<&calc_core::MeasureId> = cat.measures.iter().map(|m| &m.id).collect();
    let scenario = cat.scenario_for(&k.name, &[k], &ids);
    match calc_core::evaluate(table, &scenario) {
        Ok(e) => format::tonnes_co2e(e.total.co2e_saved_kg_per_year.central, Lang::Sv),
        Err(_) => String::new(),
    }
}

fn totals_text_for(first_effect: Option<u8>) -> String {
    let Ok(cat) = factors::builtin() else {
        return String::new();
    };
    let Some(table) = cat.current_set() else {
        return String::new();
    };
    let mut scenario = cat.default_scenario();
    if let (Some(pct), Some(first)) = (first_effect, cat.measures.first()) {
        let share = calc_core::Share::from_percent(rust_decimal::Decimal::from(pct))
            .unwrap_or(calc_core::Share::ZERO);
        scenario.items = scenario
            .items
            .into_iter()
            .map(|i| {
                if i.measure().id == first.id {
                    i.with_effect(share)
                } else {
                    i
                }
            })
            .collect();
    }
    match calc_core::evaluate(table, &scenario) {
        Ok(e) => format::tonnes_co2e(e.total.co2e_saved_kg_per_year.central, Lang::Sv),
        Err(_) => String::new(),
    }
}

/// Milliseconds one Monte Carlo run of `draws` draws takes in this browser, on the
/// catalogue's default scenario (every measure, all eight municipalities), measured with
/// `performance.now()` around [`calc_core::monte_carlo`] (the linear model is built
/// first, outside the timing). For `tests/e2e/budgets.mjs`; −1 when it cannot run.
#[wasm_bindgen]
#[must_use]
pub fn bench_monte_carlo(draws: u32) -> f64 {
    let Some(perf) = web_sys::window().and_then(|w| w.performance()) else {
        return -1.0;
    };
    let Some(cat) = state::catalogue() else {
        return -1.0;
    };
    let Ok(model) = decide::model_for(&state::Settings::defaults(cat)) else {
        return -1.0;
    };
    let t0 = perf.now();
    let ok = calc_core::monte_carlo(&model, draws, decide::MC_SEED).is_ok();
    let t1 = perf.now();
    if ok { t1 - t0 } else { -1.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expectation_texts_differ_and_are_swedish() {
        let d = default_totals_text();
        assert!(!d.is_empty());
        assert!(d.contains(','), "{d}");
        assert_ne!(d, totals_text_with_first_effect(90));
    }

    #[test]
    fn default_text_matches_the_app_state() {
        let s = AppState::new(None, Vec::new(), Vec::new());
        let e = s.eval.as_ref().clone().unwrap();
        assert_eq!(
            format::tonnes_co2e(e.total.co2e_saved_kg_per_year.central, Lang::Sv),
            default_totals_text()
        );
    }
}
