//! Golden scenarios: every expected number is worked out by hand in the comments.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

mod common;
use calc_core::*;
use common::*;
use std::sync::Arc;

fn kg(s: &str) -> KgCo2e {
    KgCo2e::new(d(s))
}
fn tonnes(s: &str) -> Tonnes {
    Tonnes::new(d(s))
}
fn sek(s: &str) -> Sek {
    Sek::new(d(s))
}

/// Food prevention in one town of 10 000 inhabitants, 2025–2029, no discounting.
///
/// quantity = 10 kg × 10 000 / 1000 = 100 t; at 50 % effect 50 t are shifted per year.
/// Weights (base − target): incineration 0.6, digestion 0.4, prevention −1.
/// CO2e per tonne, central: 0.6 × (−50) + 0.4 × (−100) − 1 × (−2000) = −30 − 40 + 2000 = 1930.
///   low  (positive weights take low, negative take high): 0.6 × (−100) + 0.4 × (−150) − (−1500) = 1380.
///   high: 0.6 × 0 + 0.4 × (−50) − (−2500) = 2480.
/// SEK per tonne, central: 0.6 × 900 + 0.4 × 600 − (−20000) = 540 + 240 + 20000 = 20780.
///   low: 480 + 200 + 10000 = 10680; high: 600 + 280 + 30000 = 30880.
/// Ramp over 3 years: full effect in 2028; 2025 ¼, 2026 ½, 2027 ¾, 2028–2029 1.
/// Shifted: 12.5, 25, 37.5, 50, 50 = 175 t over the period.
/// Costs: running 1 × 10 000 = 10 000 SEK/yr from 2025; implementation 2 × 10 000 = 20 000 in 2025.
#[test]
fn food_prevention_one_town() {
    let mut s = scenario(2025, 2029, "0");
    s.items.push(ScenarioItem::new(
        food_prevention(),
        town("0001", 10_000),
        Year(2025),
    ));
    let e = evaluate(&table(), &s).unwrap();
    let item = &e.items[0];

    assert_eq!(item.affected_tonnes_per_year, Tonnes::new(d("100")));
    assert_eq!(
        item.co2e_saved_per_tonne.central,
        KgCo2ePerTonne::new(d("1930"))
    );
    assert_eq!(
        item.co2e_saved_per_tonne.low,
        KgCo2ePerTonne::new(d("1380"))
    );
    assert_eq!(
        item.co2e_saved_per_tonne.high,
        KgCo2ePerTonne::new(d("2480"))
    );
    assert_eq!(
        item.sek_saved_per_tonne.central,
        SekPerTonne::new(d("20780"))
    );
    // Baseline 0.6 × (−50) + 0.4 × (−100) = −70; target −2000; saved = −70 − (−2000) = 1930.
    assert_eq!(
        item.baseline_kg_co2e_per_tonne,
        KgCo2ePerTonne::new(d("-70"))
    );
    assert_eq!(
        item.target_kg_co2e_per_tonne,
        KgCo2ePerTonne::new(d("-2000"))
    );

    // Year by year: shifted × 1930 kg; net = shifted × 20780 − costs.
    let years: Vec<_> = item
        .years
        .iter()
        .map(|y| {
            (
                y.year.get(),
                y.tonnes_shifted,
                y.co2e_saved_kg.central,
                y.society_net_sek_saved.central,
            )
        })
        .collect();
    assert_eq!(
        years,
        vec![
            // 12.5 × 1930 = 24 125; 12.5 × 20780 = 259 750 − 30 000 = 229 750.
            (2025, Tonnes::new(d("12.5")), kg("24125"), sek("229750")),
            // 25 × 1930 = 48 250; 25 × 20780 = 519 500 − 10 000 = 509 500.
            (2026, Tonnes::new(d("25")), kg("48250"), sek("509500")),
            // 37.5 × 1930 = 72 375; 37.5 × 20780 = 779 250 − 10 000 = 769 250.
            (2027, Tonnes::new(d("37.5")), kg("72375"), sek("769250")),
            // 50 × 1930 = 96 500; 50 × 20780 = 1 039 000 − 10 000 = 1 029 000.
            (2028, Tonnes::new(d("50")), kg("96500"), sek("1029000")),
            (2029, Tonnes::new(d("50")), kg("96500"), sek("1029000")),
        ]
    );

    let t = &e.total;
    assert_eq!(t.tonnes_shifted_per_year, Tonnes::new(d("50")));
    assert_eq!(t.co2e_saved_kg_per_year.central, kg("96500"));
    assert_eq!(t.society_net_sek_saved_per_year.central, sek("1029000"));
    assert_eq!(t.tonnes_shifted_cumulative, Tonnes::new(d("175")));
    // 175 × 1930 = 337 750; low 175 × 1380 = 241 500; high 175 × 2480 = 434 000.
    assert_eq!(
        t.co2e_saved_kg_cumulative,
        Band {
            low: kg("241500"),
            central: kg("337750"),
            high: kg("434000")
        }
    );
    // 175 × 20780 = 3 636 500 − 5 × 10 000 − 20 000 = 3 566 500;
    // low 175 × 10680 − 70 000 = 1 799 000; high 175 × 30880 − 70 000 = 5 334 000.
    assert_eq!(
        t.society_net_sek_saved_cumulative,
        Band {
            low: sek("1799000"),
            central: sek("3566500"),
            high: sek("5334000")
        }
    );
    // No discounting: NPV = cumulative.
    assert_eq!(
        t.society_net_present_value_sek,
        t.society_net_sek_saved_cumulative
    );
    // −3 566 500 / 337.75 t = −10 559.585… SEK per tonne CO2e.
    assert_eq!(
        t.municipality_cost_per_tonne_co2e
            .map(|c| c.value().round_dp(2)),
        Some(d("-10559.59"))
    );
    assert_eq!(
        item.factors
            .iter()
            .map(FactorId::as_str)
            .collect::<Vec<_>>(),
        vec![
            "ef.food.prevention",
            "cf.food.prevention",
            "ef.food.anaerobic_digestion",
            "cf.food.anaerobic_digestion",
            "ef.food.incineration",
            "cf.food.incineration",
        ]
    );
    assert_eq!(e.factor_set.id, "test");
}

/// Two towns and two measures, discounted at 10 %, 2025–2026.
///
/// Textile reuse, 5 kg/inh, 20 % effect, full at once, running 3 SEK/inh/yr.
/// Weights: incineration +1, reuse −1. CO2e per tonne: 1500 − (−9000) = 10 500;
/// SEK per tonne: 900 − (−2000) = 2900.
/// Town A (10 000 inh): 50 t × 0.2 = 10 t/yr → 105 000 kg; SEK 29 000 − 30 000 = −1 000 per year.
/// Town B (4 000 inh): 20 t × 0.2 = 4 t/yr → 42 000 kg; SEK 11 600 − 12 000 = −400 per year.
/// NPV A: −1 000 − 1 000 / 1.1 = −1 909.0909…; B: −400 − 400 / 1.1 = −763.6363…
#[test]
fn textile_reuse_two_towns_discounted() {
    let mut s = scenario(2025, 2026, "0.1");
    s.items.push(ScenarioItem::new(
        textile_reuse(),
        town("0001", 10_000),
        Year(2025),
    ));
    s.items.push(ScenarioItem::new(
        textile_reuse(),
        town("0002", 4_000),
        Year(2025),
    ));
    let e = evaluate(&table(), &s).unwrap();
    let by_town: Vec<_> = e
        .by_municipality
        .iter()
        .map(|g| {
            (
                g.key.as_str(),
                g.summary.co2e_saved_kg_per_year.central,
                g.summary.society_net_sek_saved_per_year.central,
            )
        })
        .collect();
    assert_eq!(
        by_town,
        vec![
            ("0001", kg("105000"), sek("-1000")),
            ("0002", kg("42000"), sek("-400"))
        ]
    );
    assert_eq!(e.by_measure.len(), 1);
    assert_eq!(e.total.co2e_saved_kg_cumulative.central, kg("294000"));
    assert_eq!(
        e.total
            .society_net_present_value_sek
            .central
            .value()
            .round_dp(4),
        d("-2672.7273")
    );
    // Per year totals and running cumulative CO2e: 147 000, then 294 000.
    let years: Vec<_> = e
        .by_year
        .iter()
        .map(|y| {
            (
                y.year.get(),
                y.co2e_saved_kg.central,
                y.co2e_saved_kg_cumulative.central,
            )
        })
        .collect();
    assert_eq!(
        years,
        vec![
            (2025, kg("147000"), kg("147000")),
            (2026, kg("147000"), kg("294000"))
        ]
    );
    // Costs 1400 SEK a year more than it saves: 2 800 SEK over 294 t CO2e = 9.5238 SEK/t.
    assert_eq!(
        e.total
            .municipality_cost_per_tonne_co2e
            .map(|c| c.value().round_dp(4)),
        Some(d("9.5238"))
    );
}

/// Ranking and MACC on both measures in one town of 10 000, 2025–2028, no discount.
///
/// Food: cumulative shift 12.5 + 25 + 37.5 + 50 = 125 t → 241.25 t CO2e;
///   net 125 × 20780 − 4 × 10 000 − 20 000 = 2 537 500 → −10 518.13 SEK/t.
///   Per year at full effect: 96.5 t CO2e.
/// Textiles: 10 t/yr × 4 = 40 t → 420 t CO2e; net −1 000 × 4 = −4 000 → +9.52 SEK/t.
///   Per year: 105 t CO2e.
#[test]
fn ranking_and_macc() {
    let mut s = scenario(2025, 2028, "0");
    let a = town("0001", 10_000);
    s.items
        .push(ScenarioItem::new(food_prevention(), a.clone(), Year(2025)));
    s.items
        .push(ScenarioItem::new(textile_reuse(), a, Year(2025)));
    let e = evaluate(&table(), &s).unwrap();
    let ids = |by| {
        rank(&e, by)
            .into_iter()
            .map(|r| r.measure.key)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(RankBy::Co2e), vec!["textile_reuse", "food_prevention"]);
    assert_eq!(ids(RankBy::Sek), vec!["food_prevention", "textile_reuse"]);
    assert_eq!(
        ids(RankBy::CostPerTonne),
        vec!["food_prevention", "textile_reuse"]
    );
    let bars: Vec<_> = macc(&e)
        .into_iter()
        .map(|b| {
            (
                b.measure.to_string(),
                b.x_start.value(),
                b.width.value(),
                b.cost_per_tonne.value().round_dp(2),
            )
        })
        .collect();
    assert_eq!(
        bars,
        vec![
            (
                "food_prevention".to_string(),
                d("0"),
                d("96.5"),
                d("-10518.13")
            ),
            ("textile_reuse".to_string(), d("96.5"), d("105"), d("9.52")),
        ]
    );
}

#[test]
fn ramp_is_linear_to_full_effect() {
    let r = |y| ramp(Year(y), Year(2025), Year(2028));
    assert_eq!(
        [r(2024), r(2025), r(2026), r(2027), r(2028), r(2040)],
        [d("0"), d("0.25"), d("0.5"), d("0.75"), d("1"), d("1")]
    );
    assert_eq!(ramp(Year(2025), Year(2025), Year(2025)), d("1"));
}

#[test]
fn factor_override_replaces_the_table_value() {
    let mut s = scenario(2025, 2025, "0");
    s.items.push(ScenarioItem::new(
        textile_reuse(),
        town("0001", 10_000),
        Year(2025),
    ));
    s.factor_overrides.push(FactorOverride {
        fraction: FractionId::from("textiles"),
        route: Route::Reuse,
        emission: Some(Estimate::exact(KgCo2ePerTonne::new(d("-4500")))),
        cost: None,
        yield_share: None,
    });
    let e = evaluate(&table(), &s).unwrap();
    // 10 t × (1500 − (−4500)) = 60 000 kg.
    assert_eq!(e.total.co2e_saved_kg_per_year.central, kg("60000"));
    assert!(
        e.items[0]
            .factors
            .iter()
            .any(|f| f.as_str() == "override.ef.textiles.reuse")
    );
}

#[test]
fn results_json_writes_decimals_as_strings() {
    let mut s = scenario(2025, 2025, "0");
    s.items.push(ScenarioItem::new(
        textile_reuse(),
        town("0001", 10_000),
        Year(2025),
    ));
    let e = evaluate(&table(), &s).unwrap();
    let json = serde_json::to_value(calc_core::ResultsJson::new(&e)).unwrap();
    assert_eq!(
        json["totals"]["co2e_saved_kg_per_year"]["central"],
        "105000"
    );
}

/// Two measures take 60 % and 50 % of the same textiles in the same town. They share one
/// pool, so the second takes its 50 % of what the first left: no tonne is counted twice.
#[test]
fn stacked_measures_share_the_pool() {
    let mut s = scenario(2025, 2025, "0");
    let a = town("0001", 10_000);
    s.items
        .push(ScenarioItem::new(textile_reuse(), a.clone(), Year(2025)).with_effect(share("0.6")));
    let other = Arc::new(Measure {
        id: MeasureId::from("textile_swap"),
        ..(*textile_reuse()).clone()
    });
    s.items
        .push(ScenarioItem::new(other, a, Year(2025)).with_effect(share("0.5")));
    let e = evaluate(&table(), &s).unwrap();
    // 10 000 × 5 kg = 50 t: the first (textile_reuse, by id) moves 30 t, the second half
    // of the 20 t left = 10 t. Each tonne saves 1 500 − (−9 000) = 10 500 kg.
    let moved: Vec<_> = e
        .items
        .iter()
        .map(|i| (i.order_in_pool, i.summary.tonnes_shifted_per_year))
        .collect();
    assert_eq!(moved, [(1, tonnes("30")), (2, tonnes("10"))]);
    assert_eq!(e.total.co2e_saved_kg_per_year.central, kg("420000"));
    assert!(e.warnings.is_empty());
}

/// The worked example of the method pages: household food waste, 10 000 inhabitants ×
/// 20 kg = 200 t, 60 % incinerated (120 t) and 40 % digested (80 t). Sorted food waste
/// reaches the digester with a yield of 0.8; the rest is incinerated.
///
/// 1. Prevention (first: waste hierarchy) reaches the 5 kg avoidable per inhabitant =
///    50 t of 200 t (a quarter) and halves it: share 0.125 of every route:
///    15 t from incineration, 10 t from digestion, 25 t prevented.
///    CO2e 15 × (−50) + 10 × (−100) − 25 × (−2000) = 48 250 kg.
///    Waste fee saves 15 × 900 + 10 × 600 = 19 500 SEK and pays the running cost
///    10 000 × 1 = 10 000 SEK: 9 500; households save 25 t × 20 000 = 500 000 SEK.
/// 2. Sorting moves half of what is left in incineration: (120 − 15) × 0.5 = 52.5 t;
///    42 t reach the digester, 10.5 t are rejected to incineration: net 42 t from
///    incineration to digestion. CO2e 42 × (−50) − 42 × (−100) = 2 100 kg;
///    waste fee 42 × 900 − 42 × 600 = 12 600 SEK.
#[test]
fn pools_order_yields_and_payers_by_hand() {
    let mut t = table();
    let food = FractionId::from("food");
    t.insert_yield(Yield {
        id: yield_id(&food, Route::AnaerobicDigestion),
        fraction: food.clone(),
        route: Route::AnaerobicDigestion,
        reject: Route::Incineration,
        value: Estimate::new(share("0.6"), share("0.8"), share("0.9")).unwrap(),
        source: SourceId::from("test_source"),
        locator: String::new(),
        note: String::new(),
    })
    .unwrap();
    let hh = food_pool("household_food", "20");
    let prevent = Arc::new(Measure {
        basis: Some(QuantityBasis::PerInhabitant {
            kg: KgPerInhabitant::new(d("5")).unwrap(),
        }),
        running_cost: Estimate::new(
            SekPerInhabitant::new(d("0.5")),
            SekPerInhabitant::new(d("1")),
            SekPerInhabitant::new(d("2")),
        )
        .unwrap(),
        cost_payer: Payer::WasteFee,
        savings_payer: Payer::Households,
        ..(*pooled(
            "z_prevent",
            &hh,
            &[Route::Incineration, Route::AnaerobicDigestion],
            RouteMix::single(Route::Prevention),
            "0.5",
        ))
        .clone()
    });
    let sort = pooled(
        "a_sort",
        &hh,
        &[Route::Incineration],
        RouteMix::single(Route::AnaerobicDigestion),
        "0.5",
    );
    let mut s = scenario(2025, 2025, "0");
    let k = town("0001", 10_000);
    // Listed sorting first: the order comes from the waste hierarchy, not from the list
    // (and not from the ids: "a_sort" sorts before "z_prevent").
    s.items.push(ScenarioItem::new(sort, k.clone(), Year(2025)));
    s.items.push(ScenarioItem::new(prevent, k, Year(2025)));
    let e = evaluate(&t, &s).unwrap();
    let (sort_r, prev_r) = (&e.items[0], &e.items[1]);
    assert_eq!((prev_r.order_in_pool, sort_r.order_in_pool), (1, 2));
    assert_eq!(prev_r.pool_tonnes_per_year, tonnes("200"));
    assert_eq!(prev_r.affected_tonnes_per_year, tonnes("50"));
    assert_eq!(prev_r.summary.tonnes_shifted_per_year, tonnes("25"));
    assert_eq!(prev_r.summary.co2e_saved_kg_per_year.central, kg("48250"));
    let p = &prev_r.summary.net_sek_saved_per_year_by_payer;
    assert_eq!(p.waste_fee.central, sek("9500"));
    assert_eq!(p.households.central, sek("500000"));
    assert_eq!(p.municipal_budget.central, sek("0"));
    // Sorted is not recycled: 52.5 t sorted, 0.8 × 52.5 = 42 t digested.
    assert_eq!(sort_r.summary.tonnes_shifted_per_year, tonnes("52.5"));
    assert_eq!(
        sort_r.destinations,
        [
            (Route::AnaerobicDigestion, tonnes("42.00")),
            (Route::Incineration, tonnes("10.50")),
        ]
    );
    assert_eq!(sort_r.summary.co2e_saved_kg_per_year.central, kg("2100"));
    assert_eq!(
        sort_r
            .summary
            .net_sek_saved_per_year_by_payer
            .waste_fee
            .central,
        sek("12600")
    );
    // The measures' results add up to the total; the payers add up to society.
    assert_eq!(e.total.co2e_saved_kg_per_year.central, kg("50350"));
    let by = &e.total.net_sek_saved_per_year_by_payer;
    assert_eq!(by.waste_fee.central, sek("22100"));
    for pick in [
        |b: Band<Sek>| b.low,
        |b: Band<Sek>| b.central,
        |b: Band<Sek>| b.high,
    ] {
        assert_eq!(
            pick(e.total.society_net_sek_saved_per_year),
            Sek::checked_sum([
                pick(by.waste_fee),
                pick(by.municipal_budget),
                pick(by.households)
            ])
            .unwrap()
        );
    }
    assert_eq!(
        e.total
            .net_sek_per_year(Perspective::Municipality)
            .unwrap()
            .central,
        sek("22100")
    );
    // The municipality's cost per tonne: −22 100 SEK / 50.35 t.
    assert_eq!(
        e.total
            .municipality_cost_per_tonne_co2e
            .unwrap()
            .value()
            .round_dp(2),
        d("-438.93")
    );
    // The cost range widens the SEK band: the low end pays the high running cost
    // (20 000 instead of 10 000 SEK) on top of the low treatment costs saved
    // (15 × 800 + 10 × 500 = 17 000): −3 000; the high end pays the low one (5 000) and
    // saves 15 × 1 000 + 10 × 700 = 22 000: 17 000.
    assert_eq!(
        (p.waste_fee.low, p.waste_fee.high),
        (sek("-3000"), sek("17000"))
    );
    assert_eq!(prev_r.summary.running_cost_sek_per_year.low, sek("5000"));
    assert_eq!(prev_r.summary.running_cost_sek_per_year.high, sek("20000"));
}

/// A measure on routes where its pool has no tonnes moves nothing and says so; a quantity
/// larger than the pool's routes is capped, with a warning.
#[test]
fn pool_warnings_name_the_measure() {
    let p = pool("p", "food", "10", RouteMix::single(Route::Incineration));
    let from_ad = pooled(
        "from_ad",
        &p,
        &[Route::AnaerobicDigestion],
        RouteMix::single(Route::Prevention),
        "0.5",
    );
    let big = pooled(
        "big",
        &p,
        &[Route::Incineration],
        RouteMix::single(Route::Prevention),
        "0.5",
    );
    let mut s = scenario(2025, 2025, "0");
    let k = town("0001", 1_000);
    s.items
        .push(ScenarioItem::new(from_ad, k.clone(), Year(2025)));
    s.items.push(
        ScenarioItem::new(big, k, Year(2025))
            .with_quantity(tonnes("25"))
            .unwrap(),
    );
    let e = evaluate(&table(), &s).unwrap();
    assert_eq!(
        e.warnings
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        vec![
            "0001: measure big names 25 t, but pool p has 10 t in the routes it acts on; it reaches 10 t",
            "0001: measure from_ad moves nothing: pool p has no tonnes in anaerobic_digestion",
        ]
    );
    assert_eq!(e.items[0].summary.tonnes_shifted_per_year, Tonnes::ZERO);
    assert_eq!(e.items[1].summary.tonnes_shifted_per_year, tonnes("5"));
}

/// A municipality's own route distribution replaces the pool's default there only.
/// 1 000 inhabitants × 10 kg = 10 t; town 0001 sends 80 % to digestion (its own figures),
/// town 0002 the default 40 %. Sorting half of what is incinerated moves 0.5 × 2 t = 1 t in
/// 0001 and 0.5 × 6 t = 3 t in 0002.
#[test]
fn a_municipality_s_own_baseline_replaces_the_default_there() {
    let mut p = (*food_pool("hh", "10")).clone();
    p.local_baselines.push(LocalBaseline {
        municipality: ScbCode::from("0001"),
        baseline: RouteMix::new([
            (Route::Incineration, share("0.2")),
            (Route::AnaerobicDigestion, share("0.8")),
        ])
        .unwrap(),
        quantity: None,
        source: SourceId::from("test_source"),
        own_year: None,
    });
    let p = Arc::new(p);
    let sort = pooled(
        "sort",
        &p,
        &[Route::Incineration],
        RouteMix::single(Route::AnaerobicDigestion),
        "0.5",
    );
    let mut s = scenario(2025, 2025, "0");
    s.items.push(ScenarioItem::new(
        sort.clone(),
        town("0001", 1_000),
        Year(2025),
    ));
    s.items
        .push(ScenarioItem::new(sort, town("0002", 1_000), Year(2025)));
    let e = evaluate(&table(), &s).unwrap();
    assert_eq!(e.items[0].summary.tonnes_shifted_per_year, tonnes("1"));
    assert_eq!(e.items[1].summary.tonnes_shifted_per_year, tonnes("3"));
    // Each tonne saves −50 − (−100) = 50 kg.
    assert_eq!(e.items[0].summary.co2e_saved_kg_per_year.central, kg("50"));
}

/// One way to build an item with overrides: each problem names its field, and an item's
/// own overrides rebuild the same item.
#[test]
fn item_overrides_build_validate_and_round_trip() {
    let plan = PlanPeriod::new(Year(2025), Year(2030)).unwrap();
    let bad = ItemOverrides {
        running_cost: Some(sek("-1")),
        ..ItemOverrides::default()
    };
    let err = bad
        .build(textile_reuse(), town("0001", 100), plan)
        .unwrap_err();
    assert_eq!(err.0, OverrideField::RunningCost);
    assert_eq!(err.1.to_string(), "cost -1 SEK is negative");
    let years = ItemOverrides {
        start_year: Some(Year(2027)),
        full_effect_year: Some(Year(2026)),
        ..ItemOverrides::default()
    };
    let err = years
        .build(textile_reuse(), town("0001", 100), plan)
        .unwrap_err();
    assert_eq!(err.0, OverrideField::FullEffectYear);
    let good = ItemOverrides {
        effect: Some(share("0.3")),
        quantity: Some(tonnes("4")),
        implementation_cost: Some(sek("1000")),
        ..ItemOverrides::default()
    };
    let item = good
        .build(textile_reuse(), town("0001", 100), plan)
        .unwrap();
    let again = ItemOverrides::of(&item)
        .build(
            textile_reuse(),
            town("0001", 100),
            PlanPeriod::single(Year(2030)),
        )
        .unwrap();
    assert_eq!(again, item);
}
