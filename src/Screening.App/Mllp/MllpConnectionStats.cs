using Screening.Interop.Mllp;

namespace Screening.App.Mllp;

/// <summary>Counts of one connection (or, shared, of the whole listener): messages by outcome, bytes, skipped bytes. Thread-safe.</summary>
public sealed class MllpConnectionStats
{
    private long messages, accepted, errors, rejected, silent, bytes, garbage, oversize;

    public long Messages => Interlocked.Read(ref messages);
    public long Accepted => Interlocked.Read(ref accepted);
    public long Errors => Interlocked.Read(ref errors);
    public long Rejected => Interlocked.Read(ref rejected);
    /// <summary>Messages whose sender asked for no acknowledgement with that outcome (MSH-15 NE/ER/SU).</summary>
    public long NotAcknowledged => Interlocked.Read(ref silent);
    public long Bytes => Interlocked.Read(ref bytes);
    public long GarbageBytes => Interlocked.Read(ref garbage);
    public long Oversize => Interlocked.Read(ref oversize);

    public void Message(AckCode code, bool acknowledged, bool tooLarge)
    {
        Interlocked.Increment(ref messages);
        if (code == AckCode.Accept) Interlocked.Increment(ref accepted);
        else if (code == AckCode.Error) Interlocked.Increment(ref errors);
        else Interlocked.Increment(ref rejected);
        if (!acknowledged) Interlocked.Increment(ref silent);
        if (tooLarge) Interlocked.Increment(ref oversize);
    }

    public void Received(long count) => Interlocked.Add(ref bytes, count);
    public void Garbage(long count) => Interlocked.Add(ref garbage, count);

    public override string ToString() =>
        $"{Messages} messages ({Accepted} AA, {Errors} AE, {Rejected} AR, {NotAcknowledged} without ACK as asked, {Oversize} over size), {Bytes} bytes in, {GarbageBytes} bytes skipped between frames";
}
