//! One measure: on/off, effect slider and number field, and its details.

use super::measure_name;
use crate::fields::{Field, field_total};
use crate::format;
use crate::hooks::use_app_cat;
use crate::i18n::{K, Lang, t};
use crate::settings::YEAR_RANGE;
use crate::state::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Properties of [`MeasureCard`].
#[derive(Properties, PartialEq, Debug)]
pub struct Props {
    /// Measure id.
    pub id: String,
    /// The first measure of the catalogue carries the `effect-slider` test id.
    pub is_first: bool,
}

fn input_text(e: &Event) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// A measure in the list.
#[function_component]
pub fn MeasureCard(props: &Props) -> Html {
    let Some((store, lang, cat)) = use_app_cat() else {
        return html! {};
    };
    let (Some(m), Some(s)) = (cat.measure(&props.id), store.settings.measure(&props.id)) else {
        return html! {};
    };
    let id = props.id.clone();
    let name = measure_name(m, lang).to_string();
    let desc = match lang {
        Lang::Sv => m.description_sv.clone(),
        Lang::En => m.description_en.clone(),
    };
    let dispatch = {
        let store = store.clone();
        move |a: Action| store.dispatch(a)
    };
    let on_toggle = {
        let d = dispatch.clone();
        let id = id.clone();
        Callback::from(move |_: Event| d(Action::ToggleMeasure(id.clone())))
    };
    // The slider and the number box set the same effect: one callback for both.
    let on_effect = {
        let d = dispatch.clone();
        let id = id.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Some(p) = format::parse_input(&v) {
                d(Action::SetEffect(id.clone(), p));
            }
        })
    };
    let field_cb = |field: Field| {
        let d = dispatch.clone();
        let id = id.clone();
        Callback::from(move |e: Event| {
            let text = input_text(&e);
            let v = if text.trim().is_empty() {
                None
            } else {
                format::parse_input(&text)
            };
            if v.is_some() || text.trim().is_empty() {
                d(Action::SetField(id.clone(), field, v));
            }
        })
    };
    let year_cb = |full: bool| {
        let d = dispatch.clone();
        let id = id.clone();
        Callback::from(move |e: Event| {
            if let Ok(y) = input_text(&e).trim().parse::<u16>() {
                d(if full {
                    Action::SetFullEffectYear(id.clone(), y)
                } else {
                    Action::SetStartYear(id.clone(), y)
                });
            }
        })
    };
    let on_reset = {
        let d = dispatch.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| d(Action::ResetMeasure(id.clone())))
    };

    let slider_value = s.effect_pct.round().to_string();
    let slider_test = if props.is_first {
        "effect-slider".to_string()
    } else {
        format!("effect-slider-{id}")
    };
    let pct_text = format!("{}\u{a0}%", format::number(s.effect_pct, 1, lang));
    let field = |f: Field, label: K, decimals: u32| {
        let (v, edited) = field_total(&store.settings, cat, &id, f);
        let fid = format!("{id}-{f:?}").to_lowercase();
        html! {
            <div class="field">
                <label for={fid.clone()}>
                    { t(lang, label) }
                    if edited { <span class="badge">{ t(lang, K::Edited) }</span> }
                </label>
                <input id={fid} type="text" inputmode="decimal" autocomplete="off"
                    value={format::input_value(v.round_dp(decimals), lang)}
                    disabled={!s.enabled} onchange={field_cb(f)} />
            </div>
        }
    };
    let (ymin, ymax) = (YEAR_RANGE.0.to_string(), YEAR_RANGE.1.to_string());
    // The pool the measure takes its tonnes from, and the other measures that share it.
    // With the municipalities' own figures, as the evaluation uses the pool.
    let pool = crate::fields::pool_for(&store.settings, cat, m);
    let chosen = store.settings.chosen(cat);
    let pool_tonnes = chosen
        .iter()
        .filter_map(|k| pool.tonnes_for(&k.code, k.population))
        .fold(rust_decimal::Decimal::ZERO, |a, t| {
            a.saturating_add(t.value())
        });
    let own_rows: Vec<&crate::follow_up::OwnRow> = store
        .settings
        .follow_up
        .own
        .iter()
        .filter(|o| {
            o.pool == m.pool.id.as_str() && chosen.iter().any(|k| k.code.as_str() == o.municipality)
        })
        .collect();
    let sharing: Vec<&str> = cat
        .measures
        .iter()
        .filter(|o| o.pool.id == m.pool.id && o.id != m.id)
        .map(|o| measure_name(o, lang))
        .collect();
    let pool_line = format!(
        "{}: {} – {} {}{}",
        t(lang, K::PoolHint),
        match lang {
            Lang::Sv => &m.pool.name_sv,
            Lang::En => &m.pool.name_en,
        },
        format::number(pool_tonnes, 0, lang),
        t(lang, K::PoolTonnes),
        if sharing.is_empty() {
            String::new()
        } else {
            format!(
                "; {} {}",
                t(lang, K::PoolSharedWith).to_lowercase(),
                sharing.join(", ")
            )
        }
    );
    html! {
        <li class={classes!("measure", (!s.enabled).then_some("off"))}>
            <div class="measure-head">
                <input type="checkbox" class="toggle" id={format!("on-{id}")}
                    data-testid={format!("measure-toggle-{id}")}
                    checked={s.enabled} onchange={on_toggle} />
                <label for={format!("on-{id}")} class="measure-name">{ name.clone() }</label>
            </div>
            <p class="measure-desc">{ desc }</p>
            <div class="effect-row">
                <label for={format!("eff-{id}")} class="effect-label">{ t(lang, K::Effect) }</label>
                <input type="range" id={format!("eff-{id}")} data-testid={slider_test}
                    min="0" max="100" step="1" value={slider_value}
                    aria-label={format!("{}: {}", t(lang, K::Effect), name)}
                    aria-valuetext={pct_text} disabled={!s.enabled} oninput={on_effect.clone()} />
                <span class="number-unit">
                    <input type="text" class="effect-number" id={format!("effn-{id}")}
                        data-testid={format!("effect-number-{id}")}
                        inputmode="decimal" autocomplete="off"
                        aria-label={format!("{}: {}", t(lang, K::EffectPct), name)}
                        value={format::input_value(s.effect_pct, lang)}
                        disabled={!s.enabled} oninput={on_effect} />
                    <span aria-hidden="true">{ "%" }</span>
                </span>
            </div>
            <details class="measure-details">
                <summary>{ t(lang, K::Details) }</summary>
                <div class="details-grid">
                    { field(Field::Quantity, K::Quantity, 1) }
                    <div class="field">
                        <label for={format!("{id}-start")}>{ t(lang, K::StartYear) }</label>
                        <input id={format!("{id}-start")} type="number" min={ymin.clone()} max={ymax.clone()} step="1"
                            value={s.start_year.to_string()} disabled={!s.enabled} onchange={year_cb(false)} />
                    </div>
                    <div class="field">
                        <label for={format!("{id}-full")}>{ t(lang, K::FullYear) }</label>
                        <input id={format!("{id}-full")} type="number" min={s.start_year.to_string()} max={ymax} step="1"
                            value={s.full_effect_year.to_string()} disabled={!s.enabled} onchange={year_cb(true)} />
                    </div>
                    { field(Field::ImplementationCost, K::ImplCost, 0) }
                    { field(Field::RunningCost, K::RunCost, 0) }
                </div>
                <p class="hint">{ t(lang, K::SumChosen) }</p>
                <p class="hint pool-hint" data-testid={format!("pool-line-{id}")}>{ pool_line }</p>
                { super::own_figures_note(&own_rows, true, lang) }
                <button type="button" class="button-link" onclick={on_reset}>{ t(lang, K::ResetMeasure) }</button>
            </details>
        </li>
    }
}
