namespace Screening.Data.Model;

/// <summary>Row of <c>screening_run</c>: one screen of the population for one as-of date.</summary>
public sealed class ScreeningRun
{
    public long Id { get; set; }
    public DateOnly AsOf { get; set; }
    public required string Trigger { get; set; }
    public required string Status { get; set; }
    public required string RuleVersion { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public long? DurationMs { get; set; }
    public int PatientsScreened { get; set; }
    public string Findings { get; set; } = "{}";
    public int TasksOpened { get; set; }
    public int TasksUpdated { get; set; }
    public int TasksClosed { get; set; }
    public int TasksReopened { get; set; }
    public string? Error { get; set; }
    /// <summary>How many patients were re-evaluated; the others reused their stored outcome.</summary>
    public int PatientsEvaluated { get; set; }
    /// <summary><c>incremental</c> (reuse what still holds) or <c>full</c> (re-evaluate everyone).</summary>
    public string Mode { get; set; } = "full";
}
