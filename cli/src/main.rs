//! `avfallskalkyl`: evaluate waste plan scenarios written as CSV files (for example in
//! Excel with Swedish locale) and get the results as a table, CSV or JSON.
//!
//! All calculation and file-format logic lives in `calc-core`; this binary reads files,
//! picks options and prints. Exit codes: 0 success, 2 a problem with the input (every
//! problem is listed on stderr), 1 the built-in data could not be loaded.

mod decide;
mod text;

use calc_core::csvio::{self, CsvError, Dialect, Encoding, Lang, ScenarioContext};
use calc_core::{
    Evaluation, FactorSetInfo, FactorTable, PlanPeriod, RankBy, ResultsJson, Scenario, Share, Year,
    evaluate,
};
use clap::{Args, Parser, Subcommand, ValueEnum};
use factors::Catalogue;
use rust_decimal::Decimal;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Works out what the measures of a waste plan save in greenhouse gas (t CO2e) and money
/// (SEK) per year and over the plan period, per measure and municipality, with low and
/// high values and sources. Räknar ut vad avfallsplanens åtgärder sparar i CO2e och kronor.
///
/// Start with `avfallskalkyl template --out scenario.csv`, edit the file in Excel and run
/// `avfallskalkyl evaluate scenario.csv`.
///
/// Exit codes: 0 done; 2 a problem with the input (every problem is listed with its line
/// and column, and nothing is evaluated unless you add --keep-valid); 1 the built-in data
/// could not be loaded.
#[derive(Debug, Parser)]
#[command(name = "avfallskalkyl", version, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Evaluate a scenario file: totals and a table per measure.
    ///
    /// The file has one row per measure in a municipality (columns municipality/kommun,
    /// measure/åtgärd, and optionally scenario, effect_pct, quantity_t, start_year,
    /// full_effect_year, implementation_cost_sek, running_cost_sek). `;` with decimal comma
    /// or `,` with decimal point; UTF-8 or Windows-1252; Swedish or English headers.
    Evaluate(EvaluateArgs),
    /// Rank the measures of a scenario file, best first.
    Rank(RankArgs),
    /// List the measure catalogue (ids to use in a scenario file).
    Measures(ListArgs),
    /// List a factor set: emission and cost factors with their sources. The CSV written
    /// with `--format csv` can be edited and given back with `evaluate --factors`.
    Factors(FactorsArgs),
    /// List the municipalities (names and SCB codes to use in a scenario file).
    Municipalities(ListArgs),
    /// Write a scenario file with every measure at its default values for all eight
    /// Sjuhärad municipalities, ready to edit.
    Template(TemplateArgs),
    /// Which factors move the totals most: each factor alone at its low and high value
    /// (tornado data), so you know which numbers deserve better data.
    Sensitivity(SensitivityArgs),
    /// What drives the result: each factor's, pool quantity's and measure cost's share of
    /// the total CO2e and of the municipality's net SEK over the plan period, largest first
    /// (default: the built-in Sjuhärad scenario, every measure in all eight municipalities).
    Contributions(ContributionsArgs),
    /// The set of measures that saves the most CO2e per year within a budget.
    ///
    /// Each measure can be left out or done at 1/steps, 2/steps … of its effect in the
    /// scenario; its costs are assumed to scale with the level.
    Optimize(OptimizeArgs),
}

#[derive(Debug, Args)]
struct ContributionsArgs {
    /// A scenario file (CSV); without it, the built-in Sjuhärad scenario.
    #[arg(value_name = "SCENARIO.csv")]
    scenario: Option<PathBuf>,
    #[command(flatten)]
    factors: FactorArgs,
    /// Plan period, first and last year.
    #[arg(long, value_name = "FIRST-LAST", default_value = "2025-2035")]
    period: String,
    /// Discount rate in percent for the net present value.
    #[arg(long, value_name = "PERCENT", default_value = "3.5")]
    discount_rate: String,
    /// How many rows the table shows (CSV and JSON have all).
    #[arg(long, default_value_t = 25)]
    top: usize,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, Args)]
struct SensitivityArgs {
    #[command(flatten)]
    scenario: ScenarioArgs,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, Args)]
struct OptimizeArgs {
    #[command(flatten)]
    scenario: ScenarioArgs,
    /// Budget for one-time (implementation) costs, in SEK.
    #[arg(long, value_name = "SEK")]
    budget_sek: Option<u64>,
    /// Budget for running costs per year, in SEK.
    #[arg(long, value_name = "SEK")]
    budget_sek_per_year: Option<u64>,
    /// Effect levels per measure (1 = all or nothing, 4 = 25 %, 50 %, 75 %, 100 %).
    #[arg(long, default_value_t = 1)]
    steps: u32,
    /// Whose spending the budget limits (measures paid by others cost it nothing).
    #[arg(long, value_enum, default_value_t = PerspectiveArg::Municipality)]
    perspective: PerspectiveArg,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    /// A table for reading in a terminal.
    Table,
    /// CSV for a spreadsheet.
    Csv,
    /// JSON for other programs (schema: docs/results.schema.json).
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LangArg {
    /// Swedish: headers and messages in Swedish, numbers as 1 234,5.
    Sv,
    /// English: headers and messages in English, numbers as 1,234.5.
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Sv => Lang::Sv,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum DialectArg {
    /// The same as the input file (for commands without input: excel-sv).
    Auto,
    /// `;` with decimal comma, UTF-8 with BOM: opens cleanly in Excel with Swedish locale.
    ExcelSv,
    /// `,` with decimal point, UTF-8.
    Plain,
    /// `;` with decimal comma, Windows-1252 (older Excel).
    Windows1252,
}

impl DialectArg {
    fn resolve(self, input: Option<Dialect>) -> Dialect {
        match self {
            DialectArg::Auto => input.unwrap_or(Dialect::EXCEL_SV),
            DialectArg::ExcelSv => Dialect::EXCEL_SV,
            DialectArg::Plain => Dialect::PLAIN,
            DialectArg::Windows1252 => Dialect {
                encoding: Encoding::Windows1252,
                ..Dialect::EXCEL_SV
            },
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum RankByArg {
    /// Most t CO2e saved per year first.
    Co2e,
    /// Most money saved per year first.
    Sek,
    /// Lowest cost per tonne CO2e first (negative: saves money too).
    CostPerTonne,
}

/// Whose money counts.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum PerspectiveArg {
    /// The municipality: the waste fee collective and the tax-funded budget together.
    Municipality,
    /// Society: the municipality and the households.
    Society,
    /// The waste fee collective (avfallstaxan) only.
    WasteFee,
    /// The municipality's tax-funded budget only.
    MunicipalBudget,
    /// Residents only.
    Households,
}

impl From<PerspectiveArg> for calc_core::Perspective {
    fn from(p: PerspectiveArg) -> Self {
        match p {
            PerspectiveArg::Municipality => Self::Municipality,
            PerspectiveArg::Society => Self::Society,
            PerspectiveArg::WasteFee => Self::WasteFee,
            PerspectiveArg::MunicipalBudget => Self::MunicipalBudget,
            PerspectiveArg::Households => Self::Households,
        }
    }
}

#[derive(Debug, Args)]
struct OutputArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Write to this file instead of the terminal.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Language of headers, messages and number formatting.
    #[arg(long, value_enum, default_value_t = LangArg::Sv)]
    lang: LangArg,
    /// Separator, decimal mark and encoding of CSV output.
    #[arg(long, value_enum, default_value_t = DialectArg::Auto)]
    csv_dialect: DialectArg,
}

#[derive(Debug, Args)]
struct FactorArgs {
    /// Your own factor file (same columns as `avfallskalkyl factors --format csv`). Its
    /// factors replace the built-in ones for the same fraction and route.
    #[arg(long, value_name = "FILE.csv")]
    factors: Option<PathBuf>,
    /// Use only the factors in `--factors`, not the built-in set.
    #[arg(long, requires = "factors")]
    replace_factors: bool,
    /// Which built-in factor set to use (see `avfallskalkyl factors`); default the current.
    #[arg(long, value_name = "ID")]
    factor_set: Option<String>,
}

#[derive(Debug, Args)]
struct ScenarioArgs {
    /// The scenario file (CSV).
    #[arg(value_name = "SCENARIO.csv")]
    scenario: PathBuf,
    #[command(flatten)]
    factors: FactorArgs,
    /// Plan period, first and last year.
    #[arg(long, value_name = "FIRST-LAST", default_value = "2025-2035")]
    period: String,
    /// Discount rate in percent for the net present value.
    #[arg(long, value_name = "PERCENT", default_value = "3.5")]
    discount_rate: String,
    /// Evaluate the valid rows of a file with errors (the errors are still listed).
    #[arg(long)]
    keep_valid: bool,
}

#[derive(Debug, Args)]
struct EvaluateArgs {
    #[command(flatten)]
    scenario: ScenarioArgs,
    #[command(flatten)]
    output: OutputArgs,
    /// In the table, also list every measure in every municipality.
    #[arg(long)]
    detail: bool,
    /// With `--format json`: add Monte Carlo percentile bands from N draws over the
    /// factor ranges (triangular low/central/high; the same seed gives the same output).
    #[arg(long, value_name = "N")]
    monte_carlo: Option<u32>,
    /// Seed for `--monte-carlo`.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

#[derive(Debug, Args)]
struct RankArgs {
    #[command(flatten)]
    scenario: ScenarioArgs,
    /// What to rank by.
    #[arg(long, value_enum, default_value_t = RankByArg::Co2e)]
    by: RankByArg,
    /// Whose money counts for `--by sek` and `--by cost-per-tonne`.
    #[arg(long, value_enum, default_value_t = PerspectiveArg::Municipality)]
    perspective: PerspectiveArg,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, Args)]
struct ListArgs {
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, Args)]
struct FactorsArgs {
    /// Which built-in factor set (default: the current one).
    #[arg(long, value_name = "ID")]
    factor_set: Option<String>,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, Args)]
struct TemplateArgs {
    /// Write to this file instead of the terminal.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Language of the headers and measure names.
    #[arg(long, value_enum, default_value_t = LangArg::Sv)]
    lang: LangArg,
    /// Separator, decimal mark and encoding.
    #[arg(long, value_enum, default_value_t = DialectArg::ExcelSv)]
    csv_dialect: DialectArg,
}

/// Why the command failed: the messages to print and the exit code.
struct Failure {
    messages: Vec<String>,
    code: u8,
}

impl Failure {
    fn input(message: String) -> Self {
        Self {
            messages: vec![message],
            code: 2,
        }
    }
}

type Outcome = Result<Vec<u8>, Failure>;

fn main() -> ExitCode {
    // A bug must not print a backtrace at an analyst: one line, then exit.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("avfallskalkyl: internal error: {info}");
    }));
    let cli = Cli::parse();
    let (lang, out) = match &cli.command {
        Command::Evaluate(a) => (a.output.lang, a.output.out.clone()),
        Command::Rank(a) => (a.output.lang, a.output.out.clone()),
        Command::Measures(a) | Command::Municipalities(a) => (a.output.lang, a.output.out.clone()),
        Command::Factors(a) => (a.output.lang, a.output.out.clone()),
        Command::Template(a) => (a.lang, a.out.clone()),
        Command::Sensitivity(a) => (a.output.lang, a.output.out.clone()),
        Command::Contributions(a) => (a.output.lang, a.output.out.clone()),
        Command::Optimize(a) => (a.output.lang, a.output.out.clone()),
    };
    let lang = Lang::from(lang);
    let catalogue = match factors::builtin() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("avfallskalkyl: {e}");
            return ExitCode::from(1);
        }
    };
    let result = match &cli.command {
        Command::Evaluate(a) => run_evaluate(catalogue, a, lang),
        Command::Rank(a) => run_rank(catalogue, a, lang),
        Command::Measures(a) => text::measures(catalogue, &a.output, lang),
        Command::Municipalities(a) => text::municipalities(catalogue, &a.output, lang),
        Command::Factors(a) => run_factors(catalogue, a, lang),
        Command::Template(a) => Ok(template(catalogue, a, lang)),
        Command::Sensitivity(a) => load(catalogue, &a.scenario, lang).and_then(|l| {
            decide::run_sensitivity(&l, matches!(a.output.format, Format::Json), lang)
        }),
        Command::Contributions(a) => run_contributions(catalogue, a, lang),
        Command::Optimize(a) => load(catalogue, &a.scenario, lang).and_then(|l| {
            let budget = calc_core::Budget {
                once: a.budget_sek.map(|b| calc_core::Sek::new(Decimal::from(b))),
                per_year: a
                    .budget_sek_per_year
                    .map(|b| calc_core::Sek::new(Decimal::from(b))),
                perspective: a.perspective.into(),
            };
            decide::run_optimize(
                &l,
                budget,
                a.steps,
                matches!(a.output.format, Format::Json),
                lang,
            )
        }),
    };
    match result {
        Ok(bytes) => match write_output(out.as_deref(), &bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{}", io_message(lang, out.as_deref(), &e));
                ExitCode::from(2)
            }
        },
        Err(f) => {
            let mut err = std::io::stderr().lock();
            for m in &f.messages {
                // Stderr is the last channel: a failing write there has nowhere to go,
                // and the exit code still says the command failed.
                let _ = writeln!(err, "{m}");
            }
            ExitCode::from(f.code)
        }
    }
}

fn write_output(path: Option<&Path>, bytes: &[u8]) -> std::io::Result<()> {
    match path {
        Some(p) => std::fs::write(p, bytes),
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(bytes).and_then(|()| out.flush()) {
                // `avfallskalkyl measures | head` closes the pipe early: not an error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => other,
            }
        }
    }
}

fn io_message(lang: Lang, path: Option<&Path>, e: &std::io::Error) -> String {
    let p = path.map_or_else(|| "-".to_string(), |p| p.display().to_string());
    match lang {
        Lang::Sv => format!("fel: {p}: {e}"),
        Lang::En => format!("error: {p}: {e}"),
    }
}

fn read_file(path: &Path, lang: Lang) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|e| Failure::input(io_message(lang, Some(path), &e)))
}

fn csv_failure(lang: Lang, path: &Path, errors: &[CsvError], imported_nothing: bool) -> Failure {
    let mut messages: Vec<String> = errors
        .iter()
        .map(|e| format!("{}: {}", path.display(), e.message(lang)))
        .collect();
    let n = errors.len();
    messages.push(match (lang, imported_nothing) {
        (Lang::Sv, true) => format!(
            "{n} fel i {}; inget importerades (--keep-valid importerar de felfria raderna)",
            path.display()
        ),
        (Lang::En, true) => format!(
            "{n} problem(s) in {}; nothing was imported (--keep-valid imports the rows without problems)",
            path.display()
        ),
        (Lang::Sv, false) => format!("{n} fel i {}", path.display()),
        (Lang::En, false) => format!("{n} problem(s) in {}", path.display()),
    });
    Failure { messages, code: 2 }
}

fn file_stem(path: &Path) -> String {
    path.file_stem().map_or_else(
        || "scenario".to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// The factor table: a built-in set, with a user's file laid over it or instead of it.
fn factor_table(
    catalogue: &Catalogue,
    args: &FactorArgs,
    lang: Lang,
) -> Result<FactorTable, Failure> {
    let base = match &args.factor_set {
        Some(id) => catalogue.set(id).ok_or_else(|| {
            let known: Vec<&str> = catalogue
                .sets
                .iter()
                .map(|s| s.info().id.as_str())
                .collect();
            Failure::input(match lang {
                Lang::Sv => format!(
                    "fel: okänd faktoruppsättning '{id}' (finns: {})",
                    known.join(", ")
                ),
                Lang::En => format!(
                    "error: unknown factor set '{id}' (known: {})",
                    known.join(", ")
                ),
            })
        })?,
        None => catalogue.current_set().ok_or_else(|| Failure {
            messages: vec!["avfallskalkyl: no built-in factor set".to_string()],
            code: 1,
        })?,
    };
    let Some(path) = &args.factors else {
        return Ok(base.clone());
    };
    let bytes = read_file(path, lang)?;
    let info = FactorSetInfo {
        id: file_stem(path),
        name: path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        version: "user".to_string(),
        year: None,
    };
    let mut user = csvio::read_factor_table(&bytes, info)
        .map_err(|errors| csv_failure(lang, path, &errors, true))?;
    if args.replace_factors {
        for s in &catalogue.sources {
            // A source the user's table already has stays as it is.
            let _ = user.insert_source(s.clone());
        }
        Ok(user)
    } else {
        Ok(base.overlaid_with(&user))
    }
}

fn parse_period(text: &str, lang: Lang) -> Result<PlanPeriod, Failure> {
    let bad = || {
        Failure::input(match lang {
            Lang::Sv => {
                format!("fel: --period '{text}': skriv första och sista år, t.ex. 2025-2035")
            }
            Lang::En => {
                format!("error: --period '{text}': give the first and last year, e.g. 2025-2035")
            }
        })
    };
    let (a, b) = text.split_once(['-', '–']).ok_or_else(bad)?;
    let a: u16 = a.trim().parse().map_err(|_| bad())?;
    let b: u16 = b.trim().parse().map_err(|_| bad())?;
    PlanPeriod::new(Year(a), Year(b)).map_err(|_| bad())
}

fn parse_rate(text: &str, lang: Lang) -> Result<Share, Failure> {
    csvio::parse_decimal(text, true)
        // Not silent: `None` becomes the error below.
        .and_then(|d| Share::from_percent(d).ok())
        .ok_or_else(|| {
            Failure::input(match lang {
                Lang::Sv => format!("fel: --discount-rate '{text}': ange procent mellan 0 och 100"),
                Lang::En => {
                    format!("error: --discount-rate '{text}': give a percentage between 0 and 100")
                }
            })
        })
}

/// A scenario file read and checked, with the factor table to evaluate it against.
struct Loaded {
    table: FactorTable,
    scenarios: Vec<Scenario>,
    dialect: Dialect,
    warnings: Vec<String>,
}

fn load(catalogue: &Catalogue, args: &ScenarioArgs, lang: Lang) -> Result<Loaded, Failure> {
    let period = parse_period(&args.period, lang)?;
    let rate = parse_rate(&args.discount_rate, lang)?;
    let table = factor_table(catalogue, &args.factors, lang)?;
    let bytes = read_file(&args.scenario, lang)?;
    let ctx = ScenarioContext::new(
        catalogue.measures.iter().cloned(),
        catalogue.municipalities.iter().cloned(),
    )
    .with_period(period)
    .with_discount_rate(rate)
    .with_default_name(file_stem(&args.scenario));
    let import = csvio::read_scenarios_keep_valid(&bytes, &ctx);
    drop(bytes);
    let mut warnings = Vec::new();
    if !import.errors.is_empty() {
        if !args.keep_valid || import.scenarios.is_empty() {
            return Err(csv_failure(lang, &args.scenario, &import.errors, true));
        }
        let f = csv_failure(lang, &args.scenario, &import.errors, false);
        warnings.extend(f.messages);
        warnings.push(match lang {
            Lang::Sv => format!(
                "{} rader med fel hoppades över",
                rows_with_errors(&import.errors)
            ),
            Lang::En => format!(
                "{} rows with problems were left out",
                rows_with_errors(&import.errors)
            ),
        });
    }
    Ok(Loaded {
        table,
        scenarios: import.scenarios,
        dialect: import.dialect,
        warnings,
    })
}

/// `contributions`: the scenario file's scenarios, or the built-in default scenario.
fn run_contributions(catalogue: &Catalogue, args: &ContributionsArgs, lang: Lang) -> Outcome {
    let loaded = match &args.scenario {
        Some(path) => load(
            catalogue,
            &ScenarioArgs {
                scenario: path.clone(),
                factors: FactorArgs {
                    factors: args.factors.factors.clone(),
                    replace_factors: args.factors.replace_factors,
                    factor_set: args.factors.factor_set.clone(),
                },
                period: args.period.clone(),
                discount_rate: args.discount_rate.clone(),
                keep_valid: false,
            },
            lang,
        )?,
        None => {
            let period = parse_period(&args.period, lang)?;
            let mut scenario = catalogue.default_scenario();
            scenario.period = period;
            scenario.discount_rate = parse_rate(&args.discount_rate, lang)?;
            Loaded {
                table: factor_table(catalogue, &args.factors, lang)?,
                scenarios: vec![scenario],
                dialect: Dialect::EXCEL_SV,
                warnings: Vec::new(),
            }
        }
    };
    print_warnings(&loaded.warnings);
    let dialect = args.output.csv_dialect.resolve(Some(loaded.dialect));
    decide::run_contributions(
        catalogue,
        &loaded,
        args.output.format,
        dialect,
        args.top,
        lang,
    )
}

fn rows_with_errors(errors: &[CsvError]) -> usize {
    let mut lines: Vec<u64> = errors.iter().map(|e| e.line).filter(|l| *l > 1).collect();
    lines.dedup();
    lines.len()
}

/// Evaluates every scenario and renders each result with `render`, in file order. The
/// scenarios are shared out over the machine's cores; each evaluation is dropped once
/// rendered, so memory stays at the size of the input and the output.
fn render_each<F>(loaded: &Loaded, lang: Lang, render: F) -> Result<Vec<Vec<u8>>, Failure>
where
    F: Fn(&Evaluation) -> Result<Vec<u8>, Failure> + Sync,
{
    let scenarios = &loaded.scenarios;
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(scenarios.len())
        .max(1);
    let chunk = scenarios.len().div_ceil(threads).max(1);
    let table = &loaded.table;
    let render = &render;
    let results: Vec<Result<Vec<Vec<u8>>, Failure>> = std::thread::scope(|s| {
        let handles: Vec<_> = scenarios
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|sc| {
                            evaluate(table, sc)
                                .map_err(|e| {
                                    Failure::input(match lang {
                                        Lang::Sv => format!(
                                            "fel: scenario '{}': kan inte räknas ut: {e}",
                                            sc.name
                                        ),
                                        Lang::En => format!(
                                            "error: scenario '{}': cannot be evaluated: {e}",
                                            sc.name
                                        ),
                                    })
                                })
                                .and_then(|e| render(&e))
                        })
                        .collect::<Result<Vec<_>, _>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| {
                    Err(Failure {
                        messages: vec!["avfallskalkyl: internal error".to_string()],
                        code: 1,
                    })
                })
            })
            .collect()
    });
    let mut out = Vec::with_capacity(scenarios.len());
    for r in results {
        out.extend(r?);
    }
    Ok(out)
}

/// `value` as pretty JSON; a serialisation failure is reported (exit 1), never an empty
/// output with exit 0.
fn to_json<T: serde::Serialize>(value: &T, lang: Lang) -> Result<Vec<u8>, Failure> {
    serde_json::to_vec_pretty(value).map_err(|e| json_failure(&e, lang))
}

/// The failure for a JSON serialisation error.
fn json_failure(e: &serde_json::Error, lang: Lang) -> Failure {
    Failure {
        messages: vec![match lang {
            Lang::Sv => format!("avfallskalkyl: internt fel: kan inte skriva JSON: {e}"),
            Lang::En => format!("avfallskalkyl: internal error: cannot write JSON: {e}"),
        }],
        code: 1,
    }
}

fn json_bytes<T: serde::Serialize>(value: &T, lang: Lang) -> Result<Vec<u8>, Failure> {
    let mut v = to_json(value, lang)?;
    v.push(b'\n');
    Ok(v)
}

/// One JSON value for one scenario, an array of them for several.
fn json_list(parts: Vec<Vec<u8>>) -> Vec<u8> {
    if parts.len() == 1 {
        let mut v = parts.into_iter().flatten().collect::<Vec<u8>>();
        v.push(b'\n');
        return v;
    }
    let mut v = b"[\n".to_vec();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            v.extend_from_slice(b",\n");
        }
        v.extend_from_slice(p);
    }
    v.extend_from_slice(b"\n]\n");
    v
}

fn join(parts: Vec<Vec<u8>>, separator: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(parts.iter().map(Vec::len).sum::<usize>() + parts.len());
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            v.extend_from_slice(separator);
        }
        v.extend_from_slice(p);
    }
    v
}

fn print_warnings(warnings: &[String]) {
    let mut err = std::io::stderr().lock();
    for w in warnings {
        // Stderr is the last channel: a failing write there has nowhere to go.
        let _ = writeln!(err, "{w}");
    }
}

fn run_evaluate(catalogue: &Catalogue, args: &EvaluateArgs, lang: Lang) -> Outcome {
    let loaded = load(catalogue, &args.scenario, lang)?;
    print_warnings(&loaded.warnings);
    Ok(match args.output.format {
        Format::Table => {
            let parts = render_each(&loaded, lang, |e| {
                Ok(
                    text::evaluation_tables(catalogue, std::slice::from_ref(e), lang, args.detail)
                        .into_bytes(),
                )
            })?;
            join(parts, b"\n")
        }
        Format::Csv => {
            let dialect = args.output.csv_dialect.resolve(Some(loaded.dialect));
            let parts = render_each(&loaded, lang, |e| {
                Ok(csvio::results_csv_rows(e, dialect, lang).into_bytes())
            })?;
            let mut text = csvio::results_csv_header(dialect, lang).into_bytes();
            text.extend(join(parts, b""));
            match dialect.encoding {
                Encoding::Windows1252 => {
                    csvio::encode(&String::from_utf8_lossy(&text), dialect.encoding)
                }
                _ => text,
            }
        }
        Format::Json => match args.monte_carlo {
            None => json_list(render_each(&loaded, lang, |e| {
                to_json(&ResultsJson::new(e), lang)
            })?),
            Some(draws) => {
                let bands = decide::monte_carlo_all(&loaded, draws, args.seed, lang)?;
                let parts = render_each(&loaded, lang, |e| {
                    serde_json::to_vec(&ResultsJson::new(e)).map_err(|err| json_failure(&err, lang))
                })?;
                let docs = parts
                    .into_iter()
                    .zip(bands)
                    .map(|(p, mc)| {
                        let mut v: serde_json::Value =
                            serde_json::from_slice(&p).map_err(|e| json_failure(&e, lang))?;
                        if let Some(obj) = v.as_object_mut() {
                            obj.insert(
                                "monte_carlo".into(),
                                serde_json::to_value(mc).map_err(|e| json_failure(&e, lang))?,
                            );
                        }
                        to_json(&v, lang)
                    })
                    .collect::<Result<Vec<_>, Failure>>()?;
                json_list(docs)
            }
        },
    })
}

fn run_rank(catalogue: &Catalogue, args: &RankArgs, lang: Lang) -> Outcome {
    let loaded = load(catalogue, &args.scenario, lang)?;
    print_warnings(&loaded.warnings);
    let by = match args.by {
        RankByArg::Co2e => RankBy::Co2e,
        RankByArg::Sek => RankBy::Sek,
        RankByArg::CostPerTonne => RankBy::CostPerTonne,
    };
    let dialect = args.output.csv_dialect.resolve(Some(loaded.dialect));
    let format = args.output.format;
    let perspective = calc_core::Perspective::from(args.perspective);
    let parts = render_each(&loaded, lang, |e| {
        let r = calc_core::rank_for(e, by, perspective);
        match format {
            Format::Table => {
                Ok(text::rank_tables(catalogue, &[(e, r)], by, perspective, lang).into_bytes())
            }
            Format::Csv => {
                Ok(
                    text::rank_csv(catalogue, &[(e, r)], dialect, lang, perspective, false)
                        .into_bytes(),
                )
            }
            Format::Json => {
                #[derive(serde::Serialize)]
                struct RankJson<'a> {
                    schema_version: &'static str,
                    scenario: &'a str,
                    by: RankBy,
                    perspective: calc_core::Perspective,
                    ranking: &'a [calc_core::Ranked],
                }
                to_json(
                    &RankJson {
                        schema_version: calc_core::RESULTS_SCHEMA_VERSION,
                        scenario: &e.scenario,
                        by,
                        perspective,
                        ranking: &r,
                    },
                    lang,
                )
            }
        }
    })?;
    Ok(match format {
        Format::Table => join(parts, b"\n"),
        Format::Csv => {
            let mut text = text::rank_csv(catalogue, &[], dialect, lang, perspective, true);
            text.push_str(&String::from_utf8_lossy(&join(parts, b"")));
            csvio::encode(&text, dialect.encoding)
        }
        Format::Json => json_list(parts),
    })
}

fn run_factors(catalogue: &Catalogue, args: &FactorsArgs, lang: Lang) -> Outcome {
    let fa = FactorArgs {
        factors: None,
        replace_factors: false,
        factor_set: args.factor_set.clone(),
    };
    let table = factor_table(catalogue, &fa, lang)?;
    Ok(match args.output.format {
        Format::Table => text::factors_table(&table, lang).into_bytes(),
        Format::Csv => {
            let dialect = args.output.csv_dialect.resolve(None);
            csvio::encode(
                &csvio::write_factor_table(&table, dialect),
                dialect.encoding,
            )
        }
        Format::Json => {
            #[derive(serde::Serialize)]
            struct FactorsJson<'a> {
                factor_set: &'a FactorSetInfo,
                emission_factors: Vec<&'a calc_core::EmissionFactor>,
                cost_factors: Vec<&'a calc_core::CostFactor>,
                sources: Vec<&'a calc_core::Source>,
            }
            json_bytes(
                &FactorsJson {
                    factor_set: table.info(),
                    emission_factors: table.emission_factors().collect(),
                    cost_factors: table.cost_factors().collect(),
                    sources: table.sources().collect(),
                },
                lang,
            )?
        }
    })
}

fn template(catalogue: &Catalogue, args: &TemplateArgs, lang: Lang) -> Vec<u8> {
    let scenario = catalogue.default_scenario();
    let dialect = args.csv_dialect.resolve(None);
    csvio::encode(
        &csvio::write_scenario_csv(&scenario, dialect, lang),
        dialect.encoding,
    )
}

/// A percentage for people: `3,5 %` or `3.5 %`.
fn percent(share: Share, lang: Lang) -> String {
    let p = share.percent().normalize();
    let s = csvio::format_decimal(p, lang == Lang::Sv);
    format!("{s} %")
}

/// Rounds for display only.
fn round(d: Decimal, dp: u32) -> Decimal {
    d.round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_json_failure_is_an_internal_error_in_both_languages() {
        let Err(e) = serde_json::from_str::<u8>("x") else {
            return;
        };
        let sv = json_failure(&e, Lang::Sv);
        let en = json_failure(&e, Lang::En);
        assert_eq!((sv.code, en.code), (1, 1));
        assert_eq!(
            sv.messages,
            ["avfallskalkyl: internt fel: kan inte skriva JSON: expected value at line 1 column 1"]
        );
        assert_eq!(
            en.messages,
            ["avfallskalkyl: internal error: cannot write JSON: expected value at line 1 column 1"]
        );
    }
}
