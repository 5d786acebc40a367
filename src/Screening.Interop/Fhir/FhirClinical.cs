using System.Text.Json;
using Screening.Contracts;

namespace Screening.Interop.Fhir;

/// <summary>
/// FHIR Procedure (CPT / SNOMED CT, performed[x]) and Condition (ICD-10-CM / SNOMED CT, onset / abatement).
/// Codes in other systems and records marked entered-in-error, not-done or refuted are counted as ignored.
/// </summary>
internal static class FhirClinical
{
    private static readonly Dictionary<string, string> ProcedureSystems = new(StringComparer.Ordinal)
    {
        ["http://www.ama-assn.org/go/cpt"] = "cpt",
        ["http://snomed.info/sct"] = "snomed",
    };

    private static readonly Dictionary<string, string> ConditionSystems = new(StringComparer.Ordinal)
    {
        ["http://hl7.org/fhir/sid/icd-10-cm"] = "icd10",
        ["http://snomed.info/sct"] = "snomed",
    };

    public static void ReadProcedure(JsonElement procedure, string path, string payload, FhirBundleContext context, ReadOutcomeBuilder output)
    {
        if (procedure.Text("status") is "entered-in-error" or "not-done" || Code(procedure, ProcedureSystems) is not var (code, system))
        {
            output.Ignored++;
            return;
        }
        if (PatientId(procedure, context) is not { } patientId)
        {
            output.Reject(RejectReasons.UnknownPatientId, "subject is not a Patient reference", $"{path}.subject.reference", payload);
            return;
        }
        var performedText = procedure.Text("performedDateTime") ?? procedure.Child("performedPeriod")?.Text("start");
        if (FhirJson.Date(performedText) is not { } performedOn)
        {
            output.Reject(RejectReasons.MissingField, "no performedDateTime or performedPeriod.start with day precision", $"{path}.performedDateTime", payload);
            return;
        }
        output.Procedures.Add(new ProcedureReported
        {
            SourceSystem = procedure.First("identifier")?.Text("system") ?? "fhir",
            PatientId = patientId,
            PatientSystem = context.Subject(procedure).System,
            ProcedureId = procedure.First("identifier")?.Text("value") ?? procedure.Text("id"),
            Code = code,
            System = system,
            PerformedOn = performedOn,
        });
    }

    public static void ReadCondition(JsonElement condition, string path, string payload, FhirBundleContext context, ReadOutcomeBuilder output)
    {
        var verification = condition.Child("verificationStatus")?.First("coding")?.Text("code");
        if (verification is "entered-in-error" or "refuted" || Code(condition, ConditionSystems) is not var (code, system))
        {
            output.Ignored++;
            return;
        }
        if (PatientId(condition, context) is not { } patientId)
        {
            output.Reject(RejectReasons.UnknownPatientId, "subject is not a Patient reference", $"{path}.subject.reference", payload);
            return;
        }
        output.Conditions.Add(new ConditionReported
        {
            SourceSystem = condition.First("identifier")?.Text("system") ?? "fhir",
            PatientId = patientId,
            PatientSystem = context.Subject(condition).System,
            Code = code,
            System = system,
            Onset = FhirJson.Date(condition.Text("onsetDateTime") ?? condition.Child("onsetPeriod")?.Text("start") ?? condition.Text("recordedDate")),
            Abatement = FhirJson.Date(condition.Text("abatementDateTime") ?? condition.Child("abatementPeriod")?.Text("end")),
        });
    }

    private static (string Code, string System)? Code(JsonElement resource, Dictionary<string, string> systems)
    {
        foreach (var coding in resource.Child("code")?.Items("coding") ?? [])
            if (coding.Text("system") is { } s && systems.TryGetValue(s, out var system) && coding.Text("code") is { Length: > 0 } code)
                return (code.Trim(), system);
        return null;
    }

    private static string? PatientId(JsonElement resource, FhirBundleContext context) =>
        context.Subject(resource).Id is { Length: > 0 } id ? id : null;
}
