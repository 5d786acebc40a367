using Screening.IntegrationTests.Infrastructure;

namespace Screening.IntegrationTests.Mllp;

/// <summary>An interface engine's view of the MLLP listener: a commit ACK per message, then the message in PostgreSQL.</summary>
public sealed class MllpListenerTests
{
    [IntegrationFact]
    public async Task An_ORU_R01_and_an_ADT_A08_are_acknowledged_AA_mirroring_the_header_and_are_stored()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        using var host = await MllpHost.StartAsync(servers);
        await using var client = await MllpTestClient.ConnectAsync(host.MllpPort());

        var oru = await client.RoundTripAsync(MllpMessages.Oru("ORU-1", "P-MLLP-1", "F-MLLP-1"));
        var adt = await client.RoundTripAsync(MllpMessages.Adt("ADT-1", "P-MLLP-2"));

        Assert.Equal(("AA", "ORU-1"), (oru.Code, oru.ControlId));
        Assert.Equal(["MSH", "^~\\&", "SCREENING", "HOSP", "LIS", "NORTHLAB"], oru.Msh[..6]);
        Assert.Equal(("ACK^R01^ACK", "P", "2.5.1"), (oru.Msh[8], oru.Msh[10], oru.Msh[11]));
        Assert.Null(oru.Err);
        Assert.Equal(("AA", "ADT-1", "ACK^A08^ACK"), (adt.Code, adt.ControlId, adt.Msh[8]));
        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE result_id = 'F-MLLP-1|718-7|'"), n => n == 1, what: "the ORU's result");
        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM patient WHERE external_id = 'P-MLLP-2'"), n => n == 1, what: "the ADT's patient");
        Assert.Equal(0, await servers.DataSource.Count("SELECT count(*) FROM rejected_message"));
        await host.StopAsync();
    }

    [IntegrationFact]
    public async Task Each_of_the_37_fuzzer_found_bad_inputs_is_answered_AR_with_an_ERR_and_stored_as_a_reject_while_the_listener_keeps_serving()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        using var host = await MllpHost.StartAsync(servers);
        await using var client = await MllpTestClient.ConnectAsync(host.MllpPort());
        var files = Directory.EnumerateFiles(Feeds.FeedSupport.Fixture("hl7v2", "nhapi", "fuzz-bad-inputs")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(37, files.Count);

        foreach (var file in files)
        {
            await client.SendAsync(await File.ReadAllBytesAsync(file));
            var ack = await client.ReadAckAsync();
            Assert.True(ack.Code == "AR", $"{Path.GetFileName(file)}: {ack.Code}");
            Assert.NotNull(ack.Err);
            Assert.Contains(ack.ErrorCode, new[] { "100", "101", "102", "200", "201", "202", "203" });
            Assert.Equal("E", ack.Severity);
            Assert.False(string.IsNullOrWhiteSpace(ack.ErrorText), Path.GetFileName(file));
        }
        var good = await client.RoundTripAsync(MllpMessages.Oru("GOOD-1", "P-MLLP-3", "F-MLLP-3"));

        Assert.Equal(("AA", "GOOD-1"), (good.Code, good.ControlId));
        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE result_id = 'F-MLLP-3|718-7|'"), n => n == 1, what: "the good message");
        await Eventually.Get(() => servers.DataSource.Count("SELECT count(DISTINCT payload) FROM rejected_message WHERE source = 'screening.hl7v2'"),
            n => n >= 36, what: "a stored reject for every bad input"); // the empty input and another may share a payload text
        Assert.Equal(0, await servers.DataSource.Count(
            "SELECT count(*) FROM rejected_message WHERE reason_code NOT IN ('unparseable','unsupported-message','missing-field')"));
        await host.StopAsync();
    }

    [IntegrationFact]
    public async Task A_frame_split_over_many_packets_and_several_frames_in_one_packet_are_each_acknowledged_in_order()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        using var host = await MllpHost.StartAsync(servers);
        await using var client = await MllpTestClient.ConnectAsync(host.MllpPort());

        var split = Screening.Interop.Mllp.MllpFrame.Wrap(System.Text.Encoding.UTF8.GetBytes(MllpMessages.Oru("SPLIT-1", "P-MLLP-4", "F-MLLP-4")));
        for (var at = 0; at < split.Length; at += 7) await client.SendRawAsync(split[at..Math.Min(split.Length, at + 7)]);
        var first = await client.ReadAckAsync();
        var together = new[] { "MANY-1", "MANY-2", "MANY-3" }
            .SelectMany((id, i) => Screening.Interop.Mllp.MllpFrame.Wrap(System.Text.Encoding.UTF8.GetBytes(MllpMessages.Oru(id, $"P-MANY-{i}", $"F-MANY-{i}")))
                .Concat("\r\n"u8.ToArray()))
            .ToArray();
        await client.SendRawAsync(together);
        var acks = new[] { await client.ReadAckAsync(), await client.ReadAckAsync(), await client.ReadAckAsync() };

        Assert.Equal(("AA", "SPLIT-1"), (first.Code, first.ControlId));
        Assert.Equal(["MANY-1", "MANY-2", "MANY-3"], acks.Select(a => a.ControlId));
        Assert.All(acks, a => Assert.Equal("AA", a.Code));
        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE result_id LIKE 'F-M%'"), n => n == 4, what: "all four results");
        await host.StopAsync();
    }

    [IntegrationFact]
    public async Task An_oversize_message_is_answered_AR_and_the_next_message_on_the_connection_is_accepted()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        using var host = await MllpHost.StartAsync(servers, o => o.MaxMessageBytes = 8192);
        await using var client = await MllpTestClient.ConnectAsync(host.MllpPort());
        var big = MllpMessages.Oru("BIG-1", "P-BIG", "F-BIG") + "NTE|1||" + new string('x', 20_000) + "\r";

        var tooLarge = await client.RoundTripAsync(big);
        var next = await client.RoundTripAsync(MllpMessages.Oru("AFTER-BIG", "P-MLLP-5", "F-MLLP-5"));

        Assert.Equal(("AR", "BIG-1", "207"), (tooLarge.Code, tooLarge.ControlId, tooLarge.ErrorCode));
        Assert.Contains("exceeds the maximum of 8192 bytes", tooLarge.ErrorText);
        Assert.Equal(("AA", "AFTER-BIG"), (next.Code, next.ControlId));
        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE result_id = 'F-MLLP-5|718-7|'"), n => n == 1, what: "the next message");
        Assert.Equal(0, await servers.DataSource.Count("SELECT count(*) FROM patient WHERE external_id = 'P-BIG'"));
        await host.StopAsync();
    }

    [IntegrationFact]
    public async Task A_sender_that_disconnects_mid_frame_loses_only_that_unacknowledged_frame_and_others_are_still_served()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        using var host = await MllpHost.StartAsync(servers);
        var half = Screening.Interop.Mllp.MllpFrame.Wrap(System.Text.Encoding.UTF8.GetBytes(MllpMessages.Oru("HALF-1", "P-HALF", "F-HALF")));
        await using (var quitter = await MllpTestClient.ConnectAsync(host.MllpPort()))
            await quitter.SendRawAsync(half[..(half.Length / 2)]);

        await using var client = await MllpTestClient.ConnectAsync(host.MllpPort());
        var ack = await client.RoundTripAsync(MllpMessages.Oru("WHOLE-1", "P-MLLP-6", "F-MLLP-6"));

        Assert.Equal(("AA", "WHOLE-1"), (ack.Code, ack.ControlId));
        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE result_id = 'F-MLLP-6|718-7|'"), n => n == 1, what: "the whole message");
        Assert.Equal(0, await servers.DataSource.Count("SELECT count(*) FROM patient WHERE external_id = 'P-HALF'"));
        Assert.Equal(0, await servers.DataSource.Count("SELECT count(*) FROM rejected_message"));
        await host.StopAsync();
    }

    [IntegrationFact]
    public async Task A_repeated_control_id_is_acknowledged_again_and_stored_once()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        using var host = await MllpHost.StartAsync(servers);
        await using var client = await MllpTestClient.ConnectAsync(host.MllpPort());
        var message = MllpMessages.Oru("DUP-1", "P-DUP", "F-DUP");

        var first = await client.RoundTripAsync(message);
        var again = await client.RoundTripAsync(message);

        Assert.Equal(("AA", "DUP-1"), (first.Code, first.ControlId));
        Assert.Equal(("AA", "DUP-1"), (again.Code, again.ControlId));
        Assert.NotEqual(first.Msh[9], again.Msh[9]); // each ACK has its own control id
        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE result_id = 'F-DUP|718-7|'"), n => n == 1, what: "the result");
        await Eventually.Get(() => Task.FromResult(host.Get<Screening.App.Messaging.IngestProgress>().Total), n => n >= 2, what: "both copies consumed");
        Assert.Equal(1, await servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE result_id = 'F-DUP|718-7|'"));
        await host.StopAsync();
    }

    [IntegrationFact]
    public async Task Enhanced_mode_gets_a_commit_accept_and_a_message_asking_for_no_acknowledgement_gets_none()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        using var host = await MllpHost.StartAsync(servers);
        await using var client = await MllpTestClient.ConnectAsync(host.MllpPort());

        var commit = await client.RoundTripAsync(MllpMessages.OruEnhanced("ENH-1", "P-ENH-1", "F-ENH-1", "AL", "NE"));
        await client.SendAsync(MllpMessages.OruEnhanced("SILENT-1", "P-ENH-2", "F-ENH-2", "NE", "NE"));
        var next = await client.RoundTripAsync(MllpMessages.Oru("LOUD-1", "P-ENH-3", "F-ENH-3"));

        Assert.Equal(("CA", "ENH-1"), (commit.Code, commit.ControlId));
        Assert.Equal(("AA", "LOUD-1"), (next.Code, next.ControlId)); // in order: the silent message produced no ACK in between
        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE result_id = 'F-ENH-2|718-7|'"), n => n == 1,
            what: "the message that asked for no ACK is stored all the same");
        await host.StopAsync();
    }
}
