using Screening.Contracts;

namespace Screening.App.Feeds;

/// <summary>Where an import is: units read and published, and units a worker confirmed as stored (after its commit).</summary>
public sealed record ImportProgress(long UnitsRead, long UnitsConfirmed, int BatchesPublished, int BatchesConfirmed, long? EstimatedUnits, TimeSpan Elapsed)
{
    public double Rate => Elapsed.TotalSeconds > 0 ? UnitsConfirmed / Elapsed.TotalSeconds : 0;
}

/// <summary>What an import did, from the workers' replies (one per batch): counts only, no PHI.</summary>
public sealed class ImportSummary
{
    public int Sources { get; init; }
    public int Batches { get; set; }
    public int Confirmed { get; set; }
    /// <summary>Published, but no reply within the timeout: still queued (a worker stores it later); re-running is safe.</summary>
    public int Unconfirmed { get; set; }
    /// <summary>Could not be published (broker refused or unreachable).</summary>
    public int Failed { get; set; }
    public string? FirstError { get; set; }
    /// <summary>Units read from the files: facts + reader rejects + ignored units.</summary>
    public long UnitsRead { get; set; }
    public long Accepted { get; set; }
    public long Duplicates { get; set; }
    public long Ignored { get; set; }
    public long PatientsTouched { get; set; }
    public SortedDictionary<string, long> RejectedByReason { get; } = new(StringComparer.Ordinal);
    public long Rejected => RejectedByReason.Values.Sum();
    public TimeSpan Elapsed { get; set; }
    public double UnitsPerSecond => Elapsed.TotalSeconds > 0 ? UnitsRead / Elapsed.TotalSeconds : 0;
    public bool Complete => Unconfirmed == 0 && Failed == 0;

    internal void Add(ClinicalRecordsIngested reply)
    {
        Confirmed++;
        Accepted += reply.Accepted;
        Duplicates += reply.Duplicates;
        Ignored += reply.Ignored;
        PatientsTouched += reply.PatientsTouched;
        foreach (var (reason, count) in reply.RejectedByReason ?? new Dictionary<string, int>())
            RejectedByReason[reason] = RejectedByReason.GetValueOrDefault(reason) + count;
    }
}
