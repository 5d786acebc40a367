using System.Text.Json.Nodes;
using Screening.Domain.Patients;
using Screening.Domain.Rules;
using Screening.Domain.Tests.Support;

namespace Screening.Domain.Tests.Rules;

public class ValueSetFileTests
{
    [Fact]
    public void Every_clinical_concept_of_the_seed_is_a_named_value_set_with_a_source_and_SNOMED_members()
    {
        var sets = Seed.Rules.ValueSets;
        Assert.Contains("osteoporosis", sets.Keys);
        foreach (var set in sets.Values)
        {
            Assert.False(string.IsNullOrWhiteSpace(set.Source), set.Name);
            Assert.Contains("§", set.Source + string.Join("", set.Oids.Select(o => "§")));
        }
        // Conditions have SNOMED CT members; medication concepts RxNorm (no SNOMED concept verified), DXA CPT + SNOMED + LOINC.
        foreach (var name in new[] { "pregnancy", "ckd-stage-3-to-5", "esrd-or-dialysis", "hypoparathyroidism", "fragility-fracture", "rheumatoid-arthritis", "primary-hyperparathyroidism", "osteoporosis", "dxa-scan" })
            Assert.NotEmpty(sets[name].In(CodeSystem.Snomed));
        Assert.NotEmpty(sets["long-term-glucocorticoids"].In(CodeSystem.RxNorm));
        Assert.Equal("2.16.840.1.113883.3.464.1003.113.12.1038", sets["osteoporosis"].Oids[0]);
    }

    [Fact]
    public void Rules_show_prints_the_value_sets_with_their_members_and_sources()
    {
        var text = Seed.Rules.Describe();
        Assert.Contains("[valueSets]", text);
        Assert.Contains("osteoporosis = Osteoporosis | VSAC 2.16.840.1.113883.3.464.1003.113.12.1038", text);
        Assert.Contains("64859006", text);
        Assert.Contains("riskFlags.conditionCodes = valueSet:rheumatoid-arthritis, valueSet:primary-hyperparathyroidism, valueSet:osteoporosis", text);
    }

    [Fact]
    public void Validate_reports_bad_codes_duplicates_unknown_and_unused_value_sets()
    {
        var json = JsonNode.Parse(Seed.Json)!.AsObject();
        var sets = json["valueSets"]!.AsObject();
        sets["osteoporosis"]!["codes"]!["snomed"]![0] = "64859007";            // wrong Verhoeff check digit
        sets["osteoporosis"]!["codes"]!["snomed"]!.AsArray().Add("64859006");  // duplicate
        sets["pregnancy"]!["codes"]!["snomed"]![0] = "7289201";                // SNOMED partition 20 is not a concept
        sets["pregnancy"]!["oids"]![0] = "2.16.840.one";
        sets["dxa-scan"]!["codes"]!["loinc"]![0] = "24701-4";                  // LOINC check digit
        sets["dxa-scan"]!["codes"]!["rxnorm"] = new JsonArray("abc");
        sets["spare"] = new JsonObject { ["title"] = "Spare", ["source"] = "none", ["codes"] = new JsonObject { ["icd10"] = new JsonArray("Z00.00") } };
        sets["empty"] = new JsonObject { ["title"] = "Empty", ["source"] = "none", ["codes"] = new JsonObject() };
        json["dxa"]!["riskFlags"]!["conditionCodes"]!["valueSets"]![0] = "rheumatoid";

        var (rules, problems) = RuleFile.Parse(json.ToJsonString());

        Assert.Null(rules);
        var expected = new (string Path, string Reason)[]
        {
            ("$.valueSets.osteoporosis.codes.snomed[0]", "Verhoeff"),
            ("$.valueSets.osteoporosis.codes.snomed[84]", "duplicate snomed code '64859006'"),
            ("$.valueSets.pregnancy.codes.snomed[0]", "partition"),
            ("$.valueSets.pregnancy.oids[0]", "not an OID"),
            ("$.valueSets.dxa-scan.codes.loinc[0]", "check digit"),
            ("$.valueSets.dxa-scan.codes.rxnorm[0]", "RXCUI"),
            ("$.valueSets.spare", "unused"),
            ("$.valueSets.empty.codes", "empty"),
            ("$.valueSets.rheumatoid-arthritis", "unused"),
            ("$.dxa.riskFlags.conditionCodes.valueSets[0]", "unknown value set 'rheumatoid'"),
        };
        foreach (var (path, reason) in expected)
            Assert.Contains(problems, p => p.Path == path && p.Reason.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_rule_file_without_value_sets_still_reads_inline_code_lists()
    {
        var rules = Seed.With(json =>
        {
            json.Remove("valueSets");
            json.Remove("measures"); // optional: a file without measures still screens
            json["anemia"]!["pregnancy"]!["codes"] = new JsonObject { ["icd10"] = new JsonArray("O*") };
            json["hypocalcemia"]!["ckdCodes"] = new JsonObject { ["icd10"] = new JsonArray("N18.4") };
            json["hypocalcemia"]!["managedElsewhereCodes"] = new JsonObject { ["icd10"] = new JsonArray("E20*") };
            json["hypocalcemia"]!["priority"]!["highOnTherapy"] = new JsonObject { ["icd10"] = new JsonArray("Z79.83") };
            var flags = json["dxa"]!["riskFlags"]!;
            flags["fragilityFractureCodes"] = new JsonObject { ["icd10"] = new JsonArray("S72*") };
            flags["conditionCodes"] = new JsonObject { ["icd10"] = new JsonArray("M81*"), ["snomed"] = new JsonArray("64859006") };
            json["dxa"]!["procedureCodes"] = new JsonObject { ["cpt"] = new JsonArray("77080") };
            json["dxa"]!["secondaryRisk"]!["codes"] = new JsonObject { ["icd10"] = new JsonArray("Z79.52") };
        });
        Assert.Empty(rules.ValueSets);
        Assert.Null(rules.Measures);
        Assert.True(rules.Dxa.RiskConditionCodes.Matches("64859006", CodeSystem.Snomed));
    }

    [Theory]
    [InlineData("64859006", null)]
    [InlineData("190045361000119101", null)]   // extension namespace identifier, partition 10
    [InlineData("64859007", "Verhoeff")]
    [InlineData("064859006", "leading zero")]
    [InlineData("12345", "6 to 18 digits")]
    public void SNOMED_identifiers_are_checked_by_partition_and_Verhoeff_digit(string code, string? problem)
    {
        var found = SnomedIdentifier.ProblemWith(code);
        if (problem is null) Assert.Null(found);
        else Assert.Contains(problem, found);
    }
}
