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

// 3. `--out` never destroys or replaces what was there.

/// Every command's `--out`, as `avfallskalkyl ARGS --out FILE`.
fn every_command() -> Vec<Vec<&'static str>> {
    vec![
        vec!["evaluate", "examples/sjuharad.csv"],
        vec!["evaluate", "examples/sjuharad.csv", "--format", "csv"],
        vec!["evaluate", "examples/sjuharad.csv", "--format", "json"],
        vec![
            "evaluate",
            "examples/sjuharad.csv",
            "--format",
            "json",
            "--monte-carlo",
            "200",
        ],
        vec!["rank", "examples/sjuharad.csv"],
        vec!["rank", "examples/sjuharad.csv", "--format", "csv"],
        vec!["contributions"],
        vec!["contributions", "--format", "csv"],
        vec!["targets", "examples/sjuharad.csv"],
        vec!["targets", "examples/sjuharad.csv", "--format", "csv"],
        vec!["template"],
        vec!["factors"],
        vec!["factors", "--format", "csv"],
        vec!["measures"],
        vec!["municipalities", "--format", "json"],
        vec!["sensitivity", "examples/sjuharad.csv", "--format", "json"],
        vec![
            "optimize",
            "examples/sjuharad.csv",
            "--budget-sek-per-year",
            "1000000",
            "--format",
            "json",
        ],
    ]
}

/// The binary run with a file size limit of 1 KiB and SIGXFSZ ignored, so a write past
/// 1 KiB fails with "File too large" half-way, as on a full disk.
fn run_with_full_disk(args: &[&str]) -> Output {
    let mut cmd = Command::new("bash");
    cmd.arg("-c")
        .arg("ulimit -f 1; trap '' XFSZ; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_avfallskalkyl"))
        .args(args)
        .current_dir(root())
        .env_remove("RUST_BACKTRACE");
    cmd.output().expect("bash runs")
}

fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// On a full disk every command fails with the path named and leaves the old file as it
/// was (it used to be cut to the new output's first 8 KiB), and no temporary file.
#[test]
fn a_full_disk_leaves_the_old_file_untouched_for_every_command() {
    let dir = scratch("full");
    let target = dir.join("resultat.csv");
    let t = target.to_str().unwrap();
    for args in every_command() {
        std::fs::write(&target, "old content").unwrap();
        let mut args = args.clone();
        args.extend(["--out", t, "--lang", "en"]);
        let out = run_with_full_disk(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).ends_with(&format!("\nerror: {t}: File too large (os error 27)\n"))
                || stderr(&out) == format!("error: {t}: File too large (os error 27)\n"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert_eq!(std::fs::read(&target).unwrap(), b"old content", "{args:?}");
        assert_eq!(entries(&dir), ["resultat.csv"], "{args:?}");
        // Without the limit the same command replaces the file with its whole output,
        // the same bytes as on stdout.
        let ok = run(&args);
        assert_eq!(ok.status.code(), Some(0), "{args:?}: {}", stderr(&ok));
        let mut plain = args.clone();
        plain.truncate(plain.len() - 4);
        plain.extend(["--lang", "en"]);
        let stdout = run(&plain).stdout;
        assert_eq!(std::fs::read(&target).unwrap(), stdout, "{args:?}");
        assert_eq!(entries(&dir), ["resultat.csv"], "{args:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A directory, a character device (a copy of /dev/full) and a named pipe are refused
/// before anything is written, and left as they were, with nothing beside them.
#[cfg(unix)]
#[test]
fn out_refuses_directories_devices_and_pipes() {
    use std::os::unix::fs::FileTypeExt;
    let dir = scratch("kinds");
    let sub = dir.join("resultat");
    std::fs::create_dir(&sub).unwrap();
    let s = sub.to_str().unwrap();
    for args in every_command() {
        let mut args = args.clone();
        args.extend(["--out", s, "--lang", "en"]);
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            stderr(&out),
            format!(
                "error: {s}: is a directory; --out writes only to a regular file or a new one\n"
            ),
            "{args:?}"
        );
        assert!(sub.is_dir());
        assert_eq!(entries(&dir), ["resultat"], "{args:?}");
    }
    // A copy of /dev/full (root can copy the device node; others test on a named pipe).
    let device = dir.join("full");
    let copied = Command::new("cp")
        .args(["-a", "/dev/full", device.to_str().unwrap()])
        .status()
        .is_ok_and(|s| s.success());
    if !copied {
        let made = Command::new("mkfifo")
            .arg(device.to_str().unwrap())
            .status()
            .is_ok_and(|s| s.success());
        assert!(made, "neither a device copy nor a named pipe could be made");
    }
    let d = device.to_str().unwrap();
    for args in [
        vec!["template"],
        vec!["evaluate", "examples/sjuharad.csv", "--format", "csv"],
    ] {
        let mut args = args.clone();
        args.extend(["--out", d, "--lang", "en"]);
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            stderr(&out),
            format!(
                "error: {d}: is not a regular file (a device, a named pipe or a socket); --out writes only to a regular file or a new one\n"
            )
        );
        let kind = std::fs::symlink_metadata(&device).unwrap().file_type();
        assert!(
            kind.is_char_device() || kind.is_fifo(),
            "{args:?}: replaced"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The symlink rule: a symbolic link is refused, neither replaced nor written through.
#[cfg(unix)]
#[test]
fn out_refuses_a_symbolic_link() {
    let dir = scratch("link");
    let real = dir.join("real.csv");
    std::fs::write(&real, "old content").unwrap();
    let link = dir.join("link.csv");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let l = link.to_str().unwrap();
    for args in every_command() {
        let mut args = args.clone();
        args.extend(["--out", l, "--lang", "sv"]);
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            stderr(&out),
            format!(
                "fel: {l}: är en symbolisk länk; --out skriver bara till en vanlig fil eller en ny fil (ange filen länken pekar på)\n"
            )
        );
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).unwrap(), b"old content");
        assert_eq!(entries(&dir), ["link.csv", "real.csv"], "{args:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

// 4. Bounded work and bounded messages.

/// A 10 MB unknown measure id: the message is cut to a readable length and no "did you
/// mean" is worked out for it (the edit distance took 49 s for 50 MB).
#[test]
fn a_huge_unknown_id_gives_a_short_message_quickly() {
    let dir = scratch("huge");
    let id = "x".repeat(10_000_000);
    let file = write(
        &dir,
        "plan.csv",
        format!("kommun;åtgärd\nBorås;{id}\nMark;food_school_kitchen\n"),
    );
    let started = std::time::Instant::now();
    let out = run(&["evaluate", &file, "--lang", "en"]);
    let took = started.elapsed();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        format!(
            "{file}: line 2, column 'åtgärd': unknown measure '{}…'\n\
             {file}: line 3, column 'åtgärd': unknown measure 'food_school_kitchen'; did you mean 'food_school_kitchens'?\n\
             2 problem(s) in {file}; nothing was imported (--keep-valid imports the rows without problems)\n",
            "x".repeat(80)
        )
    );
    // A guard against the quadratic edit distance (minutes), not a benchmark.
    assert!(took.as_secs() < 30, "{took:?}");
    // A 1 MB header cell: the message echoes 80 characters of it, not the megabyte.
    let file = write(
        &dir,
        "header.csv",
        format!(
            "kommun;åtgärd;{}\nBorås;food_school_kitchens;1\n",
            "y".repeat(1_000_000)
        ),
    );
    let out = run(&["evaluate", &file, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stderr.len() < 2_000, "{} bytes", out.stderr.len());
    let _ = std::fs::remove_dir_all(&dir);
}

/// An ESC sequence in a scenario name or a measure id is shown escaped, in the table and
/// in messages, never sent to the terminal.
#[test]
fn control_characters_from_input_are_shown_escaped() {
    let dir = scratch("esc");
    let file = write(
        &dir,
        "plan.csv",
        "scenario;kommun;åtgärd\n\u{1b}[31mröd\u{1b}[0m;Borås;food_school_kitchens\n",
    );
    let out = run(&["evaluate", &file, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(!table.contains('\u{1b}'), "{table}");
    assert!(
        table.contains("Scenario: \\u{1b}[31mröd\\u{1b}[0m\n"),
        "{table}"
    );
    let rank = run(&["rank", &file]);
    assert!(
        !rank.stdout.contains(&0x1b),
        "{}",
        String::from_utf8_lossy(&rank.stdout)
    );
    let file = write(
        &dir,
        "bad.csv",
        "kommun,åtgärd\nBorås,\u{1b}]0;owned\u{7}food\n",
    );
    let out = run(&["evaluate", &file, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out).lines().next().unwrap(),
        format!("{file}: line 2, column 'åtgärd': unknown measure '\\u{{1b}}]0;owned\\u{{7}}food'")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

// 5. What the app says, the CLI says too.

/// A file without the optional columns is read with defaults, and the CLI says so on
/// stderr in every format and in the JSON's `warnings`.
#[test]
fn missing_optional_columns_are_said_in_every_format() {
    let dir = scratch("assumed");
    let file = write(
        &dir,
        "plan.csv",
        "kommun;åtgärd\nBorås;food_school_kitchens\n",
    );
    let notes = format!(
        "{file}: The file has no effect_pct column: each measure's default effect is used.\n\
         {file}: The file has no start_year column: the measures start in the plan period's first year.\n\
         {file}: The file has no full_effect_year column: full effect is reached after each measure's default ramp-up from the start.\n"
    );
    for format in ["table", "csv", "json"] {
        let out = run(&["evaluate", &file, "--format", format, "--lang", "en"]);
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(stderr(&out), notes, "{format}");
    }
    let out = run(&["rank", &file, "--format", "csv", "--lang", "sv"]);
    assert!(
        stderr(&out).starts_with(&format!(
            "{file}: Kolumnen effekt_procent saknas: varje åtgärds standardeffekt används.\n"
        )),
        "{}",
        stderr(&out)
    );
    for extra in [&[][..], &["--monte-carlo", "50"][..]] {
        let mut args = vec!["evaluate", &file, "--format", "json"];
        args.extend_from_slice(extra);
        let out = run(&args);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let warnings: Vec<&str> = v["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w.as_str().unwrap())
            .collect();
        assert_eq!(warnings, notes.lines().collect::<Vec<_>>(), "{extra:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A quantity capped to what the pool has is said with `--format csv` too (stderr).
#[test]
fn a_quantity_capped_to_the_pool_is_said_with_csv_output() {
    let dir = scratch("cap");
    let file = write(
        &dir,
        "cap.csv",
        "kommun;åtgärd;mängd_ton;effekt_procent;startar;fullt_ar\nBorås;food_school_kitchens;1000000;50;2025;2026\n",
    );
    for format in ["csv", "json", "table"] {
        let out = run(&["evaluate", &file, "--format", format, "--lang", "en"]);
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(
            stderr(&out),
            "note: scenario 'cap': 1490: measure food_school_kitchens names 1000000 t, but pool school_kitchen_food has 126.91977536 t in the routes it acts on; it reaches 126.91977536 t\n",
            "{format}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A UTF-8 byte-order mark followed by Windows-1252 bytes is an error on the line of the
/// first such byte, never a name with U+FFFD and exit 0.
#[test]
fn a_bom_followed_by_bytes_that_are_not_utf8_is_an_error() {
    let dir = scratch("bom");
    let file = write(
        &dir,
        "plan.csv",
        b"\xEF\xBB\xBFkommun;atgard\nBor\xE5s;food_school_kitchens\n",
    );
    for format in ["csv", "json"] {
        let out = run(&["evaluate", &file, "--format", format, "--lang", "en"]);
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(
            stderr(&out),
            format!(
                "{file}: line 2: the file starts with a UTF-8 byte-order mark but is not UTF-8 here ('Bor\\xE5'): save it again as \"CSV UTF-8\", or as Windows-1252 without the mark\n\
                 1 problem(s) in {file}; nothing was imported (--keep-valid imports the rows without problems)\n"
            )
        );
        assert!(!String::from_utf8_lossy(&out.stdout).contains('\u{fffd}'));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--period` over 100 years says the real limit.
#[test]
fn a_period_over_100_years_says_the_limit() {
    let out = run(&[
        "evaluate",
        "examples/sjuharad.csv",
        "--period",
        "2025-2125",
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: --period '2025-2125': the plan period is at most 100 years, e.g. 2025-2124\n"
    );
    let out = run(&["evaluate", "examples/sjuharad.csv", "--period", "2025-2124"]);
    assert_eq!(out.status.code(), Some(0));
    let out = run(&["rank", "examples/sjuharad.csv", "--period", "2035-2025"]);
    assert_eq!(
        stderr(&out),
        "fel: --period '2035-2025': det sista året kommer före det första; skriv första och sista år, t.ex. 2025-2035\n"
    );
}

/// Every kind of `--out` target against a few commands (the fuzz smoke's targets): only
/// an absent path or a regular file is written; anything else is refused with exit 2 and
/// left as it was, and no temporary file is left beside it.
#[cfg(unix)]
#[test]
fn out_target_kinds_smoke() {
    use std::os::unix::fs::symlink;
    let dir = scratch("kinds-smoke");
    let kinds: [(&str, bool); 9] = [
        ("absent", true),
        ("regular", true),
        ("directory", false),
        ("fifo", false),
        ("device", false),
        ("link-to-file", false),
        ("link-to-dir", false),
        ("dangling-link", false),
        ("missing-dir/out.csv", false),
    ];
    let commands: [&[&str]; 3] = [
        &["template"],
        &["evaluate", "examples/sjuharad.csv", "--format", "csv"],
        &["factors", "--format", "json"],
    ];
    for (kind, written) in kinds {
        for command in commands {
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            let target = dir.join(kind);
            let other = dir.join("other.csv");
            std::fs::write(&other, "other").unwrap();
            match kind {
                "regular" => std::fs::write(&target, "old").unwrap(),
                "directory" => std::fs::create_dir(&target).unwrap(),
                "fifo" => assert!(
                    Command::new("mkfifo")
                        .arg(&target)
                        .status()
                        .unwrap()
                        .success()
                ),
                "device" => {
                    let ok = Command::new("cp")
                        .args(["-a", "/dev/null"])
                        .arg(&target)
                        .status()
                        .is_ok_and(|s| s.success());
                    if !ok {
                        continue;
                    }
                }
                "link-to-file" => symlink(&other, &target).unwrap(),
                "link-to-dir" => symlink(&dir, &target).unwrap(),
                "dangling-link" => symlink(dir.join("nowhere"), &target).unwrap(),
                _ => {}
            }
            let before = entries(&dir);
            let kind_before = std::fs::symlink_metadata(&target)
                .ok()
                .map(|m| m.file_type());
            let mut args = command.to_vec();
            args.extend(["--out", target.to_str().unwrap()]);
            let out = run(&args);
            let t = target.display().to_string();
            if written {
                assert_eq!(
                    out.status.code(),
                    Some(0),
                    "{kind} {command:?}: {}",
                    stderr(&out)
                );
                assert!(std::fs::symlink_metadata(&target).unwrap().is_file());
                let mut after = before.clone();
                if kind == "absent" {
                    after.push(kind.to_string());
                    after.sort();
                }
                assert_eq!(entries(&dir), after, "{kind} {command:?}");
            } else {
                assert_eq!(out.status.code(), Some(2), "{kind} {command:?}");
                assert!(stderr(&out).contains(&t), "{kind}: {}", stderr(&out));
                assert_eq!(entries(&dir), before, "{kind} {command:?}");
                assert_eq!(
                    std::fs::symlink_metadata(&target)
                        .ok()
                        .map(|m| m.file_type()),
                    kind_before,
                    "{kind} {command:?}"
                );
                assert_eq!(std::fs::read(&other).unwrap(), b"other");
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
