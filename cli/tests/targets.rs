//! `avfallskalkyl targets` through the binary, on `tests/targets/` (issue 12). The numbers
//! are worked by hand:
//!
//! - food waste per inhabitant: prevention reaches 15 kg per inhabitant and takes half:
//!   7.5 kg. Borås 15 → 7.5 (target 7.5, gap 0; its 2024 actual 12.5 is on the path
//!   15 − 7.5 × 3/9); Mark's own base 16 → 8.5 (target 8, gap 0.5; its 2024 actual 14 is
//!   above the path 16 − 8 × 3/9 = 13.33: behind).
//! - biogas share of household food, counting what is sent to digestion (before the yield's
//!   rejects): Borås's own figures, 5 000 t, 70 % digested; sorting sends half of the 30 %
//!   incinerated: 70 + 30 × 0.5 = 85 %. Mark, built-in 40 %: 40 + 60 × 0.5 = 70 %.
//! - least-cost packages for Mark (steps of 25 %, plan 2021–2030 = 10 years): prevention at
//!   75 % (16 − 11.25 = 4.75 ≤ 8) for 0.75 × 5 SEK × 35 155 × 10 = 1 318 312.5 SEK; sorting
//!   at 75 % (40 + 60 × 0.75 = 85 ≥ 80; 50 % gives 70) for 0.75 × (2 + 5 × 10) × 35 155 =
//!   1 371 045 SEK.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::process::Command;

fn run(extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "targets",
        "tests/targets/scenario.csv",
        "--period",
        "2021-2030",
        "--baseline",
        "tests/targets/egna_siffror.csv",
        "--targets",
        "tests/targets/mal.csv",
        "--actuals",
        "tests/targets/utfall.csv",
    ];
    args.extend_from_slice(extra);
    Command::new(env!("CARGO_BIN_EXE_avfallskalkyl"))
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .args(&args)
        .output()
        .unwrap()
}

fn stdout(extra: &[&str]) -> String {
    let out = run(extra);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn table_in_swedish() {
    let expected = r#"
scenario: mål och uppföljning
mål      kommun  enhet   basår  basvärde  basvärde från           målår   mål  prognos   gap  status
-------  ------  ------  -----  --------  ----------------------  -----  ----  -------  ----  ------
halvera  Borås   kg/inv   2021      15,0  målet                    2030   7,5      7,5   0,0  I fas
halvera  Mark    kg/inv   2021      16,0  kommunens basvärde       2030   8,0      8,5   0,5  Efter
biogas   Borås   %        2021      70,0  modellen, egna siffror   2030  80,0     86,5  -6,5  I fas
biogas   Mark    %        2021      40,0  modellen                 2030  80,0     73,0   7,0  Efter
Gap: hur långt prognosen är från målet målåret (positivt: målet nås inte). Status: senaste utfallet mot den raka linjen från basvärdet till målet, utan utfall prognosen (docs/targets.sv.md).

Åtgärdernas bidrag målåret:
  halvera, Borås: food_households -7,5 kg/inv
  halvera, Mark: food_households -7,5 kg/inv
  biogas, Borås: duty_food_waste_collection +3,0 %, food_waste_sorting +13,5 %
  biogas, Mark: duty_food_waste_collection +6,0 %, food_waste_sorting +27,0 %

Billigaste paket som når målet (katalogens åtgärder på målets avfallspooler, 0–100 % effekt; engångs- + löpande kostnad över planperioden):
  halvera, Mark: 1 318 313 kr: food_households 75 % (prognos 4,8)
  biogas, Mark: 1 371 045 kr: food_waste_sorting 75 % (prognos 86,5)

Kommunens egna siffror (ersätter standardvärdena):
  Borås, household_food: Borås Energi och Miljö, plockanalys 2023 (exempel) (2023)

Per invånare och år vid full effekt:
kommun  invånare  kg avfall flyttat  kg CO2e  kr kommunen  kr samhället
------  --------  -----------------  -------  -----------  ------------
Borås    114 872               12,4     15,4           -2           298
Mark      35 155               20,6     16,0           -1           299
"#;
    assert_eq!(
        stdout(&["--close-gap", "--steps", "4"]),
        expected.trim_start()
    );
}

#[test]
fn csv_in_english() {
    let expected = "\
scenario,target,municipality,indicator,unit,base_year,base_value,base_from,target_year,target_value,projected_value,gap,status,own_figures,contributions
scenario,halvera,Borås,food_waste_kg_per_inhabitant,kg/inhabitant,2021,15,target,2030,7.5,7.5,0,On track,household_food,duty_food_waste_collection=0|food_households=-7.5|food_waste_sorting=0
scenario,halvera,Mark,food_waste_kg_per_inhabitant,kg/inhabitant,2021,16,municipality's base,2030,8,8.5,0.5,Behind,,duty_food_waste_collection=0|food_households=-7.5|food_waste_sorting=0
scenario,biogas,Borås,food_waste_to_biogas_pct,%,2021,70,\"model, own figures\",2030,80,86.5,-6.5,On track,household_food,duty_food_waste_collection=3|food_households=0|food_waste_sorting=13.5
scenario,biogas,Mark,food_waste_to_biogas_pct,%,2021,40,model,2030,80,73,7,Behind,,duty_food_waste_collection=6|food_households=0|food_waste_sorting=27
";
    assert_eq!(
        stdout(&["--lang", "en", "--format", "csv", "--csv-dialect", "plain"]),
        expected
    );
}

#[test]
fn json_per_target_and_municipality() {
    let v: serde_json::Value = serde_json::from_str(&stdout(&[
        "--format",
        "json",
        "--close-gap",
        "--steps",
        "4",
    ]))
    .unwrap();
    let rows = v[0]["progress"].as_array().unwrap();
    let pick = |r: &serde_json::Value| {
        [
            "target",
            "municipality",
            "base_year",
            "base_value",
            "base_from",
            "target_year",
            "target_value",
            "projected_value",
            "gap",
            "status",
        ]
        .iter()
        .map(|k| r[*k].to_string())
        .collect::<Vec<_>>()
        .join(" ")
    };
    let got: Vec<String> = rows.iter().map(pick).collect();
    assert_eq!(
        got,
        [
            r#""halvera" "1490" 2021 "15" "target" 2030 "7.5" "7.5" "0" "on_track""#,
            r#""halvera" "1463" 2021 "16" "municipality" 2030 "8" "8.5" "0.5" "behind""#,
            r#""biogas" "1490" 2021 "70" "model_own_figures" 2030 "80" "86.5" "-6.5" "on_track""#,
            r#""biogas" "1463" 2021 "40" "model" 2030 "80" "73" "7" "behind""#,
        ]
    );
    // The legal duty of the reference path acts first and adds nothing to this target.
    assert_eq!(
        rows[0]["contributions"][0]["measure"],
        "duty_food_waste_collection"
    );
    assert_eq!(rows[0]["contributions"][0]["change"], "0");
    assert_eq!(rows[0]["contributions"][1]["measure"], "food_households");
    assert_eq!(rows[0]["contributions"][1]["change"], "-7.5");
    assert_eq!(rows[0]["actual_gap"], "0");
    assert_eq!(rows[0]["own_figures"][0], "household_food");
    assert_eq!(rows[1]["close_gap"]["cost_sek"], "1318312.5");
    assert_eq!(rows[1]["close_gap"]["chosen"][0]["level"], "0.75");
    assert_eq!(rows[3]["close_gap"]["cost_sek"], "1371045");
    // 40 % + the duty's 10 % of the 60 % incinerated (6) + 75 % of the 54 left (40.5).
    assert_eq!(rows[3]["close_gap"]["projected_value"], "86.5");
    // 2021–2030, and the actual in its year.
    let years = rows[0]["years"].as_array().unwrap();
    assert_eq!(years.len(), 10);
    assert_eq!(years[3]["year"], 2024);
    assert_eq!(years[3]["path"], "12.5");
    assert_eq!(years[3]["actual"], "12.5");
    // Per inhabitant: Mark's plan moves 7.5 + 0.5 × (33.6 − 4.5) × (1 − 0.1) = 20.595 kg per
    // inhabitant: the legal duty (food-waste collection) sends 10 % of what prevention left
    // in the residual bin to digestion before the plan's sorting acts.
    assert_eq!(v[0]["per_inhabitant"][1]["municipality"], "1463");
    let kg: rust_decimal::Decimal = v[0]["per_inhabitant"][1]["kg_moved"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(kg.round_dp(9).normalize().to_string(), "20.595");
}

#[test]
fn a_bad_baseline_file_names_line_and_column_and_exits_2() {
    let dir = std::env::temp_dir().join(format!("avfallskalkyl-targets-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("egna.csv");
    // Windows-1252 with CRLF, as older Excel saves it.
    std::fs::write(
        &bad,
        b"kommun;pool;\xe5r;ton;k\xe4lla\r\nBor\xe5s;houshold_food;2023;5000;x\r\nMark;household_food;2023;5000;\r\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_avfallskalkyl"))
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .args(["targets", "tests/targets/scenario.csv", "--baseline"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let p = bad.display();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "{p}: rad 2, kolumn 'pool': okänd avfallspool 'houshold_food'; menade du 'household_food'?\n\
             {p}: rad 3, kolumn 'källa': källan är tom: ange varifrån siffrorna kommer\n\
             2 fel i {p}\n"
        )
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn built_in_goals_by_default() {
    let out = Command::new(env!("CARGO_BIN_EXE_avfallskalkyl"))
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .args([
            "targets",
            "tests/targets/scenario.csv",
            "--format",
            "csv",
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    // The header and 3 goals × 2 municipalities.
    assert_eq!(text.lines().count(), 7, "{text}");
    for id in [
        "food_waste_halved",
        "kitchen_food_waste_35g",
        "food_to_biogas_60pct",
    ] {
        assert!(text.contains(id), "{id}");
    }
}

/// `--baseline` works for every scenario command: Borås's own 5 000 t replace the built-in
/// 56 kg × 114 872 inhabitants; Mark keeps 56 kg × 35 155 = 1 968.68 t; stderr says which
/// own figures were used.
#[test]
fn evaluate_uses_own_figures_and_says_so() {
    let out = Command::new(env!("CARGO_BIN_EXE_avfallskalkyl"))
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .args([
            "evaluate",
            "tests/targets/scenario.csv",
            "--baseline",
            "tests/targets/egna_siffror.csv",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "egna siffror i stället för standardvärdena: Borås, household_food: Borås Energi och Miljö, plockanalys 2023 (exempel) (2023)\n"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let v = if v.is_array() { v[0].clone() } else { v };
    let pools: Vec<(String, String)> = v["measures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["municipality"].as_str().unwrap().to_string(),
                m["pool_tonnes_per_year"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        pools,
        [
            ("Borås".to_string(), "5000".to_string()),
            ("Borås".to_string(), "5000".to_string()),
            ("Mark".to_string(), "1968.68".to_string()),
            ("Mark".to_string(), "1968.68".to_string()),
        ]
    );
}

/// `--close-gap --steps` takes 1–20 as `optimize --steps` does: 0 was taken as 1 and 21 as
/// 20 without a word.
#[test]
fn close_gap_steps_outside_one_to_twenty_are_refused() {
    for (steps, message) in [
        ("0", "steps must be between 1 and 20, not 0\n"),
        ("21", "steps must be between 1 and 20, not 21\n"),
    ] {
        let out = run(&["--close-gap", "--steps", steps]);
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(String::from_utf8(out.stderr).unwrap(), message);
    }
}
