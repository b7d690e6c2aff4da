//! Cross-check: a foreign factor set (EPA WARM v15, converted from short tons) loaded
//! through the same path as a user's own factor file reproduces WARM's published
//! example to its stated precision (three decimals of MTCO2E per short ton).
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use calc_core::*;
use std::sync::Arc;

const WARM: &str = include_str!("../testdata/warm_v15.csv");

fn warm_table() -> FactorTable {
    let info = FactorSetInfo {
        id: "warm-v15".into(),
        name: "EPA WARM v15 (test data)".into(),
        version: "15".into(),
        year: Some(Year(2019)),
        price_year: None,
    };
    csvio::read_factor_table(WARM.as_bytes(), info).unwrap()
}

fn dec(s: &str) -> rust_decimal::Decimal {
    s.parse().unwrap()
}

/// Moves `short_tons` of a fraction from `from` to `to` for one year and returns the
/// saving in kg CO2e.
fn saving(table: &FactorTable, fraction: &str, from: Route, to: Route, short_tons: &str) -> KgCo2e {
    // 1 short ton = 2000 lb = 907.18474 kg = 0.90718474 t, exactly.
    let tonnes = Tonnes::new(dec(short_tons) * dec("0.90718474"));
    let id = MeasureId::from("warm_example");
    let pool = Arc::new(Pool::own(
        &id,
        FractionId::from(fraction),
        QuantityBasis::Tonnes { tonnes },
        RouteMix::single(from),
    ));
    let m = Arc::new(Measure {
        id,
        area: "food".into(),
        name_sv: String::new(),
        name_en: String::new(),
        description_sv: String::new(),
        description_en: String::new(),
        fraction: FractionId::from(fraction),
        pool,
        acts_on: vec![from],
        basis: None,
        target: RouteMix::single(to),
        stage: to,
        effects: calc_core::Effects::point(Share::ONE),
        kind: calc_core::MeasureKind::Plan,
        ramp_years: 0,
        implementation_cost: Estimate::exact(SekPerInhabitant::ZERO),
        running_cost: Estimate::exact(SekPerInhabitant::ZERO),
        cost_payer: Payer::WasteFee,
        savings_payer: Payer::WasteFee,
        cost_source: None,
        sources: vec![],
    });
    let town = Arc::new(Municipality {
        code: ScbCode::from("0000"),
        name: "Example".into(),
        population: 1,
        population_date: String::new(),
        source: SourceId::from("warm_v15"),
    });
    let mut s = Scenario::new("warm", PlanPeriod::single(Year(2025)), Share::ZERO);
    s.items.push(ScenarioItem::new(m, town, Year(2025)));
    evaluate(table, &s)
        .unwrap()
        .total
        .co2e_saved_kg_per_year
        .central
}

/// WARM: 1 short ton of food waste from landfill to anaerobic digestion changes emissions by
/// AD − landfill = −0.042 − 0.497 = −0.539 MTCO2E; to composting −0.116 − 0.497 = −0.613.
/// As a saving (baseline − alternative) in kg: 539 and 613, to the nearest kilogram.
#[test]
fn food_landfill_to_digestion_and_compost_match_warm() {
    let t = warm_table();
    let ad = saving(&t, "food", Route::Landfill, Route::AnaerobicDigestion, "1");
    assert_eq!(ad.value().round_dp(0), dec("539"));
    let compost = saving(&t, "food", Route::Landfill, Route::Composting, "1");
    assert_eq!(compost.value().round_dp(0), dec("613"));
    // Per metric tonne (the factor file's unit): 594.15 kg, as in testdata/README.md.
    let per_tonne = saving(
        &t,
        "food",
        Route::Landfill,
        Route::AnaerobicDigestion,
        "1.10231",
    );
    assert_eq!(per_tonne.value().round_dp(0), dec("594"));
}

/// Mixed paper landfill → recycling: −3.546 − 0.075 = −3.621 MTCO2E per short ton.
#[test]
fn mixed_paper_landfill_to_recycling_matches_warm() {
    let t = warm_table();
    let s = saving(
        &t,
        "paper_packaging",
        Route::Landfill,
        Route::Recycling,
        "1",
    );
    assert_eq!(s.value().round_dp(0), dec("3621"));
}

/// The foreign set laid over the built-in one replaces only the factors it has.
#[test]
fn a_user_factor_file_overrides_only_its_rows() {
    let builtin = factors::builtin().unwrap().current_set().unwrap();
    let merged = builtin.overlaid_with(&warm_table());
    let food = FractionId::from("food");
    assert_eq!(
        merged
            .emission(&food, Route::Landfill)
            .unwrap()
            .source
            .as_str(),
        "warm_v15"
    );
    let textiles = FractionId::from("textiles");
    assert_eq!(
        merged.emission(&textiles, Route::Incineration),
        builtin.emission(&textiles, Route::Incineration)
    );
}

/// A file in another unit (per short ton, or per kg) is refused, not mixed in.
#[test]
fn a_file_with_other_unit_columns_is_refused() {
    let bad = "fraction,route,ef_mtco2e_per_short_ton\nfood,landfill,0.497\n";
    let errs = csvio::read_factor_table(bad.as_bytes(), warm_table().info().clone()).unwrap_err();
    assert_eq!(
        errs[0].message(csvio::Lang::En),
        "line 1, column 'ef_mtco2e_per_short_ton': unknown column 'ef_mtco2e_per_short_ton' (known columns: fraction, route, ef_low_kgco2e_per_t, ef_kgco2e_per_t, ef_high_kgco2e_per_t, gwp, displacement_share, ef_source, ef_locator, ef_note, cf_low_sek_per_t, cf_sek_per_t, cf_high_sek_per_t, price_year, cf_source, cf_locator, cf_note, yield_low, yield, yield_high, reject_route, yield_source, yield_locator, yield_note)"
    );
}
