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

/// Two-piece triangular (half the probability on each side of the central, a
/// half-triangle each): the quantile is `low + (c − low)√(2u)` below one half and
/// `high − (high − c)√(2(1 − u))` above.
/// (0, 50, 100): P5 = 50√0.1 = 15.811, P50 = 50, P95 = 100 − 15.811 = 84.189.
/// (0, 20, 100): P5 = 20√0.1 = 6.325, P25 = 20√0.5 = 14.142, P50 = 20 (the central, where a
/// triangular distribution's would be 36.754), P75 = 100 − 80√0.5 = 43.431,
/// P95 = 100 − 80√0.1 = 74.702.
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
    let prob = mc.total.probability_municipality_saves_money;
    assert!((prob - d("0.5")).abs() < d("0.005"), "{prob}");

    let (t, s) = one_factor(["0", "20", "100"], ["0", "0", "0"], 1);
    let mc = monte_carlo(&LinearModel::new(&t, &s).unwrap(), 200_000, 7).unwrap();
    let p = mc.total.co2e_saved_kg_cumulative;
    close(p.p5, "6.325", "0.5");
    close(p.p25, "14.142", "0.5");
    close(p.p50, "20", "0.5");
    close(p.p75, "43.431", "0.5");
    close(p.p95, "74.702", "0.5");
    assert_eq!(mc.total.probability_municipality_saves_money, Decimal::ZERO);
    // The central (20 kg) is the median: inside the band, a saving in every draw.
    let co2e = &mc.agreement[0];
    assert_eq!(co2e.central, d("20"));
    assert!(co2e.central_in_iqr && co2e.saving_at_least_even && co2e.reason.is_none());
    assert_eq!(mc.total.probability_saving.co2e, Decimal::ONE);
}

/// Every range answers `low()`, `central()` and `high()` (issue 25 §5): with one factor of
/// (0, 50, 100) kg CO2e per tonne and one tonne moved, the factor's `Estimate`, the
/// evaluation's `Band` (the saving at low, central and high factors: 0, 50 and 100 kg) and
/// the Monte Carlo's `Percentiles` (p5, p50, p95: 15.811, 50 and 84.189 kg, see
/// [`percentiles_match_the_closed_form`]) are read the same way.
#[test]
fn every_range_reads_low_central_high() {
    fn parts<T>(r: &impl Range<T>) -> [T; 3] {
        [r.low(), r.central(), r.high()]
    }
    let (t, s) = one_factor(["0", "50", "100"], ["0", "0", "0"], 1);
    let factor = t
        .emission(&FractionId::from("food"), Route::Incineration)
        .unwrap();
    let per_tonne = |v: &str| KgCo2ePerTonne::new(d(v));
    assert_eq!(
        parts(&factor.value),
        [per_tonne("0"), per_tonne("50"), per_tonne("100")]
    );
    let band = evaluate(&t, &s).unwrap().total.co2e_saved_kg_per_year;
    let kg = |v: &str| KgCo2e::new(d(v));
    assert_eq!(parts(&band), [kg("0"), kg("50"), kg("100")]);
    assert_eq!(parts(&band), [band.low, band.central, band.high]);
    let mc = monte_carlo(&LinearModel::new(&t, &s).unwrap(), 20_000, 7).unwrap();
    let p = mc.total.co2e_saved_kg_cumulative;
    assert_eq!(parts(&p), [p.p5, p.p50, p.p95]);
    close(p.low(), "15.811", "1");
    close(p.central(), "50", "1");
    close(p.high(), "84.189", "1");
}

/// A one-sided range (central = high, like the metal recycling factor): half the draws
/// are the central itself, so the median is the central and the 75th percentile too,
/// where a triangular distribution put its median at 100 − √(0.5 × 100 × 100) = 29.3.
#[test]
fn a_one_sided_range_keeps_its_central_as_median() {
    let (t, s) = one_factor(["0", "100", "100"], ["0", "0", "0"], 1);
    let mc = monte_carlo(&LinearModel::new(&t, &s).unwrap(), 20_000, 3).unwrap();
    let p = mc.total.co2e_saved_kg_cumulative;
    // Half the draws are exactly 100: the median is 100 up to one draw's rank.
    close(p.p50, "100", "1");
    assert_eq!(p.p75, KgCo2e::new(d("100")));
    close(p.p25, "70.711", "1");
    assert!(mc.agreement[0].central_in_iqr);
}

/// No draws is refused: the percentiles of nothing would read as a band of zeros.
#[test]
fn zero_draws_is_refused() {
    let (t, s) = one_factor(["0", "100", "100"], ["0", "0", "0"], 1);
    let model = LinearModel::new(&t, &s).unwrap();
    let e = monte_carlo(&model, 0, 3).unwrap_err();
    assert_eq!(e, CalcError::NoDraws);
    assert_eq!(
        e.to_string(),
        "the Monte Carlo needs at least one draw, not 0"
    );
    assert_eq!(
        monte_carlo_saturating(&model, 0, 3),
        Err(CalcError::NoDraws)
    );
    // One draw is a result: every percentile is that draw.
    let one = monte_carlo(&model, 1, 3)
        .unwrap()
        .total
        .co2e_saved_kg_cumulative;
    assert_eq!(one.p5, one.p95);
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
        serde_json::to_string(&calc_core::report::MonteCarloJson::from(&a)).unwrap(),
        serde_json::to_string(&calc_core::report::MonteCarloJson::from(&b)).unwrap()
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

/// Brute force through the engine itself: every combination of levels as a scenario of
/// its own (effects scaled by level / steps), evaluated with `evaluate`; costs scale with
/// the level. Independent of the optimizer's tables.
fn brute_force(table: &FactorTable, s: &Scenario, budget: Budget, steps: u32) -> Decimal {
    let mut ids: Vec<MeasureId> = Vec::new();
    for it in &s.items {
        if !ids.contains(&it.measure().id) {
            ids.push(it.measure().id.clone());
        }
    }
    let n = ids.len() as u32;
    let mut best = Decimal::ZERO;
    for code in 0..(steps + 1).pow(n) {
        let level = |id: &MeasureId| {
            let i = ids.iter().position(|x| x == id).unwrap() as u32;
            Decimal::from((code / (steps + 1).pow(i)) % (steps + 1)) / Decimal::from(steps)
        };
        let mut sc = s.clone();
        let (mut once, mut year) = (Decimal::ZERO, Decimal::ZERO);
        sc.items = s
            .items
            .iter()
            .map(|it| {
                let l = level(&it.measure().id);
                once += it
                    .implementation_cost()
                    .unwrap()
                    .central()
                    .value()
                    .max(Decimal::ZERO)
                    * l;
                year += it
                    .running_cost()
                    .unwrap()
                    .central()
                    .value()
                    .max(Decimal::ZERO)
                    * l;
                it.clone()
                    .with_effect(Share::new(it.effect().value() * l).unwrap())
            })
            .collect();
        let co2e = evaluate(table, &sc)
            .unwrap()
            .total
            .co2e_saved_kg_per_year
            .central
            .value();
        let ok = budget.once.is_none_or(|b| once <= b.value())
            && budget.per_year.is_none_or(|b| year <= b.value());
        if ok && co2e > best {
            best = co2e;
        }
    }
    best
}

/// Food with three routes whose factors make every kind of move save or cost CO2e.
fn optimizer_table() -> FactorTable {
    let mut t = FactorTable::new(info());
    for (route, ef) in [
        (Route::Prevention, "-2000"),
        (Route::Reuse, "-800"),
        (Route::Recycling, "-300"),
        (Route::AnaerobicDigestion, "-100"),
        (Route::Incineration, "50"),
        (Route::Landfill, "400"),
    ] {
        add(&mut t, "food", route, [ef, ef, ef], ["100", "100", "100"]);
    }
    t
}

/// Up to six measures on two pools (so some interact), in one or two towns.
fn catalogue() -> impl Strategy<Value = Scenario> {
    let m = (
        0usize..2,
        0usize..6,
        0usize..6,
        5i64..=100,
        0i64..50,
        0i64..20,
        0u8..4,
    );
    (prop::collection::vec(m, 1..7), 1usize..3).prop_map(|(ms, towns)| {
        let routes = ROUTES;
        let pools = [
            pool(
                "p0",
                "food",
                "10",
                RouteMix::new([
                    (Route::Incineration, share("0.7")),
                    (Route::Landfill, share("0.3")),
                ])
                .unwrap(),
            ),
            pool(
                "p1",
                "food",
                "4",
                RouteMix::new([
                    (Route::AnaerobicDigestion, share("0.5")),
                    (Route::Incineration, share("0.5")),
                ])
                .unwrap(),
            ),
        ];
        let mut s = scenario(2025, 2025, "0");
        for (k, (p, from, to, eff, once, year, free)) in ms.into_iter().enumerate() {
            let pool = &pools[p];
            let acts_on: Vec<Route> = if from % 2 == 0 {
                pool.baseline.shares().iter().map(|(r, _)| *r).collect()
            } else {
                vec![pool.baseline.shares()[from % pool.baseline.shares().len()].0]
            };
            let base = pooled(
                &format!("m{k}"),
                pool,
                &acts_on,
                RouteMix::single(routes[to]),
                "1",
            );
            let m = std::sync::Arc::new(Measure {
                implementation_cost: Estimate::exact(SekPerInhabitant::new(Decimal::from(
                    if free == 0 { 0 } else { once },
                ))),
                running_cost: Estimate::exact(SekPerInhabitant::new(Decimal::from(year))),
                effects: calc_core::Effects::point(Share::new(Decimal::new(eff, 2)).unwrap()),
                kind: calc_core::MeasureKind::Plan,
                ..(*base).clone()
            });
            for t in 0..towns {
                s.items.push(ScenarioItem::new(
                    m.clone(),
                    town(&format!("{t:04}"), 100 + 50 * t as u32),
                    Year(2025),
                ));
            }
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    /// Measures on shared pools interact; the optimizer is still exact.
    #[test]
    fn optimizer_matches_brute_force_with_overlapping_measures(
        s in catalogue(),
        once in prop::option::of(0i64..5_000),
        year in prop::option::of(0i64..2_000),
        steps in 1u32..3,
    ) {
        let table = optimizer_table();
        let budget = Budget {
            once: once.map(|b| Sek::new(Decimal::from(b))),
            per_year: year.map(|b| Sek::new(Decimal::from(b))),
            perspective: Perspective::Municipality,
        };
        let cands = candidates(&LinearModel::new(&table, &s).unwrap(), steps).unwrap();
        let plan = optimize(&cands, budget);
        let best = brute_force(&table, &s, budget, steps);
        // Levels of 1/2 and effects in whole percent keep both sides exact to 10⁻⁹ kg.
        prop_assert!(
            (plan.co2e_saved_kg_per_year.value() - best).abs() <= d("0.000000001"),
            "optimizer {} != brute force {}", plan.co2e_saved_kg_per_year, best
        );
        prop_assert!(budget.once.is_none_or(|b| plan.cost_once <= b));
        prop_assert!(budget.per_year.is_none_or(|b| plan.cost_per_year <= b));
    }
}

/// One measure on a pool of its own: `tonnes` of food from incineration (50 kg CO2e/t) to
/// prevention (−950 kg CO2e/t), so each tonne saves exactly 1 000 kg CO2e.
fn own(id: &str, tonnes: &str, once: i64) -> ScenarioItem {
    let m = measure(
        id,
        "food",
        tonnes,
        RouteMix::single(Route::Incineration),
        RouteMix::single(Route::Prevention),
        "1",
        0,
        &once.to_string(),
        "0",
    );
    // 1 000 inhabitants × `tonnes` kg = `tonnes` t; the cost is per inhabitant.
    ScenarioItem::new(m, town("0001", 1_000), Year(2025))
}

#[test]
fn optimizer_picks_the_best_package_and_names_the_next_krona() {
    let mut t = FactorTable::new(info());
    add(
        &mut t,
        "food",
        Route::Incineration,
        ["50", "50", "50"],
        ["0", "0", "0"],
    );
    add(
        &mut t,
        "food",
        Route::Prevention,
        ["-950", "-950", "-950"],
        ["0", "0", "0"],
    );
    add(
        &mut t,
        "food",
        Route::Landfill,
        ["1050", "1050", "1050"],
        ["0", "0", "0"],
    );
    let mut s = scenario(2025, 2025, "0");
    // Budget 100 000 once: a (60 t CO2e for 60 000) + c (30 t for 40 000) = 90 t beats
    // b (80 t for 90 000) alone; d costs CO2e and is never chosen.
    s.items.push(own("a", "60", 60));
    s.items.push(own("b", "80", 90));
    s.items.push(own("c", "30", 40));
    let worse = measure(
        "d",
        "food",
        "5",
        RouteMix::single(Route::Incineration),
        RouteMix::single(Route::Landfill),
        "1",
        0,
        "0",
        "0",
    );
    s.items
        .push(ScenarioItem::new(worse, town("0001", 1_000), Year(2025)));
    let cands = candidates(&LinearModel::new(&t, &s).unwrap(), 1).unwrap();
    let plan = optimize(
        &cands,
        Budget {
            once: Some(Sek::new(Decimal::from(100_000))),
            per_year: None,
            perspective: Perspective::Municipality,
        },
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

/// Prevention and sorting on one pool: each alone saves more than its share of both
/// together, so the best pair under a budget is found only by evaluating combinations.
#[test]
fn optimizer_counts_interacting_measures_once() {
    let t = optimizer_table();
    // 1 000 inhabitants × 10 kg = 10 t, all incinerated.
    let p = pool("p", "food", "10", RouteMix::single(Route::Incineration));
    let prevent = pooled(
        "a_prevent",
        &p,
        &[Route::Incineration],
        RouteMix::single(Route::Prevention),
        "0.5",
    );
    let sort = pooled(
        "b_sort",
        &p,
        &[Route::Incineration],
        RouteMix::single(Route::Recycling),
        "0.5",
    );
    let mut s = scenario(2025, 2025, "0");
    s.items
        .push(ScenarioItem::new(prevent, town("0001", 1_000), Year(2025)));
    s.items
        .push(ScenarioItem::new(sort, town("0001", 1_000), Year(2025)));
    let cands = candidates(&LinearModel::new(&t, &s).unwrap(), 1).unwrap();
    let plan = optimize(&cands, Budget::default());
    // Prevention moves 5 t × (50 − (−2000)) = 10 250 kg; sorting then moves half of the
    // 5 t left: 2.5 t × (50 − (−300)) = 875 kg. Alone it would move 5 t: 1 750 kg.
    assert_eq!(plan.co2e_saved_kg_per_year, KgCo2e::new(d("11125")));
    let sorted: Vec<_> = plan
        .chosen
        .iter()
        .map(|c| (c.measure.as_str(), c.co2e_saved_kg_per_year.value()))
        .collect();
    assert_eq!(sorted, [("a_prevent", d("10250")), ("b_sort", d("875"))]);
}

/// Contributions are exact: the factors' CO2e parts add up to the total, the factors' and
/// costs' SEK parts to the municipality's net, and the pools' parts to both on their own.
#[test]
fn contributions_add_up_to_the_totals() {
    let mut s = scenario(2025, 2029, "0.03");
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
    let c = contributions(&model, &table(), &[]).unwrap();
    let e = model.evaluation();
    assert_eq!(
        c.co2e_total_kg,
        e.total.co2e_saved_kg_cumulative.central.value()
    );
    let muni = e
        .total
        .net_sek_cumulative(Perspective::Municipality)
        .unwrap()
        .central
        .value();
    assert!((c.net_sek_total - muni).abs() < d("0.000001"));
    let sum = |q: bool, f: fn(&Contribution) -> Decimal| -> Decimal {
        c.items
            .iter()
            .filter(|x| (x.kind == ContributionKind::Quantity) == q)
            .map(f)
            .sum()
    };
    for q in [false, true] {
        assert!((sum(q, |x| x.co2e_share_pct) - d("100")).abs() < d("0.000001"));
        assert!((sum(q, |x| x.net_sek_share_pct) - d("100")).abs() < d("0.000001"));
    }
    // Food prevention: 50 t × 5 years at full effect ramps 1/4, 2/4, 3/4, 1, 1 = 3.5 years:
    // 175 t prevented, each −2 000 kg: the prevention factor contributes 350 000 kg.
    let prevention = c
        .items
        .iter()
        .find(|x| x.id == "ef.food.prevention")
        .unwrap();
    assert_eq!(prevention.co2e_kg, d("350000"));
    assert_eq!(prevention.source.as_ref().unwrap().as_str(), "test_source");
}
