//! The baseline a target is followed against: the catalogue's pools with the
//! municipalities' own figures laid over them.

use super::OwnFigures;
use crate::model::{Measure, Pool, PoolId};
use crate::scenario::{Scenario, ScenarioItem};
use std::borrow::Cow;
use std::sync::Arc;

/// Where each municipality's waste is and goes before any measure: the catalogue's pools
/// with the municipalities' own figures ([`OwnFigures`]) laid over them, built once.
///
/// [`progress()`](super::progress()) and [`close_gap`](super::close_gap) count a target's
/// tonnes in these pools, and the scenario's measures take their tonnes from the same
/// pools: both lay the baseline over the scenario they are given
/// ([`Baseline::scenario`]), so a scenario built without the own figures, or with other
/// ones, gives the same result as the one built with them. The invariant: every measure of
/// the scenario whose pool is one of the baseline's (by id) takes its tonnes from the
/// baseline's pool. A measure on a pool the baseline does not have keeps its own pool.
///
/// ```
/// use calc_core::{Baseline, OwnFigure, OwnFigures, OwnQuantity, PoolId, ScbCode, Tonnes, Year, demo};
/// use rust_decimal_macros::dec;
/// use std::sync::Arc;
/// # fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
/// let bare = demo::scenario()?;
/// let pools = vec![Arc::clone(&bare.items[0].measure().pool)];
/// // The demo town measured 20 t of food waste (the default is 1 000 × 10 kg = 10 t).
/// let own = OwnFigures { rows: vec![OwnFigure {
///     municipality: ScbCode::from("9999"), pool: PoolId::from("food"), year: Year(2024),
///     quantity: Some(OwnQuantity::Tonnes(Tonnes::new(dec!(20)))), routes: None,
///     source: "Plockanalys 2024".into(), note: String::new(),
/// }]};
/// let baseline = Baseline::new(&pools, own);
/// let scenario = baseline.scenario(&bare);
/// assert_eq!(scenario.items[0].pool_tonnes(), Some(Tonnes::new(dec!(20))));
/// // The measures take their tonnes from the baseline's pool itself.
/// assert!(Arc::ptr_eq(&scenario.items[1].measure().pool, &baseline.pools()[0]));
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Baseline {
    /// The pools with the own figures laid over them (the given `Arc` where none applies).
    pools: Vec<Arc<Pool>>,
    /// The own figures.
    own: OwnFigures,
}

impl Baseline {
    /// The baseline of `pools` (all the pools a target may count: the catalogue's) with
    /// `own` laid over them ([`OwnFigures::apply_to_pools`]). Own figures for a pool that is
    /// not among `pools` are kept (they are still listed) but change no pool.
    #[must_use]
    pub fn new(pools: &[Arc<Pool>], own: OwnFigures) -> Self {
        Self {
            pools: own.apply_to_pools(pools),
            own,
        }
    }

    /// The pools with the own figures laid over them, in the order given to
    /// [`Baseline::new`].
    #[must_use]
    pub fn pools(&self) -> &[Arc<Pool>] {
        &self.pools
    }

    /// The pool with id `id`, if the baseline has it.
    #[must_use]
    pub fn pool(&self, id: &PoolId) -> Option<&Arc<Pool>> {
        self.pools.iter().find(|p| &p.id == id)
    }

    /// The own figures.
    #[must_use]
    pub fn own(&self) -> &OwnFigures {
        &self.own
    }

    /// `scenario` on this baseline: every item (and every legal duty of the reference
    /// path) whose pool is one of the baseline's takes its tonnes from the baseline's pool,
    /// so the scenario has the own figures. Evaluate this scenario to get the figures the
    /// baseline's [`progress()`](super::progress()) projects.
    #[must_use]
    pub fn scenario(&self, scenario: &Scenario) -> Scenario {
        self.lay_over(scenario).into_owned()
    }

    /// `scenario` on this baseline, borrowed when it is already (every item's pool is the
    /// baseline's own `Arc`, as [`Baseline::scenario`] makes it).
    pub(crate) fn lay_over<'s>(&self, scenario: &'s Scenario) -> Cow<'s, Scenario> {
        let on_it = |item: &ScenarioItem| {
            let pool = &item.measure().pool;
            self.pool(&pool.id).is_none_or(|p| Arc::ptr_eq(p, pool))
        };
        if scenario.items.iter().chain(&scenario.reference).all(on_it) {
            return Cow::Borrowed(scenario);
        }
        let mut moved: Vec<(*const Measure, Arc<Measure>)> = Vec::new();
        let mut out = scenario.clone();
        for item in out.items.iter_mut().chain(out.reference.iter_mut()) {
            if on_it(item) {
                continue;
            }
            let key: *const Measure = item.measure();
            let measure = match moved.iter().find(|(k, _)| *k == key) {
                Some((_, m)) => Arc::clone(m),
                None => {
                    let mut m = Measure::clone(item.measure());
                    if let Some(p) = self.pool(&m.pool.id) {
                        m.pool = Arc::clone(p);
                    }
                    let m = Arc::new(m);
                    moved.push((key, Arc::clone(&m)));
                    m
                }
            };
            item.set_measure(measure);
        }
        Cow::Owned(out)
    }
}
