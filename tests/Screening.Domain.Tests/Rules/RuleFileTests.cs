using System.Text.Json.Nodes;
using Screening.Domain.Patients;
using Screening.Domain.Results;
using Screening.Domain.Rules;
using Screening.Domain.Tests.Support;

namespace Screening.Domain.Tests.Rules;

public class RuleFileTests
{
    [Fact]
    public void The_seed_rule_file_parses_without_problems()
    {
        var (rules, problems) = RuleFile.Parse(Seed.Json);
        Assert.Empty(problems);
        Assert.NotNull(rules);
        Assert.Equal("2026.2", rules.Version);
    }

    [Fact]
    public void The_seed_carries_the_project_defaults()
    {
        var rules = Seed.Rules;
        Assert.Equal(12.0m, rules.Anemia.FemaleBelow.GramsPerDeciliter);
        Assert.Equal(13.0m, rules.Anemia.MaleBelow.GramsPerDeciliter);
        Assert.Equal(12.0m, rules.Anemia.OtherOrUnknownBelow.GramsPerDeciliter);
        Assert.Equal(new PersistenceParameters(2, 180, 365, 365), rules.Anemia.Persistence);
        Assert.Equal(new PersistenceParameters(2, 30, 180, 365), rules.Hypocalcemia.Persistence);
        Assert.Equal(8.5m, rules.Hypocalcemia.TotalBelow.MilligramsPerDeciliter);
        Assert.Equal(1.12m, rules.Hypocalcemia.IonizedBelow.MillimolesPerLiter);
        Assert.Equal(0.8m, rules.Hypocalcemia.Correction.FactorMilligramsPerGram);
        Assert.Equal(23, rules.Dxa.Intervals.MinimumMonths);
        Assert.Equal([ResultStatus.Final, ResultStatus.Amended, ResultStatus.Corrected], rules.Shared.CountableStatuses.Order());
        Assert.True(rules.Hypocalcemia.CkdCodes.Matches("N18.32", CodeSystem.Icd10));
        Assert.True(rules.Hypocalcemia.CkdCodes.Matches("z4901", CodeSystem.Icd10));
        Assert.False(rules.Hypocalcemia.CkdCodes.Matches("N18.2", CodeSystem.Icd10));
        Assert.True(rules.Anemia.PregnancyCodes.Matches("O09.90", CodeSystem.Icd10));
        Assert.False(rules.Dxa.ProcedureCodes.Matches("77086", CodeSystem.Cpt));
        Assert.Equal(7.6m, rules.Shared.Critical.CalciumBelow.MilligramsPerDeciliter);
    }

    [Fact]
    public void Every_parameter_has_a_source_note()
    {
        Assert.All(Seed.Rules.Parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Source), p.Path));
    }

    [Fact]
    public void Describe_lists_the_active_parameters_with_their_sources()
    {
        var text = Seed.Rules.Describe();
        Assert.StartsWith("Rule set version 2026.2", text);
        Assert.Contains("[anemia]", text);
        Assert.Contains("minSpanDays = 180", text);
        Assert.Contains("thresholds.female = < 12.0 g/dL", text);
        Assert.Contains("source: ", text);
        Assert.Contains("[dxa]", text);
    }

    [Fact]
    public void A_broken_file_reports_every_problem_with_its_path()
    {
        var json = JsonNode.Parse(Seed.Json)!.AsObject();
        var anemia = json["anemia"]!.AsObject();
        anemia.Remove("minSpanDays");
        anemia["maxGapDays"] = "365";
        anemia["minSpanDay"] = 180;
        anemia["analytes"]![1] = "718-8";
        anemia["analytes"]![2] = "hemoglobin";
        anemia["programPolicyDxa"]!["text"] = "Order a DXA scan";
        json["hypocalcemia"]!["minCount"] = -1;
        json["hypocalcemia"]!["albumin"]![0] = "17861-6";
        json["shared"]!["plausibility"]!["hemoglobin"]!["min"] = 30;
        json["shared"]!["critical"]!["calciumBelow"]!["unit"] = "mg/L";
        json["shared"]!["countableStatuses"]![0] = "finished";
        json["dxa"]!["sources"]!.AsObject().Remove("dueSoonDays");
        json["dxa"]!["intervals"]!["bands"]![1]!["tScoreAbove"] = -1.0;
        json["valueSets"]!["dxa-scan"]!["codes"]!["cpt"]![0] = "77-080";
        json.Remove("version");

        var (rules, problems) = RuleFile.Parse(json.ToJsonString());

        Assert.Null(rules);
        var expected = new (string Path, string Reason)[]
        {
            ("$.version", "missing"),
            ("$.anemia.minSpanDays", "missing"),
            ("$.anemia.maxGapDays", "wrong type"),
            ("$.anemia.minSpanDay", "unknown key"),
            ("$.anemia.analytes[1]", "check digit"),
            ("$.anemia.analytes[2]", "unknown LOINC format"),
            ("$.anemia.programPolicyDxa.text", "program policy, not guideline"),
            ("$.hypocalcemia.minCount", "out of range"),
            ("$.hypocalcemia.albumin[0]", "calcium-total"),
            ("$.shared.plausibility.hemoglobin", "min > max"),
            ("$.shared.critical.calciumBelow.unit", "unknown unit"),
            ("$.shared.countableStatuses[0]", "unknown status"),
            ("$.dxa.sources.dueSoonDays", "missing source note"),
            ("$.dxa.intervals.bands[1].tScoreAbove", "out of order"),
            ("$.valueSets.dxa-scan.codes.cpt[0]", "not a valid cpt code"),
        };
        foreach (var (path, reason) in expected)
            Assert.Contains(problems, p => p.Path == path && p.Reason.Contains(reason, StringComparison.Ordinal));
        Assert.True(problems.Count >= expected.Length);
    }

    [Fact]
    public void A_missing_section_is_reported_and_the_rest_still_checked()
    {
        var json = JsonNode.Parse(Seed.Json)!.AsObject();
        json.Remove("dxa");
        json["anemia"]!["recencyDays"] = 0;
        var (rules, problems) = RuleFile.Parse(json.ToJsonString());
        Assert.Null(rules);
        Assert.Contains(problems, p => p.Path == "$.dxa" && p.Reason == "missing");
        Assert.Contains(problems, p => p.Path == "$.anemia.recencyDays" && p.Reason.StartsWith("out of range"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{ not json")]
    [InlineData("[1, 2]")]
    public void Text_that_is_not_a_rule_object_is_one_problem_at_the_root(string json)
    {
        var (rules, problems) = RuleFile.Parse(json);
        Assert.Null(rules);
        Assert.Equal("$", Assert.Single(problems).Path);
    }

    [Fact]
    public void Thresholds_may_be_written_in_another_known_unit()
    {
        var rules = Seed.With(json => json["anemia"]!["thresholds"]!["male"] = new JsonObject { ["lt"] = 130, ["unit"] = "g/L" });
        Assert.Equal(13.0m, rules.Anemia.MaleBelow.GramsPerDeciliter);
    }
}
