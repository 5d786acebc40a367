using Screening.Contracts;
using Screening.Data.Platform;

namespace Screening.Data.Outreach;

/// <summary>
/// The one seam between the task outbox and a transport (MassTransit/RabbitMQ here; a Hangfire or webhook
/// adapter elsewhere). Implementations must complete only once the transport has accepted the message.
/// </summary>
public interface ITaskEventPublisher
{
    Task PublishAsync(OutreachTaskQueued message, CancellationToken ct);
    Task PublishAsync(OutreachTaskClosed message, CancellationToken ct);
    Task PublishAsync(CriticalResultDetected message, CancellationToken ct);
    Task PublishAsync(OutreachTaskReassigned message, CancellationToken ct);
}
