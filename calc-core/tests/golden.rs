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
                y.net_sek_saved.central,
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
    assert_eq!(t.net_sek_saved_per_year.central, sek("1029000"));
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
        t.net_sek_saved_cumulative,
        Band {
            low: sek("1799000"),
            central: sek("3566500"),
            high: sek("5334000")
        }
    );
    // No discounting: NPV = cumulative.
    assert_eq!(t.net_present_value_sek, t.net_sek_saved_cumulative);
    // −3 566 500 / 337.75 t = −10 559.585… SEK per tonne CO2e.
    assert_eq!(
        t.cost_per_tonne_co2e.map(|c| c.value().round_dp(2)),
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
                g.summary.net_sek_saved_per_year.central,
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
        e.total.net_present_value_sek.central.value().round_dp(4),
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
        e.total.cost_per_tonne_co2e.map(|c| c.value().round_dp(4)),
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
                b.measure,
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
fn start_after_period_contributes_nothing_cumulative() {
    let mut s = scenario(2025, 2026, "0");
    let item = ScenarioItem::new(textile_reuse(), town("0001", 10_000), Year(2025))
        .with_years(Year(2030), Year(2030))
        .unwrap();
    s.items.push(item);
    let e = evaluate(&table(), &s).unwrap();
    assert_eq!(e.total.co2e_saved_kg_cumulative.central, KgCo2e::ZERO);
    assert_eq!(e.total.net_sek_saved_cumulative.central, Sek::ZERO);
    // The full-effect figures still say what the measure does once running.
    assert_eq!(e.total.co2e_saved_kg_per_year.central, kg("105000"));
    assert_eq!(e.total.cost_per_tonne_co2e, None);
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
fn missing_factor_is_a_typed_error() {
    let mut s = scenario(2025, 2025, "0");
    let m = measure(
        "food_landfill",
        "food",
        "1",
        RouteMix::single(Route::Landfill),
        RouteMix::single(Route::AnaerobicDigestion),
        "0.5",
        0,
        "0",
        "0",
    );
    s.items
        .push(ScenarioItem::new(m, town("0001", 100), Year(2025)));
    let err = evaluate(&table(), &s).unwrap_err();
    assert_eq!(
        err.to_string(),
        "measure food_landfill: no emission factor for food × landfill in factor set test"
    );
}

#[test]
fn overflow_is_an_error_not_a_wrap() {
    let mut s = scenario(2025, 2025, "0");
    let item = ScenarioItem::new(textile_reuse(), town("0001", 1), Year(2025))
        .with_quantity(Tonnes::new(rust_decimal::Decimal::MAX))
        .unwrap()
        .with_effect(Share::ONE);
    s.items.push(item);
    let err = evaluate(&table(), &s).unwrap_err();
    assert_eq!(
        err.to_string(),
        "measure textile_reuse in 0001: numbers too large to compute"
    );
}

#[test]
fn constructors_reject_bad_input_with_exact_messages() {
    assert_eq!(
        PlanPeriod::new(Year(2030), Year(2025))
            .unwrap_err()
            .to_string(),
        "year 2025 comes before 2030"
    );
    assert_eq!(
        PlanPeriod::new(Year(2000), Year(2100))
            .unwrap_err()
            .to_string(),
        "plan period 2000–2100 is longer than 100 years"
    );
    let item = ScenarioItem::new(textile_reuse(), town("0001", 1), Year(2025));
    assert_eq!(
        item.clone()
            .with_years(Year(2027), Year(2026))
            .unwrap_err()
            .to_string(),
        "year 2026 comes before 2027"
    );
    assert_eq!(
        item.with_quantity(Tonnes::new(d("-1")))
            .unwrap_err()
            .to_string(),
        "quantity -1 t is negative"
    );
}

#[test]
fn evaluation_serializes_decimals_as_strings() {
    let mut s = scenario(2025, 2025, "0");
    s.items.push(ScenarioItem::new(
        textile_reuse(),
        town("0001", 10_000),
        Year(2025),
    ));
    let e = evaluate(&table(), &s).unwrap();
    let json = serde_json::to_value(&e).unwrap();
    assert_eq!(
        json["total"]["co2e_saved_kg_per_year"]["central"],
        "105000.0"
    );
}

/// Two measures take 60 % and 50 % of the same textiles in the same town: 110 % of the
/// same tonnes would be counted; the evaluation says so.
#[test]
fn overlapping_effects_are_flagged() {
    let mut s = scenario(2025, 2025, "0");
    let a = town("0001", 10_000);
    s.items
        .push(ScenarioItem::new(textile_reuse(), a.clone(), Year(2025)).with_effect(share("0.6")));
    let other = Arc::new(Measure {
        id: MeasureId::from("textile_swap"),
        ..(*textile_reuse()).clone()
    });
    s.items
        .push(ScenarioItem::new(other.clone(), a.clone(), Year(2025)).with_effect(share("0.5")));
    let e = evaluate(&table(), &s).unwrap();
    assert_eq!(
        e.warnings
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        vec![
            "0001: measures textile_reuse, textile_swap act on the same textiles waste with effects adding up to 110 %"
        ]
    );
    // At 60 % + 40 % they share the waste without counting it twice.
    s.items[1] = ScenarioItem::new(other, a, Year(2025)).with_effect(share("0.4"));
    assert!(evaluate(&table(), &s).unwrap().warnings.is_empty());
}
