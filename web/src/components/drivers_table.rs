//! What drives the result: each factor's, pool quantity's and measure cost's share of the
//! scenario's CO2e and of the municipality's net SEK over the plan period, largest first,
//! with its source. Computed off the input path with the Monte Carlo bands' debounce and
//! linear model.

use super::factor_name;
use super::scroll_box::ScrollBox;
use crate::decide::{contributions_for, use_analysis};
use crate::format;
use crate::hooks::use_app;
use crate::i18n::{K, Lang, t};
use crate::settings::catalogue;
use calc_core::{Contribution, ContributionKind, KgCo2e, Sek, SourceKind};
use rust_decimal::Decimal;
use yew::prelude::*;

/// Rows shown in the table (the rest are summed in the footer).
pub const DRIVER_ROWS: usize = 15;

/// A readable name for a contribution's id: factors and measure costs as in the tornado,
/// `pool.<id>` as the pool's name.
fn input_name(id: &str, lang: Lang) -> String {
    if let Some(pool) = id.strip_prefix("pool.") {
        return catalogue()
            .and_then(|c| c.pools.iter().find(|p| p.id.as_str() == pool))
            .map_or_else(|| pool.replace('_', " "), |p| p.name(lang).to_string());
    }
    factor_name(id, lang)
}

fn kind_text(x: &Contribution, lang: Lang) -> &'static str {
    match x.kind {
        ContributionKind::Quantity => t(lang, K::KindQuantity),
        ContributionKind::Cost => t(lang, K::KindMeasureCost),
        ContributionKind::Factor if x.id.starts_with("cf.") => t(lang, K::KindCf),
        ContributionKind::Factor => t(lang, K::KindEf),
    }
}

fn source_kind_text(k: SourceKind, lang: Lang) -> &'static str {
    match k {
        SourceKind::Published => t(lang, K::KindPublished),
        SourceKind::Derived => t(lang, K::KindDerived),
        SourceKind::Estimate => t(lang, K::KindEstimate),
    }
}

/// A percentage share with one decimal: `12,3 %`.
fn share(pct: Decimal, lang: Lang) -> String {
    let sep = match lang {
        Lang::Sv => "\u{a0}",
        Lang::En => "",
    };
    format!("{}{sep}%", format::number(pct, 1, lang))
}

/// A contribution as a reader takes it in: the amount (t CO2e or kr over the plan period)
/// and, under it, its share of the total; a share beyond ±100 % (inputs that offset each
/// other) is said in words instead of as "−1 676,9 %".
fn amount_cell(main: String, pct: Decimal, label: &str, lang: Lang) -> Html {
    let sub = if pct.abs() <= Decimal::ONE_HUNDRED {
        format!("{} {}", share(pct, lang), t(lang, K::DriversOfTotal))
    } else if pct.is_sign_negative() {
        t(lang, K::DriversAgainstTotal).to_string()
    } else {
        t(lang, K::DriversBeyondTotal).to_string()
    };
    html! {
        <td class="num" data-label={label.to_string()}>
            <span class="main">{ main }</span>
            <span class="sub">{ sub }</span>
        </td>
    }
}

fn source_title(id: &calc_core::SourceId) -> Option<String> {
    let cat = catalogue()?;
    cat.current_set()
        .and_then(|t| t.source(id))
        .or_else(|| cat.source(id.as_str()))
        .map(|s| s.title.clone())
}

/// A snake_case id that may wrap after its underscores.
fn breakable_id(id: &str) -> Html {
    let parts: Vec<&str> = id.split_inclusive('_').collect();
    html! { { for parts.iter().map(|p| html! { <>{ *p }<wbr /></> }) } }
}

/// The column headings (each stacked card's labels on a phone) and the SEK column's unit.
struct Cols {
    co2e: String,
    sek: String,
    kind: &'static str,
    source: &'static str,
    source_kind: &'static str,
    sek_unit: format::SekUnit,
}

impl Cols {
    fn new(items: &[Contribution], lang: Lang) -> Self {
        // The rows shown and the footer's two sums: the largest of them sets the unit.
        let hidden = || items.iter().skip(DRIVER_ROWS);
        let sum = |quantity: bool| {
            hidden()
                .filter(|x| (x.kind == ContributionKind::Quantity) == quantity)
                .map(|x| x.net_sek)
                .sum::<Decimal>()
        };
        let sek_unit = format::SekUnit::for_amounts(
            items
                .iter()
                .take(DRIVER_ROWS)
                .map(|x| x.net_sek)
                .chain([sum(true), sum(false)])
                .map(Sek::new),
        );
        Self {
            co2e: t(lang, K::DriversCo2eShare).to_string(),
            sek: sek_unit.heading(t(lang, K::DriversSekShare), lang),
            kind: t(lang, K::DriversKind),
            source: t(lang, K::Source),
            source_kind: t(lang, K::DriversSourceKind),
            sek_unit,
        }
    }
}

fn row(x: &Contribution, cols: &Cols, lang: Lang) -> Html {
    let name = input_name(&x.id, lang);
    let kind = match x.kind {
        ContributionKind::Factor => "factor",
        ContributionKind::Quantity => "quantity",
        ContributionKind::Cost => "cost",
    };
    html! {
        <tr key={x.id.clone()} data-kind={kind} data-id={x.id.clone()}
            data-co2e-share={x.co2e_share_pct.to_string()} data-sek-share={x.net_sek_share_pct.to_string()}>
            <th scope="row">{ name }</th>
            { amount_cell(format::tonnes_co2e(calc_core::KgCo2e::new(x.co2e_kg), lang), x.co2e_share_pct, &cols.co2e, lang) }
            { amount_cell(cols.sek_unit.amount(Sek::new(x.net_sek), lang), x.net_sek_share_pct, &cols.sek, lang) }
            <td class="input-kind" data-label={cols.kind}>{ kind_text(x, lang) }</td>
            <td class="source-title" data-label={cols.source}>
                if let Some(s) = &x.source {
                    // The source's title; its id stays in the data only.
                    <span data-source={s.0.clone()}>{ source_title(s).map_or_else(|| breakable_id(&s.0), |title| html! { { title } }) }</span>
                } else {
                    <span class="hint">{ t(lang, K::DriversNoSource) }</span>
                }
            </td>
            <td data-label={cols.source_kind} class={classes!(x.source_kind.is_none().then_some("empty"))}>
                if let Some(k) = x.source_kind {
                    <span class={classes!("kind", format!("kind-{k:?}").to_lowercase())}>{ source_kind_text(k, lang) }</span>
                }
            </td>
        </tr>
    }
}

/// A footer row summing the contributions not shown.
fn rest_row(
    label: &str,
    kind: &'static str,
    rest: &[&Contribution],
    cols: &Cols,
    lang: Lang,
) -> Html {
    if rest.is_empty() {
        return html! {};
    }
    let co2e: Decimal = rest.iter().map(|x| x.co2e_share_pct).sum();
    let sek: Decimal = rest.iter().map(|x| x.net_sek_share_pct).sum();
    let co2e_kg: Decimal = rest.iter().map(|x| x.co2e_kg).sum();
    let sek_kr: Decimal = rest.iter().map(|x| x.net_sek).sum();
    html! {
        <tr class="rest" data-kind={kind} data-co2e-share={co2e.to_string()} data-sek-share={sek.to_string()}>
            <th scope="row">{ format!("{label} ({})", rest.len()) }</th>
            { amount_cell(format::tonnes_co2e(calc_core::KgCo2e::new(co2e_kg), lang), co2e, &cols.co2e, lang) }
            { amount_cell(cols.sek_unit.amount(Sek::new(sek_kr), lang), sek, &cols.sek, lang) }
            <td class="empty"></td>
            <td class="empty"></td>
            <td class="empty"></td>
        </tr>
    }
}

/// The drivers table, under the results.
#[function_component]
pub fn DriversTable() -> Html {
    let Some((store, lang)) = use_app() else {
        return html! {};
    };
    let (result, pending) = use_analysis(&store.settings, contributions_for);
    let head = html! {
        <>
            <div class="panel-head">
                <h2 id="drivers-title">{ t(lang, K::DriversTitle) }</h2>
                if pending {
                    <span class="status busy" role="status" data-testid="drivers-status">{ t(lang, K::Computing) }</span>
                }
            </div>
            <p class="hint">{ t(lang, K::DriversHelp) }</p>
        </>
    };
    let body = match result.as_deref() {
        None => html! { <p class="hint">{ t(lang, K::Computing) }</p> },
        Some(Err(msg)) => {
            html! { <div class="alert" role="alert">{ format!("{} {msg}", t(lang, K::CalcError)) }</div> }
        }
        Some(Ok(c)) if c.items.is_empty() => {
            html! { <p class="hint">{ super::empty_reason(&store.settings, lang) }</p> }
        }
        Some(Ok(c)) => {
            let shown: Vec<&Contribution> = c.items.iter().take(DRIVER_ROWS).collect();
            let cols = Cols::new(&c.items, lang);
            let hidden = c.items.iter().skip(DRIVER_ROWS);
            let rest_factors: Vec<&Contribution> = hidden
                .clone()
                .filter(|x| x.kind != ContributionKind::Quantity)
                .collect();
            let rest_pools: Vec<&Contribution> = hidden
                .filter(|x| x.kind == ContributionKind::Quantity)
                .collect();
            let totals = format!(
                "{}: {} t CO2e; {} {}.",
                t(lang, K::DriversTotals),
                format::tonnes_co2e(KgCo2e::new(c.co2e_total_kg), lang),
                t(lang, K::DriversSekTotal),
                // In the SEK column's unit, so the shares' amounts read against it.
                cols.sek_unit.with_unit(Sek::new(c.net_sek_total), lang),
            );
            html! {
                <>
                    <p class="drivers-totals" data-testid="drivers-totals">{ totals }</p>
                    <ScrollBox label={t(lang, K::DriversTitle)}>
                        <table class="drivers-table stack" data-testid="drivers-table">
                            <caption>
                                { format!("{} ({} {} {})", t(lang, K::DriversCaption), shown.len(), t(lang, K::DriversOf), c.items.len()) }
                            </caption>
                            <thead>
                                <tr>
                                    <th scope="col">{ t(lang, K::DriversInput) }</th>
                                    <th scope="col" class="num">{ cols.co2e.clone() }</th>
                                    <th scope="col" class="num">{ cols.sek.clone() }</th>
                                    <th scope="col">{ cols.kind }</th>
                                    <th scope="col">{ cols.source }</th>
                                    <th scope="col">{ cols.source_kind }</th>
                                </tr>
                            </thead>
                            <tbody class={classes!(pending.then_some("stale"))}>
                                { for shown.iter().map(|x| row(x, &cols, lang)) }
                            </tbody>
                            <tfoot>
                                { rest_row(t(lang, K::DriversOtherFactors), "factor-rest", &rest_factors, &cols, lang) }
                                { rest_row(t(lang, K::DriversOtherQuantities), "quantity-rest", &rest_pools, &cols, lang) }
                            </tfoot>
                        </table>
                    </ScrollBox>
                </>
            }
        }
    };
    html! {
        <section class="panel drivers no-print" id="drivers" aria-labelledby="drivers-title" data-testid="drivers">
            { head }
            { body }
        </section>
    }
}
