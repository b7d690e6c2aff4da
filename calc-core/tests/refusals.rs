//! Inputs a tool building a model in code could once pass silently (issue 25 §5): each is
//! now refused with a message that names what is wrong.

use calc_core::{
    CalcError, FractionId, ItemOverrides, Measure, ModelError, OverrideField, PlanPeriod,
    ScenarioItem, Year, demo, evaluate,
};
use std::sync::Arc;

mod common;

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

/// The gap package takes the optimizer's steps: 0 was taken as 1 and 21 as 20.
#[test]
fn the_gap_package_takes_one_to_twenty_steps() {
    let (table, scenario) = (demo::table().unwrap(), demo::scenario().unwrap());
    let baseline = calc_core::Baseline::new(
        &[Arc::clone(&scenario.items[0].measure().pool)],
        calc_core::OwnFigures::new(),
    );
    // At least 40 % of the food waste to biogas: collection in full meets it.
    let t = calc_core::Target::new(
        "biogas",
        calc_core::Indicator::FoodWasteToBiogasPercent,
        calc_core::BaseValue {
            year: Year(2025),
            value: None,
            source: String::new(),
        },
        calc_core::TargetValue::Absolute(rust_decimal::Decimal::from(40)),
        Year(2030),
    )
    .unwrap();
    let gap = |steps| calc_core::close_gap(&table, &baseline, &scenario, &demo::town(), &t, steps);
    for (steps, message) in [
        (0, "steps must be between 1 and 20, not 0"),
        (21, "steps must be between 1 and 20, not 21"),
    ] {
        let e = gap(steps).unwrap_err();
        assert_eq!(e, CalcError::Steps { steps, max: 20 });
        assert_eq!(e.to_string(), message);
    }
    for steps in [1, 20] {
        let plan = gap(steps).unwrap().unwrap();
        assert_eq!(plan.chosen[0].measure.as_str(), "food_collection");
        assert_eq!(plan.chosen[0].level, rust_decimal::Decimal::ONE);
    }
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

// From the golden file: what the engine and the constructors refuse, on the hand-written
// tables of `common`.
mod engine {
    use super::common::*;
    use calc_core::*;
    use std::sync::Arc;

    /// A measure that starts after the plan period would show a yearly saving with a total of
    /// 0 over the plan: it is refused (issue 25), not evaluated.
    #[test]
    fn start_after_period_is_refused() {
        let mut s = scenario(2025, 2026, "0");
        let item = ScenarioItem::new(textile_reuse(), town("0001", 10_000), Year(2025))
            .with_years(Year(2030), Year(2030))
            .unwrap();
        s.items.push(item);
        assert_eq!(
            evaluate(&table(), &s).map_err(|e| e.to_string()).err(),
            Some(
                "measure textile_reuse in Town 0001 starts in 2030, after the plan period's last year 2026"
                    .to_string()
            )
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
        let base = textile_reuse();
        let huge = Arc::new(Measure {
            pool: Arc::new(Pool {
                basis: QuantityBasis::Tonnes {
                    tonnes: Tonnes::new(rust_decimal::Decimal::MAX),
                },
                ..(*base.pool).clone()
            }),
            ..(*base).clone()
        });
        let item = ScenarioItem::new(huge, town("0001", 1), Year(2025)).with_effect(Share::ONE);
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
}
