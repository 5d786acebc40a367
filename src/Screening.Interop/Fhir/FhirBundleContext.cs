using System.Text.Json;

namespace Screening.Interop.Fhir;

/// <summary>
/// What resources of one bundle tell about each other: patient aliases (resource id / fullUrl → patient id),
/// collection times an observation inherits from the DiagnosticReport (<c>result</c>) or panel (<c>hasMember</c>)
/// that lists it, and encounter classes.
/// </summary>
internal sealed class FhirBundleContext(PatientAliases aliases)
{
    private readonly Dictionary<string, string> inheritedEffective = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> encounterClasses = new(StringComparer.Ordinal);

    public PatientAliases Aliases { get; } = aliases;

    /// <summary>
    /// The patient a resource's <c>subject</c> (or <c>patient</c>) refers to: a Patient reference resolved through the
    /// aliases (with its identifier system), or a logical reference <c>subject.identifier</c> (system|value).
    /// </summary>
    public (string? System, string? Id) Subject(JsonElement resource)
    {
        var subject = resource.Child("subject") ?? resource.Child("patient");
        if (subject?.Text("reference") is { } reference)
            return (Aliases.Resolve(reference) is { } id ? Aliases.SystemOf(reference) : null, Aliases.Resolve(reference)?.Trim());
        var identifier = subject?.Child("identifier");
        var value = identifier?.Text("value");
        var system = identifier?.Text("system");
        return (string.IsNullOrWhiteSpace(system) ? null : system.Trim(), string.IsNullOrWhiteSpace(value) ? null : value.Trim());
    }

    public void Learn(IReadOnlyList<(JsonElement Resource, string? FullUrl)> entries)
    {
        foreach (var (resource, fullUrl) in entries)
        {
            var type = resource.Text("resourceType");
            var id = resource.Text("id");
            if (type == "Patient" && FhirPatient.PatientId(resource) is { } patientId)
            {
                var system = FhirPatient.PatientSystem(resource);
                if (id is not null) Aliases.Add("Patient/" + id, patientId, system);
                if (fullUrl is not null) Aliases.Add(fullUrl, patientId, system);
            }
            else if (type == "Encounter" && resource.Child("class")?.Text("code") is { } code)
            {
                var setting = EncounterClass(code);
                if (id is not null) { encounterClasses["Encounter/" + id] = setting; Aliases.Encounters.Add("Encounter/" + id, setting); }
                if (fullUrl is not null) { encounterClasses[fullUrl] = setting; Aliases.Encounters.Add(fullUrl, setting); }
            }
        }
        foreach (var type in new[] { "DiagnosticReport", "Observation" })
        {
            foreach (var (resource, fullUrl) in entries.Where(e => e.Resource.Text("resourceType") == type))
            {
                var own = Effective(resource) ?? InheritedEffective(resource.Text("id"), fullUrl);
                if (own is null) continue;
                foreach (var member in resource.Items(type == "Observation" ? "hasMember" : "result"))
                    if (member.Text("reference") is { } reference) inheritedEffective.TryAdd(Key(reference, "Observation"), own);
            }
        }
    }

    public string? InheritedEffective(string? id, string? fullUrl)
    {
        if (id is not null && inheritedEffective.TryGetValue("Observation/" + id, out var byId)) return byId;
        return fullUrl is not null && inheritedEffective.TryGetValue(fullUrl, out var byUrl) ? byUrl : null;
    }

    /// <summary>The class of the referenced encounter: from this bundle, else from the export's other files.</summary>
    public string? EncounterClassOf(string? reference)
    {
        if (reference is null) return null;
        var key = Key(reference, "Encounter");
        return encounterClasses.TryGetValue(key, out var setting) ? setting : Aliases.Encounters.ClassOf(key);
    }

    public static string? Effective(JsonElement resource)
        => resource.Text("effectiveDateTime") ?? resource.Text("effectiveInstant") ?? resource.Child("effectivePeriod")?.Text("start");

    /// <summary>v3 ActCode encounter class → contract encounter class.</summary>
    public static string EncounterClass(string code) => code switch
    {
        "IMP" or "ACUTE" or "NONAC" or "inpatient" => "inpatient",
        "EMER" or "emergency" => "emergency",
        _ => "outpatient",
    };

    private static string Key(string reference, string type)
    {
        var at = reference.LastIndexOf(type + "/", StringComparison.Ordinal);
        if (at < 0 || (at > 0 && reference[at - 1] != '/')) return reference;
        var rest = reference[at..];
        var history = rest.IndexOf("/_history", StringComparison.Ordinal);
        return history < 0 ? rest : rest[..history];
    }
}
