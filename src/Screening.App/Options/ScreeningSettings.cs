using Microsoft.Extensions.Configuration;

namespace Screening.App.Options;

/// <summary>
/// All option groups read from appsettings.json, SCREENING_* environment variables and the two secrets
/// SCREENING_DB / SCREENING_AMQP. <see cref="Validate"/> reports every problem of the groups a verb needs.
/// </summary>
public sealed record ScreeningSettings(DatabaseOptions Database, RabbitMqOptions RabbitMq, ScheduleOptions Schedule, RulesOptions Rules)
{
    public static ScreeningSettings Read(IConfiguration configuration)
    {
        var database = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        database.ConnectionString = Environment.GetEnvironmentVariable(DatabaseOptions.EnvironmentVariable) ?? database.ConnectionString;
        var rabbit = configuration.GetSection("RabbitMq").Get<RabbitMqOptions>() ?? new RabbitMqOptions();
        rabbit.Url = Environment.GetEnvironmentVariable(RabbitMqOptions.EnvironmentVariable) ?? rabbit.Url;
        return new ScreeningSettings(database, rabbit,
            configuration.GetSection("Schedule").Get<ScheduleOptions>() ?? new ScheduleOptions(),
            configuration.GetSection("Rules").Get<RulesOptions>() ?? new RulesOptions());
    }

    public ScreeningSettings Validate(bool database = false, bool rabbitMq = false, bool schedule = false)
    {
        var problems = new List<string>();
        if (database) problems.AddRange(Database.Problems());
        if (rabbitMq) problems.AddRange(RabbitMq.Problems());
        if (schedule) problems.AddRange(Schedule.Problems());
        if (problems.Count > 0) throw new OptionsProblemsException(problems);
        return this;
    }
}
