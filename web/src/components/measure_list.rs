//! The catalogue's measures, grouped by goal area, and the plan's goal areas that have no
//! measures to calculate (littering, planning space for waste), with why.

use super::area_name;
use super::measure_card::MeasureCard;
use crate::hooks::use_app_cat;
use crate::i18n::{K, t};
use crate::state::Action;
use yew::prelude::*;

/// Every measure, grouped by the waste plan's goal areas, with a reset button.
#[function_component]
pub fn MeasureList() -> Html {
    let Some((store, lang, cat)) = use_app_cat() else {
        return html! {};
    };
    let reset = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::ResetAll))
    };
    let first = cat.measures.first().map(|m| m.id.0.clone());
    let without: Vec<&factors::Area> = cat
        .areas
        .iter()
        .filter(|a| !cat.measures.iter().any(|m| m.area == a.id))
        .collect();
    html! {
        <section class="panel measures" aria-labelledby="measures-title">
            <div class="panel-head">
                <h2 id="measures-title">{ t(lang, K::Measures) }</h2>
                <button type="button" class="button-secondary small" onclick={reset}>
                    { t(lang, K::ResetAll) }
                </button>
            </div>
            <p class="hint">{ t(lang, K::MeasuresHelp) }</p>
            { for cat.areas.iter().filter(|a| cat.measures.iter().any(|m| m.area == a.id)).map(|a| html! {
                <section class="area" key={a.id.clone()} aria-label={area_name(&a.id, lang)}>
                    <h3 class={classes!("area-title", format!("area-{}", a.id))}>{ area_name(&a.id, lang) }</h3>
                    <ul class="measure-list">
                        { for cat.measures.iter().filter(|m| m.area == a.id).map(|m| {
                            let is_first = first.as_deref() == Some(m.id.as_str());
                            html! { <MeasureCard key={m.id.0.clone()} id={m.id.0.clone()} {is_first} /> }
                        }) }
                    </ul>
                </section>
            }) }
            if !without.is_empty() {
                <div class="areas-nocalc" data-testid="areas-without-calc">
                    { for without.iter().map(|a| {
                        let title_id = format!("area-title-{}", a.id);
                        html! {
                            <section class="area" key={a.id.clone()} aria-labelledby={title_id.clone()} data-testid={format!("area-{}", a.id)}>
                                <h3 id={title_id} class={classes!("area-title", format!("area-{}", a.id))}>{ area_name(&a.id, lang) }</h3>
                                <p class="area-nocalc"><span class="area-tag">{ t(lang, K::AreaNoCalcTag) }</span></p>
                            </section>
                        }
                    }) }
                    <p class="hint area-nocalc-why" data-testid="areas-without-calc-why">{ t(lang, K::AreaNoCalc) }</p>
                </div>
            }
        </section>
    }
}
