using Screening.Domain.Persistence;
using Screening.Domain.Results;
using Screening.Domain.Screening;
using Screening.Domain.Units;
using Screening.Domain.Catalog;

namespace Screening.Domain.Anemia;

/// <summary>The finding of a met persistent-anemia streak: evidence, lowest value, severity, priority, task text.</summary>
internal static class AnemiaFinding
{
    public static Finding Build(Chart chart, List<HemoglobinDay> days, StreakVerdict streak)
    {
        var parameters = chart.Rules.Anemia;
        var evidence = new List<EvidenceItem>(streak.Count);
        var lowest = days[streak.Start];
        var anyLabThreshold = false;
        for (var i = streak.Start; i <= streak.End; i++)
        {
            var day = days[i];
            if (day.Value < lowest.Value) lowest = day;
            anyLabThreshold |= day.ThresholdFromLab;
            evidence.Add(new EvidenceItem(day.Source.SourceSystem, day.Source.ResultId, day.Source.Loinc.Trim(),
                Round(day.Value.GramsPerDeciliter), Hemoglobin.CanonicalUnit, day.Day,
                day.ThresholdFromLab ? "below lab low limit " + day.Threshold : null));
        }

        var severity = AnemiaSeverity.Of(lowest.Value, parameters);
        var high = lowest.Value < parameters.HighPriorityBelow || chart.AgeAtLeast(parameters.HighPriorityFromAgeYears);
        var (workup, policySuggested) = WorkupList.For(chart, RuleCatalog.PersistentAnemia.Workup(chart.Rules), parameters.ProgramPolicyDxa);
        var first = days[streak.Start].Day;
        var last = days[streak.End].Day;
        var persistence = parameters.Persistence;

        var summary = $"Persistent anemia ≥ {SpanText.Of(persistence.MinSpanDays)} ({severity}; lowest Hb "
            + $"{Display.Number(lowest.Value.GramsPerDeciliter)} {Hemoglobin.CanonicalUnit} on {Display.Date(lowest.Day)})";

        var parameterList = new Dictionary<string, string>
        {
            ["threshold"] = "< " + parameters.ThresholdFor(chart.Patient.Sex),
            ["sex"] = chart.Patient.Sex.ToString().ToLowerInvariant(),
            ["analytes"] = string.Join(", ", parameters.Analytes.Order(StringComparer.Ordinal)),
            ["minCount"] = Display.Integer(persistence.MinCount),
            ["minSpanDays"] = Display.Integer(persistence.MinSpanDays),
            ["maxGapDays"] = Display.Integer(persistence.MaxGapDays),
            ["recencyDays"] = Display.Integer(persistence.RecencyDays),
            ["referenceLowTolerance"] = Display.Number(chart.Rules.Shared.ReferenceLowTolerance),
            ["severityBands"] = parameters.SeverityBands,
            ["highPriorityBelow"] = parameters.HighPriorityBelow.ToString(),
            ["highPriorityFromAgeYears"] = Display.Integer(parameters.HighPriorityFromAgeYears),
        };
        var details = new Dictionary<string, string>
        {
            ["severity"] = severity,
            ["lowCount"] = Display.Integer(streak.Count),
            ["firstLow"] = Display.Date(first),
            ["lastLow"] = Display.Date(last),
            ["spanDays"] = Display.Integer(CurrentStreak.GapDays(first, last)),
            ["metOn"] = Display.Date(streak.MetOn!.Value),
            ["thresholdSource"] = anyLabThreshold ? "lab-reference-low" : "default",
            ["programPolicyDxa"] = policySuggested ? "suggested" : "not-suggested",
        };

        return new Finding(chart.Patient.PatientId, RuleIds.PersistentAnemia, chart.AsOf, first,
            new MeasuredValue(Round(lowest.Value.GramsPerDeciliter), Hemoglobin.CanonicalUnit, lowest.Day),
            evidence, high ? Priority.High : Priority.Normal, chart.Rules.Version, summary, workup, parameterList, details);
    }

    private static decimal Round(decimal value) => decimal.Round(value, 3, MidpointRounding.AwayFromZero);
}
