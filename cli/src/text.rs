//! Terminal tables and the listings (measures, municipalities, factors).

use crate::args::{Format, OutputArgs};
use crate::inputs::Outcome;
use crate::lang::{t, t_row};
use crate::output::{json_bytes, percent, round};
use calc_core::csvio::{self, Dialect, Lang, format_number};
use calc_core::{
    Band, Evaluation, FactorTable, KgCo2e, Perspective, QuantityBasis, RankBy, Ranked, Sek, Summary,
};
use factors::Catalogue;
use rust_decimal::Decimal;
use std::fmt::Write as _;

/// A plain text table: left-aligned text columns, right-aligned number columns.
struct TextTable {
    headers: Vec<String>,
    right: Vec<bool>,
    rows: Vec<Vec<String>>,
}

impl TextTable {
    fn new(headers: &[(&str, bool)]) -> Self {
        Self {
            headers: headers.iter().map(|(h, _)| (*h).to_string()).collect(),
            right: headers.iter().map(|(_, r)| *r).collect(),
            rows: Vec::new(),
        }
    }

    fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    fn render(&self, out: &mut String) {
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let line = |cells: &[String], out: &mut String| {
            let mut s = String::new();
            for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
                if i > 0 {
                    s.push_str("  ");
                }
                let pad = w.saturating_sub(cell.chars().count());
                if self.right.get(i).copied().unwrap_or(false) {
                    s.extend(std::iter::repeat_n(' ', pad));
                    s.push_str(cell);
                } else {
                    s.push_str(cell);
                    s.extend(std::iter::repeat_n(' ', pad));
                }
            }
            out.push_str(s.trim_end());
            out.push('\n');
        };
        line(&self.headers, out);
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        line(&rule, out);
        for row in &self.rows {
            line(row, out);
        }
    }
}

fn tco2e(kg: KgCo2e) -> Decimal {
    kg.to_tonnes().map_or(Decimal::ZERO, |t| t.value())
}

fn num(d: Decimal, dp: u32, lang: Lang) -> String {
    format_number(d, dp, lang)
}

fn measure_name(catalogue: &Catalogue, id: &str, lang: Lang) -> String {
    catalogue
        .measure(id)
        .map_or_else(String::new, |m| t(lang, &m.name_sv, &m.name_en).clone())
}

fn band_row(label: &str, b: Band<Decimal>, dp: u32, lang: Lang) -> Vec<String> {
    vec![
        label.to_string(),
        num(b.low, dp, lang),
        num(b.central, dp, lang),
        num(b.high, dp, lang),
    ]
}

fn tonnes_band(b: Band<KgCo2e>) -> Band<Decimal> {
    Band {
        low: tco2e(b.low),
        central: tco2e(b.central),
        high: tco2e(b.high),
    }
}

fn sek_band(b: Band<Sek>) -> Band<Decimal> {
    Band {
        low: b.low.value(),
        central: b.central.value(),
        high: b.high.value(),
    }
}

fn perspective_label(p: Perspective, lang: Lang) -> &'static str {
    match p {
        Perspective::Municipality => t(
            lang,
            "kommunen (avfallstaxan + budgeten)",
            "municipality (waste fee + budget)",
        ),
        Perspective::Society => t(lang, "samhället (alla)", "society (all)"),
        Perspective::WasteFee => t(lang, "avfallstaxan", "waste fee"),
        Perspective::MunicipalBudget => t(lang, "kommunens budget", "municipal budget"),
        Perspective::Households => t(lang, "hushållen", "households"),
    }
}

fn totals(e: &Evaluation, lang: Lang, out: &mut String) {
    let s = &e.total;
    let period = format!("{}–{}", e.period.start(), e.period.end());
    let mut table = TextTable::new(&[
        (t(lang, "Totalt", "Total"), false),
        (t(lang, "lågt", "low"), true),
        (t(lang, "centralt", "central"), true),
        (t(lang, "högt", "high"), true),
    ]);
    table.push(band_row(
        t(
            lang,
            "t CO2e per år (full effekt)",
            "t CO2e per year (full effect)",
        ),
        tonnes_band(s.co2e_saved_kg_per_year),
        1,
        lang,
    ));
    let per_year = t(
        lang,
        "Netto kr per år, full effekt, utan engångskostnader",
        "Net SEK per year, full effect, one-time costs left out",
    );
    table.push(vec![
        per_year.to_string(),
        String::new(),
        String::new(),
        String::new(),
    ]);
    for p in [
        Perspective::Municipality,
        Perspective::WasteFee,
        Perspective::MunicipalBudget,
        Perspective::Households,
        Perspective::Society,
    ] {
        let indent = if matches!(p, Perspective::WasteFee | Perspective::MunicipalBudget) {
            "    "
        } else {
            "  "
        };
        table.push(band_row(
            &format!("{indent}{}", perspective_label(p, lang)),
            sek_band(s.net_sek_per_year(p).unwrap_or_default()),
            0,
            lang,
        ));
    }
    table.push(band_row(
        &format!("{} {period}", t(lang, "t CO2e totalt", "t CO2e total")),
        tonnes_band(s.co2e_saved_kg_cumulative),
        1,
        lang,
    ));
    let total = format!("{} {period}", t(lang, "Netto kr totalt", "Net SEK total"));
    let npv = t(lang, "Nuvärde kr", "Net present value SEK").to_string();
    for (label, figure) in [
        (
            &total,
            Summary::net_sek_cumulative as fn(&Summary, Perspective) -> _,
        ),
        (&npv, Summary::net_present_value),
    ] {
        for p in [Perspective::Municipality, Perspective::Society] {
            table.push(band_row(
                &format!("{label}, {}", perspective_label(p, lang)),
                sek_band(figure(s, p).unwrap_or_default()),
                0,
                lang,
            ));
        }
    }
    table.push(vec![
        format!(
            "{}, {}",
            t(lang, "Kr per t CO2e", "SEK per t CO2e"),
            perspective_label(Perspective::Municipality, lang)
        ),
        String::new(),
        cost_per_tonne(s, Perspective::Municipality, lang),
        String::new(),
    ]);
    table.render(out);
    let _ = writeln!(
        out,
        "{}",
        t(
            lang,
            "Sparade kronor är positiva, kostnader negativa; kr per t CO2e är positivt när det kostar. Nuvärde och totaler räknar med engångskostnaderna.",
            "Money saved is positive, costs negative; SEK per t CO2e is positive when it costs. Present values and totals include one-time costs."
        )
    );
    let _ = writeln!(
        out,
        "{}",
        t(
            lang,
            "Åtgärder på samma avfall verkar i avfallstrappans ordning (förebyggande, återanvändning, sortering) på det som är kvar efter de föregående; varje åtgärds resultat är vad den lägger till, och resultaten summerar till totalen.",
            "Measures on the same waste act in waste-hierarchy order (prevention, reuse, sorting) on what the ones before them left; each measure's result is what it adds, and the results add up to the total."
        )
    );
}

fn cost_per_tonne(s: &Summary, p: Perspective, lang: Lang) -> String {
    s.cost_per_tonne_for(p)
        .map_or_else(|| "–".to_string(), |c| num(c.value(), 0, lang))
}

fn summary_cells(s: &Summary, p: Perspective, lang: Lang) -> [String; 7] {
    let sek = |b: Option<Band<Sek>>| num(b.unwrap_or_default().central.value(), 0, lang);
    [
        num(s.tonnes_shifted_per_year.value(), 1, lang),
        num(tco2e(s.co2e_saved_kg_per_year.central), 1, lang),
        sek(s.net_sek_per_year(p)),
        num(
            s.net_sek_saved_per_year_by_payer.households.central.value(),
            0,
            lang,
        ),
        num(tco2e(s.co2e_saved_kg_cumulative.central), 1, lang),
        sek(s.net_sek_cumulative(p)),
        cost_per_tonne(s, p, lang),
    ]
}

fn figure_headers(p: Perspective, lang: Lang) -> Vec<(String, bool)> {
    let who = match p {
        Perspective::Municipality => t(lang, "kommunen", "municipality"),
        Perspective::Society => t(lang, "samhället", "society"),
        Perspective::WasteFee => t(lang, "taxan", "waste fee"),
        Perspective::MunicipalBudget => t(lang, "budgeten", "budget"),
        Perspective::Households => t(lang, "hushållen", "households"),
    };
    vec![
        (t(lang, "t/år", "t/yr").to_string(), true),
        (t(lang, "t CO2e/år", "t CO2e/yr").to_string(), true),
        (format!("{} {who}", t(lang, "kr/år", "SEK/yr")), true),
        (
            t(lang, "kr/år hushållen", "SEK/yr households").to_string(),
            true,
        ),
        (t(lang, "t CO2e totalt", "t CO2e total").to_string(), true),
        (format!("{} {who}", t(lang, "kr totalt", "SEK total")), true),
        (
            format!("{} {who}", t(lang, "kr/t CO2e", "SEK/t CO2e")),
            true,
        ),
    ]
}

fn header(e: &Evaluation, lang: Lang, out: &mut String) {
    let _ = writeln!(out, "Scenario: {}", e.scenario);
    let set = &e.factor_set;
    let _ = writeln!(
        out,
        "{}: {} ({}, {} {}) · {}: {}–{} · {}: {}",
        t(lang, "Faktoruppsättning", "Factor set"),
        set.id,
        set.name,
        t(lang, "version", "version"),
        set.version,
        t(lang, "Planperiod", "Plan period"),
        e.period.start(),
        e.period.end(),
        t(lang, "Diskonteringsränta", "Discount rate"),
        percent(e.discount_rate, lang),
    );
    out.push('\n');
}

/// Totals and a per-measure table for each evaluation.
pub(crate) fn evaluation_tables(
    catalogue: &Catalogue,
    evaluations: &[Evaluation],
    lang: Lang,
    detail: bool,
) -> String {
    let mut out = String::new();
    for (i, e) in evaluations.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        header(e, lang, &mut out);
        totals(e, lang, &mut out);
        out.push('\n');
        let _ = writeln!(
            out,
            "{}",
            t(
                lang,
                "Per åtgärd (alla kommuner)",
                "Per measure (all municipalities)"
            )
        );
        let mut h = vec![
            (t(lang, "åtgärd", "measure"), false),
            (t(lang, "namn", "name"), false),
        ];
        let fh = figure_headers(Perspective::Municipality, lang);
        h.extend(fh.iter().map(|(a, b)| (a.as_str(), *b)));
        let mut table = TextTable::new(&h);
        for g in &e.by_measure {
            let mut row = vec![g.key.clone(), measure_name(catalogue, &g.key, lang)];
            row.extend(summary_cells(&g.summary, Perspective::Municipality, lang));
            table.push(row);
        }
        table.render(&mut out);
        out.push('\n');
        let _ = writeln!(out, "{}", t(lang, "Per kommun", "Per municipality"));
        let mut h = vec![
            (t(lang, "kod", "code"), false),
            (t(lang, "kommun", "municipality"), false),
        ];
        let fh = figure_headers(Perspective::Municipality, lang);
        h.extend(fh.iter().map(|(a, b)| (a.as_str(), *b)));
        let mut table = TextTable::new(&h);
        for g in &e.by_municipality {
            let name = catalogue
                .municipality(&g.key)
                .map_or_else(String::new, |m| m.name.clone());
            let mut row = vec![g.key.clone(), name];
            row.extend(summary_cells(&g.summary, Perspective::Municipality, lang));
            table.push(row);
        }
        table.render(&mut out);
        if detail {
            out.push('\n');
            let _ = writeln!(
                out,
                "{}",
                t(
                    lang,
                    "Per åtgärd och kommun",
                    "Per measure and municipality"
                )
            );
            let mut h = vec![
                (t(lang, "åtgärd", "measure"), false),
                (t(lang, "kommun", "municipality"), false),
                (t(lang, "avfallspool", "pool"), false),
                (t(lang, "ordning", "order"), true),
                (t(lang, "effekt", "effect"), true),
                (t(lang, "start", "start"), true),
                (t(lang, "full", "full"), true),
            ];
            let fh = figure_headers(Perspective::Municipality, lang);
            h.extend(fh.iter().map(|(a, b)| (a.as_str(), *b)));
            let mut table = TextTable::new(&h);
            for item in &e.items {
                let mut row = vec![
                    item.measure.0.clone(),
                    item.municipality_name.clone(),
                    item.pool.0.clone(),
                    item.order_in_pool.to_string(),
                    percent(
                        calc_core::Share::new(round(item.effect.value(), 4)).unwrap_or(item.effect),
                        lang,
                    ),
                    item.start_year.to_string(),
                    item.full_effect_year.to_string(),
                ];
                row.extend(summary_cells(
                    &item.summary,
                    Perspective::Municipality,
                    lang,
                ));
                table.push(row);
            }
            table.render(&mut out);
        }
        if !e.warnings.is_empty() {
            out.push('\n');
            let _ = writeln!(out, "{}", t(lang, "Att kontrollera:", "To check:"));
            for w in &e.warnings {
                let _ = writeln!(out, "  {w}");
            }
        }
    }
    out
}

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
        let mut h = vec![
            ("#", true),
            (t(lang, "åtgärd", "measure"), false),
            (t(lang, "namn", "name"), false),
        ];
        let fh = figure_headers(perspective, lang);
        h.extend(fh.iter().map(|(a, b)| (a.as_str(), *b)));
        let mut table = TextTable::new(&h);
        for x in r {
            let mut row = vec![
                x.rank.to_string(),
                x.measure.key.clone(),
                measure_name(catalogue, &x.measure.key, lang),
            ];
            row.extend(summary_cells(&x.measure.summary, perspective, lang));
            table.push(row);
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
                x.measure.key.clone(),
                measure_name(catalogue, &x.measure.key, lang),
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
    write_rows(&rows, dialect)
}

pub(crate) fn write_rows(rows: &[Vec<String>], dialect: Dialect) -> String {
    let mut w = CsvText::new(dialect);
    for r in rows {
        w.row(r);
    }
    w.finish()
}

/// A tiny CSV writer for listings (quotes a field when it needs it).
struct CsvText {
    out: String,
    sep: char,
}

impl CsvText {
    fn new(dialect: Dialect) -> Self {
        let mut out = String::new();
        if dialect.encoding == csvio::Encoding::Utf8Bom {
            out.push('\u{feff}');
        }
        Self {
            out,
            sep: char::from(dialect.delimiter),
        }
    }

    fn row<S: AsRef<str>>(&mut self, cells: &[S]) {
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                self.out.push(self.sep);
            }
            let c = csvio::guard_cell_unless_number(c.as_ref());
            if c.contains([self.sep, '"', '\n', '\r']) {
                self.out.push('"');
                self.out.push_str(&c.replace('"', "\"\""));
                self.out.push('"');
            } else {
                self.out.push_str(&c);
            }
        }
        self.out.push('\n');
    }

    fn finish(self) -> String {
        self.out
    }
}

fn basis_text(b: &Option<QuantityBasis>, lang: Lang) -> String {
    let Some(b) = b else {
        return t(lang, "hela poolen", "whole pool").to_string();
    };
    match b {
        QuantityBasis::Tonnes { tonnes } => format!("{} t", num(tonnes.value(), 1, lang)),
        QuantityBasis::PerInhabitant { kg } => {
            format!(
                "{} {}",
                csvio::format_decimal(kg.value(), lang == Lang::Sv),
                t(lang, "kg/invånare", "kg/inhabitant")
            )
        }
        QuantityBasis::PerPortion {
            grams,
            portions_per_inhabitant,
        } => format!(
            "{} g × {} {}",
            csvio::format_decimal(grams.value(), lang == Lang::Sv),
            csvio::format_decimal(*portions_per_inhabitant, lang == Lang::Sv),
            t(lang, "portioner/invånare", "portions/inhabitant")
        ),
    }
}

fn dialect_for(output: &OutputArgs) -> Dialect {
    output.csv_dialect.resolve(None)
}

/// `avfallskalkyl measures`.
pub(crate) fn measures(catalogue: &Catalogue, output: &OutputArgs, lang: Lang) -> Outcome {
    let ms = &catalogue.measures;
    Ok(match output.format {
        Format::Json => {
            let v: Vec<calc_core::report::CatalogueMeasureJson> =
                ms.iter().map(|m| m.as_ref().into()).collect();
            json_bytes(&v, lang)?
        }
        Format::Csv => {
            let dialect = dialect_for(output);
            let mut w = CsvText::new(dialect);
            w.row(&[
                "id",
                "area",
                "fraction",
                "pool",
                "stage",
                "default_effect_pct",
                "ramp_years",
                "basis",
                "name_sv",
                "name_en",
            ]);
            for m in ms {
                w.row(&[
                    m.id.0.clone(),
                    m.area.clone(),
                    m.fraction.0.clone(),
                    m.pool.id.0.clone(),
                    m.stage.id().to_string(),
                    csvio::format_decimal(m.default_effect.percent(), dialect.decimal_comma),
                    m.ramp_years.to_string(),
                    basis_text(&m.basis, Lang::En),
                    m.name_sv.clone(),
                    m.name_en.clone(),
                ]);
            }
            csvio::encode(&w.finish(), dialect.encoding)
        }
        Format::Table => {
            let mut table = TextTable::new(&[
                ("id", false),
                (t(lang, "område", "area"), false),
                (t(lang, "avfallspool", "pool"), false),
                (t(lang, "steg", "stage"), false),
                (t(lang, "effekt", "effect"), true),
                (t(lang, "år till full", "ramp yrs"), true),
                (t(lang, "mängd", "quantity"), false),
                (t(lang, "namn", "name"), false),
            ]);
            for m in ms {
                table.push(vec![
                    m.id.0.clone(),
                    m.area.clone(),
                    m.pool.id.0.clone(),
                    t(lang, m.stage.name_sv(), m.stage.name_en()).to_string(),
                    percent(m.default_effect, lang),
                    m.ramp_years.to_string(),
                    basis_text(&m.basis, lang),
                    t(lang, &m.name_sv, &m.name_en).clone(),
                ]);
            }
            let mut out = String::new();
            table.render(&mut out);
            out.into_bytes()
        }
    })
}

/// `avfallskalkyl municipalities`.
pub(crate) fn municipalities(catalogue: &Catalogue, output: &OutputArgs, lang: Lang) -> Outcome {
    let ks = &catalogue.municipalities;
    Ok(match output.format {
        Format::Json => {
            let v: Vec<calc_core::report::MunicipalityJson> =
                ks.iter().map(|m| m.as_ref().into()).collect();
            json_bytes(&v, lang)?
        }
        Format::Csv => {
            let dialect = dialect_for(output);
            let mut w = CsvText::new(dialect);
            w.row(&[
                "scb_code",
                "name",
                "population",
                "population_date",
                "source",
            ]);
            for k in ks {
                w.row(&[
                    k.code.0.clone(),
                    k.name.clone(),
                    k.population.to_string(),
                    k.population_date.clone(),
                    k.source.0.clone(),
                ]);
            }
            csvio::encode(&w.finish(), dialect.encoding)
        }
        Format::Table => {
            let mut table = TextTable::new(&[
                (t(lang, "kod", "code"), false),
                (t(lang, "kommun", "municipality"), false),
                (t(lang, "invånare", "inhabitants"), true),
                (t(lang, "datum", "date"), false),
                (t(lang, "källa", "source"), false),
            ]);
            for k in ks {
                table.push(vec![
                    k.code.0.clone(),
                    k.name.clone(),
                    num(Decimal::from(k.population), 0, lang),
                    k.population_date.clone(),
                    k.source.0.clone(),
                ]);
            }
            let mut out = String::new();
            table.render(&mut out);
            out.into_bytes()
        }
    })
}

fn range<T: Copy>(e: &calc_core::Estimate<T>, v: impl Fn(T) -> Decimal, lang: Lang) -> [String; 2] {
    let c = num(v(e.central()), 0, lang);
    let lo = v(e.low());
    let hi = v(e.high());
    let r = if lo == hi {
        String::new()
    } else {
        format!("{} – {}", num(lo, 0, lang), num(hi, 0, lang))
    };
    [c, r]
}

/// `avfallskalkyl factors --format table`.
pub(crate) fn factors_table(table: &FactorTable, lang: Lang) -> String {
    let mut out = String::new();
    let info = table.info();
    let _ = writeln!(
        out,
        "{}: {} ({}, version {})",
        t(lang, "Faktoruppsättning", "Factor set"),
        info.id,
        info.name,
        info.version
    );
    out.push('\n');
    let mut keys: Vec<(calc_core::FractionId, calc_core::Route)> = table
        .emission_factors()
        .map(|f| (f.fraction.clone(), f.route))
        .chain(table.cost_factors().map(|f| (f.fraction.clone(), f.route)))
        .collect();
    keys.sort();
    keys.dedup();
    let mut tt = TextTable::new(&[
        (t(lang, "avfallsslag", "fraction"), false),
        (t(lang, "behandlingsväg", "route"), false),
        ("kg CO2e/t", true),
        (t(lang, "lågt – högt", "low – high"), true),
        (t(lang, "källa", "source"), false),
        (t(lang, "kr/t", "SEK/t"), true),
        (t(lang, "lågt – högt", "low – high"), true),
        (t(lang, "källa", "source"), false),
    ]);
    for (fraction, route) in keys {
        let mut row = vec![fraction.0.clone(), route.id().to_string()];
        match table.emission(&fraction, route) {
            Some(f) => {
                row.extend(range(&f.value, |v| v.value(), lang));
                row.push(f.source.0.clone());
            }
            None => row.extend([String::new(), String::new(), String::new()]),
        }
        match table.cost(&fraction, route) {
            Some(f) => {
                row.extend(range(&f.value, |v| v.value(), lang));
                row.push(f.source.0.clone());
            }
            None => row.extend([String::new(), String::new(), String::new()]),
        }
        tt.push(row);
    }
    tt.render(&mut out);
    out
}
