namespace Screening.Domain.Outreach;

/// <summary>The action for one task and, when closing, the reason recorded on it.</summary>
public sealed record TaskDecision(TaskAction Action, string? CloseReason = null)
{
    public static readonly TaskDecision Nothing = new(TaskAction.None);
}
