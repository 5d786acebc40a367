using Screening.Domain.Units;

namespace Screening.Domain.Results;

/// <summary>
/// LOINC → analyte map and UCUM conversions (clinical-rules §6.1, §6.2, §6.5). Keyed on the LOINC number, never
/// on the display name. Which codes each rule counts is chosen in the rule file; this catalog only says what a
/// code measures and how to convert its units. Arterial Hb 30313-1 is known (accepted at ingest, critical-value
/// check) but not listed for the outpatient anemia rule.
/// </summary>
public static class AnalyteCatalog
{
    private static readonly AnalyteDefinition HemoglobinDefinition = new(Analyte.Hemoglobin, "hemoglobin", Hemoglobin.CanonicalUnit,
        new("g/dL", v => v),
        new("g/L", v => Hemoglobin.FromGramsPerLiter(v).GramsPerDeciliter),
        new("mmol/L", v => Hemoglobin.FromMillimolesPerLiter(v).GramsPerDeciliter));

    private static readonly AnalyteDefinition TotalCalciumDefinition = new(Analyte.TotalCalcium, "calcium-total", Calcium.CanonicalUnit,
        new("mg/dL", v => v),
        new("mmol/L", v => Calcium.FromMillimolesPerLiter(v).MilligramsPerDeciliter));

    private static readonly AnalyteDefinition CorrectedCalciumDefinition = new(Analyte.CorrectedCalcium, "calcium-corrected", Calcium.CanonicalUnit,
        new("mg/dL", v => v),
        new("mmol/L", v => Calcium.FromMillimolesPerLiter(v).MilligramsPerDeciliter));

    private static readonly AnalyteDefinition IonizedCalciumDefinition = new(Analyte.IonizedCalcium, "calcium-ionized", IonizedCalcium.CanonicalUnit,
        new("mmol/L", v => v),
        new("mg/dL", v => IonizedCalcium.FromMilligramsPerDeciliter(v).MillimolesPerLiter),
        new("meq/L", v => IonizedCalcium.FromMilliequivalentsPerLiter(v).MillimolesPerLiter));

    private static readonly AnalyteDefinition AlbuminDefinition = new(Analyte.Albumin, "albumin", Albumin.CanonicalUnit,
        new("g/dL", v => v),
        new("g/L", v => Albumin.FromGramsPerLiter(v).GramsPerDeciliter),
        new("umol/L", v => Albumin.FromMicromolesPerLiter(v).GramsPerDeciliter, "µmol/L", "μmol/L"));

    private static readonly AnalyteDefinition TScoreDefinition = new(Analyte.DxaTScore, "dxa-t-score", TScore.CanonicalUnit,
        new UnitSpelling("{T-score}", v => v, "1", "{SD}", ""));

    // Context labs (§3, §4): conversions from clinical-rules §6.5.
    private static readonly AnalyteDefinition VitaminDDefinition = new(Analyte.VitaminD25Hydroxy, "vitamin-d-25oh", "ng/mL",
        new("ng/mL", v => v), new("ug/L", v => v, "µg/L", "μg/L"), new("nmol/L", v => v / 2.496m));

    private static readonly AnalyteDefinition FerritinDefinition = new(Analyte.Ferritin, "ferritin", "ng/mL",
        new("ng/mL", v => v), new("ug/L", v => v, "µg/L", "μg/L"), new("pmol/L", v => v * 0.445m));

    private static readonly AnalyteDefinition PthDefinition = new(Analyte.ParathyroidHormone, "pth-intact", "pg/mL",
        new("pg/mL", v => v), new("ng/L", v => v), new("pmol/L", v => v * 9.43m));

    private static readonly AnalyteDefinition CrpDefinition = new(Analyte.CReactiveProtein, "crp", "mg/L",
        new("mg/L", v => v), new("mg/dL", v => v * 10m));

    private static readonly AnalyteDefinition B12Definition = new(Analyte.VitaminB12, "vitamin-b12", "pg/mL",
        new("pg/mL", v => v), new("ng/L", v => v), new("pmol/L", v => v * 1.355m));

    private static readonly AnalyteDefinition FolateDefinition = new(Analyte.Folate, "folate", "ng/mL",
        new("ng/mL", v => v), new("ug/L", v => v, "µg/L", "μg/L"), new("nmol/L", v => v * 0.4413m));

    private static readonly Dictionary<string, AnalyteDefinition> ByLoinc = Build();

    /// <summary>What <paramref name="loinc"/> measures, or null when screening does not use the code.</summary>
    public static Analyte? AnalyteOf(string loinc) => Find(loinc)?.Kind;

    /// <summary>The stored name of an analyte, e.g. <c>hemoglobin</c>, <c>calcium-ionized</c>.</summary>
    public static string NameOf(Analyte analyte) => Definition(analyte).Name;

    /// <summary>The canonical (UCUM) unit of an analyte, e.g. <c>g/dL</c> for hemoglobin.</summary>
    public static string CanonicalUnitOf(Analyte analyte) => Definition(analyte).CanonicalUnit;

    /// <summary>Every LOINC code the catalog knows, with its analyte.</summary>
    public static IReadOnlyDictionary<string, Analyte> Codes { get; } = ByLoinc.ToDictionary(p => p.Key, p => p.Value.Kind);

    /// <summary>Converts <paramref name="value"/> in <paramref name="unit"/> to the analyte's canonical unit.</summary>
    public static bool TryConvert(Analyte analyte, decimal value, string? unit, out decimal canonical)
        => Definition(analyte).TryConvert(unit, value, out canonical);

    internal static AnalyteDefinition? Find(string loinc)
        => ByLoinc.TryGetValue(loinc.Trim(), out var definition) ? definition : null;

    internal static AnalyteDefinition Definition(Analyte analyte) => analyte switch
    {
        Analyte.Hemoglobin => HemoglobinDefinition,
        Analyte.TotalCalcium => TotalCalciumDefinition,
        Analyte.CorrectedCalcium => CorrectedCalciumDefinition,
        Analyte.IonizedCalcium => IonizedCalciumDefinition,
        Analyte.Albumin => AlbuminDefinition,
        Analyte.DxaTScore => TScoreDefinition,
        Analyte.VitaminD25Hydroxy => VitaminDDefinition,
        Analyte.Ferritin => FerritinDefinition,
        Analyte.ParathyroidHormone => PthDefinition,
        Analyte.CReactiveProtein => CrpDefinition,
        Analyte.VitaminB12 => B12Definition,
        _ => FolateDefinition,
    };

    private static Dictionary<string, AnalyteDefinition> Build()
    {
        var map = new Dictionary<string, AnalyteDefinition>(StringComparer.Ordinal);
        void Add(AnalyteDefinition definition, params string[] loincs)
        {
            foreach (var loinc in loincs) map.Add(loinc, definition);
        }
        Add(HemoglobinDefinition, "718-7", "30350-3", "59260-0", "20509-6", "30313-1");
        Add(TotalCalciumDefinition, "17861-6", "2000-8", "49765-1");
        Add(CorrectedCalciumDefinition, "29265-6", "46099-8");
        Add(IonizedCalciumDefinition, "1994-3", "1995-0", "17863-2", "38230-9", "47596-2");
        Add(AlbuminDefinition, "1751-7", "61151-7", "61152-5", "54347-0");
        Add(TScoreDefinition, "38267-1", "38264-8", "80946-7", "80945-9", "38263-0", "80948-3", "80947-5", "38265-5");
        Add(VitaminDDefinition, "62292-8", "83070-3", "1989-3", "14635-7");
        Add(FerritinDefinition, "2276-4", "14723-1");
        Add(PthDefinition, "2731-8", "14866-8");
        Add(CrpDefinition, "1988-5", "30522-7");
        Add(B12Definition, "2132-9", "14685-2");
        Add(FolateDefinition, "2284-8", "14732-2", "2282-2");
        return map;
    }
}
