using Screening.Data.Platform;
namespace Screening.Data.Screen;

/// <summary>The summary of one population screen (also stored as a <c>screening_run</c> row).</summary>
public sealed record ScreeningRunResult(
    long RunId,
    DateOnly AsOf,
    string RuleVersion,
    int PatientsScreened,
    IReadOnlyDictionary<string, int> FindingsByRule,
    int TasksOpened,
    int TasksUpdated,
    int TasksClosed,
    int TasksReopened,
    TimeSpan Duration,
    bool AlreadyRunning = false,
    int PatientsEvaluated = 0)
{
    public static ScreeningRunResult Skipped(DateOnly asOf, string ruleVersion) =>
        new(0, asOf, ruleVersion, 0, new Dictionary<string, int>(), 0, 0, 0, 0, TimeSpan.Zero, AlreadyRunning: true);

    public bool ChangedNothing => TasksOpened == 0 && TasksUpdated == 0 && TasksClosed == 0 && TasksReopened == 0;
}
