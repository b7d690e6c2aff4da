//! Monte Carlo, sensitivity and the budget optimizer.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

mod common;
use calc_core::*;
use common::*;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// One tonne of food moved from incineration to prevention in one year, with the
/// incineration factors triangular(low, mode, high) and prevention exactly zero: the
/// saving in kg CO2e *is* the incineration factor's draw, and the SEK saved is the cost
/// factor's draw.
fn one_factor(ef: [&str; 3], cf: [&str; 3], items: usize) -> (FactorTable, Scenario) {
    let mut t = FactorTable::new(info());
    add(&mut t, "food", Route::Incineration, ef, cf);
    add(
        &mut t,
        "food",
        Route::Prevention,
        ["0", "0", "0"],
        ["0", "0", "0"],
    );
    let m = measure(
        "m",
        "food",
        "1",
        RouteMix::single(Route::Incineration),
        RouteMix::single(Route::Prevention),
        "1",
        0,
        "0",
        "0",
    );
    let mut s = scenario(2025, 2025, "0");
    for k in 0..items {
        let item = ScenarioItem::new(m.clone(), town(&format!("{k:04}"), 1000), Year(2025))
            .with_quantity(Tonnes::new(d("1")))
            .unwrap();
        s.items.push(item);
    }
    (t, s)
}

fn close(actual: KgCo2e, expected: &str, tol: &str) {
    let diff = (actual.value() - d(expected)).abs();
    assert!(diff <= d(tol), "{actual} is not within {tol} of {expected}");
}

/// Triangular(0, 50, 100): P5 = √(0.05 × 100 × 50) = 15.811, P50 = 50, P95 = 100 − 15.811 = 84.189.
/// Triangular(0, 20, 100) (mode at the 20 % quantile): P5 = √(0.05 × 100 × 20) = 10,
/// P50 = 100 − √(0.5 × 100 × 80) = 36.754, P95 = 100 − √(0.05 × 100 × 80) = 80.
/// With 200 000 draws the sampling error of these percentiles is about 0.1–0.3 kg.
#[test]
fn percentiles_match_the_closed_form() {
    let (t, s) = one_factor(["0", "50", "100"], ["-100", "0", "100"], 1);
    let mc = monte_carlo(&LinearModel::new(&t, &s).unwrap(), 200_000, 7).unwrap();
    let p = mc.total.co2e_saved_kg_cumulative;
    close(p.p5, "15.811", "0.5");
    close(p.p50, "50", "0.5");
    close(p.p95, "84.189", "0.5");
    // Symmetric cost factor around 0: it saves money in half the draws.
    let prob = mc.total.probability_saves_money;
    assert!((prob - d("0.5")).abs() < d("0.005"), "{prob}");

    let (t, s) = one_factor(["0", "20", "100"], ["0", "0", "0"], 1);
    let mc = monte_carlo(&LinearModel::new(&t, &s).unwrap(), 200_000, 7).unwrap();
    let p = mc.total.co2e_saved_kg_cumulative;
    close(p.p5, "10", "0.5");
    close(p.p50, "36.754", "0.5");
    close(p.p95, "80", "0.5");
    assert_eq!(mc.total.probability_saves_money, Decimal::ZERO);
}

/// Three towns cite the same factor: one draw serves all three, so the total's
/// percentiles are exactly three times one town's (independent draws would be narrower).
#[test]
fn the_same_factor_is_the_same_draw_everywhere() {
    let (t, s) = one_factor(["0", "50", "100"], ["0", "0", "0"], 3);
    let model = LinearModel::new(&t, &s).unwrap();
    assert_eq!(model.factors().len(), 4);
    let mc = monte_carlo(&model, 2_000, 42).unwrap();
    let (one, _) = one_factor(["0", "50", "100"], ["0", "0", "0"], 1);
    let (_, s1) = one_factor(["0", "50", "100"], ["0", "0", "0"], 1);
    let single = monte_carlo(&LinearModel::new(&one, &s1).unwrap(), 2_000, 42).unwrap();
    let three = |k: KgCo2e| KgCo2e::new(k.value() * d("3"));
    assert_eq!(
        mc.total.co2e_saved_kg_cumulative.p5,
        three(single.total.co2e_saved_kg_cumulative.p5)
    );
    assert_eq!(
        mc.total.co2e_saved_kg_cumulative.p95,
        three(single.total.co2e_saved_kg_cumulative.p95)
    );
}

#[test]
fn same_seed_same_numbers_other_seed_other_numbers() {
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
    let a = monte_carlo(&model, 1_000, 2026).unwrap();
    let b = monte_carlo(&model, 1_000, 2026).unwrap();
    let c = monte_carlo(&model, 1_000, 2027).unwrap();
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
    assert_ne!(a.total, c.total);
    // Pinned: the same value is asserted on wasm32 in tests/wasm.rs.
    assert_eq!(
        a.total.co2e_saved_kg_cumulative.p50,
        KgCo2e::new(d(MC_P50_PINNED))
    );
    assert_eq!(a.measures.len(), 2);
}

/// The median of seed 2026, 1 000 draws, golden food + textile case; see tests/wasm.rs.
const MC_P50_PINNED: &str = "861825.8765";

/// Golden food case: the prevention factor's coefficient is −1 × 175 t, so moving it from
/// its central −2000 to its low −2500 adds (−500) × (−175) = 87 500 kg: 337 750 → 425 250;
/// to its high −1500: 337 750 − 87 500 = 250 250. Incineration (0.6 × 175 = 105 t) swings
/// ±50 × 105 = ±5 250 kg, digestion (70 t) ±3 500 kg.
#[test]
fn tornado_swings_are_exact() {
    let mut s = scenario(2025, 2029, "0");
    s.items.push(ScenarioItem::new(
        food_prevention(),
        town("0001", 10_000),
        Year(2025),
    ));
    let sens = sensitivity(&LinearModel::new(&table(), &s).unwrap()).unwrap();
    let rows: Vec<_> = sens
        .co2e
        .iter()
        .map(|w| (w.factor.as_str(), w.at_low.value(), w.at_high.value()))
        .collect();
    assert_eq!(
        rows,
        vec![
            ("ef.food.prevention", d("425250"), d("250250")),
            ("ef.food.incineration", d("332500"), d("343000")),
            ("ef.food.anaerobic_digestion", d("334250"), d("341250")),
        ]
    );
    assert_eq!(
        sens.sek.first().map(|w| w.factor.as_str()),
        Some("cf.food.prevention")
    );
}

fn brute_force(c: &[Candidate], budget: Budget, steps: u32) -> Decimal {
    let n = c.len();
    let mut best = Decimal::ZERO;
    let total = (steps + 1).pow(n as u32);
    for code in 0..total {
        let (mut x, mut co2e, mut once, mut year) =
            (code, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        for cand in c {
            let k = Decimal::from(x % (steps + 1));
            x /= steps + 1;
            let f = k / Decimal::from(steps);
            co2e += cand.co2e_saved_kg_per_year.value() * f;
            once += cand.cost_once.value() * f;
            year += cand.cost_per_year.value() * f;
        }
        let ok = budget.once.is_none_or(|b| once <= b.value())
            && budget.per_year.is_none_or(|b| year <= b.value());
        if ok && co2e > best {
            best = co2e;
        }
    }
    best
}

fn candidate() -> impl Strategy<Value = Candidate> {
    (-1000i64..100_000, 0i64..50_000, 0i64..10_000, 0u8..4).prop_map(|(co2e, once, year, free)| {
        Candidate {
            measure: MeasureId::from("m"),
            co2e_saved_kg_per_year: KgCo2e::new(Decimal::from(co2e)),
            cost_once: Sek::new(Decimal::from(if free == 0 { 0 } else { once })),
            cost_per_year: Sek::new(Decimal::from(year)),
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn optimizer_matches_brute_force(
        cands in prop::collection::vec(candidate(), 0..7),
        once in prop::option::of(0i64..100_000),
        year in prop::option::of(0i64..20_000),
        steps in 1u32..4,
    ) {
        let budget = Budget { once: once.map(|b| Sek::new(Decimal::from(b))), per_year: year.map(|b| Sek::new(Decimal::from(b))) };
        let plan = optimize(&cands, budget, steps);
        // Levels of 1/3 make both sums end in …333 in the 28th digit: compare to 10⁻¹⁰ kg.
        prop_assert_eq!(
            plan.co2e_saved_kg_per_year.value().round_dp(10).normalize(),
            brute_force(&cands, budget, steps).round_dp(10).normalize()
        );
        prop_assert!(budget.once.is_none_or(|b| plan.cost_once <= b));
        prop_assert!(budget.per_year.is_none_or(|b| plan.cost_per_year <= b));
    }
}

#[test]
fn optimizer_picks_the_best_package_and_names_the_next_krona() {
    let c = |id: &str, co2e: i64, once: i64, year: i64| Candidate {
        measure: MeasureId::from(id),
        co2e_saved_kg_per_year: KgCo2e::new(Decimal::from(co2e)),
        cost_once: Sek::new(Decimal::from(once)),
        cost_per_year: Sek::new(Decimal::from(year)),
    };
    // Budget 100 000 once: a (60 t for 60 000) + c (30 t for 40 000) = 90 t beats
    // b (80 t for 90 000) alone; d saves nothing and is never chosen.
    let cands = [
        c("a", 60_000, 60_000, 0),
        c("b", 80_000, 90_000, 0),
        c("c", 30_000, 40_000, 0),
        c("d", -5, 0, 0),
    ];
    let plan = optimize(
        &cands,
        Budget {
            once: Some(Sek::new(Decimal::from(100_000))),
            per_year: None,
        },
        1,
    );
    let ids: Vec<_> = plan.chosen.iter().map(|x| x.measure.as_str()).collect();
    assert_eq!(ids, ["a", "c"]);
    assert_eq!(
        plan.co2e_saved_kg_per_year,
        KgCo2e::new(Decimal::from(90_000))
    );
    let next = plan.next_step.unwrap();
    assert_eq!(next.measure.as_str(), "b");
}
