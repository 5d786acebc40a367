namespace Screening.App.Web.Dashboard;

/// <summary>One screening_run row as the dashboard shows it.</summary>
public sealed record DashboardRun(long Id, DateOnly AsOf, string Trigger, string Status, DateTimeOffset StartedAt, long? DurationMs,
    int Patients, int Opened, int Updated, int Closed, int Reopened);
