//! Reading the inputs: files, factor tables, periods, rates and scenario files, with
//! every problem reported in the user's language.

use crate::args::*;
use crate::lang::tf;
use calc_core::csvio::{self, CsvError, Dialect, Lang, ScenarioContext};
use calc_core::{FactorSetInfo, FactorTable, PlanPeriod, Scenario, Share, Year};
use factors::Catalogue;
use std::path::Path;

/// Why the command failed: the messages to print and the exit code.
pub(crate) struct Failure {
    pub(crate) messages: Vec<String>,
    pub(crate) code: u8,
}

impl Failure {
    pub(crate) fn input(message: String) -> Self {
        Self {
            messages: vec![message],
            code: 2,
        }
    }
}

pub(crate) type Outcome = Result<Vec<u8>, Failure>;

/// The failure for a scenario the engine refuses to evaluate.
pub(crate) fn cannot_evaluate(lang: Lang, scenario: &str, e: impl std::fmt::Display) -> Failure {
    let scenario = csvio::shown(scenario);
    Failure::input(tf!(
        lang,
        "fel: scenario '{scenario}': kan inte räknas ut: {e}",
        "error: scenario '{scenario}': cannot be evaluated: {e}"
    ))
}

pub(crate) fn io_message(lang: Lang, path: Option<&Path>, e: &std::io::Error) -> String {
    let p = path.map_or_else(|| "-".to_string(), |p| p.display().to_string());
    tf!(lang, "fel: {p}: {e}", "error: {p}: {e}")
}

pub(crate) fn read_file(path: &Path, lang: Lang) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|e| Failure::input(io_message(lang, Some(path), &e)))
}

pub(crate) fn csv_failure(
    lang: Lang,
    path: &Path,
    errors: &[CsvError],
    imported_nothing: bool,
) -> Failure {
    let mut messages: Vec<String> = errors
        .iter()
        .map(|e| format!("{}: {}", path.display(), e.message(lang)))
        .collect();
    let n = errors.len();
    let path = path.display();
    messages.push(if imported_nothing {
        tf!(
            lang,
            "{n} fel i {path}; inget importerades (--keep-valid importerar de felfria raderna)",
            "{n} problem(s) in {path}; nothing was imported (--keep-valid imports the rows without problems)"
        )
    } else {
        tf!(lang, "{n} fel i {path}", "{n} problem(s) in {path}")
    });
    Failure { messages, code: 2 }
}

pub(crate) fn file_stem(path: &Path) -> String {
    path.file_stem().map_or_else(
        || "scenario".to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// The factor table: a built-in set, with a user's file laid over it or instead of it.
pub(crate) fn factor_table(
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
            let known = known.join(", ");
            Failure::input(tf!(
                lang,
                "fel: okänd faktoruppsättning '{id}' (finns: {known})",
                "error: unknown factor set '{id}' (known: {known})"
            ))
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
        price_year: None,
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

pub(crate) fn parse_period(text: &str, lang: Lang) -> Result<PlanPeriod, Failure> {
    let bad = || {
        Failure::input(tf!(
            lang,
            "fel: --period '{text}': skriv första och sista år, t.ex. 2025-2035",
            "error: --period '{text}': give the first and last year, e.g. 2025-2035"
        ))
    };
    let (a, b) = text.split_once(['-', '–']).ok_or_else(bad)?;
    let a: u16 = a.trim().parse().map_err(|_| bad())?;
    let b: u16 = b.trim().parse().map_err(|_| bad())?;
    PlanPeriod::new(Year(a), Year(b)).map_err(|e| match e {
        calc_core::ModelError::PeriodTooLong { start, .. } => {
            let last = start.get().saturating_add(99);
            Failure::input(tf!(
                lang,
                "fel: --period '{text}': planperioden får vara högst 100 år, t.ex. {start}-{last}",
                "error: --period '{text}': the plan period is at most 100 years, e.g. {start}-{last}"
            ))
        }
        calc_core::ModelError::YearOrder { .. } => Failure::input(tf!(
            lang,
            "fel: --period '{text}': det sista året kommer före det första; skriv första och sista år, t.ex. {b}-{a}",
            "error: --period '{text}': the last year comes before the first; give the first and last year, e.g. {b}-{a}"
        )),
        _ => bad(),
    })
}

pub(crate) fn parse_rate(text: &str, lang: Lang) -> Result<Share, Failure> {
    csvio::parse_decimal(text, true)
        // Not silent: `None` becomes the error below.
        .and_then(|d| Share::from_percent(d).ok())
        .ok_or_else(|| {
            Failure::input(tf!(
                lang,
                "fel: --discount-rate '{text}': ange procent mellan 0 och 100",
                "error: --discount-rate '{text}': give a percentage between 0 and 100"
            ))
        })
}

/// A scenario file read and checked, with the factor table to evaluate it against.
pub(crate) struct Loaded {
    pub(crate) table: FactorTable,
    pub(crate) scenarios: Vec<Scenario>,
    pub(crate) dialect: Dialect,
    pub(crate) warnings: Vec<String>,
    /// The notices about the input that every results JSON carries in `warnings`
    /// (English, as the engine's warnings): optional columns whose defaults were used,
    /// rows left out with `--keep-valid`.
    pub(crate) notices: Vec<String>,
    /// The catalogue's pools with the municipalities' own figures (`--baseline`) laid over
    /// them, already laid over `scenarios` too.
    pub(crate) baseline: calc_core::Baseline,
    /// The municipalities the scenario file could name: the built-in ones, with those of
    /// `--municipalities` replacing or added to them.
    pub(crate) municipalities: Vec<std::sync::Arc<calc_core::Municipality>>,
}

/// The municipalities of `--municipalities FILE`, checked against SCB's list and the plan
/// period; a note per municipality for stderr.
pub(crate) fn own_municipalities(
    catalogue: &Catalogue,
    path: Option<&Path>,
    period: PlanPeriod,
    lang: Lang,
) -> Result<(Vec<std::sync::Arc<calc_core::Municipality>>, Vec<String>), Failure> {
    let Some(path) = path else {
        return Ok((catalogue.municipalities.clone(), Vec::new()));
    };
    let bytes = read_file(path, lang)?;
    let own = csvio::read_own_municipalities(&bytes, &catalogue.all_municipalities, period)
        .map_err(|errors| csv_failure(lang, path, &errors, false))?;
    let own: Vec<std::sync::Arc<calc_core::Municipality>> =
        own.into_iter().map(std::sync::Arc::new).collect();
    let notes = own
        .iter()
        .map(|k| {
            let (name, code, pop, date) = (
                &k.name,
                k.code.as_str(),
                csvio::format_number(rust_decimal::Decimal::from(k.population), 0, lang),
                &k.population_date,
            );
            let source = csvio::shown(k.source.as_str());
            if catalogue.is_plan_municipality(&k.code) {
                tf!(
                    lang,
                    "egen folkmängd: {name} ({code}): {pop} invånare ({date}, {source})",
                    "own population: {name} ({code}): {pop} inhabitants ({date}, {source})"
                )
            } else {
                tf!(
                    lang,
                    "kommun utanför Sjuhärad: {name} ({code}): {pop} invånare ({date}, {source}); nationella standardvärden per invånare, inga inbyggda mål",
                    "municipality outside Sjuhärad: {name} ({code}): {pop} inhabitants ({date}, {source}); national per-inhabitant defaults, no built-in targets"
                )
            }
        })
        .collect();
    Ok((catalogue.municipalities_with(&own), notes))
}

pub(crate) fn load(
    catalogue: &Catalogue,
    args: &ScenarioArgs,
    lang: Lang,
) -> Result<Loaded, Failure> {
    let period = parse_period(&args.period, lang)?;
    let rate = parse_rate(&args.discount_rate, lang)?;
    let table = factor_table(catalogue, &args.factors, lang)?;
    let (municipalities, municipality_notes) =
        own_municipalities(catalogue, args.municipalities.as_deref(), period, lang)?;
    let bytes = read_file(&args.scenario, lang)?;
    // `municipalities_with` keeps the built-in ones first: "Sjuhärad" and "alla" mean them.
    let ctx = ScenarioContext::new(
        catalogue.measures.iter().cloned(),
        municipalities.iter().cloned(),
    )
    .with_plan_municipalities(catalogue.municipalities.len())
    .with_reference_path(catalogue.legal_duties.iter().cloned())
    .with_case(args.case.case())
    .with_period(period)
    .with_discount_rate(rate)
    .with_default_name(file_stem(&args.scenario));
    let import = csvio::read_scenarios_keep_valid(&bytes, &ctx);
    drop(bytes);
    let mut warnings = municipality_notes;
    let mut notices = Vec::new();
    if !import.errors.is_empty() {
        if !args.keep_valid || import.scenarios.is_empty() {
            return Err(csv_failure(lang, &args.scenario, &import.errors, true));
        }
        let f = csv_failure(lang, &args.scenario, &import.errors, false);
        warnings.extend(f.messages);
        notices.extend(csv_failure(Lang::En, &args.scenario, &import.errors, false).messages);
        let rows = rows_with_errors(&import.errors);
        warnings.push(tf!(
            lang,
            "{rows} rader med fel hoppades över",
            "{rows} rows with problems were left out"
        ));
        notices.push(format!("{rows} rows with problems were left out"));
    }
    // As the app says it: a file without the optional columns is read with defaults.
    let path = args.scenario.display();
    for a in &import.assumed {
        warnings.push(format!("{path}: {}", a.message(lang)));
        notices.push(format!("{path}: {}", a.message(Lang::En)));
    }
    let mut scenarios = import.scenarios;
    for s in &mut scenarios {
        s.include_required_by_law = args.include_required_by_law;
    }
    let mut own = calc_core::OwnFigures::new();
    if let Some(path) = &args.baseline {
        let bytes = read_file(path, lang)?;
        own = csvio::read_own_figures(&bytes, &catalogue.pools, &municipalities)
            .map_err(|errors| csv_failure(lang, path, &errors, false))?;
        for r in &own.rows {
            let name = municipalities
                .iter()
                .find(|k| k.code == r.municipality)
                .map_or_else(|| r.municipality.as_str().to_string(), |k| k.name.clone());
            warnings.push(tf!(
                lang,
                "egna siffror i stället för standardvärdena: {name}, {}: {} ({})",
                "own figures instead of the defaults: {name}, {}: {} ({})",
                r.pool.as_str(),
                r.source,
                r.year
            ));
        }
    }
    // Built once: the scenarios take their pools from it, and the targets' progress
    // counts on the same pools.
    let baseline = calc_core::Baseline::new(&catalogue.pools, own);
    let scenarios = scenarios.iter().map(|s| baseline.scenario(s)).collect();
    Ok(Loaded {
        table,
        scenarios,
        dialect: import.dialect,
        warnings,
        notices,
        baseline,
        municipalities,
    })
}

pub(crate) fn rows_with_errors(errors: &[CsvError]) -> usize {
    let mut lines: Vec<u64> = errors.iter().map(|e| e.line).filter(|l| *l > 1).collect();
    lines.dedup();
    lines.len()
}
