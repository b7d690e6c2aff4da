//! The texts of "Mål och uppföljning": the targets' cards, the gap package, the follow-up
//! files and forms.

texts! {
    /// A text of the follow-up section.
    KTargets;
    GapLevel => " · {level} % av full effekt · {cost}", " · {level} % of full effect · {cost}";
    GapCostTail => " (engångs- och löpande kostnader, centrala värden, alla betalare). Prognos målåret: {projected} {unit}; målet: {target} {unit}.",
        " (one-time and running costs, central values, all payers). Projection in the target year: {projected} {unit}; target: {target} {unit}.";
    GapMet => "Målet nås utan fler åtgärder.", "The target is met without more measures.";
    GapCost => "Kostnad under planperioden: ", "Cost over the plan period: ";
    GapUnreachable => "Inget paket av katalogens åtgärder når målet, inte ens med alla på full effekt.",
        "No package of the catalogue's measures meets the target, not even all of them at full effect.";
    GapFailed => "Kunde inte räknas ut: ", "Could not be computed: ";
    GapShow => "Visa billigaste paket som når målet",
        "Show the least-cost package that meets the target";
    Base => "Bas", "Base";
    ShowTable => "Visa som tabell", "Show as a table";
    Path => "Rak linje", "Path";
    Projected => "Prognos", "Projected";
    Actual => "Utfall", "Actual";
    NoContributions => "Inga påslagna åtgärder påverkar målet.",
        "No measure switched on changes this indicator.";
    Contributions => "Åtgärdernas bidrag målåret", "The measures' contributions in the target year";
    WastedFoodHouseholds => "Matsvinn per invånare (hushåll)",
        "Wasted food per inhabitant (households)";
    ByLatestActual => "enligt senaste utfallet", "by the latest actual";
    ByProjection => "enligt prognosen", "by the projection";
    BaseFromTarget => "målets basvärde", "the target's base";
    BaseFromMunicipality => "kommunens basvärde", "the municipality's base";
    BaseFromModel => "modellen (standardvärden)", "the model (defaults)";
    BaseFromModelOwn => "modellen, kommunens egna siffror",
        "the model, the municipality's own figures";
    AllChosen => "alla valda kommuner", "all chosen municipalities";
    Status => "Status", "Status";
    Target => "Mål", "Target";
    ProjectedGap => "Gap i prognosen", "Projected gap";
    ChartFor => "Diagram och bidrag för", "Chart and contributions for";
    ProjectedTargetYear => "Prognos målåret", "Projected in the target year";
    ChooseMunicipality => "Välj en kommun för att följa målen.",
        "Choose a municipality to follow the targets.";
    Title => "Mål och uppföljning", "Targets and follow-up";
    ChartLabel => "{town}. Bas: {base_year} {base} {unit} → {target_year} {target} {unit}; prognos {projected}",
        "{town}. Base: {base_year} {base} {unit} → {target_year} {target} {unit}; projected {projected}";
    Meta => "{indicator} ({unit}), målår {year}", "{indicator} ({unit}), target year {year}";
    ProjectedIn => "Prognos {year}", "Projected {year}";
    ProjectedInUnit => "Prognos {year} ({unit})", "Projected {year} ({unit})";
    Help => "Ett kort per mål: status, prognos vid målåret och gap för varje vald kommun, och för den kommun du väljer i kortet den raka linjen från basvärdet till målet (streckad), utfallen (punkter), prognosen från de påslagna åtgärderna (heldragen), målåret och åtgärdernas bidrag. Status: det senaste utfallet mot linjen, utan utfall prognosen.",
        "One card per target: the status, the projection in the target year and the gap for every chosen municipality, and for the municipality you pick in the card the straight path from base to target (dashed), the actuals (dots), the projection of the measures switched on (solid), the target year and the measures' contributions. Status: the latest actual against the path, without actuals the projection.";
    OutsidePlan => "{names}: inga inbyggda mål (planens mål gäller Sjuhärads kommuner). Lägg till egna mål i formuläret Mål nedan; de gäller då alla valda kommuner.",
        "{names}: no built-in targets (the plan's targets are Sjuhärad's). Add your own in the Targets form below; they then apply to every chosen municipality.";
    Files => "Filer (samma format som kommandoradsverktyget)",
        "Files (the command-line tool's formats)";
    FileBaseline => "Egna siffror (basfil)", "Own figures (baseline file)";
    FileActuals => "Utfall", "Actuals";
    FileExport => "Exportera CSV", "Export CSV";
    FileNothingRead => "{file}: inget lästes in", "{file}: nothing was read";
    TonnesPerYear => "ton per år", "tonnes per year";
    KgPerInhabitantAndYear => "kg per invånare och år", "kg per inhabitant and year";
    GPerPortion => "g per portion", "g per portion";
    KgInh => "kg/inv", "kg/inh.";
    GPortion => "g/portion", "g/portion";
    DefaultQuantity => "standardmängd", "default quantity";
    OwnFiguresSaved => "Egna siffror sparade:", "Own figures saved:";
    TheMunicipalitySOwnFigures => "Kommunens egna siffror", "The municipality's own figures";
    AMeasuredQuantityAndShares => "Uppmätt mängd och fördelning ersätter standardvärdena för kommunen och poolen, i alla resultat (till exempel från plockanalys, vågdata eller Kolada). Samma fält som basfilen.", "A measured quantity and shares replace the defaults for the municipality and pool, in every result (for example from pick analyses, weighbridge data or Kolada). The baseline file's fields.";
    Municipality => "Kommun", "Municipality";
    Pool => "Avfallspool", "Pool";
    YearOfTheFigures => "År siffrorna gäller", "Year of the figures";
    QuantityEmptyDefault => "Mängd (tom: standard)", "Quantity (empty: default)";
    Unit => "Enhet", "Unit";
    WhereItGoesTodayAll => "Vart det går i dag, % (tomma: standard; annars summa 100)", "Where it goes today, % (all empty: default; else they sum to 100)";
    Source => "Källa", "Source";
    Note => "Anteckning", "Note";
    SaveOwnFigures => "Spara egna siffror", "Save own figures";
    Change => "Ändra", "Change";
    Remove => "Ta bort", "Remove";
    ActualSaved => "Utfall sparat:", "Actual saved:";
    Indicator => "Indikator", "Indicator";
    Year => "År", "Year";
    ValueInTheIndicatorS => "Värde, i indikatorns enhet", "Value, in the indicator's unit";
    Add => "Lägg till", "Add";
    OwnTarget => "Eget mål", "Own target";
    TargetChanged => "Ändrat mål:", "Target changed:";
    TargetAdded => "Tillagt mål:", "Target added:";
    ChangingTarget => "Ändrar mål:", "Changing target:";
    ChangeCancelled => "Ändringen avbröts:", "Change cancelled:";
    TargetRemoved => "Borttaget mål:", "Target removed:";
    Targets => "Mål", "Targets";
    BeingChangedBelow => "ändras nedan", "being changed below";
    ChangeTarget => "Ändra mål", "Change target";
    RemoveTarget => "Ta bort mål", "Remove target";
    BackToThePlanS => "Tillbaka till planens mål", "Back to the plan's targets";
    NewTarget => "Nytt mål", "New target";
    TheGoalSText => "Målets text", "The goal's text";
    PoolsCountedNoneTickedAll => "Avfallspooler som räknas (ingen vald: alla)", "Pools counted (none ticked: all)";
    BaseYear => "Basår", "Base year";
    BaseValueEmptyTheModel => "Basvärde (tomt: modellen)", "Base value (empty: the model)";
    TargetValue => "Målvärde", "Target value";
    OrChangeFromTheBase => "eller förändring från basen, %", "or change from the base, %";
    TargetYear => "Målår", "Target year";
    TheMunicipalitiesOwnBasesFrom => "Kommunernas egna basvärden (från målfilen) behålls:", "The municipalities' own bases (from the targets file) are kept:";
    SaveTheChange => "Spara ändringen", "Save the change";
    AddTarget => "Lägg till mål", "Add target";
    Cancel => "Avbryt", "Cancel";
    NotSaved => "Inte sparat:", "Not saved:";
    AddAnotherMunicipality => "Lägg till en annan kommun", "Add another municipality";
    AnyOfSwedenS290 => "Vilken som helst av Sveriges 290 kommuner. Resultaten räknas från de nationella standardvärdena per invånare; kommunen har inga inbyggda mål (lägg till egna under Mål och uppföljning).", "Any of Sweden's 290 municipalities. Its results come from the national per-inhabitant defaults; it has no built-in targets (add your own under Targets and follow-up).";
    MunicipalityNameOrCode => "Kommun (namn eller kod)", "Municipality (name or code)";
    PopulationInhabitants => "Folkmängd (invånare)", "Population (inhabitants)";
    DateOfThePopulation => "Folkmängdens datum", "Date of the population";
    YYYYMMDDEG => "ÅÅÅÅ-MM-DD, t.ex. 2024-12-31", "YYYY-MM-DD, e.g. 2024-12-31";
    EGSCBPopulation31 => "t.ex. SCB, folkmängd 31 december 2024", "e.g. SCB, population 31 December 2024";
    AddTheMunicipality => "Lägg till kommunen", "Add the municipality";
    NotInScbListDidYouMean => "'{text}' finns inte i SCB:s lista över kommuner (menade du '{near}'?)",
        "'{text}' is not in SCB's list of municipalities (did you mean '{near}'?)";
    NotInScbList => "'{text}' finns inte i SCB:s lista över kommuner: skriv kommunens namn eller fyrsiffriga kod",
        "'{text}' is not in SCB's list of municipalities: write its name or four-digit code";
    OneOfSjuharad => "{name} är en av Sjuhärads kommuner: välj den i listan ovan",
        "{name} is one of Sjuhärad's municipalities: choose it in the list above";
}
