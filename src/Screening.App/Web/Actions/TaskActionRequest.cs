namespace Screening.App.Web.Actions;

/// <summary>
/// One action on a task, from a form or the API. <see cref="RowVersion"/> is the version the user saw: when given and the
/// task changed since, the action is refused (409) instead of silently overwriting someone else's work.
/// </summary>
public sealed record TaskActionRequest(string Kind, uint? RowVersion = null, string? Outcome = null, string? Reason = null,
    DateOnly? Until = null, string? Team = null, string? Note = null)
{
    /// <summary>What is wrong with the request for its kind, or null.</summary>
    public string? Problem(DateOnly today, int maxSnoozeDays)
    {
        if (Note is { Length: > 2000 }) return "A note may have at most 2000 characters.";
        return Kind switch
        {
            "start" => null,
            "complete" => Outcome is not null && ActionLists.Outcomes.Contains(Outcome) ? null
                : "Choose an outcome: " + string.Join(", ", ActionLists.Outcomes) + ".",
            "dismiss" => Reason is not null && ActionLists.DismissReasons.Contains(Reason) ? null
                : "Choose a reason: " + string.Join(", ", ActionLists.DismissReasons) + ".",
            "snooze" => Until is not { } until ? "Give the date to snooze until (YYYY-MM-DD)."
                : until <= today ? "The snooze date must be in the future."
                : until > today.AddDays(maxSnoozeDays) ? $"A task can be snoozed for at most {maxSnoozeDays} days." : null,
            "reassign" => Team is { Length: > 0 and <= 64 } team && team.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') ? null
                : "Choose the team to reassign to (letters, digits, '-', '_', '.').",
            "notes" => string.IsNullOrWhiteSpace(Note) ? "Write the note." : null,
            _ => $"Unknown action '{Kind}'.",
        };
    }
}
