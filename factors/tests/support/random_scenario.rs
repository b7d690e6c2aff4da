//! Seeded random variations of the default Sjuhärad scenario (no dependencies, same
//! scenarios on every platform): items dropped, effects, years, quantities, costs, period,
//! discount rate and factor overrides changed.

use calc_core::{
    Estimate, FactorOverride, ItemOverrides, KgCo2ePerTonne, PlanPeriod, Route, Scenario, Sek,
    SekPerTonne, Share, Tonnes, Year,
};
use factors::Catalogue;
use rust_decimal::Decimal;

/// A small xorshift generator: enough to vary scenarios, and fixed for a seed.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub(crate) fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    /// A decimal with `scale` decimals in `0..=max` (in units of the last decimal).
    pub(crate) fn dec(&mut self, max: u64, scale: u32) -> Decimal {
        Decimal::new(i64::try_from(self.below(max + 1)).unwrap_or(0), scale)
    }
}

/// The default scenario, varied by `seed`.
pub(crate) fn random_scenario(cat: &Catalogue, seed: u64) -> Scenario {
    let mut rng = Rng::new(seed);
    let base = cat.default_scenario();
    let start = base.period.start().get();
    let end = start + 2 + u16::try_from(rng.below(12)).unwrap_or(0);
    let period = PlanPeriod::new(Year(start), Year(end)).unwrap();
    let rate = Share::new(rng.dec(80, 3)).unwrap();
    let mut s = Scenario::new(format!("random {seed}"), period, rate);
    let keep = 1 + rng.below(10);
    for item in &base.items {
        if rng.below(10) >= keep {
            continue;
        }
        let mut o = ItemOverrides::default();
        if rng.below(4) > 0 {
            o.effect = Some(Share::new(rng.dec(1000, 3)).unwrap());
        }
        if rng.below(3) == 0 {
            let first = start + u16::try_from(rng.below(u64::from(end - start + 1))).unwrap_or(0);
            o.start_year = Some(Year(first));
            o.full_effect_year = Some(Year(first + u16::try_from(rng.below(7)).unwrap_or(0)));
        }
        if rng.below(6) == 0 {
            o.quantity = Some(Tonnes::new(rng.dec(500_000, 2)));
        }
        if rng.below(6) == 0 {
            o.implementation_cost = Some(Sek::new(rng.dec(9_000_000, 0)));
        }
        if rng.below(6) == 0 {
            o.running_cost = Some(Sek::new(rng.dec(2_000_000, 1)));
        }
        let built = o.build(
            item.measure_arc().clone(),
            item.municipality_arc().clone(),
            period,
        );
        if let Ok(i) = built {
            s.items.push(i);
        }
    }
    if rng.below(3) == 0
        && let Some(item) = base
            .items
            .get(usize::try_from(rng.below(base.items.len() as u64)).unwrap_or(0))
    {
        let m = item.measure();
        let route = m.acts_on.first().copied().unwrap_or(Route::Incineration);
        let lo = rng.dec(50_000, 1) - Decimal::from(3000);
        let ef = Estimate::new(
            KgCo2ePerTonne::new(lo),
            KgCo2ePerTonne::new(lo + rng.dec(5000, 2)),
            KgCo2ePerTonne::new(lo + Decimal::from(600)),
        );
        let c = rng.dec(30_000, 0);
        s.factor_overrides.push(FactorOverride {
            fraction: m.fraction.clone(),
            route,
            emission: ef.ok(),
            cost: Estimate::new(
                SekPerTonne::new(c),
                SekPerTonne::new(c + Decimal::from(1)),
                SekPerTonne::new(c + Decimal::from(2)),
            )
            .ok(),
            yield_share: None,
        });
    }
    s
}
