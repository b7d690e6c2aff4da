//! # factors: Avfallskalkyl's sourced default data
//!
//! The CSV files in `factors/data/` (see `factors/README.md`) embedded in the binary and
//! parsed with the same [`calc_core::csvio`] readers a user's own files go through.
//! Every number has a source in `sources.csv`; `tests/integrity.rs` proves that the data
//! loads and holds together, so [`builtin`] returning an error means a broken build.

use calc_core::csvio::{self, CsvError};
use calc_core::{
    FactorTable, Fraction, Measure, MeasureId, Municipality, OrgUnit, OrgUnits, PlanPeriod, Pool,
    PriceIndex, ScbMunicipality, Scenario, ScenarioItem, Share, Source, Target, UnitAssignment,
    Year,
};
use std::sync::{Arc, OnceLock};

/// The data files, as embedded: `(path under factors/data, contents)`.
pub const FILES: &[(&str, &str)] = &[
    ("areas.csv", include_str!("../data/areas.csv")),
    ("fractions.csv", include_str!("../data/fractions.csv")),
    ("routes.csv", include_str!("../data/routes.csv")),
    ("factor_sets.csv", include_str!("../data/factor_sets.csv")),
    ("price_index.csv", include_str!("../data/price_index.csv")),
    (
        "sets/sjuharad-2025.csv",
        include_str!("../data/sets/sjuharad-2025.csv"),
    ),
    (
        "sets/sjuharad-2024.csv",
        include_str!("../data/sets/sjuharad-2024.csv"),
    ),
    ("pools.csv", include_str!("../data/pools.csv")),
    ("pool_mixes.csv", include_str!("../data/pool_mixes.csv")),
    (
        "pool_municipalities.csv",
        include_str!("../data/pool_municipalities.csv"),
    ),
    ("measures.csv", include_str!("../data/measures.csv")),
    (
        "measure_mixes.csv",
        include_str!("../data/measure_mixes.csv"),
    ),
    (
        "municipalities.csv",
        include_str!("../data/municipalities.csv"),
    ),
    ("sources.csv", include_str!("../data/sources.csv")),
    ("targets.csv", include_str!("../data/targets.csv")),
    ("units.csv", include_str!("../data/units.csv")),
    (
        "scb_municipalities.csv",
        include_str!("../data/scb_municipalities.csv"),
    ),
    (
        "measure_units.csv",
        include_str!("../data/measure_units.csv"),
    ),
];

/// An embedded file's contents by its path under `factors/data`.
#[must_use]
pub fn file(path: &str) -> Option<&'static str> {
    FILES.iter().find(|(p, _)| *p == path).map(|(_, c)| *c)
}

/// A goal area of the waste plan.
pub use calc_core::GoalArea as Area;

/// Everything built in: factor sets, measures, municipalities, sources.
#[derive(Debug)]
pub struct Catalogue {
    /// Factor sets, the current one first.
    pub sets: Vec<FactorTable>,
    /// Waste fractions.
    pub fractions: Vec<Fraction>,
    /// Goal areas.
    pub areas: Vec<Area>,
    /// Pools of waste the measures share.
    pub pools: Vec<Arc<Pool>>,
    /// The measure catalogue: the plan's measures.
    pub measures: Vec<Arc<Measure>>,
    /// The reference path: legal duties that act whatever the plan does (`kind` =
    /// `legal_duty` in `measures.csv`), added to every scenario's municipalities.
    pub legal_duties: Vec<Arc<Measure>>,
    /// The eight Sjuhärad municipalities.
    pub municipalities: Vec<Arc<Municipality>>,
    /// Every source.
    pub sources: Vec<Source>,
    /// The plan's quantified goals (`targets.csv`).
    pub targets: Vec<Target>,
    /// The consumer price index (SCB's KPI) that brings every cost to its set's price year.
    pub price_index: PriceIndex,
    /// The units of the organisation (`units.csv`) and which of them carry each measure,
    /// legal duties included (`measure_units.csv`: one leading unit per measure, any
    /// contributing ones, with the reason). Group an evaluation with
    /// [`calc_core::by_unit()`].
    pub units: OrgUnits,
    /// SCB's list of all 290 municipalities (code, name, county; `scb_municipalities.csv`),
    /// without populations: a municipality outside Sjuhärad is evaluated with the
    /// population its planner gives (`calc_core::csvio::read_own_municipalities`), from the
    /// national per-inhabitant defaults, and has no built-in targets.
    pub all_municipalities: Vec<ScbMunicipality>,
}

/// Why a catalogue did not load: the file and its errors, or why it could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("data file {file} {}", match unreadable {
    Some(why) => format!("could not be read: {why}"),
    None => format!("is invalid: {}", errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")),
})]
pub struct DataError {
    /// The file, by its path under the data directory (`factors/data` for the built-in).
    pub file: String,
    /// What is wrong.
    pub errors: Vec<CsvError>,
    /// Why the file could not be read ([`load_dir`]), if it could not.
    pub unreadable: Option<String>,
}

/// Where [`load_with`] reads a file from: the embedded data, or a directory.
type Reader<'a> = &'a dyn Fn(&str) -> Result<std::borrow::Cow<'static, str>, DataError>;

fn embedded(path: &str) -> Result<std::borrow::Cow<'static, str>, DataError> {
    file(path)
        .map(std::borrow::Cow::Borrowed)
        .ok_or_else(|| DataError {
            file: path.to_string(),
            errors: Vec::new(),
            unreadable: Some("not embedded".to_string()),
        })
}

fn wrap<T>(path: &str, r: Result<T, Vec<CsvError>>) -> Result<T, DataError> {
    r.map_err(|errors| DataError {
        file: path.to_string(),
        errors,
        unreadable: None,
    })
}

/// Parses the embedded files.
pub fn load() -> Result<Catalogue, DataError> {
    load_with(&embedded)
}

/// Reads a catalogue from a directory laid out as `factors/data` (the same file names,
/// `sets/` for the factor sets), through the same readers as the built-in data: a tool with
/// its own factors, pools or measures keeps its files and calls this. A file that cannot be
/// read is a [`DataError`] naming it, with the reason as its one error.
///
/// ```
/// let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
/// let mine = factors::load_dir(&dir)?;
/// assert_eq!(mine.measures.len(), factors::load()?.measures.len());
/// assert!(factors::load_dir(std::path::Path::new("/no/such/dir")).is_err());
/// # Ok::<(), factors::DataError>(())
/// ```
pub fn load_dir(dir: &std::path::Path) -> Result<Catalogue, DataError> {
    let read = |path: &str| {
        std::fs::read_to_string(dir.join(path))
            .map(std::borrow::Cow::Owned)
            .map_err(|e| DataError {
                file: path.to_string(),
                errors: Vec::new(),
                unreadable: Some(e.to_string()),
            })
    };
    load_with(&read)
}

fn load_with(data_file: Reader<'_>) -> Result<Catalogue, DataError> {
    let sources = wrap(
        "sources.csv",
        csvio::read_sources(data_file("sources.csv")?.as_bytes()),
    )?;
    let price_index = wrap(
        "price_index.csv",
        csvio::read_price_index(data_file("price_index.csv")?.as_bytes()),
    )?;
    let mut sets = Vec::new();
    let list = wrap(
        "factor_sets.csv",
        csvio::read_factor_set_list(data_file("factor_sets.csv")?.as_bytes()),
    )?;
    for (info, path) in list {
        let text = data_file(&path)?;
        let mut table = wrap(
            &path,
            csvio::read_factor_table_priced(text.as_bytes(), info, &price_index),
        )?;
        for s in &sources {
            // Ids are unique in sources.csv (checked by read_sources), so this cannot fail.
            let _ = table.insert_source(s.clone());
        }
        sets.push(table);
    }
    let fractions = wrap(
        "fractions.csv",
        csvio::read_fractions(data_file("fractions.csv")?.as_bytes()),
    )?;
    let areas = wrap(
        "areas.csv",
        csvio::read_areas(data_file("areas.csv")?.as_bytes()),
    )?;
    let mut pools = wrap(
        "pools.csv",
        csvio::read_pools(
            data_file("pools.csv")?.as_bytes(),
            data_file("pool_mixes.csv")?.as_bytes(),
        ),
    )?;
    wrap(
        "pool_municipalities.csv",
        csvio::read_local_baselines(data_file("pool_municipalities.csv")?.as_bytes(), &mut pools),
    )?;
    let pools: Vec<Arc<Pool>> = pools.into_iter().map(Arc::new).collect();
    let measures = wrap(
        "measures.csv",
        csvio::read_measures_with_pools(
            data_file("measures.csv")?.as_bytes(),
            data_file("measure_mixes.csv")?.as_bytes(),
            &pools,
        ),
    )?;
    let measure_ids: Vec<MeasureId> = measures.iter().map(|m| m.id.clone()).collect();
    let org_units = wrap(
        "units.csv",
        csvio::read_org_units(data_file("units.csv")?.as_bytes()),
    )?;
    let assignments = wrap(
        "measure_units.csv",
        csvio::read_measure_units(
            data_file("measure_units.csv")?.as_bytes(),
            &org_units,
            &measure_ids,
        ),
    )?;
    let (legal_duties, plan): (Vec<Arc<Measure>>, Vec<Arc<Measure>>) = measures
        .into_iter()
        .map(Arc::new)
        .partition(|m| m.is_legal_duty());
    let municipalities: Vec<Arc<Municipality>> = wrap(
        "municipalities.csv",
        csvio::read_municipalities(data_file("municipalities.csv")?.as_bytes()),
    )?
    .into_iter()
    .map(Arc::new)
    .collect();
    let targets = wrap(
        "targets.csv",
        csvio::read_targets(
            data_file("targets.csv")?.as_bytes(),
            &pools,
            &municipalities,
        ),
    )?;
    Ok(Catalogue {
        sets,
        fractions,
        areas,
        pools,
        measures: plan,
        legal_duties,
        municipalities,
        sources,
        targets,
        price_index,
        units: OrgUnits::new(org_units, assignments),
        all_municipalities: wrap(
            "scb_municipalities.csv",
            csvio::read_scb_municipalities(data_file("scb_municipalities.csv")?.as_bytes()),
        )?,
    })
}

/// The built-in catalogue, parsed once.
pub fn builtin() -> Result<&'static Catalogue, &'static DataError> {
    static CELL: OnceLock<Result<Catalogue, DataError>> = OnceLock::new();
    CELL.get_or_init(load).as_ref()
}

/// The default plan period: 2025 to the end of the Sjuhärad plan (2021–2030).
pub const DEFAULT_PERIOD: (u16, u16) = (2025, 2030);

/// Default discount rate for the net present value: 3.5 % real, the rate the Swedish
/// Transport Administration's ASEK guidance uses for public investments
/// (source `trafikverket_asek_7`).
pub const DEFAULT_DISCOUNT_RATE_PERMILLE: u32 = 35;

impl Catalogue {
    /// The current (first) factor set.
    #[must_use]
    pub fn current_set(&self) -> Option<&FactorTable> {
        self.sets.first()
    }

    /// A factor set by id.
    #[must_use]
    pub fn set(&self, id: &str) -> Option<&FactorTable> {
        self.sets.iter().find(|s| s.info().id == id)
    }

    /// A measure by id.
    #[must_use]
    pub fn measure(&self, id: &str) -> Option<&Arc<Measure>> {
        self.measures.iter().find(|m| m.id.as_str() == id)
    }

    /// A unit of the organisation by id, e.g. `kost`.
    #[must_use]
    pub fn unit(&self, id: &str) -> Option<&OrgUnit> {
        self.units.unit(id)
    }

    /// The units that carry a measure (by id), the lead first, with their reasons.
    #[must_use]
    pub fn units_of(&self, measure: &MeasureId) -> Vec<&UnitAssignment> {
        self.units.of_measure(measure)
    }

    /// Each measure's cost source, as `calc_core::contributions` takes them.
    #[must_use]
    pub fn cost_sources(&self) -> Vec<(String, calc_core::SourceId)> {
        self.measures
            .iter()
            .filter_map(|m| {
                m.cost_source
                    .clone()
                    .map(|s| (m.id.as_str().to_string(), s))
            })
            .collect()
    }

    /// A municipality by SCB code or name, ignoring letter case and å/ä/ö.
    #[must_use]
    pub fn municipality(&self, name_or_code: &str) -> Option<&Arc<Municipality>> {
        let key = csvio::normalize_header(name_or_code);
        self.municipalities.iter().find(|m| {
            m.code.as_str() == name_or_code.trim() || csvio::normalize_header(&m.name) == key
        })
    }

    /// A municipality in SCB's list of all 290 by SCB code or name, ignoring letter case
    /// and å/ä/ö.
    #[must_use]
    pub fn any_municipality(&self, name_or_code: &str) -> Option<&ScbMunicipality> {
        // By code first: a name is normalized only when no code matches (the app looks
        // municipalities up by code while it renders).
        let code = name_or_code.trim();
        if let Some(m) = self
            .all_municipalities
            .iter()
            .find(|m| m.code.as_str() == code)
        {
            return Some(m);
        }
        let key = csvio::normalize_header(name_or_code);
        self.all_municipalities
            .iter()
            .find(|m| csvio::normalize_header(&m.name) == key)
    }

    /// Whether a municipality is one of the plan's (Sjuhärad): only these have built-in
    /// populations and the plan's targets.
    #[must_use]
    pub fn is_plan_municipality(&self, code: &calc_core::ScbCode) -> bool {
        self.municipalities.iter().any(|m| &m.code == code)
    }

    /// The municipalities to evaluate: the built-in ones, with `own` (a planner's, from
    /// `calc_core::csvio::read_own_municipalities`) replacing a built-in one with the same
    /// code and the others added after them.
    #[must_use]
    pub fn municipalities_with(&self, own: &[Arc<Municipality>]) -> Vec<Arc<Municipality>> {
        let mut out: Vec<Arc<Municipality>> = self
            .municipalities
            .iter()
            .map(|m| {
                own.iter()
                    .find(|o| o.code == m.code)
                    .map_or_else(|| Arc::clone(m), Arc::clone)
            })
            .collect();
        for o in own {
            if !self.is_plan_municipality(&o.code) {
                out.push(Arc::clone(o));
            }
        }
        out
    }

    /// A source by id.
    #[must_use]
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id.as_str() == id)
    }

    /// The default discount rate as a share.
    #[must_use]
    pub fn default_discount_rate() -> Share {
        Share::new(rust_decimal::Decimal::new(
            i64::from(DEFAULT_DISCOUNT_RATE_PERMILLE),
            3,
        ))
        .unwrap_or(Share::ZERO)
    }

    /// The default scenario: every catalogue measure at its expected effect in every
    /// municipality, starting in the first year of 2025–2030, with the reference path.
    #[must_use]
    pub fn default_scenario(&self) -> Scenario {
        self.scenario_for(
            "Sjuhärad",
            &self.municipalities.iter().collect::<Vec<_>>(),
            &self.measures.iter().map(|m| &m.id).collect::<Vec<_>>(),
        )
    }

    /// A scenario with the given measures (by id) at their defaults (the expected outcome)
    /// in the given municipalities over 2025–2030, with the reference path (the legal
    /// duties in those municipalities). Unknown measure ids are skipped.
    #[must_use]
    pub fn scenario_for(
        &self,
        name: &str,
        municipalities: &[&Arc<Municipality>],
        measures: &[&MeasureId],
    ) -> Scenario {
        let (start, end) = DEFAULT_PERIOD;
        let period =
            PlanPeriod::new(Year(start), Year(end)).unwrap_or(PlanPeriod::single(Year(start)));
        let mut scenario = Scenario::new(name, period, Self::default_discount_rate());
        for m in measures {
            if let Some(measure) = self.measure(m.as_str()) {
                for k in municipalities {
                    scenario.items.push(ScenarioItem::new(
                        Arc::clone(measure),
                        Arc::clone(k),
                        Year(start),
                    ));
                }
            }
        }
        scenario.add_reference_path(&self.legal_duties);
        scenario
    }

    /// A scenario context for reading scenario files against the built-in catalogue, with
    /// the reference path.
    #[must_use]
    pub fn scenario_context(&self) -> csvio::ScenarioContext {
        csvio::ScenarioContext::new(
            self.measures.iter().cloned(),
            self.municipalities.iter().cloned(),
        )
        .with_reference_path(self.legal_duties.iter().cloned())
    }
}

/// The workspace README's library example (it uses the built-in data, so it lives here),
/// compiled and run as a doc test.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
