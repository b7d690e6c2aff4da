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
    /// A measure kind (`plan` or `legal_duty`).
    Kind,
    /// A unit of the organisation (e.g. `kost`).
    Unit,
    /// A unit's role in a measure (`lead` or `contributing`).
    Role,
}

impl IdKind {
    fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (IdKind::Kind, Lang::En) => "measure kind",
            (IdKind::Kind, Lang::Sv) => "typ av åtgärd",
            (IdKind::Unit, Lang::En) => "unit",
            (IdKind::Unit, Lang::Sv) => "verksamhet",
            (IdKind::Role, Lang::En) => "role",
            (IdKind::Role, Lang::Sv) => "roll",
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
    /// Occurs when a quantity in grams per portion is given for a pool not counted in
    /// portions.
    PortionsOnly,
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

    fn detail(&self, lang: Lang) -> String {
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

/// The most characters of a file's text a message echoes; longer text is cut with `…`.
pub const MAX_SHOWN_CHARS: usize = 80;

/// Text from a file as a message or a table shows it: control characters (an ESC that
/// would drive the terminal, a line break) and the bidirectional overrides escaped as
/// `\u{1b}`, `\n`, and cut to [`MAX_SHOWN_CHARS`] characters with `…` (a 50 MB header
/// cell gave 104 MB of messages).
#[must_use]
pub fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    let escaped =
        |c: char| c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    let mut chars = text.char_indices();
    let cut = chars.nth(MAX_SHOWN_CHARS).map(|(i, _)| i);
    if cut.is_none() && !text.chars().any(escaped) {
        return std::borrow::Cow::Borrowed(text);
    }
    let kept = text.get(..cut.unwrap_or(text.len())).unwrap_or(text);
    let mut out = String::with_capacity(kept.len() + 3);
    for c in kept.chars() {
        if escaped(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    if cut.is_some() {
        out.push('…');
    }
    std::borrow::Cow::Owned(out)
}

/// Texts longer than this get no "did you mean": no id is this long, and the edit
/// distance of a long text would cost more than reading the file (a 50 MB cell took 49 s).
pub const MAX_SUGGEST_CHARS: usize = 64;

/// At most this many known ids are compared with a text: a list of ids that grows with
/// the file (a targets file's own ids) cannot make the suggestions quadratic.
pub const MAX_SUGGEST_IDS: usize = 512;

/// The up to three known ids nearest to `text` (by edit distance, then by id), for
/// "did you mean" hints: only ids within a third of their length of the text, and at
/// most one edit further than the nearest.
///
/// Bounded work: none for a text over [`MAX_SUGGEST_CHARS`] characters, at most
/// [`MAX_SUGGEST_IDS`] ids compared, and each comparison stops as soon as the distance
/// is over the limit, so an invalid file costs about what a valid one of its size does.
#[must_use]
pub fn suggest<'a>(text: &str, known: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    // Looked at before anything is copied: a 50 MB cell is not lowercased.
    if text.chars().nth(MAX_SUGGEST_CHARS).is_some() {
        return Vec::new();
    }
    let t: Vec<char> = text.to_lowercase().chars().collect();
    let mut scored: Vec<(usize, &str)> = known
        .into_iter()
        .take(MAX_SUGGEST_IDS)
        .filter_map(|k| {
            let kl: Vec<char> = k.to_lowercase().chars().collect();
            let limit = (kl.len().max(t.len()) / 3).max(2);
            let containment = !t.is_empty() && kl.windows(t.len()).any(|w| w == t.as_slice());
            if containment {
                return Some((1.min(kl.len().abs_diff(t.len())), k));
            }
            edit_distance_within(&t, &kl, limit).map(|d| (d, k))
        })
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

/// The edit distance of `a` and `b` when it is at most `limit`, else `None`; stops as soon
/// as every entry of a row is over the limit.
fn edit_distance_within(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = Vec::with_capacity(b.len() + 1);
    for (i, ca) in a.iter().enumerate() {
        cur.clear();
        cur.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            cur.push(sub.min(del).min(ins));
        }
        if cur.iter().all(|d| *d > limit) {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.last().copied().filter(|d| *d <= limit)
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
