//! Helpers for tests and tooling, not part of the app: the texts the e2e test expects
//! (`cargo xtask` writes them to `target/e2e/expected.json`), computed with calc-core
//! directly and the app's formatter, and a Monte Carlo timing for `tests/e2e/budgets.mjs`
//! (exported through wasm-bindgen as `bench_monte_carlo`).

use crate::{decide, format, settings};
use calc_core::csvio::Lang;
use wasm_bindgen::prelude::wasm_bindgen;

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
    match first_effect {
        None => totals_text_with_first_share(None),
        Some(pct) => calc_core::Share::from_percent(rust_decimal::Decimal::from(pct))
            .map_or_else(|_| String::new(), |s| totals_text_with_first_share(Some(s))),
    }
}

/// The default scenario's total (sv) with the first measure's effect set to `share`.
fn totals_text_with_first_share(share: Option<calc_core::Share>) -> String {
    let Ok(cat) = factors::builtin() else {
        return String::new();
    };
    let (Some(table), Some(first)) = (cat.current_set(), cat.measures.first()) else {
        return String::new();
    };
    let mut scenario = cat.default_scenario();
    if let Some(share) = share {
        for i in &mut scenario.items {
            if i.measure().id == first.id {
                *i = i.clone().with_effect(share);
            }
        }
    }
    match calc_core::evaluate(table, &scenario) {
        Ok(e) => format::tonnes_co2e(e.total.co2e_saved_kg_per_year.central, Lang::Sv),
        Err(_) => String::new(),
    }
}

/// The text `[data-testid=total-co2e]` shows after the first measure's effect is set to
/// `pct` (a decimal such as `55.5`); empty when `pct` is not a number from 0 to 100.
#[must_use]
pub fn totals_text_with_first_effect_decimal(pct: &str) -> String {
    pct.parse::<rust_decimal::Decimal>()
        .ok()
        .and_then(|p| calc_core::Share::from_percent(p).ok())
        .map_or_else(String::new, |s| totals_text_with_first_share(Some(s)))
}

/// Tonnes per year the first measure reaches in the default scenario (all eight
/// municipalities), as its quantity field's cap message writes them (sv, one decimal):
/// what calc-core uses when a larger quantity is typed.
#[must_use]
pub fn first_measure_reach_text() -> String {
    let Some(cat) = settings::catalogue() else {
        return String::new();
    };
    let s = settings::Settings::defaults(cat);
    let (Ok(e), Some(first)) = (settings::evaluate_settings(&s, cat), cat.measures.first()) else {
        return String::new();
    };
    let t = e
        .items
        .iter()
        .filter(|i| i.measure == first.id)
        .fold(rust_decimal::Decimal::ZERO, |a, i| {
            a + i.affected_tonnes_per_year.value()
        });
    format::number(t, 1, Lang::Sv)
}

/// The headline's two payers in the default scenario as the totals card writes them
/// (sv): `[waste fee, municipal budget]`, net SEK per year at full effect.
#[must_use]
pub fn default_payers_per_year_text() -> [String; 2] {
    let Some(cat) = settings::catalogue() else {
        return [String::new(), String::new()];
    };
    let Ok(e) = settings::evaluate_settings(&settings::Settings::defaults(cat), cat) else {
        return [String::new(), String::new()];
    };
    [
        calc_core::Perspective::WasteFee,
        calc_core::Perspective::MunicipalBudget,
    ]
    .map(|p| {
        format::sek_short(
            e.total.net_sek_per_year(p).unwrap_or_default().central,
            Lang::Sv,
        )
    })
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
    let Some(cat) = settings::catalogue() else {
        return -1.0;
    };
    let Ok(model) = decide::model_for(&settings::Settings::defaults(cat)) else {
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
    fn decimal_effect_text_matches_the_whole_percent_one() {
        assert_eq!(
            totals_text_with_first_effect_decimal("80"),
            totals_text_with_first_effect(80)
        );
        assert_ne!(
            totals_text_with_first_effect_decimal("55.5"),
            totals_text_with_first_effect(55)
        );
        assert_eq!(totals_text_with_first_effect_decimal("abc"), "");
        assert!(!first_measure_reach_text().is_empty());
    }

    #[test]
    fn default_text_matches_the_app_state() {
        let s = crate::state::AppState::new(None, Vec::new(), Vec::new());
        let e = s.eval.as_ref().unwrap();
        assert_eq!(
            format::tonnes_co2e(e.total.co2e_saved_kg_per_year.central, Lang::Sv),
            default_totals_text()
        );
    }
}
