using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Screening.App.Feeds;
using Screening.App.Messaging;

namespace Screening.App.Reliability;

/// <summary>
/// The broker topology every input queue has, declared the same way by the worker, the feed consumers and every
/// publisher (seed, import, demo) before they publish, so a message is never published to an exchange with no queue:
/// exchange (fanout) → quorum queue with <see cref="ReliabilityPolicy.DeliveryLimit"/> and dead-letter exchange
/// <c>&lt;queue&gt;.dead</c> → durable quorum queue <c>&lt;queue&gt;.dead</c> (no limit: never a deletion point).
/// Declaring is also the startup check: a queue that exists with other arguments makes the broker refuse (406), and
/// <see cref="EnsureAsync"/> fails loudly with what differs and what to do.
/// </summary>
public static class QueueTopology
{
    /// <summary>Every input queue: the JSON queues (MassTransit endpoints) and the HL7 v2 / FHIR feed queues.</summary>
    public static IReadOnlyList<string> InputQueues { get; } = [Queues.Results, Queues.Patients, Queues.Records, .. FeedQueues.All.Select(q => q.Name)];

    /// <summary>MassTransit message-type exchanges bound to a queue's exchange, so MassTransit publishers reach it before any worker ran.</summary>
    private static readonly (string MessageType, string Queue)[] MessageTypes =
    [
        ("Screening.Contracts:LabResultReported", Queues.Results),
        ("Screening.Contracts:PatientUpdated", Queues.Patients),
        ("Screening.Contracts:ClinicalRecordsReported", Queues.Records),
    ];

    /// <summary>The arguments of every input queue (the MassTransit endpoints set the same ones).</summary>
    public static Dictionary<string, object?> Arguments(string queue) => new()
    {
        ["x-queue-type"] = "quorum",
        ["x-delivery-limit"] = ReliabilityPolicy.DeliveryLimit,
        ["x-dead-letter-exchange"] = ReliabilityPolicy.DeadLetter(queue),
    };

    /// <summary>Declares exchange → queue (+ dead-letter exchange and queue). Idempotent; the same arguments everywhere.</summary>
    public static async Task DeclareAsync(IChannel channel, string queue, CancellationToken ct)
    {
        var dead = ReliabilityPolicy.DeadLetter(queue);
        await channel.ExchangeDeclareAsync(dead, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct);
        await channel.QueueDeclareAsync(dead, durable: true, exclusive: false, autoDelete: false,
            new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: ct);
        await channel.QueueBindAsync(dead, dead, "", cancellationToken: ct);

        await channel.ExchangeDeclareAsync(queue, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, Arguments(queue), cancellationToken: ct);
        await channel.QueueBindAsync(queue, queue, "", cancellationToken: ct);
    }

    /// <summary>
    /// Declares every input queue and binds the MassTransit message-type exchanges. Throws
    /// <see cref="TopologyMismatchException"/> when the broker holds a queue declared with other arguments.
    /// </summary>
    public static async Task EnsureAsync(string amqpUrl, CancellationToken ct)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUrl), ClientProvidedName = "screening-topology" };
        await using var connection = await factory.CreateConnectionAsync(ct);
        foreach (var queue in InputQueues)
        {
            try
            {
                await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
                await DeclareAsync(channel, queue, ct);
            }
            catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 406)
            {
                // Never deleted or re-declared here: a quorum queue cannot be deleted "if empty" atomically, and a message
                // published between a check and a delete would be lost. The operator drains and deletes it.
                throw new TopologyMismatchException(queue, e.ShutdownReason.ReplyText);
            }
        }
        await using var bindings = await connection.CreateChannelAsync(cancellationToken: ct);
        foreach (var (messageType, queue) in MessageTypes)
        {
            await bindings.ExchangeDeclareAsync(messageType, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct);
            await bindings.ExchangeBindAsync(queue, messageType, "", cancellationToken: ct);
        }
    }
}

/// <summary>The broker holds a queue whose arguments differ from <see cref="QueueTopology.Arguments"/>.</summary>
public sealed class TopologyMismatchException(string queue, string brokerText) : Exception(
    $"RabbitMQ queue '{queue}' exists with other arguments than this version declares (quorum, x-delivery-limit {ReliabilityPolicy.DeliveryLimit}, " +
    $"x-dead-letter-exchange {ReliabilityPolicy.DeadLetter(queue)}); the broker said: {brokerText}. Stop the workers, let the queue drain " +
    $"(or move its messages), delete it (rabbitmqctl delete_queue {queue} -p <vhost>) and start again.");
