namespace Screening.Data.Model;

/// <summary>Row of <c>patient</c>. <see cref="PatientKey"/> is the surrogate used in logs, events and URLs.</summary>
public sealed class Patient
{
    public long PatientKey { get; set; }
    public required string ExternalId { get; set; }
    public string SourceSystem { get; set; } = "default";
    public string Sex { get; set; } = "unknown";
    public DateOnly? BirthDate { get; set; }
    public DateOnly? DeceasedDate { get; set; }
    public string CareTeam { get; set; } = "unassigned";
    public bool Hospice { get; set; }
    public bool OptedOut { get; set; }
    public bool DemographicsKnown { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
