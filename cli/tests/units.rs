//! Issue 26 through the CLI: `evaluate --by unit`, `rank --unit`, and a municipality
//! outside Sjuhärad with `--municipalities`, its figures checked by hand against the
//! national per-inhabitant defaults.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use rust_decimal::Decimal;
use std::path::PathBuf;
use std::process::Command;

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_avfallskalkyl"))
        .args(args)
        .output()
        .unwrap()
}

fn dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("avfallskalkyl-units-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn file(name: &str, text: &str) -> String {
    let path = dir().join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

/// The default scenario, written once per test (tests run in parallel: one file each).
fn template(name: &str) -> String {
    let path = dir().join(format!("{name}.csv"));
    std::fs::write(&path, run(&["template"]).stdout).unwrap();
    path.to_str().unwrap().to_string()
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = run(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn d(v: &serde_json::Value) -> Decimal {
    v.as_str().unwrap().parse().unwrap()
}

fn stderr_lines(out: &std::process::Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn by_unit_groups_the_default_scenario_and_its_shares_add_up_to_one() {
    let f = template("by_unit_alla");
    let units = json(&["evaluate", &f, "--by", "unit", "--format", "json"]);
    let results = json(&["evaluate", &f, "--format", "json"]);
    let list = units["units"].as_array().unwrap();
    assert_eq!(list.len(), 12);
    assert_eq!(list[0]["unit"], "kost");
    assert_eq!(list[0]["name_en"], "Meal services");
    // Every measure has one lead unit, so the shares from the lead units add up to 1.
    let sum: Decimal = list
        .iter()
        .filter_map(|u| u["share_of_total"].as_str())
        .map(|s| s.parse::<Decimal>().unwrap())
        .sum();
    assert_eq!(sum.round_dp(9), dec("1"));
    // kost leads the three kitchen measures: its led CO2e is their sum in the ordinary
    // results, and its share is that sum over the plan's total.
    let by_measure = results["by_measure"].as_array().unwrap();
    let co2e = |id: &str| {
        by_measure
            .iter()
            .find(|m| m["key"] == id)
            .map(|m| d(&m["co2e_saved_kg_per_year"]["central"]))
            .unwrap()
    };
    let kitchens = co2e("food_school_kitchens")
        + co2e("food_elderly_kitchens")
        + co2e("food_preschool_kitchens");
    let kost = &list[0];
    assert_eq!(
        d(&kost["led"]["co2e_saved_kg_per_year"]["central"]),
        kitchens
    );
    let total = d(&results["totals"]["co2e_saved_kg_per_year"]["central"]);
    assert_eq!(d(&kost["share_of_total"]), (kitchens / total).normalize());
    // Carried: the kitchens and single use, to which kost contributes.
    let carried = kitchens + co2e("single_use_municipal");
    assert_eq!(
        d(&kost["carried"]["co2e_saved_kg_per_year"]["central"]),
        carried
    );
    let roles: Vec<(&str, &str)> = kost["measures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["measure"].as_str().unwrap(), m["role"].as_str().unwrap()))
        .collect();
    assert_eq!(
        roles,
        [
            ("food_school_kitchens", "lead"),
            ("food_elderly_kitchens", "lead"),
            ("food_preschool_kitchens", "lead"),
            ("single_use_municipal", "contributing"),
        ]
    );
    // Six years, and the kitchen target in all eight municipalities.
    assert_eq!(kost["by_year"].as_array().unwrap().len(), 6);
    let kitchen_rows = kost["targets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["target"] == "kitchen_food_waste_35g")
        .count();
    assert_eq!(kitchen_rows, 8);
    // The table says the same share (4,1 % in Swedish, one decimal).
    let table = String::from_utf8(run(&["evaluate", &f, "--by", "unit"]).stdout).unwrap();
    let share = (kitchens / total * dec("100")).round_dp(1);
    let line = table.lines().find(|l| l.starts_with("kost ")).unwrap();
    assert!(
        line.contains(&format!("{} %", share.to_string().replace('.', ","))),
        "{line}"
    );
}

#[test]
fn rank_unit_ranks_the_units_measures_among_themselves() {
    let f = template("rank_unit_alla");
    let r = json(&[
        "rank",
        &f,
        "--unit",
        "kost",
        "--by",
        "cost-per-tonne",
        "--format",
        "json",
    ]);
    assert_eq!(r["unit"], "kost");
    let ranked: Vec<(u64, &str)> = r["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| (x["rank"].as_u64().unwrap(), x["measure"].as_str().unwrap()))
        .collect();
    assert_eq!(ranked.len(), 4);
    assert_eq!(
        ranked.iter().map(|(r, _)| *r).collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );
    let mut ids: Vec<&str> = ranked.iter().map(|(_, m)| *m).collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        [
            "food_elderly_kitchens",
            "food_preschool_kitchens",
            "food_school_kitchens",
            "single_use_municipal"
        ]
    );
    // Cheapest first.
    let costs: Vec<Decimal> = r["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| d(&x["cost_per_tonne_co2e"]))
        .collect();
    assert!(costs.windows(2).all(|w| w[0] <= w[1]), "{costs:?}");
    // Without --unit, no unit field.
    let all = json(&["rank", &f, "--format", "json"]);
    assert!(all.get("unit").is_none());
}

#[test]
fn an_unknown_unit_is_an_error_that_names_the_known_ones() {
    let f = template("unknown_unit_alla");
    let out = run(&["rank", &f, "--unit", "kosst", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr_lines(&out),
        [
            "error: --unit 'kosst': unknown unit (did you mean 'kost'?); known: kost, skola, omsorg, fastighet, bygg, it, upphandling, avfall, miljo, kommunikation, naring, planering"
        ]
    );
    let out = run(&["rank", &f, "--unit", "ekonomi"]);
    assert_eq!(
        stderr_lines(&out),
        [
            "fel: --unit 'ekonomi': okänd verksamhet; finns: kost, skola, omsorg, fastighet, bygg, it, upphandling, avfall, miljo, kommunikation, naring, planering"
        ]
    );
}

#[test]
fn municipalities_file_errors_on_their_line_and_column() {
    let scenario = file("umea_scenario.csv", "kommun;åtgärd\nUmeå;food_households\n");
    let bad = file(
        "bad_municipalities.csv",
        "kommunkod;namn;folkmangd;datum;kalla\n\
         2480;Luleå;100000;2024-12-31;SCB\n\
         9999;;5000;2024-12-31;SCB\n\
         1280;Malmö;;2024-12-31;SCB\n\
         0180;Stockholm;0;2024-12-31;SCB\n\
         1480;Göteborg;600000;2019-12-31;SCB\n\
         0380;Uppsala;250000;31/12/2024;SCB\n",
    );
    let out = run(&[
        "evaluate",
        &scenario,
        "--municipalities",
        &bad,
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let expected: Vec<String> = [
        "line 2, column 'namn': 'Luleå' is not the name of this SCB code: SCB's list names it 'Umeå'",
        "line 3, column 'kommunkod': unknown municipality '9999'; did you mean '1499'?",
        "line 4, column 'folkmangd': a value is required",
        "line 5, column 'folkmangd': '0' must be a whole number above 0",
        "line 6, column 'datum': the population date '2019-12-31' is outside the plan period: give a figure from 2024-01-01 to 2030-12-31",
        "line 7, column 'datum': '31/12/2024' is not a date written as YYYY-MM-DD, e.g. 2024-12-31",
    ]
    .iter()
    .map(|m| format!("{bad}: {m}"))
    .chain([format!("6 problem(s) in {bad}")])
    .collect();
    assert_eq!(stderr_lines(&out), expected);
    // The plan period moves the allowed dates: 2019-12-31 is fine for 2020–2030.
    let ok = file(
        "goteborg_2019.csv",
        "kommunkod;namn;folkmangd;datum;kalla\n1480;Göteborg;600000;2019-12-31;SCB\n",
    );
    let g = file(
        "goteborg_scenario.csv",
        "kommun;åtgärd\n1480;food_households\n",
    );
    let out = run(&[
        "evaluate",
        &g,
        "--municipalities",
        &ok,
        "--period",
        "2020-2030",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // "Sjuhärad" in a scenario means the plan's eight, not a municipality added with
    // --municipalities: eight items, Göteborg not among them.
    let all = file(
        "sjuharad_row.csv",
        "kommun;åtgärd\nSjuhärad;food_households\n",
    );
    let v = json(&[
        "evaluate",
        &all,
        "--municipalities",
        &ok,
        "--period",
        "2020-2030",
        "--format",
        "json",
    ]);
    let codes: Vec<&str> = v["measures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["municipality_code"].as_str().unwrap())
        .collect();
    assert_eq!(codes.len(), 8);
    assert!(!codes.contains(&"1480"));
    // A municipality outside the file and outside Sjuhärad is unknown to the scenario.
    let out = run(&["evaluate", &scenario, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("unknown municipality 'Umeå'"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Umeå (2480) with 100 000 inhabitants and one measure, `food_households` (reduce
/// household food waste), checked by hand against the national defaults in
/// `factors/data` (no Sjuhärad-specific figure enters):
///
/// - quantity: `measures.csv` 15 kg avoidable food waste per inhabitant × 100 000 =
///   1 500 t reachable; expected effect 8 % → 120 t prevented a year = 1.2 kg per
///   inhabitant;
/// - CO2e (`sets/sjuharad-2025.csv`, household_food): the pool's tonnes go 40 % to
///   anaerobic digestion (−70 kg CO2e/t) and 60 % to incineration (0) today
///   (`pool_mixes.csv`), so a tonne prevented (−2 070) saves 2 070 + 0.4 × (−70) = 2 042 kg;
///   120 t × 2 042 = 245 040 kg a year = 2.4504 kg per inhabitant;
/// - money at 2025 prices (KPI 415.51; 2019: 334.26; 2024: 415.15), each factor rounded to
///   öre: households avoid buying food, 40 000 SEK/t (2024) → 40 034.69 SEK/t × 120 t =
///   4 804 162.80 SEK; the waste fee saves treatment, 0.4 × 850 → 1 056.61 and
///   0.6 × 885 → 1 100.12 SEK/t (2019): 120 × (0.4 × 1 056.61 + 0.6 × 1 100.12) =
///   129 925.92 SEK, and pays the running cost 5 SEK × 100 000 = 500 000 SEK:
///   −370 074.08 SEK a year = −3.7007408 SEK per inhabitant for the municipality;
///   society 4 804 162.80 − 370 074.08 = 4 434 088.72 = 44.3408872 SEK per inhabitant.
///
/// Borås (a Sjuhärad municipality, no own figures built in) gets the same figures per
/// inhabitant: both rest on the national defaults.
#[test]
fn a_municipality_outside_sjuharad_gets_the_national_defaults_per_inhabitant() {
    let towns = file(
        "umea.csv",
        "kommunkod;namn;folkmangd;datum;kalla\n2480;Umeå;100 000;2024-12-31;Test figure\n",
    );
    let scenario = file(
        "umea_and_boras.csv",
        "kommun;åtgärd\nUmeå;food_households\nBorås;food_households\n",
    );
    let out = run(&[
        "evaluate",
        &scenario,
        "--municipalities",
        &towns,
        "--format",
        "json",
        "--lang",
        "en",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(
            "municipality outside Sjuhärad: Umeå (2480): 100,000 inhabitants (2024-12-31, Test figure); national per-inhabitant defaults, no built-in targets"
        ),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let item = v["measures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["municipality_code"] == "2480")
        .unwrap();
    assert_eq!(item["municipality"], "Umeå");
    assert_eq!(d(&item["affected_tonnes_per_year"]), dec("1500"));
    assert_eq!(d(&item["tonnes_shifted_per_year"]).round_dp(9), dec("120"));
    assert_eq!(
        d(&item["co2e_saved_kg_per_year"]["central"]).round_dp(9),
        dec("245040")
    );
    let payer = &item["sek_saved_per_year_by_payer"];
    assert_eq!(
        d(&payer["households"]["central"]).round_dp(9),
        dec("4804162.80")
    );
    assert_eq!(
        d(&payer["waste_fee"]["central"]).round_dp(9),
        dec("-370074.08")
    );
    let per = &item["per_inhabitant"];
    assert_eq!(per["population"], 100_000);
    assert_eq!(d(&per["kg_moved"]).round_dp(9), dec("1.2"));
    assert_eq!(d(&per["kg_co2e_saved"]).round_dp(9), dec("2.4504"));
    assert_eq!(
        d(&per["sek_saved_municipality"]).round_dp(9),
        dec("-3.7007408")
    );
    assert_eq!(d(&per["sek_saved_society"]).round_dp(9), dec("44.3408872"));
    // Borås: the same per inhabitant.
    let boras = v["measures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["municipality_code"] == "1490")
        .unwrap();
    for k in ["kg_moved", "kg_co2e_saved", "sek_saved_municipality"] {
        assert_eq!(
            d(&boras["per_inhabitant"][k]).round_dp(12),
            d(&per[k]).round_dp(12),
            "{k}"
        );
    }
    // The targets command: no built-in targets for Umeå, its figures per inhabitant shown.
    let t = json(&[
        "targets",
        &scenario,
        "--municipalities",
        &towns,
        "--format",
        "json",
    ]);
    let doc = &t[0];
    let progress = doc["progress"].as_array().unwrap();
    assert!(!progress.is_empty());
    assert!(progress.iter().all(|p| p["municipality"] != "2480"));
    assert!(progress.iter().any(|p| p["municipality"] == "1490"));
    let per_inh = doc["per_inhabitant"].as_array().unwrap();
    let umea = per_inh
        .iter()
        .find(|p| p["municipality"] == "2480")
        .unwrap();
    assert_eq!(d(&umea["kg_co2e_saved"]).round_dp(9), dec("2.4504"));
}
