using Screening.Domain.Results;
using Screening.Domain.Units;

namespace Screening.Domain.Hypocalcemia;

/// <summary>
/// The calcium value that stands for one calendar day (clinical-rules §9.3): ionized, or total/corrected in mg/dL,
/// with the threshold it was judged against and what produced it (the note stored on evidence and details).
/// </summary>
internal readonly record struct CalciumDay(
    DateOnly Day,
    CalciumBasis Basis,
    string Note,
    IonizedCalcium? Ionized,
    Calcium? Total,
    bool IsLow,
    LabObservation Source,
    Albumin? AlbuminUsed = null,
    Calcium? Measured = null)
{
    /// <summary>How far below (or above) its default threshold the value lies, to pick the "lowest" day across kinds.</summary>
    public decimal RatioTo(Calcium totalDefault, IonizedCalcium ionizedDefault)
        => Ionized is { } ionized
            ? ionized.MillimolesPerLiter / ionizedDefault.MillimolesPerLiter
            : Total!.Value.MilligramsPerDeciliter / totalDefault.MilligramsPerDeciliter;
}
