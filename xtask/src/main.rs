//! Avfallskalkyl's build helper, run as `cargo xtask <command>`:
//!
//! - `dist`: build the web app for wasm32 into `dist/` (wasm-bindgen linked in, pinned by
//!   Cargo.lock; wasm-opt from npm `binaryen` when available).
//! - `serve [--port 8080]`: `dist`, then serve `dist/` on http://127.0.0.1:PORT.
//! - `test`: every check in order (fmt, clippy, native tests, docs, wasm32 build, wasm-bindgen tests
//!   in headless Chromium, browser end-to-end tests), a summary line, non-zero exit on failure.
//! - `expected`: write `target/e2e/expected.json` for the end-to-end tests.
//! - `bench [--against REV]`: the performance figures (criterion, browser budgets, CLI
//!   batch) in one table with their budgets; with `--against`, another commit's native
//!   figures in the same run (`bench.rs`). Not part of `test`: benchmarks, not assertions.
//!
//! It installs what it needs when it can (rustup target, `npm ci`, apt Chromium as root)
//! and otherwise says what to install.

mod bench;
mod serve;

use std::error::Error;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

type Result<T, E = Box<dyn Error>> = std::result::Result<T, E>;

const WASM_TARGET: &str = "wasm32-unknown-unknown";
const WASM_PROFILE: &str = "wasm-release";
/// Where the npm tools (playwright-core, binaryen) live, relative to the repo root.
const NPM_DIR: &str = "tests/e2e";
const CHROMIUM_CANDIDATES: &[&str] = &["/usr/bin/chromium", "/usr/bin/chromium-browser"];
const CHROMEDRIVER_CANDIDATES: &[&str] = &["/usr/bin/chromedriver"];
/// Chromium flags for headless runs in containers and as root.
const CHROMIUM_ARGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
];

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  dist                 build the web app into dist/
  serve [--port PORT]  build, then serve dist/ on http://127.0.0.1:PORT (default 8080)
  test                 run every check: fmt, clippy, tests, wasm build, browser tests
  expected             write target/e2e/expected.json for the end-to-end tests
  bench [--against REV]
                       measure: criterion benchmarks, browser budgets, CLI batch; one
                       table with the budgets (also target/bench/table.md, and in
                       docs/performance.md with the commit and date); --against REV
                       also measures REV's native figures in the same run (e.g. HEAD~1)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["dist"] => Ctx::new().and_then(|cx| cx.dist().map(|_| ())),
        ["serve"] => Ctx::new().and_then(|cx| cx.serve(8080)),
        ["serve", "--port", port] | ["serve", "-p", port] => match port.parse::<u16>() {
            Ok(port) => Ctx::new().and_then(|cx| cx.serve(port)),
            Err(_) => Err(format!("not a port number: {port}").into()),
        },
        ["test"] => Ctx::new().and_then(|cx| cx.test()),
        ["expected"] => Ctx::new().and_then(|cx| cx.write_expected().map(|_| ())),
        ["bench"] => Ctx::new().and_then(|cx| cx.bench(None)),
        ["bench", "--against", rev] => Ctx::new().and_then(|cx| cx.bench(Some(rev))),
        [] | ["help"] | ["--help"] | ["-h"] => {
            print!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("unknown command: {}\n\n{USAGE}", args.join(" ")).into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The values the browser end-to-end test expects, written to `target/e2e/expected.json`.
///
///
/// Computed by the app's own functions: calc-core on the built-in default scenario (all
/// measures, all eight municipalities) at start and after moving the first measure's
/// `effect-slider` to `slider_value`, formatted exactly as the app renders
/// `[data-testid=total-co2e]`. A data change therefore never breaks the test, and a wrong
/// number in the browser always does.
fn e2e_expectations() -> serde_json::Value {
    // The same functions the app's own tests use: calc-core on the built-in default
    // scenario, formatted by the app's sv-SE formatter.
    serde_json::json!({
        "slider_value": "80",
        "default_total_co2e": web::testing::default_totals_text(),
        "after_slider_total_co2e": web::testing::totals_text_with_first_effect(80),
        "boras_total_co2e": web::testing::totals_text_for_municipality("1490"),
        "effect_55_5_total_co2e": web::testing::totals_text_with_first_effect_decimal("55.5"),
        "first_measure_reach": web::testing::first_measure_reach_text(),
        "default_payers_per_year": web::testing::default_payers_per_year_text(),
    })
}

/// Paths and tools shared by the commands.
struct Ctx {
    root: PathBuf,
    target_dir: PathBuf,
    cargo: String,
}

impl Ctx {
    fn new() -> Result<Self> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .ok_or("xtask must live one level below the workspace root")?
            .to_path_buf();
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let out = Command::new(&cargo)
            .args([
                "metadata",
                "--format-version",
                "1",
                "--no-deps",
                "--offline",
            ])
            .current_dir(&root)
            .output()?;
        if !out.status.success() {
            return Err(format!(
                "cargo metadata failed: {}",
                String::from_utf8_lossy(&out.stderr)
            )
            .into());
        }
        let meta: serde_json::Value = serde_json::from_slice(&out.stdout)?;
        let target_dir = meta
            .get("target_directory")
            .and_then(serde_json::Value::as_str)
            .map_or_else(|| root.join("target"), PathBuf::from);
        Ok(Self {
            root,
            target_dir,
            cargo,
        })
    }

    fn cargo(&self) -> Command {
        let mut cmd = Command::new(&self.cargo);
        cmd.current_dir(&self.root);
        cmd
    }

    fn dist_dir(&self) -> PathBuf {
        self.root.join("dist")
    }

    fn npm_dir(&self) -> PathBuf {
        self.root.join(NPM_DIR)
    }

    // ----- dist ---------------------------------------------------------------------------

    /// Builds the web app into `dist/`; returns the path of the final .wasm.
    fn dist(&self) -> Result<PathBuf> {
        let started = Instant::now();
        step("checking the wasm32 target", ensure_wasm_target)?;
        step("building web for wasm32 (wasm-release)", || {
            let mut cargo = self.cargo();
            if names_kept() {
                cargo.env("CARGO_PROFILE_WASM_RELEASE_STRIP", "none");
            }
            run(cargo.args([
                "build",
                "-p",
                "web",
                "--bin",
                "web",
                "--target",
                WASM_TARGET,
                "--profile",
                WASM_PROFILE,
            ]))
        })?;
        let dist = self.dist_dir();
        let input = self
            .target_dir
            .join(WASM_TARGET)
            .join(WASM_PROFILE)
            .join("web.wasm");
        step(
            "running wasm-bindgen (linked in, version pinned by Cargo.lock)",
            || {
                if dist.exists() {
                    std::fs::remove_dir_all(&dist)?;
                }
                std::fs::create_dir_all(&dist)?;
                wasm_bindgen_cli_support::Bindgen::new()
                    .input_path(&input)
                    .out_name("web")
                    .web(true)
                    .and_then(|b| {
                        // The library defaults to omitting it; the CLI (and boot.js) expect
                        // `init()` to fetch `web_bg.wasm` next to `web.js`.
                        b.omit_default_module_path(false)
                            .typescript(false)
                            .generate(&dist)
                    })
                    .map_err(|e| format!("wasm-bindgen: {e:?}").into())
            },
        )?;
        let wasm = dist.join("web_bg.wasm");
        step("optimizing with wasm-opt -Oz", || self.wasm_opt(&wasm))?;
        step("copying web/index.html and web/static/ into dist/", || {
            self.copy_static(&dist)
        })?;
        let raw = std::fs::metadata(&wasm)?.len();
        let gz = gzip_size(&wasm)?;
        println!(
            "==> dist/ ready in {:.1}s: web_bg.wasm {} raw, {} gzipped",
            started.elapsed().as_secs_f64(),
            human(raw),
            human(gz)
        );
        Ok(wasm)
    }

    fn wasm_opt(&self, wasm: &Path) -> Result<()> {
        let wasm_opt = self.npm_dir().join("node_modules/.bin/wasm-opt");
        if (!wasm_opt.is_file() || self.npm_stale())
            && let Err(e) = self.npm_ci()
        {
            println!("    note: skipping wasm-opt ({e})");
            return Ok(());
        }
        if !wasm_opt.is_file() {
            println!(
                "    note: skipping wasm-opt ({} not found)",
                wasm_opt.display()
            );
            return Ok(());
        }
        let tmp = wasm.with_extension("opt.wasm");
        let before = std::fs::metadata(wasm)?.len();
        let mut opt = Command::new(&wasm_opt);
        // `WASM_NAMES=1 cargo xtask dist` keeps the function names (for a profile in the
        // browser's devtools); the build must keep them too (see `dist`).
        if names_kept() {
            opt.arg("-g");
        }
        run(opt
            .arg("-Oz")
            // The features rustc enables by default for wasm32-unknown-unknown.
            .args([
                "--enable-bulk-memory",
                "--enable-nontrapping-float-to-int",
                "--enable-sign-ext",
                "--enable-mutable-globals",
                "--enable-reference-types",
                "--enable-multivalue",
            ])
            .arg(wasm)
            .arg("-o")
            .arg(&tmp))?;
        std::fs::rename(&tmp, wasm)?;
        let after = std::fs::metadata(wasm)?.len();
        println!("    {} -> {}", human(before), human(after));
        Ok(())
    }

    fn copy_static(&self, dist: &Path) -> Result<()> {
        let web = self.root.join("web");
        std::fs::copy(web.join("index.html"), dist.join("index.html"))?;
        let static_dir = web.join("static");
        std::fs::create_dir_all(&static_dir)?;
        let css = static_dir.join("style.css");
        if !css.exists() {
            std::fs::write(
                &css,
                "/* Placeholder created by `cargo xtask dist`; the app's styles go here. */\n",
            )?;
        }
        copy_dir(&static_dir, dist)
    }

    /// True when `package-lock.json` changed after the last install (npm records the
    /// install in `node_modules/.package-lock.json`), e.g. a pulled commit added axe-core.
    fn npm_stale(&self) -> bool {
        let dir = self.npm_dir();
        let modified = |p: PathBuf| std::fs::metadata(p).and_then(|m| m.modified()).ok();
        match (
            modified(dir.join("package-lock.json")),
            modified(dir.join("node_modules/.package-lock.json")),
        ) {
            (Some(lock), Some(installed)) => lock > installed,
            // No record of an install: install.
            _ => true,
        }
    }

    /// `npm ci` in the tools directory (playwright-core, binaryen).
    fn npm_ci(&self) -> Result<()> {
        let dir = self.npm_dir();
        if which("npm").is_none() {
            return Err(
                "npm not found: install Node.js 20+ with npm (Debian: apt-get install nodejs npm)"
                    .into(),
            );
        }
        println!("    installing npm tools: npm ci in {NPM_DIR}/");
        run(Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(dir))
    }

    // ----- serve --------------------------------------------------------------------------

    fn serve(&self, port: u16) -> Result<()> {
        self.dist()?;
        let listener =
            serve::bind(port).map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
        let addr = listener.local_addr()?;
        println!("==> serving dist/ on http://{addr}/  (Ctrl-C to stop)");
        serve::serve_forever(&listener, &self.dist_dir());
        Ok(())
    }

    // ----- expected -----------------------------------------------------------------------

    fn write_expected(&self) -> Result<PathBuf> {
        let dir = self.target_dir.join("e2e");
        std::fs::create_dir_all(&dir)?;
        let path = dir.join("expected.json");
        let json = serde_json::to_string_pretty(&e2e_expectations())?;
        std::fs::write(&path, json + "\n")?;
        println!("    wrote {}", path.display());
        Ok(path)
    }

    // ----- test ---------------------------------------------------------------------------

    fn test(&self) -> Result<()> {
        let started = Instant::now();
        type Check<'a> = (&'a str, Box<dyn Fn() -> Result<()> + 'a>);
        let checks: Vec<Check<'_>> = vec![
            (
                "formatting (cargo fmt --check)",
                Box::new(|| run(self.cargo().args(["fmt", "--all", "--check"]))),
            ),
            (
                "clippy -D warnings (native and wasm32)",
                Box::new(|| self.clippy()),
            ),
            (
                "native tests (cargo test --workspace)",
                Box::new(|| run(self.cargo().args(["test", "--workspace"]))),
            ),
            (
                "docs without warnings, engine without CSV",
                Box::new(|| self.docs()),
            ),
            (
                "wasm32 build (cargo xtask dist)",
                Box::new(|| self.dist().map(|_| ())),
            ),
            (
                "wasm-bindgen tests in headless Chromium",
                Box::new(|| self.wasm_tests()),
            ),
            (
                "end-to-end tests in headless Chromium",
                Box::new(|| self.e2e_tests()),
            ),
        ];
        let total = checks.len();
        let mut results = Vec::new();
        for (i, (name, check)) in checks.iter().enumerate() {
            println!("\n==> [{}/{total}] {name}", i + 1);
            let t = Instant::now();
            let outcome = check();
            let secs = t.elapsed().as_secs_f64();
            match &outcome {
                Ok(()) => println!("==> [{}/{total}] PASS {name} ({secs:.1}s)", i + 1),
                Err(e) => println!("==> [{}/{total}] FAIL {name} ({secs:.1}s): {e}", i + 1),
            }
            results.push((*name, outcome.is_ok(), secs));
        }
        let passed = results.iter().filter(|r| r.1).count();
        let failed = total - passed;
        let mut table = String::new();
        for (name, ok, secs) in &results {
            // Writing to a String cannot fail.
            let _ = writeln!(
                table,
                "  {} {name} ({secs:.1}s)",
                if *ok { "PASS" } else { "FAIL" }
            );
        }
        println!(
            "\n{table}  total {:.1}s\nxtask test: {passed} passed, {failed} failed",
            started.elapsed().as_secs_f64()
        );
        if failed == 0 {
            Ok(())
        } else {
            Err(format!("{failed} of {total} checks failed").into())
        }
    }

    /// `cargo doc --workspace --no-deps` with warnings denied (broken links, bad HTML in doc
    /// comments), and calc-core built without its `csv` feature, so a tool that wants only
    /// the engine gets it.
    fn docs(&self) -> Result<()> {
        let mut doc = self.cargo();
        doc.env("RUSTDOCFLAGS", "-D warnings")
            .args(["doc", "--workspace", "--no-deps"]);
        run(&mut doc)?;
        run(self
            .cargo()
            .args(["check", "-p", "calc-core", "--no-default-features"]))
    }

    fn clippy(&self) -> Result<()> {
        let native = run(self.cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]));
        let wasm = ensure_wasm_target().and_then(|()| {
            run(self.cargo().args([
                "clippy",
                "-p",
                "web",
                "--target",
                WASM_TARGET,
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ]))
        });
        match (native, wasm) {
            (Ok(()), Ok(())) => Ok(()),
            (Err(e), Ok(())) => Err(format!("native: {e}").into()),
            (Ok(()), Err(e)) => Err(format!("wasm32: {e}").into()),
            (Err(a), Err(b)) => Err(format!("native: {a}; wasm32: {b}").into()),
        }
    }

    fn wasm_tests(&self) -> Result<()> {
        ensure_wasm_target()?;
        let (_, chromedriver) = ensure_chromium()?;
        println!("    building the pinned wasm-bindgen-test-runner");
        run(self.cargo().args(["build", "-p", "wasm-test-runner"]))?;
        let runner = self.target_dir.join("debug/wasm-bindgen-test-runner");
        let xtask_dir = self.target_dir.join("xtask");
        std::fs::create_dir_all(&xtask_dir)?;
        let webdriver_json = xtask_dir.join("webdriver.json");
        let caps = serde_json::json!({
            "goog:chromeOptions": { "args": CHROMIUM_ARGS }
        });
        std::fs::write(&webdriver_json, serde_json::to_string_pretty(&caps)?)?;
        // No `-q`: cargo would pass `--quiet` to the runner, which rejects it. `--tests` leaves
        // out doctests (they are plain programs, not wasm-bindgen tests).
        run(self
            .cargo()
            .args([
                "test",
                "--target",
                WASM_TARGET,
                "-p",
                "calc-core",
                "-p",
                "web",
                "--tests",
            ])
            .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", &runner)
            .env("CHROMEDRIVER", &chromedriver)
            .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", &webdriver_json)
            // Tests without `wasm_bindgen_test_configure!` run in the browser too.
            .env("WASM_BINDGEN_USE_BROWSER", "1")
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120"))
    }

    fn e2e_tests(&self) -> Result<()> {
        let (chromium, _) = ensure_chromium()?;
        let npm_dir = self.npm_dir();
        if !npm_dir.join("node_modules/playwright-core").is_dir() {
            self.npm_ci()?;
        }
        if which("node").is_none() {
            return Err(
                "node not found: install Node.js 20+ (Debian: apt-get install nodejs)".into(),
            );
        }
        let expected = self.write_expected()?;
        let dist = self.dist_dir();
        if !dist.join("index.html").is_file() {
            self.dist()?;
        }
        let listener = serve::bind(0)?;
        let url = format!("http://{}/", listener.local_addr()?);
        println!("    serving dist/ on {url}");
        std::thread::spawn(move || serve::serve_forever(&listener, &dist));
        let screenshots = npm_dir.join("screenshots");
        std::fs::create_dir_all(&screenshots)?;
        run(Command::new("node")
            .args(["--test", "--test-reporter=spec"])
            .arg(format!("{NPM_DIR}/"))
            .current_dir(&self.root)
            .env("E2E_BASE_URL", &url)
            .env("E2E_EXPECTED", &expected)
            .env("E2E_CHROMIUM", &chromium)
            .env("E2E_CHROMIUM_ARGS", CHROMIUM_ARGS.join(" "))
            .env("E2E_SCREENSHOTS", &screenshots))
    }
}

// ----- helpers ----------------------------------------------------------------------------

/// Whether `WASM_NAMES=1` asks `dist` to keep the wasm's function names (for profiling;
/// about 10 % larger).
fn names_kept() -> bool {
    std::env::var_os("WASM_NAMES").is_some_and(|v| v == "1")
}

/// Runs `f` as one named step with a progress line and its time.
fn step<T>(name: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    println!("==> {name}");
    // Only ordering of progress output; a failed flush loses nothing.
    let _ = std::io::stdout().flush();
    let t = Instant::now();
    let out = f();
    match &out {
        Ok(_) => println!("    done in {:.1}s", t.elapsed().as_secs_f64()),
        Err(e) => println!("    failed after {:.1}s: {e}", t.elapsed().as_secs_f64()),
    }
    out
}

/// Runs a command with inherited stdio; an error names the command when it fails.
fn run(cmd: &mut Command) -> Result<()> {
    // Only ordering of progress output; a failed flush loses nothing.
    let _ = std::io::stdout().flush();
    let shown = format!(
        "{} {}",
        cmd.get_program().to_string_lossy(),
        cmd.get_args()
            .map(|a| a.to_string_lossy())
            .collect::<Vec<_>>()
            .join(" ")
    );
    let status = cmd
        .status()
        .map_err(|e| format!("cannot run `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})").into())
    }
}

fn which(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Adds the wasm32 target with rustup when the toolchain lacks it.
fn ensure_wasm_target() -> Result<()> {
    let sysroot = Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()?;
    let sysroot = PathBuf::from(String::from_utf8_lossy(&sysroot.stdout).trim());
    if sysroot.join("lib/rustlib").join(WASM_TARGET).is_dir() {
        return Ok(());
    }
    println!("    the {WASM_TARGET} target is missing: rustup target add {WASM_TARGET}");
    run(Command::new("rustup").args(["target", "add", WASM_TARGET])).map_err(|e| {
        format!(
            "could not add the {WASM_TARGET} target ({e}); install rustup \
             (https://rustup.rs) and run `rustup target add {WASM_TARGET}`"
        )
        .into()
    })
}

/// Finds Chromium and chromedriver, installing them with apt when running as root.
fn ensure_chromium() -> Result<(PathBuf, PathBuf)> {
    let find = |candidates: &[&str], name: &str| {
        candidates
            .iter()
            .map(PathBuf::from)
            .find(|p| p.is_file())
            .or_else(|| which(name))
    };
    let found = || {
        Some((
            find(CHROMIUM_CANDIDATES, "chromium")?,
            find(CHROMEDRIVER_CANDIDATES, "chromedriver")?,
        ))
    };
    if let Some(paths) = found() {
        return Ok(paths);
    }
    const HINT: &str = "apt-get update && apt-get install -y chromium chromium-driver";
    if !is_root() || which("apt-get").is_none() {
        return Err(
            format!("Chromium and chromedriver are needed; install them as root: {HINT}").into(),
        );
    }
    println!("    installing Chromium: {HINT}");
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .args([
            "install",
            "-y",
            "--no-install-recommends",
            "chromium",
            "chromium-driver",
        ])
        .env("DEBIAN_FRONTEND", "noninteractive"))?;
    found().ok_or_else(|| format!("Chromium still not found after `{HINT}`").into())
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let dest = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &dest)?;
        } else {
            std::fs::copy(entry.path(), dest)?;
        }
    }
    Ok(())
}

fn gzip_size(path: &Path) -> Result<u64> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(&std::fs::read(path)?)?;
    Ok(u64::try_from(encoder.finish()?.len())?)
}

fn human(bytes: u64) -> String {
    format!("{bytes} B ({:.1} KiB)", bytes as f64 / 1024.0)
}
