using System.Net.Http.Headers;
using System.Text;
using RabbitMQ.Client;
using Testcontainers.RabbitMq;

namespace Screening.FaultTests.Infrastructure;

/// <summary>
/// The suite's own RabbitMQ (screening/rabbitmq:3.10) on fixed loopback ports (AMQP and management), so workers
/// reconnect to the same address after the broker is killed and started again. Each scenario gets its own vhost.
/// </summary>
public sealed class RabbitServer : IAsyncDisposable
{
    private readonly RabbitMqContainer container;
    private readonly HttpClient management;

    private RabbitServer(RabbitMqContainer container, int port, int managementPort)
    {
        this.container = container;
        Port = port;
        management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{managementPort}/"), Timeout = TimeSpan.FromSeconds(30) };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("screening:screening"u8.ToArray()));
    }

    public int Port { get; }
    public string Id => container.Id;
    public string AmqpUrl(string vhost) => $"amqp://screening:screening@127.0.0.1:{Port}/{Uri.EscapeDataString(vhost)}";

    public static async Task<RabbitServer> StartAsync()
    {
        var (port, managementPort) = (FreePort.Next(), FreePort.Next());
        var container = new RabbitMqBuilder()
            .WithImage(DockerEngine.RabbitMqImage)
            .WithUsername("screening").WithPassword("screening")
            .WithPortBinding(port, RabbitMqBuilder.RabbitMqPort)
            .WithPortBinding(managementPort, 15672)
            .Build();
        var server = new RabbitServer(container, port, managementPort);
        return await Starting.OrDisposeAsync(server, async () =>
        {
            await container.StartAsync();
            await server.WaitAcceptingAsync();
        });
    }

    public async Task CreateVhostAsync(string vhost)
    {
        var name = Uri.EscapeDataString(vhost);
        await Eventually.Until(async () => (await management.PutAsync($"api/vhosts/{name}", null)).IsSuccessStatusCode,
            TimeSpan.FromSeconds(60), $"vhost {vhost} created");
        var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await management.PutAsync($"api/permissions/{name}/screening", permissions)).EnsureSuccessStatusCode();
    }

    /// <summary>The names of a vhost's queues (the management API; depths come from <see cref="QueueDepths"/>).</summary>
    public async Task<List<string>> QueueNamesAsync(string vhost)
    {
        var json = await management.GetStringAsync($"api/queues/{Uri.EscapeDataString(vhost)}?columns=name");
        return System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateArray().Select(q => q.GetProperty("name").GetString()!).ToList();
    }

    /// <summary>kill -9 of the broker (the container's init); what was not yet on disk is the broker's to lose.</summary>
    public async Task KillAsync()
    {
        await DockerEngine.KillAsync(Id);
        await DockerEngine.WaitExitedAsync(Id);
    }

    /// <summary>Starts the same container again (same data, same ports) and waits until it accepts AMQP logins.</summary>
    public async Task RestartAsync()
    {
        await DockerEngine.StartAsync(Id);
        await WaitAcceptingAsync();
    }

    public Task PauseAsync() => DockerEngine.PauseAsync(Id);
    public Task UnpauseAsync() => DockerEngine.UnpauseAsync(Id);

    public Task WaitAcceptingAsync() => Eventually.Until(async () =>
    {
        var factory = new ConnectionFactory { Uri = new Uri(AmqpUrl("/")), RequestedConnectionTimeout = TimeSpan.FromSeconds(3) };
        await using var connection = await factory.CreateConnectionAsync();
        return connection.IsOpen;
    }, TimeSpan.FromSeconds(120), "the broker accepting AMQP connections");

    public async ValueTask DisposeAsync()
    {
        management.Dispose();
        await container.DisposeAsync();
    }
}
