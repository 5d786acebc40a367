using Screening.Domain.Patients;
using Screening.Domain.Rules;
using Screening.Domain.Screening;

namespace Screening.Domain.Measures;

/// <summary>
/// HEDIS OSW (clinical-rules §5.4): denominator women aged 65–75 on 31 December of the measurement year (the as-of
/// year); exclusions death on or before as-of, hospice; numerator a screening test (or DXA T-score) from the 65th
/// birthday through as-of (facts after as-of do not exist, §9.4b).
/// </summary>
public static class OsteoporosisScreeningInOlderWomen
{
    public static MeasureOutcome Evaluate(PatientRecord record, RuleSet rules, OswParameters osw, DateOnly asOf)
    {
        var patient = record.Patient;
        if (!MeasurementYear.IsWomanAged(patient, osw.FromAgeYears, osw.ToAgeYears, asOf)) return new(MeasureIds.Osw, MeasureStatus.NotInDenominator);
        if (patient.DeceasedDate is { } died && died <= asOf) return new(MeasureIds.Osw, MeasureStatus.Excluded, OutcomeReasons.Deceased);
        if (patient.Hospice) return new(MeasureIds.Osw, MeasureStatus.Excluded, OutcomeReasons.Hospice);
        var from = Ages.Birthday(patient.BirthDate!.Value, osw.FromAgeYears);
        return BoneDensityTests.Dates(record, rules, osw.ScreeningCodes, asOf).Any(d => d >= from)
            ? new(MeasureIds.Osw, MeasureStatus.Numerator, "screened")
            : new(MeasureIds.Osw, MeasureStatus.NotMet);
    }
}
