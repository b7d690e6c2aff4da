//! Input errors with line, column and the offending text, in Swedish or English.

pub use crate::format::Lang;
use crate::model::ModelError;
use std::fmt;

/// What kind of id could not be found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdKind {
    /// A measure id.
    Measure,
    /// A municipality name or SCB code.
    Municipality,
    /// A route id.
    Route,
    /// A fraction id.
    Fraction,
    /// A source id.
    Source,
    /// A quantity basis.
    Basis,
    /// A mix kind (`baseline` or `target`).
    Mix,
    /// A source kind.
    SourceKind,
    /// A pool of waste.
    Pool,
    /// A payer (`waste_fee`, `municipal_budget`, `households`).
    Payer,
    /// A target indicator (e.g. `food_waste_kg_per_inhabitant`).
    Indicator,
    /// A target id (defined on an earlier row without a municipality).
    Target,
}

impl IdKind {
    fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (IdKind::Measure, Lang::En) => "measure",
            (IdKind::Measure, Lang::Sv) => "åtgärd",
            (IdKind::Municipality, Lang::En) => "municipality",
            (IdKind::Municipality, Lang::Sv) => "kommun",
            (IdKind::Route, Lang::En) => "route",
            (IdKind::Route, Lang::Sv) => "behandlingsväg",
            (IdKind::Fraction, Lang::En) => "fraction",
            (IdKind::Fraction, Lang::Sv) => "avfallsslag",
            (IdKind::Source, Lang::En) => "source",
            (IdKind::Source, Lang::Sv) => "källa",
            (IdKind::Basis, Lang::En) => "quantity basis",
            (IdKind::Basis, Lang::Sv) => "mängdbas",
            (IdKind::Mix, Lang::En) => "mix",
            (IdKind::Mix, Lang::Sv) => "fördelning",
            (IdKind::SourceKind, Lang::En) => "source kind",
            (IdKind::SourceKind, Lang::Sv) => "källtyp",
            (IdKind::Pool, Lang::En) => "pool",
            (IdKind::Pool, Lang::Sv) => "avfallspool",
            (IdKind::Payer, Lang::En) => "payer",
            (IdKind::Payer, Lang::Sv) => "betalare",
            (IdKind::Indicator, Lang::En) => "indicator",
            (IdKind::Indicator, Lang::Sv) => "indikator",
            (IdKind::Target, Lang::En) => "target",
            (IdKind::Target, Lang::Sv) => "mål",
        }
    }
}

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
    /// Occurs when a quantity in grams per portion is given for a pool not counted in
    /// portions.
    PortionsOnly,
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
            out.push_str(&match lang {
                Lang::En => format!(", column '{c}'"),
                Lang::Sv => format!(", kolumn '{c}'"),
            });
        }
        out.push_str(": ");
        out.push_str(&self.detail(lang));
        out
    }

    fn detail(&self, lang: Lang) -> String {
        let t = &self.text;
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
            (CsvErrorKind::PortionsOnly, Lang::En) => {
                format!(
                    "'{t}': grams per portion only for a pool counted in portions (the municipal kitchens)"
                )
            }
            (CsvErrorKind::PortionsOnly, Lang::Sv) => {
                format!(
                    "'{t}': gram per portion bara för en pool som räknas i portioner (kommunens kök)"
                )
            }
            (CsvErrorKind::Model(e), Lang::En) => e.to_string(),
            (CsvErrorKind::Model(e), Lang::Sv) => model_error_sv(e),
        }
    }
}

/// A [`ModelError`] in Swedish.
#[must_use]
pub fn model_error_sv(e: &ModelError) -> String {
    match e {
        ModelError::EstimateOrder { low, central, high } => {
            format!("lågt ≤ centralt ≤ högt gäller inte: {low}, {central}, {high}")
        }
        ModelError::MixSum { sum } => format!(
            "andelarna summerar till {} %, inte 100 %",
            crate::model::percent_text(*sum, true)
        ),
        ModelError::DuplicateRoute { route } => {
            format!("behandlingsvägen {route} förekommer två gånger")
        }
        ModelError::DuplicateFactor { id } => format!("faktorn {id} förekommer två gånger"),
        ModelError::DuplicateSource { id } => format!("källan {id} förekommer två gånger"),
        ModelError::NoPriceLevel { year } => format!("prisindex saknar en nivå för {year}"),
        ModelError::PriceLevel { year, value } => {
            format!("prisindexnivån för {year} måste vara positiv, inte {value}")
        }
        ModelError::DuplicatePriceYear { year } => {
            format!("prisindexnivån för {year} anges två gånger")
        }
        ModelError::YearOrder { earlier, later } => format!("året {later} kommer före {earlier}"),
        ModelError::PeriodTooLong { start, end } => {
            format!("planperioden {start}–{end} är längre än 100 år")
        }
        ModelError::NegativeQuantity(t) => format!("mängden {t} är negativ"),
        ModelError::NegativeCost(c) => format!("kostnaden {c} är negativ"),
        ModelError::RejectRoute { route } => {
            format!("rejektvägen för ett utbyte till {route} kan inte vara {route}")
        }
        ModelError::BaselineInPool { measure } => format!(
            "åtgärden {measure} hör till en avfallspool, så dess utgångsläge är poolens: ta bort dess rader med baseline"
        ),
        ModelError::PoolFraction { pool, fraction } => {
            format!("poolen {pool} innehåller {fraction}; åtgärden måste ange samma avfallsslag")
        }
        ModelError::NoRoutes { measure } => {
            format!("åtgärden {measure} verkar inte på någon behandlingsväg")
        }
    }
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for CsvError {}

/// The up to three known ids nearest to `text` (by edit distance, then by id), for
/// "did you mean" hints: only ids within a third of their length of the text, and at
/// most one edit further than the nearest.
#[must_use]
pub fn suggest<'a>(text: &str, known: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let t = text.to_lowercase();
    let mut scored: Vec<(usize, &str)> = known
        .into_iter()
        .map(|k| {
            let d = edit_distance(&t, &k.to_lowercase());
            let containment = k.to_lowercase().contains(&t) && !t.is_empty();
            (if containment { d.min(1) } else { d }, k)
        })
        .filter(|(d, k)| *d <= (k.chars().count().max(t.chars().count()) / 3).max(2))
        .collect();
    crate::sort::sort(&mut scored);
    let best = scored.first().map_or(0, |(d, _)| *d);
    scored
        .into_iter()
        .take_while(|(d, _)| *d <= best + 1)
        .take(3)
        .map(|(_, k)| k.to_string())
        .collect()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = Vec::with_capacity(b.len() + 1);
        cur.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != *cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            cur.push(sub.min(del).min(ins));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

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
            model_error_sv(&e),
            "andelarna summerar till 101,5 %, inte 100 %"
        );
        assert_eq!(e.to_string(), "route shares sum to 101.5 %, not 100 %");
        let huge = ModelError::MixSum {
            sum: rust_decimal::Decimal::MAX,
        };
        assert!(
            model_error_sv(&huge)
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
    }
}
