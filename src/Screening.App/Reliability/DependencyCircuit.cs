using Screening.Data.Ingest;

namespace Screening.App.Reliability;

/// <summary>
/// The circuit every consumer's work runs through (MassTransit and raw RabbitMQ.Client alike). A transient failure
/// (<see cref="Failures.IsTransient"/>) opens it: the work that failed and every consumer that comes next wait, their
/// messages unacknowledged and so still the broker's, while one prober asks the database (<c>SELECT 1</c>) at
/// <see cref="ReliabilityPolicy.ProbeIntervals"/>; when it answers the circuit closes and the waiting work is retried.
/// An outage of any length is a pause, never a reject or a fault. Readiness reports the open circuit.
/// </summary>
public sealed class DependencyCircuit(IngestConnections connections, ILogger<DependencyCircuit> logger) : IDisposable
{
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stopping = new();
    private Task? probing;
    private int tripsInARow;

    /// <summary>Why and since when consumers are paused; null while closed.</summary>
    public (DateTimeOffset Since, string Reason)? Open { get; private set; }

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        while (true)
        {
            await WaitClosedAsync(ct);
            try
            {
                var result = await work(ct);
                Interlocked.Exchange(ref tripsInARow, 0);
                return result;
            }
            catch (Exception e) when (Failures.IsTransient(e) && !ct.IsCancellationRequested)
            {
                Trip(Failures.Describe(e));
            }
        }
    }

    private void Trip(string reason)
    {
        lock (gate)
        {
            if (Open is null)
            {
                Open = (DateTimeOffset.UtcNow, reason);
                logger.LogWarning("Dependency unavailable ({Reason}): consumers paused, messages stay queued until it answers", reason);
            }
            // A failure that outlives the probe's answer (a table missing while SELECT 1 works) backs off like an outage.
            probing ??= ProbeUntilAnsweredAsync(Interlocked.Increment(ref tripsInARow) - 1);
        }
    }

    private Task WaitClosedAsync(CancellationToken ct)
    {
        lock (gate) return probing is { } p ? p.WaitAsync(ct) : Task.CompletedTask;
    }

    private async Task ProbeUntilAnsweredAsync(int firstAttempt)
    {
        for (var attempt = firstAttempt; !stopping.IsCancellationRequested; attempt++)
        {
            try
            {
                await Task.Delay(ReliabilityPolicy.ProbeInterval(attempt), stopping.Token);
                await using var connection = await connections.OpenConnectionAsync(stopping.Token);
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = "SELECT 1";
                await cmd.ExecuteScalarAsync(stopping.Token);
                lock (gate)
                {
                    var since = Open?.Since;
                    Open = null;
                    probing = null;
                    logger.LogInformation("Dependency answers again after {Seconds:F1} s: consumers resume", since is { } s ? (DateTimeOffset.UtcNow - s).TotalSeconds : 0);
                }
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested) { break; }
            catch (Exception e)
            {
                logger.LogDebug("Probe {Attempt} failed ({Error})", attempt + 1, Failures.Describe(e));
            }
        }
        stopping.Token.ThrowIfCancellationRequested();
    }

    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
    }
}
