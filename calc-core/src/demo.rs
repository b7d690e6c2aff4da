//! A small made-up scenario for the documentation's examples: one town of 1 000
//! inhabitants, a food waste pool of 10 kg per inhabitant that is incinerated today, and
//! two measures on it (prevention, then separate collection to anaerobic digestion).
//! Not data: the numbers are chosen to be easy to check by hand.

use crate::model::{
    CostFactor, EmissionFactor, Estimate, FactorSetInfo, FactorTable, FractionId, Measure,
    MeasureId, Municipality, Payer, Pool, PoolId, QuantityBasis, Route, RouteMix, ScbCode,
    SourceId, cost_factor_id, emission_factor_id,
};
use crate::scenario::{PlanPeriod, Scenario, ScenarioItem};
use crate::units::{KgCo2ePerTonne, KgPerInhabitant, SekPerInhabitant, SekPerTonne, Share, Year};
use rust_decimal::Decimal;
use std::sync::Arc;

/// Any of the constructors' errors.
pub type DemoError = Box<dyn std::error::Error + Send + Sync>;

fn d(units: i64, scale: u32) -> Decimal {
    Decimal::new(units, scale)
}

/// Factors for food waste: incineration, prevention and anaerobic digestion, with ranges.
///
/// # Errors
/// Never in practice; the constructors' checks are passed through.
pub fn table() -> Result<FactorTable, DemoError> {
    let food = FractionId::from("food");
    let mut table = FactorTable::new(FactorSetInfo {
        id: "demo".into(),
        name: "Demo".into(),
        version: "1".into(),
        year: Some(Year(2025)),
        price_year: None,
    });
    for (route, ef, cf) in [
        (Route::Incineration, [-80, -50, -20], [800, 900, 1000]),
        (Route::Prevention, [-2500, -2000, -1500], [0, 0, 0]),
        (
            Route::AnaerobicDigestion,
            [-150, -100, -50],
            [400, 500, 600],
        ),
    ] {
        let [el, ec, eh] = ef;
        let [cl, cc, ch] = cf;
        table.insert_emission(EmissionFactor {
            id: emission_factor_id(&food, route),
            fraction: food.clone(),
            route,
            value: Estimate::new(
                KgCo2ePerTonne::new(d(el, 0)),
                KgCo2ePerTonne::new(d(ec, 0)),
                KgCo2ePerTonne::new(d(eh, 0)),
            )?,
            gwp: "AR5".into(),
            displacement: None,
            source: SourceId::from("demo"),
            locator: String::new(),
            note: String::new(),
        })?;
        table.insert_cost(CostFactor {
            id: cost_factor_id(&food, route),
            fraction: food.clone(),
            route,
            value: Estimate::new(
                SekPerTonne::new(d(cl, 0)),
                SekPerTonne::new(d(cc, 0)),
                SekPerTonne::new(d(ch, 0)),
            )?,
            price_year: Some(Year(2025)),
            nominal: None,
            source: SourceId::from("demo"),
            locator: String::new(),
            note: String::new(),
        })?;
    }
    Ok(table)
}

/// The demo town: 1 000 inhabitants.
#[must_use]
pub fn town() -> Arc<Municipality> {
    Arc::new(Municipality {
        code: ScbCode::from("9999"),
        name: "Demo".into(),
        population: 1000,
        population_date: "2024-12-31".into(),
        source: SourceId::from("demo"),
    })
}

/// The demo measures: `less_food_waste` (half of the food waste prevented, paid by the
/// municipal budget, 2–6 SEK per inhabitant and year) and `food_collection` (40 % of what
/// is left collected for digestion, paid by the waste fee, 10–20 SEK per inhabitant once).
///
/// # Errors
/// Never in practice; the constructors' checks are passed through.
pub fn measures() -> Result<Vec<Arc<Measure>>, DemoError> {
    let food = FractionId::from("food");
    let pool = Arc::new(Pool {
        id: PoolId::from("food"),
        fraction: food.clone(),
        name_sv: "Matavfall".into(),
        name_en: "Food waste".into(),
        basis: QuantityBasis::PerInhabitant {
            kg: KgPerInhabitant::new(d(10, 0))?,
        },
        baseline: RouteMix::single(Route::Incineration),
        local_baselines: vec![],
        sources: vec![],
    });
    let per_inh = |l: i64, c: i64, h: i64| {
        Estimate::new(
            SekPerInhabitant::new(d(l, 0)),
            SekPerInhabitant::new(d(c, 0)),
            SekPerInhabitant::new(d(h, 0)),
        )
    };
    let measure = |id: &str, target: Route, effect: Decimal| -> Result<Measure, DemoError> {
        Ok(Measure {
            id: MeasureId::from(id),
            area: "food".into(),
            name_sv: id.into(),
            name_en: id.into(),
            description_sv: String::new(),
            description_en: String::new(),
            fraction: food.clone(),
            pool: pool.clone(),
            acts_on: vec![Route::Incineration],
            basis: None,
            target: RouteMix::single(target),
            stage: target,
            effects: crate::Effects::point(Share::new(effect)?),
            kind: crate::MeasureKind::Plan,
            ramp_years: 0,
            implementation_cost: per_inh(0, 0, 0)?,
            running_cost: per_inh(0, 0, 0)?,
            cost_payer: Payer::MunicipalBudget,
            savings_payer: Payer::WasteFee,
            cost_source: None,
            sources: vec![],
        })
    };
    let prevention = Measure {
        running_cost: per_inh(2, 4, 6)?,
        ..measure("less_food_waste", Route::Prevention, d(5, 1))?
    };
    let collection = Measure {
        implementation_cost: per_inh(10, 15, 20)?,
        cost_payer: Payer::WasteFee,
        ..measure("food_collection", Route::AnaerobicDigestion, d(4, 1))?
    };
    Ok(vec![Arc::new(prevention), Arc::new(collection)])
}

/// Both measures in the demo town at their default effects, 2025–2030, discounted at 3.5 %.
///
/// # Errors
/// Never in practice; the constructors' checks are passed through.
pub fn scenario() -> Result<Scenario, DemoError> {
    let period = PlanPeriod::new(Year(2025), Year(2030))?;
    let mut s = Scenario::new("demo", period, Share::new(d(35, 3))?);
    for m in measures()? {
        s.items.push(ScenarioItem::new(m, town(), Year(2025)));
    }
    Ok(s)
}
