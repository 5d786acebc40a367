namespace Screening.Domain.Attribution;

/// <summary>
/// What a rule matches on, in precedence order after the panel and the source's declared team (see
/// <see cref="CareTeamAttribution"/>): the PCP is the most specific statement of who looks after a patient, a payer's
/// plan the least.
/// </summary>
public enum AttributionBasis
{
    Pcp,
    Location,
    Organization,
    Payer,
}
