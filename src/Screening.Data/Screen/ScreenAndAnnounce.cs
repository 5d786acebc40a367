using Screening.Data.Outreach;
using Screening.Data.Platform;

namespace Screening.Data.Screen;

/// <summary>
/// The one "screen, then announce" use case: screen the population as of a date (reconciling tasks in the database),
/// then publish the task events it committed. The nightly job, the CLI and the demo all call this.
/// </summary>
public sealed class ScreenAndAnnounce(PopulationScreen screen, TaskEventDispatcher dispatcher)
{
    public async Task<(ScreeningRunResult Run, int Announced)> RunAsync(DateOnly asOf, string trigger, bool reevaluateAll, CancellationToken ct)
    {
        var run = await screen.RunAsync(asOf, trigger, reevaluateAll, ct);
        var announced = await dispatcher.DispatchPendingAsync(ct);
        return (run, announced);
    }
}
