namespace Screening.Contracts;

/// <summary>
/// The reply to a <see cref="ClinicalRecordsReported"/> request (sent only when the batch carried a response address,
/// e.g. from <c>screening import</c>): what the worker did with the batch after its transaction committed. Counts only.
/// </summary>
public sealed record ClinicalRecordsIngested
{
    public required string BatchId { get; init; }
    /// <summary>New result versions stored.</summary>
    public int Accepted { get; init; }
    /// <summary>Results whose identity and content were already stored (re-import, redelivery).</summary>
    public int Duplicates { get; init; }
    /// <summary>Non-target analytes and other units deliberately not used.</summary>
    public int Ignored { get; init; }
    public IReadOnlyDictionary<string, int> RejectedByReason { get; init; } = new Dictionary<string, int>();
    public int PatientsTouched { get; init; }
}
