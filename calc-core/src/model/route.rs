//! Where waste goes: [`Route`] and [`RouteMix`].

use super::ModelError;
use crate::units::Share;
use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt;

/// Where waste goes, in waste-hierarchy order (most preferred first).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    /// The waste is never produced: avoided production.
    Prevention,
    /// Reuse of products (furniture, textiles, electronics).
    Reuse,
    /// Material recycling.
    Recycling,
    /// Anaerobic digestion to biogas and digestate.
    AnaerobicDigestion,
    /// Composting.
    Composting,
    /// Incineration with energy recovery.
    Incineration,
    /// Landfill.
    Landfill,
}

impl Route {
    /// Every route, in waste-hierarchy order.
    pub const ALL: [Route; 7] = [
        Route::Prevention,
        Route::Reuse,
        Route::Recycling,
        Route::AnaerobicDigestion,
        Route::Composting,
        Route::Incineration,
        Route::Landfill,
    ];

    /// Position in [`Route::ALL`] (0 = prevention … 6 = landfill).
    #[must_use]
    pub const fn index(self) -> usize {
        match self {
            Route::Prevention => 0,
            Route::Reuse => 1,
            Route::Recycling => 2,
            Route::AnaerobicDigestion => 3,
            Route::Composting => 4,
            Route::Incineration => 5,
            Route::Landfill => 6,
        }
    }

    /// The id used in data files and JSON.
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Route::Prevention => "prevention",
            Route::Reuse => "reuse",
            Route::Recycling => "recycling",
            Route::AnaerobicDigestion => "anaerobic_digestion",
            Route::Composting => "composting",
            Route::Incineration => "incineration",
            Route::Landfill => "landfill",
        }
    }

    /// The Swedish name.
    #[must_use]
    pub const fn name_sv(self) -> &'static str {
        match self {
            Route::Prevention => "Förebyggande",
            Route::Reuse => "Återanvändning",
            Route::Recycling => "Materialåtervinning",
            Route::AnaerobicDigestion => "Rötning (biogas)",
            Route::Composting => "Kompostering",
            Route::Incineration => "Energiåtervinning",
            Route::Landfill => "Deponi",
        }
    }

    /// The English name.
    #[must_use]
    pub const fn name_en(self) -> &'static str {
        match self {
            Route::Prevention => "Prevention",
            Route::Reuse => "Reuse",
            Route::Recycling => "Recycling",
            Route::AnaerobicDigestion => "Anaerobic digestion",
            Route::Composting => "Composting",
            Route::Incineration => "Incineration with energy recovery",
            Route::Landfill => "Landfill",
        }
    }

    /// The name in a language.
    #[must_use]
    pub const fn name(self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::Sv => self.name_sv(),
            crate::Lang::En => self.name_en(),
        }
    }

    /// Parses a route id (as in [`Route::id`]), ignoring letter case and surrounding space.
    #[must_use]
    pub fn from_id(text: &str) -> Option<Route> {
        let t = text.trim();
        Route::ALL
            .into_iter()
            .find(|r| r.id().eq_ignore_ascii_case(t))
    }
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Where a measure's waste goes: shares per route.
///
/// Invariant: no route twice, every share in 0–1, shares sum to exactly 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteMix(Vec<(Route, Share)>);

impl RouteMix {
    /// A validated mix, ordered by route.
    pub fn new(shares: impl IntoIterator<Item = (Route, Share)>) -> Result<Self, ModelError> {
        let mut v: Vec<(Route, Share)> = shares.into_iter().collect();
        crate::sort::sort_by_key(&mut v, |(r, _)| *r);
        if let Some(w) = v
            .windows(2)
            .find(|w| w.first().map(|a| a.0) == w.get(1).map(|b| b.0))
        {
            let route = w.first().map(|a| a.0).unwrap_or(Route::Landfill);
            return Err(ModelError::DuplicateRoute { route });
        }
        let sum = v
            .iter()
            .try_fold(Decimal::ZERO, |acc, (_, s)| acc.checked_add(s.value()))
            .ok_or(ModelError::MixSum { sum: Decimal::MAX })?;
        if sum != Decimal::ONE {
            return Err(ModelError::MixSum { sum });
        }
        Ok(Self(v))
    }

    /// A mix from shares in percent as a person or a file gives them (a baseline file's
    /// `*_pct` columns, the app's route fields): `None` when every share is zero or none is
    /// given (the built-in mix stays); zero shares are left out.
    ///
    /// # Errors
    /// Each share outside 0–100 % at its route ([`ModelError::ShareRange`]); otherwise a
    /// sum other than 100 % or a route given twice at [`Field::Routes`](super::Field::Routes).
    pub fn from_percent(
        percent: impl IntoIterator<Item = (Route, Decimal)>,
    ) -> Result<Option<Self>, super::Refusals> {
        use super::Field;
        let mut shares = Vec::new();
        let mut refused = Vec::new();
        for (route, pct) in percent {
            match Share::from_percent(pct).and_then(|s| Share::new(s.value().normalize())) {
                Ok(s) if s.value().is_zero() => {}
                Ok(s) => shares.push((route, s)),
                Err(_) => refused.push((Field::Route(route), ModelError::ShareRange(pct))),
            }
        }
        if !refused.is_empty() {
            return Err(refused);
        }
        if shares.is_empty() {
            return Ok(None);
        }
        Self::new(shares)
            .map(Some)
            .map_err(|e| vec![(Field::Routes, e)])
    }

    /// A mix that sends everything one route.
    #[must_use]
    pub fn single(route: Route) -> Self {
        Self(vec![(route, Share::ONE)])
    }

    /// The shares, ordered by route.
    #[must_use]
    pub fn shares(&self) -> &[(Route, Share)] {
        &self.0
    }

    /// The share of one route (zero when absent).
    #[must_use]
    pub fn share(&self, route: Route) -> Share {
        self.0
            .iter()
            .find(|(r, _)| *r == route)
            .map_or(Share::ZERO, |(_, s)| *s)
    }
}

impl TryFrom<Vec<(Route, Share)>> for RouteMix {
    type Error = ModelError;
    fn try_from(v: Vec<(Route, Share)>) -> Result<Self, Self::Error> {
        Self::new(v)
    }
}

impl From<RouteMix> for Vec<(Route, Share)> {
    fn from(m: RouteMix) -> Self {
        m.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn share(d: Decimal) -> Share {
        Share::new(d).unwrap()
    }

    #[test]
    fn mix_must_sum_to_one() {
        let err = RouteMix::new([
            (Route::Incineration, share(dec!(0.6))),
            (Route::AnaerobicDigestion, share(dec!(0.3))),
        ]);
        assert_eq!(
            err.unwrap_err().to_string(),
            "route shares sum to 90 %, not 100 %"
        );
    }

    #[test]
    fn mix_rejects_duplicate_route() {
        let err = RouteMix::new([
            (Route::Incineration, share(dec!(0.5))),
            (Route::Incineration, share(dec!(0.5))),
        ]);
        assert_eq!(
            err.unwrap_err().to_string(),
            "route incineration appears twice in one mix"
        );
    }

    #[test]
    fn mix_is_ordered_by_hierarchy() {
        let mix = RouteMix::new([
            (Route::Landfill, share(dec!(0.25))),
            (Route::Prevention, share(dec!(0.75))),
        ])
        .unwrap();
        assert_eq!(mix.shares().first().map(|s| s.0), Some(Route::Prevention));
        assert_eq!(mix.share(Route::Landfill), share(dec!(0.25)));
        assert_eq!(mix.share(Route::Reuse), Share::ZERO);
    }

    #[test]
    fn route_ids_round_trip() {
        for r in Route::ALL {
            assert_eq!(Route::from_id(r.id()), Some(r));
        }
        assert_eq!(
            Route::from_id(" Anaerobic_Digestion "),
            Some(Route::AnaerobicDigestion)
        );
        assert_eq!(Route::from_id("burning"), None);
    }
}
