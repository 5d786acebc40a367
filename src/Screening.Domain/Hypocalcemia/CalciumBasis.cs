namespace Screening.Domain.Hypocalcemia;

/// <summary>Which calcium value stood for a day in the per-day hierarchy (clinical-rules §9.3).</summary>
internal enum CalciumBasis { Ionized, LabCorrected, AlbuminCorrected, TotalUncorrected }
