namespace Screening.Data.Model;

/// <summary>Row of <c>rejected_message</c>: input that could not be used, with reason and raw payload.</summary>
public sealed class RejectedMessage
{
    public long Id { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public required string Source { get; set; }
    public required string Format { get; set; }
    public required string ReasonCode { get; set; }
    public required string Detail { get; set; }
    public string Location { get; set; } = "";
    public required string Payload { get; set; }
    public required string PayloadHash { get; set; }
    public string Status { get; set; } = "rejected";
    public DateTimeOffset? ReplayedAt { get; set; }
    public string? ReplayNote { get; set; }
}
