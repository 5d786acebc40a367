using Screening.Domain.Results;
using Screening.Domain.Units;

namespace Screening.Domain.Rules;

/// <summary>Reads <c>$.anemia</c> (clinical-rules §9.2).</summary>
internal static class AnemiaSectionReader
{
    public static AnemiaParameters? Read(JsonSection root)
    {
        var section = root.Object("anemia", withSources: true);
        if (section is null) return null;
        var analytes = RuleFileValues.Loincs(section, "analytes", Analyte.Hemoglobin);

        var thresholds = section.Object("thresholds");
        decimal female = 0m, male = 0m, other = 0m;
        if (thresholds is not null)
        {
            female = RuleFileValues.Quantity(thresholds, "female", Analyte.Hemoglobin, "lt");
            male = RuleFileValues.Quantity(thresholds, "male", Analyte.Hemoglobin, "lt");
            other = RuleFileValues.Quantity(thresholds, "otherOrUnknown", Analyte.Hemoglobin, "lt");
            thresholds.Finish();
        }

        var bands = section.Object("severityBands");
        string bandName = string.Empty;
        decimal mild = 0m, moderate = 0m;
        if (bands is not null)
        {
            bandName = bands.Text("name");
            mild = RuleFileValues.Quantity(bands, "mildFrom", Analyte.Hemoglobin);
            moderate = RuleFileValues.Quantity(bands, "moderateFrom", Analyte.Hemoglobin);
            if (mild != 0m && moderate != 0m && moderate >= mild) section.Reader.Problem(bands.At("moderateFrom"), "min > max: moderate band must start below the mild band");
            bands.Finish();
        }

        var persistence = PersistenceReader.Read(section);

        var pregnancy = section.Object("pregnancy");
        CodeSet pregnancyCodes = CodeSet.Empty;
        int pregnancyDays = 0, postpartumDays = 0;
        if (pregnancy is not null)
        {
            pregnancyCodes = RuleFileValues.Codes(pregnancy, "codes");
            pregnancyDays = pregnancy.Int("defaultDurationDays", 1, 400);
            postpartumDays = pregnancy.Int("postpartumDays", 0, 400);
            pregnancy.Finish();
        }

        var priority = section.Object("priority");
        decimal highBelow = 0m;
        int highAge = 0;
        if (priority is not null)
        {
            highBelow = RuleFileValues.Quantity(priority, "highBelow", Analyte.Hemoglobin);
            highAge = priority.Int("highFromAgeYears", 0, 130);
            priority.Finish();
        }

        var managedElsewhere = RuleFileValues.Codes(section, "managedElsewhereCodes", allowEmpty: true);
        var workup = section.Texts("suggestedWorkup", allowEmpty: true);
        var policy = ProgramPolicyReader.Read(section);
        section.Finish();

        return new AnemiaParameters
        {
            Analytes = analytes,
            FemaleBelow = Hemoglobin.FromGramsPerDeciliter(female),
            MaleBelow = Hemoglobin.FromGramsPerDeciliter(male),
            OtherOrUnknownBelow = Hemoglobin.FromGramsPerDeciliter(other),
            SeverityBands = bandName,
            MildFrom = Hemoglobin.FromGramsPerDeciliter(mild),
            ModerateFrom = Hemoglobin.FromGramsPerDeciliter(moderate),
            Persistence = persistence,
            PregnancyCodes = pregnancyCodes,
            PregnancyDefaultDays = pregnancyDays,
            PostpartumDays = postpartumDays,
            HighPriorityBelow = Hemoglobin.FromGramsPerDeciliter(highBelow),
            HighPriorityFromAgeYears = highAge,
            ManagedElsewhereCodes = managedElsewhere,
            SuggestedWorkup = workup,
            ProgramPolicyDxa = policy,
        };
    }
}
