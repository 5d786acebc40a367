using Quartz;
using Screening.App.Options;

namespace Screening.App.Scheduling;

public static class SchedulerSetup
{
    /// <summary>
    /// Quartz 4.7.3 with the clustered ADO job store on PostgreSQL (tables from migration V0002), the nightly cron
    /// in the configured IANA zone, one catch-up run after downtime (FireAndProceed), recovery after a node crash.
    /// </summary>
    public static IServiceCollection AddScreeningScheduler(this IServiceCollection services, ScheduleOptions schedule, DatabaseOptions database)
    {
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => { o.InstanceName = "screening"; o.GenerateInstanceId = true; });
            q.UsePersistentStore(s =>
            {
                s.UsePostgres(database.ConnectionString!);
                s.UseSystemTextJsonSerializer();
                s.UseClustering(c =>
                {
                    c.CheckinInterval = TimeSpan.FromSeconds(10);
                    c.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
                });
            });
            if (!schedule.Enabled) return;
            q.ScheduleJob<NightlyScreenJob>(
                t => t.WithIdentity("nightly-screen-trigger", "screening")
                      .WithCronSchedule(schedule.Cron, c => c.InTimeZone(schedule.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)),
                j => j.WithIdentity(NightlyScreenJob.Key).RequestRecovery());
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
