using System.Globalization;
using Screening.Contracts;

namespace Screening.App.Demo;

/// <summary>
/// A deterministic synthetic population (same seed, same patients, byte for byte) with realistic hemoglobin,
/// calcium/albumin and DXA histories ending at <see cref="Anchor"/>: most patients are normal; fixed shares are
/// persistently anemic, persistently hypocalcemic (some with CKD or ionized calcium), overdue for DXA, pregnant,
/// excluded (deceased, hospice, opt-out, minors) or have a critical value — so every rule has cases.
/// </summary>
public sealed class SyntheticPopulation(int seed, DateOnly anchor, int resultsPerPatient = 8)
{
    public const string LabSource = "demo-lab";
    private static readonly string[] Teams = ["north", "south", "east", "west"];
    public DateOnly Anchor { get; } = anchor;

    public IEnumerable<ClinicalRecordsReported> Batches(int patients, int patientsPerBatch, int firstPatient = 0)
    {
        for (var start = firstPatient; start < firstPatient + patients; start += patientsPerBatch)
            yield return Batch(start, Math.Min(patientsPerBatch, firstPatient + patients - start));
    }

    /// <summary>
    /// One message with patients [first, first + count): each patient depends only on (seed, index), so batches can
    /// be generated in any order and on any number of threads and still be byte for byte the same.
    /// </summary>
    public ClinicalRecordsReported Batch(int first, int count)
    {
        var patients = new List<PatientUpdated>(count);
        var results = new List<LabResultReported>(count * (resultsPerPatient + 2));
        var conditions = new List<ConditionReported>();
        var procedures = new List<ProcedureReported>();
        for (var i = first; i < first + count; i++)
        {
            var g = Patient(i);
            patients.Add(g.Patient);
            results.AddRange(g.Results);
            conditions.AddRange(g.Conditions);
            procedures.AddRange(g.Procedures);
        }
        return new ClinicalRecordsReported
        {
            BatchId = $"synthetic-{seed}-{first}-{first + count}",
            Patients = patients, Results = results, Conditions = conditions, Procedures = procedures,
        };
    }

    public SyntheticPatient Patient(int index)
    {
        var random = new Random(unchecked(seed * 1_000_003 + index));
        var id = $"DEMO-{index:0000000}";
        var roll = random.NextDouble();
        var sex = roll < 0.52 ? "female" : roll < 0.98 ? "male" : "other";
        var age = random.NextDouble() < 0.03 ? random.Next(8, 18) : 18 + (int)(Math.Pow(random.NextDouble(), 0.9) * 77);
        var birth = Anchor.AddYears(-age).AddDays(-random.Next(0, 365));
        var (system, mrn) = SyntheticIdentity.Mrn(index);
        var team = Teams[index % Teams.Length];
        var patient = new PatientUpdated
        {
            SourceSystem = "demo-ehr", PatientId = mrn, PatientSystem = system, PatientIdType = "MR",
            Demographics = SyntheticIdentity.Demographics(seed, index, sex, team),
            Sex = sex, BirthDate = birth, CareTeam = team,
            DeceasedDate = random.NextDouble() < 0.01 ? Anchor.AddDays(-random.Next(10, 300)) : null,
            Hospice = random.NextDouble() < 0.01, OptedOut = random.NextDouble() < 0.01,
        };
        var history = new SyntheticHistory(random, id, (system, mrn), Anchor, resultsPerPatient);
        var profile = random.NextDouble();
        history.Hemoglobin(sex, anemic: profile < 0.10, critical: random.NextDouble() < 0.003);
        history.Calcium(hypocalcemic: profile is >= 0.10 and < 0.15, ionized: random.NextDouble() < 0.15, withCkd: random.NextDouble() < 0.03);
        if (sex == "female" && age is >= 18 and < 42 && random.NextDouble() < 0.04) history.Pregnancy();
        if (age >= 55) history.Dxa(scanned: random.NextDouble() < 0.55);
        return new SyntheticPatient(patient, history.Results, history.Conditions, history.Procedures);
    }

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
