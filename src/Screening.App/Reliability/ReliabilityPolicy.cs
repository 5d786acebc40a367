namespace Screening.App.Reliability;

/// <summary>
/// The one reliability policy of every consumer, whatever its client library (MassTransit endpoints for the JSON
/// queues, RabbitMQ.Client for HL7 v2 and FHIR). Configured here once:
/// <list type="bullet">
/// <item>No in-process retry counts: content failures are isolated to the one unit and stored as rejects
/// (<see cref="IsolatingIngest"/>); dependency failures pause every consumer until the dependency answers
/// (<see cref="DependencyCircuit"/>), probing at <see cref="ProbeInterval"/>.</item>
/// <item>Every queue is a quorum queue with <see cref="DeliveryLimit"/> and a dead-letter exchange and queue
/// <c>&lt;queue&gt;.dead</c> (<see cref="DeadLetter"/>): a message that keeps killing its consumer is parked, never
/// dropped, and the dead-letter drain stores it as a <c>faulted</c> reject (visible, replayable).</item>
/// <item>Bodies larger than <see cref="MaxBodyBytes"/> are rejected (<c>too-large</c>) without being parsed.</item>
/// </list>
/// </summary>
public static class ReliabilityPolicy
{
    /// <summary>Deliveries of one message before the broker dead-letters it (a consumer crash or channel loss each count one;
    /// an unacknowledged message held through a pause also counts one per 30-minute consumer timeout).</summary>
    public const int DeliveryLimit = 20;

    /// <summary>Largest body a queue accepts: one result or patient is a few hundred bytes; a batch message of 250
    /// patients with all their history is about 1 MB.</summary>
    public static int MaxBodyBytes(string queue) => queue == Messaging.Queues.Records ? 64 << 20 : 1 << 20;

    /// <summary>The dead-letter exchange and queue of <paramref name="queue"/> (fanout exchange, quorum queue, no limit).</summary>
    public static string DeadLetter(string queue) => queue + ".dead";

    private static readonly TimeSpan[] Probes =
        [TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    /// <summary>Wait before probe <paramref name="attempt"/>: 0.5, 1, 2, then every 5 s for as long as it takes.</summary>
    public static TimeSpan ProbeInterval(int attempt) => Probes[Math.Min(attempt, Probes.Length - 1)];
}
