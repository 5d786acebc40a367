using Serilog;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace Screening.App.Hosting;

/// <summary>
/// Serilog on Microsoft.Extensions.Logging: structured, to stderr (stdout is the CLI's output), plain text or
/// one JSON object per line (SCREENING_LOG_FORMAT=json or --log-json). Logs carry internal ids only, never PHI.
/// </summary>
public static class LoggingSetup
{
    public static bool JsonRequested(string[] args) =>
        args.Contains("--log-json") || string.Equals(Environment.GetEnvironmentVariable("SCREENING_LOG_FORMAT"), "json", StringComparison.OrdinalIgnoreCase);

    public static Serilog.ILogger CreateLogger(IConfiguration configuration, bool json, LogEventLevel? minimum = null)
    {
        var config = new LoggerConfiguration().ReadFrom.Configuration(configuration).Enrich.FromLogContext();
        if (minimum is { } level) config = config.MinimumLevel.Is(level);
        config = json
            ? config.WriteTo.Console(new JsonFormatter(renderMessage: true), standardErrorFromLevel: LogEventLevel.Verbose)
            : config.WriteTo.Console(outputTemplate: "{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}{Exception}",
                standardErrorFromLevel: LogEventLevel.Verbose);
        return config.CreateLogger();
    }

    public static void AddScreeningLogging(this IHostApplicationBuilder builder, bool json, LogEventLevel? minimum = null)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(CreateLogger(builder.Configuration, json, minimum), dispose: true);
    }
}
