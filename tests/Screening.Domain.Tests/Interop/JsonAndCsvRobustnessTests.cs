using System.Diagnostics;
using System.Text;
using Screening.Interop.Csv;
using Screening.Interop.Fhir;
using Screening.Interop.Mapping;
using Screening.Interop.Ndjson;

namespace Screening.Domain.Tests.Interop;

public class JsonAndCsvRobustnessTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData("Bundle-ghp.json", 3)]
    [InlineData("Observation-f005.json", 5)]
    [InlineData("us-core/dxa-hip-l-t-score-bmd.json", 11)]
    public void Randomly_mutated_fhir_json_never_throws_and_never_hangs(string file, int seed)
    {
        var original = Fixtures.Text(["fhir-r4", .. file.Split('/')]);
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var mutated = Mutate(original, random, "{}[]\":,0-.e");
            var clock = Stopwatch.StartNew();
            var outcome = FhirReader.Read(mutated, LocalCodeMap.Empty);
            foreach (var result in outcome.Results) ResultValidation.Validate(result, Fixtures.ReceivedAt);
            Assert.True(clock.Elapsed < HangGuard, $"round {round} took {clock.Elapsed}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Randomly_mutated_canonical_ndjson_and_csv_never_throw_and_never_hang(int seed)
    {
        var ndjson = Fixtures.Text("ndjson", "population.ndjson");
        var csv = Fixtures.Text("csv", "results.csv");
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var clock = Stopwatch.StartNew();
            _ = CanonicalNdjsonReader.ReadBatches(new StringReader(Mutate(ndjson, random, "{}\":,\n")), LocalCodeMap.Empty, 3).ToList();
            _ = ResultsCsvReader.ReadBatches(new StringReader(Mutate(csv, random, ",\"\n\r")), 3).ToList();
            Assert.True(clock.Elapsed < HangGuard, $"round {round} took {clock.Elapsed}");
        }
    }

    private static string Mutate(string input, Random random, string specials)
    {
        var text = new StringBuilder(input);
        var steps = random.Next(1, 6);
        for (var i = 0; i < steps && text.Length > 0; i++)
        {
            var at = random.Next(text.Length);
            switch (random.Next(4))
            {
                case 0: text.Length = at; break;
                case 1: text.Insert(at, new string(specials[random.Next(specials.Length)], random.Next(1, 30))); break;
                case 2: text[at] = (char)random.Next(1, 0x2FF); break;
                default: text.Remove(at, Math.Min(text.Length - at, random.Next(1, 50))); break;
            }
        }
        return text.ToString();
    }
}
