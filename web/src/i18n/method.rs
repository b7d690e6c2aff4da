//! The texts of the method section.

texts! {
    /// A text of the method section.
    KMethod;
    Intro => "Avfallskalkyl visar vad avfallsplanens åtgärder kan spara i växthusgaser (kg CO2e) och kronor, per åtgärd och kommun, med osäkerhet och källor. Siffrorna är underlag för prioritering – inte en bokföring av kommunens utsläpp.",
        "Avfallskalkyl shows what the waste plan's measures can save in greenhouse gas (kg CO2e) and Swedish kronor, per measure and municipality, with uncertainty and sources. The figures support prioritisation – they are not an emissions inventory.";
    FormulasTitle => "Grundformler",
        "Formulas";
    FormulasFor => "För en åtgärd i en kommun ett visst år, på ett avfallsslag:",
        "For one measure in one municipality in one year, on one waste fraction:";
    Formulas => "\
flyttade_ton     = nåbar_mängd × effekt × upptrappning(år)
                   (ur de behandlingar åtgärden tar från, av det som är kvar i avfallet)
co2e_sparat_kg   = Σ flyttade ton per behandling × EF − Σ ton till målet × EF
                   (till målet: sorterat × utbyte; resten går till restbehandlingen)
kr_sparat[betalare] = samma med CF, per betalare − åtgärdens kostnader för den betalaren
kommunen         = avfallstaxan + kommunens budget;  samhället = kommunen + hushållen
kr_per_ton_CO2e  = − kommunens netto_kr över perioden / (co2e_sparat_kg / 1000)",
        "\
shifted_t        = reachable_t × effect × ramp(year)
                   (out of the routes the measure takes from, of what is left in the pool)
co2e_saved_kg    = Σ tonnes moved per route × EF − Σ tonnes to the target × EF
                   (to the target: sorted × yield; the rest goes to the reject route)
sek_saved[payer] = the same with CF, per payer − the measure's costs for that payer
municipality     = waste fee + municipal budget;  society = municipality + households
sek_per_t_co2e   = − municipality's net SEK over the period / (co2e_saved_kg / 1000)";
    Pool => "Avfall (pool): ",
        "Pool of waste: ";
    PoolText => "en fraktion från en sorts källa (t.ex. hushållens matavfall) med sin mängd per kommun och hur den behandlas i dag. Åtgärder på samma avfall verkar i avfallstrappans ordning (förebyggande, återanvändning, sortering) på det som är kvar efter de föregående; varje åtgärds resultat är vad den lägger till, och resultaten summerar till totalen.",
        "one fraction from one kind of source (e.g. household food waste) with its quantity per municipality and how it is treated today. Measures on the same waste act in waste-hierarchy order (prevention, reuse, sorting) on what the ones before them left; each measure's result is what it adds, and the results add up to the total.";
    Quantity => "Mängd: ",
        "Quantity: ";
    QuantityText => "den del av avfallet åtgärden kan nå: invånare × kg per invånare, invånare × portioner × gram per portion, allt i de behandlingar den tar från, eller ton direkt (kan ändras per åtgärd).",
        "the part of the pool the measure can reach: inhabitants × kg per inhabitant, inhabitants × portions × grams per portion, everything in the routes it takes from, or tonnes directly (editable per measure).";
    Effect => "Effekt: ",
        "Effect: ";
    EffectText => "andel av den nåbara mängden som flyttas till åtgärdens mål.",
        "share of the reachable quantity moved to the measure's target.";
    Yield => "Sorteringsutbyte: ",
        "Sorting yield: ";
    YieldText => "andel av det sorterade som faktiskt materialåtervinns; resten (rejekt) går till förbränning eller deponi.",
        "share of what is sorted that is actually recycled; the rest (rejects) is incinerated or landfilled.";
    Payers => "Betalare: ",
        "Payers: ";
    PayersText => "varje krona hör till avfallstaxan (behandling, insamling, skatter), kommunens budget (egna inköp och verksamhet) eller hushållen (mat och kläder de inte köper). Kommunen = avfallstaxan + budgeten; rangordning, kostnadskurva och budget räknas från kommunens perspektiv.",
        "every krona belongs to the waste fee collective (treatment, collection, taxes), the municipal budget (own purchases and operations) or households (food and clothes they do not buy). Municipality = waste fee + budget; ranking, cost curve and budget are from the municipality's perspective.";
    Ef => "EF (emissionsfaktor): ",
        "EF (emission factor): ";
    EfText => "netto kg CO2e per ton i ett livscykelperspektiv med systemutvidgning. Krediter för undviken produktion eller energi är negativa; förebyggande har EF = −(undvikna produktionsutsläpp).",
        "net kg CO2e per tonne, life cycle with system expansion. Credits for avoided production or energy are negative; prevention has EF = −(avoided production emissions).";
    Cf => "CF (kostnadsfaktor): ",
        "CF (cost factor): ";
    CfText => "kronor per ton för kommunen (behandlingsavgift, insamling, skatter); negativ där vägen ger intäkter eller undvikna inköp.",
        "SEK per tonne to the municipality (treatment fee, collection, taxes); negative where the route earns money or avoids purchases.";
    RampTitle => "Upptrappning",
        "Ramp-up";
    RampText => "Åtgärden börjar verka startåret och når full effekt det år som anges:",
        "A measure starts working in its start year and reaches full effect in the year given:";
    NpvTitle => "Nuvärde och kostnad per ton",
        "Net present value and cost per tonne";
    NpvText => "Nuvärdet är summan av årens nettobesparing (med engångskostnaderna) diskonterad till planperiodens första år med 3,5 % real ränta (Trafikverkets ASEK). Kostnad per ton CO2e räknas över hela planperioden; ett negativt värde betyder att åtgärden både sparar pengar och minskar utsläppen. Rangordning och åtgärdskostnadskurva (MACC) bygger på detta tal.",
        "The net present value is the sum of each year's net saving (with the one-time costs) discounted to the plan's first year at a 3.5 % real rate (Swedish Transport Administration, ASEK). Cost per tonne CO2e is over the whole plan period; a negative value means the measure saves both money and emissions. The ranking and the marginal abatement cost curve (MACC) use this figure.";
    UncertaintyTitle => "Osäkerhet",
        "Uncertainty";
    UncertaintyText => "Varje faktor har ett lågt, centralt och högt värde. Sämsta och bästa fall bredvid varje resultat (”sämsta–bästa fall”) räknas med intervallaritmetik som respekterar tecken: den lägsta besparingen med de faktorvärden som ger minst besparing, den högsta med dem som ger mest. Det troliga spannet under Osäkerhet och prioritering är något annat: 5–95 % av utfallen när faktorerna dras slumpvis (Monte Carlo), alltså smalare.",
        "Every factor has a low, central and high value. The worst and best case beside each result (“worst–best case”) use interval arithmetic that respects signs: the lowest saving takes the factor values that save least, the highest those that save most. The likely range under Uncertainty and priorities is something else: 5–95 % of the outcomes when the factors are drawn at random (Monte Carlo), so narrower.";
    NotCountedTitle => "Vad räknas inte",
        "Not counted";
    NotCountedText => "Rekyleffekter, diskning av flergångsartiklar, invånarnas tid, biogent kol och utsläppshandelns effekter räknas inte. Förbränning ges ingen energikredit i centralvärdet. Kostnaderna för genomförande och drift är storleksordningar och bör ersättas med lokala budgetar.",
        "Rebound effects, washing of reusable items, residents' time, biogenic carbon and effects of emissions trading are not counted. Incineration gets no energy credit in the central value. Implementation and running costs are orders of magnitude and should be replaced with local budgets.";
}
