using MassTransit;
using Screening.App.Options;
using Screening.App.Reliability;
using Screening.Data.Ingest;
using Screening.Data.Outbox;

namespace Screening.App.Messaging;

public static class MessagingSetup
{
    /// <summary>
    /// MassTransit on RabbitMQ. With <paramref name="consumers"/> the process hosts the ingest endpoints (queues as
    /// <see cref="QueueTopology"/> declares them, raw JSON as the default deserializer so plain AMQP producers work,
    /// batch consumers with prefetch ≥ batch × concurrency) under the one <see cref="ReliabilityPolicy"/>: no retry
    /// counts (the consumers' ingest isolates bad units and pauses through outages), and an error pipe that stores
    /// what failed outside the consumer as a reject (<see cref="RejectingErrorFilter"/>) instead of moving it to
    /// <c>_error</c>; without consumers, it only publishes task events.
    /// </summary>
    public static IServiceCollection AddScreeningMessaging(this IServiceCollection services, RabbitMqOptions options, bool consumers)
    {
        services.AddSingleton<IngestProgress>();
        services.AddSingleton<ITaskEventPublisher, MassTransitTaskEventPublisher>();
        services.AddMassTransit(x =>
        {
            x.DisableUsageTelemetry(); // MassTransit 8.3+ phones home by default; health data systems make no outbound calls
            if (consumers)
            {
                x.AddConsumer<LabResultsConsumer>(c => c.Options<BatchOptions>(b => Batch(b, options)));
                x.AddConsumer<PatientUpdatesConsumer>(c => c.Options<BatchOptions>(b => Batch(b, options)));
                x.AddConsumer<ClinicalRecordsConsumer>();
            }
            x.UsingRabbitMq((context, cfg) =>
            {
                var (host, port, vhost, user, password, tls) = options.Parse();
                cfg.Host(host, port, vhost, h =>
                {
                    h.Username(user);
                    h.Password(password);
                    if (tls) h.UseSsl(s => s.Protocol = System.Security.Authentication.SslProtocols.Tls12);
                });
                if (!consumers) return;
                Endpoint<LabResultsConsumer>(cfg, context, Queues.Results, options.BatchMessageLimit * options.ConsumerConcurrency);
                Endpoint<PatientUpdatesConsumer>(cfg, context, Queues.Patients, options.BatchMessageLimit * options.ConsumerConcurrency);
                Endpoint<ClinicalRecordsConsumer>(cfg, context, Queues.Records, options.ConsumerConcurrency * 2, options.ConsumerConcurrency);
            });
        });
        services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(30);
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });
        return services;
    }

    private static void Batch(BatchOptions batch, RabbitMqOptions options) => batch
        .SetMessageLimit(options.BatchMessageLimit)
        .SetTimeLimit(TimeSpan.FromMilliseconds(options.BatchTimeLimitMs))
        .SetConcurrencyLimit(options.ConsumerConcurrency);

    private static void Endpoint<TConsumer>(IRabbitMqBusFactoryConfigurator cfg, IBusRegistrationContext context, string queue,
        int prefetch, int? concurrency = null) where TConsumer : class, IConsumer
    {
        cfg.ReceiveEndpoint(queue, e =>
        {
            e.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
            e.SetQuorumQueue();
            foreach (var (name, value) in QueueTopology.Arguments(queue))
                if (name != "x-queue-type") e.SetQueueArgument(name, value);
            e.PrefetchCount = Math.Max(prefetch, 16);
            if (concurrency is { } limit) e.ConcurrentMessageLimit = limit;
            e.ConfigureError(x => x.UseFilter(new RejectingErrorFilter(queue, context.GetRequiredService<IngestConnections>(),
                context.GetRequiredService<TimeProvider>(), context.GetRequiredService<ILoggerFactory>().CreateLogger<RejectingErrorFilter>())));
            e.UseFilter(new BodySizeFilter(queue));
            e.ConfigureConsumer<TConsumer>(context);
        });
    }
}
