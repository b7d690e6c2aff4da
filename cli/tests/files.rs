//! Nothing lost, nothing silent: files in, files out (issue 22), through the binary.
//! A quote that never closes, CSV injection in every writer, `--out` that never destroys
//! what was there, bounded work and messages, and the notices the app gives.
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

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A fresh directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("avfallskalkyl-files-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

// 1. A quote that never closes.

#[test]
fn an_unclosed_quote_is_an_error_naming_its_line_not_a_silent_half_import() {
    let dir = scratch("quote");
    let file = write(
        &dir,
        "plan.csv",
        "kommun;åtgärd;kommentar\nBorås;food_households;\"obs\nMark;food_households;\nTranemo;food_households;\n",
    );
    for format in ["csv", "table", "json"] {
        let out = run(&["evaluate", &file, "--format", format, "--lang", "en"]);
        assert_eq!(out.status.code(), Some(2), "{format}");
        assert_eq!(
            stderr(&out),
            format!(
                "{file}: line 2, column 'kommentar': the quote opened here (\"obs) runs on over line 3, which looks like a row of its own; close it with \" on this line\n\
                 1 problem(s) in {file}; nothing was imported (--keep-valid imports the rows without problems)\n"
            ),
            "{format}"
        );
        assert!(out.stdout.is_empty());
    }
    // With --keep-valid, Mark and Tranemo are evaluated, and an error in a later row is
    // still said.
    let file = write(
        &dir,
        "plan2.csv",
        "kommun;åtgärd;kommentar\nBorås;food_households;\"obs\nMark;food_households;\nTranemo;food_household;\n",
    );
    let out = run(&[
        "evaluate",
        &file,
        "--format",
        "csv",
        "--keep-valid",
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "{file}: line 2, column 'kommentar': the quote opened here"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{file}: line 4, column 'åtgärd': unknown measure 'food_household'; did you mean 'food_households'?"
        )),
        "{err}"
    );
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(csv.lines().any(|l| l.contains(";Mark;")), "{csv}");
    assert!(!csv.lines().any(|l| l.contains(";Borås;")), "{csv}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// In an actuals file, a municipality's actual no longer vanishes into the row before.
#[test]
fn an_unclosed_quote_in_an_actuals_file_is_refused() {
    let dir = scratch("actuals");
    let file = write(
        &dir,
        "utfall.csv",
        "kommun;indikator;år;värde;källa\nBorås;food_waste_kg_per_inhabitant;2024;12,5;\"Plockanalys\nMark;food_waste_kg_per_inhabitant;2024;14;Kolada\n",
    );
    let out = run(&[
        "targets",
        "tests/targets/scenario.csv",
        "--period",
        "2021-2030",
        "--actuals",
        &file,
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with(&format!(
            "{file}: line 2, column 'källa': the quote opened here (\"Plockanalys) runs on over line 3"
        )),
        "{}",
        stderr(&out)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

// 2. CSV injection.

/// Scenario names a spreadsheet would run, hidden behind a BOM, a zero-width space or in
/// full width, and `+1`/`-1`: every CSV writer puts a `'` first, in every dialect.
#[test]
fn every_csv_writer_guards_hidden_and_lookalike_formula_starters() {
    let dir = scratch("inject");
    let names = ["\u{feff}=1+1", "\u{200b}=2+2", "\u{ff1d}3+3", "+1", "-1"];
    let mut text = String::from("scenario;kommun;åtgärd\n");
    for n in names {
        text.push_str(&format!("{n};Borås;food_school_kitchens\n"));
    }
    let file = write(&dir, "plan.csv", &text);
    let runs: Vec<Vec<&str>> = vec![
        vec!["evaluate", &file, "--format", "csv"],
        vec!["rank", &file, "--format", "csv"],
        vec!["contributions", &file, "--format", "csv"],
        vec!["targets", &file, "--format", "csv"],
    ];
    for dialect in ["windows1252", "excel-sv", "plain"] {
        for args in &runs {
            let mut args = args.clone();
            args.extend(["--csv-dialect", dialect]);
            let out = run(&args);
            assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
            let (text, _) = calc_core::csvio::decode(&out.stdout);
            let mut scenarios = 0;
            for line in text.lines().skip(1) {
                let first = line.split([';', ',']).next().unwrap();
                let first = first.strip_prefix('"').unwrap_or(first);
                assert!(
                    first.starts_with('\''),
                    "{args:?}: an unguarded cell {first:?} in {line:?}"
                );
                scenarios += 1;
            }
            assert!(scenarios >= names.len(), "{args:?}:\n{text}");
        }
    }
    // The Windows-1252 stream keeps the character the guard saw (as `?`), so the cell
    // reads `'?=1+1`, never `=1+1`.
    let out = run(&[
        "evaluate",
        &file,
        "--format",
        "csv",
        "--csv-dialect",
        "windows1252",
    ]);
    assert!(
        out.stdout.windows(7).any(|w| w == b"\n'?=1+1"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
