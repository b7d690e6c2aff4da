//! The catalogue listings: `measures`, `municipalities` and `factors --format table`.

use super::{CsvText, TextTable, num};
use crate::args::{Format, OutputArgs};
use crate::inputs::Outcome;
use crate::lang::t;
use crate::output::{json_bytes, percent};
use calc_core::csvio::{self, Dialect, Lang};
use calc_core::{FactorTable, QuantityBasis};
use factors::Catalogue;
use rust_decimal::Decimal;
use std::fmt::Write as _;

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
            w.typed_row(
                &[
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
                ],
                &[],
            );
            for m in ms {
                w.typed_row(
                    &[
                        m.id.0.clone(),
                        m.area.clone(),
                        m.fraction.0.clone(),
                        m.pool.id.0.clone(),
                        m.stage.id().to_string(),
                        csvio::format_decimal(m.default_effect().percent(), dialect.decimal_comma),
                        m.ramp_years.to_string(),
                        basis_text(&m.basis, Lang::En),
                        m.name_sv.clone(),
                        m.name_en.clone(),
                    ],
                    &[5, 6],
                );
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
                    percent(m.default_effect(), lang),
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
            w.typed_row(
                &[
                    "scb_code",
                    "name",
                    "population",
                    "population_date",
                    "source",
                ],
                &[],
            );
            for k in ks {
                w.typed_row(
                    &[
                        k.code.0.clone(),
                        k.name.clone(),
                        k.population.to_string(),
                        k.population_date.clone(),
                        k.source.0.clone(),
                    ],
                    &[2],
                );
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
        "{}: {} ({}, version {}) · {}",
        t(lang, "Faktoruppsättning", "Factor set"),
        info.id,
        info.name,
        info.version,
        super::results::price_level(info.price_year, lang)
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

/// `avfallskalkyl municipalities --all`: SCB's list of all 290 municipalities.
pub(crate) fn all_municipalities(
    catalogue: &Catalogue,
    output: &OutputArgs,
    lang: Lang,
) -> Outcome {
    let ks = &catalogue.all_municipalities;
    let plan = |k: &calc_core::ScbMunicipality| catalogue.is_plan_municipality(&k.code);
    Ok(match output.format {
        Format::Json => {
            let v: Vec<calc_core::report::ScbMunicipalityJson> = ks
                .iter()
                .map(|k| calc_core::report::ScbMunicipalityJson::new(k, plan(k)))
                .collect();
            json_bytes(&v, lang)?
        }
        Format::Csv => {
            let dialect = dialect_for(output);
            let mut w = CsvText::new(dialect);
            w.typed_row(
                &["scb_code", "name", "county_code", "in_plan", "source"],
                &[],
            );
            for k in ks {
                w.typed_row(
                    &[
                        k.code.0.clone(),
                        k.name.clone(),
                        k.county.clone(),
                        plan(k).to_string(),
                        k.source.0.clone(),
                    ],
                    &[],
                );
            }
            csvio::encode(&w.finish(), dialect.encoding)
        }
        Format::Table => {
            let mut table = TextTable::new(&[
                (t(lang, "kod", "code"), false),
                (t(lang, "kommun", "municipality"), false),
                (t(lang, "län", "county"), false),
                (t(lang, "i planen", "in the plan"), false),
            ]);
            for k in ks {
                table.push(vec![
                    k.code.0.clone(),
                    k.name.clone(),
                    k.county.clone(),
                    if plan(k) {
                        t(lang, "ja", "yes").to_string()
                    } else {
                        String::new()
                    },
                ]);
            }
            let mut out = String::new();
            table.render(&mut out);
            let _ = writeln!(
                out,
                "{}",
                t(
                    lang,
                    "Källa: SCB:s kommunkoder (scb_kommunkoder). En kommun utanför planen anger sin folkmängd med --municipalities.",
                    "Source: SCB's municipality codes (scb_kommunkoder). A municipality outside the plan gives its population with --municipalities."
                )
            );
            out.into_bytes()
        }
    })
}

/// `avfallskalkyl units`: the units of the organisation and the measures they carry.
pub(crate) fn units(catalogue: &Catalogue, output: &OutputArgs, lang: Lang) -> Outcome {
    let u = &catalogue.units;
    Ok(match output.format {
        Format::Json => {
            let v: Vec<calc_core::report::UnitListingJson> = u
                .units
                .iter()
                .map(|unit| calc_core::report::UnitListingJson::new(unit, u))
                .collect();
            json_bytes(&v, lang)?
        }
        Format::Csv => {
            let dialect = dialect_for(output);
            let mut w = CsvText::new(dialect);
            w.typed_row(&["unit", "name", "measure", "role", "note"], &[]);
            for unit in &u.units {
                for a in u.assignments.iter().filter(|a| a.unit == unit.id) {
                    w.typed_row(
                        &[
                            unit.id.0.clone(),
                            unit.name(lang).to_string(),
                            a.measure.0.clone(),
                            a.role.id().to_string(),
                            t(lang, &a.note_sv, &a.note_en).clone(),
                        ],
                        &[],
                    );
                }
            }
            csvio::encode(&w.finish(), dialect.encoding)
        }
        Format::Table => {
            let mut table = TextTable::new(&[
                (t(lang, "verksamhet", "unit"), false),
                (t(lang, "namn", "name"), false),
                (t(lang, "leder", "leads"), false),
                (t(lang, "bidrar till", "contributes to"), false),
            ]);
            for unit in &u.units {
                let list = |role: calc_core::UnitRole| {
                    u.assignments
                        .iter()
                        .filter(|a| a.unit == unit.id && a.role == role)
                        .map(|a| a.measure.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                table.push(vec![
                    unit.id.0.clone(),
                    unit.name(lang).to_string(),
                    list(calc_core::UnitRole::Lead),
                    list(calc_core::UnitRole::Contributing),
                ]);
            }
            let mut out = String::new();
            table.render(&mut out);
            out.into_bytes()
        }
    })
}
