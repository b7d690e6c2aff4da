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

/// The method pages' table of measures and their units, rendered from the data: one row
/// per measure (plan measures, then legal duties) with its lead unit, its contributing
/// units and each unit's reason.
fn units_table(swedish: bool) -> String {
    let c = catalogue();
    let pick = |sv: &str, en: &str| {
        if swedish {
            sv.to_string()
        } else {
            en.to_string()
        }
    };
    let unit_name = |id: &calc_core::OrgUnitId| {
        c.unit(id.as_str())
            .map_or_else(|| id.to_string(), |u| pick(&u.name_sv, &u.name_en))
    };
    let mut out = String::new();
    out.push_str(&pick(
        "| åtgärd | leder | bidrar | varför |\n|---|---|---|---|\n",
        "| measure | leads | contributes | why |\n|---|---|---|---|\n",
    ));
    for m in c.measures.iter().chain(&c.legal_duties) {
        let units = c.units_of(&m.id);
        let lead: Vec<String> = units
            .iter()
            .filter(|a| a.role == UnitRole::Lead)
            .map(|a| unit_name(&a.unit))
            .collect();
        let contributing: Vec<String> = units
            .iter()
            .filter(|a| a.role == UnitRole::Contributing)
            .map(|a| unit_name(&a.unit))
            .collect();
        let why: Vec<String> = units
            .iter()
            .map(|a| format!("{}: {}", unit_name(&a.unit), pick(&a.note_sv, &a.note_en)))
            .collect();
        out.push_str(&format!(
            "| {} (`{}`) | {} | {} | {} |\n",
            pick(&m.name_sv, &m.name_en),
            m.id,
            lead.join(", "),
            contributing.join(", "),
            why.join(" ")
        ));
    }
    out
}

fn check_units_table(file: &str, swedish: bool) {
    const START: &str =
        "<!-- units table: generated from measure_units.csv (UPDATE_GOLDEN=1 rewrites it) -->\n";
    const END: &str = "<!-- end of units table -->\n";
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../docs")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text.find(START).unwrap() + START.len();
    let end = start + text[start..].find(END).unwrap();
    let wanted = units_table(swedish);
    if text[start..end] != wanted {
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, format!("{}{wanted}{}", &text[..start], &text[end..])).unwrap();
        } else {
            panic!(
                "{file}: the units table is not measure_units.csv rendered (UPDATE_GOLDEN=1 rewrites it)"
            );
        }
    }
}

#[test]
fn method_pages_show_each_measures_units_as_the_data_has_them() {
    check_units_table("method.en.md", false);
    check_units_table("method.sv.md", true);
}

/// On the default scenario, with and without the legal duties in the totals: every
/// measure has one lead unit, so the units' led figures add up to the plan's total and
/// their shares to 1; the waste organisation leads the legal duties.
#[test]
fn led_figures_of_all_units_add_up_to_the_total() {
    let c = catalogue();
    let table = c.current_set().unwrap();
    for include in [false, true] {
        let mut scenario = c.default_scenario();
        scenario.include_required_by_law = include;
        let e = calc_core::evaluate(table, &scenario).unwrap();
        let r = calc_core::by_unit(&e, &c.units, None, calc_core::Perspective::Municipality);
        let co2e: rust_decimal::Decimal = r
            .iter()
            .map(|u| u.led.co2e_saved_kg_per_year.central.value())
            .sum();
        assert_eq!(
            co2e.round_dp(9),
            e.total.co2e_saved_kg_per_year.central.value().round_dp(9)
        );
        let fee: rust_decimal::Decimal = r
            .iter()
            .map(|u| u.led.net_sek_saved_per_year_by_payer.waste_fee.low.value())
            .sum();
        assert_eq!(
            fee.round_dp(9),
            e.total
                .net_sek_saved_per_year_by_payer
                .waste_fee
                .low
                .value()
                .round_dp(9)
        );
        let shares: rust_decimal::Decimal = r.iter().filter_map(|u| u.share_of_total).sum();
        assert_eq!(shares.round_dp(20), rust_decimal::Decimal::ONE);
        let avfall = r.iter().find(|u| u.unit.as_str() == "avfall").unwrap();
        let duties = avfall
            .measures
            .iter()
            .filter(|m| m.measure.as_str().starts_with("duty_"))
            .count();
        assert_eq!(duties, if include { 6 } else { 0 });
        // Years: each unit's years add up to its plan-period CO2e.
        for u in &r {
            let last = u.by_year.last().map_or(rust_decimal::Decimal::ZERO, |y| {
                y.co2e_saved_kg_cumulative.central.value()
            });
            assert_eq!(
                last.round_dp(9),
                u.carried
                    .co2e_saved_kg_cumulative
                    .central
                    .value()
                    .round_dp(9),
                "{}",
                u.unit
            );
        }
    }
}
