using System.Globalization;
using System.Text.RegularExpressions;
using Screening.Domain.Screening;

namespace Screening.App.Web.Patients;

/// <summary>The plain-language rule behind each task type (clinical-rules §9), and the threshold to draw on charts.</summary>
public static partial class RuleTexts
{
    public static string Describe(string rule) => rule switch
    {
        RuleIds.PersistentAnemia => "Persistent anemia: at least 2 low hemoglobin values (WHO: women < 12.0 g/dL, men < 13.0 g/dL) on different days, " +
            "spanning at least 180 days with no gap over 365 days, the latest low within 365 days; inpatient, emergency and dialysis specimens " +
            "and pregnancy windows do not count.",
        RuleIds.PersistentHypocalcemia => "Persistent hypocalcemia: at least 2 low calcium values on different days (ionized < 1.12 mmol/L, else " +
            "albumin-corrected or total < 8.5 mg/dL) spanning at least 30 days with no gap over 180 days.",
        RuleIds.OverdueDxa => "Overdue DXA: eligible for bone-density screening (women from 65, men from 70, from 50 with a risk flag) and past the " +
            "due date (last scan + interval by T-score band, never under 23 months) by more than the grace period.",
        RuleIds.CriticalValue => "Critical value: a severe result (Hb < 8.0 g/dL, corrected Ca < 7.6 mg/dL or iCa < 0.9 mmol/L) needs same-day clinical review.",
        _ => "Screening rule " + rule + ".",
    };

    /// <summary>The numeric threshold of a finding ("&lt; 12.0 g/dL" → 12.0), else the rule default for the analyte.</summary>
    public static decimal? Threshold(Finding? finding, string analyte, string sex)
    {
        foreach (var key in new[] { "threshold", "limit", analyte == "calcium-ionized" ? "ionizedThreshold" : "totalThreshold" })
            if (finding?.Parameters.TryGetValue(key, out var text) == true && Number().Match(text) is { Success: true } m
                && decimal.TryParse(m.Value, CultureInfo.InvariantCulture, out var value) && Plausible(analyte, value))
                return value;
        return analyte switch
        {
            "hemoglobin" => sex == "male" ? 13.0m : 12.0m,
            "calcium-total" => 8.5m,
            "calcium-ionized" => 1.12m,
            _ => null,
        };
    }

    private static bool Plausible(string analyte, decimal value) => analyte switch
    {
        "hemoglobin" => value is > 5 and < 20,
        "calcium-total" => value is > 5 and < 15,
        "calcium-ionized" => value is > 0.5m and < 2,
        _ => false,
    };

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex Number();
}
