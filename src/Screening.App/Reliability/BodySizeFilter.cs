using MassTransit;

namespace Screening.App.Reliability;

/// <summary>Refuses a body over <see cref="ReliabilityPolicy.MaxBodyBytes"/> before any consumer sees it (stored as <c>too-large</c>).</summary>
public sealed class BodySizeFilter(string queue) : IFilter<ConsumeContext>
{
    private readonly int max = ReliabilityPolicy.MaxBodyBytes(queue);

    public Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        var length = context.ReceiveContext.Body.Length ?? 0;
        if (length > max) throw new BodyTooLargeException($"body is {length} bytes; {queue} accepts at most {max}");
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("bodySize");
}

/// <summary>A body over the queue's size limit.</summary>
public sealed class BodyTooLargeException(string message) : Exception(message);
