using Screening.Domain.Screening;

namespace Screening.Domain.Tests.Support;

/// <summary>
/// Checks a stable-until date the way the incremental nightly screen relies on it: the outcome is the same on the day
/// before (so the stored outcome may be reused until then) and differs on the day itself (so the patient is worth
/// screening again).
/// </summary>
public static class TimeAlone
{
    /// <summary>The screenings as of <paramref name="asOf"/> and as of <paramref name="until"/>, after checking both.</summary>
    public static (PatientScreening Before, PatientScreening On) Moves(History history, string asOf, string until)
    {
        var before = history.Screen(Clinic.Date(asOf));
        Assert.Equal(Clinic.Date(until), before.StableUntil);
        var dayBefore = history.Screen(Clinic.Date(until).AddDays(-1));
        Assert.Equal(TimeFreeFingerprint.Of(before), TimeFreeFingerprint.Of(dayBefore));
        var on = history.Screen(Clinic.Date(until));
        Assert.NotEqual(TimeFreeFingerprint.Of(before), TimeFreeFingerprint.Of(on));
        return (before, on);
    }

    /// <summary>The screening as of <paramref name="asOf"/>, after checking no later date changes it (null stable-until).</summary>
    public static PatientScreening NeverMoves(History history, string asOf)
    {
        var screening = history.Screen(Clinic.Date(asOf));
        Assert.Null(screening.StableUntil);
        foreach (var years in (int[])[1, 5, 20, 60])
            Assert.Equal(TimeFreeFingerprint.Of(screening), TimeFreeFingerprint.Of(history.Screen(Clinic.Date(asOf).AddYears(years))));
        return screening;
    }

    /// <summary>"Kind/reason" of one outcome, e.g. <c>NotMet/too-old</c>, <c>Met/</c>.</summary>
    public static string State(RuleOutcome outcome) => $"{outcome.Kind}/{outcome.Reason}";
}
