namespace Screening.Data.Ingest;

/// <summary>The ingest decision for one reported result: store it, ignore it (non-target analyte) or reject it.</summary>
public abstract record ResultVerdict
{
    public sealed record Accept(AcceptedResult Result) : ResultVerdict;
    public sealed record Ignore : ResultVerdict;
    public sealed record Reject(RejectRecord Record) : ResultVerdict;
}
