namespace Screening.Data.Patients;

/// <summary>
/// Whom to call: what the worklist, the task list, the CSV export and the JSON API show next to a task (PHI — shown to
/// authorised users, audited, never logged). <see cref="Mrn"/> is the identifier of type MR (of the configured system).
/// </summary>
public sealed record PatientCard(long PatientKey, string? Family, IReadOnlyList<string> Given, DateOnly? BirthDate, string Sex,
    string? MrnSystem, string? Mrn, string? Phone, string CareTeam, string? PcpName)
{
    /// <summary>"Family, Given" or null when no name is known.</summary>
    public string? DisplayName => Family is null && Given.Count == 0 ? null
        : Family is null ? string.Join(' ', Given) : Given.Count == 0 ? Family : $"{Family}, {string.Join(' ', Given)}";

    /// <summary>Age in whole years on <paramref name="on"/>.</summary>
    public int? AgeOn(DateOnly on)
    {
        if (BirthDate is not { } birth) return null;
        var age = on.Year - birth.Year;
        if (on < birth.AddYears(age)) age--;
        return age;
    }
}
