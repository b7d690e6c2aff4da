//! Scenario CSV, the analysts' format: one row per measure in a municipality.
//!
//! | column (en) | column (sv) | meaning |
//! |---|---|---|
//! | `scenario` | `scenario` | optional; several scenarios in one file, in order of first appearance |
//! | `municipality` | `kommun` | name or SCB code (`Borås`, `boras`, `1490`); `Sjuhärad`, `alla` or `all` for all |
//! | `measure` | `atgard` / `åtgärd` | measure id from the catalogue |
//! | `effect_pct` | `effekt_procent` | share of the affected quantity shifted, 0–100 (empty: the measure's default) |
//! | `quantity_t` | `mangd_ton` / `mängd_ton` | optional override of affected tonnes per year, ≥ 0 |
//! | `start_year` | `startar` / `startår` | optional; default: the plan period's first year |
//! | `full_effect_year` | `fullt_ar` / `fullt_år` | optional; default: start + the measure's ramp years |
//! | `implementation_cost_sek` | `engangskostnad_kr` / `engångskostnad_kr` | optional override, SEK once, ≥ 0 |
//! | `running_cost_sek` | `lopande_kostnad_kr` / `löpande_kostnad_kr` | optional override, SEK per year, ≥ 0 |
//! | `measure_name` | `atgardsnamn` / `åtgärdsnamn` | ignored: for people reading the file |
//! | `note` | `kommentar` | ignored: for people reading the file |
//!
//! Headers match ignoring letter case, å/ä/ö and spaces. Every problem is collected with
//! line, column and the offending text; [`read_scenarios`] imports nothing from a file
//! with errors, [`read_scenarios_keep_valid`] keeps the valid rows next to the errors.
//! What a file is read against is a [`ScenarioContext`] (`context.rs`); the writer is in
//! `write.rs`.

mod context;
mod write;

pub use context::ScenarioContext;
pub use write::{write_scenario_csv, write_scenarios_csv};

use super::columns::{ColumnSpec, Columns, Recorded, csv_columns};
use super::dialect::Dialect;
use super::error::{CsvError, CsvErrorKind, IdKind, Lang, suggest};
use super::number::parse_decimal;
use super::table::{Row, Table, normalize_header};
use crate::model::Case;
use crate::scenario::{ItemOverrides, OverrideField, Scenario, ScenarioItem};
use crate::units::{Sek, Share, Tonnes};
use std::collections::HashMap;

csv_columns! {
    /// The columns of a scenario file: the English header first, then the Swedish one (with
    /// å/ä/ö; the reader also matches them written without), then other names accepted.
    mod sc {
        SCENARIO: optional("scenario", "scenario", "scenario_name", "scenarionamn"),
        MUNICIPALITY: required("municipality", "kommun"),
        MEASURE: required("measure", "åtgärd", "measure_id", "atgards_id"),
        EFFECT: optional("effect_pct", "effekt_procent", "effect_percent", "effekt"),
        QUANTITY: optional("quantity_t", "mängd_ton", "quantity_tonnes", "mangd_t"),
        START: optional("start_year", "startår"),
        FULL: optional("full_effect_year", "fullt_år", "full_effekt_ar"),
        IMPLEMENTATION: optional("implementation_cost_sek", "engångskostnad_kr"),
        RUNNING: optional(
            "running_cost_sek",
            "löpande_kostnad_kr",
            "running_cost_sek_per_year",
            "lopande_kostnad_kr_per_ar"
        ),
        MEASURE_NAME: optional("measure_name", "åtgärdsnamn"),
        NOTE: optional("note", "kommentar"),
    }
}
use sc::{EFFECT, FULL, IMPLEMENTATION, MEASURE, MUNICIPALITY, QUANTITY, RUNNING, SCENARIO, START};

/// The columns of a scenario file.
pub(crate) const SCENARIO_COLUMNS: &[ColumnSpec] = sc::SPECS;

/// Headers [`write_scenario_csv`] writes, English and Swedish, in [`SCENARIO_COLUMNS`] order.
const HEADERS: &[(&str, &str)] = sc::HEADERS;

/// Municipality values that mean every municipality of the context.
const ALL_MUNICIPALITIES: [&str; 4] = ["sjuharad", "alla", "all", "samtliga"];

/// The scenarios read from a file.
#[derive(Clone, Debug)]
pub struct ScenarioImport {
    /// The scenarios, in order of first appearance.
    pub scenarios: Vec<Scenario>,
    /// The dialect the file was written in (write results back in it).
    pub dialect: Dialect,
    /// Number of data rows in the file.
    pub rows: usize,
    /// Problems of rows left out. Always empty from [`read_scenarios`]; from
    /// [`read_scenarios_keep_valid`] the rows with these problems were not imported.
    pub errors: Vec<CsvError>,
    /// Optional columns the file does not have, whose defaults were used for every row:
    /// say so, since a file without an effect column imports "successfully" at default
    /// effects.
    pub assumed: Vec<AssumedColumn>,
}

/// An optional scenario column missing from a file, and the default used instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssumedColumn {
    /// No `effect_pct`: each measure's default effect.
    Effect,
    /// No `start_year`: the plan period's first year.
    StartYear,
    /// No `full_effect_year`: the start year plus the measure's ramp years.
    FullEffectYear,
}

impl AssumedColumn {
    /// The column's header in the interface language.
    #[must_use]
    pub fn header(self, lang: Lang) -> &'static str {
        let col = match self {
            Self::Effect => EFFECT,
            Self::StartYear => START,
            Self::FullEffectYear => FULL,
        };
        let (en, sv) = HEADERS.get(col).copied().unwrap_or(("", ""));
        match lang {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }

    /// What was used instead, as a sentence.
    #[must_use]
    pub fn message(self, lang: Lang) -> String {
        let used = match (self, lang) {
            (Self::Effect, Lang::Sv) => "varje åtgärds standardeffekt används",
            (Self::Effect, Lang::En) => "each measure's default effect is used",
            (Self::StartYear, Lang::Sv) => "åtgärderna startar planperiodens första år",
            (Self::StartYear, Lang::En) => "the measures start in the plan period's first year",
            (Self::FullEffectYear, Lang::Sv) => {
                "full effekt nås efter varje åtgärds standardtid från start"
            }
            (Self::FullEffectYear, Lang::En) => {
                "full effect is reached after each measure's default ramp-up from the start"
            }
        };
        match lang {
            Lang::Sv => format!("Kolumnen {} saknas: {used}.", self.header(lang)),
            Lang::En => format!("The file has no {} column: {used}.", self.header(lang)),
        }
    }
}

impl ScenarioImport {
    /// Number of scenario items (measure × municipality) imported.
    #[must_use]
    pub fn items(&self) -> usize {
        self.scenarios.iter().map(|s| s.items.len()).sum()
    }
}

/// Reads a scenario file. Any problem anywhere in the file makes this an `Err` with every
/// problem found, sorted by line: nothing is half-imported.
///
/// Never panics, on any bytes.
pub fn read_scenarios(
    bytes: &[u8],
    ctx: &ScenarioContext,
) -> Result<ScenarioImport, Vec<CsvError>> {
    let import = read_scenarios_keep_valid(bytes, ctx);
    if import.errors.is_empty() {
        Ok(import)
    } else {
        Err(import.errors)
    }
}

/// Which municipalities a row names.
enum Target {
    One(usize),
    All,
}

struct Reader<'a> {
    ctx: &'a ScenarioContext,
    cols: Columns,
    errors: Vec<CsvError>,
    municipality_hints: HashMap<String, Vec<String>>,
    measure_hints: HashMap<String, Vec<String>>,
}

impl Reader<'_> {
    fn error(&mut self, row: &Row, col: usize, kind: CsvErrorKind) {
        let e = self.cols.error(row, col, kind);
        self.errors.push(e);
    }

    fn municipality(&mut self, row: &Row) -> Option<Target> {
        let text = self.cols.text(row, MUNICIPALITY);
        if text.is_empty() {
            self.error(row, MUNICIPALITY, CsvErrorKind::EmptyField);
            return None;
        }
        if let Some(i) = self.ctx.municipality_index(text) {
            return Some(Target::One(i));
        }
        let key = normalize_header(text);
        if ALL_MUNICIPALITIES.contains(&key.as_str()) {
            return Some(Target::All);
        }
        let ctx = self.ctx;
        let suggestions = self
            .municipality_hints
            .entry(key)
            .or_insert_with(|| {
                let numeric = text.chars().all(|c| c.is_ascii_digit());
                let known: Vec<&str> = if numeric {
                    ctx.municipalities.iter().map(|k| k.code.as_str()).collect()
                } else {
                    ctx.municipalities.iter().map(|k| k.name.as_str()).collect()
                };
                suggest(text, known)
            })
            .clone();
        self.error(
            row,
            MUNICIPALITY,
            CsvErrorKind::UnknownId {
                what: IdKind::Municipality,
                suggestions,
            },
        );
        None
    }

    fn measure(&mut self, row: &Row) -> Option<usize> {
        let text = self.cols.text(row, MEASURE);
        if text.is_empty() {
            self.error(row, MEASURE, CsvErrorKind::EmptyField);
            return None;
        }
        if let Some(i) = self.ctx.measure_index(text) {
            return Some(i);
        }
        let ctx = self.ctx;
        let suggestions = self
            .measure_hints
            .entry(text.to_string())
            .or_insert_with(|| suggest(text, ctx.measures.iter().map(|m| m.id.as_str())))
            .clone();
        self.error(
            row,
            MEASURE,
            CsvErrorKind::UnknownId {
                what: IdKind::Measure,
                suggestions,
            },
        );
        None
    }

    fn effect(&mut self, row: &Row) -> Result<Option<Share>, Recorded> {
        let text = self.cols.text(row, EFFECT);
        let number = text.strip_suffix('%').unwrap_or(text);
        if number.trim().is_empty() {
            return if text.is_empty() {
                Ok(None)
            } else {
                self.error(row, EFFECT, CsvErrorKind::InvalidNumber);
                Err(Recorded)
            };
        }
        let Some(d) = parse_decimal(number, self.cols_decimal_comma()) else {
            self.error(row, EFFECT, CsvErrorKind::InvalidNumber);
            return Err(Recorded);
        };
        match Share::from_percent(d) {
            Ok(s) => Ok(Some(s)),
            Err(_) => {
                self.error(
                    row,
                    EFFECT,
                    CsvErrorKind::OutOfRange {
                        min: "0".into(),
                        max: "100".into(),
                    },
                );
                Err(Recorded)
            }
        }
    }

    fn cols_decimal_comma(&self) -> bool {
        self.cols.decimal_comma()
    }
}

/// Reads a scenario file, keeping the rows without problems: the result holds the
/// scenarios built from valid rows and, in [`ScenarioImport::errors`], every problem of
/// the rows left out. A missing required column leaves nothing to import.
///
/// Never panics, on any bytes.
#[must_use]
pub fn read_scenarios_keep_valid(bytes: &[u8], ctx: &ScenarioContext) -> ScenarioImport {
    let (table, mut errors) = Table::read_lenient(bytes);
    let Some(mut table) = table else {
        return ScenarioImport {
            scenarios: Vec::new(),
            dialect: Dialect::PLAIN,
            rows: 0,
            errors,
            assumed: Vec::new(),
        };
    };
    let (cols, column_errors) = table.columns_lenient(SCENARIO_COLUMNS);
    let missing = column_errors
        .iter()
        .any(|e| e.kind == CsvErrorKind::MissingColumn);
    errors.extend(column_errors.into_iter().map(|mut e| {
        if e.kind == CsvErrorKind::MissingColumn
            && let Some(c) = &e.column
            && let Some((en, sv)) = HEADERS.iter().find(|(en, _)| en == c)
        {
            e.column = Some(format!("{en}/{sv}"));
        }
        e
    }));
    let assumed = [
        (EFFECT, AssumedColumn::Effect),
        (START, AssumedColumn::StartYear),
        (FULL, AssumedColumn::FullEffectYear),
    ]
    .into_iter()
    .filter(|(col, _)| !cols.has(*col))
    .map(|(_, a)| a)
    .collect();
    let mut import = ScenarioImport {
        scenarios: Vec::new(),
        dialect: table.dialect,
        rows: table.rows.len(),
        errors: Vec::new(),
        assumed,
    };
    if missing {
        crate::sort::sort_by_key(&mut errors, |e| e.line);
        import.errors = errors;
        return import;
    }
    if table.rows.is_empty() && errors.is_empty() {
        errors.push(CsvError::new(
            table.header_line.saturating_add(1),
            None,
            "",
            CsvErrorKind::NoData,
        ));
    }
    let mut reader = Reader {
        ctx,
        cols,
        errors,
        municipality_hints: HashMap::new(),
        measure_hints: HashMap::new(),
    };
    let mut scenario_index: HashMap<String, usize> = HashMap::new();
    let mut seen: HashMap<(usize, usize, usize), u64> = HashMap::new();
    let period = ctx.period;
    // Rows are consumed as they are read, so their memory is reused for the items: a
    // 100 000-row file does not hold its rows and its items at once.
    for owned in std::mem::take(&mut table.rows) {
        let row = &owned;
        let before = reader.errors.len();
        let name = match reader.cols.text(row, SCENARIO) {
            "" => ctx.default_name.as_str(),
            n => n,
        };
        let s_idx = match scenario_index.get(name) {
            Some(i) => *i,
            None => {
                let i = import.scenarios.len();
                scenario_index.insert(name.to_string(), i);
                import
                    .scenarios
                    .push(Scenario::new(name, period, ctx.discount_rate));
                i
            }
        };
        let target = reader.municipality(row);
        let measure = reader.measure(row);
        let effect = reader.effect(row);
        // Numbers as read; what they may be (not negative, the years in order) is
        // `ItemOverrides`' rule, checked when the item is built below.
        let quantity = reader.cols.opt_decimal(row, QUANTITY, &mut reader.errors);
        let start = reader.cols.opt_year(row, START, &mut reader.errors);
        let full = reader.cols.opt_year(row, FULL, &mut reader.errors);
        let implementation = reader
            .cols
            .opt_decimal(row, IMPLEMENTATION, &mut reader.errors);
        let running = reader.cols.opt_decimal(row, RUNNING, &mut reader.errors);
        if let (true, Ok(s), Ok(Some(f))) = (reader.errors.len() > before, start, full) {
            // The row is refused already; its years are still named if out of order.
            if let Err(e) = ScenarioItem::year_order(s.unwrap_or(period.start()), f) {
                reader.error(row, FULL, CsvErrorKind::Model(e));
            }
        }
        if reader.errors.len() > before {
            continue;
        }
        let (
            Some(target),
            Some(m_idx),
            Ok(effect),
            Ok(quantity),
            Ok(start),
            Ok(full),
            Ok(implementation),
            Ok(running),
        ) = (
            target,
            measure,
            effect,
            quantity,
            start,
            full,
            implementation,
            running,
        )
        else {
            continue;
        };
        let targets: Vec<usize> = match target {
            Target::One(k) => vec![k],
            Target::All => (0..ctx.municipalities.len().min(ctx.all_count)).collect(),
        };
        for &k in &targets {
            if let Some(first) = seen.get(&(s_idx, k, m_idx)) {
                let what = format!(
                    "{} × {}",
                    ctx.municipalities.get(k).map_or("", |x| x.name.as_str()),
                    ctx.measures.get(m_idx).map_or("", |x| x.id.as_str())
                );
                reader.errors.push(CsvError::new(
                    row.line,
                    Some(reader.cols.name(MEASURE)),
                    what,
                    CsvErrorKind::Duplicate { first_line: *first },
                ));
            }
        }
        if reader.errors.len() > before {
            continue;
        }
        let (Some(measure), Some(scenario)) =
            (ctx.measures.get(m_idx), import.scenarios.get_mut(s_idx))
        else {
            continue;
        };
        for k in targets {
            let Some(municipality) = ctx.municipalities.get(k) else {
                continue;
            };
            seen.insert((s_idx, k, m_idx), row.line);
            let overrides = ItemOverrides {
                effect,
                quantity: quantity.map(Tonnes::new),
                start_year: start,
                full_effect_year: full,
                implementation_cost: implementation.map(Sek::new),
                running_cost: running.map(Sek::new),
            };
            let (item, refused) = overrides.build_leaving_out(measure, municipality, period);
            let refused_any = !refused.is_empty();
            for (field, e) in refused {
                let col = match field {
                    OverrideField::Effect => EFFECT,
                    OverrideField::Quantity => QUANTITY,
                    OverrideField::StartYear => START,
                    OverrideField::FullEffectYear => FULL,
                    OverrideField::ImplementationCost => IMPLEMENTATION,
                    OverrideField::RunningCost => RUNNING,
                };
                reader.error(row, col, CsvErrorKind::Model(e));
            }
            let item = match item {
                // A row without an effect of its own, or with the expected one (a template
                // writes every effect out), takes the context's case.
                Some(i) if !refused_any => {
                    if overrides.effect.is_none() || i.case() == Case::Expected {
                        i.with_case(ctx.case)
                    } else {
                        i
                    }
                }
                _ => continue,
            };
            scenario.items.push(item);
        }
    }
    import.scenarios.retain(|s| !s.items.is_empty());
    for s in &mut import.scenarios {
        s.add_reference_path(&ctx.duties);
    }
    let mut errors = reader.errors;
    crate::sort::sort_by_key(&mut errors, |e| e.line);
    import.errors = errors;
    import
}
