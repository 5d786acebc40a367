using System.Globalization;
using Screening.Domain.Patients;

namespace Screening.Domain.Rules;

/// <summary>
/// Reads the optional top-level <c>valueSets</c> object of a rule file: per name a <c>title</c>, optional VSAC
/// <c>oids</c>, a <c>source</c> and <c>codes</c> by system. Reports bad codes (per system syntax), duplicates,
/// malformed OIDs and empty sets; <see cref="ReportUnused"/> reports sets no rule refers to.
/// </summary>
internal static class ValueSetsReader
{
    public static void Read(JsonSection root)
    {
        var section = root.Object("valueSets", optional: true);
        if (section is null) return;
        foreach (var name in section.Names())
        {
            var set = section.Object(name);
            if (set is null) continue;
            if (!name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
                root.Reader.Problem(set.Path, "a value set name is lower-case letters, digits and dashes");
            var title = set.Text("title", record: false);
            var oids = set.OptionalTexts("oids");
            for (var i = 0; i < oids.Count; i++)
                if (!IsOid(oids[i])) root.Reader.Problem(set.At("oids") + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", $"'{oids[i]}' is not an OID");
            var source = set.Text("source", record: false);
            var members = Members(set);
            set.Finish();
            var valueSet = new ValueSet(name, title, oids, source, members);
            root.Reader.ValueSets[name] = valueSet;
            root.Reader.Accept(set.Path, Describe(valueSet), source);
        }
        section.Finish();
    }

    /// <summary>A value set that no rule refers to is a mistake (a renamed reference, a forgotten set).</summary>
    public static void ReportUnused(RuleFileReader reader)
    {
        foreach (var name in reader.ValueSets.Keys)
            if (!reader.UsedValueSets.Contains(name)) reader.Problem("$.valueSets." + name, "unused: no rule refers to this value set");
    }

    private static List<(CodeSystem, string)> Members(JsonSection set)
    {
        var members = new List<(CodeSystem, string)>();
        var codes = set.Object("codes");
        if (codes is null) return members;
        foreach (var key in CodeSystemNames.All)
        {
            var system = CodeSystemNames.Parse(key)!.Value;
            var list = codes.OptionalTexts(key);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < list.Count; i++)
            {
                var path = codes.At(key) + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                if (CodeSyntax.ProblemWith(system, list[i]) is { } problem) set.Reader.Problem(path, $"'{list[i]}' is not a valid {key} code: {problem}");
                else if (!seen.Add(list[i])) set.Reader.Problem(path, $"duplicate {key} code '{list[i]}'");
                else members.Add((system, list[i]));
            }
        }
        codes.Finish();
        if (members.Count == 0) set.Reader.Problem(set.At("codes"), "empty: a value set needs at least one code");
        return members;
    }

    private static bool IsOid(string text)
    {
        var arcs = text.Split('.');
        return arcs.Length >= 2 && arcs.All(a => a.Length > 0 && a.All(char.IsAsciiDigit) && (a == "0" || a[0] != '0'));
    }

    /// <summary>One line for <c>rules show</c>: title, OIDs, then every member by system.</summary>
    public static string Describe(ValueSet set)
    {
        var parts = new List<string> { set.Title };
        if (set.Oids.Count > 0) parts.Add("VSAC " + string.Join(", ", set.Oids));
        foreach (var key in CodeSystemNames.All)
        {
            var codes = set.In(CodeSystemNames.Parse(key)!.Value).ToList();
            if (codes.Count > 0) parts.Add($"{key} ({codes.Count}): {string.Join(", ", codes)}");
        }
        return string.Join(" | ", parts);
    }
}
