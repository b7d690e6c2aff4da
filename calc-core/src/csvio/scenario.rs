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

use super::error::{CsvError, CsvErrorKind, IdKind, Lang, suggest};
use super::safe::guard_cell;
use super::table::{
    ColumnSpec, Columns, Dialect, Encoding, Recorded, Row, Table, format_decimal, normalize_header,
    parse_decimal,
};
use crate::model::{Case, Measure, ModelError, Municipality};
use crate::scenario::{ItemOverrides, OverrideField, PlanPeriod, Scenario};
use crate::units::{Sek, Share, Tonnes, Year};
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::sync::Arc;

const SCENARIO: usize = 0;
const MUNICIPALITY: usize = 1;
const MEASURE: usize = 2;
const EFFECT: usize = 3;
const QUANTITY: usize = 4;
const START: usize = 5;
const FULL: usize = 6;
const IMPLEMENTATION: usize = 7;
const RUNNING: usize = 8;

/// The columns of a scenario file: the first alias is the English header, the second
/// the Swedish one (written without å/ä/ö; with them matches too).
pub const SCENARIO_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec::optional(&["scenario", "scenario", "scenario_name", "scenarionamn"]),
    ColumnSpec::required(&["municipality", "kommun"]),
    ColumnSpec::required(&["measure", "atgard", "measure_id", "atgards_id"]),
    ColumnSpec::optional(&["effect_pct", "effekt_procent", "effect_percent", "effekt"]),
    ColumnSpec::optional(&["quantity_t", "mangd_ton", "quantity_tonnes", "mangd_t"]),
    ColumnSpec::optional(&["start_year", "startar"]),
    ColumnSpec::optional(&["full_effect_year", "fullt_ar", "full_effekt_ar"]),
    ColumnSpec::optional(&["implementation_cost_sek", "engangskostnad_kr"]),
    ColumnSpec::optional(&[
        "running_cost_sek",
        "lopande_kostnad_kr",
        "running_cost_sek_per_year",
        "lopande_kostnad_kr_per_ar",
    ]),
    ColumnSpec::optional(&["measure_name", "atgardsnamn"]),
    ColumnSpec::optional(&["note", "kommentar"]),
];

/// Headers [`write_scenario_csv`] writes, English and Swedish, in [`SCENARIO_COLUMNS`] order.
const HEADERS: [(&str, &str); 11] = [
    ("scenario", "scenario"),
    ("municipality", "kommun"),
    ("measure", "åtgärd"),
    ("effect_pct", "effekt_procent"),
    ("quantity_t", "mängd_ton"),
    ("start_year", "startår"),
    ("full_effect_year", "fullt_år"),
    ("implementation_cost_sek", "engångskostnad_kr"),
    ("running_cost_sek", "löpande_kostnad_kr"),
    ("measure_name", "åtgärdsnamn"),
    ("note", "kommentar"),
];

/// Municipality values that mean every municipality of the context.
const ALL_MUNICIPALITIES: [&str; 4] = ["sjuharad", "alla", "all", "samtliga"];

/// What a scenario file is read against: the catalogue's measures and municipalities
/// (looked up through hash maps, so a row costs O(1)), the plan period and discount
/// rate every scenario gets, and the name of a scenario when the file names none.
#[derive(Clone, Debug)]
pub struct ScenarioContext {
    measures: Vec<Arc<Measure>>,
    municipalities: Vec<Arc<Municipality>>,
    measure_index: HashMap<String, usize>,
    municipality_index: HashMap<String, usize>,
    period: PlanPeriod,
    discount_rate: Share,
    default_name: String,
    duties: Vec<Arc<Measure>>,
    case: Case,
    /// How many of `municipalities` (the first ones) `Sjuhärad`, `alla` and `all` mean.
    all_count: usize,
}

impl ScenarioContext {
    /// A context over these measures and municipalities, with the plan period 2025–2030,
    /// a discount rate of 3.5 % and the default scenario name `scenario`.
    #[must_use]
    pub fn new(
        measures: impl IntoIterator<Item = Arc<Measure>>,
        municipalities: impl IntoIterator<Item = Arc<Municipality>>,
    ) -> Self {
        let measures: Vec<Arc<Measure>> = measures.into_iter().collect();
        let municipalities: Vec<Arc<Municipality>> = municipalities.into_iter().collect();
        let mut measure_index = HashMap::new();
        for (i, m) in measures.iter().enumerate() {
            measure_index.entry(m.id.0.clone()).or_insert(i);
            measure_index.entry(normalize_header(&m.id.0)).or_insert(i);
        }
        let mut municipality_index = HashMap::new();
        for (i, k) in municipalities.iter().enumerate() {
            municipality_index.entry(k.code.0.clone()).or_insert(i);
            municipality_index
                .entry(normalize_header(&k.name))
                .or_insert(i);
        }
        Self {
            measures,
            municipalities,
            measure_index,
            municipality_index,
            period: PlanPeriod::new(Year(2025), Year(2030))
                .unwrap_or(PlanPeriod::single(Year(2025))),
            discount_rate: Share::new(Decimal::new(35, 3)).unwrap_or(Share::ZERO),
            default_name: "scenario".to_string(),
            duties: Vec::new(),
            case: Case::Expected,
            all_count: usize::MAX,
        }
    }

    /// Only the first `n` municipalities are the plan's: `Sjuhärad`, `alla`, `all` and
    /// `samtliga` mean those, while the ones after them (a planner's own municipalities
    /// outside the plan, issue 26) are named one by one.
    #[must_use]
    pub fn with_plan_municipalities(mut self, n: usize) -> Self {
        self.all_count = n;
        self
    }

    /// With the effects of a case for the rows that give no effect of their own or the
    /// expected one (default: the expected outcome); a row's own other effect stays its own.
    #[must_use]
    pub fn with_case(mut self, case: Case) -> Self {
        self.case = case;
        self
    }

    /// With the reference path: every scenario read gets these legal duties in each of its
    /// municipalities ([`Scenario::add_reference_path`]).
    #[must_use]
    pub fn with_reference_path(mut self, duties: impl IntoIterator<Item = Arc<Measure>>) -> Self {
        self.duties = duties.into_iter().collect();
        self
    }

    /// With another plan period.
    #[must_use]
    pub fn with_period(mut self, period: PlanPeriod) -> Self {
        self.period = period;
        self
    }

    /// With another discount rate.
    #[must_use]
    pub fn with_discount_rate(mut self, rate: Share) -> Self {
        self.discount_rate = rate;
        self
    }

    /// With another name for rows that name no scenario (e.g. the file's name).
    #[must_use]
    pub fn with_default_name(mut self, name: impl Into<String>) -> Self {
        self.default_name = name.into();
        self
    }

    /// The plan period.
    #[must_use]
    pub fn period(&self) -> PlanPeriod {
        self.period
    }

    /// The discount rate.
    #[must_use]
    pub fn discount_rate(&self) -> Share {
        self.discount_rate
    }

    /// The name for rows that name no scenario.
    #[must_use]
    pub fn default_name(&self) -> &str {
        &self.default_name
    }

    /// The measures.
    #[must_use]
    pub fn measures(&self) -> &[Arc<Measure>] {
        &self.measures
    }

    /// The municipalities.
    #[must_use]
    pub fn municipalities(&self) -> &[Arc<Municipality>] {
        &self.municipalities
    }

    fn measure_index(&self, text: &str) -> Option<usize> {
        self.measure_index
            .get(text)
            .or_else(|| self.measure_index.get(&normalize_header(text)))
            .copied()
    }

    fn municipality_index(&self, text: &str) -> Option<usize> {
        self.municipality_index
            .get(text)
            .or_else(|| self.municipality_index.get(&normalize_header(text)))
            .copied()
    }

    /// A measure by id, ignoring letter case.
    #[must_use]
    pub fn measure(&self, id: &str) -> Option<&Arc<Measure>> {
        self.measure_index(id.trim())
            .and_then(|i| self.measures.get(i))
    }

    /// A municipality by SCB code or name, ignoring letter case and å/ä/ö.
    #[must_use]
    pub fn municipality(&self, name_or_code: &str) -> Option<&Arc<Municipality>> {
        self.municipality_index(name_or_code.trim())
            .and_then(|i| self.municipalities.get(i))
    }
}

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

    /// An optional number that must not be negative.
    fn non_negative(&mut self, row: &Row, col: usize) -> Result<Option<Decimal>, Recorded> {
        let d = self.cols.opt_decimal(row, col, &mut self.errors)?;
        match d {
            Some(d) if d.is_sign_negative() && !d.is_zero() => {
                self.error(row, col, CsvErrorKind::Negative);
                Err(Recorded)
            }
            other => Ok(other),
        }
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
        let quantity = reader.non_negative(row, QUANTITY);
        let start = reader.cols.opt_year(row, START, &mut reader.errors);
        let full = reader.cols.opt_year(row, FULL, &mut reader.errors);
        let implementation = reader.non_negative(row, IMPLEMENTATION);
        let running = reader.non_negative(row, RUNNING);
        if let (Ok(s), Ok(Some(f))) = (start, full) {
            let s = s.unwrap_or(period.start());
            if f < s {
                reader.error(
                    row,
                    FULL,
                    CsvErrorKind::Model(ModelError::YearOrder {
                        earlier: s,
                        later: f,
                    }),
                );
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
            let item = match overrides.build(Arc::clone(measure), Arc::clone(municipality), period)
            {
                // A row without an effect of its own, or with the expected one (a template
                // writes every effect out), takes the context's case.
                Ok(i) if overrides.effect.is_none() || i.case() == Case::Expected => {
                    i.with_case(ctx.case)
                }
                Ok(i) => i,
                Err((field, e)) => {
                    let col = match field {
                        OverrideField::Effect => EFFECT,
                        OverrideField::Quantity => QUANTITY,
                        OverrideField::StartYear => START,
                        OverrideField::FullEffectYear => FULL,
                        OverrideField::ImplementationCost => IMPLEMENTATION,
                        OverrideField::RunningCost => RUNNING,
                    };
                    reader.error(row, col, CsvErrorKind::Model(e));
                    continue;
                }
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

/// Writes scenarios as a scenario file in a dialect with headers in a language; reading
/// it back with a context of the same measures, municipalities, period and discount rate
/// gives the same scenarios. Every value is written out (effect, start and full-effect
/// year), so the file does not depend on catalogue defaults; overrides only where set.
/// Factor overrides are not part of the format and are not written.
#[must_use]
pub fn write_scenarios_csv(scenarios: &[Scenario], dialect: Dialect, lang: Lang) -> String {
    let mut w = csv::WriterBuilder::new()
        .delimiter(dialect.delimiter)
        .from_writer(Vec::new());
    let header: Vec<&str> = HEADERS
        .iter()
        .map(|(en, sv)| if lang == Lang::Sv { *sv } else { *en })
        .collect();
    let mut ok = w.write_record(&header).is_ok();
    let num = |d: Decimal| format_decimal(d, dialect.decimal_comma);
    for s in scenarios {
        for item in &s.items {
            let m = item.measure();
            let o = ItemOverrides::of(item);
            let year = |y: Option<Year>| y.map(|y| y.to_string()).unwrap_or_default();
            // An override that is not set is an empty cell (`unwrap_or_default` on an Option).
            let rec = [
                guard_cell(&s.name).into_owned(),
                guard_cell(&item.municipality().name).into_owned(),
                guard_cell(&m.id.0).into_owned(),
                o.effect.map(|e| num(e.percent())).unwrap_or_default(),
                o.quantity.map(|q| num(q.value())).unwrap_or_default(),
                year(o.start_year),
                year(o.full_effect_year),
                o.implementation_cost
                    .map(|c| num(c.value()))
                    .unwrap_or_default(),
                o.running_cost.map(|c| num(c.value())).unwrap_or_default(),
                guard_cell(if lang == Lang::Sv {
                    &m.name_sv
                } else {
                    &m.name_en
                })
                .into_owned(),
                String::new(),
            ];
            ok &= w.write_record(&rec).is_ok();
        }
    }
    finish_writer(w, ok, dialect)
}

/// Writes one scenario as a scenario file; see [`write_scenarios_csv`].
#[must_use]
pub fn write_scenario_csv(scenario: &Scenario, dialect: Dialect, lang: Lang) -> String {
    write_scenarios_csv(std::slice::from_ref(scenario), dialect, lang)
}

/// The text a CSV writer produced, with a BOM for [`Encoding::Utf8Bom`].
///
/// Cannot lose data: a `csv::Writer` over a `Vec<u8>` has no I/O to fail (`write_record`,
/// the flush in `into_inner` only fail on I/O errors, so `ok` is always true here), and
/// it wrote only `&str` fields and ASCII delimiters and quotes, so the bytes are UTF-8.
pub(crate) fn finish_writer(w: csv::Writer<Vec<u8>>, ok: bool, dialect: Dialect) -> String {
    let bytes = w.into_inner().unwrap_or_default();
    let text = String::from_utf8(bytes).unwrap_or_default();
    if !ok {
        return String::new();
    }
    if dialect.encoding == Encoding::Utf8Bom {
        format!("\u{feff}{text}")
    } else {
        text
    }
}

/// A later part of an output encoded part by part (a streamed CSV after its header):
/// as [`encode`], but a leading U+FEFF is a character of the text, not a byte-order mark,
/// so it is kept (`?` in Windows-1252) instead of being dropped from the part.
#[must_use]
pub fn encode_part(text: &str, encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 | Encoding::Utf8Bom => text.as_bytes().to_vec(),
        Encoding::Windows1252 => text
            .chars()
            .map(|c| super::table::windows_1252_byte(c).unwrap_or(b'?'))
            .collect(),
    }
}

/// Text as bytes in an encoding: UTF-8 (with a BOM for [`Encoding::Utf8Bom`], added if
/// missing) or Windows-1252 (characters it lacks become `?`).
#[must_use]
pub fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    let bare = text.strip_prefix('\u{feff}').unwrap_or(text);
    match encoding {
        Encoding::Utf8 => bare.as_bytes().to_vec(),
        Encoding::Utf8Bom => {
            let mut v = b"\xEF\xBB\xBF".to_vec();
            v.extend_from_slice(bare.as_bytes());
            v
        }
        Encoding::Windows1252 => {
            let mut out = Vec::with_capacity(bare.len());
            for c in bare.chars() {
                out.push(super::table::windows_1252_byte(c).unwrap_or(b'?'));
            }
            out
        }
    }
}
