using Screening.Domain.Screening;
using Screening.Data.Platform;

namespace Screening.Data.Screen;

/// <summary>
/// One keyset page of the nightly screen: its patient keys in order, the patients re-evaluated by the rules (record and
/// outcomes) and the patients whose stored outcome still holds on the as-of date (reused as stored).
/// </summary>
internal sealed record ScreenPage(long[] Keys, ScreenPage.Evaluated[] Reevaluated, ScreenPage.Reused[] Kept)
{
    public readonly record struct Evaluated(long Key, PatientRecord Record, PatientScreening Screening);

    public readonly record struct Reused(long Key, StoredOutcome[] Outcomes);

    public int Patients => Reevaluated.Length + Kept.Length;
}
