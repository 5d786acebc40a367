namespace Screening.App.Messaging;

/// <summary>Counts messages this process has consumed (the demo and import wait on it; the health page shows it).</summary>
public sealed class IngestProgress
{
    private long consumed;
    public long Total => Interlocked.Read(ref consumed);
    public void Consumed(int messages) => Interlocked.Add(ref consumed, messages);

    public async Task<bool> WaitForAsync(long expected, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Total < expected)
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(50, ct);
        }
        return true;
    }
}
