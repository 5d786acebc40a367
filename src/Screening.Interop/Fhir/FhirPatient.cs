using System.Text.Json;
using Screening.Contracts;

namespace Screening.Interop.Fhir;

/// <summary>
/// FHIR Patient → <see cref="PatientUpdated"/>. Identity: every <c>identifier</c> (system|value, type.coding[0].code);
/// results refer to identifier[0] (an identifier without system is a bare id: the feed's default system), else to the
/// resource id as a bare id. Demographics: name (official first), telecom phones, address, communication (preferred
/// first), generalPractitioner (PCP id = identifier.value or reference, name = display), managingOrganization.
/// </summary>
internal static class FhirPatient
{
    /// <summary>A deceasedBoolean without a date: the earliest date, so "deceased on or before as-of" always holds.</summary>
    public static readonly DateOnly DeceasedDateUnknown = DateOnly.MinValue;

    public static string? PatientId(JsonElement patient)
    {
        var identifier = patient.First("identifier")?.Text("value");
        return string.IsNullOrWhiteSpace(identifier) ? NonEmpty(patient.Text("id")) : identifier.Trim();
    }

    /// <summary>The issuing system of <see cref="PatientId"/> (null for a bare id or the resource id).</summary>
    public static string? PatientSystem(JsonElement patient) =>
        string.IsNullOrWhiteSpace(patient.First("identifier")?.Text("value")) ? null : NonEmpty(patient.First("identifier")?.Text("system"));

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
        var identifiers = patient.Items("identifier")
            .Where(i => !string.IsNullOrWhiteSpace(i.Text("value")))
            .Select(i => new PatientIdentifierReported
            {
                System = NonEmpty(i.Text("system")),
                Value = i.Text("value")!.Trim(),
                Type = NonEmpty(i.Child("type")?.First("coding")?.Text("code")),
            }).ToArray();
        output.Patients.Add(new PatientUpdated
        {
            SourceSystem = NonEmpty(patient.First("identifier")?.Text("system")) ?? "fhir",
            PatientId = patientId,
            PatientSystem = PatientSystem(patient),
            PatientIdType = identifiers.Length > 0 ? identifiers[0].Type : null,
            Identifiers = identifiers.Skip(1).ToArray(),
            Sex = patient.Text("gender") is "female" or "male" or "other" or "unknown" ? patient.Text("gender") : null,
            BirthDate = FhirJson.Date(patient.Text("birthDate")),
            DeceasedDate = deceased,
            Demographics = Demographics(patient),
        });
    }

    private static PatientDemographics? Demographics(JsonElement patient)
    {
        var names = patient.Items("name").ToArray();
        var name = names.FirstOrDefault(n => n.Text("use") == "official") is { ValueKind: JsonValueKind.Object } official ? official
            : names.Length > 0 ? names[0] : (JsonElement?)null;
        var phones = patient.Items("telecom").Where(t => t.Text("system") == "phone" && !string.IsNullOrWhiteSpace(t.Text("value")))
            .OrderBy(t => t.Number("rank") ?? int.MaxValue).Select(t => t.Text("value")!.Trim()).ToArray();
        var address = patient.First("address") is { } a
            ? a.Items("line").Where(l => l.ValueKind == JsonValueKind.String).Select(l => l.GetString()!.Trim())
                .Append(string.Join(' ', new[] { a.Text("city") is { Length: > 0 } city && a.Text("state") is { Length: > 0 } ? city + "," : a.Text("city"), a.Text("state"), a.Text("postalCode") }
                    .Where(p => !string.IsNullOrWhiteSpace(p))))
                .Where(l => l.Length > 0).ToArray()
            : [];
        var communications = patient.Items("communication").ToArray();
        var language = (communications.FirstOrDefault(c => c.Flag("preferred") == true) is { ValueKind: JsonValueKind.Object } preferred ? preferred
                : communications.Length > 0 ? communications[0] : (JsonElement?)null)?.Child("language") is { } lang
            ? NonEmpty(lang.First("coding")?.Text("code")) ?? NonEmpty(lang.Text("text"))
            : null;
        var gp = patient.First("generalPractitioner");
        var organization = patient.Child("managingOrganization");
        var demographics = new PatientDemographics
        {
            Name = name is { } n ? new PersonName
            {
                Family = NonEmpty(n.Text("family")),
                Given = n.Items("given").Where(g => g.ValueKind == JsonValueKind.String).Select(g => g.GetString()!.Trim()).ToArray(),
            } : null,
            Phones = phones.Length > 0 ? phones : null,
            Address = address.Length > 0 ? address : null,
            Language = language,
            PcpId = gp is { } g1 ? NonEmpty(g1.Child("identifier")?.Text("value")) ?? NonEmpty(g1.Text("reference")) : null,
            PcpName = gp is { } g2 ? NonEmpty(g2.Text("display")) : null,
            ManagingOrganization = organization is { } o ? NonEmpty(o.Child("identifier")?.Text("value")) ?? NonEmpty(o.Text("reference")) ?? NonEmpty(o.Text("display")) : null,
        };
        return demographics == new PatientDemographics() ? null : demographics;
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
