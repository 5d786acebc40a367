using Screening.Domain.Results;
using Screening.Domain.Units;

namespace Screening.Domain.Rules;

/// <summary>Reads <c>$.hypocalcemia</c> (clinical-rules §9.3, §9.4b "Calcium").</summary>
internal static class HypocalcemiaSectionReader
{
    public static HypocalcemiaParameters? Read(JsonSection root)
    {
        var section = root.Object("hypocalcemia", withSources: true);
        if (section is null) return null;
        var total = RuleFileValues.Loincs(section, "totalCalcium", Analyte.TotalCalcium);
        var corrected = RuleFileValues.Loincs(section, "correctedCalcium", Analyte.CorrectedCalcium);
        var ionized = RuleFileValues.Loincs(section, "ionizedCalcium", Analyte.IonizedCalcium);
        var albumin = RuleFileValues.Loincs(section, "albumin", Analyte.Albumin);

        var thresholds = section.Object("thresholds");
        decimal totalBelow = 0m, ionizedBelow = 0m;
        if (thresholds is not null)
        {
            totalBelow = RuleFileValues.Quantity(thresholds, "totalOrCorrected", Analyte.TotalCalcium, "lt");
            ionizedBelow = RuleFileValues.Quantity(thresholds, "ionized", Analyte.IonizedCalcium, "lt");
            thresholds.Finish();
        }

        var correction = Correction(section);
        var ckd = RuleFileValues.Codes(section, "ckdCodes");
        var persistence = PersistenceReader.Read(section);
        var chronic = section.Int("chronicSpanDays", 0, 3650);
        if (chronic < persistence.MinSpanDays) section.Reader.Problem(section.At("chronicSpanDays"), "out of range: must be at least minSpanDays");

        var priority = section.Object("priority");
        decimal highTotal = 0m, highIonized = 0m;
        var therapy = CodeSet.Empty;
        if (priority is not null)
        {
            highTotal = RuleFileValues.Quantity(priority, "highBelowTotalOrCorrected", Analyte.TotalCalcium);
            highIonized = RuleFileValues.Quantity(priority, "highBelowIonized", Analyte.IonizedCalcium);
            if (priority.Has("highOnTherapy")) therapy = RuleFileValues.Codes(priority, "highOnTherapy");
            priority.Finish();
        }

        var managedElsewhere = RuleFileValues.Codes(section, "managedElsewhereCodes", allowEmpty: true);
        var workup = section.Texts("suggestedWorkup", allowEmpty: true);
        var policy = ProgramPolicyReader.Read(section);
        section.Finish();

        return new HypocalcemiaParameters
        {
            TotalCalcium = total,
            CorrectedCalcium = corrected,
            IonizedCalcium = ionized,
            Albumin = albumin,
            TotalBelow = Calcium.FromMilligramsPerDeciliter(totalBelow),
            IonizedBelow = IonizedCalcium.FromMillimolesPerLiter(ionizedBelow),
            Correction = correction,
            CkdCodes = ckd,
            Persistence = persistence,
            ChronicSpanDays = chronic,
            HighPriorityBelow = Calcium.FromMilligramsPerDeciliter(highTotal),
            HighPriorityIonizedBelow = IonizedCalcium.FromMillimolesPerLiter(highIonized),
            HighPriorityTherapyCodes = therapy,
            ManagedElsewhereCodes = managedElsewhere,
            SuggestedWorkup = workup,
            ProgramPolicyDxa = policy,
        };
    }

    private static AlbuminCorrection Correction(JsonSection parent)
    {
        var section = parent.Object("correction");
        string method = string.Empty;
        decimal factor = 0m, reference = 0m;
        (decimal Min, decimal Max) window = (0m, 0m);
        if (section is not null)
        {
            method = section.Text("method");
            factor = section.Decimal("factor", 0m, 2m);
            reference = RuleFileValues.Quantity(section, "referenceAlbumin", Analyte.Albumin);
            window = RuleFileValues.Range(section, "albuminWindow", Analyte.Albumin, maxKey: "below");
            section.Finish();
        }
        return new AlbuminCorrection
        {
            Method = method,
            FactorMilligramsPerGram = factor,
            ReferenceAlbumin = Albumin.FromGramsPerDeciliter(reference),
            MinAlbumin = Albumin.FromGramsPerDeciliter(window.Min),
            AlbuminBelow = Albumin.FromGramsPerDeciliter(window.Max),
        };
    }
}
