using System.Text.Json.Nodes;
using Screening.Interop.FileMode;

namespace Screening.Domain.Tests.Interop;

public class FileScreeningTests
{
    private static (FileScreenSummary Summary, List<string> Findings, List<string> Diagnostics) Run(string path, string asOf, InputFormat? format = null, DateTimeOffset? receivedAt = null)
    {
        var findings = new StringWriter();
        var diagnostics = new StringWriter();
        var summary = FileScreening.Run(new FileScreenRequest(path, format, DateOnly.Parse(asOf), receivedAt ?? Fixtures.ReceivedAt), Fixtures.Rules(), findings, diagnostics);
        return (summary, Lines(findings), Lines(diagnostics));
    }

    private static List<string> Lines(StringWriter writer)
        => writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static JsonNode Json(string line) => JsonNode.Parse(line)!;

    [Fact]
    public void Synthea_pophealth_export_has_no_persistent_anemia_because_none_of_its_five_low_hb_patients_meets_section_9()
    {
        // The five patients with >= 2 low Hb values: 461c6b9d (lows during a pregnancy, 2022-08-20..2023-03-19),
        // 2710f015 and 4da67a54 and 3f02e3fc (lows in inpatient/emergency encounters only), acaf231b (one outpatient
        // low, then an emergency low; deceased 2017). None has two outpatient lows >= 180 days apart.
        var (summary, findings, diagnostics) = Run(Fixtures.Path("synthea", "dverma11-pophealth"), "2023-06-30",
            receivedAt: new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Empty(diagnostics);
        Assert.Equal(16, summary.Patients);
        Assert.DoesNotContain(findings, f => Json(f)["rule"]!.GetValue<string>() == "persistent-anemia");
        var dxa = findings.Select(Json).Where(f => f["rule"]!.GetValue<string>() == "overdue-dxa").ToList();
        Assert.Equal(["2710f015", "3f02e3fc", "87de5b32", "89019aa8"], dxa.Select(f => f["patientId"]!.GetValue<string>()[..8]));
        Assert.All(dxa, f => Assert.Null(f["lowest"]));
        Assert.All(dxa, f => Assert.NotNull(f["dueDate"]));
        Assert.Equal(4, summary.FindingsByRule["overdue-dxa"]);
    }

    [Fact]
    public void Synthea_pophealth_with_the_hb_encounters_of_4da67a54_made_outpatient_finds_persistent_anemia()
    {
        using var copy = new TempDirectory();
        foreach (var file in Directory.EnumerateFiles(Fixtures.Path("synthea", "dverma11-pophealth"), "*.csv"))
            File.Copy(file, Path.Combine(copy.Path, Path.GetFileName(file)));
        string[] acute = ["4da67a54-6874-1651-c697-f5a2f542a22b", "4da67a54-6874-1651-99de-93184958884d", "4da67a54-6874-1651-a2c9-3684d896e42e"];
        var encounters = Path.Combine(copy.Path, "encounters.csv");
        File.WriteAllLines(encounters, File.ReadAllLines(encounters).Select(line => acute.Any(id => line.StartsWith(id + ","))
            ? line.Replace(",inpatient,", ",ambulatory,").Replace(",emergency,", ",ambulatory,") : line));

        var (_, findings, _) = Run(copy.Path, "2024-06-30");

        var anemia = Json(Assert.Single(findings, f => Json(f)["rule"]!.GetValue<string>() == "persistent-anemia"));
        Assert.StartsWith("4da67a54", anemia["patientId"]!.GetValue<string>());
        Assert.Equal("2023-11-10", anemia["since"]!.GetValue<string>());
        Assert.Equal((11.3m, "g/dL", "2023-11-11"), (anemia["lowest"]!["value"]!.GetValue<decimal>(), anemia["lowest"]!["unit"]!.GetValue<string>(), anemia["lowest"]!["at"]!.GetValue<string>()));
        Assert.Contains(anemia["evidence"]!.AsArray(), e => e!.GetValue<string>().EndsWith("|2024-05-16T16:57:34Z|718-7|1"));
    }

    [Fact]
    public void Synthea_results_dated_after_the_receive_time_are_rejected_as_future_date()
    {
        // This export was generated with encounters up to mid-2026.
        var (summary, _, diagnostics) = Run(Fixtures.Path("synthea", "dverma11-pophealth"), "2025-06-30",
            receivedAt: new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(43, summary.RejectedByReason["future-date"]);
        Assert.All(diagnostics, d => Assert.Contains(": future-date: ", d));
    }

    [Fact]
    public void File_mode_is_deterministic()
    {
        var first = Run(Fixtures.Path("synthea", "dverma11-pophealth"), "2025-06-30");
        var second = Run(Fixtures.Path("synthea", "dverma11-pophealth"), "2025-06-30");

        Assert.Equal(first.Findings, second.Findings);
        Assert.Equal(first.Summary.Describe(), second.Summary.Describe());
    }

    [Fact]
    public void Rejects_go_to_diagnostics_with_file_line_and_reason_and_the_run_continues()
    {
        var (summary, findings, diagnostics) = Run(Fixtures.Path("ndjson", "population.ndjson"), "2024-06-30");

        Assert.Contains("population.ndjson: line 4: $.value: unparseable: 'value' must be a decimal number", diagnostics);
        Assert.Contains(diagnostics, d => d.StartsWith("population.ndjson: line 6: unparseable: "));
        Assert.Equal(4, summary.Rejected);
        Assert.Equal(3, summary.ResultsAccepted);
        Assert.Equal(1, summary.ResultsSuperseded); // R1 final, then R1 corrected
        Assert.NotEmpty(findings);
        Assert.DoesNotContain(diagnostics, d => d.Contains("1950-04-02"));
    }

    [Fact]
    public void A_directory_of_mixed_files_is_read_file_by_file_by_extension()
    {
        using var dir = new TempDirectory();
        File.Copy(Fixtures.Path("ndjson", "population.ndjson"), Path.Combine(dir.Path, "a.ndjson"));
        File.Copy(Fixtures.Path("csv", "results.csv"), Path.Combine(dir.Path, "b.csv"));
        File.Copy(Fixtures.Hl7("microsoft-fhir-converter", "LRI_2.0-NG_CBC_Typ_Message.hl7"), Path.Combine(dir.Path, "c.hl7"));
        File.Copy(Fixtures.Fhir("Observation-f005.json"), Path.Combine(dir.Path, "d.json"));
        dir.File("notes.md", "ignored");

        var sources = InputDetection.Sources(dir.Path, null);
        Assert.Equal([InputFormat.Ndjson, InputFormat.Csv, InputFormat.Hl7v2, InputFormat.Fhir], sources.Select(s => s.Format));

        var (summary, _, diagnostics) = Run(dir.Path, "2024-06-30");
        Assert.Equal(4, summary.Sources);
        Assert.Contains(diagnostics, d => d.StartsWith("c.hl7: ") && d.Contains("unknown-unit"));
        Assert.Contains(diagnostics, d => d.StartsWith("b.csv: line 7: loinc: unmapped-code"));
    }

    [Fact]
    public void Ndjson_file_of_fhir_resources_is_detected_as_fhir_bulk_export()
    {
        using var dir = new TempDirectory();
        var path = dir.File("Observation.ndjson", """{"resourceType":"Observation","id":"o","status":"final"}""" + "\n");
        Assert.Equal(InputFormat.Fhir, Assert.Single(InputDetection.Sources(path, null)).Format);
        Assert.Equal(InputFormat.Synthea, Assert.Single(InputDetection.Sources(Fixtures.Path("synthea", "ohdsi-dbt-synthea"), null)).Format);
    }
}
