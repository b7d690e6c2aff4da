//! An evaluation's figures per inhabitant, to compare municipalities of different size.

use crate::eval::Evaluation;
use crate::model::{Municipality, ScbCode};
use std::sync::Arc;

/// A municipality's figures per inhabitant and year at full effect (central values), so
/// municipalities of different size can be compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PerInhabitant {
    /// The municipality.
    pub municipality: ScbCode,
    /// Its figures per inhabitant ([`crate::Summary::per_inhabitant`]).
    pub figures: crate::eval::PerInhabitantFigures,
}

/// The evaluation's per-municipality figures per inhabitant (municipalities without
/// inhabitants or without measures are left out).
///
/// ```
/// use calc_core::{demo, evaluate, per_inhabitant};
/// use rust_decimal_macros::dec;
/// # fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
/// let e = evaluate(&demo::table()?, &demo::scenario()?)?;
/// let p = &per_inhabitant(&e, &[demo::town()])[0];
/// // 7 t moved and 9 850 kg CO2e saved by 1 000 inhabitants.
/// assert_eq!((p.figures.kg_moved, p.figures.kg_co2e_saved), (dec!(7), dec!(9.85)));
/// # Ok(())
/// # }
/// ```
#[must_use]
pub fn per_inhabitant(
    evaluation: &Evaluation,
    municipalities: &[Arc<Municipality>],
) -> Vec<PerInhabitant> {
    let mut out = Vec::new();
    for g in &evaluation.by_municipality {
        let Some(k) = municipalities.iter().find(|k| k.code == g.key) else {
            continue;
        };
        if let Some(figures) = g.summary.per_inhabitant(k.population) {
            out.push(PerInhabitant {
                municipality: k.code.clone(),
                figures,
            });
        }
    }
    out
}
