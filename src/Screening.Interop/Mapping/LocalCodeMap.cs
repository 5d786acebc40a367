using Screening.Domain.Results;
using System.Text.Json;

namespace Screening.Interop.Mapping;

/// <summary>
/// Per-source translation of local result codes to LOINC (seeds/local-codes.json). Keyed by source system
/// (HL7 sending facility, FHIR coding system, CSV source) then by local code; never guessed from display text.
/// File shape: <c>{"sources":{"DHC":{"HGB":{"loinc":"718-7","unit":"g/dL"}}}}</c> (<c>unit</c> optional: it
/// overrides the unit the source sends for that code).
/// </summary>
public sealed class LocalCodeMap
{
    private readonly Dictionary<string, Dictionary<string, LocalCodeMapping>> sources;

    private LocalCodeMap(Dictionary<string, Dictionary<string, LocalCodeMapping>> sources) => this.sources = sources;

    public static LocalCodeMap Empty { get; } = new(new(StringComparer.OrdinalIgnoreCase));

    public int Count => sources.Values.Sum(s => s.Count);

    public LocalCodeMapping? Find(string sourceSystem, string localCode)
        => sources.TryGetValue(sourceSystem, out var codes) && codes.TryGetValue(localCode, out var mapping) ? mapping : null;

    /// <summary>A copy of this map with one more mapping (tests, admin tooling).</summary>
    public LocalCodeMap With(string sourceSystem, string localCode, string loinc, string? unit = null)
    {
        var copy = new Dictionary<string, Dictionary<string, LocalCodeMapping>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (source, codes) in sources) copy[source] = new Dictionary<string, LocalCodeMapping>(codes, StringComparer.Ordinal);
        if (!copy.TryGetValue(sourceSystem, out var target)) copy[sourceSystem] = target = new(StringComparer.Ordinal);
        target[localCode] = new LocalCodeMapping(loinc, unit);
        return new LocalCodeMap(copy);
    }

    /// <summary>Parses the seed file. Configuration, not feed input: a malformed file throws <see cref="FormatException"/>.</summary>
    public static LocalCodeMap Parse(string json)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json); }
        catch (JsonException e) { throw new FormatException($"local code map is not valid JSON: {e.Message}", e); }
        using (document)
        {
            var map = new Dictionary<string, Dictionary<string, LocalCodeMapping>>(StringComparer.OrdinalIgnoreCase);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("sources", out var sourcesElement)
                || sourcesElement.ValueKind != JsonValueKind.Object)
                throw new FormatException("local code map needs an object property $.sources");
            foreach (var source in sourcesElement.EnumerateObject())
            {
                if (source.Value.ValueKind != JsonValueKind.Object) throw new FormatException($"$.sources.{source.Name} must be an object");
                var codes = new Dictionary<string, LocalCodeMapping>(StringComparer.Ordinal);
                foreach (var code in source.Value.EnumerateObject())
                {
                    var path = $"$.sources.{source.Name}.{code.Name}";
                    if (code.Value.ValueKind != JsonValueKind.Object
                        || !code.Value.TryGetProperty("loinc", out var loinc) || loinc.ValueKind != JsonValueKind.String
                        || !LoincCode.HasValidCheckDigit(loinc.GetString() ?? ""))
                        throw new FormatException($"{path} needs a well-formed \"loinc\" string");
                    string? unit = code.Value.TryGetProperty("unit", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
                    codes[code.Name] = new LocalCodeMapping(loinc.GetString()!, unit);
                }
                map[source.Name] = codes;
            }
            return new LocalCodeMap(map);
        }
    }
}
