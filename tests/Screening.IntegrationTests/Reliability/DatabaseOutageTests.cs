using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Screening.App.Hosting;
using Screening.App.Reliability;
using Screening.IntegrationTests.Infrastructure;

namespace Screening.IntegrationTests.Reliability;

/// <summary>Issue 13: while the database is away the consumers pause (not ready), nothing is rejected or faulted, and everything is stored when it answers.</summary>
public sealed class DatabaseOutageTests(IsolatedServers servers) : IClassFixture<IsolatedServers>
{
    private static string Result(int n) => RawResults.Hb("lab-o", "O", n, 5);

    [IntegrationFact]
    public async Task A_database_outage_pauses_the_consumers_and_loses_nothing_when_it_answers_again()
    {
        var target = new NpgsqlConnectionStringBuilder(servers.ConnectionString);
        await using var gate = new TcpGate(target.Host!, target.Port);
        var viaGate = new NpgsqlConnectionStringBuilder(servers.ConnectionString) { Host = "127.0.0.1", Port = gate.Port, Timeout = 3 }.ConnectionString;
        using var host = await TestApp.StartAsync(servers, HostRole.Demo, s => s.Database.ConnectionString = viaGate);
        var circuit = host.Get<DependencyCircuit>();
        var health = host.Get<HealthCheckService>();

        for (var i = 0; i < 5; i++) await RawAmqp.PublishAsync(servers.AmqpUrl, "screening.results", Result(i));
        await Stored(5);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(r => r.Tags.Contains("ready"))).Status);

        gate.Cut();
        for (var i = 5; i < 30; i++) await RawAmqp.PublishAsync(servers.AmqpUrl, "screening.results", Result(i));
        await Eventually.Get(() => Task.FromResult(circuit.Open is not null), open => open, TimeSpan.FromSeconds(60), "the consumers paused");
        Assert.Equal(HealthStatus.Unhealthy, (await health.CheckHealthAsync(r => r.Tags.Contains("ready"))).Status);

        gate.Restore();
        await Stored(30);
        await Eventually.Get(() => Task.FromResult(circuit.Open is null), closed => closed, TimeSpan.FromSeconds(60), "the consumers resumed");
        Assert.Equal(0L, await servers.DataSource.Count("SELECT count(*) FROM rejected_message"));
        Assert.Equal(30L, await servers.DataSource.Count("SELECT count(DISTINCT result_id) FROM lab_result WHERE source_system = 'lab-o'"));
        await host.StopAsync();
    }

    private Task<long> Stored(int n) => Eventually.Get(
        () => servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE source_system = 'lab-o'"), c => c == n, TimeSpan.FromSeconds(90), $"{n} results stored");
}
