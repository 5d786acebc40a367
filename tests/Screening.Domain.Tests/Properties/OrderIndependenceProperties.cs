using Screening.Domain.Patients;
using Screening.Domain.Results;
using Screening.Domain.Screening;
using Screening.Domain.Tests.Support;

namespace Screening.Domain.Tests.Properties;

/// <summary>Hand-rolled property tests (fixed seeds): arrival order and duplicates never change the findings.</summary>
public class OrderIndependenceProperties
{
    private static readonly DateOnly AsOf = Clinic.Today;

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Distinct_results_in_any_order_give_the_same_findings(int seed)
    {
        var random = new Random(seed);
        var record = RandomRecord(random);
        var expected = Fingerprint.Of(Screen.Evaluate(record, Seed.Rules, AsOf));
        for (var round = 0; round < 5; round++)
        {
            var shuffled = record with { Results = Shuffle(record.Results, random), Diagnoses = Shuffle(record.Diagnoses, random), Procedures = Shuffle(record.Procedures, random) };
            Assert.Equal(expected, Fingerprint.Of(Screen.Evaluate(shuffled, Seed.Rules, AsOf)));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Duplicated_results_change_nothing(int seed)
    {
        var random = new Random(seed * 7919);
        var record = RandomRecord(random);
        var expected = Fingerprint.Of(Screen.Evaluate(record, Seed.Rules, AsOf));
        var withDuplicates = record.Results.Concat(record.Results.Where(_ => random.Next(2) == 0)).ToList();
        var duplicated = record with { Results = Shuffle(withDuplicates, random) };
        Assert.Equal(expected, Fingerprint.Of(Screen.Evaluate(duplicated, Seed.Rules, AsOf)));
    }

    [Fact]
    public void The_generator_produces_findings_of_every_rule()
    {
        var findings = Enumerable.Range(1, 40)
            .SelectMany(seed => Screen.Evaluate(RandomRecord(new Random(seed)), Seed.Rules, AsOf).Findings)
            .Select(f => f.Rule).ToHashSet();
        Assert.Equal(RuleIds.Nightly.ToHashSet(), findings);
    }

    private static PatientRecord RandomRecord(Random random)
    {
        var sex = (Sex)random.Next(4);
        var birth = AsOf.AddDays(-random.Next(40 * 365, 85 * 365));
        var results = new List<LabObservation>();
        var id = 0;
        void Add(string loinc, decimal value, string unit, int daysAgo)
        {
            var status = random.Next(10) switch { 0 => ResultStatus.Preliminary, 1 => ResultStatus.Corrected, _ => ResultStatus.Final };
            var setting = random.Next(8) == 0 ? EncounterSetting.Inpatient : EncounterSetting.Outpatient;
            results.Add(new LabObservation("lab", "r" + id++, 1, loinc, value, unit, AsOf.AddDays(-daysAgo), status, setting));
            if (random.Next(6) == 0) // a later version of the same result
                results.Add(results[^1] with { Sequence = 2, Status = random.Next(2) == 0 ? ResultStatus.EnteredInError : ResultStatus.Corrected, Value = value + 0.5m });
        }
        for (var i = random.Next(0, 8); i > 0; i--) Add("718-7", 9.5m + random.Next(0, 45) / 10m, "g/dL", random.Next(0, 900));
        for (var i = random.Next(0, 6); i > 0; i--) Add("17861-6", 7.8m + random.Next(0, 15) / 10m, "mg/dL", random.Next(0, 400));
        for (var i = random.Next(0, 3); i > 0; i--) Add("1751-7", 2.6m + random.Next(0, 20) / 10m, "g/dL", random.Next(0, 400));
        for (var i = random.Next(0, 2); i > 0; i--) Add("1994-3", 1.0m + random.Next(0, 30) / 100m, "mmol/L", random.Next(0, 400));
        for (var i = random.Next(0, 3); i > 0; i--) Add("38267-1", -3.0m + random.Next(0, 30) / 10m, "{T-score}", random.Next(300, 4000));
        var diagnoses = new List<Diagnosis>();
        if (random.Next(5) == 0) diagnoses.Add(new Diagnosis("N18.4", CodeSystem.Icd10, AsOf.AddYears(-3)));
        if (random.Next(5) == 0) diagnoses.Add(new Diagnosis("M81.0", CodeSystem.Icd10, AsOf.AddYears(-random.Next(1, 10))));
        var procedures = new List<Procedure>();
        if (random.Next(3) == 0) procedures.Add(new Procedure("p1", "77080", CodeSystem.Cpt, AsOf.AddDays(-random.Next(100, 4000))));
        return new PatientRecord(new PatientFacts("p", sex, birth), results, diagnoses, procedures);
    }

    private static List<T> Shuffle<T>(IReadOnlyList<T> items, Random random)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }
}
