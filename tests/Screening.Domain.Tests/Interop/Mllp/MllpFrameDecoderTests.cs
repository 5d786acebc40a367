using System.Text;
using Screening.Interop.Mllp;

namespace Screening.Domain.Tests.Interop.Mllp;

public class MllpFrameDecoderTests
{
    private static byte[] Framed(string message) => MllpFrame.Wrap(Encoding.ASCII.GetBytes(message));

    private static List<MllpFrame> Decode(MllpFrameDecoder decoder, params byte[][] reads)
    {
        var frames = new List<MllpFrame>();
        foreach (var read in reads) decoder.Decode(read, frames);
        return frames;
    }

    private static string Text(MllpFrame frame) => Encoding.ASCII.GetString(frame.Content);

    [Fact]
    public void A_frame_is_the_bytes_between_start_block_and_end_block_carriage_return()
    {
        var frames = Decode(new MllpFrameDecoder(1024), Framed("MSH|^~\\&|A\rPID|1\r"));

        Assert.Equal("MSH|^~\\&|A\rPID|1\r", Assert.Single(frames).Content is var c ? Encoding.ASCII.GetString(c) : "");
    }

    [Fact]
    public void A_frame_split_into_one_byte_reads_comes_out_whole_and_only_at_its_end()
    {
        var decoder = new MllpFrameDecoder(1024);
        var frames = new List<MllpFrame>();
        var bytes = Framed("MSH|^~\\&|SPLIT\r");
        for (var i = 0; i < bytes.Length; i++)
        {
            decoder.Decode(bytes.AsSpan(i, 1), frames);
            Assert.Equal(i == bytes.Length - 1 ? 1 : 0, frames.Count);
            Assert.Equal(i < bytes.Length - 1, decoder.InFrame);
        }
        Assert.Equal("MSH|^~\\&|SPLIT\r", Text(frames[0]));
    }

    [Fact]
    public void Several_frames_in_one_read_come_out_in_order()
    {
        var read = Framed("MSH|1").Concat(Framed("MSH|2")).Concat(Framed("MSH|3")).ToArray();

        var frames = Decode(new MllpFrameDecoder(1024), read);

        Assert.Equal(["MSH|1", "MSH|2", "MSH|3"], frames.Select(Text));
    }

    [Fact]
    public void Bytes_between_frames_are_skipped_and_counted()
    {
        var decoder = new MllpFrameDecoder(1024);
        var read = Encoding.ASCII.GetBytes("noise\r\n").Concat(Framed("MSH|1")).Concat(Encoding.ASCII.GetBytes("\n")).Concat(Framed("MSH|2")).ToArray();

        var frames = Decode(decoder, read);

        Assert.Equal(["MSH|1", "MSH|2"], frames.Select(Text));
        Assert.Equal(8, decoder.GarbageBytes);
        Assert.False(decoder.InFrame);
    }

    [Fact]
    public void A_new_start_block_abandons_an_unfinished_frame_whose_bytes_count_as_garbage()
    {
        var decoder = new MllpFrameDecoder(1024);
        var read = new byte[] { 0x0B, (byte)'M', (byte)'S' }.Concat(Framed("MSH|2")).ToArray();

        var frames = Decode(decoder, read);

        Assert.Equal("MSH|2", Text(Assert.Single(frames)));
        Assert.Equal(3, decoder.GarbageBytes);
    }

    [Fact]
    public void An_end_block_not_followed_by_carriage_return_is_message_data()
    {
        var frames = Decode(new MllpFrameDecoder(1024), [0x0B, (byte)'A', 0x1C, (byte)'B', 0x1C, 0x0D]);

        Assert.Equal(new byte[] { (byte)'A', 0x1C, (byte)'B' }, Assert.Single(frames).Content);
    }

    [Fact]
    public void An_end_block_and_its_carriage_return_split_across_reads_still_end_the_frame()
    {
        var frames = Decode(new MllpFrameDecoder(1024), [0x0B, (byte)'A', 0x1C], [0x0D]);

        Assert.Equal("A", Text(Assert.Single(frames)));
    }

    [Fact]
    public void An_oversize_frame_keeps_only_its_start_and_reports_its_full_length()
    {
        var decoder = new MllpFrameDecoder(10_000);
        var big = "MSH|^~\\&|BIG\r" + new string('X', 50_000);

        var frames = Decode(decoder, Framed(big), Framed("MSH|next"));

        Assert.True(frames[0].Oversize);
        Assert.Equal(big.Length, frames[0].Length);
        Assert.Equal(MllpFrameDecoder.OversizePrefixBytes, frames[0].Content.Length);
        Assert.StartsWith("MSH|^~\\&|BIG", Text(frames[0]));
        Assert.False(frames[1].Oversize);
        Assert.Equal("MSH|next", Text(frames[1]));
    }

    [Fact]
    public void A_frame_of_exactly_the_maximum_size_is_not_oversize()
    {
        var frames = Decode(new MllpFrameDecoder(2000), Framed(new string('M', 2000)));

        Assert.False(Assert.Single(frames).Oversize);
        Assert.Equal(2000, frames[0].Content.Length);
    }

    [Fact]
    public void A_frame_cut_off_mid_way_is_reported_as_in_progress_with_its_size()
    {
        var decoder = new MllpFrameDecoder(1024);

        var frames = Decode(decoder, [0x0B, (byte)'M', (byte)'S', (byte)'H']);

        Assert.Empty(frames);
        Assert.True(decoder.InFrame);
        Assert.Equal(3, decoder.PartialFrameBytes);
    }
}
