namespace Screening.IntegrationTests.Scale;

/// <summary>A clock stopped at noon UTC of one day: what ingest takes as "today" when it evaluates state.</summary>
public sealed class FixedDay(DateOnly day) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
