//! Issue 26: the units that carry each measure and SCB's list of all 290 municipalities.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use calc_core::UnitRole;
use std::collections::BTreeSet;

fn catalogue() -> &'static factors::Catalogue {
    factors::builtin().unwrap()
}

#[test]
fn the_twelve_units_have_swedish_and_english_names() {
    let ids: Vec<&str> = catalogue()
        .units
        .units
        .iter()
        .map(|u| u.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "kost",
            "skola",
            "omsorg",
            "fastighet",
            "bygg",
            "it",
            "upphandling",
            "avfall",
            "miljo",
            "kommunikation",
            "naring",
            "planering"
        ]
    );
    for u in &catalogue().units.units {
        assert!(!u.name_sv.is_empty() && !u.name_en.is_empty(), "{}", u.id);
    }
    assert_eq!(
        catalogue().unit("kost").map(|u| u.name_en.as_str()),
        Some("Meal services")
    );
}

#[test]
fn every_measure_and_legal_duty_has_one_lead_unit_and_a_reason_per_unit() {
    let c = catalogue();
    for m in c.measures.iter().chain(&c.legal_duties) {
        let units = c.units_of(&m.id);
        let leads = units.iter().filter(|a| a.role == UnitRole::Lead).count();
        assert_eq!(leads, 1, "{}", m.id);
        assert_eq!(units.first().map(|a| a.role), Some(UnitRole::Lead));
        for a in units {
            assert!(
                !a.note_sv.is_empty() && !a.note_en.is_empty(),
                "{} {}",
                m.id,
                a.unit
            );
        }
    }
    // The assignments the method page lists, spot-checked.
    let lead = |m: &str| {
        c.units
            .lead_of(&calc_core::MeasureId::from(m))
            .map(|u| u.as_str().to_string())
    };
    assert_eq!(lead("food_school_kitchens").as_deref(), Some("kost"));
    assert_eq!(lead("electronics_reuse").as_deref(), Some("it"));
    assert_eq!(lead("construction_reuse").as_deref(), Some("bygg"));
    assert_eq!(lead("single_use_municipal").as_deref(), Some("upphandling"));
    assert_eq!(lead("duty_textile_collection").as_deref(), Some("avfall"));
    // Meal services lead the three kitchen measures and contribute to single use.
    let kost: Vec<(String, UnitRole)> = c
        .units
        .assignments
        .iter()
        .filter(|a| a.unit.as_str() == "kost")
        .map(|a| (a.measure.as_str().to_string(), a.role))
        .collect();
    assert_eq!(
        kost,
        [
            ("food_school_kitchens".to_string(), UnitRole::Lead),
            ("food_elderly_kitchens".to_string(), UnitRole::Lead),
            ("food_preschool_kitchens".to_string(), UnitRole::Lead),
            ("single_use_municipal".to_string(), UnitRole::Contributing),
        ]
    );
}

#[test]
fn all_290_municipalities_with_unique_codes_in_21_counties() {
    let all = &catalogue().all_municipalities;
    assert_eq!(all.len(), 290);
    let codes: BTreeSet<&str> = all.iter().map(|m| m.code.as_str()).collect();
    assert_eq!(codes.len(), 290);
    let counties: BTreeSet<&str> = all.iter().map(|m| m.county.as_str()).collect();
    assert_eq!(counties.len(), 21);
    for m in all {
        assert!(
            catalogue().source(m.source.as_str()).is_some(),
            "{}",
            m.source
        );
    }
    // The plan's eight municipalities are in the list with the same names.
    for k in &catalogue().municipalities {
        let listed = catalogue().any_municipality(k.code.as_str()).unwrap();
        assert_eq!(listed.name, k.name);
    }
    let umea = catalogue().any_municipality("umea").unwrap();
    assert_eq!((umea.code.as_str(), umea.county.as_str()), ("2480", "24"));
    assert_eq!(
        catalogue()
            .any_municipality("0180")
            .map(|m| m.name.as_str()),
        Some("Stockholm")
    );
    assert!(!catalogue().is_plan_municipality(&umea.code));
}
