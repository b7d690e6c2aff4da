//! Issue 21 through the CLI: `--case` and `--include-required-by-law` on the default
//! Sjuhärad scenario (every measure in every municipality, as `template` writes it).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use rust_decimal::Decimal;
use std::process::Command;

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_avfallskalkyl"))
        .args(args)
        .output()
        .unwrap()
}

fn template() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("avfallskalkyl-cases-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("alla.csv");
    std::fs::write(&file, run(&["template"]).stdout).unwrap();
    file
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

fn d(v: &serde_json::Value) -> Decimal {
    v.as_str().unwrap().parse().unwrap()
}

#[test]
fn the_case_and_the_law_in_the_results() {
    let file = template();
    let f = file.to_str().unwrap();
    let expected = json(&["evaluate", f, "--format", "json"]);
    let ambition = json(&["evaluate", f, "--format", "json", "--case", "ambition"]);
    let with_law = json(&[
        "evaluate",
        f,
        "--format",
        "json",
        "--include-required-by-law",
    ]);
    assert_eq!(expected["case"], "expected");
    assert_eq!(ambition["case"], "ambition");
    let co2e = |v: &serde_json::Value| d(&v["totals"]["co2e_saved_kg_per_year"]["central"]);
    // The plan's goals promise more than the evidence expects.
    assert!(co2e(&ambition) > co2e(&expected));
    // What the law requires is reported apart, and counted only when asked: then the
    // totals are exactly the plan's plus the law's (the same items, summed together).
    let law = &expected["required_by_law"];
    assert_eq!(law["included"], false);
    assert_eq!(law["by_duty"].as_array().unwrap().len(), 6);
    let law_kg = d(&law["totals"]["co2e_saved_kg_per_year"]["central"]);
    assert!(law_kg > Decimal::ZERO);
    assert_eq!(with_law["required_by_law"]["included"], true);
    assert_eq!(co2e(&with_law), co2e(&expected) + law_kg);
    // Each item carries its effect's range around the effect.
    let m = &expected["measures"][0];
    assert!(d(&m["effect_low"]) <= d(&m["effect"]) && d(&m["effect"]) <= d(&m["effect_high"]));
    let _ = std::fs::remove_dir_all(file.parent().unwrap());
}

#[test]
fn measures_json_carries_the_effects_and_the_goal() {
    let v = json(&["measures", "--format", "json"]);
    let household = v
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "food_households")
        .unwrap();
    let e = &household["effect"];
    // Expected 8 % (0–21 %) from measured outcomes; the plan's goal is −50 %.
    assert_eq!(
        (d(&e["low"]), d(&e["central"]), d(&e["high"])),
        (Decimal::ZERO, Decimal::new(8, 2), Decimal::new(21, 2))
    );
    assert_eq!(d(&e["goal"]), Decimal::new(5, 1));
    assert!(e["source"].as_str().is_some() && e["goal_source"] == "sjuharad_avfallsplan_2021");
    assert_eq!(household["kind"], "plan");
}
