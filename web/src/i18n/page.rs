//! The page's texts: header, measures, results, charts, analyses, scenarios, storage,
//! print and the "Din del" view. The follow-up section's are in `targets.rs`, the method's
//! in `method.rs`.

texts! {
    /// A text of the page outside the follow-up section and the method.
    K;
    AppTitle => "Avfallskalkyl", "Avfallskalkyl";
    AppSubtitle => "Klimat- och kostnadskalkyl för åtgärderna i Sjuhärads avfallsplan",
        "Climate and cost calculator for the measures in Sjuhärad's waste plan";
    LangSwitch => "English", "Svenska";
    LangSwitchLabel => "Switch to English", "Byt till svenska";
    SkipToResults => "Hoppa till resultaten", "Skip to the results";
    Municipalities => "Kommuner", "Municipalities";
    WholeSjuharad => "Hela Sjuhärad", "All of Sjuhärad";
    Inhabitants => "invånare", "inhabitants";
    NoMunicipality => "Välj minst en kommun för att se resultat.",
        "Choose at least one municipality to see results.";
    Measures => "Åtgärder", "Measures";
    MeasuresHelp => "Slå på åtgärder och välj ambitionsnivå. Effekt = andel av den påverkade mängden som flyttas till en bättre behandling.",
        "Switch measures on and set their ambition. Effect = share of the affected quantity moved to a better route.";
    ResetAll => "Återställ standardvärden", "Reset to defaults";
    ResetMeasure => "Återställ åtgärden", "Reset this measure";
    Effect => "Effekt", "Effect";
    EffectPct => "Effekt i procent", "Effect in percent";
    Details => "Mängd, år och kostnader", "Quantity, years and costs";
    Quantity => "Påverkad mängd (t/år)", "Affected quantity (t/yr)";
    StartYear => "Startår", "Start year";
    FullYear => "Full effekt från år", "Full effect from year";
    ImplCost => "Engångskostnad (kr)", "One-time cost (SEK)";
    RunCost => "Löpande kostnad (kr/år)", "Running cost (SEK/yr)";
    SumChosen => "Summa för valda kommuner; fördelas efter standardvärdena.",
        "Sum for the chosen municipalities; shared in proportion to the defaults.";
    Edited => "ändrad", "edited";
    Results => "Resultat", "Results";
    TotalCo2eYear => "Minskade utsläpp per år", "Emissions avoided per year";
    AtFullEffect => "vid full effekt", "at full effect";
    TotalCo2eCum => "Minskade utsläpp totalt", "Emissions avoided in total";
    TotalSek => "Kommunens nettobesparing per år", "Municipality's net saving per year";
    PerYearNote => "Avfallstaxa + kommunens budget, vid full effekt, efter löpande kostnader.",
        "Waste fee + municipal budget, at full effect, after running costs.";
    SignSavingNoOnce => "Positivt = besparing. Utan engångskostnader.",
        "Positive = saving. One-time costs not included.";
    SignSavingOnce => "Positivt = besparing. Med engångskostnader.",
        "Positive = saving. One-time costs included.";
    SignCostOnce => "Positivt = kostnad, negativt = besparing. Med engångskostnader, över planperioden.",
        "Positive = cost, negative = saving. One-time costs included, over the plan period.";
    NpvNote => "Avfallstaxa + kommunens budget, hela planperioden med upptrappning",
        "Waste fee + municipal budget, the whole plan period with ramp-up";
    PerYearUnit => "per år", "per year";
    TotalNpvMuni => "Kommunens nettonuvärde", "Municipality's net present value";
    IncludesOnce => "inkl. engångskostnader", "incl. one-time costs";
    ExcludesOnce => "full effekt, utan engångskostnader", "full effect, excl. one-time costs";
    CumNote => "summa över planperioden, med upptrappning",
        "sum over the plan period, with ramp-up";
    MoneyTitle => "Vem sparar pengarna?", "Who saves the money?";
    PerMunicipalityTitle => "Per kommun och invånare", "Per municipality and inhabitant";
    ColMunicipality => "Kommun", "Municipality";
    OwnFigures => "Egna siffror", "Own figures";
    PerInhabitantYear => "per invånare och år", "per inhabitant and year";
    KgCo2e => "kg CO2e", "kg CO2e";
    ColInhabitants => "Invånare", "Inhabitants";
    ColTCo2eYear => "t CO2e/år", "t CO2e/yr";
    ColKgCo2ePerInhabitant => "kg CO2e per invånare och år", "kg CO2e per inhabitant and year";
    ColSekPerInhabitantMuni => "Kommunen, kr per invånare och år",
        "Municipality, SEK per inhabitant and year";
    ColSekPerInhabitantSociety => "Samhället, kr per invånare och år",
        "Society, SEK per inhabitant and year";
    PerMunicipalityHint => "Vid full effekt. Kronor netto efter löpande kostnader, utan engångskostnader; positivt = besparing. Per invånare blir kommuner av olika storlek jämförbara. Med standardvärdena räknas varje kommun från samma riksgenomsnitt per invånare, så raderna blir lika; kommunens egna siffror (Mål och uppföljning) skiljer dem åt.",
        "At full effect. Net SEK after running costs, one-time costs left out; positive = saving. Per inhabitant, municipalities of different size compare. With the default values every municipality is computed from the same national average per inhabitant, so the rows are alike; a municipality's own figures (Targets and follow-up) set them apart.";
    MoneyWho => "Betalare", "Payer";
    MoneyYear => "Netto per år", "Net per year";
    MoneyCum => "Netto", "Net";
    MoneySign => "Positivt = besparing, negativt = kostnad, netto efter åtgärdernas kostnader för den som betalar dem. Under varje värde: sämsta till bästa fall. Per år: vid full effekt, efter löpande kostnader, utan engångskostnader. Summa och nuvärde: hela planperioden med upptrappning, inklusive engångskostnader. Kommunen = avfallstaxan + kommunens budget; samhället = kommunen + hushållen.",
        "Positive = saving, negative = cost, net of the measures' costs for whoever pays them. Under each value: worst to best case. Per year: at full effect, after running costs, one-time costs not included. Total and present value: the whole plan period with ramp-up, one-time costs included. Municipality = waste fee + municipal budget; society = municipality + households.";
    PayerMunicipality => "Kommunen (avfallstaxa + budget)", "Municipality (waste fee + budget)";
    PayerWasteFeePart => "varav avfallstaxan", "of which waste fee";
    PayerBudgetPart => "varav kommunens budget", "of which municipal budget";
    PayerHouseholds => "Hushållen", "Households";
    PayerSociety => "Samhället (alla)", "Society (all)";
    PayerWasteFee => "Avfallstaxan", "Waste fee";
    PayerBudget => "Kommunens budget", "Municipal budget";
    TotalNpv => "Nuvärde", "Net present value";
    DiscountRate => "diskonteringsränta", "discount rate";
    Range => "Sämsta–bästa fall", "Worst–best case";
    RangeHelp => "Sämsta och bästa fall: varje faktor på det av sina låga och höga värden som ger minst respektive mest besparing.",
        "Worst and best case: every factor at whichever of its low and high values gives the least and the most saving.";
    PerYear => "t CO2e/år", "t CO2e/yr";
    TCo2e => "t CO2e", "t CO2e";
    Number => "Nr", "No.";
    NumberHelp => "Åtgärdens nummer: samma i tabellen, i åtgärdskostnadskurvan och i åtgärdslistan (räknat uppifrån).",
        "The measure's number: the same in the table, in the abatement cost curve and in the list of measures (counted from the top).";
    MaccClipped => "Staplar som går utanför skalan är avbrutna (två snedstreck); deras värden står i rutorna i diagrammets hörn (på en smal skärm under diagrammet) och i förteckningen nedan.",
        "Bars beyond the scale are broken off (two slashes); their values are in the boxes in the chart's corners (on a narrow screen under the chart) and in the list below.";
    TableTitle => "Åtgärder i ordning", "Measures ranked";
    TableCaption => "Klicka på en kolumnrubrik för att sortera.", "Click a column heading to sort.";
    ColMeasure => "Åtgärd", "Measure";
    ColCo2e => "t CO2e/år", "t CO2e/yr";
    ColSek => "Kommunens nettobesparing, tkr/år", "Municipality's net saving, SEK k/yr";
    ColSekHouseholds => "Hushållens nettobesparing, tkr/år", "Households' net saving, SEK k/yr";
    ColSavingPerT => "Kommunens besparing, kr per t CO2e", "Municipality's saving, SEK per t CO2e";
    TableSignOnce => "Alla kronor i tabellen: positivt = besparing, negativt = kostnad.",
        "All money in the table: positive = saving, negative = cost.";
    NoHouseholdMoney => "Åtgärden sparar eller kostar inte hushållen något i kalkylen.",
        "The measure neither saves nor costs households anything in the calculation.";
    ColCostPerT => "Kommunens kostnad, kr per t CO2e", "Municipality's cost, SEK per t CO2e";
    TableSign => "Nettobesparing per år, i tusen kronor (tkr): vid full effekt, efter löpande kostnader, utan engångskostnader. Besparing per ton CO2e: kommunens, över planperioden med engångskostnader; negativ när åtgärden kostar mer än den sparar. Under varje värde: sämsta till bästa fall.",
        "Net saving per year, in thousands of SEK (SEK k): at full effect, after running costs, one-time costs not included. Saving per tonne CO2e: the municipality's, over the plan period with one-time costs; negative when the measure costs more than it saves. Under each value: worst to best case.";
    PoolOrderNote => "Åtgärder på samma avfall verkar i avfallstrappans ordning (förebyggande, återanvändning, sortering) på det som är kvar efter de föregående; varje åtgärds resultat är vad den lägger till, och resultaten summerar till totalen. Ordningen spelar alltså roll: ”2 av 3” betyder att åtgärden verkar på det som två tidigare åtgärder lämnat kvar.",
        "Measures on the same waste act in waste-hierarchy order (prevention, reuse, sorting) on what the ones before them left; each measure's result is what it adds, and the results add up to the total. So the order matters: “2 of 3” means the measure acts on what the earlier measure left.";
    ColSources => "Källor", "Sources";
    NotSaving => "sparar ingen CO2e", "saves no CO2e";
    Sources => "Källor", "Sources";
    SourcesFor => "Källor och faktorer", "Sources and factors";
    Close => "Stäng", "Close";
    Factor => "Faktor", "Factor";
    Value => "Värde", "Value";
    LowHigh => "Låg–hög", "Low–high";
    Unit => "Enhet", "Unit";
    Source => "Källa", "Source";
    EmissionFactor => "Emissionsfaktor", "Emission factor";
    CostFactor => "Kostnadsfaktor", "Cost factor";
    Baseline => "I dag", "Today";
    Target => "Flyttade ton går till", "Moved tonnes go to";
    YieldFactor => "Sorteringsutbyte", "Sorting yield";
    YieldRest => "resten till", "rest to";
    YieldUnit => "andel", "share";
    PoolLabel => "Avfall", "Waste";
    PoolSharedWith => "Delas med", "Shared with";
    RouteCol => "Behandling", "Route";
    ActsOn => "Åtgärden tar från", "Measure takes from";
    MixHelp => "Hur avfallet behandlas i dag, vilka behandlingar åtgärden flyttar ton ur och vart de flyttade tonnen skickas (före sorteringsutbyte).",
        "How the waste is treated today, which routes the measure moves tonnes out of and where the moved tonnes are sent (before sorting yields).";
    ImplCostPerInh => "Engångskostnad", "One-time cost";
    RunCostPerInh => "Löpande kostnad", "Running cost";
    KrPerInh => "kr per invånare (låg – hög)", "SEK per inhabitant (low – high)";
    KrPerInhYear => "kr per invånare och år", "SEK per inhabitant and year";
    PoolHint => "Avfall", "Waste";
    PoolTonnes => "t/år i valda kommuner", "t/yr in the chosen municipalities";
    MeasureSources => "Källor för mängd, effekt och kostnad",
        "Sources of quantity, effect and cost";
    FactorSources => "Källor för faktorerna", "Sources of the factors";
    OpensNewTab => "(öppnas i ny flik)", "(opens in a new tab)";
    KindPublished => "publicerad", "published";
    KindDerived => "härledd", "derived";
    KindEstimate => "egen uppskattning", "own estimate";
    ChartMeasures => "Minskade utsläpp per åtgärd", "Emissions avoided per measure";
    ChartMacc => "Åtgärdskostnadskurva (MACC)", "Marginal abatement cost curve (MACC)";
    ChartMaccHelp => "Bredd = t CO2e per år, höjd = kommunens kostnad (avfallstaxa + budget) per ton CO2e. Staplar under noll sparar både pengar och utsläpp.",
        "Width = t CO2e per year, height = the municipality's cost (waste fee + budget) per tonne CO2e. Bars below zero save both money and emissions.";
    ChartYears => "Minskade utsläpp år för år", "Emissions avoided year by year";
    ChartYearsHelp => "Staplarna visar centralt värde, strecken intervallet låg–hög.",
        "Bars show the central value, whiskers the low–high range.";
    AxisTCo2eYear => "t CO2e per år", "t CO2e per year";
    AxisSekPerT => "kr per t CO2e (positivt = kostnad)", "SEK per t CO2e (positive = cost)";
    AxisYear => "År", "Year";
    ShowAsTable => "Visa som tabell", "Show as table";
    ColCentral => "Centralt", "Central";
    ColLow => "Lågt", "Low";
    ColHigh => "Högt", "High";
    ColNumber => "Nr", "No.";
    AtLowCol => "Totalt med faktorn lågt", "Total with the factor low";
    AtHighCol => "Totalt med faktorn högt", "Total with the factor high";
    ScrollHint => "Tabellen är bredare än rutan: rulla i sidled.",
        "The table is wider than its box: scroll sideways.";
    ScrollsSideways => "rullas i sidled", "scrolls sideways";
    StickyTotals => "Summering", "Totals";
    NoData => "Inga åtgärder är påslagna.", "No measures are switched on.";
    Scenarios => "Scenarier", "Scenarios";
    ScenarioName => "Scenariots namn", "Scenario name";
    Save => "Spara scenario", "Save scenario";
    Saved => "Sparade scenarier", "Saved scenarios";
    NoneSaved => "Inga sparade scenarier ännu. Scenarier sparas bara i den här webbläsaren.",
        "No saved scenarios yet. Scenarios are saved in this browser only.";
    Open => "Öppna", "Open";
    Delete => "Ta bort", "Delete";
    CompareThis => "Jämför", "Compare";
    Compare => "Jämförelse", "Comparison";
    CompareHelp => "Markera två eller tre sparade scenarier för att jämföra dem.",
        "Tick two or three saved scenarios to compare them.";
    Import => "Importera scenariofil (CSV)", "Import scenario file (CSV)";
    ImportHelp => "En rad per åtgärd och kommun: kommun; åtgärd; effekt_procent … Semikolon och decimalkomma (Excel) eller komma och punkt.",
        "One row per measure and municipality: municipality, measure, effect_pct … Semicolon and decimal comma (Excel) or comma and point.";
    ImportFailed => "Filen innehåller fel och har inte lästs in:",
        "The file has errors and was not imported:";
    ImportApplied => "Inläst:", "Imported:";
    ImportSimplified => "Olika år per kommun förenklades till den första raden för:",
        "Different years per municipality were simplified to the first row for:";
    EffectPerMunicipality => "Effekt per kommun (från filen):",
        "Effect per municipality (from the file):";
    EffectOthers => "övriga", "the others";
    EffectPerMunicipalityNote => "Reglaget sätter en effekt för alla kommuner.",
        "The slider sets one effect for every municipality.";
    ImportSavedAll => "Alla scenarier i filen har sparats.",
        "Every scenario in the file was saved.";
    Export => "Exportera", "Export";
    ExportCsv => "Resultat (CSV för Excel)", "Results (CSV for Excel)";
    ExportJson => "Resultat (JSON)", "Results (JSON)";
    ExportScenario => "Scenariofil (CSV)", "Scenario file (CSV)";
    Print => "Skriv ut sammanfattning", "Print summary";
    ShareLink => "Länk till det här scenariot", "Link to this scenario";
    ShareHelp => "Länken innehåller hela scenariot, med en kontrollsumma som avslöjar en avkortad länk. Kopiera den och skicka till en kollega.",
        "The link holds the whole scenario, with a checksum that reveals a cut link. Copy it and send it to a colleague.";
    CopyLink => "Kopiera länk", "Copy link";
    CopyFailed => "Webbläsaren tillät inte kopiering. Markera länken i rutan och kopiera den (Ctrl+C).",
        "The browser did not allow copying. Select the link in the box and copy it (Ctrl+C).";
    FromLink => "Scenariot har lästs in från länken.", "The scenario was loaded from the link.";
    StorageMigrated => "Sparade scenarier i ett äldre format har uppdaterats.",
        "Saved scenarios in an older format were updated.";
    StorageCorrupt => "Sparade scenarier kunde inte läsas. Originalet finns kvar i webbläsaren under nyckeln",
        "Saved scenarios could not be read. The original is kept in the browser under the key";
    StorageBad => "Ett sparat scenario kunde inte läsas och har kopierats till",
        "A saved scenario could not be read and was copied to";
    StorageNewer => "Sparade scenarier kommer från en nyare version av Avfallskalkyl och lämnas orörda.",
        "Saved scenarios come from a newer version of Avfallskalkyl and are left untouched.";
    StorageWriteFailed => "Webbläsaren tillåter inte att scenarier sparas (privat läge eller fullt lagringsutrymme).",
        "The browser does not allow saving scenarios (private mode or full storage).";
    StorageNotSavedNewer => "Scenariot sparades inte: de sparade scenarierna kommer från en nyare version av Avfallskalkyl och skrivs inte över.",
        "The scenario was not saved: the saved scenarios come from a newer version of Avfallskalkyl and are not overwritten.";
    StorageAdjusted => "Värden utanför det tillåtna justerades i",
        "Values outside the allowed range were adjusted in";
    StorageUnknown => "Okända åtgärder eller kommuner hoppades över i",
        "Unknown measures or municipalities were skipped in";
    Dismiss => "OK", "OK";
    Method => "Metod och formler", "Method and formulas";
    Privacy => "Allt räknas i din webbläsare. Inga uppgifter skickas någonstans och ingen spårning används.",
        "Everything is calculated in your browser. No data is sent anywhere and nothing is tracked.";
    FactorSet => "Faktorunderlag", "Factor set";
    PriceLevel => "Kronor i prisnivå", "SEK at prices of";
    AccessibilityStatement => "Tillgänglighetsredogörelse", "Accessibility statement";
    CalcError => "Beräkningen kunde inte göras:", "The calculation failed:";
    PrintTitle => "Sammanfattning för beslut", "Summary for decision";
    PrintLeftOut => "Sammanfattningen visar alla påslagna åtgärder med vald effekt och målens status men inte: sämsta–bästa fall per åtgärd, diagrammen över utsläpp per åtgärd och år för år, osäkerhet och prioritering (Monte Carlo, känslighet, budgetpaket), vad som driver resultatet, källorna och metoden. De finns i appen.",
        "The summary lists every measure switched on with its chosen effect and the targets' status but leaves out: each measure's worst–best case, the charts of emissions per measure and year by year, uncertainty and priorities (Monte Carlo, sensitivity, budget package), what drives the result, the sources and the method. They are in the app.";
    PrintWarnings => "Saker att kontrollera (visas i appen):",
        "Things to check (shown in the app):";
    MaccClippedPrint => "Utanför skalan (avbrutna staplar):", "Beyond the scale (broken-off bars):";
    PrintMaccNumbers => "Höjd: kr per t CO2e (positivt = kostnad), bredd: t CO2e per år. Siffran på en stapel är åtgärdens Nr i tabellen.",
        "Height: SEK per t CO2e (positive = cost), width: t CO2e per year. The number on a bar is the measure's No. in the table.";
    MeasuresOn => "åtgärder påslagna", "measures switched on";
    Warnings => "Att kontrollera", "To check";
    Decide => "Osäkerhet och prioritering", "Uncertainty and priorities";
    DecideHelp => "Vad resultaten tål när faktorerna varierar inom sina intervall, vilka siffror som betyder mest och vad en budget räcker till.",
        "How the results hold up when the factors vary within their ranges, which numbers matter most and what a budget buys.";
    Computing => "räknar…", "computing…";
    McTitle => "Osäkerhetsband (Monte Carlo)", "Uncertainty bands (Monte Carlo)";
    McHelp => "Troligt spann: 5–95 % av utfallen över planperioden när varje faktor dras från en triangelfördelning låg–central–hög. Samma faktor får samma dragning i alla åtgärder. Sorteringsutbyten och åtgärdernas kostnader dras också. Kronor: kommunen (avfallstaxa + budget), efter alla åtgärdskostnader inklusive engångskostnader; positivt = besparing.",
        "Likely range: 5–95 % of the outcomes over the plan period when every factor is drawn from a triangular low–central–high distribution. A factor shared by several measures gets the same draw. Sorting yields and measure costs are drawn too. SEK: the municipality (waste fee + budget), after all measure costs including one-time costs; positive = saving.";
    McDraws => "dragningar", "draws";
    McSeed => "frö", "seed";
    McCo2eCum => "t CO2e under planperioden", "t CO2e over the plan period";
    McSekCum => "Kommunens nettobesparing under planperioden",
        "Municipality's net saving over the plan period";
    McRange => "troligt spann 5–95 %", "likely range 5–95 %";
    McMedian => "median", "median";
    McProb => "Chans att kommunen sparar pengar", "Chance the municipality saves money";
    McTotal => "Alla valda åtgärder", "All chosen measures";
    TornadoTitle => "Vilka faktorer betyder mest?", "Which factors matter most?";
    TornadoHelp => "De åtta indata som flyttar resultatet under planperioden mest när de går från lågt till högt värde, de andra centrala: minskade utsläpp (emissionsfaktorer, sorteringsutbyten) och kommunens nettobesparing (kostnadsfaktorer, sorteringsutbyten och åtgärdernas kostnader, inklusive engångskostnader). Bättre underlag för dessa ger säkrare resultat.",
        "The eight inputs that move the result over the plan period most when they go from their low to their high value, the others central: emissions avoided (emission factors, sorting yields) and the municipality's net saving (cost factors, sorting yields and the measures' costs, one-time costs included). Better data for these makes the results more certain.";
    TornadoCo2e => "Minskade utsläpp, t CO2e", "Emissions avoided, t CO2e";
    TornadoSek => "Kommunens nettobesparing, mnkr", "Municipality's net saving, SEK m";
    AxisMnkrCum => "mnkr under planperioden (kommunen, positivt = besparing)",
        "SEK m over the plan period (municipality, positive = saving)";
    Mnkr => "mnkr", "SEK m";
    TornadoLow => "faktorn på lågt värde", "factor at its low value";
    TornadoHigh => "faktorn på högt värde", "factor at its high value";
    TornadoCentral => "centralt", "central";
    AxisTCo2eCum => "t CO2e under planperioden", "t CO2e over the plan period";
    BudgetTitle => "Bästa paket för en budget", "Best package for a budget";
    BudgetHelp => "Väljer de åtgärder (och nivåer) som minskar mest CO2e per år inom budgeten. Budgeten räknar åtgärdskostnaderna som den valda betalaren står för (standard: kommunen, avfallstaxa + budget). Lämna ett fält tomt för ingen gräns. Kostnaderna antas skala med nivån; åtgärder på samma avfall räknas tillsammans.",
        "Chooses the measures (and levels) that avoid the most CO2e per year within the budget. The budget counts the measure costs the chosen payer bears (default: the municipality, waste fee + budget). Leave a field empty for no limit. Costs are assumed to scale with the level; measures on the same waste are evaluated together.";
    BudgetPayer => "Vems budget", "Whose budget";
    BudgetOnce => "Engångsbudget (kr)", "One-time budget (SEK)";
    BudgetYear => "Årlig budget (kr/år)", "Yearly budget (SEK/yr)";
    BudgetSteps => "Nivåer per åtgärd", "Levels per measure";
    StepsWhole => "hel eller inte alls", "all or nothing";
    StepsHalves => "0, 50, 100 %", "0, 50, 100 %";
    StepsQuarters => "0, 25, 50, 75, 100 %", "0, 25, 50, 75, 100 %";
    NoLimit => "ingen gräns", "no limit";
    BestPackage => "Bästa paket", "Best package";
    ColLevel => "Andel av inställd effekt", "Share of the set effect";
    PaidBy => "betalas av", "paid by";
    ColOnce => "Engång", "One-time";
    ColYearly => "Löpande/år", "Running/yr";
    PackageTotal => "Summa", "Total";
    PackageEmpty => "Budgeten räcker inte till någon åtgärd.",
        "The budget does not cover any measure.";
    NextKrona => "Nästa krona:", "The next krona:";
    NextNone => "Alla åtgärder som minskar utsläppen ryms i budgeten.",
        "Every measure that avoids emissions fits in the budget.";
    DriversTitle => "Vad driver resultatet?", "What drives the result?";
    DriversHelp => "Varje indatas andel av scenariots minskade utsläpp (CO2e) och av kommunens nettobesparing i kronor (avfallstaxa + budget) över planperioden, vid centrala värden, störst först. Faktorerna och kostnaderna summerar till 100 %, liksom mängderna (avfallspoolerna) för sig; negativa andelar drar åt andra hållet. Sorteringsutbytena ingår i faktorernas andelar.",
        "Each input's share of the scenario's avoided emissions (CO2e) and of the municipality's net saving in SEK (waste fee + budget) over the plan period, at central values, largest first. The factors and costs add up to 100 %, and so do the quantities (the pools of waste) on their own; negative shares pull the other way. Sorting yields are included in the factors' shares.";
    DriversCaption => "De största bidragen till resultatet",
        "The largest contributions to the result";
    DriversOf => "av", "of";
    DriversTotals => "Totalt över planperioden", "Total over the plan period";
    DriversSekTotal => "kommunens nettobesparing", "municipality's net saving";
    DriversInput => "Indata", "Input";
    DriversKind => "Typ", "Type";
    DriversCo2eShare => "t CO2e under planperioden", "t CO2e over the plan period";
    DriversSekShare => "Kommunens netto under planperioden",
        "Municipality's net over the plan period";
    DriversOfTotal => "av totalen", "of the total";
    DriversAgainstTotal => "drar mot totalen, mer än den själv",
        "pulls against the total, by more than the total";
    DriversBeyondTotal => "mer än totalen (andra poster drar åt andra hållet)",
        "more than the total (other inputs pull the other way)";
    DriversSourceKind => "Källtyp", "Source type";
    DriversOtherFactors => "Övriga faktorer och kostnader", "Other factors and costs";
    DriversOtherQuantities => "Övriga mängder", "Other quantities";
    DriversNoSource => "ingen källa", "no source";
    KindEf => "emissionsfaktor", "emission factor";
    KindCf => "kostnadsfaktor", "cost factor";
    KindQuantity => "mängd (avfall)", "quantity (waste)";
    KindMeasureCost => "åtgärdskostnad", "measure cost";
    AreaNoCalc => "Inget försvarbart utsläpps- eller kostnadstal per ton finns för nedskräpning respektive planering av plats för avfall; målen följs upp med andra indikatorer (t.ex. skräpmätningar, plats för kärl i detaljplaner).",
        "There is no defensible emission or cost figure per tonne for littering or for planning space for waste; these goals are followed up with other indicators (e.g. litter counts, space for bins in local development plans).";
    SourceLocator => "Sida eller tabell", "Page or table";
    SourceAccessed => "läst", "accessed";
    SourceNoUrl => "ingen webbadress (projektets egen beräkning eller uppskattning)",
        "no web address (the project's own arithmetic or estimate)";
    EffectInvalid => "Ange ett tal från 0 till 100 med högst en decimal. Beräkningen använder",
        "Enter a number from 0 to 100 with at most one decimal. The calculation uses";
    FieldInvalid => "Ange ett tal, 0 eller större (tomt = standardvärdet). Beräkningen använder",
        "Enter a number, 0 or more (empty = the default). The calculation uses";
    SaveExists => "Det finns redan ett sparat scenario som heter",
        "There is already a saved scenario called";
    SaveExistsAsk => "Vill du ersätta det eller behålla båda?", "Replace it or keep both?";
    SaveReplace => "Ersätt det sparade", "Replace the saved one";
    SaveBoth => "Behåll båda: spara som", "Keep both: save as";
    SaveCancel => "Avbryt", "Cancel";
    ImportSwitchedOff => "Åtgärder som inte finns i filen har stängts av",
        "Measures not in the file were switched off";
    AreaNoCalcTag => "ingen CO2e- eller kronkalkyl", "no CO2e or SEK calculation";
    PartOpen => "Din del: vad ger din verksamhets arbete?",
        "Your part: what does your unit's work give?";
    PartTitle => "Din del av avfallsplanen", "Your part of the waste plan";
    PartIntro => "Välj din verksamhet (en eller flera). Du ser åtgärderna ni leder eller bidrar till, vad de ger i minskade utsläpp och kronor per år och under planperioden, er andel av planens minskning, vilka mål de hjälper och vilka åtgärder som ger mest per krona. Siffrorna kommer från samma beräkning som resten av sidan.",
        "Choose your unit (one or more). You see the measures you lead or contribute to, what they give in avoided emissions and money per year and over the plan period, your share of the plan's reduction, which targets they help and which measures give most per krona. The figures come from the same calculation as the rest of the page.";
    PartPick => "Din verksamhet", "Your unit";
    PartUnknown => "Okänd verksamhet i länken, hoppades över:",
        "Unknown unit in the link, skipped:";
    PartPrint => "Skriv ut (en sida per verksamhet)", "Print (one page per unit)";
    PartBack => "Tillbaka till hela planen", "Back to the whole plan";
    PartNone => "Välj en verksamhet ovan för att se dess del av planen.",
        "Choose a unit above to see its part of the plan.";
    PartPeriod => "Planperiod", "Plan period";
    PartSuffix => "din del av avfallsplanen", "your part of the waste plan";
    PartNoMeasures => "Inga av scenariots påslagna åtgärder bärs av den här verksamheten.",
        "None of the scenario's measures switched on is carried by this unit.";
    PartShareLed => "Åtgärderna ni leder står för", "The measures you lead give";
    PartShareOf => "av planens minskade utsläpp per år vid full effekt",
        "of the plan's avoided emissions per year at full effect";
    PartLeadsNone => "Ni leder ingen av scenariots åtgärder; ni bidrar till andras (de räknas under den verksamhet som leder dem i planens andelar).",
        "You lead none of the scenario's measures; you contribute to others' (the plan's shares count them under the unit that leads them).";
    PartGives => "Vad ert arbete ger", "What your work gives";
    PartGivesCaption => "Alla åtgärder ni leder eller bidrar till. Positivt = minskning eller besparing, negativt = ökning eller kostnad. Under varje värde: lågt till högt.",
        "Every measure you lead or contribute to. Positive = reduction or saving, negative = increase or cost. Under each value: low to high.";
    PartWhat => "Vad", "What";
    PartPerYear => "Per år (full effekt)", "Per year (full effect)";
    PartOverPeriod => "Under planperioden", "Over the plan period";
    PartCo2e => "Minskade utsläpp (t CO2e)", "Avoided emissions (t CO2e)";
    PartMeasures => "Åtgärderna ert arbete driver", "The measures your work drives";
    PartMeasuresCaption => "Per år vid full effekt, summerat över de valda kommunerna. Kronor: positivt = besparing.",
        "Per year at full effect, summed over the chosen municipalities. Money: positive = saving.";
    PartRole => "Er roll", "Your role";
    PartLeads => "Leder", "Leads";
    PartContributes => "Bidrar", "Contributes";
    PartMunicipalityKr => "Kommunen, kr/år", "Municipality, SEK/yr";
    PartHouseholdsKr => "Hushållen, kr/år", "Households, SEK/yr";
    PartTargets => "Planens mål ni bidrar till", "The plan's targets you help";
    PartTargetsHelp => "Hur mycket era åtgärder ändrar målets mått till målåret, och hur stor del av den förändring målet kräver det är.",
        "How much your measures change the target's indicator by the target year, and what share of the change the target needs that is.";
    PartNoTargets => "Era åtgärder ändrar inget av målen i de valda kommunerna (eller kommunerna har inga mål).",
        "Your measures change none of the targets in the chosen municipalities (or the municipalities have no targets).";
    PartEveryChosen => "alla valda kommuner", "every chosen municipality";
    PartTarget => "Mål och kommun", "Target and municipality";
    PartChange => "Ert bidrag", "Your change";
    PartNeeded => "Behövd förändring", "Change needed";
    PartShareNeeded => "Andel av behovet", "Share of the need";
    PartNextBest => "Nästa bästa åtgärder", "Next best measures";
    PartNextBestHelp => "Era åtgärder i ordning efter kommunens kostnad per ton minskad CO2e under planperioden, billigast först (minus = kommunen sparar pengar).",
        "Your measures in order of the municipality's cost per tonne of CO2e avoided over the plan period, cheapest first (minus = the municipality saves money).";
    PartKrPerTonne => "kr/t CO2e", "SEK/t CO2e";
    // The toolbar, the case panel and the uncertainty bands.
    LinkCopied => "Länken är kopierad ({chars} tecken).",
        "The link is copied ({chars} characters).";
    CaseShown => "Resultaten visar: ", "The results show: ";
    CaseExpectedAbout => " (effekter som uppnåtts och mätts på andra håll, med intervall).",
        " (effects that were achieved and measured elsewhere, with ranges).";
    CaseAmbitionAbout => " (varje åtgärd når sitt mål i planen: en förhoppning, inte ett förväntat utfall).",
        " (every measure reaches its goal in the plan: a hope, not an expected outcome).";
    CaseOwnAbout => " (du har ändrat effekter; intervallen behåller underlagets relativa osäkerhet).",
        " (you changed effects; the ranges keep the evidence's relative uncertainty).";
    CaseExpected => "Förväntat", "Expected";
    CaseAtGoal => "Vid målet", "At the goal";
    CaseTitle => "Förväntat utfall eller planens ambition",
        "Expected outcome or the plan's ambition";
    CaseChoose => "Vilka effekter ska åtgärderna ha?", "Which effects should the measures have?";
    CaseChooseExpected => "Förväntat utfall (uppmätta effekter)",
        "Expected outcome (measured effects)";
    CaseChooseAmbition => "Planens ambition (målen nås)", "The plan's ambition (goals reached)";
    CaseIfGoal => "Om varje åtgärd når planens mål: ", "If every measure reaches the plan's goal: ";
    CaseExpectedTail => "; förväntat: ", "; expected: ";
    Updating => " (uppdateras)", " (updating)";
    LawLine => "Krävs enligt lag (händer utan planen: matavfall 2024, textil 2025, förpackningar nära hemmet 2027): ",
        "Required by law (happens without the plan: food waste 2024, textiles 2025, packaging close to home 2027): ";
    LawIncluded => "Det ingår i totalerna ovan.", "It is included in the totals above.";
    LawNotIncluded => "Det ingår inte i totalerna: de visar planens egna åtgärder.",
        "It is not in the totals: they show the plan's own measures.";
    LawCount => "Räkna in det lagen kräver i totalerna",
        "Count what the law requires in the totals";
    CaseMeasures => "Per åtgärd: förväntat och vid planens mål (t CO2e/år)",
        "Per measure: expected and at the plan's goal (t CO2e/yr)";
    CaseMeasuresLabel => "Förväntat och vid målet per åtgärd", "Expected and at goal per measure";
    CaseHope => "Skillnaden mellan kolumnerna är det som vilar på förhoppning: att åtgärden når längre än vad som uppnåtts på andra håll.",
        "The difference between the columns is what rests on hope: that the measure goes further than what was achieved elsewhere.";
    TonnesCo2ePerYear => "{t} t CO2e/år", "{t} t CO2e/yr";
    LawMunicipalityPerYear => ", kommunen {sek} per år. ", ", the municipality {sek} per year. ";
    BandLopsidedDown => "underlag vars intervall når längre åt ena hållet drar bandet nedåt: {inputs}.",
        "inputs whose ranges reach further to one side pull the band down: {inputs}.";
    BandLopsidedUp => "underlag vars intervall når längre åt ena hållet drar bandet uppåt: {inputs}.",
        "inputs whose ranges reach further to one side pull the band up: {inputs}.";
    BandInteractionDown => "produkter av osäkra underlag (effekt gånger faktor) drar bandet nedåt.",
        "products of uncertain inputs (an effect times a factor) pull the band down.";
    BandInteractionUp => "produkter av osäkra underlag (effekt gånger faktor) drar bandet uppåt.",
        "products of uncertain inputs (an effect times a factor) pull the band up.";
    BandSociety => "kommunen + hushållen", "municipality + households";
    BandMunicipality => "kommunens netto", "the municipality's net";
    BandWasteFee => "avfallstaxan", "the waste fee";
    BandBudget => "kommunens budget", "the municipal budget";
    BandHouseholds => "hushållen", "households";
    BandOutside => "rubrikens värde ligger utanför bandet 25–75 %; ",
        "the headline value lies outside the 25–75 % band; ";
    BandAgrees => "Rubrikens värden (alla underlag på sina centrala värden) ligger inom bandet 25–75 % för alla totaler.",
        "The headline values (every input at its central value) lie inside the 25–75 % band for every total.";
    BandWhy => "Varje underlag dras med sitt centrala värde som median. Där bandet ändå ligger vid sidan av rubrikens värde är det därför att:",
        "Every input is drawn with its central value as its median. Where the band still lies beside the headline value, it is because:";
    // Warnings, measure cards, charts and print.
    Or => " eller ", " or ";
    WarnNoTonnes => "{measure}: {pool} går i dag inte till {routes} i",
        "{measure}: no {pool} goes to {routes} today in";
    WarnNoTonnesLine => "{head} {places}, så åtgärden flyttar inget där.",
        "{head} {places}, so the measure moves nothing there.";
    WarnExceeds => "{measure}: mängden är större än vad {pool} har i de behandlingar åtgärden tar från; den når bara det som finns i",
        "{measure}: the quantity is larger than what {pool} has in the routes the measure takes from; it reaches only what is there in";
    WarnExceedsPart => "{municipality} ({quantity} > {available} t/år)",
        "{municipality} ({quantity} > {available} t/yr)";
    QuantityCappedAt => "Mer än vad som finns i avfallet åtgärden tar från: beräkningen använder {t} t/år (allt som finns där).",
        "More than the waste the measure takes from holds: the calculation uses {t} t/yr (all there is).";
    MaccClippedValue => "{number}: {cost} kr/t", "{number}: {cost} SEK/t";
    KrPerTCo2e => "kr/t CO2e", "SEK/t CO2e";
    AxisTCo2eYearCumulative => "t CO2e per år (summerat)", "t CO2e per year (cumulative)";
    CompareMeasuresOn => "Åtgärder påslagna", "Measures on";
    PriceYearIndexed => "{year} (alla kronor i {year} års prisnivå, omräknade med KPI)",
        "{year} (all kronor at {year} prices, converted with the CPI)";
    PriceYearsSpan => "{first}–{last} (kostnadsfaktorerna har olika prisår och är inte indexerade)",
        "{first}–{last} (the cost factors have different price years and are not indexed)";
    PrintMeta => "Faktorunderlag: {set} ({id}), version {version}. Prisår: {price}. Planperiod {first}–{last}. Utskrivet {date}.",
        "Factor set: {set} ({id}), version {version}. Price year: {price}. Plan period {first}–{last}. Printed {date}.";
    PoolOrder => "{o} av {n} på {pool}", "{o} of {n} on {pool}";
    // Files and shared links.
    FileTooLarge => "{file}: filen är {size} MB, webbläsaren läser in högst {limit} MB. Använd kommandoradsverktyget (avfallskalkyl evaluate) för större filer.",
        "{file}: the file is {size} MB, the browser imports at most {limit} MB. Use the command-line tool (avfallskalkyl evaluate) for larger files.";
    LinkNotShared => "Det delade scenariot visas inte: det du ser nedan är standardscenariot, inte avsändarens siffror. Be avsändaren om en ny länk eller om scenariofilen (CSV).",
        "The shared scenario is not shown: what you see below is the default scenario, not the sender's figures. Ask the sender for a new link or for the scenario file (CSV).";
    LinkTooLong => "Länken är för lång ({chars} tecken, högst {max}) och lästes inte. {not_shared}",
        "The link is too long ({chars} characters, at most {max}) and was not read. {not_shared}";
    LinkBroken => "Länken är trasig eller ofullständig – den har troligen kortats av eller ändrats på vägen, till exempel i ett e-postmeddelande. {not_shared} (Tekniskt: {detail}.)",
        "The link is broken or incomplete – it was probably cut short or changed on the way, for example in an e-mail. {not_shared} (Technical: {detail}.)";
    LinkBrokenOld => "Länken är trasig eller ofullständig. Den är skriven av en äldre version av Avfallskalkyl (utan kontrollsumma) och har troligen kortats av på vägen. {not_shared} (Tekniskt: {detail}.)",
        "The link is broken or incomplete. It was written by an older version of Avfallskalkyl (without a checksum) and was probably cut short on the way. {not_shared} (Technical: {detail}.)";
    LinkNewer => "Länken är skriven av en nyare version av Avfallskalkyl (länkformat {version}) och kan inte läsas här. {not_shared}",
        "The link was written by a newer version of Avfallskalkyl (link format {version}) and cannot be read here. {not_shared}";
    // Names of inputs and the budget's next step.
    FactorEffect => "{measure} · effekt", "{measure} · effect";
    FactorImplementationCost => "engångskostnad", "one-time cost";
    FactorRunningCost => "löpande kostnad", "running cost";
    FactorFixedCosts => "fasta kostnader", "fixed costs";
    FactorYield => "{fraction} · utbyte till {route}", "{fraction} · yield to {route}";
    FactorCost => "{fraction} · {route}, kr/t", "{fraction} · {route}, SEK/t";
    NextKronaCost => "{once} i engångskostnad och {year} per år",
        "{once} one-time and {year} per year";
    NextKronaText => "{name} till {level} av inställd effekt ger {co2e} t CO2e/år till för {sek} ({rate} kg CO2e/år per krona, engång plus ett år räknat).",
        "{name} to {level} of the set effect would add {co2e} t CO2e/yr for {sek} ({rate} kg CO2e/yr per krona, one-time plus one year counted).";
    // Units, links and file names.
    KrPerT => "kr/t", "SEK/t";
    RangeWords => "{low}\u{a0}till {high}", "{low}\u{a0}to {high}";
    AccessibilityHref => "./tillganglighet.html", "./accessibility.html";
    FileResultsCsv => "resultat.csv", "results.csv";
    FileResultsJson => "resultat.json", "results.json";
    FileScenarioCsv => "scenario.csv", "scenario.csv";
    // Settings the calculation could not use.
    ProblemEffect => "{place}: effekten {given} % ligger utanför 0–100 %; åtgärdens standardvärde {used} % används",
        "{place}: the effect {given} % is outside 0–100 %; the measure's default {used} % is used";
    ProblemOverride => "{place}: {error}; värdet används inte",
        "{place}: {error}; the value is not used";
    ProblemEffectClamped => "{place}: effekten {given} % ligger utanför 0–100 %; {used} % används",
        "{place}: the effect {given} % is outside 0–100 %; {used} % is used";
    ProblemYears => "{place}: åren {given_start}–{given_full} ligger utanför {first}–{last} eller i fel ordning; {used_start}–{used_full} används",
        "{place}: the years {given_start}–{given_full} are outside {first}–{last} or out of order; {used_start}–{used_full} are used";
    ProblemUnknown => "{place}: finns inte i katalogen och hoppades över",
        "{place}: not in the catalogue, left out";
}
