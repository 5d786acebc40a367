using Screening.Data.Platform;
namespace Screening.Data.Ingest;

/// <summary>What one ingest batch did: counted, never logged with PHI.</summary>
public sealed record IngestSummary(
    int Accepted,
    int Duplicates,
    int Ignored,
    IReadOnlyDictionary<string, int> RejectedByReason,
    int PatientsTouched,
    int CriticalAlerts)
{
    public int Rejected => RejectedByReason.Values.Sum();
}
