//! The ranking: a table per evaluation, and CSV.

use super::results::{figure_row, figure_table, header, perspective_label};
use super::{measure_name, tco2e, write_rows};
use crate::lang::{t, t_row};
use calc_core::csvio::{self, Dialect, Lang};
use calc_core::{Evaluation, Perspective, RankBy, Ranked};
use factors::Catalogue;
use rust_decimal::Decimal;
use std::fmt::Write as _;

fn rank_by_label(by: RankBy, lang: Lang) -> &'static str {
    match by {
        RankBy::Co2e => t(lang, "t CO2e sparat per år", "t CO2e saved per year"),
        RankBy::Sek => t(lang, "kronor sparade per år", "SEK saved per year"),
        RankBy::CostPerTonne => t(lang, "kostnad per ton CO2e", "cost per tonne CO2e"),
    }
}

/// The ranking of each evaluation as a table.
pub(crate) fn rank_tables(
    catalogue: &Catalogue,
    ranked: &[(&Evaluation, Vec<Ranked>)],
    by: RankBy,
    perspective: Perspective,
    lang: Lang,
) -> String {
    let mut out = String::new();
    for (i, (e, r)) in ranked.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        header(e, lang, &mut out);
        let _ = writeln!(
            out,
            "{}: {} ({})",
            t(lang, "Rangordning efter", "Ranked by"),
            rank_by_label(by, lang),
            perspective_label(perspective, lang)
        );
        let mut table = figure_table(
            &[
                ("#", true),
                (t(lang, "åtgärd", "measure"), false),
                (t(lang, "namn", "name"), false),
            ],
            perspective,
            lang,
        );
        for x in r {
            table.push(figure_row(
                vec![
                    x.rank.to_string(),
                    x.measure.key.to_string(),
                    measure_name(catalogue, x.measure.key.as_str(), lang),
                ],
                &x.measure.summary,
                perspective,
                lang,
            ));
        }
        table.render(&mut out);
    }
    out
}

/// The ranking as CSV.
pub(crate) fn rank_csv(
    catalogue: &Catalogue,
    ranked: &[(&Evaluation, Vec<Ranked>)],
    dialect: Dialect,
    lang: Lang,
    perspective: Perspective,
    header: bool,
) -> String {
    let comma = dialect.decimal_comma;
    let f = |d: Decimal| csvio::format_fixed(d, 2, comma);
    let mut rows: Vec<Vec<String>> = vec![t_row(
        lang,
        &[
            ("scenario", "scenario"),
            ("rang", "rank"),
            ("åtgärd", "measure"),
            ("namn", "name"),
            ("ton_per_år", "tonnes_shifted_per_year"),
            ("t_co2e_per_år", "t_co2e_per_year"),
            ("perspektiv", "perspective"),
            ("netto_kr_per_år", "net_sek_per_year"),
            ("t_co2e_totalt", "t_co2e_cumulative"),
            ("netto_kr_totalt", "net_sek_cumulative"),
            ("kr_per_t_co2e", "sek_per_t_co2e"),
        ],
    )];
    if !header {
        rows.clear();
    }
    for (e, r) in ranked {
        for x in r {
            let s = &x.measure.summary;
            rows.push(vec![
                e.scenario.clone(),
                x.rank.to_string(),
                x.measure.key.to_string(),
                measure_name(catalogue, x.measure.key.as_str(), lang),
                f(s.tonnes_shifted_per_year.value()),
                f(tco2e(s.co2e_saved_kg_per_year.central)),
                perspective.id().to_string(),
                f(s.net_sek_per_year(perspective)
                    .unwrap_or_default()
                    .central
                    .value()),
                f(tco2e(s.co2e_saved_kg_cumulative.central)),
                f(s.net_sek_cumulative(perspective)
                    .unwrap_or_default()
                    .central
                    .value()),
                s.cost_per_tonne_for(perspective)
                    .map(|c| f(c.value()))
                    .unwrap_or_default(),
            ]);
        }
    }
    let dialect = if header {
        dialect
    } else {
        Dialect {
            encoding: csvio::Encoding::Utf8,
            ..dialect
        }
    };
    write_rows(&rows, &[1, 4, 5, 7, 8, 9, 10], dialect)
}
