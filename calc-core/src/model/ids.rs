//! Id types: one newtype over `String` per kind of id.

use serde::Serialize;
use std::fmt;

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The id as text.
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_string())
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }
    };
}

id_type!(
    /// Id of a waste fraction, e.g. `food` or `textiles`.
    FractionId
);
id_type!(
    /// Id of a source in `sources.csv`, e.g. `skv_deponiskatt_2025`.
    SourceId
);
id_type!(
    /// Id of one factor, e.g. `ef.food.incineration` or `cf.food.incineration`.
    FactorId
);
id_type!(
    /// Id of a measure in the catalogue, e.g. `food_waste_schools`.
    MeasureId
);
id_type!(
    /// Four-digit SCB municipality code, e.g. `1490` for Borås.
    ScbCode
);
id_type!(
    /// Id of a pool of waste: one fraction from one kind of source, e.g. `household_food`.
    PoolId
);
