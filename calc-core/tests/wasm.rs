//! The engine on wasm32 in headless Chromium: same numbers as natively.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)]

mod common;
use calc_core::*;
use common::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The golden food-prevention case (see golden.rs for the hand arithmetic).
#[wasm_bindgen_test]
fn golden_food_prevention_in_the_browser() {
    let mut s = scenario(2025, 2029, "0");
    s.items.push(ScenarioItem::new(
        food_prevention(),
        town("0001", 10_000),
        Year(2025),
    ));
    let e = evaluate(&table(), &s).unwrap();
    assert_eq!(
        e.total.co2e_saved_kg_cumulative.central,
        KgCo2e::new(d("337750"))
    );
    assert_eq!(
        e.total.society_net_sek_saved_cumulative.low,
        Sek::new(d("1799000"))
    );
    assert_eq!(
        e.total
            .municipality_cost_per_tonne_co2e
            .map(|c| c.value().round_dp(2)),
        Some(d("-10559.59"))
    );
}

#[wasm_bindgen_test]
fn csv_reading_works_in_the_browser() {
    let table = csvio::Table::read("kommun;effekt_procent\nBor\u{e5}s;12,5\n".as_bytes()).unwrap();
    assert_eq!(table.dialect.delimiter, b';');
    assert_eq!(csvio::parse_decimal("12,5", true), Some(d("12.5")));
}

/// Same seed ⇒ same numbers as natively (the value is pinned in tests/decide.rs too).
#[wasm_bindgen_test]
fn monte_carlo_is_reproducible_across_platforms() {
    let mut s = scenario(2025, 2029, "0");
    s.items.push(ScenarioItem::new(
        food_prevention(),
        town("0001", 10_000),
        Year(2025),
    ));
    s.items.push(ScenarioItem::new(
        textile_reuse(),
        town("0001", 10_000),
        Year(2025),
    ));
    let model = LinearModel::new(&table(), &s).unwrap();
    let mc = monte_carlo(&model, 1_000, 2026).unwrap();
    assert_eq!(
        mc.total.co2e_saved_kg_cumulative.p50,
        KgCo2e::new(d("861825.8765"))
    );
}

/// The same with effect ranges, the pools run in every draw (pinned in
/// tests/effects_mc.rs too).
#[wasm_bindgen_test]
fn effect_draws_are_reproducible_across_platforms() {
    let range = |l: &str, c: &str, h: &str| Estimate::new(share(l), share(c), share(h)).unwrap();
    let mut s = scenario(2025, 2029, "0");
    s.items.push(
        ScenarioItem::new(food_prevention(), town("0001", 10_000), Year(2025))
            .with_effect_range(range("0.3", "0.5", "0.6")),
    );
    s.items.push(
        ScenarioItem::new(textile_reuse(), town("0001", 10_000), Year(2025))
            .with_effect_range(range("0.1", "0.2", "0.5")),
    );
    let model = LinearModel::new(&table(), &s).unwrap();
    let mc = monte_carlo(&model, 1_000, 2026).unwrap();
    assert_eq!(
        mc.total.co2e_saved_kg_cumulative.p50,
        KgCo2e::new(d("890588.0320526598"))
    );
}
