namespace Screening.Data.Model;

/// <summary>Row of <c>clinical_procedure</c>.</summary>
public sealed class ProcedureRow
{
    public long Id { get; set; }
    public long PatientKey { get; set; }
    public required string SourceSystem { get; set; }
    public string? ProcedureId { get; set; }
    public required string Code { get; set; }
    public required string CodeSystem { get; set; }
    public DateOnly PerformedOn { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
