//! `targets`: do the scenario's measures reach the plan's goals, and are we on track?

use crate::args::{Format, TargetsArgs};
use crate::inputs::*;
use crate::lang::{t, t_row};
use crate::output::print_warnings;
use calc_core::csvio::{self, Lang, format_number};
use calc_core::report::TargetsJson;
use calc_core::{
    Actual, BaseFrom, GapPlan, Municipality, PerInhabitant, Progress, ScbCode, Scenario, Target,
    TargetReport, close_gap, evaluate, full_ambition, per_inhabitant, progress,
};
use factors::Catalogue;
use rust_decimal::Decimal;
use std::sync::Arc;

/// One scenario's answer.
struct Answer {
    name: String,
    report: TargetReport,
    plans: Vec<GapPlan>,
    per_inhabitant: Vec<PerInhabitant>,
}

fn optional_file<T>(
    path: Option<&std::path::PathBuf>,
    lang: Lang,
    read: impl FnOnce(&[u8]) -> Result<T, Vec<csvio::CsvError>>,
) -> Result<Option<T>, Failure> {
    let Some(path) = path else { return Ok(None) };
    let bytes = read_file(path, lang)?;
    read(&bytes)
        .map(Some)
        .map_err(|errors| csv_failure(lang, path, &errors, false))
}

pub(crate) fn run_targets(catalogue: &Catalogue, args: &TargetsArgs, lang: Lang) -> Outcome {
    // Refused as `contributions --steps` is, also when every target is met and no search runs.
    if args.close_gap && !(1..=calc_core::MAX_STEPS).contains(&args.steps) {
        let e = calc_core::CalcError::Steps {
            steps: args.steps,
            max: calc_core::MAX_STEPS,
        };
        return Err(Failure::input(e.to_string()));
    }
    let loaded = load(catalogue, &args.scenario, lang)?;
    print_warnings(&loaded.warnings);
    let pools = &catalogue.pools;
    // The built-in and `--municipalities` ones: a targets or actuals file may name any.
    let towns = &loaded.municipalities;
    // `load` read `--baseline` and laid it over the catalogue's pools and the scenarios;
    // the targets count their tonnes in the same pools.
    let baseline = &loaded.baseline;
    let own_targets: Option<Vec<Target>> = optional_file(args.targets.as_ref(), lang, |b| {
        csvio::read_targets(b, pools, towns)
    })?;
    // The plan's built-in targets are Sjuhärad's: a municipality outside it has none
    // unless a targets file gives them.
    let plan_only = own_targets.is_none();
    let targets: Vec<Target> = own_targets.unwrap_or_else(|| catalogue.targets.clone());
    let actuals: Vec<Actual> = optional_file(args.actuals.as_ref(), lang, |b| {
        csvio::read_actuals(b, towns)
    })?
    .unwrap_or_default();
    let mut answers = Vec::new();
    for s in &loaded.scenarios {
        let scenario = s.clone();
        let everywhere = municipalities_in(towns, &scenario);
        let here: Vec<Arc<Municipality>> = everywhere
            .iter()
            .filter(|k| !plan_only || catalogue.is_plan_municipality(&k.code))
            .cloned()
            .collect();
        let fail = |e: calc_core::CalcError| cannot_evaluate(lang, &s.name, e);
        let report = progress(
            &loaded.table,
            baseline,
            &scenario,
            &here,
            &targets,
            &actuals,
        )
        .map_err(fail)?;
        let mut plans = Vec::new();
        if args.close_gap {
            for p in report.progress.iter().filter(|p| p.gap > Decimal::ZERO) {
                let (Some(target), Some(k)) = (
                    targets.iter().find(|t| t.id == p.target),
                    here.iter().find(|k| k.code == p.municipality),
                ) else {
                    continue;
                };
                let candidates = full_ambition(&scenario, &catalogue.measures, k, target);
                if let Some(plan) =
                    close_gap(&loaded.table, baseline, &candidates, k, target, args.steps)
                        .map_err(fail)?
                {
                    plans.push(plan);
                }
            }
        }
        let e = evaluate(&loaded.table, &scenario).map_err(fail)?;
        answers.push(Answer {
            name: s.name.clone(),
            report,
            plans,
            per_inhabitant: per_inhabitant(&e, &everywhere),
        });
    }
    let names: Vec<(ScbCode, String)> = towns
        .iter()
        .map(|k| (k.code.clone(), k.name.clone()))
        .collect();
    let name = |code: &ScbCode| {
        names
            .iter()
            .find(|(c, _)| c == code)
            .map_or_else(|| code.as_str().to_string(), |(_, n)| n.clone())
    };
    match args.output.format {
        Format::Json => {
            let docs: Vec<TargetsJson> = answers
                .iter()
                .map(|a| TargetsJson::new(&a.name, &a.report, &names, &a.plans, &a.per_inhabitant))
                .collect();
            serde_json::to_vec_pretty(&docs).map_err(|e| Failure::input(e.to_string()))
        }
        Format::Csv => {
            let dialect = args.output.csv_dialect.resolve(Some(loaded.dialect));
            let f = |d: Decimal| {
                csvio::format_decimal(d.round_dp(4).normalize(), dialect.decimal_comma)
            };
            let header = [
                ("scenario", "scenario"),
                ("mål", "target"),
                ("kommun", "municipality"),
                ("indikator", "indicator"),
                ("enhet", "unit"),
                ("basår", "base_year"),
                ("basvärde", "base_value"),
                ("basvärde_från", "base_from"),
                ("målår", "target_year"),
                ("målvärde", "target_value"),
                ("prognos_målår", "projected_value"),
                ("gap", "gap"),
                ("status", "status"),
                ("egna_siffror", "own_figures"),
                ("bidrag", "contributions"),
            ];
            let mut rows: Vec<Vec<String>> = vec![t_row(lang, &header)];
            for a in &answers {
                for p in &a.report.progress {
                    rows.push(vec![
                        a.name.clone(),
                        p.target.clone(),
                        name(&p.municipality),
                        p.indicator.id().to_string(),
                        p.indicator.unit(lang).to_string(),
                        p.base_year.to_string(),
                        f(p.base_value),
                        base_from(p.base_from, lang).to_string(),
                        p.target_year.to_string(),
                        f(p.target_value),
                        f(p.projected_value),
                        f(p.gap),
                        p.status.name(lang).to_string(),
                        p.own_figures
                            .iter()
                            .map(calc_core::PoolId::as_str)
                            .collect::<Vec<_>>()
                            .join("|"),
                        p.contributions
                            .iter()
                            .map(|c| format!("{}={}", c.measure.as_str(), f(c.change)))
                            .collect::<Vec<_>>()
                            .join("|"),
                    ]);
                }
            }
            let text = crate::text::write_rows(&rows, &[5, 6, 8, 9, 10, 11], dialect);
            Ok(csvio::encode(&text, dialect.encoding))
        }
        Format::Table => {
            let mut out = String::new();
            for (i, a) in answers.iter().enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                out.push_str(&crate::text::targets_table(
                    &a.name,
                    &a.report,
                    &a.plans,
                    &a.per_inhabitant,
                    args.close_gap,
                    baseline.own(),
                    &name,
                    lang,
                ));
            }
            Ok(out.into_bytes())
        }
    }
}

/// The municipalities a scenario has measures in, in the order of `towns`.
fn municipalities_in(towns: &[Arc<Municipality>], s: &Scenario) -> Vec<Arc<Municipality>> {
    towns
        .iter()
        .filter(|k| s.items.iter().any(|it| it.municipality().code == k.code))
        .cloned()
        .collect()
}

pub(crate) fn base_from(b: BaseFrom, lang: Lang) -> &'static str {
    match b {
        BaseFrom::Target => t(lang, "målet", "target"),
        BaseFrom::Municipality => t(lang, "kommunens basvärde", "municipality's base"),
        BaseFrom::Model { own_figures: false } => t(lang, "modellen", "model"),
        BaseFrom::Model { own_figures: true } => {
            t(lang, "modellen, egna siffror", "model, own figures")
        }
    }
}

/// A progress row's values in the indicator's precision.
pub(crate) fn value(d: Decimal, lang: Lang) -> String {
    format_number(d, 1, lang)
}

/// A note for a progress row: the measures' changes.
pub(crate) fn contribution_line(p: &Progress, lang: Lang) -> String {
    let unit = p.indicator.unit(lang);
    let parts: Vec<String> = p
        .contributions
        .iter()
        .filter(|c| !c.change.round_dp(1).is_zero())
        .map(|c| {
            let sign = if c.change > Decimal::ZERO { "+" } else { "" };
            format!(
                "{} {sign}{} {unit}",
                c.measure.as_str(),
                value(c.change, lang)
            )
        })
        .collect();
    if parts.is_empty() {
        t(lang, "inga åtgärder påverkar", "no measure changes it").to_string()
    } else {
        parts.join(", ")
    }
}
