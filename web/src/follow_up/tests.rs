//! Tests of the follow-up rows and forms.

use super::*;
use crate::settings::catalogue;
use calc_core::csvio::Lang;
use calc_core::{Route, ScbCode, Share};
use rust_decimal::Decimal;

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn own_rows_go_through_calc_core_and_refusals_are_named() {
    let cat = catalogue().unwrap();
    let mut f = FollowUp::default();
    f.own.push(OwnFigureInput {
        municipality: "1490".into(),
        pool: "household_food".into(),
        year: 2023,
        tonnes: Some(dec("5000")),
        kg_per_inhabitant: None,
        g_per_portion: None,
        shares_pct: [
            ("anaerobic_digestion".to_string(), dec("70")),
            ("incineration".to_string(), dec("30")),
        ]
        .into_iter()
        .collect(),
        source: "Plockanalys".into(),
        note: String::new(),
    });
    let mut bad = f.own[0].clone();
    bad.shares_pct.insert("incineration".into(), dec("20"));
    f.own.push(bad);
    let (own, problems) = f.own_figures(cat, &cat.municipalities);
    assert_eq!(own.rows.len(), 1);
    assert_eq!(
        own.rows[0]
            .routes
            .as_ref()
            .unwrap()
            .share(Route::AnaerobicDigestion),
        Share::new(dec("0.7")).unwrap()
    );
    assert_eq!(
        problems,
        ["1490 household_food: route shares sum to 90 %, not 100 %"]
    );
}

#[test]
fn built_in_targets_round_trip_as_rows() {
    let cat = catalogue().unwrap();
    let f = FollowUp::default();
    let rows = f.target_rows(cat);
    assert_eq!(rows.len(), 3);
    let back: Vec<Target> = rows
        .iter()
        .map(|r| r.check(&cat.pools, &cat.municipalities).unwrap())
        .collect();
    // Everything survives, the English text, area, source and notes too: once the
    // planner changes one target, the others are kept as rows.
    assert_eq!(back, cat.targets);
    assert!(
        back.iter()
            .all(|t| t.text_en != t.text_sv && !t.source.is_empty())
    );
}

/// Own figures, actuals and changed targets travel with the scenario: through the
/// share link (its encoding unchanged) and the saved-scenario JSON; a scenario without
/// them serializes as before (no `follow_up` key).
#[test]
fn follow_up_is_saved_and_shared_with_the_settings() {
    let cat = catalogue().unwrap();
    let mut s = crate::settings::Settings::defaults(cat);
    let plain = serde_json::to_string(&s).unwrap();
    assert!(!plain.contains("follow_up"));
    s.follow_up.actuals.push(ActualInput {
        municipality: "1490".into(),
        indicator: "food_waste_kg_per_inhabitant".into(),
        year: 2024,
        value: dec("12.5"),
        source: String::new(),
    });
    let mut rows = s.follow_up.target_rows(cat);
    rows.pop();
    s.follow_up.targets = Some(rows);
    let hash = crate::share::encode(&s);
    assert_eq!(crate::share::decode(&hash), Some(Ok(s.clone())));
    let json = serde_json::to_string(&s).unwrap();
    let back: crate::settings::Settings = serde_json::from_str(&json).unwrap();
    assert_eq!(back, s);
    assert_eq!(s.follow_up.targets(cat).0.len(), 2);
}

fn own_form() -> OwnForm {
    let mut shares: [String; 7] = Default::default();
    shares[3] = "70".into(); // anaerobic digestion
    shares[5] = "30".into(); // incineration
    OwnForm {
        municipality: "1490".into(),
        pool: "household_food".into(),
        year: "2023".into(),
        quantity: "48,5".into(),
        unit: QuantityUnit::KgPerInhabitant,
        shares,
        source: "Kolada U07482".into(),
        note: "mat och rest".into(),
    }
}

/// Every field of the baseline file goes through calc-core's reader: kg per inhabitant
/// with a decimal comma, the route shares, the note.
#[test]
fn own_form_is_read_as_a_one_row_baseline_file() {
    let cat = catalogue().unwrap();
    let row = own_form()
        .to_row(cat, &cat.municipalities, Lang::Sv)
        .unwrap();
    assert_eq!(row.kg_per_inhabitant, Some(dec("48.5")));
    assert_eq!((row.tonnes, row.g_per_portion), (None, None));
    assert_eq!(row.year, 2023);
    assert_eq!(
        row.shares_pct,
        [
            ("anaerobic_digestion".to_string(), dec("70")),
            ("incineration".to_string(), dec("30")),
        ]
        .into_iter()
        .collect()
    );
    assert_eq!(
        (row.source.as_str(), row.note.as_str()),
        ("Kolada U07482", "mat och rest")
    );
    // Filled back into the form, it reads as the same row.
    assert_eq!(
        OwnForm::of(&row, Lang::Sv).to_row(cat, &cat.municipalities, Lang::Sv),
        Ok(row)
    );
}

/// Each refusal is calc-core's text, at the field it belongs to.
#[test]
fn own_form_refusals_are_named_at_their_fields() {
    let cat = catalogue().unwrap();
    let mut f = own_form();
    f.year = "20x3".into();
    f.quantity = "-5".into();
    f.unit = QuantityUnit::Tonnes;
    f.shares[5] = "20".into();
    f.source = String::new();
    let mut errors = f.to_row(cat, &cat.municipalities, Lang::Sv).unwrap_err();
    errors.sort();
    assert_eq!(
        errors,
        [
            (
                OwnField::Year,
                "'20x3' är inte ett årtal mellan 1900 och 2200".to_string()
            ),
            (
                OwnField::Quantity,
                "-5 är negativt: det måste vara 0 eller mer".to_string()
            ),
            (
                OwnField::Routes,
                "andelarna summerar till 90 %, inte 100 %".to_string()
            ),
            (
                OwnField::Source,
                "källan är tom: ange varifrån siffrorna kommer".to_string()
            ),
        ]
    );
    let mut g = own_form();
    g.quantity = "35".into();
    g.unit = QuantityUnit::GramsPerPortion;
    assert_eq!(
        g.to_row(cat, &cat.municipalities, Lang::En),
        Err(vec![(
            OwnField::Quantity,
            "grams per portion only for a pool counted in portions (the municipal kitchens); household_food is not"
                .to_string()
        )])
    );
    g.pool = "school_kitchen_food".into();
    assert_eq!(
        g.to_row(cat, &cat.municipalities, Lang::En)
            .unwrap()
            .g_per_portion,
        Some(dec("35"))
    );
}

/// A built-in target filled into the form and saved unchanged is the same row (its
/// pools, change in percent and bases kept); a change of the target value replaces it.
#[test]
fn target_form_round_trips_and_refuses_at_the_field() {
    let cat = catalogue().unwrap();
    let rows = FollowUp::default().target_rows(cat);
    for row in &rows {
        let form = TargetForm::of(row, Lang::Sv);
        assert_eq!(
            form.to_row(Some(row), cat, &cat.municipalities, Lang::Sv)
                .as_ref(),
            Ok(row)
        );
    }
    let kitchen = rows
        .iter()
        .find(|r| r.id == "kitchen_food_waste_35g")
        .unwrap();
    let mut form = TargetForm::of(kitchen, Lang::Sv);
    assert_eq!(form.pools.len(), 3);
    form.target_value = "30".into();
    let changed = form
        .to_row(Some(kitchen), cat, &cat.municipalities, Lang::Sv)
        .unwrap();
    assert_eq!(changed.target_value, Some(dec("30")));
    // Changed: the planner's value (source "app", the plan's note gone), the English
    // text and goal area kept (the Swedish text did not change).
    assert_eq!(
        (changed.source.as_str(), changed.note.as_str()),
        ("app", "")
    );
    assert_eq!(
        (&changed.text_en, &changed.area),
        (&kitchen.text_en, &kitchen.area)
    );
    assert!(!kitchen.text_en.is_empty() && kitchen.text_en != kitchen.text);
    assert_eq!(changed.pools, kitchen.pools);
    form.id = String::new();
    assert_eq!(
        form.to_row(None, cat, &cat.municipalities, Lang::Sv),
        Err(vec![(TargetField::Id, "id saknas".to_string())])
    );
    let mut both = TargetForm::of(kitchen, Lang::Sv);
    both.change_pct = "-10".into();
    both.target_year = "2020".into();
    let mut errors = both
        .to_row(None, cat, &cat.municipalities, Lang::Sv)
        .unwrap_err();
    errors.sort();
    assert_eq!(
        errors,
        [
            (
                TargetField::Target,
                "ange exakt ett av målvärde och förändring i procent".to_string()
            ),
            (
                TargetField::TargetYear,
                "året 2020 kommer före 2021".to_string()
            ),
        ]
    );
}

/// A target row's municipal bases reach calc-core.
#[test]
fn target_rows_keep_their_municipal_bases() {
    let cat = catalogue().unwrap();
    let mut row = FollowUp::default().target_rows(cat).remove(0);
    row.bases.push(BaseInput {
        municipality: "1490".into(),
        year: 2021,
        value: Some(dec("14")),
    });
    let t = row.check(&cat.pools, &cat.municipalities).unwrap();
    let (base, own) = t.base_for(&ScbCode::from("1490"));
    assert!(own);
    assert_eq!(base.value, Some(dec("14")));
}

/// An actual as typed (decimal comma) is read by calc-core's actuals reader; a bad
/// year and value are refused at their fields with calc-core's text.
#[test]
fn actual_form_is_read_as_a_one_row_actuals_file() {
    let cat = catalogue().unwrap();
    let mut f = ActualForm {
        municipality: "1490".into(),
        indicator: "food_waste_kg_per_inhabitant".into(),
        year: "2024".into(),
        value: "12,5".into(),
    };
    assert_eq!(
        f.to_row(&cat.municipalities, &cat.targets, Lang::Sv),
        Ok(ActualInput {
            municipality: "1490".into(),
            indicator: "food_waste_kg_per_inhabitant".into(),
            year: 2024,
            value: dec("12.5"),
            source: String::new(),
        })
    );
    f.year = "24".into();
    f.value = "tolv".into();
    let mut errors = f
        .to_row(&cat.municipalities, &cat.targets, Lang::Sv)
        .unwrap_err();
    errors.sort();
    assert_eq!(
        errors,
        [
            (
                ActualField::Year,
                "'24' är inte ett årtal mellan 1900 och 2200".to_string()
            ),
            (ActualField::Value, "'tolv' är inte ett tal".to_string()),
        ]
    );
}

/// The built-in food goals run from the base year 2021 to 2030: 2035, 2019 and −3 kg
/// are refused at their fields (calc-core's `Actual::new` and `Actual::within_goals`);
/// 2024 and 12,5 kg are fine.
#[test]
fn an_actual_outside_the_goals_years_or_below_zero_is_refused() {
    let cat = catalogue().unwrap();
    let form = |year: &str, value: &str| ActualForm {
        municipality: "1490".into(),
        indicator: "food_waste_kg_per_inhabitant".into(),
        year: year.into(),
        value: value.into(),
    };
    let check = |f: ActualForm, lang| f.to_row(&cat.municipalities, &cat.targets, lang);
    assert!(check(form("2024", "12,5"), Lang::Sv).is_ok());
    assert_eq!(
        check(form("2024", "-3"), Lang::Sv),
        Err(vec![(
            ActualField::Value,
            "-3 är negativt: det måste vara 0 eller mer".to_string()
        )])
    );
    assert_eq!(
        check(form("2035", "8"), Lang::Sv),
        Err(vec![(
            ActualField::Year,
            "2035 ligger utanför målens år: från basåret 2021 till målåret 2030".to_string()
        )])
    );
    assert_eq!(
        check(form("2019", "5"), Lang::En),
        Err(vec![(
            ActualField::Year,
            "2019 is outside the goals' years: from the base year 2021 to the target year 2030"
                .to_string()
        )])
    );
}
