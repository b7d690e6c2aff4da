//! `evaluate --by unit`: each unit of the organisation's part of the plan, as a table and
//! as CSV.

use super::results::header;
use super::{TextTable, measure_name, num, tco2e, write_rows};
use crate::lang::{t, t_row};
use crate::output::percent_decimal;
use calc_core::csvio::{self, Dialect, Lang};
use calc_core::{Band, Evaluation, Perspective, Sek, Summary, UnitResult, UnitRole};
use factors::Catalogue;
use rust_decimal::Decimal;
use std::fmt::Write as _;

fn band_text(b: Band<Decimal>, dp: u32, lang: Lang) -> String {
    if b.low == b.high {
        String::new()
    } else {
        format!("{} – {}", num(b.low, dp, lang), num(b.high, dp, lang))
    }
}

fn co2e_band(s: &Summary) -> Band<Decimal> {
    let b = s.co2e_saved_kg_per_year;
    Band {
        low: tco2e(b.low),
        central: tco2e(b.central),
        high: tco2e(b.high),
    }
}

fn sek(b: Band<Sek>) -> Decimal {
    b.central.value()
}

fn share_text(share: Option<Decimal>, lang: Lang) -> String {
    share.map_or_else(|| "–".to_string(), |s| percent_decimal(s, lang))
}

/// The units' tables for one evaluation.
pub(crate) fn unit_tables(
    catalogue: &Catalogue,
    e: &Evaluation,
    results: &[UnitResult],
    lang: Lang,
) -> String {
    let mut out = String::new();
    header(e, lang, &mut out);
    let _ = writeln!(
        out,
        "{}",
        t(
            lang,
            "Per verksamhet: åtgärderna verksamheten leder eller bidrar till (en åtgärd med flera verksamheter står under var och en); andelen av planens CO2e räknas bara på de åtgärder verksamheten leder, så andelarna summerar till 100 %.",
            "Per unit: the measures the unit leads or contributes to (a measure carried by several units is listed under each); the share of the plan's CO2e counts only the measures the unit leads, so the shares add up to 100 %."
        )
    );
    out.push('\n');
    let mut table = TextTable::new(&[
        (t(lang, "verksamhet", "unit"), false),
        (t(lang, "namn", "name"), false),
        (t(lang, "leder", "leads"), true),
        (t(lang, "bidrar", "contrib."), true),
        (t(lang, "andel CO2e", "CO2e share"), true),
        (t(lang, "t CO2e/år", "t CO2e/yr"), true),
        (t(lang, "lågt – högt", "low – high"), true),
        (t(lang, "kr/år taxan", "SEK/yr waste fee"), true),
        (t(lang, "kr/år budgeten", "SEK/yr budget"), true),
        (t(lang, "kr/år hushållen", "SEK/yr households"), true),
        (t(lang, "t CO2e totalt", "t CO2e total"), true),
        (
            t(lang, "kr/t CO2e kommunen", "SEK/t CO2e municipality"),
            true,
        ),
    ]);
    for r in results {
        let name = catalogue
            .unit(r.unit.as_str())
            .map_or_else(String::new, |u| u.name(lang).to_string());
        let count = |role: UnitRole| r.measures.iter().filter(|m| m.role == role).count();
        let s = &r.carried;
        let p = &s.net_sek_saved_per_year_by_payer;
        table.push(vec![
            r.unit.to_string(),
            name,
            count(UnitRole::Lead).to_string(),
            count(UnitRole::Contributing).to_string(),
            share_text(r.share_of_total, lang),
            num(co2e_band(s).central, 1, lang),
            band_text(co2e_band(s), 1, lang),
            num(sek(p.waste_fee), 0, lang),
            num(sek(p.municipal_budget), 0, lang),
            num(sek(p.households), 0, lang),
            num(tco2e(s.co2e_saved_kg_cumulative.central), 1, lang),
            s.cost_per_tonne_for(Perspective::Municipality)
                .map_or_else(|| "–".to_string(), |c| num(c.value(), 0, lang)),
        ]);
    }
    table.render(&mut out);
    for r in results.iter().filter(|r| !r.measures.is_empty()) {
        out.push('\n');
        let name = catalogue
            .unit(r.unit.as_str())
            .map_or_else(String::new, |u| u.name(lang).to_string());
        let _ = writeln!(out, "{} – {name}", r.unit);
        for role in [UnitRole::Lead, UnitRole::Contributing] {
            let list: Vec<String> = r
                .measures
                .iter()
                .filter(|m| m.role == role)
                .map(|m| {
                    format!(
                        "{} ({} t CO2e/{})",
                        m.measure,
                        num(tco2e(m.summary.co2e_saved_kg_per_year.central), 1, lang),
                        t(lang, "år", "yr")
                    )
                })
                .collect();
            if !list.is_empty() {
                let _ = writeln!(
                    out,
                    "  {}: {}",
                    t(lang, role.name(Lang::Sv), role.name(Lang::En)),
                    list.join(", ")
                );
            }
        }
        let next: Vec<String> = r
            .next_best
            .iter()
            .map(|x| {
                let cost = x
                    .measure
                    .summary
                    .cost_per_tonne_for(Perspective::Municipality)
                    .map_or_else(|| "–".to_string(), |c| num(c.value(), 0, lang));
                format!(
                    "{}. {} ({cost} {})",
                    x.rank,
                    x.measure.key,
                    t(lang, "kr/t CO2e", "SEK/t CO2e")
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "  {}: {}",
            t(
                lang,
                "i ordning efter kostnad per ton",
                "in order of cost per tonne"
            ),
            next.join(", ")
        );
        // One line per target and figures; municipalities with the same figures (the
        // national per-inhabitant defaults give the same everywhere) share a line.
        let mut lines: Vec<(String, Vec<String>)> = Vec::new();
        for g in &r.targets {
            let town = catalogue
                .municipality(g.municipality.as_str())
                .map_or_else(|| g.municipality.to_string(), |k| k.name.clone());
            let text = format!(
                "{} {}: {} {} {} ({})",
                t(lang, "mål", "target"),
                g.target,
                num(g.change, 1, lang),
                t(lang, "av behövda", "of the needed"),
                num(g.needed, 1, lang),
                share_text(g.share_of_needed, lang),
            );
            match lines.iter_mut().find(|(l, _)| *l == text) {
                Some((_, towns)) => towns.push(town),
                None => lines.push((text, vec![town])),
            }
        }
        for (text, towns) in lines {
            let _ = writeln!(out, "  {text} [{}]", towns.join(", "));
        }
    }
    out
}

/// The units as CSV rows: per unit a row `unit` (every measure it carries summed, with its
/// share of the plan's CO2e from the measures it leads), then a row per measure with its
/// role. Without the header unless `header`.
pub(crate) fn unit_csv(
    catalogue: &Catalogue,
    scenario: &str,
    results: &[UnitResult],
    dialect: Dialect,
    lang: Lang,
    header: bool,
) -> String {
    let comma = dialect.decimal_comma;
    let f = |d: Decimal| csvio::format_fixed(d, 2, comma);
    let mut rows: Vec<Vec<String>> = Vec::new();
    if header {
        rows.push(t_row(
            lang,
            &[
                ("scenario", "scenario"),
                ("verksamhet", "unit"),
                ("verksamhet_namn", "unit_name"),
                ("rad", "row"),
                ("roll", "role"),
                ("åtgärd", "measure"),
                ("namn", "name"),
                ("andel_co2e_procent", "co2e_share_pct"),
                ("t_co2e_per_år_lågt", "t_co2e_per_year_low"),
                ("t_co2e_per_år", "t_co2e_per_year"),
                ("t_co2e_per_år_högt", "t_co2e_per_year_high"),
                ("kr_per_år_taxan", "sek_per_year_waste_fee"),
                ("kr_per_år_budgeten", "sek_per_year_municipal_budget"),
                ("kr_per_år_hushållen", "sek_per_year_households"),
                ("t_co2e_totalt", "t_co2e_cumulative"),
                ("kr_totalt_kommunen", "sek_cumulative_municipality"),
                ("kr_per_t_co2e_kommunen", "sek_per_t_co2e_municipality"),
            ],
        ));
    }
    let figures = |s: &Summary| {
        let b = co2e_band(s);
        let p = &s.net_sek_saved_per_year_by_payer;
        vec![
            f(b.low),
            f(b.central),
            f(b.high),
            f(sek(p.waste_fee)),
            f(sek(p.municipal_budget)),
            f(sek(p.households)),
            f(tco2e(s.co2e_saved_kg_cumulative.central)),
            f(s.net_sek_cumulative(Perspective::Municipality)
                .unwrap_or_default()
                .central
                .value()),
            s.cost_per_tonne_for(Perspective::Municipality)
                .map(|c| f(c.value()))
                .unwrap_or_default(),
        ]
    };
    for r in results {
        let name = catalogue
            .unit(r.unit.as_str())
            .map_or_else(String::new, |u| u.name(lang).to_string());
        let mut row = vec![
            scenario.to_string(),
            r.unit.to_string(),
            name.clone(),
            "unit".to_string(),
            String::new(),
            String::new(),
            String::new(),
            r.share_of_total
                .map(|s| f(s.saturating_mul(Decimal::ONE_HUNDRED)))
                .unwrap_or_default(),
        ];
        row.extend(figures(&r.carried));
        rows.push(row);
        for m in &r.measures {
            let mut row = vec![
                scenario.to_string(),
                r.unit.to_string(),
                name.clone(),
                "measure".to_string(),
                m.role.id().to_string(),
                m.measure.to_string(),
                measure_name(catalogue, m.measure.as_str(), lang),
                String::new(),
            ];
            row.extend(figures(&m.summary));
            rows.push(row);
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
    write_rows(&rows, &[7, 8, 9, 10, 11, 12, 13, 14, 15, 16], dialect)
}
