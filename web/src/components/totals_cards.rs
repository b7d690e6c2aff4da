//! The four headline figures, each with its low–high range.

use super::Store;
use crate::format;
use crate::i18n::{K, Lang, t};
use calc_core::{Band, KgCo2e, Sek};
use yew::prelude::*;

fn range_co2e(b: &Band<KgCo2e>, lang: Lang) -> String {
    format!(
        "{}–{}",
        format::tonnes_co2e(b.low, lang),
        format::tonnes_co2e(b.high, lang)
    )
}

fn range_sek(b: &Band<Sek>, lang: Lang) -> String {
    format!(
        "{} – {}",
        format::sek_short(b.low, lang),
        format::sek_short(b.high, lang)
    )
}

/// Properties of one card.
#[derive(Properties, PartialEq)]
struct CardProps {
    title: AttrValue,
    note: AttrValue,
    value: AttrValue,
    unit: AttrValue,
    range: AttrValue,
    range_label: AttrValue,
    test_id: AttrValue,
    #[prop_or_default]
    primary: bool,
}

#[function_component]
fn Card(p: &CardProps) -> Html {
    html! {
        <div class={classes!("card", p.primary.then_some("card-primary"))}>
            <h3 class="card-title">{ p.title.clone() }</h3>
            <p class="card-value">
                <span class="value" data-testid={p.test_id.clone()}>{ p.value.clone() }</span>
                <span class="unit">{ p.unit.clone() }</span>
            </p>
            <p class="card-range">
                <span class="range-label">{ p.range_label.clone() }{ ": " }</span>
                <span data-testid={format!("{}-range", p.test_id)}>{ p.range.clone() }</span>
            </p>
            <p class="card-note">{ p.note.clone() }</p>
        </div>
    }
}

/// Totals cards: t CO2e per year, cumulative t CO2e, net SEK per year, net present value.
#[function_component]
pub fn TotalsCards() -> Html {
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let lang = store.lang;
    let e = match store.eval.as_ref() {
        Ok(e) => e,
        Err(msg) => {
            return html! {
                <div class="alert" role="alert">{ format!("{} {msg}", t(lang, K::CalcError)) }</div>
            };
        }
    };
    let s = &e.total;
    let period = format!("{}–{}", e.period.start(), e.period.end());
    let rate = format::number(e.discount_rate.percent(), 1, lang);
    let range = t(lang, K::Range);
    html! {
        <div class="cards" aria-live="polite">
            <Card primary=true title={t(lang, K::TotalCo2eYear)} note={t(lang, K::AtFullEffect)}
                value={format::tonnes_co2e(s.co2e_saved_kg_per_year.central, lang)}
                unit={t(lang, K::PerYear)} range_label={range}
                range={range_co2e(&s.co2e_saved_kg_per_year, lang)} test_id="total-co2e" />
            <Card title={format!("{} {period}", t(lang, K::TotalCo2eCum))} note={match lang { Lang::Sv => "summa över planperioden, med upptrappning", Lang::En => "sum over the plan period, with ramp-up" }}
                value={format::tonnes_co2e(s.co2e_saved_kg_cumulative.central, lang)}
                unit={t(lang, K::TCo2e)} range_label={range}
                range={range_co2e(&s.co2e_saved_kg_cumulative, lang)} test_id="total-co2e-cumulative" />
            <Card title={t(lang, K::TotalSek)} note={t(lang, K::AfterCosts)}
                value={format::sek_short(s.net_sek_saved_per_year.central, lang)}
                unit={match lang { Lang::Sv => "per år", Lang::En => "per year" }} range_label={range}
                range={range_sek(&s.net_sek_saved_per_year, lang)} test_id="total-sek" />
            <Card title={t(lang, K::TotalNpv)} note={format!("{period}, {} {rate} %", t(lang, K::DiscountRate))}
                value={format::sek_short(s.net_present_value_sek.central, lang)}
                unit="" range_label={range}
                range={range_sek(&s.net_present_value_sek, lang)} test_id="total-npv" />
        </div>
    }
}
