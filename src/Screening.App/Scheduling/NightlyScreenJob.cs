using Quartz;
using Screening.Data.Outreach;
using Screening.Data.Platform;
using Screening.Data.Screen;

namespace Screening.App.Scheduling;

/// <summary>
/// The nightly population screen: reads its scheduled fire time, screens as of that date in the programme's
/// time zone, announces task events, logs a summary. Safe to re-run (the screen is idempotent per date) and never
/// runs twice at once, cluster-wide.
/// </summary>
[DisallowConcurrentExecution]
public sealed class NightlyScreenJob(ScreenAndAnnounce screen, ScreeningClock clock,
    ILogger<NightlyScreenJob> logger) : IJob
{
    public static readonly JobKey Key = new("nightly-screen", "screening");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var fireTime = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var asOf = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(fireTime, clock.Zone).DateTime);
        var (result, announced) = await screen.RunAsync(asOf, context.Recovering ? "schedule-recovery" : "schedule", false, cancellationToken);
        logger.LogInformation(
            "Nightly screen for {AsOf}: run {RunId}, {Patients} patients ({Evaluated} re-evaluated), {Opened} opened, {Closed} closed, {Announced} events announced{Skipped}",
            asOf, result.RunId, result.PatientsScreened, result.PatientsEvaluated, result.TasksOpened, result.TasksClosed, announced,
            result.AlreadyRunning ? " (skipped: another screen was running)" : "");
    }
}
