//! The three follow-up forms as typed (own figures, actuals, targets): each form's fields,
//! its numbers and years read as a file's cells are (`csvio::parse_decimal`,
//! `csvio::parse_year`), and the rest checked by calc-core's input layer
//! ([`calc_core::input`]), each refusal named at its field in calc-core's words.

use super::{ActualInput, OwnFigureInput, TargetInput};
use calc_core::csvio::{self, CsvError, CsvErrorKind, Lang};
use calc_core::input::Field;
use calc_core::{Actual, Municipality, Route, Target, Year};
use factors::Catalogue;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
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

/// What a form refuses before calc-core sees the value: a number or a year that does
/// not read (the file readers' own rules and words).
fn unreadable(text: &str, kind: CsvErrorKind, lang: Lang) -> String {
    CsvError::new(0, None, text.trim().to_string(), kind).detail(lang)
}

/// A number as typed (a decimal comma or point, spaces as thousands separators), `None`
/// when empty.
fn number<F>(text: &str, field: F, lang: Lang, refused: &mut Vec<(F, String)>) -> Option<Decimal> {
    if text.trim().is_empty() {
        return None;
    }
    let n = csvio::parse_decimal(text, true);
    if n.is_none() {
        refused.push((field, unreadable(text, CsvErrorKind::InvalidNumber, lang)));
    }
    n
}

/// A year as typed.
fn year<F>(text: &str, field: F, lang: Lang, refused: &mut Vec<(F, String)>) -> Option<Year> {
    let kind = if text.trim().is_empty() {
        CsvErrorKind::EmptyField
    } else {
        CsvErrorKind::InvalidYear
    };
    let y = csvio::parse_year(text);
    if y.is_none() {
        refused.push((field, unreadable(text, kind, lang)));
    }
    y
}

/// calc-core's refusals at the form's fields (`at` maps calc-core's field to the form's).
fn at_fields<F>(
    refused: calc_core::input::Refusals,
    at: impl Fn(Field) -> F,
    lang: Lang,
) -> Vec<(F, String)> {
    refused
        .into_iter()
        .map(|(f, e)| (at(f), e.message(lang)))
        .collect()
}

impl OwnForm {
    /// The form filled with a row (to change it).
    #[must_use]
    pub fn of(r: &OwnFigureInput, lang: Lang) -> Self {
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

    /// The own figures as calc-core accepts them, or each refusal at its field.
    pub fn to_row(
        &self,
        cat: &Catalogue,
        towns: &[Arc<Municipality>],
        lang: Lang,
    ) -> Result<OwnFigureInput, Vec<(OwnField, String)>> {
        let mut refused = Vec::new();
        let y = year(&self.year, OwnField::Year, lang, &mut refused);
        let quantity = number(&self.quantity, OwnField::Quantity, lang, &mut refused);
        let mut shares_pct = BTreeMap::new();
        for (text, route) in self.shares.iter().zip(Route::ALL) {
            if let Some(v) = number(text, OwnField::Routes, lang, &mut refused) {
                shares_pct.insert(route.id().to_string(), v);
            }
        }
        let pick = |u: QuantityUnit| quantity.filter(|_| self.unit == u);
        let typed = OwnFigureInput {
            municipality: self.municipality.clone(),
            pool: self.pool.clone(),
            // An unreadable year is refused above; the rest is still checked, so every
            // refusal shows at once.
            year: y.map_or(0, Year::get),
            tonnes: pick(QuantityUnit::Tonnes),
            kg_per_inhabitant: pick(QuantityUnit::KgPerInhabitant),
            g_per_portion: pick(QuantityUnit::GramsPerPortion),
            shares_pct,
            source: self.source.clone(),
            note: self.note.trim().to_string(),
        };
        let checked = typed.check(&cat.pools, towns).map_err(|r| {
            at_fields(
                r,
                |f| match f {
                    Field::Municipality => OwnField::Municipality,
                    Field::Pool => OwnField::Pool,
                    Field::Year => OwnField::Year,
                    Field::Quantity => OwnField::Quantity,
                    Field::Route(_) | Field::Routes => OwnField::Routes,
                    _ => OwnField::Source,
                },
                lang,
            )
        });
        match checked {
            Ok(f) if refused.is_empty() => Ok(OwnFigureInput::from(&f)),
            Ok(_) => Err(refused),
            Err(more) => {
                refused.extend(more);
                Err(refused)
            }
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
    /// The actual as calc-core accepts it, within the years the goals (`targets`) follow
    /// ([`Actual::within_goals`]); or each refusal at its field.
    pub fn to_row(
        &self,
        towns: &[Arc<Municipality>],
        targets: &[Target],
        lang: Lang,
    ) -> Result<ActualInput, Vec<(ActualField, String)>> {
        let mut refused = Vec::new();
        let y = year(&self.year, ActualField::Year, lang, &mut refused);
        let value = number(&self.value, ActualField::Value, lang, &mut refused);
        if value.is_none() && self.value.trim().is_empty() {
            refused.push((
                ActualField::Value,
                unreadable("", CsvErrorKind::EmptyField, lang),
            ));
        }
        let typed = ActualInput {
            municipality: self.municipality.clone(),
            indicator: self.indicator.clone(),
            // Unreadable ones are refused above; the rest is still checked.
            year: y.map_or(0, Year::get),
            value: value.unwrap_or_default(),
            source: String::new(),
        };
        let at = |f| match f {
            Field::Municipality => ActualField::Municipality,
            Field::Indicator => ActualField::Indicator,
            Field::Year => ActualField::Year,
            _ => ActualField::Value,
        };
        let a: Actual = match typed.check(towns) {
            Ok(a) if refused.is_empty() => a,
            Ok(_) => return Err(refused),
            Err(r) => {
                refused.extend(at_fields(r, at, lang));
                return Err(refused);
            }
        };
        a.within_goals(targets)
            .map_err(|r| at_fields(vec![r], at, lang))?;
        Ok(ActualInput::from(&a))
    }
}

/// An id for a new target that no row has (`eget_mal_1`, `eget_mal_2`, …): ids are
/// internal, the planner never types one.
#[must_use]
pub fn free_target_id(rows: &[TargetInput]) -> (String, usize) {
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
    pub fn of(t: &TargetInput, lang: Lang) -> Self {
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

    /// The target as calc-core accepts it, with the municipal bases of `keep` (the row
    /// being changed); or each refusal at its field.
    pub fn to_row(
        &self,
        keep: Option<&TargetInput>,
        cat: &Catalogue,
        towns: &[Arc<Municipality>],
        lang: Lang,
    ) -> Result<TargetInput, Vec<(TargetField, String)>> {
        let mut refused = Vec::new();
        let base_year = year(&self.base_year, TargetField::BaseYear, lang, &mut refused);
        let base_value = number(&self.base_value, TargetField::BaseValue, lang, &mut refused);
        let target_value = number(&self.target_value, TargetField::Target, lang, &mut refused);
        let change_pct = number(&self.change_pct, TargetField::Target, lang, &mut refused);
        let target_year = year(
            &self.target_year,
            TargetField::TargetYear,
            lang,
            &mut refused,
        );
        let (Some(base_year), Some(target_year), true) =
            (base_year, target_year, refused.is_empty())
        else {
            return Err(refused);
        };
        let text = if self.text.trim().is_empty() {
            self.id.trim()
        } else {
            self.text.trim()
        };
        let mut out = TargetInput {
            id: self.id.trim().to_string(),
            text: text.to_string(),
            indicator: self.indicator.clone(),
            pools: self.pools.clone(),
            base_year: base_year.get(),
            base_value,
            target_value,
            change_pct,
            target_year: target_year.get(),
            source: "app".into(),
            ..TargetInput::default()
        };
        let checked = out.check(&cat.pools, towns).map_err(|r| {
            at_fields(
                r,
                |f| match f {
                    Field::Indicator => TargetField::Indicator,
                    Field::Pools => TargetField::Pools,
                    Field::BaseYear => TargetField::BaseYear,
                    Field::TargetValue => TargetField::Target,
                    Field::TargetYear => TargetField::TargetYear,
                    _ => TargetField::Id,
                },
                lang,
            )
        })?;
        out = TargetInput::from(&checked);
        // A changed target is the planner's (source "app", no note); it keeps its goal
        // area, its municipalities' bases, its English text while the Swedish one is
        // unchanged and its base's source while the base is.
        out.text_en.clear();
        if let Some(k) = keep {
            let same = |a: &TargetInput| {
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
}
