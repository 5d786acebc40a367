namespace Screening.Domain.Codes;

/// <summary>
/// The outreach task's statuses as stored, and the open set: at most one open task per patient and rule (the
/// database's <c>ux_outreach_task_one_open</c> index is written with the same set, see <see cref="OpenSqlList"/>).
/// </summary>
public static class TaskStatuses
{
    public const string Open = "open";
    public const string InProgress = "in-progress";
    public const string Snoozed = "snoozed";
    public const string Completed = "completed";
    public const string Dismissed = "dismissed";
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> OpenSet = [Open, InProgress, Snoozed];
    public static readonly IReadOnlyList<string> All = [Open, InProgress, Snoozed, Completed, Dismissed, Closed];

    /// <summary>
    /// The open set as an SQL list, <c>('open', 'in-progress', 'snoozed')</c>: it must be literal where it names the
    /// partial unique index (ON CONFLICT … WHERE) and lets the planner use that index elsewhere.
    /// </summary>
    public static readonly string OpenSqlList = "(" + string.Join(", ", OpenSet.Select(s => $"'{s}'")) + ")";

    /// <summary>Worked by a care team (completed or dismissed).</summary>
    public static bool IsWorked(string status) => status is Completed or Dismissed;

    public static bool IsOpen(string status) => status is Open or InProgress or Snoozed;
}
