namespace Screening.App.Messaging;

/// <summary>Counts messages this process has consumed (for logs and diagnostics).</summary>
public sealed class IngestProgress
{
    private long consumed;
    public long Total => Interlocked.Read(ref consumed);
    public void Consumed(int messages) => Interlocked.Add(ref consumed, messages);
}
