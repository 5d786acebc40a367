namespace Screening.Data.Model;

/// <summary>Row of <c>audit_event</c>: who saw or changed what.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    public long? PatientKey { get; set; }
    public string Detail { get; set; } = "{}";
}
