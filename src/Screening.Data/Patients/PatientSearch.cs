namespace Screening.Data.Patients;

/// <summary>A patient search: by identifier value (and optionally its system), or by family-name prefix (and optionally birth date).</summary>
public sealed record PatientSearch(string? Identifier, string? System, string? NamePrefix, DateOnly? BirthDate)
{
    /// <summary>A problem with the search as given, or null when it can run.</summary>
    public string? Problem() =>
        string.IsNullOrWhiteSpace(Identifier) == string.IsNullOrWhiteSpace(NamePrefix) ? "give either an identifier or a name (not both, not neither)"
        : Identifier is null && NamePrefix!.Trim().Length < 2 ? "a name search needs at least 2 letters"
        : null;
}
