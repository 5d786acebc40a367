using Screening.App.Options;

namespace Screening.IntegrationTests.Spine;

public sealed class ConfigurationTests
{
    [Fact]
    public void Every_configuration_problem_is_reported_at_start_with_what_to_do()
    {
        var settings = new ScreeningSettings(new DatabaseOptions(), new RabbitMqOptions { Url = "http://not-amqp" },
            new ScheduleOptions { Cron = "every night", TimeZone = "Mars/Olympus" }, new RulesOptions());

        var error = Assert.Throws<OptionsProblemsException>(() => settings.Validate(database: true, rabbitMq: true, schedule: true));

        Assert.Equal(4, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.StartsWith("SCREENING_DB is not set", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("amqp://", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("'every night' is not a valid Quartz cron", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("'Mars/Olympus' is not a known IANA time zone", StringComparison.Ordinal));
    }

    [Fact]
    public void A_verb_validates_only_the_settings_it_needs()
    {
        var settings = new ScreeningSettings(new DatabaseOptions { ConnectionString = "Host=db;Database=screening" },
            new RabbitMqOptions(), new ScheduleOptions(), new RulesOptions());

        settings.Validate(database: true);
        Assert.Throws<OptionsProblemsException>(() => settings.Validate(database: true, rabbitMq: true));
    }

    [Theory]
    [InlineData("amqp://u:p%40ss@broker:5673/screening", "broker", 5673, "screening", "u", "p@ss")]
    [InlineData("amqp://u:p@broker", "broker", 5672, "/", "u", "p")]
    public void The_broker_address_is_read_from_one_amqp_uri(string url, string host, int port, string vhost, string user, string password)
    {
        var parsed = new RabbitMqOptions { Url = url }.Parse();
        Assert.Equal((host, (ushort)port, vhost, user, password, false), parsed);
    }
}
