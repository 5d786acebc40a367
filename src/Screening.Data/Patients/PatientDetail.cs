namespace Screening.Data.Patients;

/// <summary>Everything <c>screening patients show</c> prints: identifiers, demographics, team and attribution inputs (PHI, audited).</summary>
public sealed record PatientDetail(
    long PatientKey,
    IReadOnlyList<PatientIdentifierRow> Identifiers,
    string? Family,
    IReadOnlyList<string> Given,
    DateOnly? BirthDate,
    string Sex,
    DateOnly? DeceasedDate,
    IReadOnlyList<string> Phones,
    IReadOnlyList<string> Address,
    string? Language,
    string CareTeam,
    string? PcpId,
    string? PcpName,
    string? Location,
    string? ManagingOrganization,
    string? Payer,
    long? MergedInto);
