namespace Screening.App.Options;

/// <summary>
/// The nightly screen: a Quartz cron (6–7 fields, one day field '?') in an IANA time zone. 04:00 keeps clear of
/// the 01:00–03:00 DST transitions (stack-notes §2.2).
/// </summary>
public sealed class ScheduleOptions
{
    public bool Enabled { get; set; } = true;
    public string Cron { get; set; } = "0 0 4 * * ?";
    public string TimeZone { get; set; } = "America/New_York";

    public IEnumerable<string> Problems()
    {
        if (!IsValidCron(Cron))
            yield return $"Schedule:Cron '{Cron}' is not a valid Quartz cron expression (6–7 fields, e.g. '0 0 4 * * ?').";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
            yield return $"Schedule:TimeZone '{TimeZone}' is not a known IANA time zone id (e.g. 'America/New_York').";
    }

    private static bool IsValidCron(string cron)
    {
        try { _ = new Quartz.CronExpression(cron); return true; }
        catch (FormatException) { return false; }
    }

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
