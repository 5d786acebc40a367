using System.Diagnostics;
using System.Text;
using Screening.Interop;
using Screening.Interop.Hl7v2;
using Screening.Interop.Mapping;
using Screening.Domain.Codes;

namespace Screening.Domain.Tests.Interop;

public class Hl7v2RobustnessTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(1);

    public static TheoryData<string> BadInputs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Fixtures.Path("hl7v2", "nhapi", "fuzz-bad-inputs")).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void All_37_fuzzer_found_bad_inputs_are_present()
        => Assert.Equal(37, BadInputs().Count);

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Fuzzer_found_bad_input_is_rejected_cleanly_within_a_second(string file)
    {
        var bytes = File.ReadAllBytes(Fixtures.Path("hl7v2", "nhapi", "fuzz-bad-inputs", file));
        var clock = Stopwatch.StartNew();

        var outcome = Hl7v2Reader.Read(bytes, LocalCodeMap.Empty);

        Assert.True(clock.Elapsed < HangGuard, $"took {clock.Elapsed}");
        Assert.Empty(outcome.Results);
        Assert.Empty(outcome.Patients);
        Assert.NotEmpty(outcome.Rejects);
        Assert.All(outcome.Rejects, r => Assert.Contains(r.ReasonCode,
            new[] { RejectReasons.Unparseable, RejectReasons.UnsupportedMessage, RejectReasons.MissingField }));
        Assert.All(outcome.Rejects, r => Assert.False(string.IsNullOrWhiteSpace(r.Detail)));
    }

    public static TheoryData<string, int> ValidMessagesAndSeeds()
    {
        var data = new TheoryData<string, int>();
        string[] files =
        [
            "microsoft-fhir-converter/LRI_2.0-NG_CBC_Typ_Message.hl7", "microsoft-fhir-converter/LAB-ORU-1.hl7",
            "microsoft-fhir-converter/ORU-R01-01.hl7", "nhapi/ORU_R01_v231_CBC_localcodes_statusZ.hl7",
            "node-hl7-complete/realm__realm-cj-joeslab.hl7", "node-hl7-complete/cerner__cerner_lead.hl7",
        ];
        foreach (var file in files)
            foreach (var seed in new[] { 1, 7, 42 })
                data.Add(file, seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(ValidMessagesAndSeeds))]
    public void Randomly_mutated_messages_never_throw_and_never_hang(string file, int seed)
    {
        var original = File.ReadAllBytes(Fixtures.Path(["hl7v2", .. file.Split('/')]));
        var random = new Random(seed);
        var codes = LocalCodeMap.Empty.With("DHC", "HGB", "718-7");
        for (var round = 0; round < 150; round++)
        {
            var mutated = Mutate(original, random);
            var clock = Stopwatch.StartNew();
            var outcome = Hl7v2Reader.Read(mutated, codes);
            foreach (var result in outcome.Results) ResultValidation.Validate(result, Fixtures.ReceivedAt);
            Assert.True(clock.Elapsed < HangGuard, $"round {round} took {clock.Elapsed}");
            Assert.All(outcome.Rejects, r => Assert.False(string.IsNullOrEmpty(r.ReasonCode)));
        }
    }

    [Fact]
    public void Huge_inputs_made_of_separators_are_read_in_linear_time()
    {
        var header = "MSH|^~\\&|APP|FAC|R|R|20240104||ORU^R01|C1|P|2.5.1\rPID|1||P1\rOBR|1||F1\rOBX|1|NM|718-7^Hb^LN|";
        var text = header + new string('\\', 200_000) + new string('^', 200_000) + new string('~', 200_000) + "|g/dL|||||F";
        var clock = Stopwatch.StartNew();

        Hl7v2Reader.Read(text, LocalCodeMap.Empty);

        Assert.True(clock.Elapsed < HangGuard, $"took {clock.Elapsed}");
    }

    private static byte[] Mutate(byte[] input, Random random)
    {
        var bytes = new List<byte>(input);
        var steps = random.Next(1, 6);
        for (var i = 0; i < steps && bytes.Count > 0; i++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0: bytes.RemoveRange(at, bytes.Count - at); break; // truncate
                case 1: bytes.InsertRange(at, Enumerable.Repeat((byte)"|^~\\&"[random.Next(5)], random.Next(1, 40))); break; // duplicate separators
                case 2: bytes[at] = (byte)random.Next(256); break; // random byte
                case 3: DeleteSegment(bytes, random); break;
                case 4: bytes.InsertRange(at, Encoding.ASCII.GetBytes("\\X" + new string('F', random.Next(0, 9)))); break; // broken escapes
                case 5: bytes.InsertRange(at, bytes.GetRange(0, Math.Min(bytes.Count, random.Next(1, 200)))); break; // duplicate a prefix (MSH)
                default: bytes.Insert(at, (byte)"\r\n\u000b\u001c"[random.Next(4)]); break; // framing bytes
            }
        }
        return bytes.ToArray();
    }

    private static void DeleteSegment(List<byte> bytes, Random random)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Count; i++) if (bytes[i] is (byte)'\r' or (byte)'\n') starts.Add(i + 1);
        var start = starts[random.Next(starts.Count)];
        if (start >= bytes.Count) return;
        var end = bytes.FindIndex(start, b => b is (byte)'\r' or (byte)'\n');
        bytes.RemoveRange(start, (end < 0 ? bytes.Count : end + 1) - start);
    }
}
