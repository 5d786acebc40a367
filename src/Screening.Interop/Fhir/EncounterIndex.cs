namespace Screening.Interop.Fhir;

/// <summary>
/// Encounter reference (<c>Encounter/&lt;id&gt;</c> or fullUrl) → encounter class, across the files of one FHIR
/// export: a bulk export sends Encounters in their own <c>Encounter.ndjson</c>, so an Observation's
/// <c>encounter.reference</c> is resolved from here when its own bundle does not hold the Encounter. Holds one short
/// key per encounter and a shared class string (bounded by the export's encounter count, not its resource size).
/// File mode and import fill it in their first pass over the FHIR sources and read observations in the second.
/// </summary>
public sealed class EncounterIndex
{
    private readonly Dictionary<string, string> classes = new(StringComparer.Ordinal);

    public int Count => classes.Count;

    public void Add(string reference, string setting) => classes[reference] = setting;

    public string? ClassOf(string key) => classes.TryGetValue(key, out var setting) ? setting : null;
}
