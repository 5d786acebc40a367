namespace Screening.Contracts;

/// <summary>
/// What outreach needs to reach a patient and what attribution reads (PHI, minimum necessary). Stored in its own
/// table (<c>patient_demographics</c>), never read by the screening path, never logged. Null fields keep what is on record.
/// </summary>
public sealed record PatientDemographics
{
    public PersonName? Name { get; init; }
    /// <summary>Phone numbers as written by the source, most preferred first.</summary>
    public IReadOnlyList<string>? Phones { get; init; }
    /// <summary>Postal address as display lines (street, city state zip).</summary>
    public IReadOnlyList<string>? Address { get; init; }
    /// <summary>Preferred language (BCP 47 or the source's code, e.g. "en", "es").</summary>
    public string? Language { get; init; }
    /// <summary>Primary care provider id (NPI when known) and display name: PD1-4, PV1-7, FHIR generalPractitioner.</summary>
    public string? PcpId { get; init; }
    public string? PcpName { get; init; }
    /// <summary>Location or department (PV1-3 point of care), for attribution.</summary>
    public string? Location { get; init; }
    /// <summary>FHIR managingOrganization (reference or display).</summary>
    public string? ManagingOrganization { get; init; }
    /// <summary>Payer / plan (IN1-3/IN1-2, Synthea PAYER), when the source sends one.</summary>
    public string? Payer { get; init; }
}
