namespace Screening.Domain.Hypocalcemia;

/// <summary>
/// The correction recorded on each hypocalcemia evidence item (clinical-rules §2.2 "store which formula was applied").
/// Albumin-corrected days carry the rule file's method name (e.g. <c>corrected-payne-0.8</c>).
/// </summary>
public static class CalciumNotes
{
    public const string Ionized = "ionized";
    public const string LabCorrected = "lab-corrected";
    public const string TotalUncorrected = "total-uncorrected";
    public const string NeedsIonized = "needs ionized Ca";
}
