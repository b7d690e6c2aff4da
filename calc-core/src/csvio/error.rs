//! Input errors with line, column and the offending text, in Swedish or English.

pub use crate::format::Lang;
use crate::model::ModelError;
pub use crate::model::lookup::{
    IdKind, MAX_SHOWN_CHARS, MAX_SUGGEST_CHARS, MAX_SUGGEST_IDS, shown, suggest,
};
use std::fmt;

/// What is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CsvErrorKind {
    /// Occurs when the CSV syntax is broken (e.g. an unclosed quote).
    Malformed {
        /// The CSV parser's description.
        detail: String,
    },
    /// Occurs when a quote opened on this line is never closed, or runs on over a line
    /// that looks like a row of its own: the row is refused, the lines after it are read.
    UnclosedQuote {
        /// The line inside the quote that looks like a row; `None` when the quote is still
        /// open at the end of the file.
        swallowed: Option<u64>,
    },
    /// Occurs when a file starts with a UTF-8 byte-order mark but has bytes that are not
    /// UTF-8 (e.g. Windows-1252 text behind the mark): refused on the first such byte's
    /// line rather than read with replacement characters.
    NotUtf8AfterBom,
    /// Occurs when the file has no header row.
    Empty,
    /// Occurs when a row has another number of fields than the header.
    FieldCount {
        /// Fields in the header.
        expected: usize,
        /// Fields in this row.
        found: usize,
    },
    /// Occurs when a required column is missing.
    MissingColumn,
    /// Occurs when a header matches no known column.
    UnknownColumn {
        /// The known columns.
        expected: String,
    },
    /// Occurs when two headers name the same column.
    DuplicateColumn,
    /// Occurs when a required field is empty.
    EmptyField,
    /// Occurs when a field is not a number.
    InvalidNumber,
    /// Occurs when a field is not a year between 1900 and 2200.
    InvalidYear,
    /// Occurs when a number is outside its allowed range.
    OutOfRange {
        /// Smallest allowed value.
        min: String,
        /// Largest allowed value.
        max: String,
    },
    /// Occurs when an id is not known.
    UnknownId {
        /// What kind of id.
        what: IdKind,
        /// The nearest known ids.
        suggestions: Vec<String>,
    },
    /// Occurs when the same key appears on two rows.
    Duplicate {
        /// Line of the first occurrence.
        first_line: u64,
    },
    /// Occurs when values are individually valid but break a rule together.
    Model(ModelError),
    /// Occurs when a number that must not be negative is.
    Negative,
    /// Occurs when a file has a header row but no data rows.
    NoData,
    /// Occurs when a row fills more than one of columns that exclude each other, or none
    /// of columns of which one is required.
    OneOf {
        /// The columns, as written in the file.
        columns: String,
    },
    /// Occurs when a measure has no row with a leading unit (`measure_units.csv`); the
    /// error is on the measure's first row, or on the header when it has none.
    NoLeadUnit {
        /// The measure.
        measure: String,
    },
    /// Occurs when a measure has a second leading unit.
    SecondLead {
        /// The line of the first lead.
        first_line: u64,
    },
    /// Occurs when a municipality's name does not match its SCB code.
    NameMismatch {
        /// The code's name in SCB's list.
        expected: String,
    },
    /// Occurs when a date is not written as YYYY-MM-DD.
    InvalidDate,
    /// Occurs when a whole number that must be above zero (a population) is not.
    NotPositive,
    /// Occurs when a population's date lies outside the plan period (from 31 December of
    /// the year before its first year to its last year).
    DateOutsidePeriod {
        /// The earliest allowed date.
        from: String,
        /// The latest allowed date.
        to: String,
    },
}

/// One problem in an input file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvError {
    /// 1-based line number (the header is line 1).
    pub line: u64,
    /// The column's header as written in the file, when the problem is in one column.
    pub column: Option<String>,
    /// The offending text as written.
    pub text: String,
    /// What is wrong.
    pub kind: CsvErrorKind,
}

impl CsvError {
    /// A new error.
    #[must_use]
    pub fn new(
        line: u64,
        column: Option<String>,
        text: impl Into<String>,
        kind: CsvErrorKind,
    ) -> Self {
        Self {
            line,
            column,
            text: text.into(),
            kind,
        }
    }

    /// The message in a language, e.g.
    /// `line 7, column 'mangd_ton': '12,5,0' is not a number`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        let mut out = match lang {
            Lang::En => format!("line {}", self.line),
            Lang::Sv => format!("rad {}", self.line),
        };
        if let Some(c) = &self.column {
            let c = shown(c);
            out.push_str(&match lang {
                Lang::En => format!(", column '{c}'"),
                Lang::Sv => format!(", kolumn '{c}'"),
            });
        }
        out.push_str(": ");
        out.push_str(&self.detail(lang));
        out
    }

    /// The message without its line and column (a form names the field itself).
    #[must_use]
    pub fn detail(&self, lang: Lang) -> String {
        let t = &shown(&self.text);
        match (&self.kind, lang) {
            (CsvErrorKind::Malformed { detail }, Lang::En) => format!("broken CSV: {detail}"),
            (CsvErrorKind::Malformed { detail }, Lang::Sv) => format!("felaktig CSV: {detail}"),
            (CsvErrorKind::UnclosedQuote { swallowed: None }, Lang::En) => format!(
                "the quote opened here ({t}) is never closed: the rest of the file would be one cell; close it with \""
            ),
            (CsvErrorKind::UnclosedQuote { swallowed: None }, Lang::Sv) => format!(
                "citattecknet som börjar här ({t}) avslutas aldrig: resten av filen skulle bli en enda cell; avsluta det med \""
            ),
            (CsvErrorKind::UnclosedQuote { swallowed: Some(l) }, Lang::En) => format!(
                "the quote opened here ({t}) runs on over line {l}, which looks like a row of its own; close it with \" on this line"
            ),
            (CsvErrorKind::UnclosedQuote { swallowed: Some(l) }, Lang::Sv) => format!(
                "citattecknet som börjar här ({t}) fortsätter över rad {l}, som ser ut som en egen rad; avsluta det med \" på samma rad"
            ),
            (CsvErrorKind::NotUtf8AfterBom, Lang::En) => format!(
                "the file starts with a UTF-8 byte-order mark but is not UTF-8 here ('{t}'): save it again as \"CSV UTF-8\", or as Windows-1252 without the mark"
            ),
            (CsvErrorKind::NotUtf8AfterBom, Lang::Sv) => format!(
                "filen börjar med en UTF-8-byteordningsmarkering men är inte UTF-8 här ('{t}'): spara den igen som \"CSV UTF-8\", eller som Windows-1252 utan markeringen"
            ),
            (CsvErrorKind::Empty, Lang::En) => "the file is empty: no header row".into(),
            (CsvErrorKind::Empty, Lang::Sv) => "filen är tom: ingen rubrikrad".into(),
            (CsvErrorKind::FieldCount { expected, found }, Lang::En) => {
                format!("found {found} fields, the header has {expected}")
            }
            (CsvErrorKind::FieldCount { expected, found }, Lang::Sv) => {
                format!("raden har {found} fält, rubrikraden har {expected}")
            }
            (CsvErrorKind::MissingColumn, Lang::En) => "required column is missing".into(),
            (CsvErrorKind::MissingColumn, Lang::Sv) => "obligatorisk kolumn saknas".into(),
            (CsvErrorKind::UnknownColumn { expected }, Lang::En) => {
                format!("unknown column '{t}' (known columns: {expected})")
            }
            (CsvErrorKind::UnknownColumn { expected }, Lang::Sv) => {
                format!("okänd kolumn '{t}' (kända kolumner: {expected})")
            }
            (CsvErrorKind::DuplicateColumn, Lang::En) => format!("column '{t}' appears twice"),
            (CsvErrorKind::DuplicateColumn, Lang::Sv) => format!("kolumnen '{t}' finns två gånger"),
            (CsvErrorKind::EmptyField, Lang::En) => "a value is required".into(),
            (CsvErrorKind::EmptyField, Lang::Sv) => "värde saknas".into(),
            (CsvErrorKind::InvalidNumber, Lang::En) => format!("'{t}' is not a number"),
            (CsvErrorKind::InvalidNumber, Lang::Sv) => format!("'{t}' är inte ett tal"),
            (CsvErrorKind::InvalidYear, Lang::En) => {
                format!("'{t}' is not a year between 1900 and 2200")
            }
            (CsvErrorKind::InvalidYear, Lang::Sv) => {
                format!("'{t}' är inte ett årtal mellan 1900 och 2200")
            }
            (CsvErrorKind::OutOfRange { min, max }, Lang::En) => {
                format!("'{t}' is outside the allowed range {min} to {max}")
            }
            (CsvErrorKind::OutOfRange { min, max }, Lang::Sv) => {
                format!("'{t}' ligger utanför det tillåtna intervallet {min} till {max}")
            }
            (CsvErrorKind::UnknownId { what, suggestions }, _) => {
                let mut s = match lang {
                    Lang::En => format!("unknown {} '{t}'", what.name(lang)),
                    Lang::Sv => format!("okänd {} '{t}'", what.name(lang)),
                };
                if !suggestions.is_empty() {
                    let list = suggestions
                        .iter()
                        .map(|x| format!("'{x}'"))
                        .collect::<Vec<_>>()
                        .join(", ");
                    s.push_str(&match lang {
                        Lang::En => format!("; did you mean {list}?"),
                        Lang::Sv => format!("; menade du {list}?"),
                    });
                }
                s
            }
            (CsvErrorKind::Duplicate { first_line }, Lang::En) => {
                format!("'{t}' is a duplicate of line {first_line}")
            }
            (CsvErrorKind::Duplicate { first_line }, Lang::Sv) => {
                format!("'{t}' är en dubblett av rad {first_line}")
            }
            (CsvErrorKind::Negative, Lang::En) => format!("'{t}' must not be negative"),
            (CsvErrorKind::Negative, Lang::Sv) => format!("'{t}' får inte vara negativt"),
            (CsvErrorKind::NoData, Lang::En) => "the file has a header row but no data rows".into(),
            (CsvErrorKind::NoData, Lang::Sv) => "filen har en rubrikrad men inga datarader".into(),
            (CsvErrorKind::OneOf { columns }, Lang::En) => {
                format!("fill in exactly one of {columns}")
            }
            (CsvErrorKind::OneOf { columns }, Lang::Sv) => {
                format!("fyll i exakt en av {columns}")
            }
            (CsvErrorKind::NoLeadUnit { measure }, Lang::En) => format!(
                "measure '{}' has no leading unit: give it one row with role 'lead'",
                shown(measure)
            ),
            (CsvErrorKind::NoLeadUnit { measure }, Lang::Sv) => format!(
                "åtgärden '{}' saknar ledande verksamhet: ge den en rad med roll 'lead'",
                shown(measure)
            ),
            (CsvErrorKind::SecondLead { first_line }, Lang::En) => format!(
                "'{t}' is a second leading unit: the measure's lead is on line {first_line}; make one of them 'contributing'"
            ),
            (CsvErrorKind::SecondLead { first_line }, Lang::Sv) => format!(
                "'{t}' är en andra ledande verksamhet: åtgärdens ledande står på rad {first_line}; gör en av dem till 'contributing'"
            ),
            (CsvErrorKind::NameMismatch { expected }, Lang::En) => format!(
                "'{t}' is not the name of this SCB code: SCB's list names it '{}'",
                shown(expected)
            ),
            (CsvErrorKind::NameMismatch { expected }, Lang::Sv) => format!(
                "'{t}' är inte namnet för den här SCB-koden: SCB:s lista kallar den '{}'",
                shown(expected)
            ),
            (CsvErrorKind::NotPositive, Lang::En) => {
                format!("'{t}' must be a whole number above 0")
            }
            (CsvErrorKind::NotPositive, Lang::Sv) => {
                format!("'{t}' måste vara ett heltal större än 0")
            }
            (CsvErrorKind::InvalidDate, Lang::En) => {
                format!("'{t}' is not a date written as YYYY-MM-DD, e.g. 2024-12-31")
            }
            (CsvErrorKind::InvalidDate, Lang::Sv) => {
                format!("'{t}' är inte ett datum skrivet ÅÅÅÅ-MM-DD, t.ex. 2024-12-31")
            }
            (CsvErrorKind::DateOutsidePeriod { from, to }, Lang::En) => format!(
                "the population date '{t}' is outside the plan period: give a figure from {from} to {to}"
            ),
            (CsvErrorKind::DateOutsidePeriod { from, to }, Lang::Sv) => format!(
                "folkmängdens datum '{t}' ligger utanför planperioden: ange en siffra från {from} till {to}"
            ),
            (CsvErrorKind::Model(e), Lang::En) => e.to_string(),
            (CsvErrorKind::Model(e), Lang::Sv) => e.message(Lang::Sv),
        }
    }
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for CsvError {}

#[cfg(test)]
mod tests {
    use super::*;

    /// Route shares that do not add up are said in percent, with the language's decimal
    /// mark (a baseline file gives them in percent, a data file as shares).
    #[test]
    fn a_wrong_sum_of_shares_is_said_in_percent() {
        let e = ModelError::MixSum {
            sum: rust_decimal::Decimal::new(1015, 3),
        };
        assert_eq!(
            e.message(Lang::Sv),
            "andelarna summerar till 101,5 %, inte 100 %"
        );
        assert_eq!(e.to_string(), "route shares sum to 101.5 %, not 100 %");
        let huge = ModelError::MixSum {
            sum: rust_decimal::Decimal::MAX,
        };
        assert!(
            huge.message(Lang::Sv)
                .starts_with("andelarna summerar till 79228162514264337593543950335 %")
        );
    }

    #[test]
    fn messages_in_both_languages() {
        let e = CsvError::new(
            7,
            Some("mangd_ton".into()),
            "12,5,0",
            CsvErrorKind::InvalidNumber,
        );
        assert_eq!(
            e.message(Lang::En),
            "line 7, column 'mangd_ton': '12,5,0' is not a number"
        );
        assert_eq!(
            e.message(Lang::Sv),
            "rad 7, kolumn 'mangd_ton': '12,5,0' är inte ett tal"
        );
    }

    #[test]
    fn echoed_text_is_cut_and_its_control_characters_escaped() {
        let long = "x".repeat(50_000);
        let e = CsvError::new(2, Some(long.clone()), long, CsvErrorKind::InvalidNumber);
        let m = e.message(Lang::En);
        assert_eq!(
            m,
            format!(
                "line 2, column '{x}…': '{x}…' is not a number",
                x = "x".repeat(MAX_SHOWN_CHARS)
            )
        );
        assert_eq!(shown("Bor\u{1b}[31ms\r\n"), "Bor\\u{1b}[31ms\\r\\n");
        assert_eq!(shown("a\u{202e}b"), "a\\u{202e}b");
        assert_eq!(shown("Borås"), "Borås");
        let exactly = "å".repeat(MAX_SHOWN_CHARS);
        assert_eq!(shown(&exactly), exactly);
    }

    #[test]
    fn suggestions_are_nearest_ids() {
        let known = [
            "food_waste_schools",
            "food_waste_households",
            "textile_reuse",
        ];
        assert_eq!(
            suggest("food_waste_school", known),
            vec!["food_waste_schools".to_string()]
        );
        assert!(suggest("zzzzzz", known).is_empty());
        // Past the length of any id: no suggestions, and no work.
        let long = format!("food_waste_school{}", "x".repeat(MAX_SUGGEST_CHARS));
        assert!(suggest(&long, known).is_empty());
        assert_eq!(
            suggest("textile_reus", known),
            vec!["textile_reuse".to_string()]
        );
        assert_eq!(suggest("TEXTILE", known), vec!["textile_reuse".to_string()]);
    }
}
