namespace Screening.Domain.Attribution;

/// <summary>
/// What a feed says about who looks after a patient, as the ingest can fill it: the care team the source declares
/// (if any), the primary care provider's id (PD1-4 / FHIR <c>generalPractitioner</c>, e.g. an NPI), the location or
/// department (PV1-3 / PD1-3), the managing organization (FHIR <c>managingOrganization</c>), the payer or plan, and the
/// patient's identifiers (for panel files). Every field is optional; absent facts simply match no rule.
/// </summary>
public sealed record AttributionFacts(
    IReadOnlyList<PatientIdentifier> Identifiers,
    string? DeclaredTeam = null,
    string? PcpId = null,
    string? Location = null,
    string? ManagingOrganization = null,
    string? Payer = null)
{
    public static AttributionFacts None { get; } = new([]);
}
