using RabbitMQ.Client;
using Testcontainers.RabbitMq;

namespace Screening.FaultTests.Infrastructure;

/// <summary>
/// The test's own RabbitMQ (screening/rabbitmq:3.10) on a fixed loopback port, so a worker reconnects to the same
/// address after the broker is killed and started again.
/// </summary>
public sealed class Broker : IAsyncDisposable
{
    private readonly RabbitMqContainer container;

    private Broker(RabbitMqContainer container, int port)
    {
        this.container = container;
        Port = port;
    }

    public int Port { get; }
    public string Id => container.Id;
    public string AmqpUrl => $"amqp://screening:screening@127.0.0.1:{Port}/";

    public static async Task<Broker> StartAsync()
    {
        var port = FreePort.Next();
        var container = new RabbitMqBuilder()
            .WithImage(DockerEngine.RabbitMqImage)
            .WithUsername("screening").WithPassword("screening")
            .WithPortBinding(port, RabbitMqBuilder.RabbitMqPort)
            .Build();
        var broker = new Broker(container, port);
        try
        {
            await container.StartAsync();
            await broker.WaitAcceptingAsync();
            return broker;
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
    }

    /// <summary>kill -9 of the broker process (the container's init); messages not yet on disk are the broker's to lose.</summary>
    public async Task KillAsync()
    {
        await DockerEngine.KillAsync(Id);
        await DockerEngine.WaitExitedAsync(Id);
    }

    /// <summary>Starts the same container again (same data, same port) and waits until it accepts AMQP logins.</summary>
    public async Task RestartAsync()
    {
        await DockerEngine.StartAsync(Id);
        await WaitAcceptingAsync();
    }

    public Task PauseAsync() => DockerEngine.PauseAsync(Id);
    public Task UnpauseAsync() => DockerEngine.UnpauseAsync(Id);

    public Task WaitAcceptingAsync() => Eventually.Until(async () =>
    {
        var factory = new ConnectionFactory { Uri = new Uri(AmqpUrl), RequestedConnectionTimeout = TimeSpan.FromSeconds(3) };
        await using var connection = await factory.CreateConnectionAsync();
        return connection.IsOpen;
    }, TimeSpan.FromSeconds(90), "the broker accepting AMQP connections");

    public async ValueTask DisposeAsync() => await container.DisposeAsync();
}
