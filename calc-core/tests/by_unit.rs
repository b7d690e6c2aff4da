//! Issue 26: an evaluation grouped by the units of the organisation, and the readers of
//! the units and their measures. Figures checked by hand on the demo town.
//!
//! The demo (calc_core::demo): 1 000 inhabitants, 10 kg food waste each = 10 t a year, all
//! incinerated today; 2025–2030, both measures at full effect from 2025.
//! - `less_food_waste` prevents 50 % = 5 t. CO2e per tonne: incineration −50 (−80…−20),
//!   prevention −2 000 (−2 500…−1 500): 1 950 saved per tonne, 5 t × 1 950 = 9 750 kg a
//!   year (low 5 × (−80 + 1 500) = 7 100, high 5 × (−20 + 2 500) = 12 400). The waste fee
//!   saves the incineration fee 5 × 900 = 4 500 SEK (4 000…5 000); the budget pays the
//!   running cost 4 SEK × 1 000 = 4 000 SEK (2 000…6 000).
//! - `food_collection` sends 40 % of the 5 t left = 2 t to digestion: 2 × (−50 + 100) =
//!   100 kg a year (low 2 × (−80 + 50) = −60, high 2 × (−20 + 150) = 260); the waste fee
//!   saves 2 × (900 − 500) = 800 SEK a year and pays 15 SEK × 1 000 = 15 000 SEK once.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use calc_core::csvio::{CsvErrorKind, Lang, read_measure_units, read_org_units};
use calc_core::{
    Band, BaseValue, Baseline, Indicator, KgCo2e, MeasureId, OrgUnit, OrgUnitId, OrgUnits,
    OwnFigures, Perspective, Sek, Target, TargetValue, UnitAssignment, UnitRole, Year, by_unit,
    demo, evaluate, for_unit, progress,
};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::sync::Arc;

fn unit(id: &str) -> OrgUnit {
    OrgUnit {
        id: OrgUnitId::from(id),
        name_sv: id.into(),
        name_en: id.into(),
        description_sv: String::new(),
        description_en: String::new(),
    }
}

fn assign(m: &str, u: &str, role: UnitRole) -> UnitAssignment {
    UnitAssignment {
        measure: MeasureId::from(m),
        unit: OrgUnitId::from(u),
        role,
        note_sv: String::new(),
        note_en: String::new(),
    }
}

/// kost leads less_food_waste; avfall leads food_collection and contributes to
/// less_food_waste; it (no measures) carries nothing.
fn units() -> OrgUnits {
    OrgUnits::new(
        vec![unit("kost"), unit("avfall"), unit("it")],
        vec![
            assign("less_food_waste", "kost", UnitRole::Lead),
            assign("food_collection", "avfall", UnitRole::Lead),
            assign("less_food_waste", "avfall", UnitRole::Contributing),
        ],
    )
}

fn kg(v: Decimal) -> KgCo2e {
    KgCo2e::new(v)
}

#[test]
fn each_unit_gets_its_measures_with_lead_and_carried_totals() {
    let e = evaluate(&demo::table().unwrap(), &demo::scenario().unwrap()).unwrap();
    let r = by_unit(&e, &units(), None, Perspective::Municipality);
    assert_eq!(r.len(), 3);
    let (kost, avfall, it) = (&r[0], &r[1], &r[2]);

    // kost: less_food_waste only, 9 750 kg a year (7 100…12 400).
    assert_eq!(kost.unit.as_str(), "kost");
    assert_eq!(kost.measures.len(), 1);
    assert_eq!(kost.measures[0].role, UnitRole::Lead);
    assert_eq!(
        kost.led.co2e_saved_kg_per_year,
        Band {
            low: kg(dec!(7100)),
            central: kg(dec!(9750)),
            high: kg(dec!(12400)),
        }
    );
    assert_eq!(kost.carried, kost.led);
    // Money by payer a year: the waste fee +4 500, the budget −4 000, households 0.
    let p = &kost.led.net_sek_saved_per_year_by_payer;
    assert_eq!(p.waste_fee.central, Sek::new(dec!(4500)));
    assert_eq!(p.municipal_budget.central, Sek::new(dec!(-4000)));
    assert_eq!(p.municipal_budget.low, Sek::new(dec!(-6000)));
    assert_eq!(p.households.central, Sek::ZERO);
    assert_eq!(
        kost.led.society_net_sek_saved_per_year.central,
        Sek::new(dec!(500))
    );
    // Six years at full effect: 6 × 9 750 = 58 500 kg over the plan period.
    assert_eq!(kost.led.co2e_saved_kg_cumulative.central, kg(dec!(58500)));

    // avfall leads food_collection (100 kg) and contributes to less_food_waste.
    assert_eq!(
        avfall
            .measures
            .iter()
            .map(|m| (m.measure.as_str(), m.role))
            .collect::<Vec<_>>(),
        [
            ("less_food_waste", UnitRole::Contributing),
            ("food_collection", UnitRole::Lead)
        ]
    );
    assert_eq!(avfall.led.co2e_saved_kg_per_year.central, kg(dec!(100)));
    assert_eq!(avfall.led.co2e_saved_kg_per_year.low, kg(dec!(-60)));
    assert_eq!(
        avfall.led.implementation_cost_sek.central,
        Sek::new(dec!(15000))
    );
    // Carrying both measures, avfall's figures are the plan's total, field by field.
    assert_eq!(avfall.carried, e.total);

    // it carries nothing.
    assert!(it.measures.is_empty());
    assert_eq!(it.led.co2e_saved_kg_per_year.central, KgCo2e::ZERO);
    assert_eq!(it.share_of_total, Some(Decimal::ZERO));
}

#[test]
fn shares_of_the_total_count_the_lead_unit_only_and_add_up_to_one() {
    let e = evaluate(&demo::table().unwrap(), &demo::scenario().unwrap()).unwrap();
    let r = by_unit(&e, &units(), None, Perspective::Municipality);
    // 9 750 / 9 850 and 100 / 9 850.
    assert_eq!(r[0].share_of_total.unwrap().round_dp(6), dec!(0.989848));
    assert_eq!(r[1].share_of_total.unwrap().round_dp(6), dec!(0.010152));
    let sum: Decimal = r.iter().filter_map(|u| u.share_of_total).sum();
    assert_eq!(sum.round_dp(24), dec!(1));
}

#[test]
fn years_of_a_unit_add_its_items_years() {
    let e = evaluate(&demo::table().unwrap(), &demo::scenario().unwrap()).unwrap();
    let r = by_unit(&e, &units(), None, Perspective::Municipality);
    let kost = &r[0];
    assert_eq!(kost.by_year.len(), 6);
    assert_eq!(kost.by_year[0].year, Year(2025));
    assert_eq!(kost.by_year[0].co2e_saved_kg.central, kg(dec!(9750)));
    assert_eq!(kost.by_year[5].year, Year(2030));
    assert_eq!(
        kost.by_year[5].co2e_saved_kg_cumulative.central,
        kg(dec!(58500))
    );
    // The budget pays 4 000 SEK every year; the waste fee saves 4 500.
    assert_eq!(
        kost.by_year[2]
            .net_sek_saved_by_payer
            .municipal_budget
            .central,
        Sek::new(dec!(-4000))
    );
    assert_eq!(
        kost.by_year[2].society_net_sek_saved.central,
        Sek::new(dec!(500))
    );
    // A unit carrying every measure has the evaluation's years.
    assert_eq!(r[1].by_year, e.by_year);
    // Without years (evaluate_totals), no years.
    let t =
        calc_core::evaluate_totals(&demo::table().unwrap(), &demo::scenario().unwrap()).unwrap();
    let kost_totals = for_unit(
        &t,
        &units(),
        &OrgUnitId::from("kost"),
        None,
        Perspective::Municipality,
    );
    assert!(kost_totals.by_year.is_empty());
    assert_eq!(kost_totals.led, kost.led);
}

#[test]
fn next_best_ranks_the_units_measures_by_cost_per_tonne() {
    let e = evaluate(&demo::table().unwrap(), &demo::scenario().unwrap()).unwrap();
    let r = by_unit(&e, &units(), None, Perspective::Municipality);
    // less_food_waste: the municipality nets 6 × (4 500 − 4 000) = 3 000 SEK over 58.5 t:
    // −51.28 SEK per tonne. food_collection: 6 × 800 − 15 000 = −10 200 SEK over 0.6 t:
    // 17 000 SEK per tonne. Cheapest first, ranks within the unit.
    let avfall: Vec<(usize, &str)> = r[1]
        .next_best
        .iter()
        .map(|x| (x.rank, x.measure.key.as_str()))
        .collect();
    assert_eq!(avfall, [(1, "less_food_waste"), (2, "food_collection")]);
    let cost = r[1].next_best[1]
        .measure
        .summary
        .municipality_cost_per_tonne_co2e
        .unwrap();
    assert_eq!(cost.value(), dec!(17000));
    let kost: Vec<(usize, &str)> = r[0]
        .next_best
        .iter()
        .map(|x| (x.rank, x.measure.key.as_str()))
        .collect();
    assert_eq!(kost, [(1, "less_food_waste")]);
}

#[test]
fn targets_served_and_the_share_of_the_needed_change() {
    let table = demo::table().unwrap();
    let scenario = demo::scenario().unwrap();
    let e = evaluate(&table, &scenario).unwrap();
    let baseline = Baseline::new(
        &[Arc::clone(&scenario.items[0].measure().pool)],
        OwnFigures::new(),
    );
    // Halve 10 kg per inhabitant by 2030: needed 5 − 10 = −5 kg. Prevention takes 5 kg
    // (change −5); collection moves tonnes between routes of generated waste (change 0).
    let t = Target::new(
        "halve",
        Indicator::FoodWasteKgPerInhabitant,
        BaseValue {
            year: Year(2025),
            value: Some(dec!(10)),
            source: String::new(),
        },
        TargetValue::ChangePercent(dec!(-50)),
        Year(2030),
    )
    .unwrap();
    let report = progress(&table, &baseline, &scenario, &[demo::town()], &[t], &[]).unwrap();
    let r = by_unit(&e, &units(), Some(&report), Perspective::Municipality);
    let kost = &r[0].targets;
    assert_eq!(kost.len(), 1);
    assert_eq!(kost[0].target, "halve");
    assert_eq!(kost[0].municipality.as_str(), "9999");
    assert_eq!((kost[0].change, kost[0].needed), (dec!(-5), dec!(-5)));
    assert_eq!(kost[0].share_of_needed, Some(dec!(1)));
    assert_eq!(kost[0].gap_after_all, dec!(0));
    // avfall contributes to less_food_waste, so it serves the target too.
    assert_eq!(r[1].targets.len(), 1);
    // A unit with only the collection measure serves no food-waste-amount target.
    let only_collection = OrgUnits::new(
        vec![unit("avfall")],
        vec![assign("food_collection", "avfall", UnitRole::Lead)],
    );
    let r = by_unit(
        &e,
        &only_collection,
        Some(&report),
        Perspective::Municipality,
    );
    assert!(r[0].targets.is_empty());
}

const UNITS: &str = "id,name_sv,name_en\nkost,Kost,Meal services\navfall,Avfall,Waste\n";

fn ids(list: &[&str]) -> Vec<MeasureId> {
    list.iter().map(|m| MeasureId::from(*m)).collect()
}

fn messages(errors: &[calc_core::csvio::CsvError]) -> Vec<String> {
    errors.iter().map(|e| e.message(Lang::En)).collect()
}

#[test]
fn the_readers_accept_units_and_their_measures() {
    let units = read_org_units(UNITS.as_bytes()).unwrap();
    assert_eq!(units.len(), 2);
    let file = "measure;unit;role;note_en\na;kost;lead;cooks\na;avfall;contributing;bins\nb;avfall;lead;\n";
    let a = read_measure_units(file.as_bytes(), &units, &ids(&["a", "b"])).unwrap();
    assert_eq!(a.len(), 3);
    assert_eq!(a[1].role, UnitRole::Contributing);
    assert_eq!(a[0].note_en, "cooks");
}

#[test]
fn unknown_unit_second_lead_and_missing_lead_are_errors_on_their_line_and_column() {
    let units = read_org_units(UNITS.as_bytes()).unwrap();
    let file = "measure,unit,role\n\
                a,kost,lead\n\
                a,avfall,lead\n\
                b,kosst,contributing\n\
                b,avfall,contributing\n\
                c,kost,leader\n\
                x,kost,lead\n";
    let errors =
        read_measure_units(file.as_bytes(), &units, &ids(&["a", "b", "c", "d"])).unwrap_err();
    assert_eq!(
        messages(&errors),
        [
            "line 1, column 'measure': measure 'd' has no leading unit: give it one row with role 'lead'",
            "line 3, column 'role': 'lead' is a second leading unit: the measure's lead is on line 2; make one of them 'contributing'",
            "line 4, column 'unit': unknown unit 'kosst'; did you mean 'kost'?",
            "line 4, column 'role': measure 'b' has no leading unit: give it one row with role 'lead'",
            "line 6, column 'role': unknown role 'leader'; did you mean 'lead'?",
            "line 6, column 'role': measure 'c' has no leading unit: give it one row with role 'lead'",
            "line 7, column 'measure': unknown measure 'x'; did you mean 'a', 'b', 'c'?",
        ]
    );
    assert!(matches!(
        errors[1].kind,
        CsvErrorKind::SecondLead { first_line: 2 }
    ));
    // In Swedish.
    assert_eq!(
        errors[0].message(Lang::Sv),
        "rad 1, kolumn 'measure': åtgärden 'd' saknar ledande verksamhet: ge den en rad med roll 'lead'"
    );
    // A unit id that is not lower-case letters, and a repeated id.
    let bad = read_org_units("id,name_sv,name_en\nKost,K,K\navfall,A,A\navfall,A,A\n".as_bytes())
        .unwrap_err();
    assert_eq!(
        messages(&bad),
        [
            "line 2, column 'id': 'Kost' is outside the allowed range a to z",
            "line 4, column 'id': 'avfall' is a duplicate of line 3",
        ]
    );
}
