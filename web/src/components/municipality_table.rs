//! Per municipality: each chosen municipality's CO2e and net SEK a year, absolute and per
//! inhabitant (`calc_core::per_inhabitant`), so municipalities of different size compare;
//! a municipality computed with its own figures is marked, with their pools, source and year.

use super::scroll_box::ScrollBox;
use crate::format;
use crate::hooks::use_eval;
use crate::i18n::{K, t};
use crate::settings::catalogue;
use calc_core::{KgCo2e, Sek, per_inhabitant};
use rust_decimal::Decimal;
use yew::prelude::*;

/// The per-municipality table (not printed: the one-page summary has no room for it).
#[function_component]
pub fn MunicipalityTable() -> Html {
    let Some((store, lang, e)) = use_eval() else {
        return html! {};
    };
    let Some(cat) = catalogue() else {
        return html! {};
    };
    let all = store.settings.all_municipalities(cat);
    let per = per_inhabitant(&e, &all);
    if per.is_empty() {
        return html! {};
    }
    let title = t(lang, K::PerMunicipalityTitle);
    let heads = [
        K::ColInhabitants,
        K::ColTCo2eYear,
        K::ColKgCo2ePerInhabitant,
        K::ColSekPerInhabitantMuni,
        K::ColSekPerInhabitantSociety,
    ]
    .map(|k| t(lang, k));
    let [inhabitants, t_co2e, kg_per, sek_muni, sek_society] = heads;
    html! {
        <section class="panel per-municipality no-print" aria-labelledby="per-municipality-title" data-testid="per-municipality">
            <h2 id="per-municipality-title">{ title }</h2>
            <ScrollBox label={title}>
                <table class="results stack" data-testid="per-municipality-table">
                    <thead>
                        <tr>
                            <th scope="col">{ t(lang, K::ColMunicipality) }</th>
                            { for heads.iter().map(|h| html! { <th scope="col" class="num">{ *h }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for per.iter().map(|p| {
                            let name = all
                                .iter()
                                .find(|m| m.code == p.municipality)
                                .map_or_else(|| p.municipality.to_string(), |m| m.name.clone());
                            let tonnes = e
                                .by_municipality
                                .iter()
                                .find(|g| g.key == p.municipality)
                                .map_or(KgCo2e::new(Decimal::ZERO), |g| g.summary.co2e_saved_kg_per_year.central);
                            let own: Vec<String> = store
                                .settings
                                .follow_up
                                .own
                                .iter()
                                .filter(|o| o.municipality == p.municipality.as_str())
                                .map(|o| {
                                    let pool = cat.pools.iter().find(|x| x.id.as_str() == o.pool).map_or_else(
                                        || o.pool.clone(),
                                        |x| x.name(lang).to_string(),
                                    );
                                    format!("{pool} ({}, {})", o.source, o.year)
                                })
                                .collect();
                            html! {
                                <tr key={p.municipality.to_string()} data-municipality={p.municipality.to_string()}>
                                    <th scope="row">
                                        { name }
                                        if !own.is_empty() {
                                            <span class="own-figures-cell" data-testid="own-figures-note">
                                                <span class="badge own-figures">{ t(lang, K::OwnFigures) }</span>
                                                { format!(" {}", own.join("; ")) }
                                            </span>
                                        }
                                    </th>
                                    <td class="num" data-col="inhabitants" data-label={inhabitants}>{ format::number(Decimal::from(p.figures.population), 0, lang) }</td>
                                    <td class="num" data-col="t-co2e" data-label={t_co2e}>{ format::tonnes_co2e(tonnes, lang) }</td>
                                    <td class="num" data-col="kg-co2e-per-inhabitant" data-label={kg_per}>{ format::number(p.figures.kg_co2e_saved, 1, lang) }</td>
                                    <td class="num" data-col="sek-per-inhabitant" data-label={sek_muni}>{ format::sek(Sek::new(p.figures.sek_saved_municipality), lang) }</td>
                                    <td class="num" data-label={sek_society}>{ format::sek(Sek::new(p.figures.sek_saved_society), lang) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </ScrollBox>
            <p class="hint">{ t(lang, K::PerMunicipalityHint) }</p>
        </section>
    }
}
