//! Small hand-written factor tables and measures for tests.
#![allow(
    dead_code,
    unreachable_pub,
    clippy::unwrap_used,
    clippy::too_many_arguments
)]

use calc_core::*;
use rust_decimal::Decimal;
use std::sync::Arc;

pub fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

pub fn share(s: &str) -> Share {
    Share::new(d(s)).unwrap()
}

pub fn info() -> FactorSetInfo {
    FactorSetInfo {
        id: "test".into(),
        name: "Test set".into(),
        version: "1".into(),
        year: Some(Year(2025)),
        price_year: None,
    }
}

/// Adds an emission and a cost factor with (low, central, high) each.
pub fn add(table: &mut FactorTable, fraction: &str, route: Route, ef: [&str; 3], cf: [&str; 3]) {
    let f = FractionId::from(fraction);
    table
        .insert_emission(EmissionFactor {
            id: emission_factor_id(&f, route),
            fraction: f.clone(),
            route,
            value: Estimate::new(
                KgCo2ePerTonne::new(d(ef[0])),
                KgCo2ePerTonne::new(d(ef[1])),
                KgCo2ePerTonne::new(d(ef[2])),
            )
            .unwrap(),
            gwp: "AR5".into(),
            displacement: None,
            source: SourceId::from("test_source"),
            locator: String::new(),
            note: String::new(),
        })
        .unwrap();
    table
        .insert_cost(CostFactor {
            id: cost_factor_id(&f, route),
            fraction: f.clone(),
            route,
            value: Estimate::new(
                SekPerTonne::new(d(cf[0])),
                SekPerTonne::new(d(cf[1])),
                SekPerTonne::new(d(cf[2])),
            )
            .unwrap(),
            price_year: Some(Year(2025)),
            nominal: None,
            source: SourceId::from("test_source"),
            locator: String::new(),
            note: String::new(),
        })
        .unwrap();
}

/// Food: incineration, anaerobic digestion, prevention. Textiles: incineration, reuse.
pub fn table() -> FactorTable {
    let mut t = FactorTable::new(info());
    add(
        &mut t,
        "food",
        Route::Incineration,
        ["-100", "-50", "0"],
        ["800", "900", "1000"],
    );
    add(
        &mut t,
        "food",
        Route::AnaerobicDigestion,
        ["-150", "-100", "-50"],
        ["500", "600", "700"],
    );
    add(
        &mut t,
        "food",
        Route::Prevention,
        ["-2500", "-2000", "-1500"],
        ["-30000", "-20000", "-10000"],
    );
    add(
        &mut t,
        "textiles",
        Route::Incineration,
        ["1000", "1500", "2000"],
        ["800", "900", "1000"],
    );
    add(
        &mut t,
        "textiles",
        Route::Reuse,
        ["-12000", "-9000", "-6000"],
        ["-5000", "-2000", "0"],
    );
    t
}

pub fn measure(
    id: &str,
    fraction: &str,
    kg_per_inhabitant: &str,
    baseline: RouteMix,
    target: RouteMix,
    effect: &str,
    ramp_years: u16,
    implementation_per_inh: &str,
    running_per_inh: &str,
) -> Arc<Measure> {
    let mid = MeasureId::from(id);
    let acts_on: Vec<Route> = baseline.shares().iter().map(|(r, _)| *r).collect();
    let pool = Arc::new(Pool::own(
        &mid,
        FractionId::from(fraction),
        QuantityBasis::PerInhabitant {
            kg: KgPerInhabitant::new(d(kg_per_inhabitant)).unwrap(),
        },
        baseline,
    ));
    Arc::new(Measure {
        id: mid,
        area: "food".into(),
        name_sv: id.into(),
        name_en: id.into(),
        description_sv: String::new(),
        description_en: String::new(),
        fraction: FractionId::from(fraction),
        pool,
        acts_on,
        basis: None,
        stage: stage(&target),
        target,
        effects: calc_core::Effects::point(share(effect)),
        kind: calc_core::MeasureKind::Plan,
        ramp_years,
        implementation_cost: Estimate::exact(SekPerInhabitant::new(d(implementation_per_inh))),
        running_cost: Estimate::exact(SekPerInhabitant::new(d(running_per_inh))),
        cost_payer: Payer::MunicipalBudget,
        savings_payer: Payer::MunicipalBudget,
        cost_source: None,
        sources: vec![SourceId::from("test_source")],
    })
}

/// A pool of `kg_per_inhabitant` with a baseline distribution.
pub fn pool(id: &str, fraction: &str, kg_per_inhabitant: &str, baseline: RouteMix) -> Arc<Pool> {
    Arc::new(Pool {
        id: PoolId::from(id),
        fraction: FractionId::from(fraction),
        name_sv: id.into(),
        name_en: id.into(),
        basis: QuantityBasis::PerInhabitant {
            kg: KgPerInhabitant::new(d(kg_per_inhabitant)).unwrap(),
        },
        baseline,
        local_baselines: Vec::new(),
        sources: vec![SourceId::from("test_source")],
    })
}

/// A food pool of `kg_per_inhabitant`, 60 % incinerated and 40 % digested today (the
/// national split the tests start from).
pub fn food_pool(id: &str, kg_per_inhabitant: &str) -> Arc<Pool> {
    pool(
        id,
        "food",
        kg_per_inhabitant,
        RouteMix::new([
            (Route::Incineration, share("0.6")),
            (Route::AnaerobicDigestion, share("0.4")),
        ])
        .unwrap(),
    )
}

/// A measure on a shared pool: moves `effect` of what is left in `acts_on` to `target`.
pub fn pooled(
    id: &str,
    pool: &Arc<Pool>,
    acts_on: &[Route],
    target: RouteMix,
    effect: &str,
) -> Arc<Measure> {
    Arc::new(Measure {
        id: MeasureId::from(id),
        area: "test".into(),
        name_sv: id.into(),
        name_en: id.into(),
        description_sv: String::new(),
        description_en: String::new(),
        fraction: pool.fraction.clone(),
        pool: Arc::clone(pool),
        acts_on: acts_on.to_vec(),
        basis: None,
        stage: stage(&target),
        target,
        effects: calc_core::Effects::point(share(effect)),
        kind: calc_core::MeasureKind::Plan,
        ramp_years: 0,
        implementation_cost: Estimate::exact(SekPerInhabitant::ZERO),
        running_cost: Estimate::exact(SekPerInhabitant::ZERO),
        cost_payer: Payer::MunicipalBudget,
        savings_payer: Payer::MunicipalBudget,
        cost_source: None,
        sources: vec![SourceId::from("test_source")],
    })
}

/// Food prevention: 10 kg/inh, 60 % incinerated + 40 % digested today, 50 % effect,
/// full effect after 3 years, 2 SEK/inh once and 1 SEK/inh/yr.
pub fn food_prevention() -> Arc<Measure> {
    measure(
        "food_prevention",
        "food",
        "10",
        RouteMix::new([
            (Route::Incineration, share("0.6")),
            (Route::AnaerobicDigestion, share("0.4")),
        ])
        .unwrap(),
        RouteMix::single(Route::Prevention),
        "0.5",
        3,
        "2",
        "1",
    )
}

/// Textile reuse: 5 kg/inh from incineration to reuse, 20 % effect, at once.
pub fn textile_reuse() -> Arc<Measure> {
    measure(
        "textile_reuse",
        "textiles",
        "5",
        RouteMix::single(Route::Incineration),
        RouteMix::single(Route::Reuse),
        "0.2",
        0,
        "0",
        "3",
    )
}

pub fn town(code: &str, population: u32) -> Arc<Municipality> {
    Arc::new(Municipality {
        code: ScbCode::from(code),
        name: format!("Town {code}"),
        population,
        population_date: "2024-12-31".into(),
        source: SourceId::from("test_source"),
    })
}

pub fn scenario(first: u16, last: u16, rate: &str) -> Scenario {
    Scenario::new(
        "test",
        PlanPeriod::new(Year(first), Year(last)).unwrap(),
        share(rate),
    )
}

/// Every route but composting, in hierarchy order.
pub const ROUTES: [Route; 6] = [
    Route::Prevention,
    Route::Reuse,
    Route::Recycling,
    Route::AnaerobicDigestion,
    Route::Incineration,
    Route::Landfill,
];
