using Screening.Domain.Rules;
using Screening.Domain.Screening;

namespace Screening.Domain.Measures;

/// <summary>
/// HEDIS OMW (clinical-rules §5.4, §9.4 "HEDIS overlays"): denominator women aged 67–85 on 31 December of the
/// measurement year with a fracture (fragility-fracture value set: not finger, toe, face, skull) whose onset lies in
/// the intake period and on or before as-of; the first one is the IESD. Exclusions: death, hospice, a BMD test in the
/// 730 days before the IESD, osteoporosis therapy active in the 365 days before it. Numerator: a BMD test on or after
/// the IESD, or therapy starting then, within 180 days. Continuous enrollment is not modelled (no enrollment data).
/// </summary>
public static class OsteoporosisManagementAfterFracture
{
    public static MeasureOutcome Evaluate(PatientRecord record, RuleSet rules, OmwParameters omw, DateOnly asOf)
    {
        var patient = record.Patient;
        if (!MeasurementYear.IsWomanAged(patient, omw.FromAgeYears, omw.ToAgeYears, asOf)) return Outside;

        var intakeFrom = new DateOnly(asOf.Year - 1, omw.IntakeStartMonthPriorYear, 1);
        var intakeTo = new DateOnly(asOf.Year, omw.IntakeEndMonth, DateTime.DaysInMonth(asOf.Year, omw.IntakeEndMonth));
        if (asOf < intakeTo) intakeTo = asOf;
        DateOnly? iesd = null;
        foreach (var d in record.Diagnoses)
            if (d.Onset is { } onset && onset >= intakeFrom && onset <= intakeTo && omw.FractureCodes.Matches(d.Code, d.System)
                && (iesd is null || onset < iesd)) iesd = onset;
        if (iesd is not { } episode) return Outside;

        if (patient.DeceasedDate is { } died && died <= asOf) return Excluded(OutcomeReasons.Deceased);
        if (patient.Hospice) return Excluded(OutcomeReasons.Hospice);
        var bmd = BoneDensityTests.Dates(record, rules, rules.Dxa.ProcedureCodes, asOf).ToList();
        if (bmd.Any(d => d < episode && d >= episode.AddDays(-omw.PriorBmdExclusionDays))) return Excluded("prior-bmd");
        var therapyFrom = episode.AddDays(-omw.PriorTherapyExclusionDays);
        if (record.Diagnoses.Any(d => omw.TherapyCodes.Matches(d.Code, d.System) && d.Onset is { } start && start < episode
                && (d.Abatement is not { } end || end >= therapyFrom))) return Excluded("prior-therapy");

        var windowEnd = episode.AddDays(omw.TreatmentWindowDays);
        if (bmd.Any(d => d >= episode && d <= windowEnd)) return new(MeasureIds.Omw, MeasureStatus.Numerator, "bmd-test");
        if (record.Diagnoses.Any(d => omw.TherapyCodes.Matches(d.Code, d.System) && d.Onset is { } start && start >= episode
                && start <= windowEnd && start <= asOf)) return new(MeasureIds.Omw, MeasureStatus.Numerator, "therapy");
        return new(MeasureIds.Omw, MeasureStatus.NotMet, asOf <= windowEnd ? "episode-open" : null);
    }

    private static MeasureOutcome Outside => new(MeasureIds.Omw, MeasureStatus.NotInDenominator);

    private static MeasureOutcome Excluded(string reason) => new(MeasureIds.Omw, MeasureStatus.Excluded, reason);
}
