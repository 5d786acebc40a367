namespace Screening.Contracts;

/// <summary>
/// Demographics, care-team attribution and exclusions of one patient, as the source knows them now. Absent
/// (null) fields keep what is on record, so a lab feed's PID never erases a care team or an opt-out.
/// </summary>
public sealed record PatientUpdated
{
    public string SourceSystem { get; init; } = "default";
    public required string PatientId { get; init; }
    /// <summary>Issuing system of <see cref="PatientId"/> (CX.4, FHIR identifier.system); null = the feed's default system.</summary>
    public string? PatientSystem { get; init; }
    /// <summary>Identifier type of <see cref="PatientId"/> (MR, PI, …), when the source says.</summary>
    public string? PatientIdType { get; init; }
    /// <summary>Further identifiers of the same person (other PID-3 repetitions, other FHIR identifiers).</summary>
    public IReadOnlyList<PatientIdentifierReported>? Identifiers { get; init; }
    /// <summary>Name, phones, address, language, PCP, location, organization, payer (PHI); null keeps what is on record.</summary>
    public PatientDemographics? Demographics { get; init; }
    /// <summary>female | male | other | unknown.</summary>
    public string? Sex { get; init; }
    public DateOnly? BirthDate { get; init; }
    public DateOnly? DeceasedDate { get; init; }
    /// <summary>Attributed care team; null keeps the team already on record (e.g. an HL7 PID carries none).</summary>
    public string? CareTeam { get; init; }
    /// <summary>Hospice/palliative enrolment; null keeps what is on record.</summary>
    public bool? Hospice { get; init; }
    /// <summary>Documented opt-out of outreach; null keeps what is on record.</summary>
    public bool? OptedOut { get; init; }
}
