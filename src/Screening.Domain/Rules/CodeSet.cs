using Screening.Domain.Patients;

namespace Screening.Domain.Rules;

/// <summary>
/// A list of diagnosis/procedure codes per code system. An entry ending in <c>*</c> matches by prefix
/// (<c>O*</c>, <c>Z49*</c>, <c>N18.3*</c>). ICD-10 codes compare without dots and case (<c>N18.30</c> = <c>n1830</c>);
/// other systems compare exactly after trimming. Exact non-ICD codes (the long SNOMED CT lists of value sets) are
/// looked up in a hash set, so a set of hundreds of members costs one lookup per diagnosis.
/// </summary>
public sealed class CodeSet
{
    private readonly (CodeSystem System, string Pattern, bool Prefix)[] entries;
    private readonly Dictionary<CodeSystem, HashSet<string>> exact = [];

    public CodeSet(IEnumerable<(CodeSystem System, string Code)> codes)
    {
        var list = new List<(CodeSystem, string, bool)>();
        foreach (var (system, code) in codes)
        {
            var prefix = code.EndsWith('*');
            var body = prefix ? code[..^1] : code;
            var key = CodeSystemNames.Of(system) + ":" + code;
            if (!listed.Add(key)) continue;
            listing.Add(key);
            if (system != CodeSystem.Icd10 && !prefix)
            {
                if (!exact.TryGetValue(system, out var set)) exact[system] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(body.Trim());
                continue;
            }
            list.Add((system, Normalize(system, body), prefix));
        }
        entries = [.. list];
    }

    public static CodeSet Empty { get; } = new([]);

    /// <summary>The entries as written, e.g. <c>icd10:O*</c>, for rule listings and finding parameters.</summary>
    public IReadOnlyList<string> Listing => listing;

    private readonly List<string> listing = [];
    private readonly HashSet<string> listed = new(StringComparer.Ordinal);

    public bool IsEmpty => listing.Count == 0;

    public bool Matches(string code, CodeSystem system)
    {
        if (exact.TryGetValue(system, out var set) && set.Contains(code.Trim())) return true;
        foreach (var (entrySystem, pattern, prefix) in entries)
        {
            if (entrySystem != system) continue;
            if (system == CodeSystem.Icd10 ? IcdMatches(code, pattern, prefix) : ExactMatches(code, pattern, prefix)) return true;
        }
        return false;
    }

    public override string ToString() => string.Join(", ", Listing);

    private static string Normalize(CodeSystem system, string code)
        => system == CodeSystem.Icd10 ? code.Replace(".", "", StringComparison.Ordinal).Trim().ToUpperInvariant() : code.Trim();

    private static bool ExactMatches(string code, string pattern, bool prefix)
    {
        var span = code.AsSpan().Trim();
        return prefix ? span.StartsWith(pattern, StringComparison.Ordinal) : span.Equals(pattern, StringComparison.Ordinal);
    }

    private static bool IcdMatches(string code, string pattern, bool prefix)
    {
        var p = 0;
        foreach (var raw in code)
        {
            if (raw == '.' || char.IsWhiteSpace(raw)) continue;
            if (p == pattern.Length) return prefix;
            if (char.ToUpperInvariant(raw) != pattern[p]) return false;
            p++;
        }
        return p == pattern.Length;
    }
}
