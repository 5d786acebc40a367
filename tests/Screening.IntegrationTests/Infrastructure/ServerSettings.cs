namespace Screening.IntegrationTests.Infrastructure;

/// <summary>
/// Where the test servers are: the same environment variables the app uses (SCREENING_DB for a role that may
/// CREATE DATABASE, SCREENING_AMQP, SCREENING_RABBITMQ_MANAGEMENT for per-class vhosts). `./test.sh` sets them
/// and SCREENING_REQUIRE_SERVICES=1, so in CI a missing server fails the tests instead of skipping them.
/// </summary>
public static class ServerSettings
{
    public static string? Database => Environment.GetEnvironmentVariable("SCREENING_DB");
    public static string? Amqp => Environment.GetEnvironmentVariable("SCREENING_AMQP");
    public static string Management => Environment.GetEnvironmentVariable("SCREENING_RABBITMQ_MANAGEMENT") ?? "http://screening:screening@127.0.0.1:15672";
    public static bool Required => Environment.GetEnvironmentVariable("SCREENING_REQUIRE_SERVICES") == "1"
                                   || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
    public static bool Configured => !string.IsNullOrWhiteSpace(Database) && !string.IsNullOrWhiteSpace(Amqp);

    public static string? SkipReason => Configured || Required
        ? null
        : "SCREENING_DB / SCREENING_AMQP are not set: run ./test.sh (it starts PostgreSQL and RabbitMQ).";
}
