using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Screening.App.Hosting;
using Screening.App.Mllp;
using Screening.IntegrationTests.Infrastructure;
using Serilog.Events;

namespace Screening.IntegrationTests.Mllp;

/// <summary>The real app host with the MLLP listener on a free port (plus, by default, the queue consumers that store what it publishes).</summary>
internal static class MllpHost
{
    public static async Task<IHost> StartAsync(IsolatedServers servers, Action<MllpOptions>? tweak = null, HostRole role = HostRole.Demo, string? amqpUrl = null)
    {
        var settings = servers.Settings(s =>
        {
            if (amqpUrl is not null) s.RabbitMq.Url = amqpUrl;
        });
        var builder = ScreeningHost.CreateBuilder([], role, LogEventLevel.Warning, settings);
        var options = new MllpOptions { Enabled = true, Port = 0 };
        tweak?.Invoke(options);
        builder.Services.AddScreeningMllp(options, settings.RabbitMq);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static int MllpPort(this IHost host) => host.Get<MllpListener>().BoundPort;
}
