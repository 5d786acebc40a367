using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Screening.Interop.FileMode;

namespace Screening.Domain.Tests.Interop;

/// <summary>The same facts written as canonical NDJSON, HL7 v2 ORU^R01 and a FHIR Bundle give the same findings.</summary>
public class CrossFormatTests
{
    private sealed record Fact(string PatientId, string Loinc, decimal Value, string Unit, DateTime At);

    private static readonly (string Id, string Sex, DateOnly Birth)[] Patients =
        [("P-100", "female", new DateOnly(1950, 4, 2)), ("P-200", "male", new DateOnly(1980, 1, 1))];

    private static readonly Fact[] Facts =
    [
        new("P-100", "718-7", 11.1m, "g/dL", new DateTime(2024, 1, 3, 9, 0, 0)),
        new("P-100", "718-7", 10.9m, "g/dL", new DateTime(2024, 3, 1, 9, 0, 0)),
        new("P-100", "718-7", 11.0m, "g/dL", new DateTime(2024, 8, 1, 23, 30, 0)),
        new("P-100", "17861-6", 7.9m, "mg/dL", new DateTime(2024, 2, 1, 8, 0, 0)),
        new("P-100", "17861-6", 8.0m, "mg/dL", new DateTime(2024, 3, 15, 8, 0, 0)),
        new("P-200", "718-7", 14.0m, "g/dL", new DateTime(2024, 5, 1, 8, 0, 0)),
    ];

    [Fact]
    public void Same_facts_as_ndjson_hl7v2_and_fhir_give_the_same_findings()
    {
        using var dir = new TempDirectory();
        var ndjson = Screen(dir.File("facts.ndjson", Ndjson()));
        var hl7 = Screen(dir.File("facts.hl7", Hl7()));
        var fhir = Screen(dir.File("facts.json", Fhir()));

        Assert.Contains(ndjson, f => f.Contains("\"rule\":\"persistent-anemia\"") && f.Contains("\"patientId\":\"P-100\""));
        Assert.Contains(ndjson, f => f.Contains("\"rule\":\"persistent-hypocalcemia\""));
        Assert.Equal(ndjson, hl7);
        Assert.Equal(ndjson, fhir);
    }

    private static List<string> Screen(string path)
    {
        var findings = new StringWriter();
        var diagnostics = new StringWriter();
        FileScreening.Run(new FileScreenRequest(path, null, new DateOnly(2024, 9, 30), Fixtures.ReceivedAt), Fixtures.Rules(), findings, diagnostics);
        Assert.Equal("", diagnostics.ToString());
        // Result ids differ by format (HL7 filler|code|sub-id, FHIR identifier); everything else must match.
        return findings.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var json = JsonNode.Parse(line)!.AsObject();
            json.Remove("evidence");
            return json.ToJsonString();
        }).ToList();
    }

    private static string Ndjson()
    {
        var text = new StringBuilder();
        foreach (var (id, sex, birth) in Patients)
            text.AppendLine($$"""{"type":"patient","patientId":"{{id}}","sex":"{{sex}}","birthDate":"{{birth:yyyy-MM-dd}}"}""");
        var n = 0;
        foreach (var f in Facts)
            text.AppendLine($$"""{"type":"labResult","patientId":"{{f.PatientId}}","resultId":"R{{++n}}","loinc":"{{f.Loinc}}","value":{{Num(f.Value)}},"unit":"{{f.Unit}}","collectedAt":"{{f.At:yyyy-MM-ddTHH:mm:ss}}-05:00","status":"final"}""");
        return text.ToString();
    }

    private static string Hl7()
    {
        var text = new StringBuilder();
        var n = 0;
        foreach (var (id, sex, birth) in Patients)
        {
            text.Append($"MSH|^~\\&|LIS|LAB|EHR|HOSP|20241001||ORU^R01|M-{id}|P|2.5.1\r");
            text.Append($"PID|1||{id}^^^HOSP^MR||DOE^PAT||{birth:yyyyMMdd}|{(sex == "female" ? "F" : "M")}\r");
            text.Append("PV1|1|O\r");
            foreach (var f in Facts.Where(f => f.PatientId == id))
            {
                n++;
                text.Append($"OBR|{n}||ACC-{n}|CHEM^Panel^L|||{f.At:yyyyMMddHHmm}-0500\r");
                text.Append($"OBX|1|NM|{f.Loinc}^Result^LN||{Num(f.Value)}|{f.Unit.ToLowerInvariant()}|||||F|||{f.At:yyyyMMddHHmmss}-0500\r");
            }
        }
        return text.ToString();
    }

    private static string Fhir()
    {
        var entries = new List<string>();
        foreach (var (id, sex, birth) in Patients)
            entries.Add($$$"""{"resource":{"resourceType":"Patient","id":"res-{{{id}}}","identifier":[{"system":"urn:hosp:mrn","value":"{{{id}}}"}],"gender":"{{{sex}}}","birthDate":"{{{birth:yyyy-MM-dd}}}"}}""");
        var n = 0;
        foreach (var f in Facts)
            entries.Add($$$$"""{"resource":{"resourceType":"Observation","id":"obs-{{{{++n}}}}","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"{{{{f.Loinc}}}}"}]},"subject":{"reference":"Patient/res-{{{{f.PatientId}}}}"},"effectiveDateTime":"{{{{f.At:yyyy-MM-ddTHH:mm:ss}}}}-05:00","valueQuantity":{"value":{{{{Num(f.Value)}}}},"unit":"{{{{f.Unit}}}}","system":"http://unitsofmeasure.org","code":"{{{{f.Unit}}}}"}}}""");
        return $$"""{"resourceType":"Bundle","type":"collection","entry":[{{string.Join(",\n", entries)}}]}""";
    }

    private static string Num(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
