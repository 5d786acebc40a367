namespace Screening.Interop.Mllp;

/// <summary>
/// Cuts an MLLP byte stream (<c>0x0B</c> message <c>0x1C 0x0D</c>) into frames, whatever the TCP packet boundaries:
/// a frame may arrive split over many reads, and one read may hold several frames. Bytes between frames (line breaks,
/// noise, a half frame abandoned by a new <c>0x0B</c>) are skipped and counted in <see cref="GarbageBytes"/>. A frame
/// over <c>maxMessageBytes</c> is not buffered past the limit: its first bytes are kept (for the ACK header), the
/// rest is counted and dropped, and it is returned with <see cref="MllpFrame.Oversize"/> once its end arrives.
/// A <c>0x1C</c> not followed by <c>0x0D</c> is message data. Not thread-safe: one decoder per connection.
/// </summary>
public sealed class MllpFrameDecoder(int maxMessageBytes)
{
    /// <summary>How much of an oversize frame is kept: enough for any MSH segment.</summary>
    public const int OversizePrefixBytes = 4096;

    private enum State { Between, InFrame, AfterEndBlock }

    private State state = State.Between;
    private byte[] buffer = new byte[4096];
    private int buffered;
    private long frameLength;

    public long GarbageBytes { get; private set; }

    /// <summary>True while a frame has started and not ended (a disconnect now loses that partial frame).</summary>
    public bool InFrame => state != State.Between;

    /// <summary>Bytes of the frame in progress (0 between frames).</summary>
    public long PartialFrameBytes => InFrame ? frameLength : 0;

    /// <summary>Feeds the next bytes read from the stream; complete frames are appended to <paramref name="frames"/>.</summary>
    public void Decode(ReadOnlySpan<byte> data, List<MllpFrame> frames)
    {
        var i = 0;
        while (i < data.Length)
        {
            switch (state)
            {
                case State.Between:
                {
                    var start = data[i..].IndexOf(MllpFrame.StartBlock);
                    if (start < 0)
                    {
                        GarbageBytes += data.Length - i;
                        return;
                    }
                    GarbageBytes += start;
                    i += start + 1;
                    BeginFrame();
                    break;
                }
                case State.InFrame:
                {
                    var rest = data[i..];
                    var stop = rest.IndexOfAny(MllpFrame.EndBlock, MllpFrame.StartBlock);
                    var take = stop < 0 ? rest.Length : stop;
                    Append(rest[..take]);
                    i += take;
                    if (stop < 0) return;
                    if (rest[stop] == MllpFrame.StartBlock)
                    {
                        // A new frame starts inside this one: the sender gave up on it; its bytes are garbage.
                        GarbageBytes += frameLength + 1;
                        i++;
                        BeginFrame();
                    }
                    else
                    {
                        i++;
                        state = State.AfterEndBlock;
                    }
                    break;
                }
                case State.AfterEndBlock:
                {
                    if (data[i] == MllpFrame.CarriageReturn)
                    {
                        i++;
                        frames.Add(TakeFrame());
                    }
                    else
                    {
                        Append([MllpFrame.EndBlock]); // a lone 0x1C is data
                        state = State.InFrame;
                    }
                    break;
                }
            }
        }
    }

    private void BeginFrame()
    {
        state = State.InFrame;
        buffered = 0;
        frameLength = 0;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        frameLength += bytes.Length;
        var limit = frameLength > maxMessageBytes ? Math.Min(OversizePrefixBytes, maxMessageBytes) : maxMessageBytes;
        var room = Math.Max(0, limit - buffered);
        var keep = bytes[..Math.Min(room, bytes.Length)];
        if (keep.Length == 0) return;
        if (buffered + keep.Length > buffer.Length)
            Array.Resize(ref buffer, (int)Math.Min(Math.Max(buffer.Length * 2L, buffered + keep.Length), Math.Max(limit, 1)));
        keep.CopyTo(buffer.AsSpan(buffered));
        buffered += keep.Length;
    }

    private MllpFrame TakeFrame()
    {
        var oversize = frameLength > maxMessageBytes;
        var kept = oversize ? Math.Min(buffered, OversizePrefixBytes) : buffered;
        var frame = new MllpFrame(buffer.AsSpan(0, kept).ToArray(), frameLength, oversize);
        state = State.Between;
        buffered = 0;
        frameLength = 0;
        if (buffer.Length > 1 << 20) buffer = new byte[4096]; // do not hold a large buffer for an idle connection
        return frame;
    }
}
