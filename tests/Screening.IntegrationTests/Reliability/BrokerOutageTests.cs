using Screening.App.Hosting;
using Screening.App.Reliability;
using Screening.IntegrationTests.Infrastructure;

namespace Screening.IntegrationTests.Reliability;

/// <summary>Issue 13: losing the broker connection never turns a message into a reject or a fault; the worker reconnects and stores everything once.</summary>
public sealed class BrokerOutageTests(IsolatedServers servers) : IClassFixture<IsolatedServers>
{
    private static string Result(int n) => RawResults.Hb("lab-b", "BR", n, 4);

    [IntegrationFact]
    public async Task Force_closed_broker_connections_lose_nothing_and_store_every_result_once()
    {
        using var host = await TestApp.StartAsync(servers, HostRole.Demo);
        for (var i = 0; i < 10; i++) await RawAmqp.PublishAsync(servers.AmqpUrl, "screening.results", Result(i));
        await Eventually.Get(async () => await servers.CloseBrokerConnectionsAsync(), closed => closed > 0, what: "the worker's connections closed");
        for (var i = 10; i < 40; i++) await RawAmqp.PublishAsync(servers.AmqpUrl, "screening.results", Result(i));
        await servers.CloseBrokerConnectionsAsync();

        await Eventually.Get(() => servers.DataSource.Count("SELECT count(DISTINCT result_id) FROM lab_result WHERE source_system = 'lab-b'"), n => n == 40,
            TimeSpan.FromSeconds(120), "all 40 results stored after the reconnects");
        Assert.Equal(40, await servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE source_system = 'lab-b'"));
        Assert.Equal(0, await servers.DataSource.Count("SELECT count(*) FROM rejected_message"));
        await host.StopAsync();
    }
}
