using System.Text;
using Screening.Domain.Patients;
using Screening.Domain.Results;
using Screening.Domain.Screening;

namespace Screening.Domain.Tests.Support;

/// <summary>
/// Random patient records built around an as-of date so that time alone is likely to move them soon: birthdays close
/// to the 18th/50th/65th/70th/80th, latest lows close to the recency edge, pregnancies and abating diagnoses around
/// as-of, DXA scans around their due dates and the 24-month look-back, data dated after as-of, deaths on either side.
/// Deterministic for a given <see cref="Random"/>.
/// </summary>
public static class RandomPatients
{
    private static readonly int[] Birthdays = [18, 50, 65, 70, 80];

    public static PatientRecord Around(DateOnly asOf, Random random)
    {
        var sex = random.Next(20) switch { < 9 => Sex.Female, < 17 => Sex.Male, 17 or 18 => Sex.Unknown, _ => Sex.Other };
        var patient = new PatientFacts("p", sex, BirthDate(asOf, random),
            DeceasedDate: random.Next(12) == 0 ? asOf.AddDays(random.Next(-200, 400)) : null,
            Hospice: random.Next(40) == 0, OptedOut: random.Next(40) == 0);

        var results = new List<LabObservation>();
        var id = 0;
        void Add(string loinc, decimal value, string unit, DateOnly on, decimal? referenceLow = null)
        {
            var setting = random.Next(10) == 0 ? EncounterSetting.Inpatient : EncounterSetting.Outpatient;
            var status = random.Next(15) == 0 ? ResultStatus.Preliminary : ResultStatus.Final;
            results.Add(new LabObservation("lab", "r" + id++, 1, loinc, value, unit, on, status, setting, referenceLow));
        }

        var mildOnly = random.Next(3) == 0; // lows of 11.0 g/dL or more: priority rests on age alone (§9.4b)
        foreach (var day in Series(asOf, random, count: random.Next(0, 7), maxGap: 300))
            Add("718-7", mildOnly ? 11.0m + random.Next(0, 25) / 10m : 9.5m + random.Next(0, 45) / 10m, "g/dL", day, random.Next(8) == 0 ? 11.5m : null);
        foreach (var day in Series(asOf, random, count: random.Next(0, 6), maxGap: 150))
        {
            switch (random.Next(6))
            {
                case 0: Add("1994-3", 0.95m + random.Next(0, 30) / 100m, "mmol/L", day); break;
                case 1: Add("29265-6", 2.0m + random.Next(0, 25) / 100m, "mmol/L", day); break;
                default:
                    Add("17861-6", 7.6m + random.Next(0, 16) / 10m, "mg/dL", day);
                    if (random.Next(2) == 0) Add("1751-7", 2.7m + random.Next(0, 17) / 10m, "g/dL", day);
                    break;
            }
        }

        var diagnoses = new List<Diagnosis>();
        void Diagnose(string code, int percent, int onsetFrom, int onsetTo, int abatementPercent)
        {
            if (random.Next(100) >= percent) return;
            var onset = asOf.AddDays(random.Next(onsetFrom, onsetTo));
            DateOnly? abatement = random.Next(100) < abatementPercent ? Later(onset, asOf.AddDays(random.Next(-120, 240))) : null;
            diagnoses.Add(new Diagnosis(code, CodeSystem.Icd10, onset, abatement));
        }
        if (sex == Sex.Female && random.Next(5) == 0)
        {
            var onset = asOf.AddDays(random.Next(-420, 90));
            var abatement = random.Next(2) == 0 ? onset.AddDays(random.Next(150, 290)) : (DateOnly?)null;
            diagnoses.Add(new Diagnosis("Z33.1", CodeSystem.Icd10, onset, abatement));
            if (random.Next(3) == 0) // a next pregnancy starting inside or just after this one's postpartum window
                diagnoses.Insert(0, new Diagnosis("O09.90", CodeSystem.Icd10, (abatement ?? onset.AddDays(280)).AddDays(random.Next(0, 60)), null));
        }
        Diagnose("N18.4", 15, -2000, 120, 50);         // CKD: no albumin correction while active
        Diagnose("E20.9", 8, -1500, 120, 60);          // hypoparathyroidism: hypocalcemia managed elsewhere
        Diagnose("Z79.52", 10, -1500, 120, 50);        // long-term glucocorticoids: DXA secondary risk
        Diagnose("S72.001A", 10, -3000, 200, 0);       // hip fracture: DXA risk flag after 50
        Diagnose("M81.0", 8, -3000, 200, 0);           // osteoporosis: DXA risk flag
        Diagnose("I10", 10, -100, 200, 0);             // read by no rule

        var procedures = new List<Procedure>();
        for (var scans = random.Next(0, 3); scans > 0; scans--)
        {
            var on = random.Next(4) switch
            {
                0 => asOf.AddMonths(-24).AddDays(random.Next(-5, 5)),     // edge of the program-policy look-back
                1 => asOf.AddDays(random.Next(-400, 200)),
                _ => asOf.AddDays(-random.Next(300, 4500)),
            };
            if (random.Next(4) != 0) procedures.Add(new Procedure("p" + procedures.Count, "77080", CodeSystem.Cpt, on));
            if (random.Next(3) != 0) Add(random.Next(5) == 0 ? "38265-5" : "38267-1", -3.2m + random.Next(0, 38) / 10m, "{T-score}", on);
        }
        return new PatientRecord(patient, results, diagnoses, procedures);
    }

    /// <summary>A readable dump of a record, for failure messages.</summary>
    public static string Describe(PatientRecord record)
    {
        var text = new StringBuilder().Append(record.Patient).Append('\n');
        foreach (var r in record.Results) text.Append("  ").Append(r).Append('\n');
        foreach (var d in record.Diagnoses) text.Append("  ").Append(d).Append('\n');
        foreach (var p in record.Procedures) text.Append("  ").Append(p).Append('\n');
        return text.ToString();
    }

    private static DateOnly? BirthDate(DateOnly asOf, Random random)
    {
        var pick = random.Next(100);
        if (pick < 6) return null;
        if (pick < 9) // born on 29 February: birthdays fall on 28 February in common years
        {
            var year = asOf.Year - Birthdays[random.Next(Birthdays.Length)] + random.Next(-1, 2);
            while (!DateTime.IsLeapYear(year)) year--;
            return new DateOnly(year, 2, 29);
        }
        if (pick < 70) return asOf.AddYears(-Birthdays[random.Next(Birthdays.Length)]).AddDays(random.Next(-120, 120));
        return asOf.AddDays(-random.Next(10 * 365, 95 * 365));
    }

    /// <summary>Collection days, ascending, the latest often close to the 365-day recency edge (or after as-of).</summary>
    private static List<DateOnly> Series(DateOnly asOf, Random random, int count, int maxGap)
    {
        var latest = random.Next(3) switch
        {
            0 => asOf.AddDays(-random.Next(355, 372)),
            1 => asOf.AddDays(random.Next(-60, 120)),
            _ => asOf.AddDays(-random.Next(0, 900)),
        };
        var days = new List<DateOnly>(count);
        for (var day = latest; days.Count < count; day = day.AddDays(-random.Next(1, maxGap))) days.Add(day);
        days.Reverse();
        return days;
    }

    private static DateOnly Later(DateOnly onset, DateOnly candidate) => candidate >= onset ? candidate : onset.AddDays(30);
}
