//! The command line: subcommands and their options (clap).

use calc_core::csvio::{Dialect, Encoding, Lang};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

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
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
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
    /// List the municipalities (names and SCB codes to use in a scenario file): the eight
    /// Sjuhärad municipalities with their populations, or with --all SCB's list of all 290.
    Municipalities(MunicipalitiesArgs),
    /// List the units of the organisation and the measures each leads or contributes to,
    /// with the reason.
    Units(ListArgs),
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
    /// Do the measures reach the plan's goals, and are we on track? For each target and
    /// municipality: base, straight path, projection from the measures, gap at the target
    /// year, status (on track / behind / reached) and each measure's contribution, with the
    /// figures per inhabitant. Without --targets, the plan's built-in goals.
    Targets(TargetsArgs),
}

#[derive(Debug, Args)]
pub(crate) struct TargetsArgs {
    #[command(flatten)]
    pub(crate) scenario: ScenarioArgs,
    /// Targets file (default: the plan's built-in goals).
    #[arg(long, value_name = "FILE.csv")]
    pub(crate) targets: Option<PathBuf>,
    /// Actuals file: observed values per municipality, indicator and year.
    #[arg(long, value_name = "FILE.csv")]
    pub(crate) actuals: Option<PathBuf>,
    /// For each target not met: the least-cost package of the scenario's measures that
    /// meets it.
    #[arg(long)]
    pub(crate) close_gap: bool,
    /// Effect levels per measure for --close-gap (1 = all or nothing, 4 = 25 % steps).
    #[arg(long, default_value_t = 1)]
    pub(crate) steps: u32,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

#[derive(Debug, Args)]
pub(crate) struct ContributionsArgs {
    /// A scenario file (CSV); without it, the built-in Sjuhärad scenario.
    #[arg(value_name = "SCENARIO.csv")]
    pub(crate) scenario: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) factors: FactorArgs,
    /// Plan period, first and last year.
    #[arg(long, value_name = "FIRST-LAST", default_value = "2025-2030")]
    pub(crate) period: String,
    /// Discount rate in percent for the net present value.
    #[arg(long, value_name = "PERCENT", default_value = "3.5")]
    pub(crate) discount_rate: String,
    /// How many rows the table shows (CSV and JSON have all).
    #[arg(long, default_value_t = 25)]
    pub(crate) top: usize,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

#[derive(Debug, Args)]
pub(crate) struct SensitivityArgs {
    #[command(flatten)]
    pub(crate) scenario: ScenarioArgs,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

#[derive(Debug, Args)]
pub(crate) struct OptimizeArgs {
    #[command(flatten)]
    pub(crate) scenario: ScenarioArgs,
    /// Budget for one-time (implementation) costs, in SEK.
    #[arg(long, value_name = "SEK")]
    pub(crate) budget_sek: Option<u64>,
    /// Budget for running costs per year, in SEK.
    #[arg(long, value_name = "SEK")]
    pub(crate) budget_sek_per_year: Option<u64>,
    /// Effect levels per measure (1 = all or nothing, 4 = 25 %, 50 %, 75 %, 100 %).
    #[arg(long, default_value_t = 1)]
    pub(crate) steps: u32,
    /// Whose spending the budget limits (measures paid by others cost it nothing).
    #[arg(long, value_enum, default_value_t = PerspectiveArg::Municipality)]
    pub(crate) perspective: PerspectiveArg,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum Format {
    /// A table for reading in a terminal.
    Table,
    /// CSV for a spreadsheet.
    Csv,
    /// JSON for other programs (schema: docs/results.schema.json).
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum LangArg {
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
pub(crate) enum DialectArg {
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
    pub(crate) fn resolve(self, input: Option<Dialect>) -> Dialect {
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
pub(crate) enum RankByArg {
    /// Most t CO2e saved per year first.
    Co2e,
    /// Most money saved per year first.
    Sek,
    /// Lowest cost per tonne CO2e first (negative: saves money too).
    CostPerTonne,
}

/// Whose money counts.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum PerspectiveArg {
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
pub(crate) struct OutputArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub(crate) format: Format,
    /// Write to this file instead of the terminal: a regular file or a new one (a link,
    /// directory or device is refused), replaced only when the output is complete.
    #[arg(long, value_name = "FILE")]
    pub(crate) out: Option<PathBuf>,
    /// Language of headers, messages and number formatting.
    #[arg(long, value_enum, default_value_t = LangArg::Sv)]
    pub(crate) lang: LangArg,
    /// Separator, decimal mark and encoding of CSV output.
    #[arg(long, value_enum, default_value_t = DialectArg::Auto)]
    pub(crate) csv_dialect: DialectArg,
}

#[derive(Debug, Args)]
pub(crate) struct FactorArgs {
    /// Your own factor file (same columns as `avfallskalkyl factors --format csv`). Its
    /// factors replace the built-in ones for the same fraction and route.
    #[arg(long, value_name = "FILE.csv")]
    pub(crate) factors: Option<PathBuf>,
    /// Use only the factors in `--factors`, not the built-in set.
    #[arg(long, requires = "factors")]
    pub(crate) replace_factors: bool,
    /// Which built-in factor set to use (see `avfallskalkyl factors`); default the current.
    #[arg(long, value_name = "ID")]
    pub(crate) factor_set: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct ScenarioArgs {
    /// The scenario file (CSV).
    #[arg(value_name = "SCENARIO.csv")]
    pub(crate) scenario: PathBuf,
    #[command(flatten)]
    pub(crate) factors: FactorArgs,
    /// Plan period, first and last year.
    #[arg(long, value_name = "FIRST-LAST", default_value = "2025-2030")]
    pub(crate) period: String,
    /// Discount rate in percent for the net present value.
    #[arg(long, value_name = "PERCENT", default_value = "3.5")]
    pub(crate) discount_rate: String,
    /// The municipalities' own figures (baseline file: municipality, pool, year, tonnes or
    /// kg per inhabitant, route shares, source; docs/targets.en.md). They replace the
    /// built-in quantities and route shares for that municipality and pool in every result.
    #[arg(long, value_name = "FILE.csv")]
    pub(crate) baseline: Option<PathBuf>,
    /// Municipalities outside Sjuhärad (or new populations for Sjuhärad's): a CSV with
    /// scb_code/kommunkod, name/namn (optional, checked against SCB's list),
    /// population/folkmangd, population_date/datum (YYYY-MM-DD, from the year before the
    /// plan period to its last year) and source/kalla. Any of Sweden's 290 municipalities
    /// (`avfallskalkyl municipalities --all`); the scenario file names them by code or
    /// name. Their results come from the national per-inhabitant defaults (refine them with
    /// --baseline); the plan's built-in targets stay Sjuhärad's.
    #[arg(long, value_name = "FILE.csv")]
    pub(crate) municipalities: Option<PathBuf>,
    /// Evaluate the valid rows of a file with errors (the errors are still listed).
    #[arg(long)]
    pub(crate) keep_valid: bool,
    /// Which effects rows without an effect of their own (or with the expected one) take:
    /// the expected outcome (evidence, with its range) or the plan's ambition (each
    /// measure's goal reached).
    #[arg(long, value_enum, default_value_t = CaseArg::Expected)]
    pub(crate) case: CaseArg,
    /// Count what the law requires (the reference path's legal duties) in the totals; by
    /// default it is shown on its own line and the totals are the plan's.
    #[arg(long)]
    pub(crate) include_required_by_law: bool,
}

/// The case of `--case`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum CaseArg {
    /// The expected outcome: evidence-based effects with their ranges.
    Expected,
    /// The plan's ambition: every measure at its goal's effect.
    Ambition,
}

impl CaseArg {
    pub(crate) fn case(self) -> calc_core::Case {
        match self {
            CaseArg::Expected => calc_core::Case::Expected,
            CaseArg::Ambition => calc_core::Case::Ambition,
        }
    }
}

#[derive(Debug, Args)]
pub(crate) struct EvaluateArgs {
    #[command(flatten)]
    pub(crate) scenario: ScenarioArgs,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
    /// In the table, also list every measure in every municipality.
    #[arg(long)]
    pub(crate) detail: bool,
    /// Add Monte Carlo percentile bands from N draws over the ranges of the factors,
    /// yields, measure costs and effects (two-piece triangular: the central value is each
    /// input's median; the same seed gives the same output), in the table and in JSON, with
    /// each figure checked against the central result.
    #[arg(long, value_name = "N")]
    pub(crate) monte_carlo: Option<u32>,
    /// Seed for `--monte-carlo`.
    #[arg(long, default_value_t = 1)]
    pub(crate) seed: u64,
    /// Group the results: `unit` gives each unit of the organisation (meal services,
    /// schools, IT, …) the measures it leads or contributes to, their figures, its share of
    /// the plan's CO2e (from the measures it leads), the targets they serve and its measures
    /// by cost per tonne.
    #[arg(
        long,
        value_enum,
        value_name = "GROUPING",
        conflicts_with = "monte_carlo"
    )]
    pub(crate) by: Option<ByArg>,
}

/// The grouping of `evaluate --by`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ByArg {
    /// Per unit of the organisation.
    Unit,
}

#[derive(Debug, Args)]
pub(crate) struct RankArgs {
    #[command(flatten)]
    pub(crate) scenario: ScenarioArgs,
    /// What to rank by.
    #[arg(long, value_enum, default_value_t = RankByArg::Co2e)]
    pub(crate) by: RankByArg,
    /// Whose money counts for `--by sek` and `--by cost-per-tonne`.
    #[arg(long, value_enum, default_value_t = PerspectiveArg::Municipality)]
    pub(crate) perspective: PerspectiveArg,
    /// Only the measures this unit of the organisation leads or contributes to (e.g.
    /// `kost`, `it`; `avfallskalkyl units` lists them), ranked 1, 2, … among themselves.
    #[arg(long, value_name = "UNIT")]
    pub(crate) unit: Option<String>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

#[derive(Debug, Args)]
pub(crate) struct MunicipalitiesArgs {
    /// All 290 municipalities in SCB's list (codes and names, no populations).
    #[arg(long)]
    pub(crate) all: bool,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

#[derive(Debug, Args)]
pub(crate) struct ListArgs {
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

#[derive(Debug, Args)]
pub(crate) struct FactorsArgs {
    /// Which built-in factor set (default: the current one).
    #[arg(long, value_name = "ID")]
    pub(crate) factor_set: Option<String>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

#[derive(Debug, Args)]
pub(crate) struct TemplateArgs {
    /// Write to this file instead of the terminal: a regular file or a new one (a link,
    /// directory or device is refused), replaced only when the output is complete.
    #[arg(long, value_name = "FILE")]
    pub(crate) out: Option<PathBuf>,
    /// Language of the headers and measure names.
    #[arg(long, value_enum, default_value_t = LangArg::Sv)]
    pub(crate) lang: LangArg,
    /// Separator, decimal mark and encoding.
    #[arg(long, value_enum, default_value_t = DialectArg::ExcelSv)]
    pub(crate) csv_dialect: DialectArg,
}
