using System.Text.Json;
using Screening.Contracts;
using Screening.Domain.Codes;

namespace Screening.Interop.Fhir;

/// <summary>FHIR Patient → <see cref="PatientUpdated"/>: id = identifier[0].value, else the resource id.</summary>
internal static class FhirPatient
{
    /// <summary>A deceasedBoolean without a date: the earliest date, so "deceased on or before as-of" always holds.</summary>
    public static readonly DateOnly DeceasedDateUnknown = DateOnly.MinValue;

    public static string? PatientId(JsonElement patient)
    {
        var identifier = patient.First("identifier")?.Text("value");
        return string.IsNullOrWhiteSpace(identifier) ? NonEmpty(patient.Text("id")) : identifier.Trim();
    }

    public static void Read(JsonElement patient, string path, string payload, ReadOutcomeBuilder output)
    {
        var patientId = PatientId(patient);
        if (patientId is null)
        {
            output.Reject(RejectReasons.UnknownPatientId, "Patient has neither identifier[0].value nor id", $"{path}.identifier[0].value", payload);
            return;
        }
        DateOnly? deceased = FhirJson.Date(patient.Text("deceasedDateTime"))
                             ?? (patient.Flag("deceasedBoolean") == true ? DeceasedDateUnknown : null);
        output.Patients.Add(new PatientUpdated
        {
            SourceSystem = NonEmpty(patient.First("identifier")?.Text("system")) ?? "fhir",
            PatientId = patientId,
            Sex = patient.Text("gender") is "female" or "male" or "other" or "unknown" ? patient.Text("gender") : null,
            BirthDate = FhirJson.Date(patient.Text("birthDate")),
            DeceasedDate = deceased,
        });
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
