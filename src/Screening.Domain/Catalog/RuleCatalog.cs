using Screening.Domain.Anemia;
using Screening.Domain.Dxa;
using Screening.Domain.Hypocalcemia;
using Screening.Domain.Patients;
using Screening.Domain.Results;
using Screening.Domain.Rules;

namespace Screening.Domain.Catalog;

/// <summary>
/// Every rule a task can be for, in <see cref="Screening.RuleIds.All"/> order. Adding a rule: its folder (evaluation and
/// definition), one line here, and its section of the rule file.
/// </summary>
public static class RuleCatalog
{
    public static readonly RuleDefinition PersistentAnemia = new AnemiaRule();
    public static readonly RuleDefinition PersistentHypocalcemia = new HypocalcemiaRule();
    public static readonly RuleDefinition OverdueDxa = new DxaRule();
    public static readonly RuleDefinition CriticalValue = new CriticalValueRule();

    public static readonly IReadOnlyList<RuleDefinition> Nightly = [PersistentAnemia, PersistentHypocalcemia, OverdueDxa];
    public static readonly IReadOnlyList<RuleDefinition> All = [.. Nightly, CriticalValue];

    public static RuleDefinition? Find(string id) => All.FirstOrDefault(r => r.Id == id);

    /// <summary>The plain-language text of a rule under the active rule file.</summary>
    public static string Describe(string id, RuleSet rules) => Find(id)?.Describe(rules) ?? "Screening rule " + id + ".";

    /// <summary>Whether some nightly rule reads the item (so a future-dated one is a change point).</summary>
    internal static bool ReadByAny(RuleSet rules, in CountedResult result)
    {
        foreach (var rule in Nightly)
            if (rule.Reads(rules, result)) return true;
        return false;
    }

    public static bool ReadByAny(RuleSet rules, Diagnosis diagnosis) => Nightly.Any(r => r.Reads(rules, diagnosis));

    public static bool ReadByAny(RuleSet rules, Procedure procedure) => Nightly.Any(r => r.Reads(rules, procedure));
}
