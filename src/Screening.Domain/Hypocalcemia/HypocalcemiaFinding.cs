using Screening.Domain.Persistence;
using Screening.Domain.Screening;
using Screening.Domain.Units;
using Screening.Domain.Catalog;

namespace Screening.Domain.Hypocalcemia;

/// <summary>The finding of a met persistent-hypocalcemia streak: evidence with the correction applied, priority, text.</summary>
internal static class HypocalcemiaFinding
{
    public static Finding Build(Chart chart, List<CalciumDay> days, StreakVerdict streak, bool ckd, int skippedLowAlbuminDays)
    {
        var parameters = chart.Rules.Hypocalcemia;
        var evidence = new List<EvidenceItem>(streak.Count);
        var corrections = new SortedSet<string>(StringComparer.Ordinal);
        var inputs = new List<string>();
        var lowest = days[streak.Start];
        var high = false;
        for (var i = streak.Start; i <= streak.End; i++)
        {
            var day = days[i];
            if (day.RatioTo(parameters.TotalBelow, parameters.IonizedBelow) < lowest.RatioTo(parameters.TotalBelow, parameters.IonizedBelow)) lowest = day;
            high |= day.Ionized is { } ica ? ica < parameters.HighPriorityIonizedBelow : day.Total!.Value < parameters.HighPriorityBelow;
            corrections.Add(day.Note);
            var (value, unit) = ValueOf(day);
            evidence.Add(new EvidenceItem(day.Source.SourceSystem, day.Source.ResultId, day.Source.Loinc.Trim(), value, unit, day.Day, day.Note));
            if (day.AlbuminUsed is { } albumin)
                inputs.Add($"{Display.Date(day.Day)}: total {day.Measured}, albumin {albumin} → {day.Total}");
        }

        var onTherapy = chart.HasActive(parameters.HighPriorityTherapyCodes);
        high |= onTherapy;
        var first = days[streak.Start].Day;
        var last = days[streak.End].Day;
        var span = CurrentStreak.GapDays(first, last);
        var (lowValue, lowUnit) = ValueOf(lowest);
        var label = lowest.Basis switch
        {
            CalciumBasis.Ionized => "ionized Ca",
            CalciumBasis.TotalUncorrected => "total Ca",
            _ => "corrected Ca",
        };
        var summary = $"Persistent hypocalcemia (lowest {label} {Display.Number(lowValue)} {lowUnit} on {Display.Date(lowest.Day)}; "
            + $"{Display.Integer(streak.Count)} low values {Display.Date(first)} to {Display.Date(last)})";
        var (workup, policySuggested) = WorkupList.For(chart, RuleCatalog.PersistentHypocalcemia.Workup(chart.Rules), parameters.ProgramPolicyDxa);
        var persistence = parameters.Persistence;

        var parameterList = new Dictionary<string, string>
        {
            ["thresholdTotalOrCorrected"] = "< " + parameters.TotalBelow,
            ["thresholdIonized"] = "< " + parameters.IonizedBelow,
            ["correctionMethod"] = parameters.Correction.Method,
            ["correctionFactor"] = Display.Number(parameters.Correction.FactorMilligramsPerGram),
            ["referenceAlbumin"] = parameters.Correction.ReferenceAlbumin.ToString(),
            ["albuminWindow"] = $"{parameters.Correction.MinAlbumin} ≤ albumin < {parameters.Correction.AlbuminBelow}",
            ["minCount"] = Display.Integer(persistence.MinCount),
            ["minSpanDays"] = Display.Integer(persistence.MinSpanDays),
            ["maxGapDays"] = Display.Integer(persistence.MaxGapDays),
            ["recencyDays"] = Display.Integer(persistence.RecencyDays),
            ["chronicSpanDays"] = Display.Integer(parameters.ChronicSpanDays),
            ["referenceLowTolerance"] = Display.Number(chart.Rules.Shared.ReferenceLowTolerance),
        };
        var details = new Dictionary<string, string>
        {
            ["correction"] = string.Join(", ", corrections),
            ["chronic"] = span >= parameters.ChronicSpanDays ? "true" : "false",
            ["ckd"] = ckd ? "true" : "false",
            ["lowCount"] = Display.Integer(streak.Count),
            ["firstLow"] = Display.Date(first),
            ["lastLow"] = Display.Date(last),
            ["spanDays"] = Display.Integer(span),
            ["metOn"] = Display.Date(streak.MetOn!.Value),
            ["lowestBasis"] = lowest.Note,
            ["programPolicyDxa"] = policySuggested ? "suggested" : "not-suggested",
        };
        if (onTherapy) details["highPriorityTherapy"] = "antiresorptive therapy active";
        if (inputs.Count > 0) details["correctionInputs"] = string.Join("; ", inputs);
        if (skippedLowAlbuminDays > 0) details["needsIonizedCa"] = $"{Display.Integer(skippedLowAlbuminDays)} low total Ca day(s) with albumin < {parameters.Correction.MinAlbumin} not counted: {CalciumNotes.NeedsIonized}";

        return new Finding(chart.Patient.PatientId, RuleIds.PersistentHypocalcemia, chart.AsOf, first,
            new MeasuredValue(lowValue, lowUnit, lowest.Day), evidence, high ? Priority.High : Priority.Normal,
            chart.Rules.Version, summary, workup, parameterList, details);
    }

    private static (decimal Value, string Unit) ValueOf(CalciumDay day)
        => day.Ionized is { } ionized
            ? (Round(ionized.MillimolesPerLiter), IonizedCalcium.CanonicalUnit)
            : (Round(day.Total!.Value.MilligramsPerDeciliter), Calcium.CanonicalUnit);

    private static decimal Round(decimal value) => decimal.Round(value, 3, MidpointRounding.AwayFromZero);
}
