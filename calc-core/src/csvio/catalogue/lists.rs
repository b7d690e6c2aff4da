//! The list files: sources, fractions, municipalities, goal areas and the factor set list.

use super::{Errors, finish};
use crate::csvio::columns::csv_columns;
use crate::csvio::error::{CsvErrorKind, IdKind, suggest};
use crate::csvio::table::Table;
use crate::model::{
    FactorSetInfo, Fraction, FractionId, GoalArea, Municipality, PriceIndex, PriceLevel, ScbCode,
    Source, SourceId, SourceKind,
};
use crate::units::Year;
use std::collections::BTreeMap;

csv_columns! {
    /// The columns of `sources.csv`.
    mod sc {
        ID: required("id"),
        KIND: required("kind"),
        TITLE: required("title"),
        PUBLISHER: required("publisher"),
        YEAR: optional("year"),
        URL: optional("url"),
        LOCATOR: optional("locator"),
        LICENCE: optional("licence", "license"),
        ACCESSED: optional("accessed"),
        NOTE: optional("note"),
        NOTE_SV: optional("note_sv"),
    }
}

/// Reads `sources.csv` (`note_sv`, the note in Swedish, is optional).
pub fn read_sources(bytes: &[u8]) -> Result<Vec<Source>, Errors> {
    let table = Table::read(bytes)?;
    let cols = table.columns(sc::SPECS)?;
    let mut errors = Vec::new();
    let mut out = Vec::new();
    let mut seen: BTreeMap<String, u64> = BTreeMap::new();
    for row in &table.rows {
        let Some(id) = cols.required_text(row, sc::ID, &mut errors) else {
            continue;
        };
        if let Some(first) = seen.insert(id.clone(), row.line) {
            errors.push(cols.error(row, sc::ID, CsvErrorKind::Duplicate { first_line: first }));
            continue;
        }
        let kind = match cols.text(row, sc::KIND) {
            "published" => Some(SourceKind::Published),
            "derived" => Some(SourceKind::Derived),
            "estimate" => Some(SourceKind::Estimate),
            other => {
                errors.push(cols.error(
                    row,
                    sc::KIND,
                    CsvErrorKind::UnknownId {
                        what: IdKind::SourceKind,
                        suggestions: suggest(other, ["published", "derived", "estimate"]),
                    },
                ));
                None
            }
        };
        let title = cols.required_text(row, sc::TITLE, &mut errors);
        let publisher = cols.required_text(row, sc::PUBLISHER, &mut errors);
        // Not silent: `opt_year` records its error in `errors`.
        let year = cols.opt_year(row, sc::YEAR, &mut errors).ok().flatten();
        if let (Some(kind), Some(title), Some(publisher)) = (kind, title, publisher) {
            out.push(Source {
                id: SourceId(id),
                kind,
                title,
                publisher,
                year,
                url: cols.text(row, sc::URL).to_string(),
                locator: cols.text(row, sc::LOCATOR).to_string(),
                licence: cols.text(row, sc::LICENCE).to_string(),
                accessed: cols.text(row, sc::ACCESSED).to_string(),
                note: cols.text(row, sc::NOTE).to_string(),
                note_sv: cols.text(row, sc::NOTE_SV).to_string(),
            });
        }
    }
    finish(out, errors)
}

csv_columns! {
    /// The columns of `fractions.csv`.
    mod frc {
        ID: required("id"),
        NAME_SV: required("name_sv"),
        NAME_EN: required("name_en"),
        DESCRIPTION_EN: optional("description_en"),
    }
}

/// Reads `fractions.csv`.
pub fn read_fractions(bytes: &[u8]) -> Result<Vec<Fraction>, Errors> {
    let table = Table::read(bytes)?;
    let cols = table.columns(frc::SPECS)?;
    let mut errors = Vec::new();
    let mut out: Vec<Fraction> = Vec::new();
    for row in &table.rows {
        let id = cols.required_text(row, frc::ID, &mut errors);
        let sv = cols.required_text(row, frc::NAME_SV, &mut errors);
        let en = cols.required_text(row, frc::NAME_EN, &mut errors);
        if let (Some(id), Some(name_sv), Some(name_en)) = (id, sv, en) {
            if out.iter().any(|f| f.id.0 == id) {
                errors.push(cols.error(row, frc::ID, CsvErrorKind::Duplicate { first_line: 0 }));
                continue;
            }
            out.push(Fraction {
                id: FractionId(id),
                name_sv,
                name_en,
            });
        }
    }
    finish(out, errors)
}

csv_columns! {
    /// The columns of `municipalities.csv`.
    mod mun {
        CODE: required("scb_code", "kommunkod"),
        NAME: required("name", "namn"),
        POPULATION: required("population", "folkmangd"),
        DATE: required("population_date", "datum"),
        SOURCE: required("source", "kalla"),
    }
}

/// Reads `municipalities.csv`.
pub fn read_municipalities(bytes: &[u8]) -> Result<Vec<Municipality>, Errors> {
    let table = Table::read(bytes)?;
    let cols = table.columns(mun::SPECS)?;
    let mut errors = Vec::new();
    let mut out: Vec<Municipality> = Vec::new();
    for row in &table.rows {
        let code = cols.required_text(row, mun::CODE, &mut errors);
        if let Some(c) = &code
            && (c.len() != 4 || !c.chars().all(|ch| ch.is_ascii_digit()))
        {
            {
                errors.push(cols.error(
                    row,
                    mun::CODE,
                    CsvErrorKind::OutOfRange {
                        min: "0000".into(),
                        max: "9999".into(),
                    },
                ));
                continue;
            }
        }
        let name = cols.required_text(row, mun::NAME, &mut errors);
        let pop = cols.text(row, mun::POPULATION);
        let population = match pop.replace([' ', '\u{a0}'], "").parse::<u32>() {
            Ok(p) => Some(p),
            Err(_) => {
                errors.push(cols.error(row, mun::POPULATION, CsvErrorKind::InvalidNumber));
                None
            }
        };
        let date = cols.required_text(row, mun::DATE, &mut errors);
        let source = cols.required_text(row, mun::SOURCE, &mut errors);
        if let (Some(code), Some(name), Some(population), Some(date), Some(source)) =
            (code, name, population, date, source)
        {
            if out.iter().any(|m| m.code.0 == code) {
                errors.push(cols.error(row, mun::CODE, CsvErrorKind::Duplicate { first_line: 0 }));
                continue;
            }
            out.push(Municipality {
                code: ScbCode(code),
                name,
                population,
                population_date: date,
                source: SourceId(source),
            });
        }
    }
    finish(out, errors)
}

csv_columns! {
    /// The columns of `areas.csv`.
    mod arc {
        ID: required("id"),
        NAME_SV: required("name_sv"),
        NAME_EN: required("name_en"),
    }
}

/// Reads `areas.csv`: the goal areas of a waste plan.
pub fn read_areas(bytes: &[u8]) -> Result<Vec<GoalArea>, Errors> {
    let table = Table::read(bytes)?;
    let cols = table.columns(arc::SPECS)?;
    let mut errors = Vec::new();
    let mut out: Vec<GoalArea> = Vec::new();
    for row in &table.rows {
        let id = cols.required_text(row, arc::ID, &mut errors);
        let sv = cols.required_text(row, arc::NAME_SV, &mut errors);
        let en = cols.required_text(row, arc::NAME_EN, &mut errors);
        if let (Some(id), Some(name_sv), Some(name_en)) = (id, sv, en) {
            if out.iter().any(|a| a.id == id) {
                errors.push(cols.error(row, arc::ID, CsvErrorKind::Duplicate { first_line: 0 }));
                continue;
            }
            out.push(GoalArea {
                id,
                name_sv,
                name_en,
            });
        }
    }
    finish(out, errors)
}

csv_columns! {
    /// The columns of `factor_sets.csv`.
    mod fsc {
        ID: required("id"),
        NAME_SV: required("name_sv"),
        NAME_EN: required("name_en"),
        VERSION: required("version"),
        YEAR: required("year"),
        FILE: required("file"),
        GWP: optional("gwp"),
        DESCRIPTION_EN: optional("description_en"),
        PRICE_YEAR: optional("price_year"),
    }
}

/// Reads `factor_sets.csv`: each factor set's name, version, year and price year (optional
/// column `price_year`), and the path of its factor file.
pub fn read_factor_set_list(bytes: &[u8]) -> Result<Vec<(FactorSetInfo, String)>, Errors> {
    let table = Table::read(bytes)?;
    let cols = table.columns(fsc::SPECS)?;
    let mut errors = Vec::new();
    let mut out = Vec::new();
    for row in &table.rows {
        let id = cols.required_text(row, fsc::ID, &mut errors);
        let name = cols.required_text(row, fsc::NAME_SV, &mut errors);
        let version = cols.required_text(row, fsc::VERSION, &mut errors);
        // A year that is not a number is reported in `errors`; `None` then.
        let year = cols.opt_year(row, fsc::YEAR, &mut errors).ok().flatten();
        let file = cols.required_text(row, fsc::FILE, &mut errors);
        // Not silent: `opt_year` records its error in `errors`.
        let price_year = cols
            .opt_year(row, fsc::PRICE_YEAR, &mut errors)
            .ok()
            .flatten();
        if let (Some(id), Some(name), Some(version), Some(file)) = (id, name, version, file) {
            out.push((
                FactorSetInfo {
                    id,
                    name,
                    version,
                    year,
                    price_year,
                },
                file,
            ));
        }
    }
    finish(out, errors)
}

csv_columns! {
    /// The columns of `price_index.csv`.
    mod pic {
        YEAR: required("year"),
        INDEX: required("index"),
        BASIS: required("basis"),
        SOURCE: required("source"),
        NOTE: optional("note"),
    }
}

/// Reads `price_index.csv`: one price level per year (`year`, `index`, `basis`, `source`,
/// optional `note`), e.g. SCB's KPI with 1980 = 100.
pub fn read_price_index(bytes: &[u8]) -> Result<PriceIndex, Errors> {
    let table = Table::read(bytes)?;
    let cols = table.columns(pic::SPECS)?;
    let mut errors = Vec::new();
    let mut out = PriceIndex::new();
    let mut seen: BTreeMap<Year, u64> = BTreeMap::new();
    for row in &table.rows {
        let year = match cols.opt_year(row, pic::YEAR, &mut errors) {
            Ok(Some(y)) => Some(y),
            Ok(None) => {
                errors.push(cols.error(row, pic::YEAR, CsvErrorKind::EmptyField));
                None
            }
            Err(_) => None,
        };
        let value = cols.decimal(row, pic::INDEX, &mut errors);
        let basis = cols.required_text(row, pic::BASIS, &mut errors);
        let source = cols.required_text(row, pic::SOURCE, &mut errors);
        let (Some(year), Some(value), Some(basis), Some(source)) = (year, value, basis, source)
        else {
            continue;
        };
        if let Some(first) = seen.insert(year, row.line) {
            errors.push(cols.error(
                row,
                pic::YEAR,
                CsvErrorKind::Duplicate { first_line: first },
            ));
            continue;
        }
        let level = PriceLevel {
            value,
            basis,
            source: SourceId(source),
        };
        if let Err(e) = out.insert(year, level) {
            errors.push(cols.error(row, pic::INDEX, CsvErrorKind::Model(e)));
        }
    }
    finish(out, errors)
}
