namespace Screening.Domain.Patients;

/// <summary>What the rules need to know about a patient: demographics and global exclusions (§9.1).</summary>
public sealed record PatientFacts(
    string PatientId,
    Sex Sex,
    DateOnly? BirthDate,
    DateOnly? DeceasedDate = null,
    bool Hospice = false,
    bool OptedOut = false,
    string? CareTeam = null);
