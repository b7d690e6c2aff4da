//! On narrow screens the measures come first: a bar pinned to the bottom keeps the
//! headline totals in view while the planner moves sliders. On wide screens the same bar
//! appears once the totals cards have scrolled out of view (moving sliders far down the
//! list of measures).

use crate::format;
use crate::hooks::use_eval;
use crate::i18n::{K, t};
use yew::prelude::*;

/// The pinned totals bar (hidden on wide screens and on paper).
#[function_component]
pub fn StickyTotal() -> Html {
    let Some((store, lang, e)) = use_eval() else {
        return html! {};
    };
    let e = e.as_ref();
    let past_cards = use_state_eq(|| false);
    {
        let past_cards = past_cards.clone();
        use_effect_with((), move |()| {
            let listener = web_sys::window().map(|w| {
                gloo::events::EventListener::new(&w, "scroll", move |_| {
                    past_cards.set(cards_scrolled_past());
                })
            });
            move || drop(listener)
        });
    }
    if store.settings.municipalities.is_empty() {
        return html! {};
    }
    // A named landmark (all content sits in one), read like any other text: it used to be
    // aria-hidden with a focusable link inside, which a screen reader reaches without a name
    // (axe `aria-hidden-focus`).
    html! {
        <aside class={classes!("sticky-total", "no-print", past_cards.then_some("past-cards"))} data-testid="sticky-total" aria-label={t(lang, K::StickyTotals)}>
            <span>{ t(lang, K::TotalCo2eYear) }{ ": " }
                <strong>{ format::tonnes_co2e(e.total.co2e_saved_kg_per_year.central, lang) }</strong>{ " " }{ t(lang, K::PerYear) }</span>
            // The two payers each with its own figure (the waste fee is a separately
            // financed collective), not only their net.
            <span data-testid="sticky-payers">
                { for [
                    (calc_core::Perspective::WasteFee, K::PayerWasteFee),
                    (calc_core::Perspective::MunicipalBudget, K::PayerBudget),
                ].iter().map(|(p, label)| html! { <>
                    <span class="sticky-payer">{ t(lang, *label) }{ ": " }
                        <strong>{ format::sek_short(e.total.net_sek_per_year(*p).unwrap_or_default().central, lang) }</strong>
                        { " " }{ t(lang, K::PerYearUnit) }</span>{ " " }
                </> }) }
            </span>
            <a href="#results">{ t(lang, K::Results) }<span aria-hidden="true">{ " ↓" }</span></a>
        </aside>
    }
}

/// True when the totals cards are above the top of the window.
fn cards_scrolled_past() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".cards").ok().flatten())
        .is_some_and(|el| el.get_bounding_client_rect().bottom() < 0.0)
}
