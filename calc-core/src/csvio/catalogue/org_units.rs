//! Units of the organisation (`units.csv`) and which units carry each measure
//! (`measure_units.csv`).

use super::{Errors, finish};
use crate::by_unit::{OrgUnit, OrgUnitId, UnitAssignment, UnitRole};
use crate::csvio::columns::csv_columns;
use crate::csvio::error::{CsvError, CsvErrorKind, IdKind, suggest};
use crate::csvio::table::Table;
use crate::model::MeasureId;
use std::collections::BTreeMap;

csv_columns! {
    /// The columns of `units.csv`.
    mod uc {
        ID: required("id"),
        NAME_SV: required("name_sv"),
        NAME_EN: required("name_en"),
        DESC_SV: optional("description_sv"),
        DESC_EN: optional("description_en"),
    }
}

/// Reads `units.csv`: the units of the organisation (`id`, `name_sv`, `name_en`, optional
/// `description_sv`, `description_en`). An id is lower-case letters only (it is used in
/// links); a repeated id is an error.
pub fn read_org_units(bytes: &[u8]) -> Result<Vec<OrgUnit>, Errors> {
    let table = Table::read(bytes)?;
    let cols = table.columns(uc::SPECS)?;
    let mut errors = Vec::new();
    let mut out: Vec<OrgUnit> = Vec::new();
    let mut seen: BTreeMap<String, u64> = BTreeMap::new();
    for row in &table.rows {
        let id = cols.required_text(row, uc::ID, &mut errors);
        let sv = cols.required_text(row, uc::NAME_SV, &mut errors);
        let en = cols.required_text(row, uc::NAME_EN, &mut errors);
        let Some(id) = id else { continue };
        if !id.chars().all(|c| c.is_ascii_lowercase()) {
            errors.push(cols.error(
                row,
                uc::ID,
                CsvErrorKind::OutOfRange {
                    min: "a".into(),
                    max: "z".into(),
                },
            ));
            continue;
        }
        if let Some(first) = seen.insert(id.clone(), row.line) {
            errors.push(cols.error(row, uc::ID, CsvErrorKind::Duplicate { first_line: first }));
            continue;
        }
        if let (Some(name_sv), Some(name_en)) = (sv, en) {
            out.push(OrgUnit {
                id: OrgUnitId(id),
                name_sv,
                name_en,
                description_sv: cols.text(row, uc::DESC_SV).to_string(),
                description_en: cols.text(row, uc::DESC_EN).to_string(),
            });
        }
    }
    finish(out, errors)
}

csv_columns! {
    /// The columns of `measure_units.csv`.
    mod ac {
        MEASURE: required("measure", "atgard"),
        UNIT: required("unit", "verksamhet"),
        ROLE: required("role", "roll"),
        NOTE_SV: optional("note_sv"),
        NOTE_EN: optional("note_en", "note"),
    }
}

/// Reads `measure_units.csv`: one row per unit carrying a measure (`measure`, `unit`,
/// `role` = `lead` or `contributing`, optional `note_sv`, `note_en`: why).
///
/// Errors, each on its line and column: an unknown measure (not in `measures`) or unit
/// (not in `units`), an unknown role, the same unit twice for a measure, a second leading
/// unit for a measure, and every measure of `measures` without a leading unit (on its
/// first row, or on the header line when it has no row).
pub fn read_measure_units(
    bytes: &[u8],
    units: &[OrgUnit],
    measures: &[MeasureId],
) -> Result<Vec<UnitAssignment>, Errors> {
    let table = Table::read(bytes)?;
    let cols = table.columns(ac::SPECS)?;
    let mut errors = Vec::new();
    let mut out: Vec<UnitAssignment> = Vec::new();
    // Per measure: the line of its first row and of its lead.
    let mut first_row: BTreeMap<String, u64> = BTreeMap::new();
    let mut lead_line: BTreeMap<String, u64> = BTreeMap::new();
    let mut pairs: BTreeMap<(String, String), u64> = BTreeMap::new();
    // Measures with a row that says `lead` but has another error: that error is enough.
    let mut lead_tried: Vec<String> = Vec::new();
    for row in &table.rows {
        let measure = cols.required_text(row, ac::MEASURE, &mut errors);
        let unit = cols.required_text(row, ac::UNIT, &mut errors);
        let role_text = cols.required_text(row, ac::ROLE, &mut errors);
        let measure = measure.filter(|m| {
            let known = measures.iter().any(|k| k.as_str() == m);
            if !known {
                errors.push(cols.error(
                    row,
                    ac::MEASURE,
                    CsvErrorKind::UnknownId {
                        what: IdKind::Measure,
                        suggestions: suggest(m, measures.iter().map(MeasureId::as_str)),
                    },
                ));
            }
            known
        });
        let unit = unit.filter(|u| {
            let known = units.iter().any(|k| k.id.as_str() == u);
            if !known {
                errors.push(cols.error(
                    row,
                    ac::UNIT,
                    CsvErrorKind::UnknownId {
                        what: IdKind::Unit,
                        suggestions: suggest(u, units.iter().map(|k| k.id.as_str())),
                    },
                ));
            }
            known
        });
        let role = role_text.and_then(|r| {
            let role = UnitRole::from_id(&r);
            if role.is_none() {
                errors.push(cols.error(
                    row,
                    ac::ROLE,
                    CsvErrorKind::UnknownId {
                        what: IdKind::Role,
                        suggestions: suggest(&r, ["lead", "contributing"]),
                    },
                ));
            }
            role
        });
        if let Some(m) = &measure {
            first_row.entry(m.clone()).or_insert(row.line);
            if role == Some(UnitRole::Lead) {
                lead_tried.push(m.clone());
            }
        }
        let (Some(measure), Some(unit), Some(role)) = (measure, unit, role) else {
            continue;
        };
        if let Some(first) = pairs.insert((measure.clone(), unit.clone()), row.line) {
            errors.push(cols.error(row, ac::UNIT, CsvErrorKind::Duplicate { first_line: first }));
            continue;
        }
        if role == UnitRole::Lead {
            if let Some(first) = lead_line.get(&measure) {
                errors.push(cols.error(
                    row,
                    ac::ROLE,
                    CsvErrorKind::SecondLead { first_line: *first },
                ));
                continue;
            }
            lead_line.insert(measure.clone(), row.line);
        }
        out.push(UnitAssignment {
            measure: MeasureId(measure),
            unit: OrgUnitId(unit),
            role,
            note_sv: cols.text(row, ac::NOTE_SV).to_string(),
            note_en: cols.text(row, ac::NOTE_EN).to_string(),
        });
    }
    for m in measures {
        if lead_line.contains_key(m.as_str()) || lead_tried.iter().any(|t| t == m.as_str()) {
            continue;
        }
        let kind = CsvErrorKind::NoLeadUnit {
            measure: m.as_str().to_string(),
        };
        errors.push(match first_row.get(m.as_str()) {
            Some(line) => CsvError::new(*line, Some(cols.name(ac::ROLE)), "", kind),
            None => CsvError::new(table.header_line, Some(cols.name(ac::MEASURE)), "", kind),
        });
    }
    crate::sort::sort_by_key(&mut errors, |e| e.line);
    finish(out, errors)
}
