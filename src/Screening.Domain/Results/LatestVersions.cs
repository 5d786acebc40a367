namespace Screening.Domain.Results;

/// <summary>
/// Result versioning (clinical-rules §7, §9.4b "Result versions"): identity is (SourceSystem, ResultId); the version
/// with the highest Sequence wins whatever its status, so a later entered-in-error retracts and a later final revives.
/// Equal sequences (duplicates) resolve deterministically, so arrival order never matters.
/// </summary>
public static class LatestVersions
{
    public static List<LabObservation> Of(IReadOnlyList<LabObservation> versions)
    {
        var latest = new Dictionary<(string, string), LabObservation>(versions.Count);
        foreach (var version in versions)
        {
            var key = (version.SourceSystem, version.ResultId);
            if (!latest.TryGetValue(key, out var current) || Wins(version, current)) latest[key] = version;
        }
        return [.. latest.Values];
    }

    private static bool Wins(LabObservation candidate, LabObservation current)
    {
        if (candidate.Sequence != current.Sequence) return candidate.Sequence > current.Sequence;
        // Same sequence, different content: a tie-break that does not depend on arrival order.
        if (candidate.Status != current.Status) return candidate.Status > current.Status;
        if (candidate.CollectedOn != current.CollectedOn) return candidate.CollectedOn > current.CollectedOn;
        if (candidate.Value != current.Value) return candidate.Value < current.Value;
        return string.CompareOrdinal(candidate.Unit + candidate.Loinc, current.Unit + current.Loinc) < 0;
    }
}
