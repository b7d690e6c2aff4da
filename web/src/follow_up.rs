//! Targets and follow-up as the planner enters them: the municipality's own figures, the
//! yearly actuals and (when changed from the plan's built-in goals) the targets. Saved and
//! shared with the scenario as part of [`crate::settings::Settings`]; turned into calc-core's
//! [`OwnFigures`], [`Actual`]s and [`Target`]s here, each row through calc-core's validating
//! constructors (a row calc-core refuses is named, never dropped silently).

use calc_core::Municipality;
use calc_core::csvio::{self, CsvError, Lang};
use calc_core::{
    Actual, BaseValue, GramsPerPortion, Indicator, KgPerInhabitant, OwnFigure, OwnFigures,
    OwnQuantity, PoolId, Route, RouteMix, ScbCode, Share, Target, TargetValue, Tonnes, Year,
};
use factors::Catalogue;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// A municipality's own figures for one pool.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnRow {
    /// SCB code.
    pub municipality: String,
    /// Pool id.
    pub pool: String,
    /// The year the figures are for.
    pub year: u16,
    /// Tonnes per year (`None`: the built-in quantity).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tonnes: Option<Decimal>,
    /// kg per inhabitant (`None`: tonnes or the built-in quantity).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kg_per_inhabitant: Option<Decimal>,
    /// Grams per portion, for the kitchens' pools.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub g_per_portion: Option<Decimal>,
    /// Route shares in percent by route id (empty: the built-in shares).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub shares_pct: BTreeMap<String, Decimal>,
    /// Where the figures come from.
    pub source: String,
    /// A note (the baseline file's `note`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

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

/// An observed value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActualRow {
    /// SCB code.
    pub municipality: String,
    /// Indicator id.
    pub indicator: String,
    /// Year.
    pub year: u16,
    /// Value in the indicator's unit.
    pub value: Decimal,
}

/// A target as the planner sets it (the built-in goals until the list is changed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetRow {
    /// Id.
    pub id: String,
    /// The goal's text.
    #[serde(default)]
    pub text: String,
    /// Indicator id.
    pub indicator: String,
    /// Pools counted (empty: all).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pools: Vec<String>,
    /// Base year.
    pub base_year: u16,
    /// Base value (`None`: the model's level).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_value: Option<Decimal>,
    /// Absolute target value, or …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_value: Option<Decimal>,
    /// … change from the base in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_pct: Option<Decimal>,
    /// Target year.
    pub target_year: u16,
    /// Municipalities' own base years and values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bases: Vec<BaseRow>,
    /// The goal's text in English (empty: the Swedish text is used).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text_en: String,
    /// The plan's goal area.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub area: String,
    /// Where the goal comes from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// Notes: assumptions and what the source leaves open.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Where the base value comes from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub base_source: String,
}

/// A municipality's own base for a target.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BaseRow {
    /// SCB code.
    pub municipality: String,
    /// Base year.
    pub year: u16,
    /// Base value (`None`: the model's level).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Decimal>,
}

impl OwnRow {
    /// The row for a calc-core own figure.
    #[must_use]
    pub fn of(f: &OwnFigure) -> Self {
        let (mut tonnes, mut kg, mut g) = (None, None, None);
        match f.quantity {
            Some(OwnQuantity::Tonnes(t)) => tonnes = Some(t.value()),
            Some(OwnQuantity::KgPerInhabitant(k)) => kg = Some(k.value()),
            Some(OwnQuantity::GramsPerPortion(x)) => g = Some(x.value()),
            None => {}
        }
        Self {
            municipality: f.municipality.0.clone(),
            pool: f.pool.0.clone(),
            year: f.year.get(),
            tonnes,
            kg_per_inhabitant: kg,
            g_per_portion: g,
            shares_pct: f
                .routes
                .as_ref()
                .map(|m| {
                    m.shares()
                        .iter()
                        .map(|(r, s)| (r.id().to_string(), s.percent().normalize()))
                        .collect()
                })
                .unwrap_or_default(),
            source: f.source.clone(),
            note: f.note.clone(),
        }
    }
}

impl ActualRow {
    /// The row for a calc-core actual.
    #[must_use]
    pub fn of(a: &Actual) -> Self {
        Self {
            municipality: a.municipality.0.clone(),
            indicator: a.indicator.id().to_string(),
            year: a.year.get(),
            value: a.value,
        }
    }
}

impl TargetRow {
    /// The row for a calc-core target, with its municipal bases (its English text and
    /// sources are not kept).
    #[must_use]
    pub fn of(t: &Target) -> Self {
        let (target_value, change_pct) = match t.target {
            TargetValue::Absolute(v) => (Some(v), None),
            TargetValue::ChangePercent(c) => (None, Some(c)),
        };
        Self {
            id: t.id.clone(),
            text: t.text_sv.clone(),
            indicator: t.indicator.id().to_string(),
            pools: t.pools.iter().map(|p| p.0.clone()).collect(),
            base_year: t.base.year.get(),
            base_value: t.base.value,
            target_value,
            change_pct,
            target_year: t.target_year.get(),
            bases: t
                .bases
                .iter()
                .map(|(k, b)| BaseRow {
                    municipality: k.0.clone(),
                    year: b.year.get(),
                    value: b.value,
                })
                .collect(),
            text_en: t.text_en.clone(),
            area: t.area.clone(),
            source: t.source.clone(),
            note: t.note.clone(),
            base_source: t.base.source.clone(),
        }
    }

    /// The calc-core target, or why not.
    pub fn to_target(&self) -> Result<Target, String> {
        let indicator = Indicator::from_id(&self.indicator)
            .ok_or_else(|| format!("{}: indicator '{}'", self.id, self.indicator))?;
        let target = match (self.target_value, self.change_pct) {
            (Some(v), None) => TargetValue::Absolute(v),
            (None, Some(c)) => TargetValue::ChangePercent(c),
            _ => return Err(format!("{}: target value or change", self.id)),
        };
        if self.target_year < self.base_year {
            return Err(format!(
                "{}: {} < {}",
                self.id, self.target_year, self.base_year
            ));
        }
        let mut t = Target::new(
            self.id.clone(),
            indicator,
            BaseValue {
                year: Year(self.base_year),
                value: self.base_value,
                source: self.base_source.clone(),
            },
            target,
            Year(self.target_year),
        );
        t.text_sv.clone_from(&self.text);
        t.text_en.clone_from(if self.text_en.is_empty() {
            &self.text
        } else {
            &self.text_en
        });
        t.area.clone_from(&self.area);
        t.source.clone_from(&self.source);
        t.note.clone_from(&self.note);
        t.bases = self
            .bases
            .iter()
            .map(|b| {
                (
                    ScbCode::from(b.municipality.as_str()),
                    BaseValue {
                        year: Year(b.year),
                        value: b.value,
                        source: String::new(),
                    },
                )
            })
            .collect();
        t.pools = self
            .pools
            .iter()
            .map(|p| PoolId::from(p.as_str()))
            .collect();
        Ok(t)
    }
}

/// Everything the planner entered for follow-up.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    /// Own figures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub own: Vec<OwnRow>,
    /// Actuals.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actuals: Vec<ActualRow>,
    /// Targets (`None`: the plan's built-in goals).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub targets: Option<Vec<TargetRow>>,
}

impl FollowUp {
    /// Nothing entered.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.own.is_empty() && self.actuals.is_empty() && self.targets.is_none()
    }

    /// The own figures calc-core accepts, and a message per row it refuses; `towns` are the
    /// municipalities the settings know (Sjuhärad's and those the planner added).
    #[must_use]
    pub fn own_figures(
        &self,
        cat: &Catalogue,
        towns: &[Arc<Municipality>],
    ) -> (OwnFigures, Vec<String>) {
        let mut out = OwnFigures::new();
        let mut problems = Vec::new();
        for r in &self.own {
            match own_figure(r, cat, towns) {
                Ok(f) => {
                    out.rows
                        .retain(|x| !(x.municipality == f.municipality && x.pool == f.pool));
                    out.rows.push(f);
                }
                Err(e) => problems.push(format!("{} {}: {e}", r.municipality, r.pool)),
            }
        }
        (out, problems)
    }

    /// The actuals.
    #[must_use]
    pub fn actuals(&self) -> Vec<Actual> {
        self.actuals
            .iter()
            .filter_map(|a| {
                Some(Actual {
                    indicator: Indicator::from_id(&a.indicator)?,
                    municipality: ScbCode::from(a.municipality.as_str()),
                    year: Year(a.year),
                    value: a.value,
                    source: String::new(),
                })
            })
            .collect()
    }

    /// The targets: the planner's, or the plan's built-in goals.
    #[must_use]
    pub fn targets(&self, cat: &Catalogue) -> (Vec<Target>, Vec<String>) {
        match &self.targets {
            None => (cat.targets.clone(), Vec::new()),
            Some(rows) => {
                let mut out = Vec::new();
                let mut problems = Vec::new();
                for r in rows {
                    match r.to_target() {
                        Ok(t) => out.push(t),
                        Err(e) => problems.push(e),
                    }
                }
                (out, problems)
            }
        }
    }

    /// The target rows to edit: the planner's, or the built-in goals as rows.
    #[must_use]
    pub fn target_rows(&self, cat: &Catalogue) -> Vec<TargetRow> {
        self.targets
            .clone()
            .unwrap_or_else(|| cat.targets.iter().map(TargetRow::of).collect())
    }
}

/// One own-figure row through calc-core's constructors.
pub fn own_figure(
    r: &OwnRow,
    cat: &Catalogue,
    towns: &[Arc<Municipality>],
) -> Result<OwnFigure, String> {
    if !cat.pools.iter().any(|p| p.id.as_str() == r.pool) {
        return Err(format!("pool '{}'", r.pool));
    }
    if !towns.iter().any(|k| k.code.as_str() == r.municipality) {
        return Err(format!("municipality '{}'", r.municipality));
    }
    let quantity = match (r.tonnes, r.kg_per_inhabitant, r.g_per_portion) {
        (Some(t), _, _) if t < Decimal::ZERO => return Err(format!("{t} < 0")),
        (Some(t), _, _) => Some(OwnQuantity::Tonnes(Tonnes::new(t))),
        (None, Some(k), _) => Some(OwnQuantity::KgPerInhabitant(
            KgPerInhabitant::new(k).map_err(|_| format!("{k} < 0"))?,
        )),
        (None, None, Some(g)) => Some(OwnQuantity::GramsPerPortion(
            GramsPerPortion::new(g).map_err(|_| format!("{g} < 0"))?,
        )),
        (None, None, None) => None,
    };
    let routes = if r.shares_pct.values().all(|v| v.is_zero()) {
        None
    } else {
        let mut shares = Vec::new();
        for (id, pct) in &r.shares_pct {
            let route = Route::from_id(id).ok_or_else(|| format!("route '{id}'"))?;
            let share = Share::from_percent(*pct)
                .and_then(|s| Share::new(s.value().normalize()))
                .map_err(|_| format!("{pct} %"))?;
            if !share.value().is_zero() {
                shares.push((route, share));
            }
        }
        Some(RouteMix::new(shares).map_err(|e| e.to_string())?)
    };
    Ok(OwnFigure {
        municipality: ScbCode::from(r.municipality.as_str()),
        pool: PoolId::from(r.pool.as_str()),
        year: Year(r.year),
        quantity,
        routes,
        source: r.source.clone(),
        note: r.note.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::catalogue;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn own_rows_go_through_calc_core_and_refusals_are_named() {
        let cat = catalogue().unwrap();
        let mut f = FollowUp::default();
        f.own.push(OwnRow {
            municipality: "1490".into(),
            pool: "household_food".into(),
            year: 2023,
            tonnes: Some(dec("5000")),
            kg_per_inhabitant: None,
            g_per_portion: None,
            shares_pct: [
                ("anaerobic_digestion".to_string(), dec("70")),
                ("incineration".to_string(), dec("30")),
            ]
            .into_iter()
            .collect(),
            source: "Plockanalys".into(),
            note: String::new(),
        });
        let mut bad = f.own[0].clone();
        bad.shares_pct.insert("incineration".into(), dec("20"));
        f.own.push(bad);
        let (own, problems) = f.own_figures(cat, &cat.municipalities);
        assert_eq!(own.rows.len(), 1);
        assert_eq!(
            own.rows[0]
                .routes
                .as_ref()
                .unwrap()
                .share(Route::AnaerobicDigestion),
            Share::new(dec("0.7")).unwrap()
        );
        assert_eq!(
            problems,
            ["1490 household_food: route shares sum to 90 %, not 100 %"]
        );
    }

    #[test]
    fn built_in_targets_round_trip_as_rows() {
        let cat = catalogue().unwrap();
        let f = FollowUp::default();
        let rows = f.target_rows(cat);
        assert_eq!(rows.len(), 3);
        let back: Vec<Target> = rows.iter().map(|r| r.to_target().unwrap()).collect();
        // Everything survives, the English text, area, source and notes too: once the
        // planner changes one target, the others are kept as rows.
        assert_eq!(back, cat.targets);
        assert!(
            back.iter()
                .all(|t| t.text_en != t.text_sv && !t.source.is_empty())
        );
    }

    /// Own figures, actuals and changed targets travel with the scenario: through the
    /// share link (its encoding unchanged) and the saved-scenario JSON; a scenario without
    /// them serializes as before (no `follow_up` key).
    #[test]
    fn follow_up_is_saved_and_shared_with_the_settings() {
        let cat = catalogue().unwrap();
        let mut s = crate::settings::Settings::defaults(cat);
        let plain = serde_json::to_string(&s).unwrap();
        assert!(!plain.contains("follow_up"));
        s.follow_up.actuals.push(ActualRow {
            municipality: "1490".into(),
            indicator: "food_waste_kg_per_inhabitant".into(),
            year: 2024,
            value: dec("12.5"),
        });
        let mut rows = s.follow_up.target_rows(cat);
        rows.pop();
        s.follow_up.targets = Some(rows);
        let hash = crate::share::encode(&s);
        assert_eq!(crate::share::decode(&hash), Some(Ok(s.clone())));
        let json = serde_json::to_string(&s).unwrap();
        let back: crate::settings::Settings = serde_json::from_str(&json).unwrap();
        assert_eq!(back, s);
        assert_eq!(s.follow_up.targets(cat).0.len(), 2);
    }

    fn own_form() -> OwnForm {
        let mut shares: [String; 7] = Default::default();
        shares[3] = "70".into(); // anaerobic digestion
        shares[5] = "30".into(); // incineration
        OwnForm {
            municipality: "1490".into(),
            pool: "household_food".into(),
            year: "2023".into(),
            quantity: "48,5".into(),
            unit: QuantityUnit::KgPerInhabitant,
            shares,
            source: "Kolada U07482".into(),
            note: "mat och rest".into(),
        }
    }

    /// Every field of the baseline file goes through calc-core's reader: kg per inhabitant
    /// with a decimal comma, the route shares, the note.
    #[test]
    fn own_form_is_read_as_a_one_row_baseline_file() {
        let cat = catalogue().unwrap();
        let row = own_form()
            .to_row(cat, &cat.municipalities, Lang::Sv)
            .unwrap();
        assert_eq!(row.kg_per_inhabitant, Some(dec("48.5")));
        assert_eq!((row.tonnes, row.g_per_portion), (None, None));
        assert_eq!(row.year, 2023);
        assert_eq!(
            row.shares_pct,
            [
                ("anaerobic_digestion".to_string(), dec("70")),
                ("incineration".to_string(), dec("30")),
            ]
            .into_iter()
            .collect()
        );
        assert_eq!(
            (row.source.as_str(), row.note.as_str()),
            ("Kolada U07482", "mat och rest")
        );
        // Filled back into the form, it reads as the same row.
        assert_eq!(
            OwnForm::of(&row, Lang::Sv).to_row(cat, &cat.municipalities, Lang::Sv),
            Ok(row)
        );
    }

    /// Each refusal is calc-core's text, at the field it belongs to.
    #[test]
    fn own_form_refusals_are_named_at_their_fields() {
        let cat = catalogue().unwrap();
        let mut f = own_form();
        f.year = "20x3".into();
        f.quantity = "-5".into();
        f.unit = QuantityUnit::Tonnes;
        f.shares[5] = "20".into();
        f.source = String::new();
        let mut errors = f.to_row(cat, &cat.municipalities, Lang::Sv).unwrap_err();
        errors.sort();
        assert_eq!(
            errors,
            [
                (
                    OwnField::Year,
                    "'20x3' är inte ett årtal mellan 1900 och 2200".to_string()
                ),
                (
                    OwnField::Quantity,
                    "'-5' får inte vara negativt".to_string()
                ),
                (
                    OwnField::Routes,
                    "andelarna summerar till 90 %, inte 100 %".to_string()
                ),
                (OwnField::Source, "värde saknas".to_string()),
            ]
        );
        let mut g = own_form();
        g.quantity = "35".into();
        g.unit = QuantityUnit::GramsPerPortion;
        assert_eq!(
            g.to_row(cat, &cat.municipalities, Lang::En),
            Err(vec![(
                OwnField::Quantity,
                "'35': grams per portion only for a pool counted in portions (the municipal kitchens)"
                    .to_string()
            )])
        );
        g.pool = "school_kitchen_food".into();
        assert_eq!(
            g.to_row(cat, &cat.municipalities, Lang::En)
                .unwrap()
                .g_per_portion,
            Some(dec("35"))
        );
    }

    /// A built-in target filled into the form and saved unchanged is the same row (its
    /// pools, change in percent and bases kept); a change of the target value replaces it.
    #[test]
    fn target_form_round_trips_and_refuses_at_the_field() {
        let cat = catalogue().unwrap();
        let rows = FollowUp::default().target_rows(cat);
        for row in &rows {
            let form = TargetForm::of(row, Lang::Sv);
            assert_eq!(
                form.to_row(Some(row), cat, &cat.municipalities, Lang::Sv)
                    .as_ref(),
                Ok(row)
            );
        }
        let kitchen = rows
            .iter()
            .find(|r| r.id == "kitchen_food_waste_35g")
            .unwrap();
        let mut form = TargetForm::of(kitchen, Lang::Sv);
        assert_eq!(form.pools.len(), 3);
        form.target_value = "30".into();
        let changed = form
            .to_row(Some(kitchen), cat, &cat.municipalities, Lang::Sv)
            .unwrap();
        assert_eq!(changed.target_value, Some(dec("30")));
        // Changed: the planner's value (source "app", the plan's note gone), the English
        // text and goal area kept (the Swedish text did not change).
        assert_eq!(
            (changed.source.as_str(), changed.note.as_str()),
            ("app", "")
        );
        assert_eq!(
            (&changed.text_en, &changed.area),
            (&kitchen.text_en, &kitchen.area)
        );
        assert!(!kitchen.text_en.is_empty() && kitchen.text_en != kitchen.text);
        assert_eq!(changed.pools, kitchen.pools);
        form.id = String::new();
        assert_eq!(
            form.to_row(None, cat, &cat.municipalities, Lang::Sv),
            Err(vec![(TargetField::Id, "värde saknas".to_string())])
        );
        let mut both = TargetForm::of(kitchen, Lang::Sv);
        both.change_pct = "-10".into();
        both.target_year = "2020".into();
        let mut errors = both
            .to_row(None, cat, &cat.municipalities, Lang::Sv)
            .unwrap_err();
        errors.sort();
        assert_eq!(
            errors,
            [
                (
                    TargetField::Target,
                    "fyll i exakt en av 'målvärde', 'förändring_procent'".to_string()
                ),
                (
                    TargetField::TargetYear,
                    "året 2020 kommer före 2021".to_string()
                ),
            ]
        );
    }

    /// A target row's municipal bases reach calc-core.
    #[test]
    fn target_rows_keep_their_municipal_bases() {
        let cat = catalogue().unwrap();
        let mut row = FollowUp::default().target_rows(cat).remove(0);
        row.bases.push(BaseRow {
            municipality: "1490".into(),
            year: 2021,
            value: Some(dec("14")),
        });
        let t = row.to_target().unwrap();
        let (base, own) = t.base_for(&ScbCode::from("1490"));
        assert!(own);
        assert_eq!(base.value, Some(dec("14")));
    }

    /// An actual as typed (decimal comma) is read by calc-core's actuals reader; a bad
    /// year and value are refused at their fields with calc-core's text.
    #[test]
    fn actual_form_is_read_as_a_one_row_actuals_file() {
        let cat = catalogue().unwrap();
        let mut f = ActualForm {
            municipality: "1490".into(),
            indicator: "food_waste_kg_per_inhabitant".into(),
            year: "2024".into(),
            value: "12,5".into(),
        };
        assert_eq!(
            f.to_row(&cat.municipalities, Lang::Sv),
            Ok(ActualRow {
                municipality: "1490".into(),
                indicator: "food_waste_kg_per_inhabitant".into(),
                year: 2024,
                value: dec("12.5"),
            })
        );
        f.year = "24".into();
        f.value = "tolv".into();
        let mut errors = f.to_row(&cat.municipalities, Lang::Sv).unwrap_err();
        errors.sort();
        assert_eq!(
            errors,
            [
                (
                    ActualField::Year,
                    "'24' är inte ett årtal mellan 1900 och 2200".to_string()
                ),
                (ActualField::Value, "'tolv' är inte ett tal".to_string()),
            ]
        );
    }

    /// The built-in food goals run from the base year 2021 to 2030: 2035, 2019 and −3 kg
    /// are refused at their fields; 2024 and 12,5 kg are fine.
    #[test]
    fn an_actual_outside_the_goals_years_or_below_zero_is_refused() {
        let cat = catalogue().unwrap();
        let row = |year: u16, value: &str| ActualRow {
            municipality: "1490".into(),
            indicator: "food_waste_kg_per_inhabitant".into(),
            year,
            value: dec(value),
        };
        assert!(
            row(2024, "12.5")
                .refusals(&cat.targets, Lang::Sv)
                .is_empty()
        );
        assert_eq!(
            row(2035, "-3").refusals(&cat.targets, Lang::Sv),
            [
                (
                    ActualField::Value,
                    "−3 är negativt: ett utfall är 0 eller större".replace('−', "-")
                ),
                (
                    ActualField::Year,
                    "2035 ligger utanför målens år: från basåret 2021 till målåret 2030"
                        .to_string()
                ),
            ]
        );
        assert_eq!(
            row(2019, "5").refusals(&cat.targets, Lang::En),
            [(
                ActualField::Year,
                "2019 is outside the goals' years: from the base year 2021 to the target year 2030"
                    .to_string()
            )]
        );
    }
}
