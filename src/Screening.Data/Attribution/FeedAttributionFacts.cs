using Screening.Contracts;
using Screening.Domain.Attribution;
using Screening.Data.Platform;

namespace Screening.Data.Attribution;

/// <summary>
/// The attribution facts a feed's patient message carries today: the identifier (source system + patient id) and the
/// care team the source declares. PCP, location, managing organization and payer join here once the feeds read them
/// (issue 14's demographics); the rules for them already work.
/// </summary>
public static class FeedAttributionFacts
{
    public static AttributionFacts Of(PatientUpdated patient) =>
        new([new PatientIdentifier(patient.SourceSystem.Trim(), patient.PatientId.Trim())], DeclaredTeam: patient.CareTeam);
}
