//! Inputs a tool building a model in code could once pass silently (issue 25 §5): each is
//! now refused with a message that names what is wrong.

use calc_core::{
    CalcError, FractionId, ItemOverrides, Measure, ModelError, OverrideField, PlanPeriod,
    ScenarioItem, Year, demo, evaluate,
};
use std::sync::Arc;

#[test]
fn a_measure_starting_after_the_plan_period_is_refused() {
    let table = demo::table().unwrap();
    let mut scenario = demo::scenario().unwrap();
    // The demo plan runs 2025–2030; a measure starting in 2031 saved a yearly amount with
    // a total of 0 over the plan.
    let measure = scenario.items[0].measure_arc().clone();
    scenario.items[0] = ScenarioItem::new(measure.clone(), demo::town(), Year(2031));
    let e = evaluate(&table, &scenario).unwrap_err();
    assert_eq!(
        e.to_string(),
        "measure less_food_waste in Demo starts in 2031, after the plan period's last year 2030"
    );
    // Starting in the last year is allowed.
    scenario.items[0] = ScenarioItem::new(measure.clone(), demo::town(), Year(2030));
    assert!(evaluate(&table, &scenario).is_ok());

    // The one way to build an item with overrides names the field.
    let late = ItemOverrides {
        start_year: Some(Year(2031)),
        ..ItemOverrides::default()
    };
    let period = PlanPeriod::new(Year(2025), Year(2030)).unwrap();
    let (field, error) = late.build(measure, demo::town(), period).unwrap_err();
    assert_eq!(field, OverrideField::StartYear);
    assert_eq!(
        error,
        ModelError::StartAfterPeriod {
            start: Year(2031),
            end: Year(2030)
        }
    );
    assert_eq!(
        error.to_string(),
        "start year 2031 comes after the plan period's last year 2030"
    );
    assert_eq!(
        error.message(calc_core::Lang::Sv),
        "startåret 2031 kommer efter planperiodens sista år 2030"
    );
}

#[test]
fn a_measure_naming_another_fraction_than_its_pool_is_refused() {
    let table = demo::table().unwrap();
    let mut scenario = demo::scenario().unwrap();
    let food = scenario.items[0].measure().clone();
    let textiles = Measure {
        fraction: FractionId::from("textiles"),
        ..food
    };
    scenario.items[0] = ScenarioItem::new(Arc::new(textiles), demo::town(), Year(2025));
    // It used to fail with "no emission factor for textiles × incineration", which sent
    // the reader to the factor table.
    assert_eq!(
        evaluate(&table, &scenario).unwrap_err(),
        CalcError::PoolFraction {
            measure: "less_food_waste".into(),
            fraction: "textiles".into(),
            pool: "food".into(),
            pool_fraction: "food".into(),
        }
    );
    assert_eq!(
        evaluate(&table, &scenario).unwrap_err().to_string(),
        "measure less_food_waste names the fraction textiles, but its pool food holds food: a measure acts on its pool's fraction"
    );
}

#[test]
fn the_optimizer_takes_one_to_twenty_steps() {
    let model =
        calc_core::LinearModel::new(&demo::table().unwrap(), &demo::scenario().unwrap()).unwrap();
    // 0 was taken as 1 and 50 as 20 without a word.
    for (steps, message) in [
        (0, "steps must be between 1 and 20, not 0"),
        (21, "steps must be between 1 and 20, not 21"),
    ] {
        let e = calc_core::candidates(&model, steps).unwrap_err();
        assert_eq!(e, CalcError::Steps { steps, max: 20 });
        assert_eq!(e.to_string(), message);
    }
    assert_eq!(calc_core::candidates(&model, 1).unwrap().steps, 1);
    assert_eq!(calc_core::candidates(&model, 20).unwrap().steps, 20);
}

/// A negative cost on an item built in code is refused as a file's is (issue 25 §1:
/// `with_implementation_cost` took one that `ItemOverrides::build` refused).
#[test]
fn a_negative_cost_is_refused_however_the_item_is_built() {
    use calc_core::Sek;
    use rust_decimal::Decimal;
    let scenario = demo::scenario().unwrap();
    let item = scenario.items[0].clone();
    let minus = Sek::new(Decimal::from(-500));
    let e = item.clone().with_implementation_cost(minus).unwrap_err();
    assert_eq!(e, ModelError::NegativeCost(minus));
    assert_eq!(e.to_string(), "cost -500 SEK is negative");
    assert_eq!(
        e.message(calc_core::Lang::Sv),
        "kostnaden -500 SEK är negativ"
    );
    assert!(item.clone().with_running_cost(minus).is_err());
    let built = ItemOverrides {
        running_cost: Some(minus),
        ..ItemOverrides::default()
    }
    .build(
        item.measure_arc().clone(),
        demo::town(),
        PlanPeriod::new(Year(2025), Year(2030)).unwrap(),
    );
    assert_eq!(
        built.unwrap_err(),
        (OverrideField::RunningCost, ModelError::NegativeCost(minus))
    );
    assert!(item.with_running_cost(Sek::ZERO).is_ok());
}
