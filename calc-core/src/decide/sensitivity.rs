//! One-at-a-time sensitivity (tornado data): each factor, yield, measure cost and effect.

use super::{FactorKind, LinearModel};
use crate::eval::CalcError;
use crate::model::{ByPayer, FactorId, Payer, Perspective};
use crate::units::{KgCo2e, Sek};
use rust_decimal::Decimal;

/// How far the scenario total moves when one input goes from its low to its high value,
/// all others central.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Swing<T> {
    /// The input: a factor, yield or measure cost id, or `effect.<measure>`.
    pub factor: FactorId,
    /// What kind of input it is.
    pub kind: FactorKind,
    /// The total with this input at its low value.
    pub at_low: T,
    /// The total with this input at its high value.
    pub at_high: T,
}

/// Tornado data: one-at-a-time swings, largest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sensitivity {
    /// Cumulative kg CO2e saved at central values.
    pub co2e_central: KgCo2e,
    /// The municipality's cumulative net SEK saved at central values.
    pub sek_central: Sek,
    /// Factors, yields and effects, by how much they move the cumulative CO2e (only those
    /// that move it).
    pub co2e: Vec<Swing<KgCo2e>>,
    /// Cost factors, yields, measure costs and effects, by how much they move the
    /// municipality's cumulative net SEK (only those that move it).
    pub sek: Vec<Swing<Sek>>,
}

/// Cumulative CO2e and net SEK per payer.
pub(super) type Totals = (Decimal, ByPayer<Decimal>);

/// One input at its low and at its high value, all others central.
pub(super) struct InputSwing {
    pub(super) id: FactorId,
    pub(super) kind: FactorKind,
    pub(super) at_low: Totals,
    pub(super) at_high: Totals,
}

/// The central totals and every input's swing (factors, yields and measure costs in the
/// model's order, then the effects), exact in decimals: the totals are linear in each
/// factor, yield and measure cost when the others are held, and an effect's ends run the
/// pools again ([`LinearModel::totals_with_effect`]).
pub(super) fn one_at_a_time(model: &LinearModel) -> Option<(Totals, Vec<InputSwing>)> {
    let central: Vec<Decimal> = model.factors.iter().map(|f| f.value.central()).collect();
    let base = model.totals_at(&central)?;
    let mut out = Vec::with_capacity(model.factors.len() + model.effects.len());
    let mut values = central.clone();
    for (i, f) in model.factors.iter().enumerate() {
        let mut at = |v: Decimal| -> Option<Totals> {
            *values.get_mut(i)? = v;
            let t = model.totals_at(&values)?;
            *values.get_mut(i)? = f.value.central();
            Some(t)
        };
        out.push(InputSwing {
            id: f.id.clone(),
            kind: f.kind,
            at_low: at(f.value.low())?,
            at_high: at(f.value.high())?,
        });
    }
    for e in &model.effects {
        out.push(InputSwing {
            id: e.id.clone(),
            kind: FactorKind::Effect,
            at_low: model.totals_with_effect(e.measure_index, |r| r.low(), &base)?,
            at_high: model.totals_with_effect(e.measure_index, |r| r.high(), &base)?,
        });
    }
    Some((base, out))
}

/// The municipality's SEK (waste fee and budget).
pub(super) fn municipality(s: &ByPayer<Decimal>) -> Option<Decimal> {
    Payer::ALL
        .into_iter()
        .filter(|p| Perspective::Municipality.includes(*p))
        .try_fold(Decimal::ZERO, |a, p| a.checked_add(*s.get(p)))
}

/// One-at-a-time sensitivity of the cumulative totals to each factor, yield, measure
/// cost and effect (exact, in decimals). An effect's swing is every item of the measure
/// at the low (high) end of its effect range, all other inputs central, with the pools
/// run again, so the measures after it on the same pools take what it leaves.
///
/// ```
/// use calc_core::{LinearModel, demo, sensitivity};
/// # fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
/// let model = LinearModel::new(&demo::table()?, &demo::scenario()?)?;
/// let s = sensitivity(&model)?;
/// // Prevention's emission factor (−2 500 to −1 500 kg/t on 5 t a year) swings the most.
/// assert_eq!(s.co2e[0].factor.as_str(), "ef.food.prevention");
/// assert!(s.co2e[0].at_low > s.co2e_central && s.co2e_central > s.co2e[0].at_high);
/// # Ok(())
/// # }
/// ```
pub fn sensitivity(model: &LinearModel) -> Result<Sensitivity, CalcError> {
    let overflow = || CalcError::TotalOverflow;
    let ((c0, s0), swings) = one_at_a_time(model).ok_or_else(overflow)?;
    let sek0 = municipality(&s0).ok_or_else(overflow)?;
    let mut co2e = Vec::new();
    let mut sek = Vec::new();
    for w in swings {
        let (cl, ch) = (w.at_low.0, w.at_high.0);
        let sl = municipality(&w.at_low.1).ok_or_else(overflow)?;
        let sh = municipality(&w.at_high.1).ok_or_else(overflow)?;
        if cl != c0 || ch != c0 {
            co2e.push(Swing {
                factor: w.id.clone(),
                kind: w.kind,
                at_low: KgCo2e::new(cl),
                at_high: KgCo2e::new(ch),
            });
        }
        if sl != sek0 || sh != sek0 {
            sek.push(Swing {
                factor: w.id,
                kind: w.kind,
                at_low: Sek::new(sl),
                at_high: Sek::new(sh),
            });
        }
    }
    let width = |a: Decimal, b: Decimal| a.checked_sub(b).map_or(Decimal::MAX, |d| d.abs());
    crate::sort::sort_by(&mut co2e, |x, y| {
        width(y.at_high.value(), y.at_low.value())
            .cmp(&width(x.at_high.value(), x.at_low.value()))
            .then_with(|| x.factor.cmp(&y.factor))
    });
    crate::sort::sort_by(&mut sek, |x, y| {
        width(y.at_high.value(), y.at_low.value())
            .cmp(&width(x.at_high.value(), x.at_low.value()))
            .then_with(|| x.factor.cmp(&y.factor))
    });
    Ok(Sensitivity {
        co2e_central: KgCo2e::new(c0),
        sek_central: Sek::new(sek0),
        co2e,
        sek,
    })
}
