//! One measure: on/off, effect slider and number field, and its details.

use super::measure_name;
use crate::fields::{Field, field_total};
use crate::follow_up::OwnFigureInput;
use crate::format;
use crate::i18n::{K, Lang, t, tf};
use crate::settings::{MeasureSettings, YEAR_RANGE, catalogue};
use crate::state::{Action, AppState};
use calc_core::{Municipality, Pool};
use rust_decimal::Decimal;
use std::rc::Rc;
use std::sync::Arc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Properties of [`MeasureCard`]: everything it shows, so that Yew renders a card again
/// only when one of them changed (a slider moved on one card leaves the others as they
/// are, unless they share its pool).
#[derive(Properties, PartialEq, Debug)]
pub struct Props {
    /// Measure id.
    pub id: String,
    /// The first measure of the catalogue carries the `effect-slider` test id.
    pub is_first: bool,
    /// Interface language.
    pub lang: Lang,
    /// The measure as the planner set it.
    pub settings: MeasureSettings,
    /// The chosen municipalities.
    pub chosen: Rc<Vec<Arc<Municipality>>>,
    /// Tonnes per year the evaluation reaches for the measure in them (`None`: the
    /// evaluation failed).
    pub used_tonnes: Option<Decimal>,
    /// The pool the measure takes its tonnes from, with the own figures laid over it.
    pub pool: Arc<Pool>,
    /// The own-figure rows of that pool in the chosen municipalities.
    pub own_rows: Rc<Vec<OwnFigureInput>>,
    /// The app's dispatcher.
    pub dispatch: UseReducerDispatcher<AppState>,
}

fn input_text(e: &Event) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// The effect (percent) a box's text asks for, when it is one the calculation and the
/// slider (step 0.1) both can take: a number from 0 to 100 with at most one decimal.
/// `None` for anything else ("abc", empty, "100,5", "-5", "55,55"): the box is then marked
/// invalid and the calculation keeps the value it shows in the message.
#[must_use]
pub fn effect_from_text(text: &str) -> Option<rust_decimal::Decimal> {
    let v = format::parse_input(text)?;
    (v >= rust_decimal::Decimal::ZERO
        && v <= rust_decimal::Decimal::ONE_HUNDRED
        && v.normalize().scale() <= 1)
        .then(|| v.normalize())
}

/// A detail field's text as the value to use: `Ok(None)` for empty (the defaults),
/// `Ok(Some(v))` for a number of 0 or more, `Err(())` for anything else.
fn field_from_text(text: &str) -> Result<Option<rust_decimal::Decimal>, ()> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    match format::parse_input(text) {
        Some(v) if v >= rust_decimal::Decimal::ZERO => Ok(Some(v)),
        _ => Err(()),
    }
}

/// A measure in the list.
#[function_component]
pub fn MeasureCard(props: &Props) -> Html {
    // Text the planner typed that the calculation cannot use, kept on screen and marked
    // invalid (the effect box, and the detail fields by field) until it is corrected.
    // The box's text as typed, and whether the calculation can use it: kept so the box is
    // never rewritten under the typist ("55," is 55 and stays "55,"), and so text it cannot
    // use stays on screen, marked.
    let effect_draft = use_state_eq(|| None::<(String, bool)>);
    let field_drafts = use_state_eq(Vec::<(Field, String)>::new);
    let Some(cat) = catalogue() else {
        return html! {};
    };
    let Some(m) = cat.measure(&props.id) else {
        return html! {};
    };
    let (lang, s, chosen, pool) = (props.lang, &props.settings, &props.chosen, &props.pool);
    let id = props.id.clone();
    let name = measure_name(m, lang).to_string();
    let desc = match lang {
        Lang::Sv => m.description_sv.clone(),
        Lang::En => m.description_en.clone(),
    };
    let dispatch = {
        let d = props.dispatch.clone();
        move |a: Action| d.dispatch(a)
    };
    let on_toggle = {
        let d = dispatch.clone();
        let id = id.clone();
        Callback::from(move |_: Event| d(Action::ToggleMeasure(id.clone())))
    };
    // The slider and the number box set the same effect. Text the calculation cannot take
    // stays in the box, marked invalid; it never changes the effect.
    let on_effect = |from_box: bool| {
        let d = dispatch.clone();
        let id = id.clone();
        let draft = effect_draft.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            match effect_from_text(&v) {
                Some(p) => {
                    draft.set(from_box.then_some((v, true)));
                    d(Action::SetEffect(id.clone(), p));
                }
                None => draft.set(Some((v, false))),
            }
        })
    };
    let field_cb = |field: Field| {
        let d = dispatch.clone();
        let id = id.clone();
        let drafts = field_drafts.clone();
        Callback::from(move |e: Event| {
            let text = input_text(&e);
            let mut next: Vec<(Field, String)> = drafts
                .iter()
                .filter(|(f, _)| *f != field)
                .cloned()
                .collect();
            match field_from_text(&text) {
                Ok(v) => {
                    drafts.set(next);
                    d(Action::SetField(id.clone(), field, v));
                }
                Err(()) => {
                    next.push((field, text));
                    drafts.set(next);
                }
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
        let (effect_draft, field_drafts) = (effect_draft.clone(), field_drafts.clone());
        Callback::from(move |_: MouseEvent| {
            effect_draft.set(None);
            field_drafts.set(Vec::new());
            d(Action::ResetMeasure(id.clone()));
        })
    };

    // Step 0.1: the slider stands exactly where the box says (the box takes one decimal).
    let slider_value = s.effect_pct.round_dp(1).normalize().to_string();
    let slider_test = if props.is_first {
        "effect-slider".to_string()
    } else {
        format!("effect-slider-{id}")
    };
    let pct_text = format!("{}\u{a0}%", format::number(s.effect_pct, 1, lang));
    // Effects of their own per municipality (an imported scenario's): those that differ
    // from the slider's, in the municipalities' order, then the rest as one.
    let by_town = if s.effect_pct_by_municipality.is_empty() {
        String::new()
    } else {
        let own_effect = |code: &str| s.effect_pct_by_municipality.get(code).copied();
        let mut parts: Vec<String> = chosen
            .iter()
            .filter_map(|k| {
                let pct = own_effect(k.code.as_str())?;
                (pct != s.effect_pct)
                    .then(|| format!("{} {}\u{a0}%", k.name, format::number(pct, 1, lang)))
            })
            .collect();
        if !parts.is_empty() && parts.len() < chosen.len() {
            parts.push(format!(
                "{} {}\u{a0}%",
                t(lang, K::EffectOthers),
                format::number(s.effect_pct, 1, lang)
            ));
        }
        parts.join("; ")
    };
    // Tonnes per year the calculation reaches for this measure in the chosen municipalities
    // (calc-core caps a quantity at what the pool has in the routes the measure acts on).
    let used_tonnes = props.used_tonnes;
    let field = |f: Field, label: K, decimals: u32| {
        let (v, edited) = field_total(s, chosen, m, pool, f);
        let fid = format!("{id}-{f:?}").to_lowercase();
        let msg_id = format!("{fid}-msg");
        let draft = field_drafts
            .iter()
            .find(|(x, _)| *x == f)
            .map(|(_, t)| t.clone());
        let shown = format::input_value(v.round_dp(decimals), lang);
        let message = if draft.is_some() {
            format!("{} {shown}.", t(lang, K::FieldInvalid))
        } else {
            match used_tonnes {
                Some(used)
                    if f == Field::Quantity
                        && edited
                        && s.enabled
                        && used.round_dp(1) < v.round_dp(1) =>
                {
                    tf(
                        lang,
                        K::QuantityCappedAt,
                        &[("t", &format::number(used, 1, lang))],
                    )
                }
                _ => String::new(),
            }
        };
        html! {
            <div class="field">
                <label for={fid.clone()}>
                    { t(lang, label) }
                    if edited { <span class="badge">{ t(lang, K::Edited) }</span> }
                </label>
                <input id={fid.clone()} type="text" inputmode="decimal" autocomplete="off"
                    data-testid={fid.clone()}
                    value={draft.clone().unwrap_or(shown)}
                    aria-invalid={draft.is_some().then_some("true")}
                    aria-describedby={msg_id.clone()}
                    disabled={!s.enabled} onchange={field_cb(f)} />
                // Always in the page, so a screen reader announces the message once when it appears.
                <p id={msg_id} class={classes!("field-msg", draft.is_some().then_some("invalid"))}
                    aria-live="polite" data-testid={format!("{fid}-msg")}>{ message }</p>
            </div>
        }
    };
    let effect_invalid = matches!(&*effect_draft, Some((_, false)));
    // The typed text while it is what the calculation uses (or is refused), else the value.
    let effect_text = match &*effect_draft {
        Some((text, false)) => text.clone(),
        Some((text, true)) if effect_from_text(text) == Some(s.effect_pct.normalize()) => {
            text.clone()
        }
        _ => format::input_value(s.effect_pct, lang),
    };
    let effect_msg = if effect_invalid {
        // The value as the box writes it when it is valid ("25", "55,5").
        format!(
            "{} {}\u{a0}%.",
            t(lang, K::EffectInvalid),
            format::input_value(s.effect_pct, lang)
        )
    } else {
        String::new()
    };
    let (ymin, ymax) = (YEAR_RANGE.0.to_string(), YEAR_RANGE.1.to_string());
    // The other measures that share the pool.
    let pool_tonnes = chosen
        .iter()
        .filter_map(|k| pool.tonnes_for(&k.code, k.population))
        .fold(rust_decimal::Decimal::ZERO, |a, t| {
            a.saturating_add(t.value())
        });
    let own_rows: Vec<&OwnFigureInput> = props.own_rows.iter().collect();
    let sharing: Vec<&str> = cat
        .measures
        .iter()
        .filter(|o| o.pool.id == m.pool.id && o.id != m.id)
        .map(|o| measure_name(o, lang))
        .collect();
    let pool_line = format!(
        "{}: {} – {} {}{}",
        t(lang, K::PoolHint),
        m.pool.name(lang),
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
                    min="0" max="100" step="0.1" value={slider_value}
                    aria-label={format!("{}: {}", t(lang, K::Effect), name)}
                    aria-valuetext={pct_text} disabled={!s.enabled} oninput={on_effect(false)} />
                <span class="number-unit">
                    <input type="text" class="effect-number" id={format!("effn-{id}")}
                        data-testid={format!("effect-number-{id}")}
                        inputmode="decimal" autocomplete="off"
                        aria-label={format!("{}: {}", t(lang, K::EffectPct), name)}
                        value={effect_text}
                        aria-invalid={effect_invalid.then_some("true")}
                        aria-describedby={format!("effmsg-{id}")}
                        disabled={!s.enabled} oninput={on_effect(true)} />
                    <span aria-hidden="true">{ "%" }</span>
                </span>
            </div>
            <p id={format!("effmsg-{id}")} class={classes!("field-msg", effect_invalid.then_some("invalid"))}
                aria-live="polite" data-testid={format!("effect-msg-{id}")}>{ effect_msg }</p>
            if !by_town.is_empty() {
                <p class="hint" data-testid={format!("effect-by-municipality-{id}")}>
                    { format!("{} {}. {}", t(lang, K::EffectPerMunicipality), by_town, t(lang, K::EffectPerMunicipalityNote)) }
                </p>
            }
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
