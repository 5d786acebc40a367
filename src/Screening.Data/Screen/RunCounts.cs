using Screening.Data.Platform;
namespace Screening.Data.Screen;

/// <summary>Running totals of a population screen.</summary>
internal sealed class RunCounts
{
    private readonly Dictionary<string, int> findings = new(StringComparer.Ordinal);
    public int Patients { get; set; }
    public int Evaluated { get; set; }
    public int Opened { get; set; }
    public int Updated { get; set; }
    public int Reopened { get; set; }
    public int Closed { get; set; }

    public void Finding(string rule) => findings[rule] = findings.GetValueOrDefault(rule) + 1;

    public ScreeningRunResult ToResult(long runId, DateOnly asOf, string ruleVersion, TimeSpan elapsed) =>
        new(runId, asOf, ruleVersion, Patients, new Dictionary<string, int>(findings), Opened, Updated, Closed, Reopened, elapsed,
            PatientsEvaluated: Evaluated);
}
