//! How the numbers are calculated, in Swedish and English (a summary of
//! `docs/method.sv.md` and `docs/method.en.md`).

use crate::hooks::use_app;
use crate::i18n::{K, KMethod, t};
use yew::prelude::*;

const RAMP: &str = "\
ramp(y) = 0                                    y < start
        = (y − start + 1) / (full − start + 1)   start ≤ y ≤ full
        = 1                                    y > full";

/// The method section, collapsed by default.
#[function_component]
pub fn MethodSection() -> Html {
    let Some((_, lang)) = use_app() else {
        return html! {};
    };
    let body = html! {
        <>
            <p>{ t(lang, KMethod::Intro) }</p>
            <h3>{ t(lang, KMethod::FormulasTitle) }</h3>
            <p>{ t(lang, KMethod::FormulasFor) }</p>
            <pre>{ t(lang, KMethod::Formulas) }</pre>
            <ul>
                <li><strong>{ t(lang, KMethod::Pool) }</strong>{ t(lang, KMethod::PoolText) }</li>
                <li><strong>{ t(lang, KMethod::Quantity) }</strong>{ t(lang, KMethod::QuantityText) }</li>
                <li><strong>{ t(lang, KMethod::Effect) }</strong>{ t(lang, KMethod::EffectText) }</li>
                <li><strong>{ t(lang, KMethod::Yield) }</strong>{ t(lang, KMethod::YieldText) }</li>
                <li><strong>{ t(lang, KMethod::Payers) }</strong>{ t(lang, KMethod::PayersText) }</li>
                <li><strong>{ t(lang, KMethod::Ef) }</strong>{ t(lang, KMethod::EfText) }</li>
                <li><strong>{ t(lang, KMethod::Cf) }</strong>{ t(lang, KMethod::CfText) }</li>
            </ul>
            <h3>{ t(lang, KMethod::RampTitle) }</h3>
            <p>{ t(lang, KMethod::RampText) }</p>
            <pre>{ RAMP }</pre>
            <h3>{ t(lang, KMethod::NpvTitle) }</h3>
            <p>{ t(lang, KMethod::NpvText) }</p>
            <h3>{ t(lang, KMethod::UncertaintyTitle) }</h3>
            <p>{ t(lang, KMethod::UncertaintyText) }</p>
            <h3>{ t(lang, KMethod::NotCountedTitle) }</h3>
            <p>{ t(lang, KMethod::NotCountedText) }</p>
        </>
    };
    html! {
        <section class="panel method" id="method" aria-labelledby="method-title">
            <details>
                <summary><h2 id="method-title">{ t(lang, K::Method) }</h2></summary>
                <div class="method-body" data-testid="method">{ body }</div>
            </details>
        </section>
    }
}
