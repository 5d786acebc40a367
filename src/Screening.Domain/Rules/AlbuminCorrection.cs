using Screening.Domain.Units;

namespace Screening.Domain.Rules;

/// <summary>
/// Albumin correction of total calcium: <c>Ca + factor × (reference − albumin)</c> in mg/dL and g/dL
/// (common clinical "Payne" form, factor 0.8, reference 4.0 g/dL; clinical-rules §2.2, §9.3), applied only when
/// <see cref="MinAlbumin"/> ≤ albumin &lt; <see cref="AlbuminBelow"/> (§2.4).
/// </summary>
public sealed class AlbuminCorrection
{
    /// <summary>Name stored with every corrected value, e.g. <c>corrected-payne-0.8</c> (§2.2 "store which formula").</summary>
    public required string Method { get; init; }
    /// <summary>0.8 mg/dL per g/dL (≡ 0.02 mmol/L per g/L; Medscape/K-DOQI form, §2.2).</summary>
    public required decimal FactorMilligramsPerGram { get; init; }
    /// <summary>Normal albumin 4.0 g/dL (§2.2).</summary>
    public required Albumin ReferenceAlbumin { get; init; }
    /// <summary>Below 3.0 g/dL correction is unreliable: needs ionized Ca (§2.4, ENDO 2021 abstract).</summary>
    public required Albumin MinAlbumin { get; init; }
    /// <summary>Correct only when albumin &lt; 4.0 g/dL (hyperalbuminaemia design choice, §2.4).</summary>
    public required Albumin AlbuminBelow { get; init; }

    public bool Applies(Albumin albumin) => albumin >= MinAlbumin && albumin < AlbuminBelow;

    public Calcium Correct(Calcium total, Albumin albumin)
        => Calcium.FromMilligramsPerDeciliter(
            total.MilligramsPerDeciliter + FactorMilligramsPerGram * (ReferenceAlbumin.GramsPerDeciliter - albumin.GramsPerDeciliter));
}
