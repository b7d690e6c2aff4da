//! Effects as uncertain inputs: the Monte Carlo draws one quantile per measure and runs
//! the pools with the drawn shares; the tornado moves one measure's effect at a time.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

mod common;
use calc_core::*;
use common::*;
use std::sync::Arc;

/// Food: incineration 0 kg/t, prevention saves 1 000 kg/t, digestion saves `digestion`
/// kg/t; no costs, no ranges: the CO2e is the tonnes moved, weighted.
fn exact_table(digestion: &str) -> FactorTable {
    let mut t = FactorTable::new(info());
    let z = ["0", "0", "0"];
    add(&mut t, "food", Route::Incineration, z, z);
    add(
        &mut t,
        "food",
        Route::Prevention,
        ["-1000", "-1000", "-1000"],
        z,
    );
    let dg = ["-100", "-100", "-100"].map(|_| digestion);
    add(&mut t, "food", Route::AnaerobicDigestion, dg, z);
    t
}

/// 10 kg per inhabitant, all incinerated: 100 t a year in a town of 10 000.
fn food() -> Arc<Pool> {
    pool(
        "food_pool",
        "food",
        "10",
        RouteMix::single(Route::Incineration),
    )
}

fn range(low: &str, central: &str, high: &str) -> Estimate<Share> {
    Estimate::new(share(low), share(central), share(high)).unwrap()
}

fn item(m: &Arc<Measure>, code: &str, r: Estimate<Share>) -> ScenarioItem {
    ScenarioItem::new(m.clone(), town(code, 10_000), Year(2025)).with_effect_range(r)
}

fn prevention(pool: &Arc<Pool>) -> Arc<Measure> {
    pooled(
        "a_prevention",
        pool,
        &[Route::Incineration],
        RouteMix::single(Route::Prevention),
        "0.5",
    )
}

fn digestion(pool: &Arc<Pool>) -> Arc<Measure> {
    pooled(
        "b_digestion",
        pool,
        &[Route::Incineration],
        RouteMix::single(Route::AnaerobicDigestion),
        "0.5",
    )
}

fn close(actual: KgCo2e, expected: &str, tol: &str) {
    let diff = (actual.value() - d(expected)).abs();
    assert!(diff <= d(tol), "{actual} is not within {tol} of {expected}");
}

/// One measure, effect (0.2, 0.5, 0.6) on 100 t: 1 000 kg × 100 t × e. The effect's
/// two-piece quantiles: P5 = 0.2 + 0.3√0.1 = 0.294868, P25 = 0.2 + 0.3√0.5 = 0.412132,
/// P50 = 0.5, P75 = 0.6 − 0.1√0.5 = 0.529289, P95 = 0.6 − 0.1√0.1 = 0.568377.
#[test]
fn an_effect_range_is_drawn_with_its_central_as_median() {
    let p = food();
    let mut s = scenario(2025, 2025, "0");
    s.items
        .push(item(&prevention(&p), "0001", range("0.2", "0.5", "0.6")));
    let model = LinearModel::new(&exact_table("-100"), &s).unwrap();
    assert_eq!(model.effects().len(), 1);
    assert_eq!(model.effects()[0].id.as_str(), "effect.a_prevention");
    let mc = monte_carlo(&model, 100_000, 5).unwrap();
    let b = mc.total.co2e_saved_kg_cumulative;
    close(b.p5, "29486.8", "150");
    close(b.p25, "41213.2", "150");
    close(b.p50, "50000", "150");
    close(b.p75, "52928.9", "150");
    close(b.p95, "56837.7", "150");
    assert!(
        mc.agreement
            .iter()
            .all(|a| a.central_in_iqr && a.reason.is_none())
    );
    // The same seed, the same draws; the saturating loop gives the same numbers.
    assert_eq!(
        format!("{:?}", monte_carlo_saturating(&model, 2_000, 9).unwrap()),
        format!("{:?}", monte_carlo(&model, 2_000, 9).unwrap())
    );
}

/// Two measures on one pool, each with effect (0.9, 0.95, 1.0) and each saving 1 000 kg per
/// tonne: together they move 100 t × (a + (1 − a) b), between 99 and 100 t, never more
/// than the pool holds (counted twice it would be up to 200 t). In every draw, no route
/// loses more tonnes than it had.
#[test]
fn no_draw_moves_a_tonne_twice() {
    let p = food();
    let mut s = scenario(2025, 2027, "0");
    let r = range("0.9", "0.95", "1");
    s.items.push(item(&prevention(&p), "0001", r));
    s.items.push(item(&digestion(&p), "0001", r));
    let model = LinearModel::new(&exact_table("-1000"), &s).unwrap();
    assert_eq!(model.effects().len(), 2);
    let mc = monte_carlo(&model, 5_000, 1).unwrap();
    let b = mc.total.co2e_saved_kg_cumulative;
    // Three years of 99–100 t.
    assert!(b.p5 >= KgCo2e::new(d("297000")), "{b:?}");
    assert!(b.p95 <= KgCo2e::new(d("300000")), "{b:?}");
    // The central: 0.95 + 0.05 × 0.95 = 0.9975 of 300 t.
    assert_eq!(
        model.evaluation().total.co2e_saved_kg_cumulative.central,
        KgCo2e::new(d("299250"))
    );
    let draws = monte_carlo_pool_draws(&model, 5_000, 1).unwrap();
    assert_eq!(draws.len(), 5_000);
    let mut full = 0;
    for (initial, moved) in &draws {
        for (i, m) in initial.iter().zip(moved) {
            assert!(*m <= u128::from(*i), "{m} > {i}");
        }
        // 300 t in 10⁻⁶ t: the incineration route (index 5 in hierarchy order).
        assert_eq!(initial.iter().sum::<u64>(), 300_000_000);
        full += usize::from(moved.iter().sum::<u128>() == 300_000_000);
    }
    // Both at effect 1 takes everything: it happens (both draws at their high end is
    // rare, so a handful at most), and never more.
    assert!(full < 50, "{full}");
}

/// The same evidence everywhere: three towns with the same measure and range take one
/// quantile per draw, so the total's percentiles are three times one town's (independent
/// draws would give a narrower band).
#[test]
fn one_effect_draw_serves_every_municipality() {
    let p = food();
    let m = prevention(&p);
    let r = range("0.2", "0.5", "0.6");
    let mut three = scenario(2025, 2025, "0");
    for code in ["0001", "0002", "0003"] {
        three.items.push(item(&m, code, r));
    }
    let mut one = scenario(2025, 2025, "0");
    one.items.push(item(&m, "0001", r));
    let t = exact_table("-100");
    let a = monte_carlo(&LinearModel::new(&t, &three).unwrap(), 3_000, 8).unwrap();
    let b = monte_carlo(&LinearModel::new(&t, &one).unwrap(), 3_000, 8).unwrap();
    let x3 = |k: KgCo2e| KgCo2e::new(k.value() * d("3"));
    let (pa, pb) = (
        a.total.co2e_saved_kg_cumulative,
        b.total.co2e_saved_kg_cumulative,
    );
    for (x, y) in [(pa.p5, pb.p5), (pa.p50, pb.p50), (pa.p95, pb.p95)] {
        close(x, &x3(y).value().to_string(), "0.01");
    }
}

/// The tornado moves one measure's effect at a time, the pools run again. 100 t, prevention
/// (0.2, 0.5, 0.6) first, then digestion (0.4, 0.5, 0.8) on what is left, 100 kg/t.
/// Central: 50 t prevented (50 000 kg) + 0.5 × 50 t digested (2 500 kg) = 52 500 kg.
/// Prevention at 0.2: 20 000 + 0.5 × 80 × 100 = 24 000; at 0.6: 60 000 + 0.5 × 40 × 100 =
/// 62 000. Digestion at 0.4: 50 000 + 0.4 × 50 × 100 = 52 000; at 0.8: 54 000.
#[test]
fn tornado_moves_effects_through_the_pools() {
    let p = food();
    let mut s = scenario(2025, 2025, "0");
    s.items
        .push(item(&digestion(&p), "0001", range("0.4", "0.5", "0.8")));
    s.items
        .push(item(&prevention(&p), "0001", range("0.2", "0.5", "0.6")));
    let sens = sensitivity(&LinearModel::new(&exact_table("-100"), &s).unwrap()).unwrap();
    assert_eq!(sens.co2e_central, KgCo2e::new(d("52500")));
    let rows: Vec<_> = sens
        .co2e
        .iter()
        .map(|w| {
            (
                w.factor.as_str(),
                w.kind,
                w.at_low.value(),
                w.at_high.value(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            (
                "effect.a_prevention",
                FactorKind::Effect,
                d("24000"),
                d("62000")
            ),
            (
                "effect.b_digestion",
                FactorKind::Effect,
                d("52000"),
                d("54000")
            ),
        ]
    );
    // The same through the engine: the scenario with prevention at 0.2 everywhere.
    let mut low = scenario(2025, 2025, "0");
    low.items
        .push(item(&digestion(&p), "0001", range("0.4", "0.5", "0.8")));
    low.items
        .push(item(&prevention(&p), "0001", range("0.2", "0.2", "0.6")));
    let e = evaluate(&exact_table("-100"), &low).unwrap();
    assert_eq!(
        e.total.co2e_saved_kg_cumulative.central,
        KgCo2e::new(d("24000"))
    );
}

/// The golden food and textile case with effect ranges: the pools run in every draw, in
/// integers, so a seed gives the same numbers natively and on wasm32 (the same value is
/// asserted in tests/wasm.rs).
#[test]
fn effect_draws_are_pinned_across_platforms() {
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
    assert_eq!(model.effects().len(), 2);
    let mc = monte_carlo(&model, 1_000, 2026).unwrap();
    assert_eq!(
        mc.total.co2e_saved_kg_cumulative.p50,
        KgCo2e::new(d(MC_EFFECTS_P50_PINNED))
    );
}

/// The median of seed 2026, 1 000 draws, golden food + textile case with effect ranges.
const MC_EFFECTS_P50_PINNED: &str = "890588.0320526598";
