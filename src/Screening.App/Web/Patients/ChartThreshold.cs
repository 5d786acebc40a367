using System.Globalization;
using System.Text.RegularExpressions;
using Screening.Domain.Catalog;
using Screening.Domain.Patients;
using Screening.Domain.Results;
using Screening.Domain.Rules;
using Screening.Domain.Screening;

namespace Screening.App.Web.Patients;

/// <summary>
/// The line drawn on a chart: the threshold the finding names ("&lt; 12.0 g/dL" → 12.0) when it is a plausible value of
/// the analyte under the active rule file, else the rule's own threshold for the patient's sex (from the catalog).
/// </summary>
public static partial class ChartThreshold
{
    public static decimal? Of(Finding? finding, RuleDefinition rule, Analyte analyte, Sex sex, RuleSet rules)
    {
        foreach (var key in new[] { "threshold", "limit", analyte == Analyte.IonizedCalcium ? "ionizedThreshold" : "totalThreshold" })
            if (finding?.Parameters.TryGetValue(key, out var text) == true && Number().Match(text) is { Success: true } m
                && decimal.TryParse(m.Value, CultureInfo.InvariantCulture, out var value) && rules.Shared.Plausibility.IsPlausible(analyte, value))
                return value;
        return rule.Threshold(rules, analyte, sex);
    }

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex Number();
}
