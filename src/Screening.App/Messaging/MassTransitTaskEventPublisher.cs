using MassTransit;
using Screening.Contracts;
using Screening.Data.Outreach;

namespace Screening.App.Messaging;

/// <summary>Publishes task events on RabbitMQ (publisher confirms on: the await completes once the broker has it).</summary>
public sealed class MassTransitTaskEventPublisher(IPublishEndpoint publish) : ITaskEventPublisher
{
    public Task PublishAsync(OutreachTaskQueued message, CancellationToken ct) => publish.Publish(message, Stamp<OutreachTaskQueued>(message.EventId), ct);
    public Task PublishAsync(OutreachTaskClosed message, CancellationToken ct) => publish.Publish(message, Stamp<OutreachTaskClosed>(message.EventId), ct);
    public Task PublishAsync(CriticalResultDetected message, CancellationToken ct) => publish.Publish(message, Stamp<CriticalResultDetected>(message.EventId), ct);
    public Task PublishAsync(OutreachTaskReassigned message, CancellationToken ct) => publish.Publish(message, Stamp<OutreachTaskReassigned>(message.EventId), ct);

    /// <summary>A deterministic MessageId per outbox row, so a re-send after a crash carries the same id.</summary>
    private static Action<PublishContext<T>> Stamp<T>(long eventId) where T : class => context =>
    {
        context.MessageId = NewId(eventId);
        context.Headers.Set("screening-event-id", eventId);
    };

    private static Guid NewId(long eventId)
    {
        Span<byte> bytes = stackalloc byte[16];
        "SCRNEVNT"u8.CopyTo(bytes);
        BitConverter.TryWriteBytes(bytes[8..], eventId);
        return new Guid(bytes);
    }
}
