using System.Text.Json.Nodes;
using Screening.Domain.Catalog;
using Screening.Domain.Screening;
using Screening.Domain.Tests.Support;

namespace Screening.Domain.Tests.Catalog;

/// <summary>
/// The catalog is the stable-until contract: a rule's outcome may depend only on the inputs it declares, or the
/// incremental screen would reuse a stale outcome when an undeclared input arrives. Random patients (built around
/// time edges) are screened whole and again with everything the rule does not declare removed.
/// </summary>
public sealed class RuleCatalogSpecs
{
    private static readonly DateOnly AsOf = new(2026, 6, 15);

    public static TheoryData<string> NightlyRules => [.. RuleCatalog.Nightly.Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(NightlyRules))]
    public void A_rule_decides_on_the_inputs_it_declares_and_nothing_else(string ruleId)
    {
        var rule = RuleCatalog.Find(ruleId)!;
        for (var seed = 0; seed < 400; seed++)
        {
            var record = RandomPatients.Around(AsOf, new Random(seed));
            var declared = record with
            {
                Results = record.Results.Where(r => rule.Reads(Seed.Rules, r)).ToList(),
                Diagnoses = record.Diagnoses.Where(d => rule.Reads(Seed.Rules, d)).ToList(),
                Procedures = record.Procedures.Where(p => rule.Reads(Seed.Rules, p)).ToList(),
            };
            Assert.True(Outcome(record, ruleId) == Outcome(declared, ruleId), $"{ruleId} read an undeclared input (seed {seed})");
        }
    }

    [Fact]
    public void Removing_what_a_rule_declares_changes_some_outcome_so_the_check_has_teeth()
    {
        var changed = Enumerable.Range(0, 400).Count(seed =>
        {
            var record = RandomPatients.Around(AsOf, new Random(seed));
            var bare = record with { Results = [], Diagnoses = [], Procedures = [] };
            return Outcome(record, RuleIds.PersistentAnemia) != Outcome(bare, RuleIds.PersistentAnemia);
        });
        Assert.True(changed > 0);
    }

    [Fact]
    public void Every_rule_a_task_can_be_for_is_in_the_catalog_once()
        => Assert.Equal(RuleIds.All, RuleCatalog.All.Select(r => r.Id));

    [Fact]
    public void Rule_texts_are_written_from_the_active_rule_file_not_from_literals()
    {
        var rules = Seed.With(json => json["anemia"]!["thresholds"]!["female"]!["lt"] = JsonValue.Create(11.5m));

        Assert.Contains("women < 11.5 g/dL", RuleCatalog.Describe(RuleIds.PersistentAnemia, rules));
        Assert.Contains("women < 12.0 g/dL", RuleCatalog.Describe(RuleIds.PersistentAnemia, Seed.Rules));
        Assert.Equal(11.5m, RuleCatalog.PersistentAnemia.Threshold(rules, Domain.Results.Analyte.Hemoglobin, Domain.Patients.Sex.Female));
    }

    private static string Outcome(PatientRecord record, string ruleId)
    {
        var screening = Screen.Evaluate(record, Seed.Rules, AsOf);
        return Fingerprint.Of(screening with { Outcomes = screening.Outcomes.Where(o => o.Rule == ruleId).ToList() });
    }
}
