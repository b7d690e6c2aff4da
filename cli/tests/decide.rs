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
    // Each figure of the total says whether its 25–75 % band holds the central result,
    // and why not where it does not.
    let agreement = v["monte_carlo"]["agreement"].as_array().unwrap();
    assert_eq!(agreement.len(), 6);
    for a in agreement {
        let (lo, hi) = match a["figure"].as_str().unwrap() {
            "co2e" => (&t["p25"], &t["p75"]),
            _ => continue,
        };
        let inside = dec(lo) <= dec(&a["central"]) && dec(&a["central"]) <= dec(hi);
        assert!(inside || !a["central_in_iqr"].as_bool().unwrap(), "{a}");
        assert_eq!(
            a["reason"].is_null(),
            a["central_in_iqr"].as_bool().unwrap() && a["saving_at_least_even"].as_bool().unwrap()
        );
    }
}

/// The table shows the bands with the central result beside them, and says why where a
/// band does not hold it.
#[test]
fn monte_carlo_table_shows_central_bands_and_reasons() {
    let out = run(&[
        "evaluate",
        "examples/sjuharad.csv",
        "--monte-carlo",
        "500",
        "--lang",
        "en",
    ]);
    let text = String::from_utf8(out).unwrap();
    let at = text
        .find("Monte Carlo over the plan period, 500 draws (seed 1)")
        .unwrap();
    let table = &text[at..];
    for head in ["central", "p5", "p25", "p50", "p75", "p95", "P(saves)"] {
        assert!(table.contains(head), "{head}");
    }
    for figure in [
        "t CO2e",
        "municipality + households, SEK",
        "municipality (fee + budget), SEK",
        "waste fee, SEK",
        "municipal budget, SEK",
        "households, SEK",
    ] {
        assert!(table.contains(figure), "{figure}");
    }
    // A starred figure has its reason on the next line.
    for (i, line) in table.lines().enumerate() {
        if line.ends_with(" *") {
            let next = table.lines().nth(i + 1).unwrap();
            assert!(
                next.trim_start().starts_with("* the central result")
                    || next.contains("a saving is less likely"),
                "{next}"
            );
        }
    }
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
