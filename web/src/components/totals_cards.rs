//! The headline figures, each with its low–high range (and the yearly ones per inhabitant
//! of the chosen municipalities together), and who saves the money: the municipality
//! (waste fee collective and tax-funded budget), households, and society.

use super::scroll_box::ScrollBox;
use crate::format;
use crate::hooks::use_app;
use crate::i18n::{K, Lang, t};
use calc_core::{Band, KgCo2e, Perspective, Sek, Summary};
use yew::prelude::*;

fn range_co2e(b: &Band<KgCo2e>, lang: Lang) -> String {
    format::range_t(b.low, b.high, lang)
}

fn range_sek(b: &Band<Sek>, lang: Lang) -> String {
    format::range_sek(b.low, b.high, lang)
}

/// The rows of the money table, in order: the municipality, its two parts, households,
/// society. `(perspective, label, is a part of the row above)`.
pub const MONEY_ROWS: [(Perspective, K, bool); 5] = [
    (Perspective::Municipality, K::PayerMunicipality, false),
    (Perspective::WasteFee, K::PayerWasteFeePart, true),
    (Perspective::MunicipalBudget, K::PayerBudgetPart, true),
    (Perspective::Households, K::PayerHouseholds, false),
    (Perspective::Society, K::PayerSociety, false),
];

/// The three money figures of a summary for a perspective: net SEK per year at full effect
/// (running costs, no one-time costs), net SEK over the plan period and the net present
/// value (both with one-time costs).
#[must_use]
pub fn money(s: &Summary, p: Perspective) -> [Option<Band<Sek>>; 3] {
    [
        s.net_sek_per_year(p),
        s.net_sek_cumulative(p),
        s.net_present_value(p),
    ]
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
    /// The sign convention and what a money figure includes (empty for CO2e).
    #[prop_or_default]
    sign: AttrValue,
    #[prop_or_default]
    primary: bool,
    /// The central value per inhabitant, with its unit (empty: not shown).
    #[prop_or_default]
    per_inhabitant: AttrValue,
    /// The two payers the municipality's figure adds up, each with its own value: the
    /// waste fee (a separately financed collective) and the municipal budget.
    #[prop_or_default]
    payers: Vec<(AttrValue, AttrValue, AttrValue)>,
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
            if !p.payers.is_empty() {
                <ul class="card-payers" data-testid={format!("{}-payers", p.test_id)}>
                    { for p.payers.iter().map(|(label, value, id)| html! {
                        <li><span class="payer-label">{ label.clone() }{ ": " }</span><strong data-testid={id.clone()}>{ value.clone() }</strong></li>
                    }) }
                </ul>
            }
            if !p.per_inhabitant.is_empty() {
                <p class="card-per" data-testid={format!("{}-per-inhabitant", p.test_id)}>{ p.per_inhabitant.clone() }</p>
            }
            <p class="card-range">
                <span class="range-label">{ p.range_label.clone() }{ ": " }</span>
                <span data-testid={format!("{}-range", p.test_id)}>{ p.range.clone() }</span>
            </p>
            if !p.sign.is_empty() {
                <p class="card-sign" data-testid={format!("{}-sign", p.test_id)}>{ p.sign.clone() }</p>
            }
            <p class="card-note">{ p.note.clone() }</p>
        </div>
    }
}

/// One money cell in its column's unit (said in the heading): the central value (its exact
/// decimal in `data-value`) and the range.
fn money_cell(
    b: Option<Band<Sek>>,
    unit: format::SekUnit,
    test_id: String,
    label: String,
    lang: Lang,
) -> Html {
    match b {
        Some(b) => html! {
            <td class="num" data-label={label}>
                <span class="main" data-testid={test_id} data-value={b.central.value().to_string()}>
                    { unit.amount(b.central, lang) }
                </span>
                <span class="sub">{ unit.range(b.low, b.high, lang) }</span>
            </td>
        },
        None => html! { <td class="num" data-testid={test_id} data-label={label}>{ "–" }</td> },
    }
}

/// Totals cards: t CO2e per year, cumulative t CO2e, the municipality's net SEK per year and
/// net present value; then the money table split by payer.
#[function_component]
pub fn TotalsCards() -> Html {
    let Some((store, lang)) = use_app() else {
        return html! {};
    };
    // No municipality chosen: a prompt, not cards of zeros.
    if store.settings.municipalities.is_empty() {
        return html! {
            <p class="notice" role="status" data-testid="no-municipality">{ t(lang, K::NoMunicipality) }</p>
        };
    }
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
    let muni = Perspective::Municipality;
    let [muni_year, _, muni_npv] = money(s, muni);
    let muni_year = muni_year.unwrap_or_default();
    let muni_npv = muni_npv.unwrap_or_default();
    // One unit per column of the money table, from its largest amount (ranges included).
    let units: Vec<format::SekUnit> = (0..3)
        .map(|col| {
            format::SekUnit::for_amounts(MONEY_ROWS.iter().flat_map(|(p, _, _)| {
                money(s, *p)
                    .get(col)
                    .copied()
                    .flatten()
                    .map_or_else(Vec::new, |b| vec![b.low, b.central, b.high])
            }))
        })
        .collect();
    let unit_of = |col: usize| units.get(col).copied().unwrap_or(format::SekUnit::Kr);
    let year_head = unit_of(0).heading(t(lang, K::MoneyYear), lang);
    let period_head = unit_of(1).heading(&format!("{} {period}", t(lang, K::MoneyCum)), lang);
    let per_year = t(lang, K::PerInhabitantYear);
    // The totals per inhabitant of the scenario's municipalities together.
    let per = s.per_inhabitant(e.population());
    let co2e_per = per
        .map(|p| {
            format!(
                "{} {} {per_year}",
                format::number(p.kg_co2e_saved, 1, lang),
                t(lang, K::KgCo2e)
            )
        })
        .unwrap_or_default();
    let sek_per = per
        .map(|p| {
            format!(
                "{} {per_year}",
                format::sek(Sek::new(p.sek_saved_municipality), lang)
            )
        })
        .unwrap_or_default();
    // The headline's two payers, each in its own right (not only netted into one number).
    let payers_of =
        |col: usize, suffix: &str, unit: &str| -> Vec<(AttrValue, AttrValue, AttrValue)> {
            [
                (Perspective::WasteFee, K::PayerWasteFee, "waste-fee"),
                (Perspective::MunicipalBudget, K::PayerBudget, "budget"),
            ]
            .iter()
            .map(|(p, label, id)| {
                let v = money(s, *p)
                    .get(col)
                    .copied()
                    .flatten()
                    .unwrap_or_default()
                    .central;
                let text = if unit.is_empty() {
                    format::sek_short(v, lang)
                } else {
                    format!("{} {unit}", format::sek_short(v, lang))
                };
                (
                    AttrValue::from(t(lang, *label)),
                    AttrValue::from(text),
                    AttrValue::from(format!("{suffix}-{id}")),
                )
            })
            .collect()
        };
    // The card's unit already says "per år".
    let year_payers = payers_of(0, "total-sek", "");
    let npv_payers = payers_of(2, "total-npv", "");
    let npv_head = format!(
        "{} ({} {rate} %)",
        unit_of(2).heading(t(lang, K::TotalNpv), lang),
        t(lang, K::DiscountRate)
    );
    html! {
        <>
            // Screen readers hear the changed total only, not every card on each arrow press.
            <p class="visually-hidden" aria-live="polite" data-testid="total-announcement">
                { format!(
                    "{}: {} {}",
                    t(lang, K::TotalCo2eYear),
                    format::tonnes_co2e(s.co2e_saved_kg_per_year.central, lang),
                    t(lang, K::PerYear)
                ) }
            </p>
            <div class="cards">
                <Card primary=true title={t(lang, K::TotalCo2eYear)} note={format!("{}, {}", t(lang, K::AtFullEffect), e.case.name(lang))}
                    value={format::tonnes_co2e(s.co2e_saved_kg_per_year.central, lang)}
                    unit={t(lang, K::PerYear)} range_label={range}
                    range={range_co2e(&s.co2e_saved_kg_per_year, lang)} test_id="total-co2e"
                    per_inhabitant={co2e_per} />
                <Card title={format!("{} {period}", t(lang, K::TotalCo2eCum))} note={t(lang, K::CumNote)}
                    value={format::tonnes_co2e(s.co2e_saved_kg_cumulative.central, lang)}
                    unit={t(lang, K::TCo2e)} range_label={range}
                    range={range_co2e(&s.co2e_saved_kg_cumulative, lang)} test_id="total-co2e-cumulative" />
                <Card title={t(lang, K::TotalSek)} note={t(lang, K::PerYearNote)}
                    value={format::sek_short(muni_year.central, lang)}
                    unit={t(lang, K::PerYearUnit)} range_label={range}
                    sign={t(lang, K::SignSavingNoOnce)}
                    range={range_sek(&muni_year, lang)} test_id="total-sek"
                    payers={year_payers}
                    per_inhabitant={sek_per} />
                <Card title={format!("{} {period}", t(lang, K::TotalNpvMuni))} note={format!("{}, {} {rate} %.", t(lang, K::NpvNote), t(lang, K::DiscountRate))}
                    value={format::sek_short(muni_npv.central, lang)}
                    unit="" range_label={range}
                    sign={t(lang, K::SignSavingOnce)}
                    range={range_sek(&muni_npv, lang)} test_id="total-npv"
                    payers={npv_payers} />
            </div>
            <p class="hint cards-note" data-testid="range-help">{ t(lang, K::RangeHelp) }</p>
            <section class="panel money" aria-labelledby="money-title" data-testid="money">
                <h2 id="money-title">{ t(lang, K::MoneyTitle) }</h2>
                <ScrollBox label={t(lang, K::MoneyTitle)}>
                    <table class="results money-table stack" data-testid="money-table">
                        <thead>
                            <tr>
                                <th scope="col">{ t(lang, K::MoneyWho) }</th>
                                <th scope="col" class="num">{ year_head.clone() }<span class="sub">{ t(lang, K::ExcludesOnce) }</span></th>
                                <th scope="col" class="num">{ period_head.clone() }<span class="sub">{ t(lang, K::IncludesOnce) }</span></th>
                                <th scope="col" class="num">{ npv_head.clone() }<span class="sub">{ t(lang, K::IncludesOnce) }</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            { for MONEY_ROWS.iter().map(|(p, label, part)| {
                                let [year, cum, npv] = money(s, *p);
                                let id = p.id();
                                html! {
                                    <tr key={id} data-payer={id} class={classes!(part.then_some("part"), (*p == Perspective::Society).then_some("society"))}>
                                        <th scope="row">{ t(lang, *label) }</th>
                                        { money_cell(year, unit_of(0), format!("money-year-{id}"), year_head.clone(), lang) }
                                        { money_cell(cum, unit_of(1), format!("money-cum-{id}"), period_head.clone(), lang) }
                                        { money_cell(npv, unit_of(2), format!("money-npv-{id}"), npv_head.clone(), lang) }
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </ScrollBox>
                <p class="hint">{ t(lang, K::MoneySign) }</p>
            </section>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::{Settings, catalogue, evaluate_settings};
    use calc_core::per_inhabitant;
    use rust_decimal::Decimal;

    /// The eight municipalities' 229 538 inhabitants (sum of `municipalities.csv`) divide
    /// the totals; the per-municipality figures weighted by inhabitants give the same.
    #[test]
    fn per_inhabitant_divides_the_totals_by_the_chosen_inhabitants() {
        let cat = catalogue().unwrap();
        let e = evaluate_settings(&Settings::defaults(cat), cat).unwrap();
        let sum: u32 = cat.municipalities.iter().map(|k| k.population).sum();
        assert_eq!((e.population(), sum), (229_538, 229_538));
        let total = e.total.per_inhabitant(e.population()).unwrap();
        let weighted = per_inhabitant(&e, &cat.municipalities)
            .iter()
            .fold(Decimal::ZERO, |a, p| {
                a + p.figures.kg_co2e_saved * Decimal::from(p.figures.population)
            });
        assert_eq!(
            (total.kg_co2e_saved * Decimal::from(sum)).round_dp(6),
            weighted.round_dp(6)
        );
        assert_eq!(e.total.per_inhabitant(0), None);
    }

    #[test]
    fn payer_rows_add_up_to_society_in_every_column() {
        let cat = catalogue().unwrap();
        let e = evaluate_settings(&Settings::defaults(cat), cat).unwrap();
        let s = &e.total;
        for col in 0..3 {
            let v = |p: Perspective| money(s, p)[col].unwrap().central.value();
            let muni = v(Perspective::Municipality);
            assert_eq!(
                muni,
                v(Perspective::WasteFee) + v(Perspective::MunicipalBudget)
            );
            assert_eq!(v(Perspective::Society), muni + v(Perspective::Households));
        }
        assert_eq!(
            money(s, Perspective::Society)[0].unwrap(),
            s.society_net_sek_saved_per_year
        );
    }
}
