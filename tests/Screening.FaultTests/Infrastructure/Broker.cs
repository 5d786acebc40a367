namespace Screening.FaultTests.Infrastructure;

/// <summary>One scenario's vhost on the suite's RabbitMQ, and the server's faults.</summary>
public sealed class Broker(RabbitServer server, string vhost)
{
    public RabbitServer Server { get; } = server;
    public string AmqpUrl { get; } = server.AmqpUrl(vhost);

    public string Vhost { get; } = vhost;

    /// <summary>Messages in every queue of the vhost (ingest queues, _error queues, dead-letter queues, probes).</summary>
    public async Task<Dictionary<string, uint>> DepthsAsync()
    {
        var depths = new Dictionary<string, uint>();
        foreach (var queue in await Server.QueueNamesAsync(Vhost)) depths[queue] = await QueueDepths.OfAsync(AmqpUrl, queue);
        return depths;
    }

    public Task KillAsync() => Server.KillAsync();
    public Task RestartAsync() => Server.RestartAsync();
}
