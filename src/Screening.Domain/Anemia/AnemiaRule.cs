using Screening.Domain.Catalog;
using Screening.Domain.Dxa;
using Screening.Domain.Patients;
using Screening.Domain.Results;
using Screening.Domain.Rules;
using Screening.Domain.Screening;

namespace Screening.Domain.Anemia;

/// <summary>
/// Persistent anemia in the catalog (clinical-rules §9.2): reads Hb of the anemia LOINCs outside excluded settings
/// (§9.1 "Setting filter"), pregnancy and managed-elsewhere diagnoses, and the DXA history when the program-policy
/// DXA suggestion is on.
/// </summary>
internal sealed class AnemiaRule : RuleDefinition
{
    public override string Id => RuleIds.PersistentAnemia;

    internal override bool Reads(RuleSet rules, in CountedResult result) =>
        (result.Kind == Analyte.Hemoglobin && rules.Anemia.Analytes.Contains(result.Source.Loinc.Trim()) && !rules.Shared.IsExcludedSetting(result.Source))
        || (rules.Anemia.ProgramPolicyDxa.Enabled && DxaRule.ReadsScan(rules, result));

    public override bool Reads(RuleSet rules, Diagnosis diagnosis) =>
        rules.Anemia.PregnancyCodes.Matches(diagnosis.Code, diagnosis.System) || rules.Anemia.ManagedElsewhereCodes.Matches(diagnosis.Code, diagnosis.System);

    public override bool Reads(RuleSet rules, Procedure procedure) => rules.Anemia.ProgramPolicyDxa.Enabled && DxaRule.ReadsScan(rules, procedure);

    public override string Describe(RuleSet rules)
    {
        var a = rules.Anemia;
        var p = a.Persistence;
        return $"Persistent anemia: at least {p.MinCount} low hemoglobin values (women < {a.FemaleBelow}, men < {a.MaleBelow}, " +
            $"other or unknown sex < {a.OtherOrUnknownBelow}) on different days, spanning at least {p.MinSpanDays} days with no gap over " +
            $"{p.MaxGapDays} days, the latest low within {p.RecencyDays} days; {Settings.Excluded(rules)} specimens and pregnancy windows do not count.";
    }

    public override IReadOnlyList<ChartLine> Charts { get; } = [new(Analyte.Hemoglobin, "Hemoglobin", ShownWhenEmpty: true)];

    public override decimal? Threshold(RuleSet rules, Analyte analyte, Sex sex) =>
        analyte == Analyte.Hemoglobin ? rules.Anemia.ThresholdFor(sex).GramsPerDeciliter : null;

    public override IReadOnlyList<string> Workup(RuleSet rules) => rules.Anemia.SuggestedWorkup;
}
