//! The three follow-up forms as typed (own figures, actuals, targets): each form's fields,
//! its reading into a row, and a refusal named at its field.

use super::{ActualRow, OwnRow, TargetRow};
use calc_core::Municipality;
use calc_core::Route;
use calc_core::csvio::{self, CsvError, Lang};
use factors::Catalogue;
use rust_decimal::Decimal;
use std::sync::Arc;

/// The unit the own-figures form's quantity is typed in (the baseline file's three
/// quantity columns).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum QuantityUnit {
    /// Tonnes per year.
    #[default]
    Tonnes,
    /// kg per inhabitant and year.
    KgPerInhabitant,
    /// Grams per portion (pools counted in portions).
    GramsPerPortion,
}

impl QuantityUnit {
    /// All, in the file's column order.
    pub const ALL: [QuantityUnit; 3] = [
        QuantityUnit::Tonnes,
        QuantityUnit::KgPerInhabitant,
        QuantityUnit::GramsPerPortion,
    ];

    /// The baseline file's column (English header).
    #[must_use]
    pub const fn column(self) -> &'static str {
        match self {
            QuantityUnit::Tonnes => "tonnes",
            QuantityUnit::KgPerInhabitant => "kg_per_inhabitant",
            QuantityUnit::GramsPerPortion => "g_per_portion",
        }
    }

    /// The unit by its column name.
    #[must_use]
    pub fn from_column(text: &str) -> Option<QuantityUnit> {
        Self::ALL.into_iter().find(|u| u.column() == text)
    }
}

/// A field of the own-figures form, where a refusal is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum OwnField {
    /// The municipality.
    Municipality,
    /// The pool.
    Pool,
    /// The base year.
    Year,
    /// The quantity (in its unit).
    Quantity,
    /// The route shares (checked together: they sum to 100).
    Routes,
    /// The source.
    Source,
    /// The note.
    Note,
}

/// The own-figures form as typed: every field of the baseline file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OwnForm {
    /// SCB code.
    pub municipality: String,
    /// Pool id.
    pub pool: String,
    /// The year, as typed.
    pub year: String,
    /// The quantity, as typed (empty: the built-in quantity).
    pub quantity: String,
    /// Its unit.
    pub unit: QuantityUnit,
    /// Route shares in percent as typed, in `Route::ALL` order (all empty: built-in).
    pub shares: [String; 7],
    /// The source.
    pub source: String,
    /// The note.
    pub note: String,
}

/// A CSV cell, quoted (`;` dialect).
pub(crate) fn cell(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// A calc-core reader's message for one cell without its "line 2, column 'x': " prefix
/// (the form names the field itself).
fn detail(e: &CsvError, lang: Lang) -> String {
    let m = e.message(lang);
    let rest = if e.column.is_some() {
        m.split_once("': ").map(|(_, r)| r)
    } else {
        m.split_once(": ").map(|(_, r)| r)
    };
    rest.map_or_else(|| m.clone(), str::to_string)
}

/// A one-row file's refusals at the form's fields: the field of the refused column
/// (`head` and `fields` side by side), `default` for a refusal without one.
pub(crate) fn at_fields<F: Copy>(
    errors: &[CsvError],
    head: &[&str],
    fields: &[F],
    default: F,
    lang: Lang,
) -> Vec<(F, String)> {
    errors
        .iter()
        .map(|e| {
            let col = e.column.as_deref().unwrap_or_default();
            let field = head
                .iter()
                .zip(fields)
                .find(|(h, _)| **h == col)
                .map_or(default, |(_, f)| *f);
            (field, detail(e, lang))
        })
        .collect()
}

impl OwnForm {
    /// The form filled with a row (to change it).
    #[must_use]
    pub fn of(r: &OwnRow, lang: Lang) -> Self {
        let num = |d: Decimal| crate::format::input_value(d.normalize(), lang);
        let (quantity, unit) = match (r.tonnes, r.kg_per_inhabitant, r.g_per_portion) {
            (Some(t), _, _) => (num(t), QuantityUnit::Tonnes),
            (None, Some(k), _) => (num(k), QuantityUnit::KgPerInhabitant),
            (None, None, Some(g)) => (num(g), QuantityUnit::GramsPerPortion),
            (None, None, None) => (String::new(), QuantityUnit::Tonnes),
        };
        let mut shares: [String; 7] = Default::default();
        for (slot, route) in shares.iter_mut().zip(Route::ALL) {
            if let Some(v) = r.shares_pct.get(route.id()) {
                *slot = num(*v);
            }
        }
        Self {
            municipality: r.municipality.clone(),
            pool: r.pool.clone(),
            year: r.year.to_string(),
            quantity,
            unit,
            shares,
            source: r.source.clone(),
            note: r.note.clone(),
        }
    }

    /// The row, read by calc-core's baseline reader exactly as a one-row baseline file
    /// (`;` with decimal comma), or each refusal with the field it belongs to and
    /// calc-core's own text.
    pub fn to_row(
        &self,
        cat: &Catalogue,
        towns: &[Arc<Municipality>],
        lang: Lang,
    ) -> Result<OwnRow, Vec<(OwnField, String)>> {
        let mut head = vec![
            "municipality",
            "pool",
            "year",
            "tonnes",
            "kg_per_inhabitant",
            "g_per_portion",
        ]
        .into_iter()
        .map(str::to_string)
        .collect::<Vec<_>>();
        head.extend(Route::ALL.iter().map(|r| format!("{}_pct", r.id())));
        head.push("source".into());
        head.push("note".into());
        let mut row = vec![cell(&self.municipality), cell(&self.pool), cell(&self.year)];
        for u in QuantityUnit::ALL {
            row.push(if u == self.unit {
                cell(&self.quantity)
            } else {
                String::new()
            });
        }
        row.extend(self.shares.iter().map(|s| cell(s)));
        row.push(cell(&self.source));
        row.push(cell(&self.note));
        let text = format!("{}\r\n{}\r\n", head.join(";"), row.join(";"));
        match csvio::read_own_figures(text.as_bytes(), &cat.pools, towns) {
            Ok(own) => own.rows.first().map(OwnRow::of).ok_or_else(Vec::new),
            Err(errors) => Err(errors
                .iter()
                .map(|e| {
                    let col = e.column.as_deref().unwrap_or_default();
                    let field = match col {
                        "municipality" => OwnField::Municipality,
                        "pool" => OwnField::Pool,
                        "year" => OwnField::Year,
                        "source" => OwnField::Source,
                        "note" => OwnField::Note,
                        c if QuantityUnit::from_column(c).is_some() => OwnField::Quantity,
                        c if c.ends_with("_pct") => OwnField::Routes,
                        _ => OwnField::Source,
                    };
                    (field, detail(e, lang))
                })
                .collect()),
        }
    }
}

/// A field of the actuals form, where a refusal is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ActualField {
    /// The municipality.
    Municipality,
    /// The indicator.
    Indicator,
    /// The year.
    Year,
    /// The value.
    Value,
}

/// The actuals form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActualForm {
    /// SCB code.
    pub municipality: String,
    /// Indicator id.
    pub indicator: String,
    /// The year, as typed.
    pub year: String,
    /// The value, as typed.
    pub value: String,
}

impl ActualForm {
    /// The row, read by calc-core's actuals reader as a one-row actuals file, or each
    /// refusal with its field and calc-core's own text.
    pub fn to_row(
        &self,
        towns: &[Arc<Municipality>],
        lang: Lang,
    ) -> Result<ActualRow, Vec<(ActualField, String)>> {
        let head: [&str; 4] = match lang {
            Lang::Sv => ["kommun", "indikator", "år", "värde"],
            Lang::En => ["municipality", "indicator", "year", "value"],
        };
        let fields = [
            ActualField::Municipality,
            ActualField::Indicator,
            ActualField::Year,
            ActualField::Value,
        ];
        let row = [&self.municipality, &self.indicator, &self.year, &self.value]
            .map(|c| cell(c))
            .join(";");
        let file = format!("{}\r\n{row}\r\n", head.join(";"));
        match csvio::read_actuals(file.as_bytes(), towns) {
            Ok(actuals) => actuals.first().map(ActualRow::of).ok_or_else(Vec::new),
            Err(errors) => Err(at_fields(&errors, &head, &fields, ActualField::Value, lang)),
        }
    }
}

impl ActualRow {
    /// What an actual cannot be, each with its field: a negative value, or a year outside
    /// the years the goals on its indicator follow in its municipality (from the earliest
    /// base year to the latest target year). An indicator no goal follows has no year limit.
    #[must_use]
    pub fn refusals(
        &self,
        targets: &[calc_core::Target],
        lang: Lang,
    ) -> Vec<(ActualField, String)> {
        let mut out = Vec::new();
        if self.value < Decimal::ZERO {
            out.push((
                ActualField::Value,
                match lang {
                    Lang::Sv => format!(
                        "{} är negativt: ett utfall är 0 eller större",
                        csvio::format_decimal(self.value, true)
                    ),
                    Lang::En => format!(
                        "{} is negative: an actual is 0 or more",
                        csvio::format_decimal(self.value, false)
                    ),
                },
            ));
        }
        let years: Vec<(u16, u16)> = targets
            .iter()
            .filter(|t| t.indicator.id() == self.indicator)
            .map(|t| {
                let base = t
                    .bases
                    .iter()
                    .find(|(k, _)| k.as_str() == self.municipality)
                    .map_or(&t.base, |(_, b)| b);
                (base.year.0, t.target_year.0)
            })
            .collect();
        if let (Some(from), Some(to)) = (
            years.iter().map(|y| y.0).min(),
            years.iter().map(|y| y.1).max(),
        ) && (self.year < from || self.year > to)
        {
            out.push((
                ActualField::Year,
                match lang {
                    Lang::Sv => format!(
                        "{} ligger utanför målens år: från basåret {from} till målåret {to}",
                        self.year
                    ),
                    Lang::En => format!(
                        "{} is outside the goals' years: from the base year {from} to the target year {to}",
                        self.year
                    ),
                },
            ));
        }
        out
    }
}

impl TargetRow {
    /// The target as people call it: the goal's text in `lang` (the Swedish one when there
    /// is no English), never its internal id unless it has no text at all.
    #[must_use]
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.text_en.trim().is_empty() => &self.text_en,
            _ if !self.text.trim().is_empty() => &self.text,
            _ => &self.id,
        }
    }
}

/// An id for a new target that no row has (`eget_mal_1`, `eget_mal_2`, …): ids are
/// internal, the planner never types one.
#[must_use]
pub fn free_target_id(rows: &[TargetRow]) -> (String, usize) {
    (1..)
        .map(|n| (format!("eget_mal_{n}"), n))
        .find(|(id, _)| !rows.iter().any(|t| t.id == *id))
        .unwrap_or_else(|| ("eget_mal".to_string(), 0))
}

/// A field of the targets form, where a refusal is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TargetField {
    /// The id.
    Id,
    /// The goal's text.
    Text,
    /// The indicator.
    Indicator,
    /// The pools counted.
    Pools,
    /// The base year.
    BaseYear,
    /// The base value.
    BaseValue,
    /// The target value or the change (exactly one).
    Target,
    /// The target year.
    TargetYear,
}

/// The targets form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TargetForm {
    /// Id.
    pub id: String,
    /// The goal's text (empty: the id).
    pub text: String,
    /// Indicator id.
    pub indicator: String,
    /// Pools counted (empty: all).
    pub pools: Vec<String>,
    /// Base year, as typed.
    pub base_year: String,
    /// Base value, as typed (empty: the model's level).
    pub base_value: String,
    /// Target value, as typed …
    pub target_value: String,
    /// … or change in percent, as typed.
    pub change_pct: String,
    /// Target year, as typed.
    pub target_year: String,
}

impl TargetForm {
    /// The form filled with a row (to change it).
    #[must_use]
    pub fn of(t: &TargetRow, lang: Lang) -> Self {
        let num = |d: Option<Decimal>| {
            d.map(|d| crate::format::input_value(d.normalize(), lang))
                .unwrap_or_default()
        };
        Self {
            id: t.id.clone(),
            text: t.text.clone(),
            indicator: t.indicator.clone(),
            pools: t.pools.clone(),
            base_year: t.base_year.to_string(),
            base_value: num(t.base_value),
            target_value: num(t.target_value),
            change_pct: num(t.change_pct),
            target_year: t.target_year.to_string(),
        }
    }

    /// The row, read by calc-core's targets reader as a one-row targets file, with the
    /// municipal bases of `keep` (the row being changed); or each refusal with its field
    /// and calc-core's own text.
    pub fn to_row(
        &self,
        keep: Option<&TargetRow>,
        cat: &Catalogue,
        towns: &[Arc<Municipality>],
        lang: Lang,
    ) -> Result<TargetRow, Vec<(TargetField, String)>> {
        // Headers in the interface's language, so a refusal that names a column names it
        // as the person reads it ("fyll i exakt en av 'målvärde', 'förändring_procent'").
        let head: [&str; 10] = match lang {
            Lang::Sv => [
                "id",
                "text_sv",
                "indikator",
                "pooler",
                "basår",
                "basvärde",
                "målvärde",
                "förändring_procent",
                "målår",
                "källa",
            ],
            Lang::En => [
                "id",
                "text_sv",
                "indicator",
                "pools",
                "base_year",
                "base_value",
                "target_value",
                "target_change_pct",
                "target_year",
                "source",
            ],
        };
        let fields = [
            TargetField::Id,
            TargetField::Text,
            TargetField::Indicator,
            TargetField::Pools,
            TargetField::BaseYear,
            TargetField::BaseValue,
            TargetField::Target,
            TargetField::Target,
            TargetField::TargetYear,
            TargetField::Id,
        ];
        let text = if self.text.trim().is_empty() {
            &self.id
        } else {
            &self.text
        };
        let row = [
            cell(&self.id),
            cell(text),
            cell(&self.indicator),
            cell(&self.pools.join("|")),
            cell(&self.base_year),
            cell(&self.base_value),
            cell(&self.target_value),
            cell(&self.change_pct),
            cell(&self.target_year),
            cell("app"),
        ]
        .join(";");
        let file = format!("{}\r\n{row}\r\n", head.join(";"));
        match csvio::read_targets(file.as_bytes(), &cat.pools, towns) {
            Ok(targets) => {
                let Some(t) = targets.first() else {
                    return Err(Vec::new());
                };
                let mut out = TargetRow::of(t);
                out.text = text.trim().to_string();
                // A changed target is the planner's (source "app", no note); it keeps its
                // goal area, its municipalities' bases, its English text while the Swedish
                // one is unchanged and its base's source while the base is.
                out.text_en.clear();
                if let Some(k) = keep {
                    let same = |a: &TargetRow| {
                        (
                            a.id.clone(),
                            a.text.clone(),
                            a.indicator.clone(),
                            a.pools.clone(),
                            a.base_year,
                            a.base_value,
                            a.target_value,
                            a.change_pct,
                            a.target_year,
                        )
                    };
                    if same(&out) == same(k) {
                        // Saved unchanged: the row as it was, source and notes included.
                        return Ok(k.clone());
                    }
                    out.bases.clone_from(&k.bases);
                    out.area.clone_from(&k.area);
                    if k.text == out.text {
                        out.text_en.clone_from(&k.text_en);
                    }
                    if (k.base_year, k.base_value) == (out.base_year, out.base_value) {
                        out.base_source.clone_from(&k.base_source);
                    }
                }
                Ok(out)
            }
            Err(errors) => Err(at_fields(&errors, &head, &fields, TargetField::Id, lang)),
        }
    }
}
