using System.Text.Json.Nodes;
using Screening.Interop.FileMode;
using Screening.Interop.Mapping;

namespace Screening.Domain.Tests.Interop;

/// <summary>
/// A FHIR bulk export sends Encounters in their own Encounter.ndjson: an Observation's encounter.reference must
/// resolve across the files of the export, or inpatient/emergency values count as outpatient — a false finding and
/// a missed one on the same data (issue 17). Bundles and bulk files give the same findings.
/// </summary>
public class BulkFhirEncounterTests
{
    // P-A: two lows, the second during an inpatient stay → not persistent (only one outpatient low).
    // P-B: two outpatient lows 228 days apart with a normal value in the emergency room between → persistent.
    private static readonly JsonObject[] Patients = [Patient("pa"), Patient("pb")];
    private static readonly JsonObject[] Encounters = [Encounter("e-imp", "IMP"), Encounter("e-emer", "EMER"), Encounter("e-amb", "AMB")];
    private static readonly JsonObject[] Observations =
    [
        Hb("a1", "pa", 10.8m, "2024-10-01", "e-amb"), Hb("a2", "pa", 10.5m, "2025-05-01", "e-imp"),
        Hb("b1", "pb", 11.0m, "2024-09-01", "e-amb"), Hb("b2", "pb", 13.4m, "2024-12-01", "e-emer"), Hb("b3", "pb", 11.1m, "2025-04-17", null),
    ];

    [Fact]
    public void Encounters_in_a_separate_Encounter_ndjson_give_the_same_findings_as_the_same_data_in_bundles()
    {
        using var bulk = new TempDirectory();
        // Observation.ndjson sorts before Patient.ndjson and Encounter.ndjson comes first alphabetically: order must not matter.
        bulk.File("Observation.ndjson", Ndjson(Observations));
        bulk.File("Patient.ndjson", Ndjson(Patients));
        bulk.File("Encounter.ndjson", Ndjson(Encounters));
        using var bundled = new TempDirectory();
        bundled.File("bundle.json", new JsonObject
        {
            ["resourceType"] = "Bundle", ["type"] = "collection",
            ["entry"] = new JsonArray([.. Patients.Concat(Encounters).Concat(Observations).Select(r => (JsonNode)new JsonObject { ["resource"] = r.DeepClone() })]),
        }.ToJsonString());

        var fromBulk = Anemia(bulk.Path);
        Assert.Equal(Anemia(bundled.Path), fromBulk);
        Assert.Equal(["pb"], fromBulk);
    }

    [Fact]
    public void Without_the_encounter_file_the_acute_values_count_as_outpatient()
    {
        using var bulk = new TempDirectory();
        bulk.File("Patient.ndjson", Ndjson(Patients));
        bulk.File("Observation.ndjson", Ndjson(Observations));
        Assert.Equal(["pa"], Anemia(bulk.Path)); // the documented default: a result with no known encounter class is outpatient
    }

    [Fact]
    public void Import_batches_carry_the_resolved_encounter_class()
    {
        using var bulk = new TempDirectory();
        bulk.File("Observation.ndjson", Ndjson(Observations));
        bulk.File("Encounter.ndjson", Ndjson(Encounters));
        bulk.File("Patient.ndjson", Ndjson(Patients));
        var results = FileImport.Batches(bulk.Path, null, LocalCodeMap.Empty).SelectMany(b => b.Batch.Results).ToDictionary(r => r.ResultId);
        Assert.Equal(("inpatient", "emergency", (string?)null), (results["a2"].EncounterClass, results["b2"].EncounterClass, results["b3"].EncounterClass)); // no encounter: outpatient downstream
    }

    private static List<string> Anemia(string path)
    {
        var findings = new StringWriter();
        FileScreening.Run(new FileScreenRequest(path, null, new DateOnly(2025, 6, 30), Fixtures.ReceivedAt), Fixtures.Rules(), findings, TextWriter.Null);
        return findings.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!)
            .Where(f => f["rule"]!.GetValue<string>() == "persistent-anemia").Select(f => f["patientId"]!.GetValue<string>()).Order().ToList();
    }

    private static string Ndjson(IEnumerable<JsonObject> resources) => string.Join("\n", resources.Select(r => r.ToJsonString())) + "\n";

    private static JsonObject Patient(string id) => new() { ["resourceType"] = "Patient", ["id"] = id, ["gender"] = "female", ["birthDate"] = "1975-02-01" };

    private static JsonObject Encounter(string id, string code) => new()
    {
        ["resourceType"] = "Encounter", ["id"] = id, ["status"] = "finished",
        ["class"] = new JsonObject { ["system"] = "http://terminology.hl7.org/CodeSystem/v3-ActCode", ["code"] = code },
    };

    private static JsonObject Hb(string id, string patient, decimal value, string day, string? encounter)
    {
        var obs = new JsonObject
        {
            ["resourceType"] = "Observation", ["id"] = id, ["status"] = "final",
            ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://loinc.org", ["code"] = "718-7" }) },
            ["subject"] = new JsonObject { ["reference"] = "Patient/" + patient },
            ["effectiveDateTime"] = day + "T09:00:00Z",
            ["valueQuantity"] = new JsonObject { ["value"] = value, ["unit"] = "g/dL", ["system"] = "http://unitsofmeasure.org", ["code"] = "g/dL" },
        };
        if (encounter is not null) obs["encounter"] = new JsonObject { ["reference"] = "Encounter/" + encounter };
        return obs;
    }
}
