//! The catalogue's measures, grouped by goal area, and the plan's goal areas that have no
//! measures to calculate (littering, planning space for waste), with why.

use super::area_name;
use super::measure_card::MeasureCard;
use crate::follow_up::OwnFigureInput;
use crate::hooks::use_app_cat;
use crate::i18n::{K, t};
use crate::state::Action;
use rust_decimal::Decimal;
use std::rc::Rc;
use std::sync::Arc;
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
    // What each card shows, worked out here so that Yew renders only the cards whose
    // props changed.
    let chosen = Rc::new(store.settings.chosen(cat));
    let card = |m: &Arc<calc_core::Measure>| -> Html {
        let Some(settings) = store.settings.measure(m.id.as_str()).cloned() else {
            return html! {};
        };
        let used_tonnes = store.eval.as_ref().ok().map(|e| {
            e.items
                .iter()
                .filter(|i| i.measure == m.id)
                .fold(Decimal::ZERO, |a, i| {
                    a.saturating_add(i.affected_tonnes_per_year.value())
                })
        });
        let pool = store
            .derived
            .as_ref()
            .map_or_else(|| Arc::clone(&m.pool), |d| d.pool_for(m));
        let own_rows: Vec<OwnFigureInput> = store
            .settings
            .follow_up
            .own
            .iter()
            .filter(|o| {
                o.pool == m.pool.id.as_str()
                    && chosen.iter().any(|k| k.code.as_str() == o.municipality)
            })
            .cloned()
            .collect();
        let is_first = first.as_deref() == Some(m.id.as_str());
        html! {
            <MeasureCard key={m.id.0.clone()} id={m.id.0.clone()} {is_first} {lang} {settings}
                chosen={Rc::clone(&chosen)} {used_tonnes} {pool} own_rows={Rc::new(own_rows)}
                dispatch={store.dispatcher()} />
        }
    };
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
                        { for cat.measures.iter().filter(|m| m.area == a.id).map(card) }
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
