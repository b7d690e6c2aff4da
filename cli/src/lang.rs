//! Bilingual text, one style everywhere in the CLI: Swedish first, English second, next to
//! each other at the place the text is used.
//!
//! - `t(lang, sv, en)` picks one of two values: fixed text (`&'static str`), or a
//!   catalogue's own name pair (`&m.name_sv`, `&m.name_en`).
//! - `tf!(lang, "sv {x}", "en {x}", args…)` is `format!` with one format string per
//!   language, so each sentence stays whole in its language; both strings take the same
//!   arguments (positional `{0}` where a translation needs another order).

use calc_core::csvio::Lang;

/// The Swedish or the English value.
pub(crate) fn t<T>(lang: Lang, sv: T, en: T) -> T {
    match lang {
        Lang::Sv => sv,
        Lang::En => en,
    }
}

/// A row of column names, each given as (Swedish, English).
pub(crate) fn t_row(lang: Lang, names: &[(&str, &str)]) -> Vec<String> {
    names
        .iter()
        .map(|&(sv, en)| t(lang, sv, en).to_string())
        .collect()
}

/// `format!` with a Swedish and an English format string.
macro_rules! tf {
    ($lang:expr, $sv:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        match $lang {
            calc_core::csvio::Lang::Sv => format!($sv $(, $arg)*),
            calc_core::csvio::Lang::En => format!($en $(, $arg)*),
        }
    };
}
pub(crate) use tf;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t_and_tf_pick_the_language() {
        assert_eq!(t(Lang::Sv, "ja", "yes"), "ja");
        assert_eq!(t(Lang::En, "ja", "yes"), "yes");
        let n = 3;
        assert_eq!(
            tf!(Lang::Sv, "{n} fel i {}", "{n} problem(s) in {}", "a"),
            "3 fel i a"
        );
        assert_eq!(
            tf!(Lang::En, "{n} fel i {}", "{n} problem(s) in {}", "a"),
            "3 problem(s) in a"
        );
    }
}
