//! Things to check in the evaluation: measures that move nothing because their pool has
//! no tonnes in the routes they act on, and quantities larger than the pool holds. One line
//! per measure and kind, naming the municipalities.

use super::measure_name_by_id;
use crate::format;
use crate::hooks::use_eval;
use crate::i18n::{K, Lang, t, tf};
use crate::settings::catalogue;
use calc_core::{Evaluation, Route, ScbCode, Warning};
use yew::prelude::*;

fn municipality_name(code: &ScbCode) -> String {
    catalogue()
        .and_then(|c| c.municipality(code.as_str()))
        .map_or_else(|| code.0.clone(), |k| k.name.clone())
}

fn pool_name(measure: &str, lang: Lang) -> String {
    catalogue()
        .and_then(|c| c.measure(measure))
        .map_or_else(String::new, |m| m.pool.name(lang).to_lowercase())
}

fn routes_text(routes: &[Route], lang: Lang) -> String {
    let names: Vec<String> = routes.iter().map(|r| r.name(lang).to_lowercase()).collect();
    names.join(t(lang, K::Or))
}

/// The evaluation's warnings as sentences, one per measure and kind (in the order first
/// found), each naming the measure and the municipalities.
#[must_use]
pub fn warning_lines(e: &Evaluation, lang: Lang) -> Vec<String> {
    // (kind, measure, head text, municipality parts)
    let mut groups: Vec<(u8, String, String, Vec<String>)> = Vec::new();
    for w in &e.warnings {
        let (kind, measure, head, part) = match w {
            Warning::NoTonnesInRoutes {
                municipality,
                measure,
                routes,
                ..
            } => {
                let m = measure.as_str();
                let head = tf(
                    lang,
                    K::WarnNoTonnes,
                    &[
                        ("measure", &measure_name_by_id(m, lang)),
                        ("pool", &pool_name(m, lang)),
                        ("routes", &routes_text(routes, lang)),
                    ],
                );
                (0, m.to_string(), head, municipality_name(municipality))
            }
            Warning::QuantityExceedsPool {
                municipality,
                measure,
                quantity,
                available,
                ..
            } => {
                let m = measure.as_str();
                let head = tf(
                    lang,
                    K::WarnExceeds,
                    &[
                        ("measure", &measure_name_by_id(m, lang)),
                        ("pool", &pool_name(m, lang)),
                    ],
                );
                let part = tf(
                    lang,
                    K::WarnExceedsPart,
                    &[
                        ("municipality", &municipality_name(municipality)),
                        ("quantity", &format::number(quantity.value(), 1, lang)),
                        ("available", &format::number(available.value(), 1, lang)),
                    ],
                );
                (1, m.to_string(), head, part)
            }
            other => (2, String::new(), other.to_string(), String::new()),
        };
        match groups
            .iter_mut()
            .find(|g| g.0 == kind && g.1 == measure && g.2 == head)
        {
            Some(g) => {
                if !part.is_empty() {
                    g.3.push(part);
                }
            }
            None => groups.push((
                kind,
                measure,
                head,
                if part.is_empty() { vec![] } else { vec![part] },
            )),
        }
    }
    groups
        .into_iter()
        .map(|(kind, _, head, parts)| match kind {
            0 => tf(
                lang,
                K::WarnNoTonnesLine,
                &[("head", &head), ("places", &parts.join(", "))],
            ),
            1 => format!("{head} {}.", parts.join(", ")),
            _ => head,
        })
        .collect()
}

/// The warnings box (nothing when there are none).
#[function_component]
pub fn Warnings() -> Html {
    let Some((_, lang, e)) = use_eval() else {
        return html! {};
    };
    let e = e.as_ref();
    let lines = warning_lines(e, lang);
    if lines.is_empty() {
        return html! {};
    }
    html! {
        <div class="notice warnings no-print" role="status" data-testid="warnings">
            <strong>{ t(lang, K::Warnings) }</strong>
            <ul>{ for lines.iter().map(|w| html! { <li>{ w.clone() }</li> }) }</ul>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::{Settings, evaluate_settings};
    use rust_decimal::Decimal;

    #[test]
    fn a_quantity_above_the_pool_is_named_with_measure_and_municipality() {
        let cat = catalogue().unwrap();
        let mut s = Settings::defaults(cat);
        s.municipalities.retain(|c| c == "1490");
        let id = "food_households";
        let m = s.measures.iter_mut().find(|m| m.id == id).unwrap();
        m.quantity_t.insert("1490".into(), Decimal::from(1_000_000));
        let e = evaluate_settings(&s, cat).unwrap();
        assert!(!e.warnings.is_empty());
        let lines = warning_lines(&e, Lang::Sv);
        assert_eq!(lines.len(), 1, "{lines:?}");
        let line = &lines[0];
        assert!(line.contains("Minska hushållens matsvinn"), "{line}");
        assert!(line.contains("Borås"), "{line}");
        assert!(line.contains("1\u{a0}000\u{a0}000,0"), "{line}");
        let en = warning_lines(&e, Lang::En);
        assert!(en[0].contains("Reduce household food waste"), "{en:?}");
    }

    #[test]
    fn the_default_scenario_has_no_warnings() {
        let cat = catalogue().unwrap();
        let e = evaluate_settings(&Settings::defaults(cat), cat).unwrap();
        assert_eq!(warning_lines(&e, Lang::Sv), Vec::<String>::new());
    }
}
