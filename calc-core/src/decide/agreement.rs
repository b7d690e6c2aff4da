//! Whether the Monte Carlo band of each total figure holds the all-central result, and
//! why not where it does not.
//!
//! Every input's median is its central value, so a figure that depends on one input (or
//! on inputs whose ranges are balanced) has its median at the central result. A sum of
//! inputs whose ranges reach further on one side than on the other has its median off the
//! sum of the centrals, toward the long sides; a product of two uncertain inputs (an
//! effect times a factor) can move it too. When that takes the central result outside the
//! 25–75 % band, or makes a saving less likely than not where the central result is one,
//! the result says so and names the inputs that pull that way.

use super::LinearModel;
use super::monte_carlo::{Agreement, Disagreement, McFigure, McFigures, Percentiles};
use super::sensitivity::{InputSwing, Totals, municipality, one_at_a_time};
use crate::eval::CalcError;
use crate::model::{ByPayer, FactorId, Payer};
use crate::units::{KgCo2e, Sek};
use rust_decimal::Decimal;

/// How many inputs a [`Disagreement::Lopsided`] names at most.
const NAMED: usize = 5;

/// A figure's value from the totals.
fn value(figure: McFigure, t: &Totals) -> Option<Decimal> {
    match figure {
        McFigure::Co2e => Some(t.0),
        McFigure::Society => Payer::ALL
            .into_iter()
            .try_fold(Decimal::ZERO, |a, p| a.checked_add(*t.1.get(p))),
        McFigure::Municipality => municipality(&t.1),
        McFigure::Payer(p) => Some(*t.1.get(p)),
    }
}

fn band(figure: McFigure, f: &McFigures) -> (Percentiles<Decimal>, Decimal) {
    let sek = |p: &Percentiles<Sek>| Percentiles {
        p5: p.p5.value(),
        p25: p.p25.value(),
        p50: p.p50.value(),
        p75: p.p75.value(),
        p95: p.p95.value(),
    };
    let kg = |p: &Percentiles<KgCo2e>| Percentiles {
        p5: p.p5.value(),
        p25: p.p25.value(),
        p50: p.p50.value(),
        p75: p.p75.value(),
        p95: p.p95.value(),
    };
    let odds = &f.probability_saving;
    match figure {
        McFigure::Co2e => (kg(&f.co2e_saved_kg_cumulative), odds.co2e),
        McFigure::Society => (sek(&f.net_sek_saved_cumulative), odds.society),
        McFigure::Municipality => (
            sek(&f.net_sek_saved_cumulative_municipality),
            odds.municipality,
        ),
        McFigure::Payer(p) => (
            sek(f.net_sek_saved_cumulative_by_payer.get(p)),
            *odds.by_payer.get(p),
        ),
    }
}

/// The figures checked, in order.
pub(super) const FIGURES: [McFigure; 6] = [
    McFigure::Co2e,
    McFigure::Society,
    McFigure::Municipality,
    McFigure::Payer(Payer::WasteFee),
    McFigure::Payer(Payer::MunicipalBudget),
    McFigure::Payer(Payer::Households),
];

/// The agreement of each figure of the total with the all-central result (the model's
/// central evaluation, the plan's measures only: without what the law requires).
pub(super) fn check(model: &LinearModel, total: &McFigures) -> Result<Vec<Agreement>, CalcError> {
    let overflow = || CalcError::TotalOverflow;
    // The draws are the plan's measures; what the law requires is not drawn (it acts
    // first in every draw at its own share), so it is taken out of a total that includes it.
    let e = &model.central;
    let plan = |total: Decimal, law: Decimal| -> Option<Decimal> {
        if e.includes_required_by_law {
            total.checked_sub(law)
        } else {
            Some(total)
        }
    };
    let (t, law) = (&e.total, &e.required_by_law);
    let payer = |p: Payer| {
        plan(
            t.net_sek_saved_cumulative_by_payer.get(p).central.value(),
            law.net_sek_saved_cumulative_by_payer.get(p).central.value(),
        )
    };
    let by_payer: ByPayer<Decimal> = ByPayer {
        waste_fee: payer(Payer::WasteFee).ok_or_else(overflow)?,
        municipal_budget: payer(Payer::MunicipalBudget).ok_or_else(overflow)?,
        households: payer(Payer::Households).ok_or_else(overflow)?,
    };
    let co2e = plan(
        t.co2e_saved_kg_cumulative.central.value(),
        law.co2e_saved_kg_cumulative.central.value(),
    )
    .ok_or_else(overflow)?;
    let central: Totals = (co2e, by_payer);
    let mut swings: Option<Vec<InputSwing>> = None;
    let mut out = Vec::with_capacity(FIGURES.len());
    for figure in FIGURES {
        let c = value(figure, &central).ok_or_else(overflow)?;
        let (p, odds) = band(figure, total);
        // The draws are in fixed point (tonnes to 10⁻⁶ t, shares to 2⁻³²): a difference
        // below a millionth of the figure plus one kg or SEK is rounding, not a band.
        let tol = c
            .abs()
            .checked_div(Decimal::from(1_000_000))
            .and_then(|x| x.checked_add(Decimal::ONE))
            .ok_or_else(overflow)?;
        let central_in_iqr = p.p25.checked_sub(tol).is_some_and(|lo| lo <= c)
            && p.p75.checked_add(tol).is_some_and(|hi| c <= hi);
        let saving_at_least_even = c <= Decimal::ZERO || odds >= Decimal::new(5, 1);
        let reason = if central_in_iqr && saving_at_least_even {
            None
        } else {
            // The band lies below the central result when its median does (or when a
            // saving is less likely than the central result says).
            let below = p.p50 < c || (central_in_iqr && !saving_at_least_even);
            if swings.is_none() {
                swings = Some(one_at_a_time(model).ok_or_else(overflow)?.1);
            }
            Some(reason_for(
                figure,
                c,
                below,
                tol,
                swings.as_deref().unwrap_or(&[]),
            ))
        };
        out.push(Agreement {
            figure,
            central: c,
            central_in_iqr,
            saving_at_least_even,
            reason,
        });
    }
    Ok(out)
}

/// The inputs that pull the figure the way the band lies: pull = (at low − central) +
/// (at high − central), six times the shift of the mean a two-piece distribution gives a
/// figure linear in the input; a pull within `tol` (rounding) is none.
fn reason_for(
    figure: McFigure,
    c: Decimal,
    below: bool,
    tol: Decimal,
    swings: &[InputSwing],
) -> Disagreement {
    let mut pulls: Vec<(Decimal, &FactorId)> = swings
        .iter()
        .filter_map(|w| {
            let lo = value(figure, &w.at_low)?.checked_sub(c)?;
            let hi = value(figure, &w.at_high)?.checked_sub(c)?;
            let pull = lo.checked_add(hi)?;
            let toward = if below { pull < -tol } else { pull > tol };
            toward.then_some((pull.abs(), &w.id))
        })
        .collect();
    crate::sort::sort_by(&mut pulls, |a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    if pulls.is_empty() {
        Disagreement::Interaction { below }
    } else {
        Disagreement::Lopsided {
            below,
            inputs: pulls
                .into_iter()
                .take(NAMED)
                .map(|(_, id)| id.clone())
                .collect(),
        }
    }
}
