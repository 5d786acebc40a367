using Screening.Domain.Codes;
using Screening.Domain.Rules;

namespace Screening.Domain.Catalog;

/// <summary>Rule-text wording of the active rule file's excluded encounter settings ("inpatient, emergency and dialysis").</summary>
internal static class Settings
{
    public static string Excluded(RuleSet rules)
    {
        var names = rules.Shared.ExcludedSettings.Order().Select(EncounterClasses.Code).ToList();
        return names.Count switch
        {
            0 => "no",
            1 => names[0],
            _ => string.Join(", ", names[..^1]) + " and " + names[^1],
        };
    }
}
