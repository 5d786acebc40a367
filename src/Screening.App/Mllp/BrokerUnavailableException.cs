namespace Screening.App.Mllp;

/// <summary>A message could not be made durable on the broker (down, unroutable, nacked, no confirm in time): answer AE, never AA.</summary>
public sealed class BrokerUnavailableException(string reason, Exception? inner = null) : Exception(reason, inner)
{
    public string Reason { get; } = reason;
}
