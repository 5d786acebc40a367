using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Screening.App.Hosting;
using Screening.App.Options;
using Serilog.Events;

namespace Screening.IntegrationTests.Infrastructure;

/// <summary>Builds the real app host (same composition as the executable) against a test class's servers.</summary>
public static class TestApp
{
    public static IHost Build(IsolatedServers servers, HostRole role, Action<ScreeningSettings>? tweak = null) =>
        ScreeningHost.CreateBuilder([], role, LogEventLevel.Warning, servers.Settings(tweak)).Build();

    public static async Task<IHost> StartAsync(IsolatedServers servers, HostRole role, Action<ScreeningSettings>? tweak = null)
    {
        var host = Build(servers, role, tweak);
        await host.StartAsync();
        return host;
    }

    public static T Get<T>(this IHost host) where T : notnull => host.Services.GetRequiredService<T>();
}
