namespace Screening.IntegrationTests.Infrastructure;

/// <summary>A test that needs real PostgreSQL and RabbitMQ: skipped on a bare developer machine, never in CI.</summary>
public sealed class IntegrationFactAttribute : FactAttribute
{
    public IntegrationFactAttribute()
    {
        if (ServerSettings.SkipReason is { } reason) Skip = reason;
    }
}
