using Screening.Contracts;

namespace Screening.App.Demo;

/// <summary>Builds one patient's lab, diagnosis and procedure history for <see cref="SyntheticPopulation"/>.</summary>
/// <remarks>Result and procedure ids are built from the demo id (<paramref name="patientId"/>); the facts refer to the patient by
/// its MRN and issuing system (<paramref name="reference"/>).</remarks>
internal sealed class SyntheticHistory(Random random, string patientId, (string System, string Mrn) reference, DateOnly anchor, int resultsPerPatient)
{
    public List<LabResultReported> Results { get; } = [];
    public List<ConditionReported> Conditions { get; } = [];
    public List<ProcedureReported> Procedures { get; } = [];

    public void Hemoglobin(string sex, bool anemic, bool critical)
    {
        var normal = sex == "male" ? 14.6 : 13.3;
        var count = Math.Max(2, resultsPerPatient / 2 + random.Next(-1, 2));
        var days = SpreadDays(count, 1000);
        for (var i = 0; i < days.Count; i++)
        {
            var recent = days[i] <= 560;
            var value = anemic && recent ? normal - 2.2 - random.NextDouble() * 2.0 : normal + Gaussian() * 0.8;
            if (critical && i == days.Count - 1) value = 7.1 + random.NextDouble() * 0.6;
            var collected = anchor.AddDays(-days[i]);
            var (loinc, unit, reported) = random.Next(20) switch
            {
                0 => ("718-7", "g/L", Math.Round(value * 10, 0)),
                1 => ("59260-0", "mmol/L", Math.Round(value * 0.6206, 1)),
                _ => ("718-7", "g/dL", Math.Round(value, 1)),
            };
            Add($"HB-{i}", loinc, (decimal)reported, unit, collected, random.Next(25) == 0 ? "inpatient" : null);
        }
    }

    public void Calcium(bool hypocalcemic, bool ionized, bool withCkd)
    {
        if (withCkd) Conditions.Add(Condition("N18.4", anchor.AddDays(-random.Next(400, 3000))));
        if (!hypocalcemic && random.NextDouble() > 0.6) return;
        var count = hypocalcemic ? 4 + random.Next(0, 3) : Math.Max(2, resultsPerPatient / 3 + random.Next(0, 2));
        var days = SpreadDays(count, hypocalcemic ? 420 : 700);
        for (var i = 0; i < days.Count; i++)
        {
            var collected = anchor.AddDays(-days[i]);
            var albumin = Math.Round(hypocalcemic ? 3.6 + random.NextDouble() * 0.3 : 3.4 + random.NextDouble() * 1.2, 1);
            var total = hypocalcemic ? 7.7 + random.NextDouble() * 0.4 : 9.0 + Gaussian() * 0.35;
            Add($"CA-{i}", "17861-6", (decimal)Math.Round(total, 1), "mg/dL", collected);
            Add($"ALB-{i}", "1751-7", (decimal)albumin, "g/dL", collected);
            if (ionized) Add($"ICA-{i}", "1994-3", (decimal)Math.Round(hypocalcemic ? 0.95 + random.NextDouble() * 0.12 : 1.2 + Gaussian() * 0.04, 2), "mmol/L", collected);
        }
    }

    public void Pregnancy() => Conditions.Add(Condition("Z33.1", anchor.AddDays(-random.Next(30, 200))));

    public void Dxa(bool scanned)
    {
        if (random.NextDouble() < 0.08) Conditions.Add(Condition("M81.0", anchor.AddDays(-random.Next(800, 4000))));
        if (!scanned) return;
        var performed = anchor.AddDays(-random.Next(200, 4200));
        Procedures.Add(new ProcedureReported { SourceSystem = "demo-ehr", PatientId = reference.Mrn, PatientSystem = reference.System, ProcedureId = $"{patientId}-DXA", Code = "77080", System = "cpt", PerformedOn = performed });
        Add("DXA-T-HIP", "38264-8", (decimal)Math.Round(-3.2 + random.NextDouble() * 3.8, 1), "{T-score}", performed);
    }

    private void Add(string suffix, string loinc, decimal value, string unit, DateOnly day, string? encounter = null) => Results.Add(new LabResultReported
    {
        SourceSystem = SyntheticPopulation.LabSource, ResultId = $"{patientId}-{suffix}", PatientId = reference.Mrn, PatientSystem = reference.System, Loinc = loinc,
        Value = value, Unit = unit, Status = "final", EncounterClass = encounter,
        CollectedAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(8 + random.Next(0, 9), random.Next(0, 60))), TimeSpan.FromHours(-5)),
    });

    private ConditionReported Condition(string code, DateOnly onset) =>
        new() { SourceSystem = "demo-ehr", PatientId = reference.Mrn, PatientSystem = reference.System, Code = code, System = "icd10", Onset = onset };

    /// <summary>Distinct "days before anchor", oldest first, roughly evenly spread over the window.</summary>
    private List<int> SpreadDays(int count, int window)
    {
        var step = window / count;
        return Enumerable.Range(0, count).Select(i => window - i * step - random.Next(0, Math.Max(1, step / 2))).Select(d => Math.Max(d, 1)).Distinct().ToList();
    }

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
