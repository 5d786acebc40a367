namespace Screening.Domain.Screening;

/// <summary>The stable ids of the three screening rules, as stored on tasks and printed in findings.</summary>
public static class RuleIds
{
    public const string PersistentAnemia = "persistent-anemia";
    public const string PersistentHypocalcemia = "persistent-hypocalcemia";
    public const string OverdueDxa = "overdue-dxa";
    public const string CriticalValue = "critical-value";

    public static readonly IReadOnlyList<string> Nightly = [PersistentAnemia, PersistentHypocalcemia, OverdueDxa];

    /// <summary>Every rule a task can be for (the nightly rules and the ingest-time critical value).</summary>
    public static readonly IReadOnlyList<string> All = [.. Nightly, CriticalValue];
}
