using Screening.Domain.Measures;
using Screening.Domain.Patients;
using Screening.Domain.Results;
using Screening.Domain.Screening;
using Screening.Domain.Tests.Support;

namespace Screening.Domain.Tests.Measures;

/// <summary>Hand-built patients for the measure specifications, evaluated with the seed rule file.</summary>
internal static class MeasurePopulation
{
    public static readonly DateOnly AsOf = new(2026, 12, 3);

    public static PatientRecord Woman(string born, string team = "north", IEnumerable<Diagnosis>? diagnoses = null,
        IEnumerable<Procedure>? procedures = null, IEnumerable<LabObservation>? results = null, bool hospice = false, string? died = null) =>
        new(new PatientFacts(Guid.NewGuid().ToString("N"), Sex.Female, DateOnly.Parse(born), died is null ? null : DateOnly.Parse(died), hospice, CareTeam: team),
            [.. results ?? []], [.. diagnoses ?? []], [.. procedures ?? []]);

    public static Procedure DxaScan(string on, string code = "77080") => new(Guid.NewGuid().ToString("N"), code, CodeSystem.Cpt, DateOnly.Parse(on));

    public static Diagnosis Fracture(string onset) => new("S72.001A", CodeSystem.Icd10, DateOnly.Parse(onset));

    public static Diagnosis Bisphosphonate(string onset, string? abatement = null) =>
        new("Z79.83", CodeSystem.Icd10, DateOnly.Parse(onset), abatement is null ? null : DateOnly.Parse(abatement));

    public static LabObservation Hemoglobin(string on, decimal value) =>
        new("lab", Guid.NewGuid().ToString("N"), 1, "718-7", value, "g/dL", DateOnly.Parse(on), ResultStatus.Final);

    public static MeasureOutcome Outcome(PatientRecord record, string measure, DateOnly? asOf = null) =>
        QualityMeasures.Evaluate(record, Seed.Rules, Seed.Rules.Measures!, asOf ?? AsOf).Single(o => o.Measure == measure);
}
