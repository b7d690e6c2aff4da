//! Scenarios written as a scenario file.

use super::HEADERS;
use crate::csvio::dialect::{Dialect, finish_writer};
use crate::csvio::error::Lang;
use crate::csvio::number::format_decimal;
use crate::csvio::safe::guard_cell;
use crate::scenario::{ItemOverrides, Scenario};
use crate::units::Year;
use rust_decimal::Decimal;

/// Writes scenarios as a scenario file in a dialect with headers in a language; reading
/// it back with a context of the same measures, municipalities, period and discount rate
/// gives the same scenarios. Every value is written out (effect, start and full-effect
/// year), so the file does not depend on catalogue defaults; overrides only where set.
/// Factor overrides are not part of the format and are not written.
#[must_use]
pub fn write_scenarios_csv(scenarios: &[Scenario], dialect: Dialect, lang: Lang) -> String {
    let mut w = csv::WriterBuilder::new()
        .delimiter(dialect.delimiter)
        .from_writer(Vec::new());
    let header: Vec<&str> = HEADERS
        .iter()
        .map(|(en, sv)| if lang == Lang::Sv { *sv } else { *en })
        .collect();
    let mut ok = w.write_record(&header).is_ok();
    let num = |d: Decimal| format_decimal(d, dialect.decimal_comma);
    for s in scenarios {
        for item in &s.items {
            let m = item.measure();
            let o = ItemOverrides::of(item);
            let year = |y: Option<Year>| y.map(|y| y.to_string()).unwrap_or_default();
            // An override that is not set is an empty cell (`unwrap_or_default` on an Option).
            let rec = [
                guard_cell(&s.name).into_owned(),
                guard_cell(&item.municipality().name).into_owned(),
                guard_cell(&m.id.0).into_owned(),
                o.effect.map(|e| num(e.percent())).unwrap_or_default(),
                o.quantity.map(|q| num(q.value())).unwrap_or_default(),
                year(o.start_year),
                year(o.full_effect_year),
                o.implementation_cost
                    .map(|c| num(c.value()))
                    .unwrap_or_default(),
                o.running_cost.map(|c| num(c.value())).unwrap_or_default(),
                guard_cell(if lang == Lang::Sv {
                    &m.name_sv
                } else {
                    &m.name_en
                })
                .into_owned(),
                String::new(),
            ];
            ok &= w.write_record(&rec).is_ok();
        }
    }
    finish_writer(w, ok, dialect)
}

/// Writes one scenario as a scenario file; see [`write_scenarios_csv`].
#[must_use]
pub fn write_scenario_csv(scenario: &Scenario, dialect: Dialect, lang: Lang) -> String {
    write_scenarios_csv(std::slice::from_ref(scenario), dialect, lang)
}
