namespace Screening.Contracts;

/// <summary>Demographics, care-team attribution and exclusions of one patient, as the source knows them now.</summary>
public sealed record PatientUpdated
{
    public string SourceSystem { get; init; } = "default";
    public required string PatientId { get; init; }
    /// <summary>female | male | other | unknown.</summary>
    public string? Sex { get; init; }
    public DateOnly? BirthDate { get; init; }
    public DateOnly? DeceasedDate { get; init; }
    public string? CareTeam { get; init; }
    public bool Hospice { get; init; }
    public bool OptedOut { get; init; }
}
