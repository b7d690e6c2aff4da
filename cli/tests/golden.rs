//! Golden runs of the `avfallskalkyl` binary: stdout, stderr and exit code compared with
//! the files in `tests/golden/` at the workspace root. `UPDATE_GOLDEN=1 cargo test -p cli`
//! rewrites them; review the diff before committing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_avfallskalkyl"))
        .args(args)
        .current_dir(root())
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("the binary runs")
}

/// Runs the binary and compares with `tests/golden/NAME.{stdout,stderr}` and the code.
fn golden(name: &str, args: &[&str], code: i32) {
    let out = run(args);
    let dir = root().join("tests/golden");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    assert_eq!(
        out.status.code(),
        Some(code),
        "{name}: exit code; stderr:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for (ext, actual) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        let path = dir.join(format!("{name}.{ext}"));
        if update {
            if actual.is_empty() {
                let _ = std::fs::remove_file(&path);
            } else {
                std::fs::write(&path, actual).unwrap();
            }
            continue;
        }
        let expected = std::fs::read(&path).unwrap_or_default();
        if expected != *actual {
            panic!(
                "{name}.{ext} differs from {} (UPDATE_GOLDEN=1 rewrites it)\n--- expected\n{}\n--- actual\n{}",
                path.display(),
                String::from_utf8_lossy(&expected),
                String::from_utf8_lossy(actual)
            );
        }
    }
}

#[test]
fn evaluate_table_sv() {
    golden(
        "evaluate_sjuharad_sv",
        &["evaluate", "examples/sjuharad.csv", "--lang", "sv"],
        0,
    );
}

#[test]
fn evaluate_table_en_detail() {
    golden(
        "evaluate_windows1252_en_detail",
        &[
            "evaluate",
            "examples/windows1252.csv",
            "--lang",
            "en",
            "--detail",
        ],
        0,
    );
}

#[test]
fn evaluate_csv_same_dialect_as_input() {
    golden(
        "evaluate_excel_sv_export_csv",
        &[
            "evaluate",
            "examples/excel_sv_export.csv",
            "--format",
            "csv",
            "--lang",
            "sv",
        ],
        0,
    );
}

#[test]
fn evaluate_csv_plain_en() {
    golden(
        "evaluate_sjuharad_csv_en",
        &[
            "evaluate",
            "examples/sjuharad.csv",
            "--format",
            "csv",
            "--csv-dialect",
            "plain",
            "--lang",
            "en",
        ],
        0,
    );
}

#[test]
fn evaluate_json() {
    golden(
        "evaluate_sjuharad_json",
        &["evaluate", "examples/sjuharad.csv", "--format", "json"],
        0,
    );
}

#[test]
fn evaluate_json_several_scenarios() {
    golden(
        "evaluate_excel_sv_export_json",
        &[
            "evaluate",
            "examples/excel_sv_export.csv",
            "--format",
            "json",
            "--period",
            "2025-2030",
            "--discount-rate",
            "4",
        ],
        0,
    );
}

#[test]
fn evaluate_older_factor_set() {
    golden(
        "evaluate_windows1252_set_2024",
        &[
            "evaluate",
            "examples/windows1252.csv",
            "--factor-set",
            "sjuharad-2024",
            "--lang",
            "en",
        ],
        0,
    );
}

#[test]
fn rank_by_each_key() {
    golden(
        "rank_cost_per_tonne_en",
        &[
            "rank",
            "examples/sjuharad.csv",
            "--by",
            "cost-per-tonne",
            "--lang",
            "en",
        ],
        0,
    );
    golden(
        "rank_co2e_sv",
        &["rank", "examples/sjuharad.csv", "--by", "co2e"],
        0,
    );
    golden(
        "rank_sek_csv",
        &[
            "rank",
            "examples/excel_sv_export.csv",
            "--by",
            "sek",
            "--format",
            "csv",
        ],
        0,
    );
}

#[test]
fn listings() {
    golden("measures_sv", &["measures"], 0);
    golden(
        "measures_en_csv",
        &[
            "measures",
            "--lang",
            "en",
            "--format",
            "csv",
            "--csv-dialect",
            "plain",
        ],
        0,
    );
    golden("municipalities_sv", &["municipalities"], 0);
    golden(
        "municipalities_json",
        &["municipalities", "--format", "json"],
        0,
    );
    golden("factors_en", &["factors", "--lang", "en"], 0);
    golden("template_sv", &["template"], 0);
    golden(
        "template_en_plain",
        &["template", "--lang", "en", "--csv-dialect", "plain"],
        0,
    );
}

#[test]
fn input_errors_exit_2_with_every_problem() {
    golden(
        "errors_sv",
        &["evaluate", "tests/golden/inputs/errors.csv"],
        2,
    );
    golden(
        "errors_en",
        &["evaluate", "tests/golden/inputs/errors.csv", "--lang", "en"],
        2,
    );
    golden(
        "errors_keep_valid",
        &[
            "evaluate",
            "tests/golden/inputs/errors.csv",
            "--lang",
            "en",
            "--keep-valid",
        ],
        0,
    );
    golden(
        "missing_column",
        &[
            "evaluate",
            "tests/golden/inputs/missing_column.csv",
            "--lang",
            "en",
        ],
        2,
    );
    golden(
        "unknown_factor_set",
        &[
            "evaluate",
            "examples/sjuharad.csv",
            "--factor-set",
            "nope",
            "--lang",
            "en",
        ],
        2,
    );
}

#[test]
fn missing_file_is_an_input_error_without_backtrace() {
    let out = run(&["evaluate", "does/not/exist.csv", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("error: does/not/exist.csv: "), "{err}");
    assert!(
        !err.contains("panicked") && !err.contains("backtrace"),
        "{err}"
    );
}

#[test]
fn bad_usage_exits_2() {
    let out = run(&["evaluate"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["rank", "examples/sjuharad.csv", "--by", "colour"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn help_is_plain_language() {
    let out = run(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8_lossy(&out.stdout);
    for word in [
        "evaluate",
        "rank",
        "measures",
        "factors",
        "municipalities",
        "template",
    ] {
        assert!(help.contains(word), "{help}");
    }
    let out = run(&["evaluate", "--help"]);
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains("--factors <FILE.csv>") && help.contains("--keep-valid"),
        "{help}"
    );
}

fn json(out: &Output) -> serde_json::Value {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The factor CSV `factors --format csv` writes is accepted back by `--factors` unchanged
/// and gives the same results, in both dialects.
#[test]
fn factor_csv_round_trips_through_the_cli() {
    let dir = std::env::temp_dir().join(format!("avfallskalkyl-golden-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let builtin = json(&run(&[
        "evaluate",
        "examples/sjuharad.csv",
        "--format",
        "json",
    ]));
    for dialect in ["excel-sv", "plain", "windows1252"] {
        let file = dir.join(format!("factors-{dialect}.csv"));
        let f = file.to_str().unwrap();
        let out = run(&[
            "factors",
            "--format",
            "csv",
            "--csv-dialect",
            dialect,
            "--out",
            f,
        ]);
        assert_eq!(out.status.code(), Some(0));
        for replace in [true, false] {
            let mut args = vec![
                "evaluate",
                "examples/sjuharad.csv",
                "--format",
                "json",
                "--factors",
                f,
            ];
            if replace {
                args.push("--replace-factors");
            }
            let mine = json(&run(&args));
            assert_eq!(
                mine["totals"], builtin["totals"],
                "{dialect} replace={replace}"
            );
            assert_eq!(
                mine["measures"], builtin["measures"],
                "{dialect} replace={replace}"
            );
            assert_ne!(mine["factor_set"], builtin["factor_set"]);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The template is a valid scenario file with every measure in all eight municipalities.
#[test]
fn template_evaluates() {
    let dir = std::env::temp_dir().join(format!("avfallskalkyl-template-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("template.csv");
    let out = run(&["template", "--out", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let v = json(&run(&[
        "evaluate",
        file.to_str().unwrap(),
        "--format",
        "json",
    ]));
    let measures = v["measures"].as_array().unwrap();
    let catalogue = factors::builtin().unwrap();
    assert_eq!(measures.len(), catalogue.measures.len() * 8);
    assert_eq!(v["by_municipality"].as_array().unwrap().len(), 8);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn contributions_of_the_default_scenario() {
    golden("contributions_sv", &["contributions"], 0);
    golden(
        "contributions_en_csv",
        &[
            "contributions",
            "--lang",
            "en",
            "--format",
            "csv",
            "--csv-dialect",
            "plain",
        ],
        0,
    );
    golden(
        "contributions_example_json",
        &["contributions", "examples/sjuharad.csv", "--format", "json"],
        0,
    );
}

/// The JSON list has the fields the issue names, and each split adds up to 100 %.
#[test]
fn contributions_json_shares_add_up() {
    let out = run(&["contributions", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = v.as_array().unwrap();
    for key in [
        "kind",
        "id",
        "source",
        "source_kind",
        "co2e_share_pct",
        "net_sek_share_pct",
    ] {
        assert!(rows.iter().all(|r| r.get(key).is_some()), "{key}");
    }
    for quantity in [false, true] {
        for key in ["co2e_share_pct", "net_sek_share_pct"] {
            let sum: rust_decimal::Decimal = rows
                .iter()
                .filter(|r| (r["kind"] == "quantity") == quantity)
                .map(|r| {
                    r[key]
                        .as_str()
                        .unwrap()
                        .parse::<rust_decimal::Decimal>()
                        .unwrap()
                })
                .sum();
            // Each share is rounded to 6 places, so the sum is 100 within half a millionth
            // per row.
            let n = rows
                .iter()
                .filter(|r| (r["kind"] == "quantity") == quantity)
                .count();
            assert!(
                (sum - rust_decimal::Decimal::ONE_HUNDRED).abs()
                    <= rust_decimal::Decimal::new(5, 7) * rust_decimal::Decimal::from(n),
                "{key} {quantity}: {sum}"
            );
        }
    }
}

/// A CRLF file (Excel on Windows) reports the physical line, as Excel numbers its rows.
#[test]
fn crlf_file_reports_the_physical_line() {
    let dir = std::env::temp_dir().join(format!("avfallskalkyl-crlf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("plan.csv");
    let lf = "kommun;åtgärd;effekt_procent\nBorås;food_school_kitchens;50\nBorås;food_school_kitchen;50\nMark;textile_collection;abc\n";
    for eol in ["\n", "\r\n"] {
        std::fs::write(&file, lf.replace('\n', eol)).unwrap();
        let out = run(&["evaluate", file.to_str().unwrap(), "--lang", "en"]);
        assert_eq!(out.status.code(), Some(2));
        let f = file.display();
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            format!(
                "{f}: line 3, column 'åtgärd': unknown measure 'food_school_kitchen'; did you mean 'food_school_kitchens'?\n\
                 {f}: line 4, column 'effekt_procent': 'abc' is not a number\n\
                 2 problem(s) in {f}; nothing was imported (--keep-valid imports the rows without problems)\n"
            ),
            "{eol:?}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A write to `--out` that fails exits non-zero and names the path and the reason.
#[test]
fn failed_out_write_exits_2_with_path_and_reason() {
    let out = run(&[
        "evaluate",
        "examples/sjuharad.csv",
        "--out",
        "does/not/exist/out.csv",
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: does/not/exist/out.csv: No such file or directory (os error 2)\n"
    );
    let out = run(&["template", "--out", "does/not/exist/t.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "fel: does/not/exist/t.csv: No such file or directory (os error 2)\n"
    );
}

/// A scenario name that is a formula is written as text into the results CSV, and the
/// written file reads back with the original name.
#[test]
fn formula_names_are_neutralised_in_csv_output() {
    let dir = std::env::temp_dir().join(format!("avfallskalkyl-inject-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("plan.csv");
    std::fs::write(
        &file,
        "scenario;kommun;åtgärd\n\"=HYPERLINK(\"\"http://x\"\";\"\"a\"\")\";Borås;food_school_kitchens\n@SUM(1);Borås;textile_collection\n",
    )
    .unwrap();
    let out = run(&["evaluate", file.to_str().unwrap(), "--format", "csv"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    let firsts: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.split(';').next().unwrap())
        .collect();
    assert!(firsts.contains(&"\"'=HYPERLINK(\"\"http://x\"\""), "{text}");
    assert!(firsts.contains(&"'@SUM(1)"), "{text}");
    assert!(
        !text
            .lines()
            .any(|l| l.starts_with('=') || l.starts_with('@'))
    );
    let out = run(&["evaluate", file.to_str().unwrap(), "--format", "json"]);
    let v = json(&out);
    assert_eq!(v[0]["scenario"], "=HYPERLINK(\"http://x\";\"a\")");
    assert_eq!(v[1]["scenario"], "@SUM(1)");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `evaluate` writes CSV and JSON scenario by scenario (issue 16). The file written with
/// `--out` is byte for byte what goes to stdout, in each CSV dialect (Windows-1252
/// encoded part by part, the BOM once) and as a JSON array of several scenarios; it
/// replaces an existing file, and no `.partial` file is left behind.
#[test]
fn streamed_out_file_equals_stdout() {
    let dir = std::env::temp_dir().join(format!("avfallskalkyl-stream-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases: [&[&str]; 4] = [
        &["--format", "csv", "--csv-dialect", "windows1252"],
        &["--format", "csv", "--csv-dialect", "excel-sv"],
        &["--format", "csv", "--csv-dialect", "plain", "--lang", "en"],
        &["--format", "json"],
    ];
    for (i, extra) in cases.iter().enumerate() {
        let file = dir.join(format!("out-{i}"));
        std::fs::write(&file, "old content").unwrap();
        let mut args = vec!["evaluate", "examples/excel_sv_export.csv"];
        args.extend_from_slice(extra);
        let stdout = run(&args);
        assert_eq!(stdout.status.code(), Some(0), "{extra:?}");
        args.extend(["--out", file.to_str().unwrap()]);
        let to_file = run(&args);
        assert_eq!(to_file.status.code(), Some(0), "{extra:?}");
        assert!(to_file.stdout.is_empty());
        let written = std::fs::read(&file).unwrap();
        assert_eq!(written, stdout.stdout, "{extra:?}");
        assert!(!dir.join(format!("out-{i}.partial")).exists());
    }
    // Windows-1252: "Borås" is one byte per character and no BOM is written.
    let w = std::fs::read(dir.join("out-0")).unwrap();
    assert!(!w.starts_with(b"\xEF\xBB\xBF"));
    assert!(w.windows(5).any(|x| x == b"Bor\xE5s"));
    // Excel (sv): exactly one BOM, at the start.
    let x = std::fs::read(dir.join("out-1")).unwrap();
    assert!(x.starts_with(b"\xEF\xBB\xBF"));
    assert_eq!(x.windows(3).filter(|b| *b == b"\xEF\xBB\xBF").count(), 1);
    // JSON of several scenarios is one array.
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("out-3")).unwrap()).unwrap();
    assert!(v.as_array().is_some_and(|a| a.len() > 1), "{v}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Issue 12: results that rest on a municipality's own figures say so, in every format,
/// next to the figures per inhabitant.
#[test]
fn own_figures_are_marked_in_evaluate_output() {
    let args = |format: &'static str| {
        [
            "evaluate",
            "tests/targets/scenario.csv",
            "--baseline",
            "tests/targets/egna_siffror.csv",
            "--format",
            format,
        ]
    };
    golden("evaluate_own_figures_sv", &args("table"), 0);
    golden("evaluate_own_figures_csv", &args("csv"), 0);
    let doc = json(&run(&args("json")));
    let measures = doc["measures"].as_array().unwrap();
    let own: Vec<(&str, &serde_json::Value)> = measures
        .iter()
        .map(|m| (m["municipality"].as_str().unwrap(), &m["own_figures"]))
        .collect();
    // Borås's food-waste items rest on its file (5 000 t, 2023); Mark's on the defaults.
    for (town, o) in &own {
        match *town {
            "Borås" => {
                assert_eq!(o["year"], 2023);
                assert_eq!(
                    o["source"],
                    "Borås Energi och Miljö, plockanalys 2023 (exempel)"
                );
            }
            _ => assert!(o.is_null(), "{town}: {o}"),
        }
    }
    let boras = measures
        .iter()
        .find(|m| m["municipality"] == "Borås" && m["measure"] == "food_waste_sorting")
        .unwrap();
    assert_eq!(boras["pool_tonnes_per_year"], "5000");
    // Per inhabitant = the item's figure / Borås's 114 872 inhabitants, rounded to 6 places
    // (the JSON's places for figures per inhabitant).
    let per = &boras["per_inhabitant"];
    assert_eq!(per["population"], 114872);
    let kg_moved: rust_decimal::Decimal = per["kg_moved"].as_str().unwrap().parse().unwrap();
    let tonnes: rust_decimal::Decimal = boras["tonnes_shifted_per_year"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(
        kg_moved,
        (tonnes * rust_decimal::Decimal::from(1000) / rust_decimal::Decimal::from(114872))
            .round_dp_with_strategy(6, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
    );
}
