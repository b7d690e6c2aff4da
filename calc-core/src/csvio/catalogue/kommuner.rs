//! Any Swedish municipality (issue 26): SCB's list of the 290 municipalities
//! (`scb_municipalities.csv`) and a planner's own municipalities with their populations
//! (the CLI's `--municipalities FILE`, the app's form).

use super::{Errors, finish};
use crate::csvio::columns::csv_columns;
use crate::csvio::error::{CsvError, CsvErrorKind, IdKind, suggest};
use crate::csvio::table::{Table, normalize_header};
use crate::model::{Municipality, ScbCode, ScbMunicipality, SourceId};
use crate::scenario::PlanPeriod;
use std::collections::BTreeMap;

csv_columns! {
    /// The columns of SCB's list of municipalities.
    mod lc {
        CODE: required("scb_code", "kommunkod"),
        NAME: required("name", "namn"),
        COUNTY: required("county_code", "lanskod"),
        SOURCE: required("source", "kalla"),
    }
}

/// Whether a text is a four-digit SCB code.
fn is_code(text: &str) -> bool {
    text.len() == 4 && text.chars().all(|c| c.is_ascii_digit())
}

/// Reads SCB's list of municipalities (`scb_code`, `name`, `county_code`, `source`): a code
/// is four digits and unique, and its first two digits are the county code.
pub fn read_scb_municipalities(bytes: &[u8]) -> Result<Vec<ScbMunicipality>, Errors> {
    let table = Table::read(bytes)?;
    let cols = table.columns(lc::SPECS)?;
    let mut errors = Vec::new();
    let mut out = Vec::new();
    let mut seen: BTreeMap<String, u64> = BTreeMap::new();
    for row in &table.rows {
        let code = cols.required_text(row, lc::CODE, &mut errors);
        let name = cols.required_text(row, lc::NAME, &mut errors);
        let county = cols.required_text(row, lc::COUNTY, &mut errors);
        let source = cols.required_text(row, lc::SOURCE, &mut errors);
        let (Some(code), Some(name), Some(county), Some(source)) = (code, name, county, source)
        else {
            continue;
        };
        if !is_code(&code) || !code.starts_with(county.as_str()) || county.len() != 2 {
            errors.push(cols.error(
                row,
                lc::CODE,
                CsvErrorKind::OutOfRange {
                    min: "0000".into(),
                    max: "9999".into(),
                },
            ));
            continue;
        }
        if let Some(first) = seen.insert(code.clone(), row.line) {
            errors.push(cols.error(row, lc::CODE, CsvErrorKind::Duplicate { first_line: first }));
            continue;
        }
        out.push(ScbMunicipality {
            code: ScbCode(code),
            name,
            county,
            source: SourceId(source),
        });
    }
    finish(out, errors)
}

csv_columns! {
    /// The columns of a planner's own municipalities.
    mod oc {
        CODE: required("scb_code", "kommunkod", "code", "kod"),
        NAME: optional("name", "namn", "municipality", "kommun"),
        POPULATION: required("population", "folkmangd", "invanare", "inhabitants"),
        DATE: required("population_date", "datum", "date"),
        SOURCE: required("source", "kalla"),
    }
}

/// A date written `YYYY-MM-DD` (a real day of the Gregorian calendar): its year, month and
/// day, or `None`.
#[must_use]
pub fn parse_date(text: &str) -> Option<(u16, u8, u8)> {
    let mut parts = text.trim().split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !(all_digits(y) && all_digits(m) && all_digits(d)) {
        return None;
    }
    let (y, m, d): (u16, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then_some((y, m, d))
}

/// Reads a planner's own municipalities: one row per municipality with its SCB code
/// (`scb_code`/`kommunkod`), optionally its name (`name`/`namn`), its population
/// (`population`/`folkmangd`), the population's date (`population_date`/`datum`,
/// `YYYY-MM-DD`) and its source (`source`/`kalla`). Any of the 290 municipalities in
/// `list` may be given, a Sjuhärad one too (its row replaces the built-in population).
///
/// Errors, each on its line and column: a code not in SCB's list (with the nearest codes),
/// a name that is not the code's, a missing or non-positive population, a date that is not
/// `YYYY-MM-DD`, a date outside the plan period (allowed: from 1 January of the year
/// before its first year, SCB's latest yearly figure being for 31 December of that year,
/// to 31 December of its last year), a missing source and a code given twice.
///
/// ```
/// use calc_core::csvio::{read_own_municipalities, read_scb_municipalities};
/// use calc_core::{PlanPeriod, Year};
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let list = read_scb_municipalities(
///     "scb_code,name,county_code,source\n2480,Umeå,24,scb\n".as_bytes(),
/// ).map_err(|e| format!("{e:?}"))?;
/// let period = PlanPeriod::new(Year(2025), Year(2030))?;
/// let file = "kommunkod;namn;folkmangd;datum;kalla\n2480;Umeå;133 000;2024-12-31;SCB\n";
/// let own = read_own_municipalities(file.as_bytes(), &list, period)
///     .map_err(|e| format!("{e:?}"))?;
/// assert_eq!((own[0].name.as_str(), own[0].population), ("Umeå", 133_000));
/// let bad = "kommunkod;namn;folkmangd;datum;kalla\n2480;Luleå;0;2019-12-31;SCB\n";
/// let errors = read_own_municipalities(bad.as_bytes(), &list, period).err().unwrap_or_default();
/// assert_eq!(errors.len(), 3); // name, population, date
/// # Ok(())
/// # }
/// ```
pub fn read_own_municipalities(
    bytes: &[u8],
    list: &[ScbMunicipality],
    period: PlanPeriod,
) -> Result<Vec<Municipality>, Errors> {
    let table = Table::read(bytes)?;
    let cols = table.columns(oc::SPECS)?;
    if table.rows.is_empty() {
        return Err(vec![CsvError::new(
            table.header_line,
            None,
            "",
            CsvErrorKind::NoData,
        )]);
    }
    let mut errors = Vec::new();
    let mut out: Vec<Municipality> = Vec::new();
    let mut seen: BTreeMap<String, u64> = BTreeMap::new();
    for row in &table.rows {
        let text = |col: usize| cols.text(row, col);
        let result = own_municipality(
            list,
            &OwnMunicipalityInput {
                code: text(oc::CODE),
                name: text(oc::NAME),
                population: text(oc::POPULATION),
                date: text(oc::DATE),
                source: text(oc::SOURCE),
            },
            period,
        );
        match result {
            Err(problems) => {
                for (field, kind) in problems {
                    let col = match field {
                        OwnField::Code => oc::CODE,
                        OwnField::Name => oc::NAME,
                        OwnField::Population => oc::POPULATION,
                        OwnField::Date => oc::DATE,
                        OwnField::Source => oc::SOURCE,
                    };
                    errors.push(cols.error(row, col, kind));
                }
            }
            Ok(k) => {
                if let Some(first) = seen.insert(k.code.0.clone(), row.line) {
                    errors.push(cols.error(
                        row,
                        oc::CODE,
                        CsvErrorKind::Duplicate { first_line: first },
                    ));
                    continue;
                }
                out.push(k);
            }
        }
    }
    finish(out, errors)
}

/// A field of a planner's own municipality (a column of the file, a field of the app's
/// form).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OwnField {
    /// The SCB code.
    Code,
    /// The name (optional; checked against the code's).
    Name,
    /// The population.
    Population,
    /// The population's date.
    Date,
    /// The population's source.
    Source,
}

/// A planner's own municipality as text: a row of the file or the app's form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OwnMunicipalityInput<'a> {
    /// SCB code, e.g. `2480`.
    pub code: &'a str,
    /// Name, or empty.
    pub name: &'a str,
    /// Inhabitants, e.g. `130 000` (spaces as thousands separators allowed).
    pub population: &'a str,
    /// Date of the population, `YYYY-MM-DD`.
    pub date: &'a str,
    /// Where the population comes from.
    pub source: &'a str,
}

/// Checks one own municipality against SCB's list and the plan period (the rules of
/// [`read_own_municipalities`], which reads a file of them): the municipality, or every
/// problem with its field, in field order. Messages come from
/// [`CsvError::message`](crate::csvio::CsvError::message) once a line and column are
/// attached, or from [`CsvErrorKind`] for a form.
pub fn own_municipality(
    list: &[ScbMunicipality],
    input: &OwnMunicipalityInput<'_>,
    period: PlanPeriod,
) -> Result<Municipality, Vec<(OwnField, CsvErrorKind)>> {
    let mut problems: Vec<(OwnField, CsvErrorKind)> = Vec::new();
    let code = input.code.trim();
    let known = if code.is_empty() {
        problems.push((OwnField::Code, CsvErrorKind::EmptyField));
        None
    } else {
        let found = list.iter().find(|k| k.code.as_str() == code);
        if found.is_none() {
            let suggestions = if is_code(code) {
                suggest(code, list.iter().map(|k| k.code.as_str()))
            } else {
                // A name in the code field: the code of that name.
                let key = normalize_header(code);
                list.iter()
                    .filter(|k| normalize_header(&k.name) == key)
                    .map(|k| k.code.as_str().to_string())
                    .collect()
            };
            problems.push((
                OwnField::Code,
                CsvErrorKind::UnknownId {
                    what: IdKind::Municipality,
                    suggestions,
                },
            ));
        }
        found
    };
    let name = input.name.trim();
    if let Some(k) = known
        && !name.is_empty()
        && normalize_header(name) != normalize_header(&k.name)
    {
        problems.push((
            OwnField::Name,
            CsvErrorKind::NameMismatch {
                expected: k.name.clone(),
            },
        ));
    }
    let population_text = input.population.trim();
    let population = if population_text.is_empty() {
        problems.push((OwnField::Population, CsvErrorKind::EmptyField));
        None
    } else {
        let digits = population_text.replace([' ', '\u{a0}', '\u{202f}'], "");
        let parsed = match digits.parse::<i64>() {
            Ok(p) if p > 0 => u32::try_from(p).map_err(|_| CsvErrorKind::OutOfRange {
                min: "1".into(),
                max: u32::MAX.to_string(),
            }),
            Ok(_) => Err(CsvErrorKind::NotPositive),
            Err(_) => Err(CsvErrorKind::InvalidNumber),
        };
        // Not silent: the error is pushed to `problems` before `.ok()` drops it.
        parsed
            .map_err(|k| problems.push((OwnField::Population, k)))
            .ok()
    };
    let date = input.date.trim();
    let first = period.start().get().saturating_sub(1);
    let last = period.end().get();
    if date.is_empty() {
        problems.push((OwnField::Date, CsvErrorKind::EmptyField));
    } else {
        match parse_date(date) {
            None => problems.push((OwnField::Date, CsvErrorKind::InvalidDate)),
            Some((y, _, _)) if y < first || y > last => problems.push((
                OwnField::Date,
                CsvErrorKind::DateOutsidePeriod {
                    from: format!("{first}-01-01"),
                    to: format!("{last}-12-31"),
                },
            )),
            Some(_) => {}
        }
    }
    let source = input.source.trim();
    if source.is_empty() {
        problems.push((OwnField::Source, CsvErrorKind::EmptyField));
    }
    match (known, population) {
        (Some(k), Some(population)) if problems.is_empty() => Ok(Municipality {
            code: k.code.clone(),
            name: k.name.clone(),
            population,
            population_date: date.to_string(),
            source: SourceId(source.to_string()),
        }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_gets_each_problem_with_its_field() {
        let list = [ScbMunicipality {
            code: ScbCode::from("2480"),
            name: "Umeå".into(),
            county: "24".into(),
            source: SourceId::from("scb"),
        }];
        let period = PlanPeriod::new(crate::Year(2025), crate::Year(2030))
            .unwrap_or(PlanPeriod::single(crate::Year(2025)));
        let input = OwnMunicipalityInput {
            code: "2480",
            name: "umea",
            population: "130 000",
            date: "2024-12-31",
            source: "SCB",
        };
        let k = own_municipality(&list, &input, period);
        assert_eq!(
            k.map(|k| (k.name, k.population)),
            Ok(("Umeå".to_string(), 130_000))
        );
        let bad = OwnMunicipalityInput {
            code: "2481",
            name: "",
            population: "-3",
            date: "2031-01-01",
            source: " ",
        };
        let fields: Vec<OwnField> = own_municipality(&list, &bad, period)
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(
            fields,
            [
                OwnField::Code,
                OwnField::Population,
                OwnField::Date,
                OwnField::Source
            ]
        );
    }

    #[test]
    fn dates_are_real_days() {
        assert_eq!(parse_date("2024-12-31"), Some((2024, 12, 31)));
        assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("1900-02-29"), None);
        assert_eq!(parse_date("2000-02-29"), Some((2000, 2, 29)));
        assert_eq!(parse_date("2024-04-31"), None);
        assert_eq!(parse_date("2024-13-01"), None);
        assert_eq!(parse_date("2024-1-01"), None);
        assert_eq!(parse_date("31/12/2024"), None);
        assert_eq!(parse_date("2024-12-31-1"), None);
    }
}
