namespace Screening.Domain.Results;

/// <summary>
/// What ingest should do with one reported value: <see cref="Accepted"/> (converted to the canonical unit),
/// <see cref="Ignored"/> (not an analyte screening uses — not a reject), or <see cref="Rejected"/> with a reason code
/// (<c>unknown-unit</c>, <c>implausible-value</c>, <c>missing-value</c>; clinical-rules §9.1, §9.4b "Quarantined values").
/// </summary>
public abstract record LabValueVerdict
{
    private LabValueVerdict() { }

    public sealed record Accepted(string Analyte, decimal Value, string Unit) : LabValueVerdict
    {
        public Results.Analyte Kind { get; init; }
    }

    public sealed record Ignored(string Loinc) : LabValueVerdict;

    public sealed record Rejected(string ReasonCode, string Detail) : LabValueVerdict;
}
