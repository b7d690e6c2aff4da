//! Tests of the factor types and the factor table.

use super::*;

#[test]
fn factor_ids_read_back_as_what_they_name() {
    let f = FractionId::from("plastic_packaging");
    assert_eq!(
        cost_factor_id(&f, Route::Recycling).parts(),
        Some(FactorRef::Cost {
            fraction: "plastic_packaging",
            route: Route::Recycling
        })
    );
    assert_eq!(
        yield_id(&f, Route::Recycling).parts(),
        Some(FactorRef::Yield {
            fraction: "plastic_packaging",
            route: Route::Recycling
        })
    );
    assert_eq!(
        measure_cost_id(&MeasureId::from("reuse_park"), "running").parts(),
        Some(FactorRef::MeasureCost {
            measure: "reuse_park",
            part: "running"
        })
    );
    for bad in [
        "ef.textiles",
        "ef..reuse",
        "ef.textiles.nowhere",
        "x.a.reuse",
        "",
    ] {
        assert_eq!(FactorId::from(bad).parts(), None, "{bad}");
    }
}
use rust_decimal_macros::dec;

#[test]
fn price_years_are_the_cost_factors_distinct_years() {
    let mut t = FactorTable::new(FactorSetInfo {
        id: "t".into(),
        name: "T".into(),
        version: "1".into(),
        year: Some(Year(2025)),
        price_year: None,
    });
    assert!(t.price_years().is_empty());
    for (fraction, year) in [
        ("a", Some(2019)),
        ("b", None),
        ("c", Some(2024)),
        ("d", Some(2019)),
    ] {
        let fraction = FractionId::from(fraction);
        t.insert_cost(CostFactor {
            id: cost_factor_id(&fraction, Route::Recycling),
            fraction,
            route: Route::Recycling,
            value: Estimate::exact(SekPerTonne::new(dec!(100))),
            price_year: year.map(Year),
            nominal: None,
            source: SourceId::from("s"),
            locator: String::new(),
            note: String::new(),
        })
        .unwrap();
    }
    assert_eq!(
        t.price_years().into_iter().collect::<Vec<_>>(),
        [Year(2019), Year(2024)]
    );
}

#[test]
fn a_factor_id_must_name_its_fraction_and_route() {
    let info = FactorSetInfo {
        id: "t".into(),
        name: "T".into(),
        version: "1".into(),
        year: None,
        price_year: None,
    };
    let mut t = FactorTable::new(info);
    let textiles = FractionId::from("textiles");
    let ef = |id: &str| EmissionFactor {
        id: FactorId::from(id),
        fraction: textiles.clone(),
        route: Route::Reuse,
        value: Estimate::exact(KgCo2ePerTonne::new(dec!(-15000))),
        gwp: "AR5".into(),
        displacement: None,
        source: SourceId::from("s"),
        locator: String::new(),
        note: String::new(),
    };
    let e = t.insert_emission(ef("ef.food.reuse")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "factor ef.food.reuse is for textiles × reuse, so its id must be ef.textiles.reuse"
    );
    assert_eq!(
        e.message(crate::Lang::Sv),
        "faktorn ef.food.reuse gäller textiles × reuse, så dess id måste vara ef.textiles.reuse"
    );
    assert!(t.emission(&textiles, Route::Reuse).is_none());
    assert_eq!(t.insert_emission(ef("ef.textiles.reuse")), Ok(()));
    let cf = CostFactor {
        id: FactorId::from("ef.textiles.reuse"),
        fraction: textiles.clone(),
        route: Route::Reuse,
        value: Estimate::exact(SekPerTonne::new(dec!(100))),
        price_year: None,
        nominal: None,
        source: SourceId::from("s"),
        locator: String::new(),
        note: String::new(),
    };
    assert_eq!(
        t.insert_cost(cf).map_err(|e| e.to_string()),
        Err(
            "factor ef.textiles.reuse is for textiles × reuse, so its id must be cf.textiles.reuse"
                .to_string()
        )
    );
    let y = Yield {
        id: FactorId::from("yield.textiles.recycling"),
        fraction: textiles.clone(),
        route: Route::Reuse,
        reject: Route::Incineration,
        value: Estimate::exact(Share::ONE),
        source: SourceId::from("s"),
        locator: String::new(),
        note: String::new(),
    };
    assert_eq!(
        t.insert_yield(y).map_err(|e| e.to_string()),
        Err(
            "factor yield.textiles.recycling is for textiles × reuse, so its id must be yield.textiles.reuse"
                .to_string()
        )
    );
}

#[test]
fn exact_factors_go_in_in_pairs() {
    let mut t = FactorTable::new(FactorSetInfo::named("mine"));
    let food = FractionId::from("food");
    let s = SourceId::from("s");
    let v = (KgCo2ePerTonne::new(dec!(-50)), SekPerTonne::new(dec!(900)));
    assert_eq!(t.insert_exact(&food, Route::Incineration, v, &s), Ok(()));
    let ef = t.emission(&food, Route::Incineration).unwrap();
    assert_eq!(ef.id, FactorId::from("ef.food.incineration"));
    assert_eq!(ef.value.central(), KgCo2ePerTonne::new(dec!(-50)));
    let cf = t.cost(&food, Route::Incineration).unwrap();
    assert_eq!(cf.id, FactorId::from("cf.food.incineration"));
    assert_eq!(
        t.insert_exact(&food, Route::Incineration, v, &s)
            .map_err(|e| e.to_string()),
        Err("duplicate factor cf.food.incineration".to_string())
    );
    assert_eq!(t.emission_factors().count(), 1);
}

#[test]
fn estimate_order_is_checked() {
    let e = Estimate::new(
        KgCo2ePerTonne::new(dec!(5)),
        KgCo2ePerTonne::new(dec!(1)),
        KgCo2ePerTonne::new(dec!(9)),
    );
    assert_eq!(
        e.unwrap_err().to_string(),
        "low ≤ central ≤ high does not hold: 5 kg CO2e/t, 1 kg CO2e/t, 9 kg CO2e/t"
    );
}
