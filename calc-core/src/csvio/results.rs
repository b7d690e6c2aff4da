//! Results as CSV for a spreadsheet, and number formatting for display.
//!
//! Numbers are rounded here, for display only (the [`Evaluation`] keeps full precision).

use super::dialect::Dialect;
use super::dialect::finish_writer;
use super::safe::guard_cell;
use crate::eval::{Evaluation, OwnFiguresUsed, PerInhabitantFigures, Summary};
use crate::format::{Lang, format_fixed};
use crate::model::{MeasureId, Perspective};
use crate::units::{KgCo2e, Share};
use rust_decimal::{Decimal, RoundingStrategy};

/// Columns of the results CSV: (English, Swedish) headers.
pub const RESULT_HEADERS: [(&str, &str); 32] = [
    ("scenario", "scenario"),
    ("municipality_code", "kommunkod"),
    ("municipality", "kommun"),
    ("measure", "åtgärd"),
    ("pool", "avfallspool"),
    ("order_in_pool", "ordning_i_poolen"),
    ("effect_pct", "effekt_procent"),
    ("tonnes_shifted_per_year", "ton_per_år"),
    ("t_co2e_per_year_low", "t_co2e_per_år_låg"),
    ("t_co2e_per_year", "t_co2e_per_år"),
    ("t_co2e_per_year_high", "t_co2e_per_år_hög"),
    ("net_sek_per_year_waste_fee", "netto_kr_per_år_avfallstaxan"),
    (
        "net_sek_per_year_municipal_budget",
        "netto_kr_per_år_kommunens_budget",
    ),
    ("net_sek_per_year_municipality", "netto_kr_per_år_kommunen"),
    ("net_sek_per_year_households", "netto_kr_per_år_hushållen"),
    ("net_sek_per_year_society", "netto_kr_per_år_samhället"),
    ("t_co2e_cumulative", "t_co2e_totalt"),
    (
        "net_sek_cumulative_municipality",
        "netto_kr_totalt_kommunen",
    ),
    ("net_sek_cumulative_society", "netto_kr_totalt_samhället"),
    ("npv_sek_municipality", "nuvärde_kr_kommunen"),
    ("npv_sek_society", "nuvärde_kr_samhället"),
    ("sek_per_t_co2e_municipality", "kr_per_t_co2e_kommunen"),
    ("first_year", "första_år"),
    ("last_year", "sista_år"),
    ("population", "folkmängd"),
    (
        "kg_moved_per_inhabitant_per_year",
        "kg_flyttade_per_invånare_och_år",
    ),
    (
        "kg_co2e_per_inhabitant_per_year",
        "kg_co2e_per_invånare_och_år",
    ),
    (
        "net_sek_per_inhabitant_per_year_municipality",
        "netto_kr_per_invånare_och_år_kommunen",
    ),
    (
        "net_sek_per_inhabitant_per_year_society",
        "netto_kr_per_invånare_och_år_samhället",
    ),
    ("own_figures_source", "egna_siffror_källa"),
    ("own_figures_year", "egna_siffror_år"),
    ("price_year", "prisnivå_år"),
];

fn tonnes_co2e(kg: KgCo2e) -> Decimal {
    kg.to_tonnes().value()
}

fn figures(s: &Summary, num: &dyn Fn(Decimal) -> String) -> [String; 15] {
    let muni = |b: Option<crate::eval::Band<crate::units::Sek>>| {
        b.map(|b| num(b.central.value())).unwrap_or_default()
    };
    let m = Perspective::Municipality;
    let by = &s.net_sek_saved_per_year_by_payer;
    [
        num(s.tonnes_shifted_per_year.value()),
        num(tonnes_co2e(s.co2e_saved_kg_per_year.low)),
        num(tonnes_co2e(s.co2e_saved_kg_per_year.central)),
        num(tonnes_co2e(s.co2e_saved_kg_per_year.high)),
        num(by.waste_fee.central.value()),
        num(by.municipal_budget.central.value()),
        muni(s.net_sek_per_year(m)),
        num(by.households.central.value()),
        num(s.society_net_sek_saved_per_year.central.value()),
        num(tonnes_co2e(s.co2e_saved_kg_cumulative.central)),
        muni(s.net_sek_cumulative(m)),
        num(s.society_net_sek_saved_cumulative.central.value()),
        muni(s.net_present_value(m)),
        num(s.society_net_present_value_sek.central.value()),
        // No cost per tonne (no CO2e saved) is an empty cell, as documented.
        s.municipality_cost_per_tonne_co2e
            .map(|c| num(c.value()))
            .unwrap_or_default(),
    ]
}

/// The columns after the plan period: inhabitants, the figures per inhabitant (empty
/// without inhabitants), the own figures the row rests on (empty for the defaults) and the
/// price level of the SEK figures.
fn tail(
    s: &Summary,
    population: u32,
    own: Option<&OwnFiguresUsed>,
    price_year: &str,
    num: &dyn Fn(Decimal) -> String,
) -> [String; 8] {
    let per = s.per_inhabitant(population);
    let cell = |f: fn(&PerInhabitantFigures) -> Decimal| {
        per.as_ref().map(|p| num(f(p))).unwrap_or_default()
    };
    [
        population.to_string(),
        cell(|p| p.kg_moved),
        cell(|p| p.kg_co2e_saved),
        cell(|p| p.sek_saved_municipality),
        cell(|p| p.sek_saved_society),
        own.map(|o| guard_cell(&o.source).into_owned())
            .unwrap_or_default(),
        own.map(|o| o.year.to_string()).unwrap_or_default(),
        price_year.to_string(),
    ]
}

fn pct(s: Share, decimal_comma: bool) -> String {
    super::number::format_decimal(
        s.percent()
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
        decimal_comma,
    )
}

/// Writes the results of one evaluation; see [`write_results_csv_all`].
#[must_use]
pub fn write_results_csv(evaluation: &Evaluation, dialect: Dialect, lang: Lang) -> String {
    write_results_csv_all(std::slice::from_ref(evaluation), dialect, lang)
}

/// Writes results as CSV: one row per measure × municipality and one total row per
/// scenario (measure `TOTAL` / `TOTALT`, no municipality), headers in `lang`, numbers
/// rounded to 2 decimals in the dialect's decimal mark. Tonnes CO2e are at full effect
/// per year (low, central, high) and over the plan period (central); SEK are net of
/// measure costs, per payer (waste fee, municipal budget, households), for the
/// municipality (waste fee + budget) and for society (all three); per-year SEK leave out
/// one-time costs; an empty cost per tonne means no CO2e saved. After the plan period come
/// the municipality's inhabitants (all the scenario's municipalities on the total row), the
/// figures per inhabitant and year at full effect (kg moved, kg CO2e, net SEK for the
/// municipality and for society; empty without inhabitants), the source and year of the
/// municipality's own figures where they replaced the defaults (empty otherwise), and the
/// price year every SEK figure is expressed in.
#[must_use]
pub fn write_results_csv_all(evaluations: &[Evaluation], dialect: Dialect, lang: Lang) -> String {
    let mut out = results_csv_header(dialect, lang);
    for e in evaluations {
        out.push_str(&results_csv_rows(e, dialect, lang));
    }
    out
}

/// The header line of the results CSV (with a BOM for [`super::Encoding::Utf8Bom`]), for
/// callers that write the rows of many evaluations one at a time with [`results_csv_rows`].
#[must_use]
pub fn results_csv_header(dialect: Dialect, lang: Lang) -> String {
    header_with(dialect, lang, false)
}

/// The column [`write_results_csv_named`] adds after the measure id: (English, Swedish).
pub const MEASURE_NAME_HEADER: (&str, &str) = ("measure_name", "åtgärdens_namn");

/// [`write_results_csv`] with the measures' names in a column after their ids
/// ([`MEASURE_NAME_HEADER`]), for readers who do not know the ids; the total row's name is
/// empty. Names are text cells, so one that starts like a formula is neutralised.
#[must_use]
pub fn write_results_csv_named(
    evaluation: &Evaluation,
    dialect: Dialect,
    lang: Lang,
    names: &dyn Fn(&MeasureId) -> String,
) -> String {
    let mut out = header_with(dialect, lang, true);
    out.push_str(&rows_with(evaluation, dialect, lang, Some(names)));
    out
}

fn header_with(dialect: Dialect, lang: Lang, named: bool) -> String {
    let mut w = csv::WriterBuilder::new()
        .delimiter(dialect.delimiter)
        .from_writer(Vec::new());
    let pick = |(en, sv): (&'static str, &'static str)| if lang == Lang::Sv { sv } else { en };
    let mut header: Vec<&str> = Vec::with_capacity(RESULT_HEADERS.len() + 1);
    for (i, h) in RESULT_HEADERS.iter().enumerate() {
        header.push(pick(*h));
        if named && i == MEASURE_COLUMN {
            header.push(pick(MEASURE_NAME_HEADER));
        }
    }
    let ok = w.write_record(&header).is_ok();
    finish_writer(w, ok, dialect)
}

/// The data rows of the results CSV for one evaluation, without header or BOM.
#[must_use]
pub fn results_csv_rows(e: &Evaluation, dialect: Dialect, lang: Lang) -> String {
    rows_with(e, dialect, lang, None)
}

/// The position of `measure` in [`RESULT_HEADERS`].
const MEASURE_COLUMN: usize = 3;

fn rows_with(
    e: &Evaluation,
    dialect: Dialect,
    lang: Lang,
    names: Option<&dyn Fn(&MeasureId) -> String>,
) -> String {
    let mut w = csv::WriterBuilder::new()
        .delimiter(dialect.delimiter)
        .from_writer(Vec::new());
    let mut ok = true;
    let comma = dialect.decimal_comma;
    let num = |d: Decimal| format_fixed(d, 2, comma);
    let first = e.period.start().to_string();
    let last = e.period.end().to_string();
    let price_year = e
        .factor_set
        .price_year
        .map(|y| y.to_string())
        .unwrap_or_default();
    for item in &e.items {
        let mut rec: Vec<String> = Vec::with_capacity(RESULT_HEADERS.len());
        rec.extend([
            guard_cell(&e.scenario).into_owned(),
            guard_cell(&item.municipality.0).into_owned(),
            guard_cell(&item.municipality_name).into_owned(),
            guard_cell(&item.measure.0).into_owned(),
        ]);
        if let Some(names) = names {
            rec.push(guard_cell(&names(&item.measure)).into_owned());
        }
        rec.extend([
            guard_cell(&item.pool.0).into_owned(),
            item.order_in_pool.to_string(),
            pct(item.effect, comma),
        ]);
        rec.extend(figures(&item.summary, &num));
        rec.extend([first.clone(), last.clone()]);
        rec.extend(tail(
            &item.summary,
            item.population,
            item.own_figures.as_ref(),
            &price_year,
            &num,
        ));
        ok &= w.write_record(&rec).is_ok();
    }
    let mut rec: Vec<String> = Vec::with_capacity(RESULT_HEADERS.len());
    rec.extend([
        guard_cell(&e.scenario).into_owned(),
        String::new(),
        String::new(),
        if lang == Lang::Sv { "TOTALT" } else { "TOTAL" }.to_string(),
    ]);
    if names.is_some() {
        rec.push(String::new());
    }
    rec.extend([String::new(), String::new(), String::new()]);
    rec.extend(figures(&e.total, &num));
    rec.extend([first, last]);
    rec.extend(tail(&e.total, e.population(), None, &price_year, &num));
    ok &= w.write_record(&rec).is_ok();
    let plain = Dialect {
        encoding: super::Encoding::Utf8,
        ..dialect
    };
    finish_writer(w, ok, plain)
}
