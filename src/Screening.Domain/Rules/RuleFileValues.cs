using System.Globalization;
using Screening.Domain.Patients;
using Screening.Domain.Results;

namespace Screening.Domain.Rules;

/// <summary>Reads the typed values of a rule file: quantities with units, LOINC lists and code lists.</summary>
internal static class RuleFileValues
{
    /// <summary>An object such as <c>{ "lt": 12.0, "unit": "g/dL" }</c> converted to the analyte's canonical unit.</summary>
    public static decimal Quantity(JsonSection parent, string name, Analyte analyte, string valueKey = "value")
    {
        var section = parent.Object(name);
        if (section is null) return 0m;
        var value = section.OptionalDecimal(valueKey, decimal.MinValue, decimal.MaxValue, record: false, optional: false);
        var unit = section.Text("unit", record: false);
        section.Finish();
        if (value is not { } number || unit.Length == 0) return 0m;
        if (!AnalyteCatalog.TryConvert(analyte, number, unit, out var canonical))
        {
            parent.Reader.Problem(section.At("unit"), $"unknown unit '{unit}' for {AnalyteCatalog.NameOf(analyte)}");
            return 0m;
        }
        var prefix = valueKey == "lt" ? "< " : "";
        parent.Reader.Accept(parent.At(name), prefix + number.ToString(CultureInfo.InvariantCulture) + " " + unit, parent.SourceOf(name));
        return canonical;
    }

    /// <summary>An object <c>{ "min": 2, "max": 25, "unit": "g/dL" }</c> in canonical units; reports min &gt; max.</summary>
    public static (decimal Min, decimal Max) Range(JsonSection parent, string name, Analyte analyte, string maxKey = "max")
    {
        var section = parent.Object(name);
        if (section is null) return (0m, 0m);
        var min = section.OptionalDecimal("min", decimal.MinValue, decimal.MaxValue, record: false, optional: false);
        var max = section.OptionalDecimal(maxKey, decimal.MinValue, decimal.MaxValue, record: false, optional: false);
        var unit = section.Text("unit", record: false);
        section.Finish();
        if (min is not { } low || max is not { } high || unit.Length == 0) return (0m, 0m);
        if (!AnalyteCatalog.TryConvert(analyte, low, unit, out var lowCanonical) || !AnalyteCatalog.TryConvert(analyte, high, unit, out var highCanonical))
        {
            parent.Reader.Problem(section.At("unit"), $"unknown unit '{unit}' for {AnalyteCatalog.NameOf(analyte)}");
            return (0m, 0m);
        }
        if (low >= high) parent.Reader.Problem(parent.At(name), $"min > max: min {low} must be below {maxKey} {high}");
        var text = string.Create(CultureInfo.InvariantCulture, $"{low}..{high} {unit}");
        parent.Reader.Accept(parent.At(name), maxKey == "max" ? text : text + " (upper bound exclusive)", parent.SourceOf(name));
        return (lowCanonical, highCanonical);
    }

    /// <summary>A list of LOINC codes, each well formed, with a valid check digit, and of the expected analyte.</summary>
    public static IReadOnlySet<string> Loincs(JsonSection parent, string name, Analyte analyte)
    {
        var codes = parent.Texts(name, allowEmpty: false);
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < codes.Count; i++)
        {
            var code = codes[i];
            var path = parent.At(name) + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (!LoincCode.IsWellFormed(code)) parent.Reader.Problem(path, $"unknown LOINC format '{code}' (expected digits-checkdigit, e.g. 718-7)");
            else if (!LoincCode.HasValidCheckDigit(code)) parent.Reader.Problem(path, $"LOINC '{code}' has a wrong check digit");
            else if (AnalyteCatalog.AnalyteOf(code) is not { } known) parent.Reader.Problem(path, $"LOINC '{code}' is not in the analyte catalog");
            else if (known != analyte) parent.Reader.Problem(path, $"LOINC '{code}' measures {AnalyteCatalog.NameOf(known)}, not {AnalyteCatalog.NameOf(analyte)}");
            else if (!set.Add(code)) parent.Reader.Problem(path, $"duplicate LOINC '{code}'");
        }
        return set;
    }

    /// <summary>
    /// An object of code lists by system and/or value-set names, e.g. <c>{ "valueSets": ["pregnancy"] }</c> or
    /// <c>{ "icd10": ["O*", "Z33*"], "snomed": ["72892002"] }</c>; the code set is their union.
    /// </summary>
    public static CodeSet Codes(JsonSection parent, string name, bool allowEmpty = false)
    {
        var section = parent.Object(name);
        if (section is null) return CodeSet.Empty;
        var codes = new List<(CodeSystem, string)>();
        var listing = new List<string>();
        var names = section.OptionalTexts("valueSets");
        for (var i = 0; i < names.Count; i++)
        {
            if (!parent.Reader.ValueSets.TryGetValue(names[i], out var valueSet))
            {
                parent.Reader.Problem(section.At("valueSets") + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", $"unknown value set '{names[i]}'");
                continue;
            }
            parent.Reader.UsedValueSets.Add(valueSet.Name);
            codes.AddRange(valueSet.Members);
            listing.Add("valueSet:" + valueSet.Name);
        }
        foreach (var system in CodeSystemNames.All)
        {
            var list = section.OptionalTexts(system);
            var codeSystem = CodeSystemNames.Parse(system)!.Value;
            for (var i = 0; i < list.Count; i++)
            {
                var path = section.At(system) + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                if (CodeSyntax.ProblemWith(codeSystem, list[i]) is { } problem) parent.Reader.Problem(path, $"'{list[i]}' is not a valid {system} code or prefix: {problem}");
                else { codes.Add((codeSystem, list[i])); listing.Add(system + ":" + list[i]); }
            }
        }
        section.Finish();
        if (codes.Count == 0 && !allowEmpty) parent.Reader.Problem(parent.At(name), "empty: expected at least one code");
        var set = new CodeSet(codes);
        parent.Reader.Accept(parent.At(name), listing.Count == 0 ? "(none)" : string.Join(", ", listing), parent.SourceOf(name));
        return set;
    }
}
