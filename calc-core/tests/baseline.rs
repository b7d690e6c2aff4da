//! The baseline a target is followed against (issue 25 §2): the catalogue's pools with the
//! own figures laid over them, and the scenario's measures on the same pools, worked by hand
//! on the demo model.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use calc_core::{
    BaseFrom, BaseValue, Baseline, Indicator, OwnFigure, OwnFigures, OwnQuantity, PoolId, ScbCode,
    Scenario, Sek, Status, Target, TargetValue, Tonnes, Year, close_gap, demo, evaluate, progress,
};
use rust_decimal::Decimal;
use std::sync::Arc;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// The demo town (1 000 inhabitants, 10 t of food waste by default, all incinerated)
/// measured 20 t itself: 20 kg per inhabitant.
fn demo_with_own_20_tonnes() -> (Baseline, Scenario, OwnFigures) {
    let bare = demo::scenario().unwrap();
    let own = OwnFigures {
        rows: vec![OwnFigure {
            municipality: ScbCode::from("9999"),
            pool: PoolId::from("food"),
            year: Year(2024),
            quantity: Some(OwnQuantity::Tonnes(Tonnes::new(d("20")))),
            routes: None,
            source: "Plockanalys 2024".into(),
            note: String::new(),
        }],
    };
    let pools = [Arc::clone(&bare.items[0].measure().pool)];
    (Baseline::new(&pools, own.clone()), bare, own)
}

/// By hand, with the own 20 t: the model's base is 20 kg per inhabitant, halved 10 kg.
/// Prevention takes half of the incinerated 20 t (10 t: −10 kg), collection sends 40 % of
/// the 10 t left to digestion (no change in kg; 4 t of 10 t is 40 % to biogas). The
/// progress is the same whether the scenario is given bare, laid over the baseline, or with
/// the own figures applied as before (`OwnFigures::apply`); the old seven-argument
/// `progress` took the bare scenario with the own pools and projected 15 kg (prevention
/// then took half of the default 10 t).
#[test]
fn the_baseline_s_pools_and_scenario_agree() {
    let (baseline, bare, own) = demo_with_own_20_tonnes();
    let table = demo::table().unwrap();
    let on_baseline = baseline.scenario(&bare);
    for item in &on_baseline.items {
        assert!(Arc::ptr_eq(&item.measure().pool, &baseline.pools()[0]));
        assert_eq!(item.pool_tonnes(), Some(Tonnes::new(d("20"))));
    }
    assert_eq!(
        evaluate(&table, &on_baseline).unwrap(),
        evaluate(&table, &own.apply(&bare)).unwrap()
    );
    let halve = Target::new(
        "halve",
        Indicator::FoodWasteKgPerInhabitant,
        BaseValue {
            year: Year(2025),
            value: None,
            source: String::new(),
        },
        TargetValue::ChangePercent(d("-50")),
        Year(2030),
    )
    .unwrap();
    let biogas = Target::new(
        "biogas",
        Indicator::FoodWasteToBiogasPercent,
        BaseValue {
            year: Year(2025),
            value: None,
            source: String::new(),
        },
        TargetValue::Absolute(d("40")),
        Year(2030),
    )
    .unwrap();
    let targets = [halve, biogas];
    let report =
        |s: &Scenario| progress(&table, &baseline, s, &[demo::town()], &targets, &[]).unwrap();
    let r = report(&bare);
    assert_eq!(r, report(&on_baseline));
    assert_eq!(r, report(&own.apply(&bare)));
    let p = &r.progress[0];
    assert_eq!(p.base_from, BaseFrom::Model { own_figures: true });
    assert_eq!(p.own_figures, [PoolId::from("food")]);
    assert_eq!(
        (p.base_value, p.target_value, p.projected_value, p.gap),
        (d("20"), d("10"), d("10"), d("0"))
    );
    assert_eq!(p.status, Status::OnTrack);
    let changes: Vec<_> = p.contributions.iter().map(|c| c.change).collect();
    assert_eq!(changes, [d("-10"), d("0")]);
    let q = &r.progress[1];
    assert_eq!((q.base_value, q.projected_value), (d("0"), d("40")));
}

/// The gap package on the same baseline: at most 12 kg per inhabitant. With the own 20 t
/// prevention must act in full (half of it leaves 15 kg): 4 000 SEK a year over 2025–2030,
/// 24 000 SEK, 10 kg. On the default 10 t the target is met without any measure.
#[test]
fn the_gap_package_counts_on_the_baseline() {
    let (baseline, bare, _) = demo_with_own_20_tonnes();
    let table = demo::table().unwrap();
    let mut t = Target::new(
        "at_most_12",
        Indicator::FoodWasteKgPerInhabitant,
        BaseValue {
            year: Year(2025),
            value: None,
            source: String::new(),
        },
        TargetValue::Absolute(d("12")),
        Year(2030),
    )
    .unwrap();
    t.pools = vec![PoolId::from("food")];
    let plan = close_gap(&table, &baseline, &bare, &demo::town(), &t, 2)
        .unwrap()
        .unwrap();
    let chosen: Vec<_> = plan
        .chosen
        .iter()
        .map(|c| (c.measure.as_str(), c.level))
        .collect();
    assert_eq!(chosen, [("less_food_waste", d("1"))]);
    assert_eq!(plan.cost_sek, Sek::new(d("24000")));
    assert_eq!(plan.projected_value, d("10"));
    let without = Baseline::new(
        &[Arc::clone(&bare.items[0].measure().pool)],
        OwnFigures::new(),
    );
    let plan = close_gap(&table, &without, &bare, &demo::town(), &t, 2)
        .unwrap()
        .unwrap();
    assert!(plan.chosen.is_empty());
    assert_eq!(plan.projected_value, d("10"));
}
