namespace Screening.Contracts;

/// <summary>A performed procedure (CPT or SNOMED CT), e.g. a DXA scan (CPT 77080, SNOMED 312681000).</summary>
public sealed record ProcedureReported
{
    public string SourceSystem { get; init; } = "default";
    public required string PatientId { get; init; }
    /// <summary>Issuing system of <see cref="PatientId"/>; null = the feed's default system (docs/identity.md).</summary>
    public string? PatientSystem { get; init; }
    public string? ProcedureId { get; init; }
    public required string Code { get; init; }
    /// <summary>cpt | snomed.</summary>
    public string System { get; init; } = "cpt";
    public required DateOnly PerformedOn { get; init; }
}
