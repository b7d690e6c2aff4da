//! How the numbers are calculated, in Swedish and English (a summary of
//! `docs/method.sv.md` and `docs/method.en.md`).

use super::Store;
use crate::i18n::{K, Lang, t};
use yew::prelude::*;

const FORMULAS_SV: &str = "\
flyttade_ton     = mängd_ton × effekt × upptrappning(år)
co2e_sparat_kg   = flyttade_ton × ( Σ baslinjeandel × EF − Σ målandel × EF )
avfallskr_sparat = flyttade_ton × ( Σ baslinjeandel × CF − Σ målandel × CF )
netto_kr_sparat  = avfallskr_sparat − löpande kostnad − engångskostnad (startåret)
kr_per_ton_CO2e  = − netto_kr_sparat / (co2e_sparat_kg / 1000)";

const FORMULAS_EN: &str = "\
shifted_t        = quantity_t × effect × ramp(year)
co2e_saved_kg    = shifted_t × ( Σ baseline_share × EF − Σ target_share × EF )
waste_sek_saved  = shifted_t × ( Σ baseline_share × CF − Σ target_share × CF )
net_sek_saved    = waste_sek_saved − running cost − one-time cost (start year)
sek_per_t_co2e   = − net_sek_saved / (co2e_saved_kg / 1000)";

const RAMP: &str = "\
ramp(y) = 0                                    y < start
        = (y − start + 1) / (full − start + 1)   start ≤ y ≤ full
        = 1                                    y > full";

/// The method section, collapsed by default.
#[function_component]
pub fn MethodSection() -> Html {
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let lang = store.lang;
    let body = match lang {
        Lang::Sv => html! {
            <>
                <p>{ "Avfallskalkyl visar vad avfallsplanens åtgärder kan spara i växthusgaser (kg CO2e) och kronor, per åtgärd och kommun, med osäkerhet och källor. Siffrorna är underlag för prioritering – inte en bokföring av kommunens utsläpp." }</p>
                <h3>{ "Grundformler" }</h3>
                <p>{ "För en åtgärd i en kommun ett visst år, på ett avfallsslag:" }</p>
                <pre>{ FORMULAS_SV }</pre>
                <ul>
                    <li><strong>{ "Mängd: " }</strong>{ "invånare × kg per invånare, eller invånare × portioner per invånare × gram per portion, eller ton direkt (kan ändras per åtgärd)." }</li>
                    <li><strong>{ "Effekt: " }</strong>{ "andel av mängden som flyttas från dagens behandling (baslinje) till målets behandling." }</li>
                    <li><strong>{ "EF (emissionsfaktor): " }</strong>{ "netto kg CO2e per ton i ett livscykelperspektiv med systemutvidgning. Krediter för undviken produktion eller energi är negativa; förebyggande har EF = −(undvikna produktionsutsläpp)." }</li>
                    <li><strong>{ "CF (kostnadsfaktor): " }</strong>{ "kronor per ton för kommunen (behandlingsavgift, insamling, skatter); negativ där vägen ger intäkter eller undvikna inköp." }</li>
                </ul>
                <h3>{ "Upptrappning" }</h3>
                <p>{ "Åtgärden börjar verka startåret och når full effekt det år som anges:" }</p>
                <pre>{ RAMP }</pre>
                <h3>{ "Nuvärde och kostnad per ton" }</h3>
                <p>{ "Nuvärdet är summan av årens nettobesparing diskonterad till planperiodens första år med 3,5 % real ränta (Trafikverkets ASEK). Kostnad per ton CO2e räknas över hela planperioden; ett negativt värde betyder att åtgärden både sparar pengar och minskar utsläppen. Rangordning och åtgärdskostnadskurva (MACC) bygger på detta tal." }</p>
                <h3>{ "Osäkerhet" }</h3>
                <p>{ "Varje faktor har ett lågt, centralt och högt värde. Intervallen bredvid varje resultat räknas med intervallaritmetik som respekterar tecken: den lägsta besparingen med de faktorvärden som ger minst besparing, den högsta med dem som ger mest." }</p>
                <h3>{ "Vad räknas inte" }</h3>
                <p>{ "Rekyleffekter, diskning av flergångsartiklar, invånarnas tid, biogent kol och utsläppshandelns effekter räknas inte. Förbränning ges ingen energikredit i centralvärdet. Åtgärder som verkar på samma ton (t.ex. textilinsamling och textil till återbruk) ska inte läggas ihop utan att effekterna justeras. Kostnaderna för genomförande och drift är storleksordningar och bör ersättas med lokala budgetar." }</p>
            </>
        },
        Lang::En => html! {
            <>
                <p>{ "Avfallskalkyl shows what the waste plan's measures can save in greenhouse gas (kg CO2e) and Swedish kronor, per measure and municipality, with uncertainty and sources. The figures support prioritisation – they are not an emissions inventory." }</p>
                <h3>{ "Formulas" }</h3>
                <p>{ "For one measure in one municipality in one year, on one waste fraction:" }</p>
                <pre>{ FORMULAS_EN }</pre>
                <ul>
                    <li><strong>{ "Quantity: " }</strong>{ "inhabitants × kg per inhabitant, or inhabitants × portions per inhabitant × grams per portion, or tonnes directly (editable per measure)." }</li>
                    <li><strong>{ "Effect: " }</strong>{ "share of the quantity moved from today's route mix (baseline) to the target mix." }</li>
                    <li><strong>{ "EF (emission factor): " }</strong>{ "net kg CO2e per tonne, life cycle with system expansion. Credits for avoided production or energy are negative; prevention has EF = −(avoided production emissions)." }</li>
                    <li><strong>{ "CF (cost factor): " }</strong>{ "SEK per tonne to the municipality (treatment fee, collection, taxes); negative where the route earns money or avoids purchases." }</li>
                </ul>
                <h3>{ "Ramp-up" }</h3>
                <p>{ "A measure starts working in its start year and reaches full effect in the year given:" }</p>
                <pre>{ RAMP }</pre>
                <h3>{ "Net present value and cost per tonne" }</h3>
                <p>{ "The net present value is the sum of each year's net saving discounted to the plan's first year at a 3.5 % real rate (Swedish Transport Administration, ASEK). Cost per tonne CO2e is over the whole plan period; a negative value means the measure saves both money and emissions. The ranking and the marginal abatement cost curve (MACC) use this figure." }</p>
                <h3>{ "Uncertainty" }</h3>
                <p>{ "Every factor has a low, central and high value. The ranges beside each result use interval arithmetic that respects signs: the lowest saving takes the factor values that save least, the highest those that save most." }</p>
                <h3>{ "Not counted" }</h3>
                <p>{ "Rebound effects, washing of reusable items, residents' time, biogenic carbon and effects of emissions trading are not counted. Incineration gets no energy credit in the central value. Measures acting on the same tonnes (e.g. textile collection and textile reuse) should not be added without adjusting their effects. Implementation and running costs are orders of magnitude and should be replaced with local budgets." }</p>
            </>
        },
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
