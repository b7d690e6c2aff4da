//! One-at-a-time sensitivity (tornado data).

use super::LinearModel;
use crate::eval::CalcError;
use crate::model::{ByPayer, FactorId, Payer, Perspective};
use crate::units::{KgCo2e, Sek};
use rust_decimal::Decimal;

/// How far the scenario total moves when one factor goes from its low to its high value,
/// all others central.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Swing<T> {
    /// The factor.
    pub factor: FactorId,
    /// The total with this factor at its low value.
    pub at_low: T,
    /// The total with this factor at its high value.
    pub at_high: T,
}

/// Tornado data: one-at-a-time swings, largest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sensitivity {
    /// Cumulative kg CO2e saved at central values.
    pub co2e_central: KgCo2e,
    /// The municipality's cumulative net SEK saved at central values.
    pub sek_central: Sek,
    /// Factors and yields, by how much they move the cumulative CO2e (only those that move it).
    pub co2e: Vec<Swing<KgCo2e>>,
    /// Cost factors, yields and measure costs, by how much they move the municipality's
    /// cumulative net SEK (only those that move it).
    pub sek: Vec<Swing<Sek>>,
}

/// One-at-a-time sensitivity of the cumulative totals to each factor, yield and measure
/// cost (exact, in decimals: the model is linear in each of them when the others are held).
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
    let central: Vec<Decimal> = model.factors.iter().map(|f| f.value.central()).collect();
    let (c0, s0) = model.totals_at(&central).ok_or(CalcError::TotalOverflow)?;
    let muni = |s: &ByPayer<Decimal>| -> Option<Decimal> {
        Payer::ALL
            .into_iter()
            .filter(|p| Perspective::Municipality.includes(*p))
            .try_fold(Decimal::ZERO, |a, p| a.checked_add(*s.get(p)))
    };
    let sek0 = muni(&s0).ok_or(CalcError::TotalOverflow)?;
    let mut co2e = Vec::new();
    let mut sek = Vec::new();
    let mut values = central.clone();
    for (i, f) in model.factors.iter().enumerate() {
        let mut at = |v: Decimal| -> Option<(Decimal, Decimal)> {
            *values.get_mut(i)? = v;
            let (c, s) = model.totals_at(&values)?;
            *values.get_mut(i)? = f.value.central();
            Some((c, muni(&s)?))
        };
        let (cl, sl) = at(f.value.low()).ok_or(CalcError::TotalOverflow)?;
        let (ch, sh) = at(f.value.high()).ok_or(CalcError::TotalOverflow)?;
        if cl != c0 || ch != c0 {
            co2e.push(Swing {
                factor: f.id.clone(),
                at_low: KgCo2e::new(cl),
                at_high: KgCo2e::new(ch),
            });
        }
        if sl != sek0 || sh != sek0 {
            sek.push(Swing {
                factor: f.id.clone(),
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
