//! The subcommands that evaluate scenarios: evaluate, rank, factors, template,
//! contributions.

use crate::args::*;
use crate::inputs::*;
use crate::output::*;
use crate::{decide, text};
use calc_core::RankBy;
use calc_core::csvio::{self, Dialect, Encoding, Lang};
use factors::Catalogue;
use std::io::Write;
use std::path::Path;

/// `contributions`: the scenario file's scenarios, or the built-in default scenario.
pub(crate) fn run_contributions(
    catalogue: &Catalogue,
    args: &ContributionsArgs,
    lang: Lang,
) -> Outcome {
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
                baseline: None,
                municipalities: None,
                keep_valid: false,
                case: crate::args::CaseArg::Expected,
                include_required_by_law: false,
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
                notices: Vec::new(),
                baseline: calc_core::Baseline::new(&catalogue.pools, calc_core::OwnFigures::new()),
                municipalities: catalogue.municipalities.clone(),
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

/// Whether `evaluate` writes its output as it goes ([`stream_evaluate`]): CSV, and JSON
/// without Monte Carlo bands. Tables and Monte Carlo JSON are built whole.
pub(crate) fn streams(args: &EvaluateArgs) -> bool {
    if args.by.is_some() {
        return false;
    }
    match args.output.format {
        Format::Csv => true,
        Format::Json => args.monte_carlo.is_none(),
        Format::Table => false,
    }
}

/// `evaluate` to CSV or JSON, written scenario by scenario, so memory stays flat in the
/// number of rows. With `--out`, through [`crate::out_file`] as every command's output.
pub(crate) fn stream_evaluate(
    catalogue: &Catalogue,
    args: &EvaluateArgs,
    lang: Lang,
    out: Option<&Path>,
) -> Result<(), Failure> {
    let loaded = load(catalogue, &args.scenario, lang)?;
    print_warnings(&loaded.warnings);
    crate::out_file::write_out(out, lang, |sink, io| {
        write_evaluations(&loaded, args, lang, sink, io)
    })
}

fn write_evaluations(
    loaded: &Loaded,
    args: &EvaluateArgs,
    lang: Lang,
    sink: &mut dyn Write,
    io: &dyn Fn(std::io::Error) -> Failure,
) -> Result<(), Failure> {
    let mut put = |bytes: &[u8]| sink.write_all(bytes).map_err(io);
    match args.output.format {
        Format::Csv => {
            let dialect = args.output.csv_dialect.resolve(Some(loaded.dialect));
            // Windows-1252 is one byte per character, so encoding part by part gives the
            // same bytes as encoding the whole text: the header with `encode` (which
            // drops its BOM), the rows with `encode_part`, which keeps a leading U+FEFF of
            // a row as a character (dropping it would uncover what the guard saw behind it).
            let encoded = |text: String| match dialect.encoding {
                Encoding::Windows1252 => csvio::encode_part(&text, dialect.encoding),
                _ => text.into_bytes(),
            };
            put(&match dialect.encoding {
                Encoding::Windows1252 => {
                    csvio::encode(&csvio::results_csv_header(dialect, lang), dialect.encoding)
                }
                _ => csvio::results_csv_header(dialect, lang).into_bytes(),
            })?;
            stream_each(
                loaded,
                lang,
                Years::Left,
                |e| Ok(encoded(csvio::results_csv_rows(e, dialect, lang))),
                |part| put(&part),
            )
        }
        _ => {
            // As `json_list`: one value for one scenario, an array of them for several.
            let several = loaded.scenarios.len() != 1;
            if several {
                put(b"[\n")?;
            }
            let mut first = true;
            stream_each(
                loaded,
                lang,
                Years::Shown,
                |e| to_json(&results_json(e, loaded), lang),
                |part| {
                    if several && !first {
                        put(b",\n")?;
                    }
                    first = false;
                    put(&part)
                },
            )?;
            put(if several { b"\n]\n" } else { b"\n" })
        }
    }
}

pub(crate) fn run_evaluate(catalogue: &Catalogue, args: &EvaluateArgs, lang: Lang) -> Outcome {
    let loaded = load(catalogue, &args.scenario, lang)?;
    print_warnings(&loaded.warnings);
    if args.by == Some(ByArg::Unit) {
        return run_by_unit(catalogue, &loaded, args, lang);
    }
    Ok(match args.output.format {
        Format::Table => {
            let mut parts = Vec::with_capacity(loaded.scenarios.len());
            for scenario in &loaded.scenarios {
                let fail = |e: calc_core::CalcError| cannot_evaluate(lang, &scenario.name, e);
                let e = calc_core::evaluate_totals(&loaded.table, scenario).map_err(fail)?;
                print_warnings(&crate::output::notes_of(&e, lang));
                // Each measure's result at the plan's goal beside its expected one.
                let goal = if e.case == calc_core::Case::Ambition {
                    None
                } else {
                    let mut at_goal = scenario.clone();
                    at_goal.set_case(calc_core::Case::Ambition);
                    Some(calc_core::evaluate_totals(&loaded.table, &at_goal).map_err(fail)?)
                };
                parts.push(
                    text::evaluation_tables(catalogue, &[(e, goal)], lang, args.detail)
                        .into_bytes(),
                );
            }
            let mut text = join(parts, b"\n");
            if let Some(draws) = args.monte_carlo {
                text.extend(decide::monte_carlo_tables(&loaded, draws, args.seed, lang)?);
            }
            text
        }
        Format::Csv => {
            let dialect = args.output.csv_dialect.resolve(Some(loaded.dialect));
            let parts = render_each(&loaded, lang, Years::Left, |e| {
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
            None => json_list(render_each(&loaded, lang, Years::Shown, |e| {
                to_json(&results_json(e, &loaded), lang)
            })?),
            Some(draws) => {
                let docs = decide::results_with_monte_carlo(&loaded, draws, args.seed, lang)?;
                json_list(
                    docs.iter()
                        .map(|d| to_json(d, lang))
                        .collect::<Result<Vec<_>, Failure>>()?,
                )
            }
        },
    })
}

/// `evaluate --by unit`: each scenario evaluated with its years, its targets' progress
/// (the plan's built-in targets in its Sjuhärad municipalities), grouped by unit.
fn run_by_unit(catalogue: &Catalogue, loaded: &Loaded, args: &EvaluateArgs, lang: Lang) -> Outcome {
    let perspective = calc_core::Perspective::Municipality;
    let dialect = args.output.csv_dialect.resolve(Some(loaded.dialect));
    let baseline = &loaded.baseline;
    let mut parts = Vec::with_capacity(loaded.scenarios.len());
    for scenario in &loaded.scenarios {
        let fail = |e: calc_core::CalcError| cannot_evaluate(lang, &scenario.name, e);
        let e = calc_core::evaluate(&loaded.table, scenario).map_err(fail)?;
        print_warnings(&notes_of(&e, lang));
        let here: Vec<std::sync::Arc<calc_core::Municipality>> = catalogue
            .municipalities
            .iter()
            .filter(|k| {
                scenario
                    .items
                    .iter()
                    .any(|it| it.municipality().code == k.code)
            })
            .cloned()
            .collect();
        let report = calc_core::progress(
            &loaded.table,
            baseline,
            scenario,
            &here,
            &catalogue.targets,
            &[],
        )
        .map_err(fail)?;
        let results = calc_core::by_unit(&e, &catalogue.units, Some(&report), perspective);
        parts.push(match args.output.format {
            Format::Table => text::unit_tables(catalogue, &e, &results, lang).into_bytes(),
            Format::Csv => {
                text::unit_csv(catalogue, &e.scenario, &results, dialect, lang, false).into_bytes()
            }
            Format::Json => to_json(
                &calc_core::report::UnitsJson::new(
                    &e.scenario,
                    perspective,
                    &results,
                    &catalogue.units,
                ),
                lang,
            )?,
        });
    }
    Ok(match args.output.format {
        Format::Table => join(parts, b"\n"),
        Format::Csv => {
            let mut text = text::unit_csv(catalogue, "", &[], dialect, lang, true);
            text.push_str(&String::from_utf8_lossy(&join(parts, b"")));
            csvio::encode(&text, dialect.encoding)
        }
        Format::Json => json_list(parts),
    })
}

/// The unit of `rank --unit`, or an error naming the known units.
fn rank_unit<'a>(
    catalogue: &'a Catalogue,
    unit: Option<&str>,
    lang: Lang,
) -> Result<Option<&'a calc_core::OrgUnit>, Failure> {
    let Some(id) = unit else { return Ok(None) };
    catalogue.unit(id).map(Some).ok_or_else(|| {
        let shown = csvio::shown(id);
        let known: Vec<&str> = catalogue
            .units
            .units
            .iter()
            .map(|u| u.id.as_str())
            .collect();
        let known = known.join(", ");
        let near = csvio::suggest(
            id.trim(),
            catalogue.units.units.iter().map(|u| u.id.as_str()),
        );
        let hint = match near.first() {
            Some(n) => crate::lang::tf!(lang, " (menade du '{n}'?)", " (did you mean '{n}'?)"),
            None => String::new(),
        };
        Failure::input(crate::lang::tf!(
            lang,
            "fel: --unit '{shown}': okänd verksamhet{hint}; finns: {known}",
            "error: --unit '{shown}': unknown unit{hint}; known: {known}"
        ))
    })
}

pub(crate) fn run_rank(catalogue: &Catalogue, args: &RankArgs, lang: Lang) -> Outcome {
    let unit = rank_unit(catalogue, args.unit.as_deref(), lang)?;
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
    let parts = render_each(&loaded, lang, Years::Left, |e| {
        let mut r = calc_core::rank_for(e, by, perspective);
        if let Some(u) = unit {
            // The unit's measures only, ranked 1, 2, … among themselves.
            r.retain(|x| catalogue.units.role(&u.id, &x.measure.key).is_some());
            for (i, x) in r.iter_mut().enumerate() {
                x.rank = i + 1;
            }
        }
        match format {
            Format::Table => {
                let mut text = String::new();
                if let Some(u) = unit {
                    text.push_str(&crate::lang::tf!(
                        lang,
                        "Verksamhet: {} – {} (åtgärder den leder eller bidrar till)\n",
                        "Unit: {} – {} (measures it leads or contributes to)\n",
                        u.id,
                        u.name(lang)
                    ));
                }
                text.push_str(&text::rank_tables(
                    catalogue,
                    &[(e, r)],
                    by,
                    perspective,
                    lang,
                ));
                Ok(text.into_bytes())
            }
            Format::Csv => {
                Ok(
                    text::rank_csv(catalogue, &[(e, r)], dialect, lang, perspective, false)
                        .into_bytes(),
                )
            }
            Format::Json => {
                let mut doc = calc_core::report::RankingJson::new(&e.scenario, by, perspective, &r);
                doc.unit = unit.map(|u| u.id.to_string());
                to_json(&doc, lang)
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

pub(crate) fn run_factors(catalogue: &Catalogue, args: &FactorsArgs, lang: Lang) -> Outcome {
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
        Format::Json => json_bytes(&calc_core::report::FactorListingJson::from(&table), lang)?,
    })
}

pub(crate) fn template(catalogue: &Catalogue, args: &TemplateArgs, lang: Lang) -> Vec<u8> {
    let scenario = catalogue.default_scenario();
    let dialect = args.csv_dialect.resolve(None);
    csvio::encode(
        &csvio::write_scenario_csv(&scenario, dialect, lang),
        dialect.encoding,
    )
}
