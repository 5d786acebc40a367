namespace Screening.Interop.Fhir;

/// <summary>
/// FHIR Patient resource id → the patient id the pipeline uses (identifier[0].value, else the resource id). Readers
/// fill it from every Patient they see and use it to resolve <c>subject.reference</c> = <c>Patient/&lt;id&gt;</c>, so
/// observations resolve to the same patient id across a bundle, or across files when the caller keeps one instance.
/// </summary>
public sealed class PatientAliases
{
    private readonly Dictionary<string, string> byReference = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> systems = new(StringComparer.Ordinal);

    public int Count => byReference.Count;

    /// <summary>The export's encounter classes, kept with the aliases because both live as long as one export is read.</summary>
    public EncounterIndex Encounters { get; } = new();

    /// <summary>Learns a reference; <paramref name="system"/> is the identifier's issuing system (null: a bare id).</summary>
    public void Add(string reference, string patientId, string? system = null)
    {
        byReference[reference] = patientId;
        if (system is null) systems.Remove(reference);
        else systems[reference] = system;
    }

    /// <summary>The issuing system of the patient id a reference resolves to (null: a bare id, the feed's default system).</summary>
    public string? SystemOf(string reference) =>
        systems.TryGetValue(reference, out var direct) ? direct
        : Key(reference) is { } key && systems.TryGetValue(key, out var known) ? known : null;

    /// <summary>The patient id for a reference such as <c>Patient/pat2</c>, <c>urn:uuid:…</c> or an absolute URL.</summary>
    public string? Resolve(string reference)
    {
        if (byReference.TryGetValue(reference, out var direct)) return direct;
        var key = Key(reference);
        if (key is null) return null;
        return byReference.TryGetValue(key, out var known) ? known : key[8..];
    }

    /// <summary>"Patient/x" from "Patient/x", "https://host/base/Patient/x" or "Patient/x/_history/2".</summary>
    internal static string? Key(string reference)
    {
        var at = reference.LastIndexOf("Patient/", StringComparison.Ordinal);
        if (at < 0 || (at > 0 && reference[at - 1] != '/')) return null;
        var id = reference[(at + 8)..];
        var slash = id.IndexOf('/');
        if (slash >= 0) id = id[..slash];
        return id.Length == 0 ? null : "Patient/" + id;
    }
}
