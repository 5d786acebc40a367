using Screening.Domain.Catalog;
using Screening.Domain.Dxa;
using Screening.Domain.Patients;
using Screening.Domain.Results;
using Screening.Domain.Rules;
using Screening.Domain.Screening;

namespace Screening.Domain.Hypocalcemia;

/// <summary>
/// Persistent hypocalcemia in the catalog (clinical-rules §9.3): reads calcium and albumin inputs outside excluded
/// settings, CKD, managed-elsewhere and antiresorptive-therapy (priority) diagnoses, and the DXA history when the program-policy DXA suggestion is on.
/// </summary>
internal sealed class HypocalcemiaRule : RuleDefinition
{
    public override string Id => RuleIds.PersistentHypocalcemia;

    internal override bool Reads(RuleSet rules, in CountedResult result) =>
        (CalciumDays.IsCalciumInput(result, rules.Hypocalcemia) && !rules.Shared.IsExcludedSetting(result.Source))
        || (rules.Hypocalcemia.ProgramPolicyDxa.Enabled && DxaRule.ReadsScan(rules, result));

    public override bool Reads(RuleSet rules, Diagnosis diagnosis) =>
        rules.Hypocalcemia.CkdCodes.Matches(diagnosis.Code, diagnosis.System)
        || rules.Hypocalcemia.ManagedElsewhereCodes.Matches(diagnosis.Code, diagnosis.System)
        || rules.Hypocalcemia.HighPriorityTherapyCodes.Matches(diagnosis.Code, diagnosis.System);

    public override bool Reads(RuleSet rules, Procedure procedure) => rules.Hypocalcemia.ProgramPolicyDxa.Enabled && DxaRule.ReadsScan(rules, procedure);

    public override string Describe(RuleSet rules)
    {
        var h = rules.Hypocalcemia;
        var p = h.Persistence;
        return $"Persistent hypocalcemia: at least {p.MinCount} low calcium values on different days (ionized < {h.IonizedBelow}, else " +
            $"albumin-corrected or total < {h.TotalBelow}) spanning at least {p.MinSpanDays} days with no gap over {p.MaxGapDays} days, " +
            $"the latest low within {p.RecencyDays} days; {Settings.Excluded(rules)} specimens do not count.";
    }

    public override IReadOnlyList<ChartLine> Charts { get; } =
        [new(Analyte.TotalCalcium, "Calcium as the rule used it (albumin-corrected where it corrected)", ShownWhenEmpty: true), new(Analyte.IonizedCalcium, "Ionized calcium", ShownWhenEmpty: false)];

    public override decimal? Threshold(RuleSet rules, Analyte analyte, Sex sex) => analyte switch
    {
        Analyte.TotalCalcium or Analyte.CorrectedCalcium => rules.Hypocalcemia.TotalBelow.MilligramsPerDeciliter,
        Analyte.IonizedCalcium => rules.Hypocalcemia.IonizedBelow.MillimolesPerLiter,
        _ => null,
    };

    public override IReadOnlyList<string> Workup(RuleSet rules) => rules.Hypocalcemia.SuggestedWorkup;
}
