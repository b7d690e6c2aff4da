//! Writing the outputs: files, JSON, joined parts, warnings, number helpers.

use crate::inputs::*;
use crate::lang::tf;
use calc_core::csvio::{self, Lang};
use calc_core::{Evaluation, Share, evaluate, evaluate_totals};
use rust_decimal::Decimal;
use std::io::Write;

/// Whether a rendering shows the year-by-year figures (`Evaluation::by_year`, each item's
/// `years`): only the JSON does; the tables and the CSV show the plan period's figures,
/// which `evaluate_totals` gives for about half the work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Years {
    /// Evaluate with every year's figures ([`evaluate`]).
    Shown,
    /// Evaluate without them ([`evaluate_totals`]).
    Left,
}

/// Evaluates every scenario and renders each result with `render`, in file order. The
/// scenarios are shared out over the machine's cores; each evaluation is dropped once
/// rendered, so memory stays at the size of the input and the output.
pub(crate) fn render_each<F>(
    loaded: &Loaded,
    lang: Lang,
    years: Years,
    render: F,
) -> Result<Vec<Vec<u8>>, Failure>
where
    F: Fn(&Evaluation) -> Result<Vec<u8>, Failure> + Sync,
{
    let rendered = render_slice(&loaded.table, &loaded.scenarios, lang, years, &render)?;
    Ok(rendered
        .into_iter()
        .map(|(bytes, notes)| {
            print_warnings(&notes);
            bytes
        })
        .collect())
}

/// The engine's notices about one evaluation (a quantity capped to its pool, a measure
/// that moves nothing), for stderr: said in every format, not only in the table and JSON.
pub(crate) fn notes_of(e: &Evaluation, lang: Lang) -> Vec<String> {
    let name = csvio::shown(&e.scenario);
    e.warnings
        .iter()
        .map(|w| {
            tf!(
                lang,
                "obs: scenario '{name}': {w}",
                "note: scenario '{name}': {w}"
            )
        })
        .collect()
}

/// An evaluation as the results JSON, with the notices about the input file
/// ([`Loaded::notices`]) first in its `warnings`.
pub(crate) fn results_json(e: &Evaluation, loaded: &Loaded) -> calc_core::ResultsJson {
    let mut doc = calc_core::ResultsJson::new(e);
    with_notices(&mut doc, loaded);
    doc
}

/// Puts the notices about the input file first in a results JSON's `warnings`.
pub(crate) fn with_notices(doc: &mut calc_core::ResultsJson, loaded: &Loaded) {
    if !loaded.notices.is_empty() {
        let engine = std::mem::take(&mut doc.warnings);
        doc.warnings = loaded.notices.iter().cloned().chain(engine).collect();
    }
}

/// Scenarios per thread in one batch of [`stream_each`].
const BATCH_PER_THREAD: usize = 8;

/// Like [`render_each`], but hands each rendered result to `write` in file order as soon
/// as its batch (a few scenarios per core) is done, so memory does not grow with the
/// number of scenarios: only the input and one batch's output are held.
pub(crate) fn stream_each<F, W>(
    loaded: &Loaded,
    lang: Lang,
    years: Years,
    render: F,
    mut write: W,
) -> Result<(), Failure>
where
    F: Fn(&Evaluation) -> Result<Vec<u8>, Failure> + Sync,
    W: FnMut(Vec<u8>) -> Result<(), Failure>,
{
    let batch = threads().saturating_mul(BATCH_PER_THREAD).max(1);
    for part in loaded.scenarios.chunks(batch) {
        for (rendered, notes) in render_slice(&loaded.table, part, lang, years, &render)? {
            print_warnings(&notes);
            write(rendered)?;
        }
    }
    Ok(())
}

fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
}

/// One evaluation rendered, with its notices for stderr.
type Rendered = (Vec<u8>, Vec<String>);

fn render_slice<F>(
    table: &calc_core::FactorTable,
    scenarios: &[calc_core::Scenario],
    lang: Lang,
    years: Years,
    render: &F,
) -> Result<Vec<Rendered>, Failure>
where
    F: Fn(&Evaluation) -> Result<Vec<u8>, Failure> + Sync,
{
    let threads = threads().min(scenarios.len()).max(1);
    let chunk = scenarios.len().div_ceil(threads).max(1);
    let results: Vec<Result<Vec<Rendered>, Failure>> = std::thread::scope(|s| {
        let handles: Vec<_> = scenarios
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|sc| {
                            match years {
                                Years::Shown => evaluate(table, sc),
                                Years::Left => evaluate_totals(table, sc),
                            }
                            .map_err(|e| cannot_evaluate(lang, &sc.name, e))
                            .and_then(|e| Ok((render(&e)?, notes_of(&e, lang))))
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
pub(crate) fn to_json<T: serde::Serialize>(value: &T, lang: Lang) -> Result<Vec<u8>, Failure> {
    serde_json::to_vec_pretty(value).map_err(|e| json_failure(&e, lang))
}

/// The failure for a JSON serialisation error.
pub(crate) fn json_failure(e: &serde_json::Error, lang: Lang) -> Failure {
    Failure {
        messages: vec![tf!(
            lang,
            "avfallskalkyl: internt fel: kan inte skriva JSON: {e}",
            "avfallskalkyl: internal error: cannot write JSON: {e}"
        )],
        code: 1,
    }
}

pub(crate) fn json_bytes<T: serde::Serialize>(value: &T, lang: Lang) -> Result<Vec<u8>, Failure> {
    let mut v = to_json(value, lang)?;
    v.push(b'\n');
    Ok(v)
}

/// One JSON value for one scenario, an array of them for several.
pub(crate) fn json_list(parts: Vec<Vec<u8>>) -> Vec<u8> {
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

pub(crate) fn join(parts: Vec<Vec<u8>>, separator: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(parts.iter().map(Vec::len).sum::<usize>() + parts.len());
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            v.extend_from_slice(separator);
        }
        v.extend_from_slice(p);
    }
    v
}

pub(crate) fn print_warnings(warnings: &[String]) {
    let mut err = std::io::stderr().lock();
    for w in warnings {
        // Stderr is the last channel: a failing write there has nowhere to go.
        let _ = writeln!(err, "{}", crate::text::terminal_safe(w));
    }
}

/// A percentage for people: `3,5 %` or `3.5 %`.
pub(crate) fn percent(share: Share, lang: Lang) -> String {
    let p = share.percent().normalize();
    let s = csvio::format_decimal(p, lang == Lang::Sv);
    format!("{s} %")
}

/// A share (1 = all) as a percentage with one decimal, e.g. `12,5 %`.
pub(crate) fn percent_decimal(share: Decimal, lang: Lang) -> String {
    format!(
        "{} %",
        csvio::format_number(share.saturating_mul(Decimal::ONE_HUNDRED), 1, lang)
    )
}

/// Rounds for display only.
pub(crate) fn round(d: Decimal, dp: u32) -> Decimal {
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
