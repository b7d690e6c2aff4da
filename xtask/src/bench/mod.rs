//! `cargo xtask bench [--against REV]`: the performance figures of issue 16 in one table.
//!
//! - the criterion benchmarks (`factors/benches/evaluate.rs`: evaluation, Monte Carlo,
//!   sensitivity, optimizer, parsing), natively;
//! - the browser budgets (`tests/e2e/budgets.mjs` against a freshly built and served
//!   `dist/`: first render, slider → totals, requests after load, 10 000 Monte Carlo draws
//!   in wasm) and the gzipped size of `web_bg.wasm`;
//! - the CLI in batch: `evaluate` on generated 10 000- and 100 000-row scenario files
//!   (`target/bench/`), CSV and JSON output, rows per second and peak memory.
//!
//! With `--against REV` the native figures (criterion and CLI) of another commit are
//! measured in the same run, from a temporary worktree under `target/bench-against/`, and
//! shown with their ratio. The table goes to `target/bench/table.md` and into
//! `docs/performance.md` between its marker comments, with the commit and the date.
//! Benchmarks, not assertions: the command fails only when a measurement cannot be taken
//! (or the page has lost its markers), never because a budget is missed.

use super::{Ctx, Result, run, serve, step};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Rows of the large generated scenario file (the figure).
const BIG_ROWS: usize = 100_000;
/// Rows of the small one: peak memory at both shows whether it grows with the rows.
const SMALL_ROWS: usize = 10_000;

/// The page whose measured table `bench` keeps current, between [`TABLE_BEGIN`] and
/// [`TABLE_END`].
const PERFORMANCE_DOC: &str = "docs/performance.md";
/// The line before the table (a comment: not shown when the page is rendered).
const TABLE_BEGIN: &str = "<!-- bench table: written by `cargo xtask bench`; what is between these markers is replaced -->";
/// The line after the table.
const TABLE_END: &str = "<!-- end of bench table -->";

/// What a figure is held against.
#[derive(Clone, Copy)]
enum Budget {
    AtMost(f64),
    AtLeast(f64),
    Info,
}

/// One row of the table.
struct Row {
    name: String,
    unit: &'static str,
    value: Option<f64>,
    budget: Budget,
    previous: Option<f64>,
}

/// Native figures of one commit.
#[derive(Default)]
struct Native {
    /// (benchmark name, median ns)
    criterion: Vec<(String, f64)>,
    cli: Vec<(String, f64)>,
}

impl Ctx {
    pub(crate) fn bench(&self, against: Option<&str>) -> Result<()> {
        let started = Instant::now();
        let bench_dir = self.target_dir.join("bench");
        std::fs::create_dir_all(&bench_dir)?;
        let head = git_rev(&self.root, "HEAD")?;
        let this = step("this commit: criterion benchmarks and CLI batch", || {
            native(&self.root, &self.target_dir, &self.cargo, &bench_dir, None)
        })?;
        let previous = match against {
            Some(rev) => Some(step(
                &format!("{rev}: criterion benchmarks and CLI batch"),
                || self.native_of(rev, &bench_dir),
            )?),
            None => None,
        };
        let browser = step("browser budgets (tests/e2e/budgets.mjs on dist/)", || {
            self.browser()
        })?;

        let mut rows = Vec::new();
        let prev_of = |list: &[(String, f64)], name: &str| {
            list.iter().find(|(n, _)| n == name).map(|(_, v)| *v)
        };
        for (name, ns) in &this.criterion {
            let budget = if name.starts_with("evaluate sjuharad") {
                Budget::AtMost(100_000.0)
            } else {
                Budget::Info
            };
            rows.push(Row {
                name: format!("{name}, native"),
                unit: "ns",
                value: Some(*ns),
                budget,
                previous: previous.as_ref().and_then(|p| prev_of(&p.criterion, name)),
            });
        }
        rows.extend(browser);
        for (name, v) in &this.cli {
            let (unit, budget) = cli_budget(name);
            rows.push(Row {
                name: name.clone(),
                unit,
                value: Some(*v),
                budget,
                previous: previous.as_ref().and_then(|p| prev_of(&p.cli, name)),
            });
        }
        // Memory flat in the rows: the 100 000-row peak at most 1.25 × the 10 000-row one.
        for format in ["csv", "json"] {
            let small = prev_of(&this.cli, &rss_name(format, SMALL_ROWS));
            let big = prev_of(&this.cli, &rss_name(format, BIG_ROWS));
            if let (Some(s), Some(b)) = (small, big) {
                rows.push(Row {
                    name: format!("CLI {format}: peak memory {BIG_ROWS} rows / {SMALL_ROWS} rows"),
                    unit: "×",
                    value: Some(b / s),
                    budget: Budget::AtMost(1.25),
                    previous: previous.as_ref().and_then(|p| {
                        let s = prev_of(&p.cli, &rss_name(format, SMALL_ROWS))?;
                        Some(prev_of(&p.cli, &rss_name(format, BIG_ROWS))? / s)
                    }),
                });
            }
        }

        let table = render(&rows, against.is_some());
        let machine = machine();
        let against_line = against
            .map(|rev| {
                format!(
                    "previous: {rev} ({})",
                    git_rev(&self.root, rev).unwrap_or_default()
                )
            })
            .unwrap_or_default();
        let dirty = if git_dirty(&self.root) {
            " (with uncommitted changes)"
        } else {
            ""
        };
        let text = format!("commit {head}{dirty} on {machine}\n{against_line}\n\n{table}");
        let out = bench_dir.join("table.md");
        std::fs::write(&out, &text)?;
        println!(
            "\n{text}\n(also in {}; {:.0}s)",
            out.display(),
            started.elapsed().as_secs_f64()
        );
        // The table in docs/performance.md, between its markers, with what was measured when.
        let date = utc_date(std::time::SystemTime::now());
        let against_sentence = match against_line.strip_prefix("previous: ") {
            Some(rev) => {
                format!(" The previous column is {rev}, measured natively in the same run.")
            }
            None => String::new(),
        };
        let section = format!(
            "Last run: commit {head}{dirty}, {date}, on {machine}.{against_sentence}\n\n{table}"
        );
        let doc_path = self.root.join(PERFORMANCE_DOC);
        let doc = std::fs::read_to_string(&doc_path)
            .map_err(|e| format!("{}: {e}", doc_path.display()))?;
        let updated = replace_between_markers(&doc, &section)
            .map_err(|e| format!("{}: {e}", doc_path.display()))?;
        std::fs::write(&doc_path, updated)?;
        println!("    updated the table in {PERFORMANCE_DOC}");
        Ok(())
    }

    /// Criterion and CLI figures of another commit, built in a temporary worktree with its
    /// own target directory (kept between runs, so a second run builds incrementally).
    fn native_of(&self, rev: &str, bench_dir: &Path) -> Result<Native> {
        let base = self.target_dir.join("bench-against");
        let src = base.join("src");
        let target = base.join("target");
        if src.exists() {
            // A worktree left by an interrupted run.
            let _ = Command::new("git")
                .args(["worktree", "remove", "--force"])
                .arg(&src)
                .current_dir(&self.root)
                .status();
            if src.exists() {
                std::fs::remove_dir_all(&src)?;
            }
            run(Command::new("git")
                .args(["worktree", "prune"])
                .current_dir(&self.root))?;
        }
        run(Command::new("git")
            .args(["worktree", "add", "--detach"])
            .arg(&src)
            .arg(rev)
            .current_dir(&self.root))?;
        let result = native(&src, &target, &self.cargo, bench_dir, Some(rev));
        // The worktree is only needed for the build; its target directory stays.
        let removed = run(Command::new("git")
            .args(["worktree", "remove", "--force"])
            .arg(&src)
            .current_dir(&self.root));
        let native = result?;
        removed?;
        Ok(native)
    }

    /// Builds `dist/`, serves it, runs `tests/e2e/budgets.mjs` and reads its figures.
    fn browser(&self) -> Result<Vec<Row>> {
        let wasm = self.dist()?;
        let gz = super::gzip_size(&wasm)?;
        let npm_dir = self.npm_dir();
        if !npm_dir.join("node_modules/playwright-core").is_dir() {
            self.npm_ci()?;
        }
        super::ensure_chromium()?;
        let listener = serve::bind(0)?;
        let url = format!("http://{}/", listener.local_addr()?);
        let dist = self.dist_dir();
        std::thread::spawn(move || serve::serve_forever(&listener, &dist));
        let out = Command::new("node")
            .arg(npm_dir.join("budgets.mjs"))
            .arg(&url)
            .current_dir(&self.root)
            .stderr(Stdio::inherit())
            .output()
            .map_err(|e| format!("cannot run node: {e}"))?;
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        print!("{text}");
        if !out.status.success() {
            return Err(format!("budgets.mjs failed ({})", out.status).into());
        }
        let after = |prefix: &str, key: &str| -> Option<f64> {
            let line = text.lines().find(|l| l.starts_with(prefix))?;
            let rest = line.get(line.find(key)? + key.len()..)?;
            rest.split_whitespace().next()?.parse().ok()
        };
        let row = |name: &str, unit, value, budget| Row {
            name: name.into(),
            unit,
            value,
            budget,
            previous: None,
        };
        Ok(vec![
            row(
                ".wasm after wasm-opt, gzipped",
                "B",
                Some(gz as f64),
                Budget::AtMost(400_000.0),
            ),
            row(
                "first render of the default scenario, localhost",
                "ms",
                after("first render", "navigation start):"),
                Budget::AtMost(400.0),
            ),
            row(
                "slider input → totals in the DOM, median",
                "ms",
                after("slider->DOM update", "median"),
                Budget::AtMost(8.0),
            ),
            row(
                "slider input → next animation frame, median",
                "ms",
                after("slider->totals", "median"),
                Budget::Info,
            ),
            row(
                "requests after load",
                "",
                after("requests after load", "load:"),
                Budget::AtMost(0.0),
            ),
            row(
                "Monte Carlo 10 000 draws, wasm in headless Chromium, median",
                "ms",
                after("monte carlo 10 000 draws", "median"),
                Budget::AtMost(20.0),
            ),
            row(
                "first render, CPU throttled 4×",
                "ms",
                after("throttled 4x first render", "navigation start):"),
                Budget::AtMost(1500.0),
            ),
            row(
                "slider input → totals in the DOM, median, CPU throttled 4×",
                "ms",
                after("throttled 4x slider->DOM update", "median"),
                Budget::AtMost(40.0),
            ),
        ])
    }
}

fn rows_name(format: &str, rows: usize) -> String {
    format!("CLI {format}: {rows} rows evaluated per second")
}

fn rss_name(format: &str, rows: usize) -> String {
    format!("CLI {format}: peak memory, {rows} rows")
}

fn cli_budget(name: &str) -> (&'static str, Budget) {
    if name == rows_name("csv", BIG_ROWS) {
        ("rows/s", Budget::AtLeast(500_000.0))
    } else if name.contains("per second") {
        ("rows/s", Budget::Info)
    } else {
        ("B", Budget::Info)
    }
}

/// Criterion and the CLI batch in the workspace at `root`, built into `target`.
fn native(
    root: &Path,
    target: &Path,
    cargo: &str,
    bench_dir: &Path,
    label: Option<&str>,
) -> Result<Native> {
    let criterion = criterion(root, target, cargo)?;
    run(Command::new(cargo)
        .args(["build", "--release", "-p", "cli"])
        .current_dir(root)
        .env("CARGO_TARGET_DIR", target))?;
    let bin = target.join("release").join("avfallskalkyl");
    let cli = cli_batch(&bin, bench_dir, label.is_some())?;
    Ok(Native { criterion, cli })
}

/// Runs `cargo bench -p factors` and reads each benchmark's median (the middle of
/// criterion's `time: [low median high]`) in nanoseconds.
fn criterion(root: &Path, target: &Path, cargo: &str) -> Result<Vec<(String, f64)>> {
    let out = Command::new(cargo)
        .args([
            "bench",
            "-p",
            "factors",
            "--bench",
            "evaluate",
            "--",
            "--warm-up-time",
            "1",
            "--measurement-time",
            "4",
        ])
        .current_dir(root)
        .env("CARGO_TARGET_DIR", target)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run cargo bench: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    print!("{text}");
    if !out.status.success() {
        return Err(format!("cargo bench failed ({})", out.status).into());
    }
    Ok(parse_criterion(&text))
}

fn parse_criterion(text: &str) -> Vec<(String, f64)> {
    let mut out = Vec::new();
    let mut last = "";
    for line in text.lines() {
        if let Some(at) = line.find("time:") {
            let before = line.get(..at).unwrap_or_default().trim();
            let name = if before.is_empty() { last } else { before };
            let values: Vec<&str> = line
                .get(at + 5..)
                .unwrap_or_default()
                .trim()
                .trim_matches(|c| c == '[' || c == ']')
                .split_whitespace()
                .collect();
            // [low unit median unit high unit]
            if let (Some(v), Some(unit)) = (values.get(2), values.get(3))
                && let (Ok(v), Some(scale)) = (v.parse::<f64>(), ns_per(unit))
            {
                out.push((name.to_string(), v * scale));
            }
        } else if !line.trim().is_empty() && !line.starts_with(' ') {
            last = line.trim();
        }
    }
    out
}

fn ns_per(unit: &str) -> Option<f64> {
    match unit {
        "ps" => Some(0.001),
        "ns" => Some(1.0),
        "µs" | "us" => Some(1_000.0),
        "ms" => Some(1_000_000.0),
        "s" => Some(1_000_000_000.0),
        _ => None,
    }
}

/// Generates the scenario files (every catalogue measure × municipality from `template`,
/// repeated under new scenario names) and times `evaluate` on them, CSV and JSON out.
fn cli_batch(bin: &Path, dir: &Path, quiet: bool) -> Result<Vec<(String, f64)>> {
    let template = Command::new(bin)
        .arg("template")
        .output()
        .map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
    let text = String::from_utf8_lossy(&template.stdout).into_owned();
    let mut lines = text.lines();
    let header = lines.next().ok_or("template printed nothing")?;
    let rows: Vec<&str> = lines.filter(|l| !l.trim().is_empty()).collect();
    let mut out = Vec::new();
    for n in [SMALL_ROWS, BIG_ROWS] {
        let file = dir.join(format!("scenarios-{n}.csv"));
        if !file.exists() {
            let mut s = String::with_capacity(n * 100);
            s.push_str(header);
            s.push('\n');
            for i in 0..n {
                let row = rows.get(i % rows.len().max(1)).copied().unwrap_or_default();
                let rest = row.split_once(';').map_or(row, |(_, r)| r);
                let _ = writeln!(s, "S{};{rest}", i / rows.len().max(1));
            }
            std::fs::write(&file, s)?;
        }
        for format in ["csv", "json"] {
            let result = dir.join(format!("out-{n}.{format}"));
            let (secs, peak) = timed(
                Command::new(bin)
                    .arg("evaluate")
                    .arg(&file)
                    .args(["--format", format, "--out"])
                    .arg(&result),
            )?;
            if !quiet {
                println!(
                    "    {n} rows, {format}: {secs:.2}s, peak {} KiB",
                    peak.map_or("?".into(), |p| (p / 1024).to_string())
                );
            }
            out.push((rows_name(format, n), n as f64 / secs));
            if let Some(p) = peak {
                out.push((rss_name(format, n), p as f64));
            }
        }
    }
    Ok(out)
}

/// Runs a command, returns its wall time and its peak resident memory in bytes (Linux:
/// `VmHWM` from /proc, polled while it runs; `None` elsewhere).
fn timed(cmd: &mut Command) -> Result<(f64, Option<u64>)> {
    let t = Instant::now();
    let mut child = cmd
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run {:?}: {e}", cmd.get_program()))?;
    let status_file = PathBuf::from(format!("/proc/{}/status", child.id()));
    let mut peak = None;
    let status = loop {
        if let Some(s) = std::fs::read_to_string(&status_file)
            .ok()
            .as_deref()
            .and_then(vm_hwm)
        {
            peak = Some(s);
        }
        if let Some(status) = child.try_wait()? {
            break status;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let secs = t.elapsed().as_secs_f64();
    if !status.success() {
        return Err(format!("{:?} failed ({status})", cmd.get_program()).into());
    }
    Ok((secs, peak))
}

fn vm_hwm(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn show(v: f64, unit: &str) -> String {
    match unit {
        "ns" if v >= 1_000_000.0 => format!("{:.2} ms", v / 1_000_000.0),
        "ns" if v >= 1_000.0 => format!("{:.1} µs", v / 1_000.0),
        "ns" => format!("{v:.0} ns"),
        "B" if v >= 1_000_000.0 => format!("{:.1} MB", v / 1_000_000.0),
        "B" => format!("{v:.0} B"),
        "rows/s" => format!("{v:.0} rows/s"),
        "×" => format!("{v:.2}×"),
        "" => format!("{v:.0}"),
        u => format!("{v:.1} {u}"),
    }
}

fn render(rows: &[Row], with_previous: bool) -> String {
    let mut t = String::new();
    let _ = write!(t, "| figure | this commit | budget | met? |");
    if with_previous {
        let _ = write!(t, " previous | this / previous |");
    }
    t.push('\n');
    let _ = write!(t, "|---|---|---|---|");
    if with_previous {
        let _ = write!(t, "---|---|");
    }
    t.push('\n');
    for r in rows {
        let value = r.value.map_or("not measured".into(), |v| show(v, r.unit));
        let (budget, met) = match (r.budget, r.value) {
            (Budget::AtMost(b), Some(v)) => (format!("≤ {}", show(b, r.unit)), yes(v <= b)),
            (Budget::AtLeast(b), Some(v)) => (format!("≥ {}", show(b, r.unit)), yes(v >= b)),
            (Budget::AtMost(b), None) => (format!("≤ {}", show(b, r.unit)), "?"),
            (Budget::AtLeast(b), None) => (format!("≥ {}", show(b, r.unit)), "?"),
            (Budget::Info, _) => ("–".into(), ""),
        };
        let _ = write!(t, "| {} | {value} | {budget} | {met} |", r.name);
        if with_previous {
            match (r.previous, r.value) {
                (Some(p), Some(v)) if p != 0.0 => {
                    let _ = write!(t, " {} | {:.2} |", show(p, r.unit), v / p);
                }
                (Some(p), _) => {
                    let _ = write!(t, " {} | |", show(p, r.unit));
                }
                (None, _) => {
                    let _ = write!(t, " – | |");
                }
            }
        }
        t.push('\n');
    }
    t
}

/// `doc` with the lines between the [`TABLE_BEGIN`] and [`TABLE_END`] lines replaced by
/// `section`; the markers and everything outside them are kept as they are.
fn replace_between_markers(doc: &str, section: &str) -> Result<String> {
    let missing = || format!("no line `{TABLE_BEGIN}` followed by a line `{TABLE_END}`");
    let begin = line_start(doc, TABLE_BEGIN).ok_or_else(missing)?;
    let after_begin = begin + TABLE_BEGIN.len();
    let end = line_start(&doc[after_begin..], TABLE_END)
        .map(|i| after_begin + i)
        .ok_or_else(missing)?;
    let mut out = String::with_capacity(doc.len() + section.len());
    out.push_str(&doc[..after_begin]);
    out.push_str("\n\n");
    out.push_str(section.trim_end());
    out.push_str("\n\n");
    out.push_str(&doc[end..]);
    Ok(out)
}

/// Byte offset of the first line of `text` that is exactly `line` (ignoring a trailing
/// carriage return).
fn line_start(text: &str, line: &str) -> Option<usize> {
    let mut offset = 0;
    for l in text.split_inclusive('\n') {
        if l.trim_end_matches(['\n', '\r']) == line {
            return Some(offset);
        }
        offset += l.len();
    }
    None
}

/// The UTC calendar date of `t` as YYYY-MM-DD (days since 1970 to a proleptic Gregorian
/// date, Howard Hinnant's `civil_from_days`).
fn utc_date(t: std::time::SystemTime) -> String {
    let secs = t
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

fn yes(ok: bool) -> &'static str {
    if ok { "yes" } else { "**no**" }
}

fn git_rev(root: &Path, rev: &str) -> Result<String> {
    let out = Command::new("git")
        .args(["rev-parse", "--short", rev])
        .current_dir(root)
        .output()?;
    if !out.status.success() {
        return Err(format!("git rev-parse {rev} failed").into());
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn git_dirty(root: &Path) -> bool {
    Command::new("git")
        .args(["status", "--porcelain", "--untracked-files=no"])
        .current_dir(root)
        .output()
        .is_ok_and(|o| !o.stdout.is_empty())
}

/// CPU model, logical CPUs, memory and load (Linux /proc; "unknown machine" elsewhere).
fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpu
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map_or("unknown CPU", |(_, m)| m.trim())
        .to_string();
    let cores = cpu.lines().filter(|l| l.starts_with("processor")).count();
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            let line = m.lines().find(|l| l.starts_with("MemTotal:"))?.to_string();
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .map_or(String::new(), |kb| {
            format!(", {:.0} GiB", kb as f64 / 1024.0 / 1024.0)
        });
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .map_or(String::new(), |l| format!(", load average {l} at the end"));
    if cores == 0 {
        "unknown machine".into()
    } else {
        format!("{model}, {cores} logical CPUs{mem}{load}")
    }
}

#[cfg(test)]
mod tests;
