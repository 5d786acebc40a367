using Screening.Domain.Rules;

namespace Screening.Domain.Measures;

/// <summary>
/// HEDIS OMW (clinical-rules §5.4): women 67–85 with a fracture (not finger, toe, face, skull) in the intake period
/// 1 July of the prior year – 30 June of the measurement year; BMD test or osteoporosis therapy within 180 days of
/// the first fracture (IESD); excluded with a BMD test 730 days or therapy 365 days before it.
/// </summary>
public sealed class OmwParameters
{
    public required int FromAgeYears { get; init; }
    public required int ToAgeYears { get; init; }
    /// <summary>Intake period: from day 1 of this month of the prior year …</summary>
    public required int IntakeStartMonthPriorYear { get; init; }
    /// <summary>… to the last day of this month of the measurement year.</summary>
    public required int IntakeEndMonth { get; init; }
    public required CodeSet FractureCodes { get; init; }
    public required CodeSet TherapyCodes { get; init; }
    /// <summary>Numerator window: IESD through IESD + this many days.</summary>
    public required int TreatmentWindowDays { get; init; }
    public required int PriorBmdExclusionDays { get; init; }
    public required int PriorTherapyExclusionDays { get; init; }
}
