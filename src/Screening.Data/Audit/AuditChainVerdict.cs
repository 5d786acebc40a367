namespace Screening.Data.Audit;

/// <summary>Outcome of <see cref="AuditChain.VerifyAsync"/>: rows checked, and the first broken row (or the head hash when intact).</summary>
public sealed record AuditChainVerdict(long RowsVerified, long? BrokenSeq, long? BrokenId, string? Problem, string? HeadHash)
{
    public bool Intact => Problem is null;

    public static AuditChainVerdict Broken(long rows, long? seq, long? id, string problem) => new(rows, seq, id, problem, null);
}
