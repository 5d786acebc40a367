using Screening.Domain.Rules;

namespace Screening.Domain.Measures;

/// <summary>HEDIS OSW (clinical-rules §5.4): women 65–75 with a screening test from the 65th birthday to 31 December of the year.</summary>
public sealed class OswParameters
{
    /// <summary>Age on 31 December of the measurement year, inclusive bounds (65–75).</summary>
    public required int FromAgeYears { get; init; }
    public required int ToAgeYears { get; init; }
    /// <summary>Screening tests: CPT 76977, 77078, 77080, 77081, 77085 (Horizon BCBSNJ MY2023), SNOMED 312681000.</summary>
    public required CodeSet ScreeningCodes { get; init; }
}
