using System.Diagnostics.Metrics;
using Screening.Interop.Mllp;

namespace Screening.App.Mllp;

/// <summary>
/// The listener's totals, for logs (<see cref="Totals"/>) and as the <c>Screening.Mllp</c> meter
/// (System.Diagnostics.Metrics, for any exporter): <c>screening.mllp.messages</c> (tag <c>ack</c> = accept/error/reject),
/// <c>screening.mllp.bytes</c>, <c>screening.mllp.garbage_bytes</c>, <c>screening.mllp.connections</c> (opened) and
/// <c>screening.mllp.active_connections</c>. No payloads, no ids.
/// </summary>
public sealed class MllpMetrics : IDisposable
{
    public const string MeterName = "Screening.Mllp";
    private readonly Meter meter;
    private readonly Counter<long> messages;
    private readonly Counter<long> bytes;
    private readonly Counter<long> garbage;
    private readonly Counter<long> opened;
    private readonly UpDownCounter<long> active;

    public MllpMetrics(IMeterFactory meters)
    {
        meter = meters.Create(MeterName);
        messages = meter.CreateCounter<long>("screening.mllp.messages", "{message}", "HL7 v2 messages received over MLLP, by acknowledgement");
        bytes = meter.CreateCounter<long>("screening.mllp.bytes", "By", "bytes received over MLLP");
        garbage = meter.CreateCounter<long>("screening.mllp.garbage_bytes", "By", "bytes skipped outside MLLP frames");
        opened = meter.CreateCounter<long>("screening.mllp.connections", "{connection}", "MLLP connections accepted");
        active = meter.CreateUpDownCounter<long>("screening.mllp.active_connections", "{connection}", "MLLP connections open now");
    }

    public MllpConnectionStats Totals { get; } = new();

    public void ConnectionOpened()
    {
        opened.Add(1);
        active.Add(1);
    }

    public void ConnectionClosed() => active.Add(-1);

    public void Message(AckCode code, bool acknowledged, bool tooLarge)
    {
        Totals.Message(code, acknowledged, tooLarge);
        messages.Add(1, new KeyValuePair<string, object?>("ack", code switch { AckCode.Accept => "accept", AckCode.Error => "error", _ => "reject" }));
    }

    public void Received(long count)
    {
        Totals.Received(count);
        bytes.Add(count);
    }

    public void Garbage(long count)
    {
        if (count == 0) return;
        Totals.Garbage(count);
        garbage.Add(count);
    }

    public void Dispose() => meter.Dispose();
}
