//! `avfallskalkyl`: evaluate waste plan scenarios written as CSV files (for example in
//! Excel with Swedish locale) and get the results as a table, CSV or JSON.
//!
//! All calculation and file-format logic lives in `calc-core`; this binary reads files,
//! picks options and prints. Exit codes: 0 success, 2 a problem with the input (every
//! problem is listed on stderr), 1 the built-in data could not be loaded.

mod args;
mod commands;
mod decide;
mod inputs;
mod lang;
mod out_file;
mod output;
mod targets;
mod text;

use calc_core::csvio::Lang;
use clap::Parser;
use rust_decimal::Decimal;
use std::io::Write;
use std::process::ExitCode;

use crate::args::*;
use crate::commands::*;
use crate::inputs::*;

fn main() -> ExitCode {
    // A bug must not print a backtrace at an analyst: one line, then exit.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("avfallskalkyl: internal error: {info}");
    }));
    let cli = Cli::parse();
    let (lang, out, format) = match &cli.command {
        Command::Evaluate(a) => (a.output.lang, a.output.out.clone(), a.output.format),
        Command::Rank(a) => (a.output.lang, a.output.out.clone(), a.output.format),
        Command::Measures(a) | Command::Units(a) => {
            (a.output.lang, a.output.out.clone(), a.output.format)
        }
        Command::Municipalities(a) => (a.output.lang, a.output.out.clone(), a.output.format),
        Command::Factors(a) => (a.output.lang, a.output.out.clone(), a.output.format),
        Command::Template(a) => (a.lang, a.out.clone(), Format::Csv),
        Command::Sensitivity(a) => (a.output.lang, a.output.out.clone(), a.output.format),
        Command::Contributions(a) => (a.output.lang, a.output.out.clone(), a.output.format),
        Command::Optimize(a) => (a.output.lang, a.output.out.clone(), a.output.format),
        Command::Targets(a) => (a.output.lang, a.output.out.clone(), a.output.format),
    };
    let lang = Lang::from(lang);
    if let Err(f) = out_file::check(out.as_deref(), lang) {
        return fail(&f);
    }
    let catalogue = match factors::builtin() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("avfallskalkyl: {e}");
            return ExitCode::from(1);
        }
    };
    let result = match &cli.command {
        Command::Evaluate(a) if streams(a) => {
            return match stream_evaluate(catalogue, a, lang, out.as_deref()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(f) => fail(&f),
            };
        }
        Command::Evaluate(a) => run_evaluate(catalogue, a, lang),
        Command::Rank(a) => run_rank(catalogue, a, lang),
        Command::Measures(a) => text::measures(catalogue, &a.output, lang),
        Command::Municipalities(a) if a.all => text::all_municipalities(catalogue, &a.output, lang),
        Command::Municipalities(a) => text::municipalities(catalogue, &a.output, lang),
        Command::Units(a) => text::units(catalogue, &a.output, lang),
        Command::Factors(a) => run_factors(catalogue, a, lang),
        Command::Template(a) => Ok(template(catalogue, a, lang)),
        Command::Sensitivity(a) => load(catalogue, &a.scenario, lang).and_then(|l| {
            output::print_warnings(&l.warnings);
            decide::run_sensitivity(&l, matches!(a.output.format, Format::Json), lang)
        }),
        Command::Contributions(a) => run_contributions(catalogue, a, lang),
        Command::Targets(a) => targets::run_targets(catalogue, a, lang),
        Command::Optimize(a) => load(catalogue, &a.scenario, lang).and_then(|l| {
            output::print_warnings(&l.warnings);
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
    // Text from the input files (names, sources) is shown in a table with its control
    // characters escaped: an ESC sequence in a scenario name must not drive the terminal.
    let result = result.map(|bytes| match format {
        Format::Table => text::terminal_safe_bytes(bytes),
        Format::Csv | Format::Json => bytes,
    });
    let written = result.and_then(|bytes| {
        out_file::write_out(out.as_deref(), lang, |w, io| {
            w.write_all(&bytes).map_err(io)
        })
    });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => fail(&f),
    }
}

fn fail(f: &Failure) -> ExitCode {
    let mut err = std::io::stderr().lock();
    for m in &f.messages {
        // Stderr is the last channel: a failing write there has nowhere to go, and the
        // exit code still says the command failed.
        let _ = writeln!(err, "{}", text::terminal_safe(m));
    }
    ExitCode::from(f.code)
}
