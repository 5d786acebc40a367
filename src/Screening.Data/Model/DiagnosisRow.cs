namespace Screening.Data.Model;

/// <summary>Row of <c>diagnosis</c>.</summary>
public sealed class DiagnosisRow
{
    public long Id { get; set; }
    public long PatientKey { get; set; }
    public required string SourceSystem { get; set; }
    public required string Code { get; set; }
    public required string CodeSystem { get; set; }
    public DateOnly? Onset { get; set; }
    public DateOnly? Abatement { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
