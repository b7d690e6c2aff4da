//! Issue 21: the reference path (legal duties act first and are reported apart), effect
//! ranges in the bands, and the expected / ambition / own cases. Hand-checked figures.

mod common;

use calc_core::{
    Case, Effects, Estimate, KgCo2e, Measure, MeasureKind, Route, RouteMix, ScenarioItem, Year,
    evaluate,
};
use common::*;
use std::sync::Arc;

fn sorting(id: &str, pool: &Arc<calc_core::Pool>, effect: &str) -> Arc<Measure> {
    pooled(
        id,
        pool,
        &[Route::Incineration],
        RouteMix::single(Route::AnaerobicDigestion),
        effect,
    )
}

fn duty(m: &Arc<Measure>, from: u16) -> Arc<Measure> {
    Arc::new(Measure {
        kind: MeasureKind::LegalDuty { from: Year(from) },
        ..Measure::clone(m)
    })
}

fn kg(s: &str) -> KgCo2e {
    KgCo2e::new(d(s))
}

#[test]
fn a_legal_duty_acts_first_and_is_reported_apart() {
    // 1 000 inhabitants × 10 kg = 10 t: 6 t incinerated, 4 t digested. The law sends half
    // of the incinerated food waste to digestion from 2024: 3 t. The plan's measure then
    // moves half of what is left: 1.5 t. Each tonne from incineration to digestion saves
    // −50 − (−100) = 50 kg CO2e: the plan 75 kg a year, the law 150 kg.
    let pool = food_pool("food", "10");
    let law = duty(&sorting("law_food_collection", &pool, "0.5"), 2024);
    let plan = sorting("food_sorting", &pool, "0.5");
    let town = town("9001", 1000);
    let mut s = scenario(2025, 2026, "0");
    s.items
        .push(ScenarioItem::new(plan, Arc::clone(&town), Year(2025)));
    s.add_reference_path(&[Arc::clone(&law)]);
    assert_eq!(s.reference.len(), 1);
    assert_eq!(s.reference[0].start_year(), Year(2024));
    let e = evaluate(&table(), &s).unwrap();
    assert_eq!(e.total.co2e_saved_kg_per_year.central, kg("75"));
    assert_eq!(e.required_by_law.co2e_saved_kg_per_year.central, kg("150"));
    assert_eq!(e.required_by_law_items.len(), 1);
    assert!(e.required_by_law_items[0].required_by_law);
    assert_eq!(
        e.required_by_law_by_duty[0].key.as_str(),
        "law_food_collection"
    );
    assert!(!e.includes_required_by_law);
    // Over 2025–2026 the plan saves 2 × 75 kg; the law is not in the total.
    assert_eq!(e.total.co2e_saved_kg_cumulative.central, kg("150"));
    // Included, the totals are the plan's and the law's: 225 kg a year.
    s.include_required_by_law = true;
    let with = evaluate(&table(), &s).unwrap();
    assert_eq!(with.total.co2e_saved_kg_per_year.central, kg("225"));
    assert_eq!(with.by_year[0].co2e_saved_kg.central, kg("225"));
    // Without the law the plan's measure would have been credited with 3 t: 150 kg.
    s.reference.clear();
    let alone = evaluate(&table(), &s).unwrap();
    assert_eq!(alone.total.co2e_saved_kg_per_year.central, kg("150"));
}

fn textiles_with_range() -> Arc<Measure> {
    let m = textile_reuse();
    Arc::new(Measure {
        effects: Effects {
            expected: Estimate::new(share("0.1"), share("0.2"), share("0.4")).unwrap(),
            goal: Some(share("0.3")),
            evidence_source: None,
            goal_source: None,
        },
        ..Measure::clone(&m)
    })
}

#[test]
fn the_effect_range_widens_the_band() {
    // 1 000 inhabitants × 5 kg = 5 t incinerated; 20 % (10–40 %) to reuse: 1 t (0.5–2 t).
    // Per tonne: central 1 500 − (−9 000) = 10 500 kg, low 1 000 − (−6 000) = 7 000,
    // high 2 000 − (−12 000) = 14 000. Band: 0.5 × 7 000 = 3 500 to 2 × 14 000 = 28 000.
    let mut s = scenario(2025, 2025, "0");
    s.items.push(ScenarioItem::new(
        textiles_with_range(),
        town("9001", 1000),
        Year(2025),
    ));
    let e = evaluate(&table(), &s).unwrap();
    let b = e.total.co2e_saved_kg_per_year;
    assert_eq!(
        (b.low, b.central, b.high),
        (kg("3500"), kg("10500"), kg("28000"))
    );
    assert_eq!(e.case, Case::Expected);
    let r = e.items[0].effect_range;
    assert_eq!((r.low(), r.high()), (share("0.1"), share("0.4")));
}

#[test]
fn cases_expected_ambition_and_own() {
    let item = ScenarioItem::new(textiles_with_range(), town("9001", 1000), Year(2025));
    // The plan's ambition: the goal's 30 %, no range: 1.5 t × 10 500 = 15 750 kg.
    let mut s = scenario(2025, 2025, "0");
    s.items.push(item.clone().with_case(Case::Ambition));
    let e = evaluate(&table(), &s).unwrap();
    assert_eq!(e.case, Case::Ambition);
    let b = e.total.co2e_saved_kg_per_year;
    assert_eq!(b.central, kg("15750"));
    assert_eq!((b.low, b.high), (kg("10500"), kg("21000")));
    // The expected effect set by hand stays the expected case.
    assert_eq!(
        item.clone().with_effect(share("0.2")).case(),
        Case::Expected
    );
    // An own 30 % keeps the evidence's relative range: 15–60 %, 0.75–3 t.
    let own = item.with_effect(share("0.3"));
    assert_eq!(own.case(), Case::Own);
    let r = own.effect_range();
    assert_eq!((r.low(), r.high()), (share("0.15"), share("0.6")));
    let mut s = scenario(2025, 2025, "0");
    s.items.push(own);
    let e = evaluate(&table(), &s).unwrap();
    let b = e.total.co2e_saved_kg_per_year;
    assert_eq!((b.low, b.high), (kg("5250"), kg("42000")));
    assert_eq!(e.case, Case::Own);
}
