using Screening.Contracts;

namespace Screening.IntegrationTests.Infrastructure;

/// <summary>Builders for the facts tests send: readable, with sensible defaults.</summary>
public static class Facts
{
    public static PatientUpdated Woman(string id, int bornYear = 1980, string team = "north") =>
        new() { PatientId = id, Sex = "female", BirthDate = new DateOnly(bornYear, 3, 1), CareTeam = team };

    /// <summary>A hemoglobin for <paramref name="patient"/>: a bare id, or "SYSTEM|VALUE" for an identifier of an issuing system.</summary>
    public static LabResultReported Hb(string patient, string resultId, decimal gramsPerDeciliter, string day, string status = "final") => new()
    {
        SourceSystem = "lab", ResultId = resultId,
        PatientSystem = patient.Contains('|') ? patient.Split('|')[0] : null, PatientId = patient.Contains('|') ? patient.Split('|')[1] : patient, Loinc = "718-7", Value = gramsPerDeciliter, Unit = "g/dL",
        CollectedAt = DateTimeOffset.Parse(day + "T09:00:00-05:00", System.Globalization.CultureInfo.InvariantCulture), Status = status,
    };
}
