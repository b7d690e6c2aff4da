//! A fuzz smoke on stable Rust, run by `cargo test` (and so by `cargo xtask test`): a fixed
//! number of seeded cases of arbitrary bytes and of structure-aware mutations of the real
//! data and example files go into every reader and, where they read, through `evaluate`.
//! No case may panic or take more than two seconds, and every error must name a line of
//! the file. The cargo-fuzz target in `fuzz/` runs the same idea for as long as wanted
//! (nightly, see `fuzz/README.md`); its committed corpus is replayed here too.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use calc_core::csvio::{self, CsvError, Lang, ScenarioContext};
use calc_core::{FactorSetInfo, evaluate};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Cases per reader and kind (arbitrary bytes, structured): `FUZZ_SMOKE_CASES` overrides.
fn cases() -> usize {
    std::env::var("FUZZ_SMOKE_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(150)
}

const LIMIT: Duration = Duration::from_secs(2);

/// xorshift64*: a seeded generator, so every run checks the same cases.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n.max(1)).unwrap()).unwrap()
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn data(name: &str) -> Vec<u8> {
    std::fs::read(root().join("factors/data").join(name)).unwrap()
}

/// Cells that have broken readers before or might: numbers in both marks, empty, quotes,
/// line breaks, formulas, huge and tiny numbers, ids, years, non-ASCII.
const CELLS: &[&str] = &[
    "",
    " ",
    "0",
    "-0",
    "1",
    "-1",
    "12,5",
    "12.5",
    "1 234,5",
    "−3",
    "+3",
    "1e9",
    "NaN",
    "79228162514264337593543950335",
    "-79228162514264337593543950335",
    "0.0000000000000000000000000001",
    "100",
    "101",
    "%",
    "50%",
    "2025",
    "1800",
    "2200",
    "65535",
    "99999999999",
    "Borås",
    "alla",
    "food",
    "textiles",
    "incineration",
    "baseline",
    "target",
    "published",
    "\"",
    "\"\"",
    "\"a\nb\"",
    "\"a\r\nb\"",
    "a\rb",
    "=1+1",
    "'=1",
    "@SUM(1)",
    "\u{feff}",
    "é",
    "\u{0}",
    ";",
    ",",
    // Issue 22: quotes that never close, formula starters hidden behind what a
    // spreadsheet skips or in full width, control characters.
    "\"obs",
    "\"a;b",
    "\"a,b",
    "x\"",
    "\u{feff}=1+1",
    "\u{200b}=1",
    " =1",
    "\u{ff1d}1+1",
    "\u{ff0b}1",
    "\u{2212}1",
    "+1",
    "\u{1b}[31m",
    "\u{202e}abc",
];

/// A structure-aware mutation of a CSV file: cells replaced, rows dropped or duplicated,
/// separators, line endings and encoding changed.
fn mutate(rng: &mut Rng, file: &[u8]) -> Vec<u8> {
    let (text, _) = csvio::decode(file);
    let mut rows: Vec<Vec<String>> = text
        .lines()
        .map(|l| l.split([',', ';']).map(str::to_string).collect())
        .collect();
    for _ in 0..=rng.below(6) {
        if rows.is_empty() {
            break;
        }
        let r = rng.below(rows.len());
        match rng.below(5) {
            0 | 1 => {
                let long = rng.below(8) == 0;
                let row = &mut rows[r];
                if !row.is_empty() {
                    let c = rng.below(row.len());
                    row[c] = if long {
                        // A very long field: bounded work and messages (issue 22).
                        "x".repeat(rng.below(50_000))
                    } else {
                        (*rng.pick(CELLS)).to_string()
                    };
                }
            }
            2 => {
                rows.remove(r);
            }
            3 => {
                let row = rows[r].clone();
                rows.insert(r, row);
            }
            _ => {
                let row = &mut rows[r];
                if rng.below(2) == 0 {
                    row.push((*rng.pick(CELLS)).to_string());
                } else {
                    row.pop();
                }
            }
        }
    }
    let sep = *rng.pick(&[",", ";"]);
    let eol = *rng.pick(&["\n", "\r\n", "\r"]);
    let mut out = String::new();
    if rng.below(4) == 0 {
        out.push('\u{feff}');
    }
    for _ in 0..rng.below(3) {
        out.push_str(eol);
    }
    for row in rows {
        out.push_str(&row.join(sep));
        out.push_str(eol);
    }
    match rng.below(6) {
        0 | 1 => csvio::encode(&out, csvio::Encoding::Windows1252),
        // BOM variants: a UTF-8 BOM over Windows-1252 bytes, a UTF-16 BOM.
        2 => {
            let mut v = b"\xEF\xBB\xBF".to_vec();
            v.extend(csvio::encode(&out, csvio::Encoding::Windows1252));
            v
        }
        3 if rng.below(2) == 0 => {
            let mut v = b"\xFF\xFE".to_vec();
            v.extend(out.into_bytes());
            v
        }
        _ => out.into_bytes(),
    }
}

fn arbitrary(rng: &mut Rng) -> Vec<u8> {
    let len = rng.below(300);
    let alphabet = b"ab1,;.\"\r\n \t-%\xe5\xc3\xa5\xef\xbb\xbf";
    (0..len)
        .map(|_| {
            if rng.below(4) == 0 {
                u8::try_from(rng.below(256)).unwrap()
            } else {
                *rng.pick(alphabet)
            }
        })
        .collect()
}

/// Every error names a line of the file (the line after the last for "no data rows")
/// and renders in both languages.
fn check_errors(what: &str, bytes: &[u8], errors: &[CsvError]) {
    check_errors_in(what, &[bytes], errors);
}

/// Like [`check_errors`] for a reader of several files (errors may be in any of them).
fn check_errors_in(what: &str, files: &[&[u8]], errors: &[CsvError]) {
    let bytes = files.first().copied().unwrap_or_default();
    let last = files
        .iter()
        .map(|f| csvio::line_breaks(&csvio::decode(f).0) + 2)
        .max()
        .unwrap_or(1);
    for e in errors {
        assert!(
            (1..=last).contains(&e.line),
            "{what}: line {} outside 1..={last} in {:?}: {e}",
            e.line,
            String::from_utf8_lossy(bytes)
        );
        let message = e.message(Lang::En);
        assert!(
            message.chars().count() < 1_000,
            "a message of {} chars",
            message.len()
        );
        assert!(
            !message.chars().any(|c| c.is_control()),
            "a control character in {message:?}"
        );
        let prefix_en = format!("line {}", e.line);
        let prefix_sv = format!("rad {}", e.line);
        assert!(e.message(Lang::En).starts_with(&prefix_en), "{e}");
        assert!(e.message(Lang::Sv).starts_with(&prefix_sv), "{e}");
    }
}

/// Feeds `bytes` to reader `which`, and what reads through `evaluate`.
fn feed(which: usize, bytes: &[u8]) {
    let catalogue = factors::builtin().unwrap();
    let builtin = catalogue.current_set().unwrap();
    let ctx = ScenarioContext::new(
        catalogue.measures.iter().cloned(),
        catalogue.municipalities.iter().cloned(),
    );
    let started = Instant::now();
    match which {
        0 => {
            let lenient = csvio::read_scenarios_keep_valid(bytes, &ctx);
            check_errors("scenario", bytes, &lenient.errors);
            check_guarded(&lenient.scenarios, &ctx);
            for s in &lenient.scenarios {
                let _ = evaluate(builtin, s);
            }
            match csvio::read_scenarios(bytes, &ctx) {
                Ok(_) => assert!(lenient.errors.is_empty()),
                Err(errors) => assert_eq!(errors, lenient.errors),
            }
        }
        1 => {
            let info = FactorSetInfo {
                id: "fuzz".into(),
                name: "fuzz".into(),
                version: "0".into(),
                year: None,
                price_year: None,
            };
            match csvio::read_factor_table(bytes, info) {
                Ok(table) => {
                    let _ = evaluate(
                        &builtin.overlaid_with(&table),
                        &catalogue.default_scenario(),
                    );
                    let _ = evaluate(&table, &catalogue.default_scenario());
                }
                Err(errors) => check_errors("factor table", bytes, &errors),
            }
        }
        2 => {
            if let Err(errors) = csvio::read_sources(bytes) {
                check_errors("sources", bytes, &errors);
            }
        }
        3 => {
            if let Err(errors) = csvio::read_fractions(bytes) {
                check_errors("fractions", bytes, &errors);
            }
        }
        4 => match csvio::read_municipalities(bytes) {
            Ok(ms) => {
                let ctx = ScenarioContext::new(
                    catalogue.measures.iter().cloned(),
                    ms.into_iter().map(std::sync::Arc::new),
                );
                for s in csvio::read_scenarios_keep_valid(&example(), &ctx).scenarios {
                    let _ = evaluate(builtin, &s);
                }
            }
            Err(errors) => check_errors("municipalities", bytes, &errors),
        },
        5 | 6 => {
            let (measures, mixes) = if which == 5 {
                (bytes.to_vec(), data("measure_mixes.csv"))
            } else {
                (data("measures.csv"), bytes.to_vec())
            };
            match csvio::read_measures(&measures, &mixes) {
                Ok(ms) => {
                    let ctx = ScenarioContext::new(
                        ms.into_iter().map(std::sync::Arc::new),
                        catalogue.municipalities.iter().cloned(),
                    );
                    for s in csvio::read_scenarios_keep_valid(&example(), &ctx).scenarios {
                        let _ = evaluate(builtin, &s);
                    }
                }
                Err(errors) => check_errors_in("measures", &[&measures, &mixes], &errors),
            }
        }
        _ => unreachable!(),
    }
    assert!(
        started.elapsed() < LIMIT,
        "reader {which} took {:?} on {:?}",
        started.elapsed(),
        String::from_utf8_lossy(bytes)
    );
}

/// Issue 22: the scenarios written back in every dialect are guarded against CSV
/// injection as the spreadsheet will read them (after encoding, past what it skips) and
/// read back to the same scenarios; messages stay short and free of control characters.
fn check_guarded(scenarios: &[calc_core::Scenario], ctx: &ScenarioContext) {
    if scenarios.is_empty() {
        return;
    }
    for dialect in [
        csvio::Dialect::EXCEL_SV,
        csvio::Dialect::PLAIN,
        csvio::Dialect {
            encoding: csvio::Encoding::Windows1252,
            ..csvio::Dialect::EXCEL_SV
        },
    ] {
        let text = csvio::write_scenarios_csv(scenarios, dialect, Lang::Sv);
        let bytes = csvio::encode(&text, dialect.encoding);
        let (written, _) = csvio::decode(&bytes);
        for line in written.lines().skip(1) {
            let first = line.strip_prefix('"').unwrap_or(line);
            let skipped = first.trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '?')
            });
            assert!(
                !skipped.starts_with(['=', '+', '-', '@', '\u{ff1d}', '\u{ff0b}']),
                "unguarded cell in {line:?}"
            );
        }
        if dialect.encoding != csvio::Encoding::Windows1252 {
            let again = csvio::read_scenarios(&bytes, ctx).unwrap();
            assert_eq!(again.scenarios, scenarios);
        }
    }
}

fn example() -> Vec<u8> {
    std::fs::read(root().join("examples/sjuharad.csv")).unwrap()
}

/// The file each reader is fed mutations of.
fn seed_file(which: usize) -> Vec<u8> {
    match which {
        0 => example(),
        1 => csvio::write_factor_table(
            factors::builtin().unwrap().current_set().unwrap(),
            csvio::Dialect::PLAIN,
        )
        .into_bytes(),
        2 => data("sources.csv"),
        3 => data("fractions.csv"),
        4 => data("municipalities.csv"),
        5 => data("measures.csv"),
        _ => data("measure_mixes.csv"),
    }
}

#[test]
fn arbitrary_bytes_into_every_reader() {
    let mut rng = Rng(0x5eed_0001);
    for which in 0..7 {
        for _ in 0..cases() {
            feed(which, &arbitrary(&mut rng));
        }
    }
}

#[test]
fn structured_mutations_into_every_reader_and_evaluate() {
    let mut rng = Rng(0x5eed_0002);
    for which in 0..7 {
        let seed = seed_file(which);
        feed(which, &seed);
        for _ in 0..cases() {
            feed(which, &mutate(&mut rng, &seed));
        }
    }
}

/// The committed cargo-fuzz corpus (`fuzz/corpus/<target>/`) into every reader.
#[test]
fn fuzz_corpus_replays() {
    let dir = root().join("fuzz/corpus");
    let mut n = 0;
    for target in std::fs::read_dir(&dir).unwrap() {
        for file in std::fs::read_dir(target.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            for which in 0..7 {
                feed(which, &bytes);
            }
            // The quotes that never close are refused by the line they opened on.
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.contains("quote") && !name.contains("quoted") {
                let catalogue = factors::builtin().unwrap();
                let ctx = ScenarioContext::new(
                    catalogue.measures.iter().cloned(),
                    catalogue.municipalities.iter().cloned(),
                );
                let errors = csvio::read_scenarios(&bytes, &ctx).unwrap_err();
                assert!(
                    errors.iter().any(|e| e.line == 2
                        && matches!(e.kind, csvio::CsvErrorKind::UnclosedQuote { .. })),
                    "{name}: {errors:?}"
                );
            }
            n += 1;
        }
    }
    assert!(n >= 20, "the corpus has {n} files");
}
