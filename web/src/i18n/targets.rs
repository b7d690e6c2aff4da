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
}
