//! `evaluate --monte-carlo`, `sensitivity` and `optimize` through the binary.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::process::Command;

fn run(args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_avfallskalkyl"))
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn dec(v: &serde_json::Value) -> rust_decimal::Decimal {
    v.as_str().unwrap().parse().unwrap()
}

#[test]
fn same_seed_gives_byte_identical_json_and_ordered_bands() {
    let args = [
        "evaluate",
        "examples/sjuharad.csv",
        "--format",
        "json",
        "--monte-carlo",
        "2000",
        "--seed",
        "7",
    ];
    let a = run(&args);
    assert_eq!(a, run(&args));
    let other = run(&[
        "evaluate",
        "examples/sjuharad.csv",
        "--format",
        "json",
        "--monte-carlo",
        "2000",
        "--seed",
        "8",
    ]);
    assert_ne!(a, other);
    let v: serde_json::Value = serde_json::from_slice(&a).unwrap();
    let t = &v["monte_carlo"]["total"]["co2e_saved_kg_cumulative"];
    assert!(dec(&t["p5"]) < dec(&t["p50"]) && dec(&t["p50"]) < dec(&t["p95"]));
    // The central result lies inside the 5–95 % band.
    let central = dec(&v["totals"]["co2e_saved_kg_cumulative"]["central"]);
    assert!(
        dec(&t["p5"]) < central && central < dec(&t["p95"]),
        "{central}"
    );
    assert_eq!(v["monte_carlo"]["draws"], 2000);
}

#[test]
fn optimize_stays_within_budget() {
    let out = run(&[
        "optimize",
        "examples/sjuharad.csv",
        "--budget-sek",
        "1000000",
        "--budget-sek-per-year",
        "2000000",
        "--steps",
        "4",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let plan = &v[0]["plan"];
    assert!(dec(&plan["cost_once"]) <= rust_decimal::Decimal::from(1_000_000));
    assert!(dec(&plan["cost_per_year"]) <= rust_decimal::Decimal::from(2_000_000));
    assert!(!plan["chosen"].as_array().unwrap().is_empty());
}

#[test]
fn sensitivity_lists_the_largest_swing_first() {
    let out = run(&["sensitivity", "examples/sjuharad.csv", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let rows = v[0]["sensitivity"]["co2e"].as_array().unwrap();
    let width = |r: &serde_json::Value| (dec(&r["at_high"]) - dec(&r["at_low"])).abs();
    assert!(rows.windows(2).all(|w| width(&w[0]) >= width(&w[1])));
}
