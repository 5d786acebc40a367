using Screening.App.Options;

namespace Screening.App.Reliability;

/// <summary>
/// At start, before the consumers: declares every input queue with its dead-letter target (<see cref="QueueTopology"/>)
/// and fails the start loudly when the broker holds a queue declared with other arguments. A broker that is not up yet does
/// not fail the start (the consumers connect when it is, and declare the same topology then).
/// </summary>
public sealed class TopologyCheckService(RabbitMqOptions options, ILogger<TopologyCheckService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await QueueTopology.EnsureAsync(options.Url!, cancellationToken);
        }
        catch (Exception e) when (e is not TopologyMismatchException && Failures.IsTransient(e))
        {
            logger.LogWarning("Broker not reachable at start ({Error}); the topology is declared when consumers connect", Failures.Describe(e));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
