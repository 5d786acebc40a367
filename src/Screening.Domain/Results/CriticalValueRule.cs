using Screening.Domain.Catalog;
using Screening.Domain.Rules;
using Screening.Domain.Screening;

namespace Screening.Domain.Results;

/// <summary>
/// The ingest-time critical value in the catalog (clinical-rules §9.1 "Severe values"): one new result, any setting,
/// detected by <see cref="CriticalValues"/>; not part of the nightly screen, so it declares no watched inputs.
/// </summary>
internal sealed class CriticalValueRule : RuleDefinition
{
    public override string Id => RuleIds.CriticalValue;

    public override string Describe(RuleSet rules)
    {
        var c = rules.Shared.Critical;
        return $"Critical value: a severe result (Hb < {c.HemoglobinBelow}, corrected Ca < {c.CalciumBelow} or iCa < {c.IonizedCalciumBelow}) " +
            "needs same-day clinical review.";
    }

    public override IReadOnlyList<string> Workup(RuleSet rules) =>
        ["Contact the patient today: clinical review of a severe value (not a nightly persistence finding)."];
}
