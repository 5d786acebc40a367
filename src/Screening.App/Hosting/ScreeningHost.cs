using Screening.App.Messaging;
using Screening.App.Options;
using Screening.App.Scheduling;
using Screening.Data.Ingest;
using Screening.Data.Outbox;
using Screening.Data.Screening;
using Serilog.Events;

namespace Screening.App.Hosting;

/// <summary>Builds the one host every verb runs in, with one AddScreeningX() per concern the verb needs.</summary>
public static class ScreeningHost
{
    /// <summary>A plain host (no HTTP server) for CLI verbs: migrate, screen, tasks, demo, import …</summary>
    public static HostApplicationBuilder CreateBuilder(string[] args, HostRole role, LogEventLevel? minimumLevel = null, ScreeningSettings? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args, ContentRootPath = AppContext.BaseDirectory, ApplicationName = "screening",
        });
        Configure(builder, args, role, minimumLevel, settings);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        return builder;
    }

    /// <summary>A web host (health endpoints, worklist) for the worker and web verbs.</summary>
    public static WebApplicationBuilder CreateWebBuilder(string[] args, HostRole role, ScreeningSettings? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args, ContentRootPath = AppContext.BaseDirectory, ApplicationName = "screening",
        });
        Configure(builder, args, role, null, settings);
        return builder;
    }

    private static void Configure(IHostApplicationBuilder builder, string[] args, HostRole role, LogEventLevel? minimumLevel, ScreeningSettings? given)
    {
        builder.Configuration.AddEnvironmentVariables("SCREENING_");
        builder.AddScreeningLogging(LoggingSetup.JsonRequested(args), minimumLevel);

        var settings = (given ?? ScreeningSettings.Read(builder.Configuration)).Validate(
            database: role.HasFlag(HostRole.Database),
            rabbitMq: role.HasFlag(HostRole.Publisher) || role.HasFlag(HostRole.Consumers),
            schedule: role.HasFlag(HostRole.Rules) || role.HasFlag(HostRole.Scheduler));
        var services = builder.Services;
        services.AddSingleton(settings);
        var identity = IdentityOptions.Read(builder.Configuration);
        services.AddSingleton(identity);
        services.AddSingleton(identity.ToSettings());
        services.AddHealthChecks();
        if (role.HasFlag(HostRole.Database)) services.AddScreeningDatabase(settings.Database);
        if (role.HasFlag(HostRole.Rules))
        {
            services.AddScreeningRules(settings.Rules, settings.Schedule);
            services.AddSingleton<PopulationScreen>();
        }
        if (role.HasFlag(HostRole.Ingest))
        {
            services.AddSingleton<CriticalAlerts>();
            services.AddSingleton<ClinicalRecordsIngest>();
            services.AddSingleton<Reliability.DependencyCircuit>();
            services.AddSingleton<Reliability.IsolatingIngest>();
        }
        if (role.HasFlag(HostRole.Consumers) && role.HasFlag(HostRole.Ingest))
        {
            // Registered before MassTransit's hosted service, so the topology check runs before any endpoint starts.
            services.AddHostedService<Reliability.TopologyCheckService>();
            services.AddSingleton<Reliability.DeadLetterDrainService>();
            services.AddHostedService(sp => sp.GetRequiredService<Reliability.DeadLetterDrainService>());
            services.AddHealthChecks().AddCheck<Reliability.ConsumersHealthCheck>("consumers", tags: ["ready"])
                .AddCheck<Web.DatabaseHealthCheck>("database", tags: ["ready"]);
        }
        if (role.HasFlag(HostRole.Publisher) || role.HasFlag(HostRole.Consumers))
        {
            services.AddSingleton(settings.RabbitMq);
            services.AddScreeningMessaging(settings.RabbitMq, consumers: role.HasFlag(HostRole.Consumers));
            if (role.HasFlag(HostRole.Consumers) && role.HasFlag(HostRole.Ingest)) Feeds.FeedsSetup.AddScreeningFeeds(services, settings.RabbitMq);
            if (role == HostRole.Worker && Mllp.MllpOptions.Read(builder.Configuration) is { Enabled: true } mllp) Mllp.MllpSetup.AddScreeningMllp(services, mllp, settings.RabbitMq);
            services.AddSingleton<TaskEventDispatcher>();
        }
        if (role.HasFlag(HostRole.Scheduler))
        {
            services.AddScreeningScheduler(settings.Schedule, settings.Database);
            services.AddHostedService<OutboxDispatchService>();
        }
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(45));
    }
}
