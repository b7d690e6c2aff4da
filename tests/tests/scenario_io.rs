//! Scenario files and results against the built-in catalogue: the example files, the
//! Excel (sv-SE) round trip, the factor file round trip and the results JSON schema.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use calc_core::csvio::{self, Dialect, Encoding, Lang, ScenarioContext, read_scenarios};
use calc_core::{ResultsJson, evaluate};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn catalogue() -> &'static factors::Catalogue {
    factors::builtin().expect("built-in data loads")
}

fn ctx() -> ScenarioContext {
    catalogue().scenario_context()
}

fn example(name: &str) -> Vec<u8> {
    std::fs::read(root().join("examples").join(name)).unwrap()
}

#[test]
fn sjuharad_example_covers_all_eight_municipalities() {
    let import = read_scenarios(&example("sjuharad.csv"), &ctx()).unwrap();
    assert_eq!(import.dialect, Dialect::EXCEL_SV);
    let [s] = import.scenarios.as_slice() else {
        panic!("one scenario")
    };
    let mut codes: Vec<&str> = s
        .items
        .iter()
        .map(|i| i.municipality().code.as_str())
        .collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), 8);
    let result = evaluate(catalogue().current_set().unwrap(), s).unwrap();
    assert!(result.total.co2e_saved_kg_per_year.central.value() > rust_decimal::Decimal::ZERO);
}

#[test]
fn excel_export_with_thousands_separators() {
    let import = read_scenarios(&example("excel_sv_export.csv"), &ctx()).unwrap();
    assert_eq!(import.dialect, Dialect::EXCEL_SV);
    let names: Vec<&str> = import.scenarios.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Bas", "Hög ambition"]);
    let bas = &import.scenarios[0];
    let q: Vec<String> = bas
        .items
        .iter()
        .map(|i| {
            i.quantity_override()
                .map(|q| q.value().to_string())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(q, ["", "1234.5", "1050.25", ""]);
    assert_eq!(
        bas.items[1].effect().percent().normalize().to_string(),
        "33.3"
    );
    assert_eq!(
        bas.items[3]
            .implementation_cost_override()
            .map(|c| c.value().to_string()),
        Some("250000".into())
    );
}

#[test]
fn windows_1252_example_keeps_swedish_letters() {
    let bytes = example("windows1252.csv");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the file is real Windows-1252"
    );
    let import = read_scenarios(&bytes, &ctx()).unwrap();
    assert_eq!(import.dialect.encoding, Encoding::Windows1252);
    let names: Vec<&str> = import.scenarios[0]
        .items
        .iter()
        .map(|i| i.municipality().name.as_str())
        .collect();
    assert_eq!(
        names,
        ["Borås", "Vårgårda", "Vårgårda", "Bollebygd", "Ulricehamn"]
    );
}

#[test]
fn excel_sv_round_trip_of_the_default_scenario() {
    let scenario = catalogue().default_scenario();
    for lang in [Lang::Sv, Lang::En] {
        let text = csvio::write_scenario_csv(&scenario, Dialect::EXCEL_SV, lang);
        assert!(text.starts_with('\u{feff}'));
        let import = read_scenarios(text.as_bytes(), &ctx()).unwrap();
        assert_eq!(import.dialect, Dialect::EXCEL_SV);
        assert_eq!(import.scenarios, vec![scenario.clone()]);
        // And the round trip again gives the same bytes.
        let again = csvio::write_scenarios_csv(&import.scenarios, Dialect::EXCEL_SV, lang);
        assert_eq!(again, text);
    }
}

#[test]
fn every_example_round_trips_through_excel_sv() {
    for name in ["sjuharad.csv", "excel_sv_export.csv", "windows1252.csv"] {
        let first = read_scenarios(&example(name), &ctx()).unwrap();
        let text = csvio::write_scenarios_csv(&first.scenarios, Dialect::EXCEL_SV, Lang::Sv);
        let again = read_scenarios(text.as_bytes(), &ctx()).unwrap();
        assert_eq!(again.scenarios, first.scenarios, "{name}");
    }
}

#[test]
fn factor_file_round_trip_in_every_dialect() {
    for set in &catalogue().sets {
        for dialect in [Dialect::EXCEL_SV, Dialect::PLAIN] {
            let text = csvio::write_factor_table(set, dialect);
            let back = csvio::read_factor_table(text.as_bytes(), set.info().clone()).unwrap();
            let ef: Vec<_> = set.emission_factors().collect();
            assert_eq!(back.emission_factors().collect::<Vec<_>>(), ef);
            // A written set carries its costs at the set's price level; the sources' own
            // numbers before conversion (`nominal`) stay in the built-in file only.
            let cf: Vec<calc_core::CostFactor> = set
                .cost_factors()
                .map(|f| calc_core::CostFactor {
                    nominal: None,
                    ..f.clone()
                })
                .collect();
            let back_cf: Vec<calc_core::CostFactor> = back.cost_factors().cloned().collect();
            assert_eq!(back_cf, cf);
            // Read with the price index it converts nothing again: every cost is already
            // in the set's price year.
            let again = csvio::read_factor_table_priced(
                text.as_bytes(),
                set.info().clone(),
                &catalogue().price_index,
            )
            .unwrap();
            assert!(again.cost_factors().all(|f| f.nominal.is_none()));
        }
    }
}

#[test]
fn results_csv_has_a_row_per_item_and_a_total() {
    let scenario = catalogue().default_scenario();
    let e = evaluate(catalogue().current_set().unwrap(), &scenario).unwrap();
    let text = csvio::write_results_csv(&e, Dialect::EXCEL_SV, Lang::Sv);
    let rows = csvio::Table::read(text.as_bytes()).unwrap();
    assert_eq!(rows.rows.len(), e.items.len() + 1);
    assert_eq!(rows.headers.len(), csvio::RESULT_HEADERS.len());
    let total = rows.rows.last().unwrap();
    assert_eq!(total.field(3).unwrap(), "TOTALT");
}

// A small JSON Schema checker for the keywords docs/results.schema.json uses.
fn check(schema: &Value, value: &Value, root: &Value, path: &str, errors: &mut Vec<String>) {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/$defs/");
        return check(&root["$defs"][name], value, root, path, errors);
    }
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        for s in all {
            check(s, value, root, path, errors);
        }
    }
    if let Some(one) = schema.get("oneOf").and_then(Value::as_array) {
        let ok = one
            .iter()
            .filter(|s| {
                let mut e = Vec::new();
                check(s, value, root, path, &mut e);
                e.is_empty()
            })
            .count();
        if ok != 1 {
            errors.push(format!("{path}: matches {ok} of oneOf"));
        }
    }
    if let Some(c) = schema.get("const")
        && c != value
    {
        errors.push(format!("{path}: {value} is not {c}"));
    }
    if let Some(t) = schema.get("type").and_then(Value::as_str) {
        let ok = match t {
            "object" => value.is_object(),
            "array" => value.is_array(),
            "string" => value.is_string(),
            "integer" => value.is_u64() || value.is_i64(),
            "null" => value.is_null(),
            "boolean" => value.is_boolean(),
            other => panic!("type {other} not supported by this checker"),
        };
        if !ok {
            errors.push(format!("{path}: {value} is not {t}"));
            return;
        }
    }
    if schema.get("pattern").is_some() {
        let s = value.as_str().unwrap_or("");
        if csvio::parse_decimal(s, false).is_none() || s.contains(['+', ' ']) {
            errors.push(format!("{path}: {s:?} is not a decimal string"));
        }
    }
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        let obj = value.as_object().unwrap();
        for (k, s) in props {
            if let Some(v) = obj.get(k) {
                check(s, v, root, &format!("{path}.{k}"), errors);
            }
        }
        for r in schema["required"].as_array().into_iter().flatten() {
            if !obj.contains_key(r.as_str().unwrap()) {
                errors.push(format!("{path}: missing {r}"));
            }
        }
        // Properties declared by allOf parts count as known.
        let mut known: Vec<&str> = props.keys().map(String::as_str).collect();
        for s in schema["allOf"].as_array().into_iter().flatten() {
            let name = s["$ref"]
                .as_str()
                .unwrap_or("")
                .trim_start_matches("#/$defs/");
            known.extend(
                root["$defs"][name]["properties"]
                    .as_object()
                    .unwrap()
                    .keys()
                    .map(String::as_str),
            );
        }
        if schema.get("additionalProperties") == Some(&Value::Bool(false))
            || schema.get("unevaluatedProperties") == Some(&Value::Bool(false))
        {
            for k in obj.keys() {
                if !known.contains(&k.as_str()) {
                    errors.push(format!("{path}: property {k} is not in the schema"));
                }
            }
        }
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array)
        && !e.contains(value)
    {
        errors.push(format!("{path}: {value} is not one of {e:?}"));
    }
    let prefix = schema
        .get("prefixItems")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    if let Some(arr) = value.as_array() {
        for (i, v) in arr.iter().enumerate() {
            match (prefix.get(i), schema.get("items")) {
                (Some(p), _) => check(p, v, root, &format!("{path}[{i}]"), errors),
                (None, Some(Value::Bool(false))) => {
                    errors.push(format!("{path}[{i}]: no item allowed here"));
                }
                (None, Some(items)) => check(items, v, root, &format!("{path}[{i}]"), errors),
                (None, None) => {}
            }
        }
    }
}

#[test]
fn results_json_matches_its_schema() {
    let schema: Value =
        serde_json::from_slice(&std::fs::read(root().join("docs/results.schema.json")).unwrap())
            .unwrap();
    let c = catalogue();
    let mut scenario = c.default_scenario();
    scenario.items.truncate(40);
    let e = evaluate(c.current_set().unwrap(), &scenario).unwrap();
    let one = serde_json::to_value(ResultsJson::new(&e)).unwrap();
    let many = serde_json::to_value(vec![ResultsJson::new(&e), ResultsJson::new(&e)]).unwrap();
    for v in [&one, &many] {
        let mut errors = Vec::new();
        check(&schema, v, &schema, "$", &mut errors);
        assert!(errors.is_empty(), "{errors:#?}");
    }
    // The fields other tools rely on, as decimal strings.
    for key in [
        "co2e_saved_kg_per_year",
        "net_sek_saved_per_year",
        "co2e_saved_kg_cumulative",
        "net_sek_saved_cumulative",
    ] {
        assert!(one["totals"][key]["central"].is_string(), "{key}");
        assert!(one["measures"][0][key]["low"].is_string(), "{key}");
    }
    assert_eq!(one["schema_version"], "2");
    // Per payer: the three payers add up to society's net, point by point.
    let t = &one["totals"];
    for point in ["low", "central", "high"] {
        let part = |p: &str| -> rust_decimal::Decimal {
            t["sek_saved_per_year_by_payer"][p][point]
                .as_str()
                .unwrap()
                .parse()
                .unwrap()
        };
        let net: rust_decimal::Decimal = t["net_sek_saved_per_year"][point]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(
            part("waste_fee") + part("municipal_budget") + part("households"),
            net,
            "{point}"
        );
    }
    assert!(
        one["measures"][0]["factors"][0]
            .as_str()
            .unwrap()
            .starts_with("ef.")
    );
    assert!(!one["measures"][0]["sources"].as_array().unwrap().is_empty());
    // A value the schema does not know is caught by the checker.
    let mut bad = one.clone();
    bad["totals"]["surprise"] = Value::from(1);
    let mut errors = Vec::new();
    check(&schema["$defs"]["Results"], &bad, &schema, "$", &mut errors);
    assert_eq!(errors, ["$.totals: property surprise is not in the schema"]);
}

/// Every other JSON output (rank, sensitivity, optimize, contributions, the catalogue
/// listings) matches its definition in `docs/outputs.schema.json`.
#[test]
fn other_outputs_match_their_schema() {
    use calc_core::report::{
        CatalogueMeasureJson, ContributionJson, FactorListingJson, MunicipalityJson, PlanJson,
        RankingJson, SensitivityJson,
    };
    let schema: Value =
        serde_json::from_slice(&std::fs::read(root().join("docs/outputs.schema.json")).unwrap())
            .unwrap();
    let c = catalogue();
    let table = c.current_set().unwrap();
    let mut scenario = c.default_scenario();
    scenario.items.truncate(40);
    let e = evaluate(table, &scenario).unwrap();
    let model = calc_core::LinearModel::new(table, &scenario).unwrap();
    let budget = calc_core::Budget {
        once: Some(calc_core::Sek::new(rust_decimal::Decimal::from(1_000_000))),
        ..calc_core::Budget::default()
    };
    let plan = calc_core::optimize(&calc_core::candidates(&model, 2).unwrap(), budget);
    let contributions = calc_core::contributions(&model, table, &[]).unwrap();
    let ranked = calc_core::rank_for(&e, calc_core::RankBy::Co2e, calc_core::Perspective::Society);
    let docs: Vec<(&str, Value)> = vec![
        (
            "Ranking",
            serde_json::to_value(RankingJson::new(
                "s",
                calc_core::RankBy::Co2e,
                calc_core::Perspective::Society,
                &ranked,
            ))
            .unwrap(),
        ),
        (
            "Sensitivity",
            serde_json::to_value(SensitivityJson::new(
                "s",
                &calc_core::sensitivity(&model).unwrap(),
            ))
            .unwrap(),
        ),
        (
            "Plan",
            serde_json::to_value(PlanJson::new("s", 2, &plan)).unwrap(),
        ),
        (
            "MonteCarlo",
            serde_json::to_value(calc_core::report::MonteCarloJson::from(
                &calc_core::monte_carlo(&model, 200, 1).unwrap(),
            ))
            .unwrap(),
        ),
    ];
    let mut all = docs;
    for row in ContributionJson::rows("s", &contributions) {
        all.push(("Contribution", serde_json::to_value(row).unwrap()));
    }
    for m in &c.measures {
        all.push((
            "CatalogueMeasure",
            serde_json::to_value(CatalogueMeasureJson::from(m.as_ref())).unwrap(),
        ));
    }
    for m in &c.municipalities {
        all.push((
            "Municipality",
            serde_json::to_value(MunicipalityJson::from(m.as_ref())).unwrap(),
        ));
    }
    all.push((
        "FactorListing",
        serde_json::to_value(FactorListingJson::from(table)).unwrap(),
    ));
    // Targets: the built-in goals over the scenario, with an actual (so `actual` and
    // `actual_gap` are filled) and a least-cost package.
    let towns: Vec<_> = c.municipalities.iter().take(2).cloned().collect();
    let actuals = [calc_core::Actual {
        indicator: calc_core::Indicator::FoodWasteKgPerInhabitant,
        municipality: towns[0].code.clone(),
        year: calc_core::Year(2024),
        value: rust_decimal::Decimal::from(13),
        source: String::new(),
    }];
    let baseline = calc_core::Baseline::new(&c.pools, calc_core::OwnFigures::new());
    let report =
        calc_core::progress(table, &baseline, &scenario, &towns, &c.targets, &actuals).unwrap();
    assert!(!report.progress.is_empty());
    let candidates = calc_core::full_ambition(&scenario, &c.measures, &towns[0], &c.targets[2]);
    let plans: Vec<_> =
        calc_core::close_gap(table, &baseline, &candidates, &towns[0], &c.targets[2], 2)
            .unwrap()
            .into_iter()
            .collect();
    assert_eq!(plans.len(), 1);
    let names: Vec<_> = towns
        .iter()
        .map(|k| (k.code.clone(), k.name.clone()))
        .collect();
    let per = calc_core::per_inhabitant(&e, &towns);
    all.push((
        "Targets",
        serde_json::to_value(calc_core::report::TargetsJson::new(
            "s", &report, &names, &plans, &per,
        ))
        .unwrap(),
    ));
    // Units (issue 26): the evaluation grouped by unit with the targets' progress, and a
    // ranking of one unit's measures.
    let municipality = calc_core::Perspective::Municipality;
    let units = calc_core::by_unit(&e, &c.units, Some(&report), municipality);
    all.push((
        "Units",
        serde_json::to_value(calc_core::report::UnitsJson::new(
            "s",
            municipality,
            &units,
            &c.units,
        ))
        .unwrap(),
    ));
    for u in &c.units.units {
        all.push((
            "UnitListing",
            serde_json::to_value(calc_core::report::UnitListingJson::new(u, &c.units)).unwrap(),
        ));
    }
    for k in c.all_municipalities.iter().take(3) {
        all.push((
            "ScbMunicipality",
            serde_json::to_value(calc_core::report::ScbMunicipalityJson::new(k, false)).unwrap(),
        ));
    }
    let mut kost = RankingJson::new(
        "s",
        calc_core::RankBy::Co2e,
        municipality,
        &units[0].next_best,
    );
    kost.unit = Some("kost".to_string());
    all.push(("Ranking", serde_json::to_value(kost).unwrap()));
    for (def, v) in &all {
        let mut errors = Vec::new();
        check(
            &serde_json::json!({ "$ref": format!("#/$defs/{def}") }),
            v,
            &schema,
            def,
            &mut errors,
        );
        assert!(errors.is_empty(), "{errors:#?}");
    }
    // The checker is not vacuous: a renamed field fails.
    let mut bad = all[0].1.clone();
    let entry = bad["ranking"][0].as_object_mut().unwrap();
    let rank = entry.remove("rank").unwrap();
    entry.insert("rank_no".to_string(), rank);
    let mut errors = Vec::new();
    check(
        &serde_json::json!({ "$ref": "#/$defs/Ranking" }),
        &bad,
        &schema,
        "Ranking",
        &mut errors,
    );
    assert_eq!(
        errors,
        [
            "Ranking.ranking[0]: missing \"rank\"",
            "Ranking.ranking[0]: property rank_no is not in the schema"
        ]
    );
}
