namespace Screening.Data.Platform;

/// <summary>"Now" and "today" for the edges (consumers, jobs, CLI); the domain only ever receives the date.</summary>
public sealed class ScreeningClock(TimeProvider time, TimeZoneInfo zone)
{
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Today's date in the programme's time zone (the configured IANA zone of the nightly schedule).</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);

    public TimeZoneInfo Zone => zone;
}
