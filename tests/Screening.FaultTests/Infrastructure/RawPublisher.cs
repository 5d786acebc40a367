using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Screening.FaultTests.Infrastructure;

/// <summary>
/// A plain AMQP producer (an interface engine): persistent messages, mandatory routing, publisher confirms. A body
/// counts as sent only once the broker confirmed it; when the connection breaks (broker killed) it reconnects and
/// re-publishes every unconfirmed body of the window, so the broker may receive some twice (the worker must
/// deduplicate) but never zero times.
/// </summary>
public sealed class RawPublisher(string amqpUrl, string exchange = "screening.results", int window = 250)
{
    private long confirmed;

    public long Confirmed => Interlocked.Read(ref confirmed);
    public int Reconnects { get; private set; }
    public int Republished { get; private set; }

    public async Task PublishAsync(IReadOnlyList<byte[]> bodies, TimeSpan outageTolerance, CancellationToken ct = default)
    {
        var next = 0;
        var failingSince = (DateTime?)null;
        while (next < bodies.Count)
        {
            try
            {
                var factory = new ConnectionFactory { Uri = new Uri(amqpUrl), RequestedConnectionTimeout = TimeSpan.FromSeconds(3), AutomaticRecoveryEnabled = false };
                await using var connection = await factory.CreateConnectionAsync(ct);
                await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
                    publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
                var properties = new BasicProperties { ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent };
                failingSince = null;
                while (next < bodies.Count)
                {
                    var take = Math.Min(window, bodies.Count - next);
                    var sends = new Task[take];
                    for (var k = 0; k < take; k++)
                        sends[k] = channel.BasicPublishAsync(exchange, "", mandatory: true, properties, bodies[next + k], ct).AsTask();
                    await Task.WhenAll(sends);
                    next += take;
                    Interlocked.Add(ref confirmed, take);
                }
            }
            catch (Exception ex) when (ex is BrokerUnreachableException or AlreadyClosedException or OperationInterruptedException
                                         or PublishException or IOException or System.Net.Sockets.SocketException or TimeoutException)
            {
                failingSince ??= DateTime.UtcNow;
                if (DateTime.UtcNow - failingSince > outageTolerance)
                    throw new TimeoutException($"publisher: broker unusable for {outageTolerance.TotalSeconds:0} s ({Confirmed} of {bodies.Count} confirmed)", ex);
                Reconnects++;
                Republished += Math.Min(window, bodies.Count - next);
                await Task.Delay(250, ct); // back-off between reconnect attempts, not a wait for an outcome
            }
        }
    }

    public static IReadOnlyList<byte[]> Utf8(IEnumerable<string> bodies) => bodies.Select(Encoding.UTF8.GetBytes).ToList();
}
