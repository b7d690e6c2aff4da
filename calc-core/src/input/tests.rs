//! One test per checking constructor: the field at fault and the message in both
//! languages; and the input layer's round trip (domain value → input → the same value).

use super::*;
use crate::model::{FractionId, QuantityBasis, Route, RouteMix};
use crate::targets::{Actual, BaseValue, OwnFigure, OwnQuantity, Target, TargetValue};
use crate::units::{GramsPerPortion, Tonnes, Year};
use crate::{Lang, demo};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn food() -> Arc<Pool> {
    Arc::new(Pool::new(
        "food",
        FractionId::from("food"),
        QuantityBasis::Tonnes {
            tonnes: Tonnes::new(dec!(10)),
        },
        RouteMix::single(Route::Incineration),
    ))
}

fn both(e: &ModelError) -> (String, String) {
    (e.message(Lang::Sv), e.message(Lang::En))
}

#[test]
fn own_figure_new_names_each_field_at_fault() {
    let grams = Some(OwnQuantity::GramsPerPortion(
        GramsPerPortion::new_unchecked(dec!(-35)),
    ));
    let refused = OwnFigure::new("9999".into(), &food(), Year(2024), grams, None, "").unwrap_err();
    let fields: Vec<Field> = refused.iter().map(|r| r.0).collect();
    assert_eq!(fields, [Field::Quantity, Field::Quantity, Field::Source]);
    let texts: Vec<(String, String)> = refused.iter().map(|r| both(&r.1)).collect();
    assert_eq!(
        texts,
        [
            (
                "-35 är negativt: det måste vara 0 eller mer".to_string(),
                "-35 is negative: it must be 0 or more".to_string()
            ),
            (
                "gram per portion bara för en pool som räknas i portioner (kommunens kök); food gör inte det".to_string(),
                "grams per portion only for a pool counted in portions (the municipal kitchens); food is not".to_string()
            ),
            (
                "källan är tom: ange varifrån siffrorna kommer".to_string(),
                "the source is empty: say where the figures come from".to_string()
            ),
        ]
    );
    let ok = OwnFigure::new(
        "9999".into(),
        &food(),
        Year(2024),
        Some(OwnQuantity::Tonnes(Tonnes::new(dec!(20)))),
        None,
        " Plockanalys 2024 ",
    )
    .unwrap();
    assert_eq!(ok.source, "Plockanalys 2024");
}

#[test]
fn route_mix_from_percent_checks_each_share_and_the_sum() {
    let refused = RouteMix::from_percent([(Route::Reuse, dec!(150)), (Route::Landfill, dec!(-1))])
        .unwrap_err();
    assert_eq!(
        refused,
        [
            (
                Field::Route(Route::Reuse),
                ModelError::ShareRange(dec!(150))
            ),
            (
                Field::Route(Route::Landfill),
                ModelError::ShareRange(dec!(-1))
            ),
        ]
    );
    assert_eq!(
        both(&refused[0].1),
        (
            "andelen 150 % ligger utanför 0 till 100 %".to_string(),
            "route share 150 % is outside 0 to 100 %".to_string()
        )
    );
    let sum = RouteMix::from_percent([(Route::Reuse, dec!(40)), (Route::Landfill, dec!(50.5))])
        .unwrap_err();
    assert_eq!(sum.len(), 1);
    assert_eq!(sum[0].0, Field::Routes);
    assert_eq!(
        sum[0].1.message(Lang::Sv),
        "andelarna summerar till 90,5 %, inte 100 %"
    );
    assert_eq!(RouteMix::from_percent([(Route::Reuse, dec!(0))]), Ok(None));
    let mix = RouteMix::from_percent([(Route::Reuse, dec!(25)), (Route::Landfill, dec!(75))])
        .unwrap()
        .unwrap();
    assert_eq!(mix.share(Route::Landfill).value(), dec!(0.75));
}

#[test]
fn actual_new_refuses_a_negative_value_and_a_year_no_goal_follows() {
    let (f, e) = Actual::new(
        crate::Indicator::FoodWasteKgPerInhabitant,
        "9999".into(),
        Year(2024),
        dec!(-3),
    )
    .unwrap_err();
    assert_eq!(f, Field::Value);
    assert_eq!(
        both(&e),
        (
            "-3 är negativt: det måste vara 0 eller mer".to_string(),
            "-3 is negative: it must be 0 or more".to_string()
        )
    );
    let goal = halve().unwrap();
    let late = Actual::new(
        crate::Indicator::FoodWasteKgPerInhabitant,
        "9999".into(),
        Year(2035),
        dec!(8),
    )
    .unwrap();
    let (f, e) = late.within_goals(std::slice::from_ref(&goal)).unwrap_err();
    assert_eq!(f, Field::Year);
    assert_eq!(
        both(&e),
        (
            "2035 ligger utanför målens år: från basåret 2021 till målåret 2030".to_string(),
            "2035 is outside the goals' years: from the base year 2021 to the target year 2030"
                .to_string()
        )
    );
    // A municipality's own base year moves its first year.
    let own = goal
        .with_base(
            "9999".into(),
            BaseValue {
                year: Year(2023),
                value: None,
                source: String::new(),
            },
        )
        .unwrap();
    let early = Actual {
        year: Year(2022),
        ..late
    };
    assert_eq!(
        early.within_goals(&[own]).unwrap_err().1.to_string(),
        "2022 is outside the goals' years: from the base year 2023 to the target year 2030"
    );
}

fn halve() -> Result<Target, (Field, ModelError)> {
    Target::new(
        "halve",
        crate::Indicator::FoodWasteKgPerInhabitant,
        BaseValue {
            year: Year(2021),
            value: Some(dec!(15)),
            source: String::new(),
        },
        TargetValue::ChangePercent(dec!(-50)),
        Year(2030),
    )
}

#[test]
fn target_new_and_with_base_keep_the_years_in_order() {
    let (f, e) = Target::new(
        "late",
        crate::Indicator::FoodWasteKgPerInhabitant,
        BaseValue {
            year: Year(2031),
            value: None,
            source: String::new(),
        },
        TargetValue::Absolute(dec!(5)),
        Year(2030),
    )
    .unwrap_err();
    assert_eq!(f, Field::TargetYear);
    assert_eq!(
        both(&e),
        (
            "året 2030 kommer före 2031".to_string(),
            "year 2030 comes before 2031".to_string()
        )
    );
    let base = BaseValue {
        year: Year(2032),
        value: None,
        source: String::new(),
    };
    let (f, e) = halve().unwrap().with_base("9999".into(), base).unwrap_err();
    assert_eq!(
        (f, e.to_string()),
        (Field::BaseYear, "year 2030 comes before 2032".into())
    );
}

#[test]
fn inputs_check_ids_and_rules_and_give_every_refusal_at_once() {
    let towns = [demo::town()];
    let pools = [food()];
    let own = OwnFigureInput {
        municipality: "Demå".into(),
        pool: "fod".into(),
        year: 2024,
        tonnes: Some(dec!(5)),
        kg_per_inhabitant: Some(dec!(5)),
        shares_pct: [("reuse".to_string(), dec!(120))].into(),
        source: "x".into(),
        ..OwnFigureInput::default()
    };
    let refused = own.check(&pools, &towns).unwrap_err();
    let texts: Vec<(Field, String)> = refused
        .iter()
        .map(|(f, e)| (*f, e.message(Lang::Sv)))
        .collect();
    assert_eq!(
        texts,
        [
            (
                Field::Municipality,
                "okänd kommun 'Demå'; menade du 'Demo'?".to_string()
            ),
            (
                Field::Pool,
                "okänd avfallspool 'fod'; menade du 'food'?".to_string()
            ),
            (
                Field::Quantity,
                "ange en mängd: ton, kg per invånare eller gram per portion".to_string()
            ),
            (
                Field::Route(Route::Reuse),
                "andelen 120 % ligger utanför 0 till 100 %".to_string()
            ),
        ]
    );
    let typo = OwnFigureInput {
        municipality: "9999".into(),
        pool: "food".into(),
        year: 2024,
        shares_pct: [("reus".to_string(), dec!(100))].into(),
        source: "x".into(),
        ..OwnFigureInput::default()
    };
    let refused = typo.check(&pools, &towns).unwrap_err();
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].0, Field::Routes);
    assert_eq!(
        refused[0].1.message(Lang::Sv),
        "okänd behandlingsväg 'reus'; menade du 'reuse'?"
    );
    let target = TargetInput {
        id: "t".into(),
        indicator: "food_waste_kg_per_inhabitant".into(),
        pools: vec!["food".into(), "glass".into()],
        base_year: 2021,
        target_year: 2030,
        ..TargetInput::default()
    };
    let refused = target.check(&pools, &towns).unwrap_err();
    let texts: Vec<(Field, String)> = refused.iter().map(|(f, e)| (*f, e.to_string())).collect();
    assert_eq!(
        texts,
        [
            (Field::Pools, "unknown pool 'glass'".to_string()),
            (
                Field::TargetValue,
                "give exactly one of a target value and a change in percent".to_string()
            ),
        ]
    );
    let actual = ActualInput {
        municipality: "9999".into(),
        indicator: "kg".into(),
        year: 2024,
        value: dec!(-1),
        source: String::new(),
    };
    let fields: Vec<Field> = actual
        .check(&towns)
        .unwrap_err()
        .iter()
        .map(|r| r.0)
        .collect();
    assert_eq!(fields, [Field::Indicator, Field::Value]);
}

#[test]
fn a_domain_value_survives_its_input() {
    let towns = [demo::town()];
    let pools = [food()];
    let own = OwnFigure::new(
        "9999".into(),
        &food(),
        Year(2024),
        Some(OwnQuantity::Tonnes(Tonnes::new(dec!(20)))),
        RouteMix::from_percent([(Route::Reuse, dec!(30)), (Route::Incineration, dec!(70))])
            .unwrap(),
        "Plockanalys",
    )
    .unwrap();
    assert_eq!(OwnFigureInput::from(&own).check(&pools, &towns), Ok(own));
    let mut t = halve().unwrap();
    t.pools = vec![pools[0].id.clone()];
    t.text_sv = "Halvera".into();
    t.text_en = "Halve".into();
    assert_eq!(TargetInput::from(&t).check(&pools, &towns), Ok(t));
    let a = Actual::new(
        crate::Indicator::FoodWasteKgPerInhabitant,
        "9999".into(),
        Year(2024),
        Decimal::new(131, 1),
    )
    .unwrap();
    assert_eq!(ActualInput::from(&a).check(&towns), Ok(a));
}

/// Saved scenarios and share links from before the input layer (the app's own row types)
/// read into the input types unchanged.
#[test]
fn the_apps_saved_shape_reads() {
    let saved = r#"{"municipality":"1490","pool":"household_food","year":2023,"tonnes":"4100","shares_pct":{"anaerobic_digestion":"60","incineration":"40"},"source":"Plockanalys"}"#;
    let own: OwnFigureInput = serde_json::from_str(saved).unwrap();
    assert_eq!(own.tonnes, Some(dec!(4100)));
    assert_eq!(serde_json::to_string(&own).unwrap(), saved);
    let saved = r#"{"id":"eget_mal_1","text":"Mindre matavfall","indicator":"food_waste_kg_per_inhabitant","base_year":2021,"change_pct":"-50","target_year":2030}"#;
    let t: TargetInput = serde_json::from_str(saved).unwrap();
    assert_eq!(t.change_pct, Some(dec!(-50)));
    assert_eq!(serde_json::to_string(&t).unwrap(), saved);
}
