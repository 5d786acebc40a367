using System.Buffers;
using System.Net.Sockets;
using Screening.Interop.Mllp;

namespace Screening.App.Mllp;

/// <summary>
/// One sender's connection: reads the stream, cuts frames, handles them strictly in order (the next message is read
/// only after the previous one is acknowledged, as MLLP senders expect) and writes the ACKs of everything one read
/// delivered in one write. Closes on the sender's close, an idle connection (no frame in progress), a frame stalled
/// mid-way (read timeout) or shutdown; a frame cut off by any of these is discarded (never acknowledged), counted
/// and logged.
/// </summary>
public sealed class MllpSession(Stream stream, string id, string remote, MllpOptions options, MllpMessageHandler handler, MllpMetrics metrics,
    ILogger logger)
{
    public MllpConnectionStats Stats { get; } = new();

    public async Task RunAsync(CancellationToken stopping)
    {
        var decoder = new MllpFrameDecoder(options.MaxMessageBytes);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var frames = new List<MllpFrame>();
        var acks = new ArrayBufferWriter<byte>(1024);
        var reason = "closed by the sender";
        long garbageSeen = 0;
        try
        {
            while (true)
            {
                var timeout = TimeSpan.FromSeconds(decoder.InFrame ? options.ReadTimeoutSeconds : options.IdleTimeoutSeconds);
                int read;
                using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping))
                {
                    deadline.CancelAfter(timeout);
                    try
                    {
                        read = await stream.ReadAsync(buffer, deadline.Token);
                    }
                    catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
                    {
                        reason = decoder.InFrame ? $"read timeout: a frame stalled for {timeout.TotalSeconds:0} s" : $"idle for {timeout.TotalSeconds:0} s";
                        break;
                    }
                }
                if (read == 0) break;
                Stats.Received(read);
                metrics.Received(read);
                frames.Clear();
                decoder.Decode(buffer.AsSpan(0, read), frames);
                var garbage = decoder.GarbageBytes - garbageSeen;
                garbageSeen = decoder.GarbageBytes;
                Stats.Garbage(garbage);
                metrics.Garbage(garbage);
                if (frames.Count == 0) continue;
                acks.ResetWrittenCount();
                foreach (var frame in frames)
                {
                    if (await handler.HandleAsync(frame, Stats, id, stopping) is { } ack) acks.Write(ack);
                }
                if (acks.WrittenCount > 0)
                {
                    await stream.WriteAsync(acks.WrittenMemory, stopping);
                    await stream.FlushAsync(stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            reason = "listener stopping";
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            reason = $"connection lost ({(ex.InnerException ?? ex).GetType().Name})";
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        if (decoder.InFrame)
            logger.LogWarning("MLLP {Connection} from {Remote}: {Reason} in the middle of a frame; its {Bytes} bytes were discarded, not acknowledged",
                id, remote, reason, decoder.PartialFrameBytes);
        logger.LogInformation("MLLP {Connection} from {Remote} closed ({Reason}): {Stats}. Listener totals: {Totals}",
            id, remote, reason, Stats, metrics.Totals);
    }
}
