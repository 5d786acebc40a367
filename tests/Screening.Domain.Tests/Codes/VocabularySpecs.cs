using Screening.Contracts;
using Screening.Domain.Codes;
using Screening.Domain.Patients;
using Screening.Domain.Results;
using Screening.Interop.Mapping;

namespace Screening.Domain.Tests.Codes;

/// <summary>One table of spellings per code: every reader, the ingest and file mode give the same value (and verdict).</summary>
public sealed class VocabularySpecs
{
    [Theory]
    [InlineData(null, EncounterSetting.Outpatient)]
    [InlineData("", EncounterSetting.Outpatient)]
    [InlineData("AMB", EncounterSetting.Outpatient)]
    [InlineData("wellness", EncounterSetting.Outpatient)]
    [InlineData("IMP", EncounterSetting.Inpatient)]
    [InlineData("acute", EncounterSetting.Inpatient)]
    [InlineData("ed", EncounterSetting.Emergency)]
    [InlineData("emergency", EncounterSetting.Emergency)]
    [InlineData("dialysis", EncounterSetting.Dialysis)]
    public void Encounter_class_spellings_map_to_one_setting(string? spelling, EncounterSetting setting)
        => Assert.Equal(setting, EncounterClasses.Parse(spelling));

    [Fact]
    public void An_unknown_encounter_class_is_rejected_for_its_class_in_file_mode_and_the_database_alike()
    {
        var result = new LabResultReported
        {
            PatientId = "P", SourceSystem = "lab", ResultId = "R", Loinc = "718-7", Value = 11m, Unit = "g/dL",
            CollectedAt = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero), Status = "final", EncounterClass = "home-visit",
        };

        var verdict = ResultValidation.Validate(result, new DateTimeOffset(2026, 1, 6, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(RejectReasons.InvalidEncounterClass, verdict.ReasonCode);
    }

    [Theory]
    [InlineData("F", Sex.Female)]
    [InlineData(" male ", Sex.Male)]
    [InlineData("o", Sex.Other)]
    [InlineData("x", Sex.Unknown)]
    [InlineData(null, Sex.Unknown)]
    public void Sex_spellings_map_to_one_value_and_one_stored_code(string? spelling, Sex sex)
    {
        Assert.Equal(sex, Sexes.Parse(spelling));
        Assert.Equal(sex, Sexes.Parse(Sexes.Code(sex)));
    }

    [Fact]
    public void The_open_set_is_written_once_for_sql()
        => Assert.Equal("('open', 'in-progress', 'snoozed')", TaskStatuses.OpenSqlList);
}
