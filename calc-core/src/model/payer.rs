//! Who pays or saves: [`Payer`], [`ByPayer`] and [`Perspective`].

use serde::Serialize;
use std::fmt;

/// Who saves (or pays) a krona: the waste fee collective, the municipality's tax-funded
/// budget, or the residents themselves.
///
/// A Swedish municipality cannot move money freely between the self-financing waste fee
/// collective (avfallstaxan) and its tax-funded operations, and a household's food is not
/// the municipality's money, so every SEK result is split by payer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Payer {
    /// The waste fee collective: treatment, collection and taxes paid through the waste fee.
    WasteFee,
    /// The municipality's own purchases and operations (kitchens, furniture, renovations).
    MunicipalBudget,
    /// Residents' own money (food and clothes they do not buy).
    Households,
}

impl Payer {
    /// Every payer, in output order.
    pub const ALL: [Payer; 3] = [Payer::WasteFee, Payer::MunicipalBudget, Payer::Households];

    /// The id used in data files and JSON.
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Payer::WasteFee => "waste_fee",
            Payer::MunicipalBudget => "municipal_budget",
            Payer::Households => "households",
        }
    }

    /// Parses a payer id, ignoring letter case and surrounding space.
    #[must_use]
    pub fn from_id(text: &str) -> Option<Payer> {
        let t = text.trim();
        Payer::ALL
            .into_iter()
            .find(|p| p.id().eq_ignore_ascii_case(t))
    }

    /// Whether the municipality (waste fee collective or tax-funded budget) pays.
    #[must_use]
    pub const fn is_municipal(self) -> bool {
        matches!(self, Payer::WasteFee | Payer::MunicipalBudget)
    }
}

impl fmt::Display for Payer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// One value per [`Payer`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub struct ByPayer<T> {
    /// The waste fee collective.
    pub waste_fee: T,
    /// The municipality's tax-funded budget.
    pub municipal_budget: T,
    /// Residents.
    pub households: T,
}

impl<T> ByPayer<T> {
    /// The value for one payer.
    pub fn get(&self, payer: Payer) -> &T {
        match payer {
            Payer::WasteFee => &self.waste_fee,
            Payer::MunicipalBudget => &self.municipal_budget,
            Payer::Households => &self.households,
        }
    }

    /// The value for one payer, mutable.
    pub fn get_mut(&mut self, payer: Payer) -> &mut T {
        match payer {
            Payer::WasteFee => &mut self.waste_fee,
            Payer::MunicipalBudget => &mut self.municipal_budget,
            Payer::Households => &mut self.households,
        }
    }

    /// Applies `f` to each payer's value, or `None` if any call gives `None`.
    pub fn try_map<U>(&self, mut f: impl FnMut(&T) -> Option<U>) -> Option<ByPayer<U>> {
        Some(ByPayer {
            waste_fee: f(&self.waste_fee)?,
            municipal_budget: f(&self.municipal_budget)?,
            households: f(&self.households)?,
        })
    }

    /// Combines two per-payer values payer by payer, or `None` if any call gives `None`.
    pub fn try_zip<U, V>(
        &self,
        other: &ByPayer<U>,
        mut f: impl FnMut(&T, &U) -> Option<V>,
    ) -> Option<ByPayer<V>> {
        Some(ByPayer {
            waste_fee: f(&self.waste_fee, &other.waste_fee)?,
            municipal_budget: f(&self.municipal_budget, &other.municipal_budget)?,
            households: f(&self.households, &other.households)?,
        })
    }
}

/// Whose money a SEK figure counts: one payer, the municipality (waste fee + budget), or
/// society (all three).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Perspective {
    /// The waste fee collective and the municipality's budget together (the default).
    #[default]
    Municipality,
    /// Everyone: waste fee, municipal budget and households.
    Society,
    /// The waste fee collective only.
    WasteFee,
    /// The municipality's tax-funded budget only.
    MunicipalBudget,
    /// Residents only.
    Households,
}

impl Perspective {
    /// Every perspective, in output order.
    pub const ALL: [Perspective; 5] = [
        Perspective::Municipality,
        Perspective::Society,
        Perspective::WasteFee,
        Perspective::MunicipalBudget,
        Perspective::Households,
    ];

    /// Whether a payer's money counts from this perspective.
    #[must_use]
    pub const fn includes(self, payer: Payer) -> bool {
        match self {
            Perspective::Municipality => payer.is_municipal(),
            Perspective::Society => true,
            Perspective::WasteFee => matches!(payer, Payer::WasteFee),
            Perspective::MunicipalBudget => matches!(payer, Payer::MunicipalBudget),
            Perspective::Households => matches!(payer, Payer::Households),
        }
    }

    /// The id used on the command line and in JSON.
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Perspective::Municipality => "municipality",
            Perspective::Society => "society",
            Perspective::WasteFee => "waste_fee",
            Perspective::MunicipalBudget => "municipal_budget",
            Perspective::Households => "households",
        }
    }

    /// Parses a perspective id, ignoring letter case and surrounding space.
    #[must_use]
    pub fn from_id(text: &str) -> Option<Perspective> {
        let t = text.trim();
        Perspective::ALL
            .into_iter()
            .find(|p| p.id().eq_ignore_ascii_case(t))
    }
}
