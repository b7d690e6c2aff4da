//! A municipality's own figures: its measured quantity and route shares per pool for a base
//! year, replacing the built-in defaults for that municipality.

use crate::model::{Field, ModelError, Refusals, SourceId};
use crate::model::{LocalBaseline, Pool, PoolId, QuantityBasis, RouteMix, ScbCode};
use crate::scenario::Scenario;
use crate::units::{GramsPerPortion, KgPerInhabitant, Tonnes, Year};
use std::sync::Arc;

/// A measured quantity, as a municipality's statistics give it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OwnQuantity {
    /// Tonnes per year.
    Tonnes(Tonnes),
    /// kg per inhabitant and year (× the municipality's population).
    KgPerInhabitant(KgPerInhabitant),
    /// Grams per portion (× the pool's portions per inhabitant × population); only for
    /// pools counted in portions (the municipal kitchens).
    GramsPerPortion(GramsPerPortion),
}

/// One municipality's own figures for one pool in a base year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnFigure {
    /// The municipality.
    pub municipality: ScbCode,
    /// The pool (one fraction from one kind of source, e.g. `household_food`).
    pub pool: PoolId,
    /// The year the figures are for.
    pub year: Year,
    /// The measured quantity; `None`: the built-in default.
    pub quantity: Option<OwnQuantity>,
    /// Where the tonnes go today; `None`: the built-in default.
    pub routes: Option<RouteMix>,
    /// Where the figures come from (free text, e.g. "Borås Energi och Miljö, plockanalys 2023").
    pub source: String,
    /// A note.
    pub note: String,
}

impl OwnQuantity {
    /// The number as given, in its own unit.
    #[must_use]
    pub fn value(self) -> rust_decimal::Decimal {
        match self {
            OwnQuantity::Tonnes(t) => t.value(),
            OwnQuantity::KgPerInhabitant(k) => k.value(),
            OwnQuantity::GramsPerPortion(g) => g.value(),
        }
    }
}

impl OwnFigure {
    /// One municipality's own figures for `pool` in `year`, with no note.
    ///
    /// # Errors
    /// Every field at fault: a negative quantity ([`ModelError::Negative`]), grams per
    /// portion for a pool not counted in portions ([`ModelError::PortionsOnly`]), an empty
    /// source ([`ModelError::NoSource`]).
    ///
    /// ```
    /// use calc_core::input::Field;
    /// use calc_core::{Lang, ModelError, OwnFigure, OwnQuantity, Tonnes, Year, demo};
    /// use rust_decimal_macros::dec;
    /// # fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    /// let scenario = demo::scenario()?;
    /// let pool = &scenario.items[0].measure().pool;
    /// let minus = Some(OwnQuantity::Tonnes(Tonnes::new(dec!(-2))));
    /// let refused = OwnFigure::new("9999".into(), pool, Year(2024), minus, None, " ").unwrap_err();
    /// assert_eq!(refused, vec![
    ///     (Field::Quantity, ModelError::Negative(dec!(-2))),
    ///     (Field::Source, ModelError::NoSource),
    /// ]);
    /// assert_eq!(refused[1].1.message(Lang::En), "the source is empty: say where the figures come from");
    /// # Ok(())
    /// # }
    /// ```
    pub fn new(
        municipality: ScbCode,
        pool: &Pool,
        year: Year,
        quantity: Option<OwnQuantity>,
        routes: Option<RouteMix>,
        source: impl Into<String>,
    ) -> Result<Self, Refusals> {
        let source = source.into();
        let mut refused = Vec::new();
        if let Some(q) = quantity {
            if q.value() < rust_decimal::Decimal::ZERO {
                refused.push((Field::Quantity, ModelError::Negative(q.value())));
            }
            if matches!(q, OwnQuantity::GramsPerPortion(_))
                && !matches!(pool.basis, QuantityBasis::PerPortion { .. })
            {
                refused.push((
                    Field::Quantity,
                    ModelError::PortionsOnly {
                        pool: pool.id.as_str().to_string(),
                    },
                ));
            }
        }
        if source.trim().is_empty() {
            refused.push((Field::Source, ModelError::NoSource));
        }
        if !refused.is_empty() {
            return Err(refused);
        }
        Ok(Self {
            municipality,
            pool: pool.id.clone(),
            year,
            quantity,
            routes,
            source: source.trim().to_string(),
            note: String::new(),
        })
    }
}

/// A set of own figures (the baseline file). Applied to pools and scenarios, they replace
/// the built-in quantity and route shares for their municipality × pool; everything else
/// keeps its defaults.
///
/// ```
/// use calc_core::{OwnFigure, OwnFigures, OwnQuantity, PoolId, ScbCode, Tonnes, Year, demo, evaluate};
/// use rust_decimal_macros::dec;
/// # fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
/// // The demo town measured 20 t of food waste (the default is 1 000 × 10 kg = 10 t).
/// let own = OwnFigures { rows: vec![OwnFigure {
///     municipality: ScbCode::from("9999"), pool: PoolId::from("food"), year: Year(2024),
///     quantity: Some(OwnQuantity::Tonnes(Tonnes::new(dec!(20)))), routes: None,
///     source: "Plockanalys 2024".into(), note: String::new(),
/// }]};
/// let scenario = own.apply(&demo::scenario()?);
/// let e = evaluate(&demo::table()?, &scenario)?;
/// // Twice the tonnes: prevention moves 10 t instead of 5 t.
/// assert_eq!(e.items[0].pool_tonnes_per_year, Tonnes::new(dec!(20)));
/// assert_eq!(e.items[0].summary.tonnes_shifted_per_year, Tonnes::new(dec!(10)));
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OwnFigures {
    /// The rows, at most one per municipality × pool.
    pub rows: Vec<OwnFigure>,
}

impl OwnFigures {
    /// No own figures.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The own figures of one municipality.
    pub fn for_municipality<'a>(
        &'a self,
        code: &'a ScbCode,
    ) -> impl Iterator<Item = &'a OwnFigure> + 'a {
        self.rows.iter().filter(move |r| &r.municipality == code)
    }

    /// The own figure for one municipality × pool, if any.
    #[must_use]
    pub fn get(&self, code: &ScbCode, pool: &PoolId) -> Option<&OwnFigure> {
        self.rows
            .iter()
            .find(|r| &r.municipality == code && &r.pool == pool)
    }

    /// The pool with these own figures laid over it: for each municipality with a row for
    /// this pool, a [`LocalBaseline`] with its quantity and route shares (the pool's own
    /// value where the row leaves one empty). A quantity in grams per portion applies only
    /// to a pool counted in portions; on another pool it is ignored (the reader refuses it).
    #[must_use]
    pub fn apply_to_pool(&self, pool: &Pool) -> Pool {
        let mut out = pool.clone();
        for row in self.rows.iter().filter(|r| r.pool == pool.id) {
            let quantity = match row.quantity {
                Some(OwnQuantity::Tonnes(t)) => Some(QuantityBasis::Tonnes { tonnes: t }),
                Some(OwnQuantity::KgPerInhabitant(kg)) => Some(QuantityBasis::PerInhabitant { kg }),
                Some(OwnQuantity::GramsPerPortion(grams)) => match pool.basis {
                    QuantityBasis::PerPortion {
                        portions_per_inhabitant,
                        ..
                    } => Some(QuantityBasis::PerPortion {
                        grams,
                        portions_per_inhabitant,
                    }),
                    _ => None,
                },
                None => None,
            };
            let baseline = row
                .routes
                .clone()
                .unwrap_or_else(|| pool.baseline_for(&row.municipality).clone());
            let quantity = quantity.or_else(|| {
                pool.local_baselines
                    .iter()
                    .find(|l| l.municipality == row.municipality)
                    .and_then(|l| l.quantity.clone())
            });
            out.local_baselines
                .retain(|l| l.municipality != row.municipality);
            out.local_baselines.push(LocalBaseline {
                municipality: row.municipality.clone(),
                baseline,
                quantity,
                source: SourceId(row.source.clone()),
                own_year: Some(row.year),
            });
        }
        out
    }

    /// Pools with these own figures laid over them (see [`OwnFigures::apply_to_pool`]);
    /// pools without own figures are shared, not copied.
    #[must_use]
    pub fn apply_to_pools(&self, pools: &[Arc<Pool>]) -> Vec<Arc<Pool>> {
        pools
            .iter()
            .map(|p| {
                if self.rows.iter().any(|r| r.pool == p.id) {
                    Arc::new(self.apply_to_pool(p))
                } else {
                    Arc::clone(p)
                }
            })
            .collect()
    }

    /// The scenario with these own figures: every item whose pool has own figures uses the
    /// pool with them, so the evaluation takes the municipality's quantity and route shares
    /// instead of the defaults.
    #[must_use]
    pub fn apply(&self, scenario: &Scenario) -> Scenario {
        // The scenario's own pools, once each by id: the baseline lays the figures over
        // them and moves the measures onto them (one rule, `Baseline::scenario`).
        let mut pools: Vec<Arc<Pool>> = Vec::new();
        for item in scenario.items.iter().chain(&scenario.reference) {
            let pool = &item.measure().pool;
            if !pools.iter().any(|p| p.id == pool.id) {
                pools.push(Arc::clone(pool));
            }
        }
        super::Baseline::new(&pools, self.clone()).scenario(scenario)
    }
}
