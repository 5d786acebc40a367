using Microsoft.Extensions.DependencyInjection.Extensions;
using Screening.App.Hosting;
using Screening.App.Options;
using Screening.Interop.Mapping;

namespace Screening.App.Feeds;

public static class FeedsSetup
{
    /// <summary>The HL7 v2 / FHIR queue consumers (with the local-code map loaded once at start) and the reject services.</summary>
    public static IServiceCollection AddScreeningFeeds(this IServiceCollection services, RabbitMqOptions options)
    {
        services.TryAddSingleton<LocalCodeMap>(_ => LocalCodes.Load());
        services.AddSingleton<FeedMessageHandler>();
        services.AddHostedService(sp => new FeedConsumerService(options, sp.GetRequiredService<FeedMessageHandler>(),
            sp.GetRequiredService<Messaging.IngestProgress>(), sp.GetRequiredService<ILogger<FeedConsumerService>>()));
        return services;
    }
}
