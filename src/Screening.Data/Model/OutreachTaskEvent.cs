namespace Screening.Data.Model;

/// <summary>Row of <c>outreach_task_event</c>: the task's history and the outbox of task events.</summary>
public sealed class OutreachTaskEvent
{
    public long Id { get; set; }
    public long TaskId { get; set; }
    public required string Kind { get; set; }
    public required string Actor { get; set; }
    public string Detail { get; set; } = "{}";
    public DateTimeOffset OccurredAt { get; set; }
    public bool Publish { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
}
