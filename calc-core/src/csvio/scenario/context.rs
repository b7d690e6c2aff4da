//! What a scenario file is read against: the catalogue, the plan period, the discount rate
//! and the case.

use crate::csvio::table::normalize_header;
use crate::model::{Case, Measure, Municipality};
use crate::scenario::PlanPeriod;
use crate::units::{Share, Year};
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::sync::Arc;

/// What a scenario file is read against: the catalogue's measures and municipalities
/// (looked up through hash maps, so a row costs O(1)), the plan period and discount
/// rate every scenario gets, and the name of a scenario when the file names none.
#[derive(Clone, Debug)]
pub struct ScenarioContext {
    pub(super) measures: Vec<Arc<Measure>>,
    pub(super) municipalities: Vec<Arc<Municipality>>,
    pub(super) measure_index: HashMap<String, usize>,
    pub(super) municipality_index: HashMap<String, usize>,
    pub(super) period: PlanPeriod,
    pub(super) discount_rate: Share,
    pub(super) default_name: String,
    pub(super) duties: Vec<Arc<Measure>>,
    pub(super) case: Case,
    /// How many of `municipalities` (the first ones) `Sjuhärad`, `alla` and `all` mean.
    pub(super) all_count: usize,
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
    /// municipalities ([`Scenario::add_reference_path`](crate::Scenario::add_reference_path)).
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

    pub(super) fn measure_index(&self, text: &str) -> Option<usize> {
        self.measure_index
            .get(text)
            .or_else(|| self.measure_index.get(&normalize_header(text)))
            .copied()
    }

    pub(super) fn municipality_index(&self, text: &str) -> Option<usize> {
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
