using Screening.Domain.Results;
using Screening.Domain.Units;

namespace Screening.Domain.Rules;

/// <summary>Reads <c>$.shared</c>: statuses, settings, age, reference tolerance, plausibility and critical limits.</summary>
internal static class SharedSectionReader
{
    public static SharedParameters? Read(JsonSection root)
    {
        var section = root.Object("shared", withSources: true);
        if (section is null) return null;
        var statuses = Statuses(section);
        var settings = Settings(section);
        var minimumAge = section.Int("minimumAgeYears", 0, 130);
        var tolerance = section.Decimal("referenceLowTolerance", 0m, 0.5m);
        var plausibility = Plausibility(section);
        var snoozeMax = section.Int("snoozeMaxDays", 1, 3650);
        var quiet = section.Int("workedTaskQuietDays", 0, 3650);
        var critical = section.Object("critical");
        var limits = new CriticalLimits
        {
            HemoglobinBelow = Hemoglobin.FromGramsPerDeciliter(critical is null ? 0m : RuleFileValues.Quantity(critical, "hemoglobinBelow", Analyte.Hemoglobin)),
            CalciumBelow = Calcium.FromMilligramsPerDeciliter(critical is null ? 0m : RuleFileValues.Quantity(critical, "calciumBelow", Analyte.TotalCalcium)),
            IonizedCalciumBelow = IonizedCalcium.FromMillimolesPerLiter(critical is null ? 0m : RuleFileValues.Quantity(critical, "ionizedCalciumBelow", Analyte.IonizedCalcium)),
        };
        critical?.Finish();
        section.Finish();
        return new SharedParameters
        {
            CountableStatuses = statuses,
            ExcludedSettings = settings,
            MinimumAgeYears = minimumAge,
            ReferenceLowTolerance = tolerance,
            Plausibility = plausibility,
            Critical = limits,
            SnoozeMaxDays = snoozeMax,
            WorkedTaskQuietDays = quiet,
        };
    }

    private static PlausibilityLimits Plausibility(JsonSection section)
    {
        var limits = section.Object("plausibility");
        if (limits is null) return PlausibilityLimits.Default;
        var hb = RuleFileValues.Range(limits, "hemoglobin", Analyte.Hemoglobin);
        var ca = RuleFileValues.Range(limits, "calcium", Analyte.TotalCalcium);
        var ica = RuleFileValues.Range(limits, "ionizedCalcium", Analyte.IonizedCalcium);
        var alb = RuleFileValues.Range(limits, "albumin", Analyte.Albumin);
        var t = RuleFileValues.Range(limits, "tScore", Analyte.DxaTScore);
        limits.Finish();
        return new PlausibilityLimits
        {
            Hemoglobin = new(Hemoglobin.FromGramsPerDeciliter(hb.Min), Hemoglobin.FromGramsPerDeciliter(hb.Max)),
            Calcium = new(Calcium.FromMilligramsPerDeciliter(ca.Min), Calcium.FromMilligramsPerDeciliter(ca.Max)),
            IonizedCalcium = new(IonizedCalcium.FromMillimolesPerLiter(ica.Min), IonizedCalcium.FromMillimolesPerLiter(ica.Max)),
            Albumin = new(Albumin.FromGramsPerDeciliter(alb.Min), Albumin.FromGramsPerDeciliter(alb.Max)),
            TScore = new(TScore.Of(t.Min), TScore.Of(t.Max)),
        };
    }

    private static HashSet<ResultStatus> Statuses(JsonSection section)
    {
        var names = section.Texts("countableStatuses", allowEmpty: false);
        var statuses = new HashSet<ResultStatus>();
        for (var i = 0; i < names.Count; i++)
        {
            var path = section.At("countableStatuses") + $"[{i}]";
            switch (ResultStatusNames.Parse(names[i]))
            {
                case null: section.Reader.Problem(path, $"unknown status '{names[i]}'"); break;
                case ResultStatus.EnteredInError or ResultStatus.Cancelled:
                    section.Reader.Problem(path, $"status '{names[i]}' can never count"); break;
                case { } status: statuses.Add(status); break;
            }
        }
        return statuses;
    }

    private static HashSet<EncounterSetting> Settings(JsonSection section)
    {
        var names = section.Texts("excludedSettings", allowEmpty: true);
        var settings = new HashSet<EncounterSetting>();
        for (var i = 0; i < names.Count; i++)
        {
            EncounterSetting? setting = names[i] switch
            {
                "inpatient" => EncounterSetting.Inpatient,
                "emergency" => EncounterSetting.Emergency,
                "dialysis" => EncounterSetting.Dialysis,
                "outpatient" => EncounterSetting.Outpatient,
                _ => null,
            };
            if (setting is { } known) settings.Add(known);
            else section.Reader.Problem(section.At("excludedSettings") + $"[{i}]", $"unknown setting '{names[i]}'");
        }
        return settings;
    }
}
