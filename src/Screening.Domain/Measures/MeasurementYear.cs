using Screening.Domain.Patients;

namespace Screening.Domain.Measures;

/// <summary>HEDIS ages: the measurement year is the as-of date's calendar year; age is taken on its 31 December.</summary>
public static class MeasurementYear
{
    /// <summary>A woman of known birth date aged <paramref name="from"/>–<paramref name="to"/> (inclusive) on 31 December.</summary>
    public static bool IsWomanAged(PatientFacts patient, int from, int to, DateOnly asOf)
    {
        if (patient.Sex != Sex.Female || patient.BirthDate is not { } born) return false;
        var age = Ages.On(born, new DateOnly(asOf.Year, 12, 31));
        return age >= from && age <= to;
    }
}
