//! The integer engine's layout of a figure's low, central and high values and of the
//! payers.

use crate::model::Payer;

/// Low, central and high, in that order.
pub(super) type Bands<T> = [T; 3];
pub(super) const LOW: usize = 0;
pub(super) const CENTRAL: usize = 1;
pub(super) const HIGH: usize = 2;
/// Number of payers.
pub(super) const PAYERS: usize = 3;

/// The index of a payer in [`Payer::ALL`].
pub(super) const fn payer_index(p: Payer) -> usize {
    match p {
        Payer::WasteFee => 0,
        Payer::MunicipalBudget => 1,
        Payer::Households => 2,
    }
}
