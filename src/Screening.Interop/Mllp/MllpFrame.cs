namespace Screening.Interop.Mllp;

/// <summary>
/// One frame cut from an MLLP stream: the message bytes between <c>0x0B</c> and <c>0x1C 0x0D</c>, or, when the
/// frame was larger than the limit, only its first bytes (enough for the header an ACK needs) with
/// <see cref="Oversize"/> set and <see cref="Length"/> the size the sender sent.
/// </summary>
public sealed record MllpFrame(byte[] Content, long Length, bool Oversize)
{
    public const byte StartBlock = 0x0B;
    public const byte EndBlock = 0x1C;
    public const byte CarriageReturn = 0x0D;

    /// <summary>Wraps message bytes as one MLLP frame (<c>0x0B</c> message <c>0x1C 0x0D</c>).</summary>
    public static byte[] Wrap(ReadOnlySpan<byte> message)
    {
        var framed = new byte[message.Length + 3];
        framed[0] = StartBlock;
        message.CopyTo(framed.AsSpan(1));
        framed[^2] = EndBlock;
        framed[^1] = CarriageReturn;
        return framed;
    }
}
