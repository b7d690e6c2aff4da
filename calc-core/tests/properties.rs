//! Property tests: additivity, zero effect, linearity in tonnes, order independence,
//! savings = baseline − alternative, and ordered bands.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
#![cfg(not(target_arch = "wasm32"))]

mod common;
use calc_core::*;
use common::*;
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::sync::Arc;

/// A decimal with two decimals between −max and max (bounded: no overflow in sums).
fn dec(max: i64) -> impl Strategy<Value = Decimal> {
    (-max * 100..=max * 100).prop_map(|n| Decimal::new(n, 2))
}

fn estimate() -> impl Strategy<Value = [Decimal; 3]> {
    (dec(5000), 0i64..500_000, 0i64..500_000)
        .prop_map(|(c, a, b)| [c - Decimal::new(a, 2), c, c + Decimal::new(b, 2)])
}

fn random_table() -> impl Strategy<Value = FactorTable> {
    prop::collection::vec((estimate(), estimate()), Route::ALL.len()).prop_map(|v| {
        let mut t = FactorTable::new(info());
        for (route, (ef, cf)) in Route::ALL.into_iter().zip(v) {
            let s = |a: [Decimal; 3]| a.map(|x| x.to_string());
            let (ef, cf) = (s(ef), s(cf));
            add(
                &mut t,
                "food",
                route,
                [&ef[0], &ef[1], &ef[2]],
                [&cf[0], &cf[1], &cf[2]],
            );
        }
        t
    })
}

/// A mix over one or two routes with shares in whole percent.
fn mix() -> impl Strategy<Value = RouteMix> {
    (0usize..7, 0usize..7, 0i64..=100).prop_map(|(a, b, p)| {
        let (ra, rb) = (Route::ALL[a], Route::ALL[b]);
        if ra == rb || p == 100 {
            RouteMix::single(ra)
        } else {
            RouteMix::new([
                (ra, Share::new(Decimal::new(p, 2)).unwrap()),
                (rb, Share::new(Decimal::new(100 - p, 2)).unwrap()),
            ])
            .unwrap()
        }
    })
}

/// Ramp years with exact decimal steps (1, 2, 4, 5 steps): sums are exact.
fn ramp_years() -> impl Strategy<Value = u16> {
    prop::sample::select(vec![0u16, 1, 3, 4])
}

fn item() -> impl Strategy<Value = ScenarioItem> {
    (
        mix(),
        mix(),
        0i64..=100,
        ramp_years(),
        0i64..10_000,
        0i64..1000,
        0i64..100,
        1u32..200_000,
        2025u16..2030,
        0i64..=1000,
    )
        .prop_map(|(b, t, eff, ramp, kg, imp, run, pop, start, q)| {
            let base = food_prevention();
            let m = Arc::new(Measure {
                effects: calc_core::Effects::point(Share::new(Decimal::new(eff, 2)).unwrap()),
                kind: calc_core::MeasureKind::Plan,
                acts_on: b.shares().iter().map(|(r, _)| *r).collect(),
                pool: Arc::new(Pool::own(
                    &base.id,
                    base.fraction.clone(),
                    QuantityBasis::PerInhabitant {
                        kg: KgPerInhabitant::new(Decimal::new(kg, 2)).unwrap(),
                    },
                    b,
                )),
                stage: stage(&t),
                target: t,
                ramp_years: ramp,
                implementation_cost: Estimate::exact(SekPerInhabitant::new(Decimal::new(imp, 1))),
                running_cost: Estimate::exact(SekPerInhabitant::new(Decimal::new(run, 1))),
                ..(*base).clone()
            });
            let item = ScenarioItem::new(m, town("0001", pop), Year(start));
            if q > 500 {
                item.with_quantity(Tonnes::new(Decimal::new(q, 1))).unwrap()
            } else {
                item
            }
        })
}

/// The same item with the measure on a pool of its own (id `own<i>`), in `town`.
fn rebuilt(it: &ScenarioItem, i: usize, town: Arc<Municipality>, scale: Decimal) -> ScenarioItem {
    let m = it.measure();
    let pool = Arc::new(Pool {
        id: PoolId(format!("own{i}")),
        ..(*m.pool).clone()
    });
    let m2 = Arc::new(Measure { pool, ..m.clone() });
    let mut x = ScenarioItem::new(m2, town, it.start_year())
        .with_effect(it.effect())
        .with_years(it.start_year(), it.full_effect_year())
        .unwrap();
    if let Some(q) = it.quantity_override() {
        x = x.with_quantity(q.checked_scale(scale).unwrap()).unwrap();
    }
    x
}

/// A scenario in which every item has a pool of its own (no interactions).
fn scenario_of(items: Vec<ScenarioItem>) -> Scenario {
    let mut s = scenario(2025, 2035, "0.035");
    s.items = items
        .iter()
        .enumerate()
        .map(|(i, it)| rebuilt(it, i, Arc::clone(it.municipality_arc()), Decimal::ONE))
        .collect();
    s
}

/// Results keep 28 significant digits; a share of reach (quantity ÷ tonnes in the routes)
/// and discounting (÷ (1 + r)^n) round in the last of them, so sums are compared to
/// 10⁻⁹ (kg or SEK).
fn close(x: Decimal, y: Decimal) -> bool {
    (x - y).abs() <= Decimal::new(1, 9)
}

/// A unit value as its decimal, for [`close`].
trait Value: Copy + std::fmt::Debug {
    fn v(self) -> Decimal;
}
impl Value for KgCo2e {
    fn v(self) -> Decimal {
        self.value()
    }
}
impl Value for Sek {
    fn v(self) -> Decimal {
        self.value()
    }
}
impl Value for Tonnes {
    fn v(self) -> Decimal {
        self.value()
    }
}

fn assert_close<T: Value>(a: Band<T>, b: Band<T>) {
    for (x, y) in [(a.low, b.low), (a.central, b.central), (a.high, b.high)] {
        assert!(close(x.v(), y.v()), "{x:?} != {y:?}");
    }
}

fn assert_near<T: Value>(x: T, y: T) {
    assert!(close(x.v(), y.v()), "{x:?} != {y:?}");
}

fn assert_summary_close(a: &Summary, b: &Summary) {
    assert_near(a.tonnes_shifted_per_year, b.tonnes_shifted_per_year);
    assert_near(a.tonnes_shifted_cumulative, b.tonnes_shifted_cumulative);
    assert_close(a.co2e_saved_kg_per_year, b.co2e_saved_kg_per_year);
    assert_close(a.co2e_saved_kg_cumulative, b.co2e_saved_kg_cumulative);
    assert_close(a.route_sek_saved_per_year, b.route_sek_saved_per_year);
    assert_close(
        a.society_net_sek_saved_per_year,
        b.society_net_sek_saved_per_year,
    );
    assert_close(
        a.society_net_sek_saved_cumulative,
        b.society_net_sek_saved_cumulative,
    );
    assert_close(
        a.society_net_present_value_sek,
        b.society_net_present_value_sek,
    );
    assert_close(a.implementation_cost_sek, b.implementation_cost_sek);
    assert_close(a.running_cost_sek_per_year, b.running_cost_sek_per_year);
    for p in Payer::ALL {
        assert_close(
            *a.net_sek_saved_per_year_by_payer.get(p),
            *b.net_sek_saved_per_year_by_payer.get(p),
        );
        assert_close(
            *a.net_sek_saved_cumulative_by_payer.get(p),
            *b.net_sek_saved_cumulative_by_payer.get(p),
        );
        assert_close(
            *a.net_present_value_sek_by_payer.get(p),
            *b.net_present_value_sek_by_payer.get(p),
        );
    }
}

fn assert_ordered<T: Ord + std::fmt::Debug>(b: &Band<T>) {
    assert!(
        b.low <= b.central && b.central <= b.high,
        "unordered band {b:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn totals_add_up_over_measures_and_municipalities(
        table in random_table(),
        a in prop::collection::vec(item(), 0..5),
        b in prop::collection::vec(item(), 0..5),
    ) {
        let ea = evaluate(&table, &scenario_of(a.clone())).unwrap();
        let eb = evaluate(&table, &scenario_of(b.clone())).unwrap();
        let both = evaluate(&table, &scenario_of([a, b].concat())).unwrap();
        assert_close(
            both.total.co2e_saved_kg_cumulative,
            ea.total.co2e_saved_kg_cumulative.checked_add(eb.total.co2e_saved_kg_cumulative).unwrap()
        );
        assert_close(
            both.total.society_net_sek_saved_cumulative,
            ea.total.society_net_sek_saved_cumulative.checked_add(eb.total.society_net_sek_saved_cumulative).unwrap()
        );
        assert_close(
            both.total.society_net_present_value_sek,
            ea.total.society_net_present_value_sek.checked_add(eb.total.society_net_present_value_sek).unwrap(),
        );
        // The per-year totals add up to the cumulative total.
        let per_year = KgCo2e::checked_sum(both.by_year.iter().map(|y| y.co2e_saved_kg.central)).unwrap();
        assert_near(per_year, both.total.co2e_saved_kg_cumulative.central);
        // So do the per-measure and per-municipality groups.
        let by_m = KgCo2e::checked_sum(both.by_measure.iter().map(|g| g.summary.co2e_saved_kg_per_year.central)).unwrap();
        assert_near(by_m, both.total.co2e_saved_kg_per_year.central);
    }

    /// Cumulative values and per-year totals are computed in closed form; they must equal
    /// the sums of the year rows.
    #[test]
    fn year_rows_add_up_to_the_closed_forms(table in random_table(), items in prop::collection::vec(item(), 1..5)) {
        let e = evaluate(&table, &scenario_of(items)).unwrap();
        for it in &e.items {
            let co2e = KgCo2e::checked_sum(it.years.iter().map(|y| y.co2e_saved_kg.low)).unwrap();
            assert_near(co2e, it.summary.co2e_saved_kg_cumulative.low);
            let net = Sek::checked_sum(it.years.iter().map(|y| y.society_net_sek_saved.high)).unwrap();
            assert_near(net, it.summary.society_net_sek_saved_cumulative.high);
            let t = Tonnes::checked_sum(it.years.iter().map(|y| y.tonnes_shifted)).unwrap();
            assert_near(t, it.summary.tonnes_shifted_cumulative);
        }
        for (k, yt) in e.by_year.iter().enumerate() {
            let co2e = KgCo2e::checked_sum(e.items.iter().map(|i| i.years[k].co2e_saved_kg.central)).unwrap();
            assert_near(co2e, yt.co2e_saved_kg.central);
            let net = Sek::checked_sum(e.items.iter().map(|i| i.years[k].society_net_sek_saved.low)).unwrap();
            assert_near(net, yt.society_net_sek_saved.low);
        }
    }

    #[test]
    fn zero_effect_saves_nothing(table in random_table(), items in prop::collection::vec(item(), 1..5)) {
        let items: Vec<_> = items.into_iter().map(|i| i.with_effect(Share::ZERO)).collect();
        let e = evaluate(&table, &scenario_of(items)).unwrap();
        prop_assert_eq!(e.total.co2e_saved_kg_cumulative, Band::exact(KgCo2e::ZERO));
        prop_assert_eq!(e.total.route_sek_saved_per_year, Band::exact(Sek::ZERO));
        prop_assert_eq!(e.total.tonnes_shifted_cumulative, Tonnes::ZERO);
        // Only the measure costs remain.
        prop_assert_eq!(e.total.society_net_sek_saved_per_year.central, -e.total.running_cost_sek_per_year.central);
    }

    /// Twice the inhabitants (so twice the pool, the reach and the per-inhabitant costs)
    /// gives twice every result.
    #[test]
    fn doubling_tonnes_doubles_savings(table in random_table(), it in item()) {
        let pop = it.municipality().population;
        let double = rebuilt(&it, 0, town("0001", pop * 2), Decimal::TWO);
        let one = evaluate(&table, &scenario_of(vec![it])).unwrap();
        let two = evaluate(&table, &scenario_of(vec![double])).unwrap();
        assert_near(
            two.total.co2e_saved_kg_cumulative.central,
            one.total.co2e_saved_kg_cumulative.central.checked_scale(Decimal::TWO).unwrap()
        );
        assert_near(
            two.total.route_sek_saved_per_year.high,
            one.total.route_sek_saved_per_year.high.checked_scale(Decimal::TWO).unwrap()
        );
        assert_near(
            two.total.society_net_sek_saved_cumulative.low,
            one.total.society_net_sek_saved_cumulative.low.checked_scale(Decimal::TWO).unwrap()
        );
    }

    #[test]
    fn item_order_does_not_change_totals(table in random_table(), items in prop::collection::vec(item(), 1..6)) {
        let fwd = evaluate(&table, &scenario_of(items.clone())).unwrap();
        let rev = evaluate(&table, &scenario_of(items.into_iter().rev().collect())).unwrap();
        assert_summary_close(&fwd.total, &rev.total);
    }

    #[test]
    fn savings_are_baseline_minus_alternative(table in random_table(), it in item()) {
        let e = evaluate(&table, &scenario_of(vec![it])).unwrap();
        let r = &e.items[0];
        prop_assert_eq!(
            r.co2e_saved_per_tonne.central,
            r.baseline_kg_co2e_per_tonne.checked_sub(r.target_kg_co2e_per_tonne).unwrap()
        );
        assert_ordered(&r.co2e_saved_per_tonne);
        assert_ordered(&r.sek_saved_per_tonne);
        assert_ordered(&e.total.co2e_saved_kg_cumulative);
        assert_ordered(&e.total.society_net_sek_saved_cumulative);
        assert_ordered(&e.total.society_net_present_value_sek);
    }
}
