//! Interface texts in Swedish (the default) and English.
//!
//! Every text the interface shows is a key in one of the tables below, each written once as
//! `Key => "svenska", "English";` through the `texts!` macro:
//!
//! - A text without values: `t(lang, K::Close)`.
//! - A text with values names them in braces, `"{n} åtgärder", "{n} measures"`, and is
//!   filled by name: `tf(lang, K::X, &[("n", &count)])`. Each value is written with its
//!   `Display`, so numbers are formatted (`format::number`, …) before they are passed. A test
//!   holds both languages of a text to the same names.
//!
//! The tables, by area of the page: `page.rs` ([`K`]: everything but the two below),
//! `targets.rs` ([`KTargets`]: "Mål och uppföljning") and `method.rs` ([`KMethod`]: the
//! method section). Names of calc-core's things (measures, routes, cases, units of the
//! organisation) come from their `name(lang)`, and the catalogue's own texts (descriptions,
//! goals, source notes) from the data, not from here. Outside this module a `match lang`
//! picks only what is not a text: number and money formats (`format.rs`), language codes.

use std::fmt::Display;

pub use calc_core::csvio::Lang;

/// A table of texts: a key enum `$name` whose keys give their Swedish and English text.
macro_rules! texts {
    ($(#[$doc:meta])* $name:ident; $($key:ident => $sv:expr, $en:expr;)*) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name {
            $(
                #[allow(missing_docs)]
                $key,
            )*
        }

        impl $name {
            /// Every key of the table.
            pub const ALL: &[Self] = &[$(Self::$key),*];
        }

        impl $crate::i18n::Text for $name {
            fn texts(self) -> [&'static str; 2] {
                match self {
                    $(Self::$key => [$sv, $en],)*
                }
            }
        }
    };
}

mod method;
mod page;
mod targets;

pub use method::KMethod;
pub use page::K;
pub use targets::KTargets;

/// A key of a text table.
pub trait Text: Copy {
    /// The Swedish and the English text.
    fn texts(self) -> [&'static str; 2];
}

/// The text in a language.
#[must_use]
pub fn t(lang: Lang, key: impl Text) -> &'static str {
    let [sv, en] = key.texts();
    match lang {
        Lang::Sv => sv,
        Lang::En => en,
    }
}

/// The text in a language with its `{name}`s filled from `args`; a name not in `args`
/// stays as written.
#[must_use]
pub fn tf(lang: Lang, key: impl Text, args: &[(&str, &dyn Display)]) -> String {
    fill(t(lang, key), args)
}

fn fill(text: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let Some((name, tail)) = after.split_once('}') else {
            out.push('{');
            rest = after;
            continue;
        };
        match args.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => out.push_str(&value.to_string()),
            None => {
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// The `{name}`s a text asks for, in order.
#[cfg(test)]
fn placeholders(text: &str) -> Vec<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_text() -> Vec<[&'static str; 2]> {
        let mut all: Vec<[&'static str; 2]> = K::ALL.iter().map(|k| k.texts()).collect();
        all.extend(KTargets::ALL.iter().map(|k| k.texts()));
        all.extend(KMethod::ALL.iter().map(|k| k.texts()));
        all
    }

    #[test]
    fn tf_fills_every_name_and_leaves_the_rest_of_the_text() {
        assert_eq!(
            tf(Lang::Sv, K::LinkCopied, &[("chars", &1234)]),
            "Länken är kopierad (1234 tecken)."
        );
        assert_eq!(
            tf(Lang::En, K::LinkCopied, &[("chars", &1234)]),
            "The link is copied (1234 characters)."
        );
        assert_eq!(
            fill("{a} och {b}, {a}", &[("b", &2), ("a", &"x")]),
            "x och 2, x"
        );
        assert_eq!(fill("{a} {saknas} {", &[("a", &1)]), "1 {saknas} {");
        assert_eq!(fill("inga namn", &[("a", &1)]), "inga namn");
    }

    #[test]
    fn both_languages_of_a_text_name_the_same_values() {
        for [sv, en] in every_text() {
            let mut a = placeholders(sv);
            let mut b = placeholders(en);
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b, "{sv} / {en}");
            for name in a {
                assert!(
                    !name.is_empty()
                        && name
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                    "{sv}: {{{name}}}"
                );
            }
        }
    }

    #[test]
    fn every_text_is_written_in_both_languages() {
        for [sv, en] in every_text() {
            assert!(!sv.is_empty() && !en.is_empty(), "{sv} / {en}");
        }
    }
}
