using System.Text;
using Screening.FaultTests.Infrastructure;
using Xunit.Abstractions;

namespace Screening.FaultTests.Scenarios.Pending;

[Collection(FaultCollection.Name)]
public sealed class PoisonTests(FaultServers servers, ITestOutputHelper output)
{
    /// <summary>One malformed body per kind of damage issue 13 lists; the index keeps every payload distinct.</summary>
    private static readonly Func<int, byte[]>[] Damage =
    [
        i => Utf8($$"""{"sourceSystem":"fault-lab","resultId":"BAD-{{i}}","patientId":"BAD-P{{i}}","loinc":null,"value":12.1,"unit":"g/dL","collectedAt":"2025-01-01T09:00:00Z"}"""),
        i => Utf8($$"""{"sourceSystem":null,"resultId":"BAD-{{i}}","patientId":"BAD-P{{i}}","loinc":"718-7","value":12.1,"unit":"g/dL","collectedAt":"2025-01-01T09:00:00Z"}"""),
        i => Utf8($$"""{"sourceSystem":"fault-lab","resultId":"BAD-{{i}}","patientId":"BAD-P{{i}}","loinc":"718-7","value":12.1,"unit":"g/dL","collectedAt":"2025-01-01T09:00:00Z","status":null}"""),
        i => Utf8($$"""{"sourceSystem":"fault-lab","patientId":"BAD-P{{i}}","loinc":"718-7","value":12.1,"unit":"g/dL","collectedAt":"2025-01-01T09:00:00Z"}"""),
        i => Utf8($$"""{"sourceSystem":"fault-lab","resultId":"BAD-{{i}}","patientId":"BAD-P{{i}}","loinc":"718-7","value":"twelve","unit":"g/dL","collectedAt":"2025-01-01T09:00:00Z"}"""),
        i => Utf8($"this is not JSON #{i} {{"),
        i => Utf8($$"""{"sourceSystem":"fault-lab","resultId":"BAD-{{i}}-{{new string('x', 20_000)}}","patientId":"BAD-P{{i}}","loinc":"718-7","value":12.1,"unit":"g/dL","collectedAt":"2025-01-01T09:00:00Z"}"""),
        i => [.. Utf8($$"""{"sourceSystem":"fault-lab","resultId":"BAD-{{i}}","patientId":"BAD-P"""), 0xC3, 0x28, .. Utf8($$"""{{i}}","loinc":"718-7","value":12.1,"unit":"g/dL","collectedAt":"2025-01-01T09:00:00Z"}""")],
        i => Utf8($$"""{"sourceSystem":"fault-lab","resultId":"BAD-{{i}}","patientId":"BAD-P{{i}}","loinc":"718-7","value":12.1,"unit":"g/mL","collectedAt":"2025-01-01T09:00:00Z"}"""),
        i => Utf8($$"""{"sourceSystem":"fault-lab","resultId":"BAD-{{i}}","patientId":"BAD-P{{i}}","loinc":"718-7","value":12.1,"unit":"g/dL","collectedAt":"yesterday"}"""),
    ];

    [FaultFact]
    public async Task A_thousand_malformed_messages_among_a_thousand_good_ones_store_every_good_one_and_reject_every_bad_one()
    {
        await using var world = await FaultWorld.StartAsync(servers);
        var feed = new ResultFeed("POISON", 1_000);
        var good = RawPublisher.Utf8(feed.Bodies());
        var mixed = Enumerable.Range(0, 1_000).SelectMany(i => new[] { Damage[i % Damage.Length](i), good[i] }).ToList();
        await world.StartWorkerAsync("worker");
        var started = DateTime.UtcNow;
        await world.Publisher().PublishAsync(mixed, TimeSpan.FromMinutes(1));

        var ledger = await Expect.NothingLostAsync(world.Database, feed, expectedRejects: 1_000);
        var depths = await world.Broker.DepthsAsync();
        Assert.True(depths.Where(q => q.Key.EndsWith("_error", StringComparison.Ordinal)).Sum(q => q.Value) == 0,
            $"messages in _error queues: {string.Join(", ", depths)}");
        output.WriteLine(FaultScale.Report("poison-1000-bad-1000-good", feed.Count, ledger, DateTime.UtcNow - started));
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
