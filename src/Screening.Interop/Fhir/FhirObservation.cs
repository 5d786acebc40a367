using Screening.Domain.Results;
using System.Text.Json;
using Screening.Contracts;
using Screening.Interop.Mapping;

namespace Screening.Interop.Fhir;

/// <summary>
/// FHIR Observation → <see cref="LabResultReported"/>. LOINC from code.coding (system http://loinc.org), else a
/// local code mapped per coding system; valueQuantity (UCUM <c>code</c> preferred); effective[x], else the time of
/// the report or panel that lists it; status per clinical-rules §7 (<c>unknown</c> is rejected). Grouping panels
/// (hasMember, no value) and non-quantity values are counted as ignored.
/// </summary>
internal static class FhirObservation
{
    private const string Loinc = "http://loinc.org";
    private const string Ucum = "http://unitsofmeasure.org";
    private static readonly HashSet<string> Statuses =
        ["registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error"];

    public static void Read(JsonElement obs, string path, string? fullUrl, string payload,
        FhirBundleContext context, LocalCodeMap codes, ReadOutcomeBuilder output)
    {
        void Reject(string reason, string detail, string where) => output.Reject(reason, detail, $"{path}.{where}", payload);

        var quantity = obs.Child("valueQuantity");
        if (quantity is null && (HasOtherValue(obs) || obs.Items("hasMember").Any() || obs.Items("component").Any()))
        {
            output.Ignored++;
            return;
        }
        var status = obs.Text("status");
        if (status is null || !Statuses.Contains(status))
        {
            Reject(RejectReasons.InvalidStatus, $"status '{status}' is not a countable or known Observation status", "status");
            return;
        }
        if (!TryCode(obs, codes, out var loinc, out var localCode, out var unitOverride))
        {
            Reject(RejectReasons.UnmappedCode, localCode is null ? "no code.coding" : $"no LOINC coding and no mapping for local code {localCode}", "code.coding");
            return;
        }
        var (patientSystem, patientId) = context.Subject(obs);
        if (string.IsNullOrWhiteSpace(patientId))
        {
            Reject(RejectReasons.UnknownPatientId, "subject is not a Patient reference", "subject.reference");
            return;
        }
        var effectiveText = FhirBundleContext.Effective(obs) ?? context.InheritedEffective(obs.Text("id"), fullUrl);
        var collectedAt = FhirJson.DateTime(effectiveText);
        if (collectedAt is null)
        {
            Reject(RejectReasons.MissingCollectionTime,
                effectiveText is null ? "no effectiveDateTime, effectivePeriod.start or reporting panel time" : $"'{effectiveText}' is not a dateTime with day precision",
                "effectiveDateTime");
            return;
        }
        var identifier = obs.First("identifier");
        var (sourceSystem, resultId) = identifier?.Text("value") is { Length: > 0 } value
            ? (identifier.Value.Text("system") is { Length: > 0 } system ? system : "fhir", value)
            : ("fhir", obs.Text("id") ?? "");
        if (resultId.Length == 0)
        {
            Reject(RejectReasons.MissingField, "no identifier[0].value and no id to identify the result", "id");
            return;
        }
        var range = obs.First("referenceRange");
        output.Results.Add(new LabResultReported
        {
            SourceSystem = sourceSystem,
            ResultId = resultId,
            PatientId = patientId.Trim(),
            PatientSystem = patientSystem,
            Loinc = loinc,
            Value = quantity?.Text("comparator") is { Length: > 0 } ? null : quantity?.Number("value"),
            Unit = unitOverride ?? UnitSpelling.Normalize(Unit(quantity)),
            CollectedAt = collectedAt,
            Status = status,
            EncounterClass = context.EncounterClassOf(obs.Child("encounter")?.Text("reference")),
            ReferenceLow = range?.Child("low")?.Number("value"),
            ReferenceHigh = range?.Child("high")?.Number("value"),
        });
    }

    private static bool TryCode(JsonElement obs, LocalCodeMap codes, out string loinc, out string? localCode, out string? unitOverride)
    {
        loinc = "";
        localCode = null;
        unitOverride = null;
        var codings = obs.Child("code")?.Items("coding").ToList() ?? [];
        foreach (var coding in codings)
        {
            if (coding.Text("system") == Loinc && LoincCode.HasValidCheckDigit(coding.Text("code") ?? ""))
            {
                loinc = coding.Text("code")!;
                return true;
            }
        }
        foreach (var coding in codings)
        {
            var system = coding.Text("system") ?? "";
            var code = coding.Text("code");
            if (code is null) continue;
            localCode ??= $"{system}|{code}";
            if (codes.Find(system, code) is { } mapping)
            {
                loinc = mapping.Loinc;
                unitOverride = UnitSpelling.Normalize(mapping.UnitOverride);
                return true;
            }
        }
        return false;
    }

    private static string? Unit(JsonElement? quantity)
    {
        if (quantity is not { } q) return null;
        return q.Text("system") == Ucum && q.Text("code") is { Length: > 0 } code ? code : q.Text("unit") ?? q.Text("code");
    }

    private static bool HasOtherValue(JsonElement obs)
        => obs.ValueKind == JsonValueKind.Object
           && obs.EnumerateObject().Any(p => p.Name.StartsWith("value", StringComparison.Ordinal) && p.Name != "valueQuantity");
}
