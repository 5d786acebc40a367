using Screening.Domain.Screening;
using Screening.Domain.Tests.Support;

namespace Screening.Domain.Tests.Properties;

/// <summary>
/// Hand-rolled property tests (fixed seeds) of <see cref="PatientScreening.StableUntil"/>: a stored outcome may be
/// reused on every later as-of date before it, and on that date time alone really moves the patient most of the time.
/// </summary>
public class StableUntilProperties
{
    private const int SeedCount = 20;
    private const int PatientsPerSeed = 250;
    private static readonly DateOnly FirstAsOf = new(2016, 1, 1);

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, SeedCount)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Time_alone_changes_no_outcome_before_the_stable_until_date(int seed)
    {
        foreach (var (record, screening, random) in Cases(seed))
        {
            var until = screening.StableUntil;
            Assert.True(until is null || until > screening.AsOf, $"stable-until {until} is not after as-of {screening.AsOf}");
            var expected = TimeFreeFingerprint.Of(screening);
            foreach (var day in DaysToCheck(screening.AsOf, until, random))
            {
                var later = Screen.Evaluate(record, Seed.Rules, day);
                var actual = TimeFreeFingerprint.Of(later);
                if (actual != expected)
                    Assert.Fail($"as of {screening.AsOf} (stable until {until?.ToString() ?? "forever"}) the outcome changed on {day}:\n"
                        + $"{expected}\n--- became ---\n{actual}\n{RandomPatients.Describe(record)}");
                Assert.True(until == later.StableUntil, $"as of {day} stable-until is {later.StableUntil}, as of {screening.AsOf} it was {until}\n{RandomPatients.Describe(record)}");
            }
        }
    }

    /// <remarks>
    /// Measured with these seeds: 91.0 % of all stable-until dates change the outcome (3643 of 4004), 98.8 % of those not
    /// on a future-dated item's date (2797 of 2830). The misses: future-dated data that turns out not to matter (a normal
    /// Hb after a normal Hb; the generator dates far more data after as-of than a nightly screen sees), and CKD or a
    /// secondary-risk diagnosis abating where the value it changes does not change the verdict. The bounds sit just below
    /// the measurement so that loose change points fail: every birthday instead of threshold birthdays (57 % / 53 %),
    /// future diagnoses no rule reads (87.8 %), CKD looked up when no day can be corrected (96.7 % time-alone).
    /// </remarks>
    [Fact]
    public void Most_stable_until_dates_are_real_changes()
    {
        var (dated, changed, timeAlone, timeAloneChanged) = (0, 0, 0, 0);
        foreach (var (record, screening, _) in Enumerable.Range(1, SeedCount).SelectMany(Cases))
        {
            if (screening.StableUntil is not { } until) continue;
            var real = TimeFreeFingerprint.Of(Screen.Evaluate(record, Seed.Rules, until)) != TimeFreeFingerprint.Of(screening);
            dated++;
            if (real) changed++;
            if (IsDataDay(record, until)) continue;
            timeAlone++;
            if (real) timeAloneChanged++;
        }
        var share = (double)changed / dated;
        var timeAloneShare = (double)timeAloneChanged / timeAlone;
        Console.WriteLine($"stable-until tightness: {changed} of {dated} dates change the outcome ({share:P1}); "
            + $"{timeAloneChanged} of {timeAlone} not carried by future-dated data ({timeAloneShare:P1})");
        Assert.True(share >= 0.88, $"only {changed} of {dated} stable-until dates change the outcome");
        Assert.True(timeAloneShare >= 0.97, $"only {timeAloneChanged} of {timeAlone} time-alone stable-until dates change the outcome");
    }

    [Fact]
    public void The_generated_patients_reach_every_kind_of_change_point()
    {
        var seen = new HashSet<string>();
        foreach (var (record, screening, _) in Enumerable.Range(1, SeedCount).SelectMany(Cases))
            if (screening.StableUntil is { } until)
                seen.UnionWith(Changes(screening, Screen.Evaluate(record, Seed.Rules, until)));
        string[] expected =
        [
            "persistent-anemia Met/ → NotMet/too-old", "persistent-hypocalcemia Met/ → NotMet/too-old",
            "persistent-anemia NotMet/too-few-lows → NotMet/too-old", "persistent-anemia Suspended/pregnancy → *",
            "persistent-hypocalcemia Excluded/managed-elsewhere → *", "* Excluded/under-18 → *", "* → Excluded/deceased",
            "overdue-dxa NotMet/not-due → NotMet/due-soon", "overdue-dxa NotMet/due-soon → NotMet/due", "overdue-dxa NotMet/due → Met/",
            "persistent-anemia priority", "persistent-anemia work-up", "persistent-hypocalcemia work-up", "overdue-dxa due date",
        ];
        var missing = expected.Where(pattern => !seen.Any(change => Matches(change, pattern))).ToList();
        Assert.True(missing.Count == 0, "never seen: " + string.Join("; ", missing) + "\nseen: " + string.Join("\n", seen.Order()));
    }

    private static IEnumerable<string> Changes(PatientScreening before, PatientScreening after)
    {
        for (var i = 0; i < before.Outcomes.Count; i++)
        {
            var (a, b) = (before.Outcomes[i], after.Outcomes[i]);
            if (a.Kind != b.Kind || a.Reason != b.Reason) yield return $"{a.Rule} {a.Kind}/{a.Reason} → {b.Kind}/{b.Reason}";
            else if (a.DueDate != b.DueDate) yield return $"{a.Rule} due date";
            else if (a.Finding is { } x && b.Finding is { } y)
            {
                if (x.Priority != y.Priority) yield return $"{a.Rule} priority";
                if (!x.SuggestedWorkup.SequenceEqual(y.SuggestedWorkup)) yield return $"{a.Rule} work-up";
            }
        }
    }

    private static bool Matches(string change, string pattern)
    {
        var parts = pattern.Split('*');
        var at = 0;
        foreach (var part in parts)
        {
            var found = change.IndexOf(part, at, StringComparison.Ordinal);
            if (found < 0 || (at == 0 && parts[0].Length > 0 && found != 0)) return false;
            at = found + part.Length;
        }
        return parts[^1].Length == 0 || at == change.Length;
    }

    private static bool IsDataDay(PatientRecord record, DateOnly day)
        => record.Results.Any(r => r.CollectedOn == day) || record.Diagnoses.Any(d => d.Onset == day) || record.Procedures.Any(p => p.PerformedOn == day);

    private static IEnumerable<(PatientRecord Record, PatientScreening Screening, Random Random)> Cases(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < PatientsPerSeed; i++)
        {
            var asOf = FirstAsOf.AddDays(random.Next(0, 15 * 365));
            var record = RandomPatients.Around(asOf, random);
            // The days to check draw from their own stream, so the patients do not depend on the dates found.
            yield return (record, Screen.Evaluate(record, Seed.Rules, asOf), new Random(seed * PatientsPerSeed + i));
        }
    }

    /// <summary>As-of itself, the day before stable-until, and random days in between (up to 40 years on when null).</summary>
    private static IEnumerable<DateOnly> DaysToCheck(DateOnly asOf, DateOnly? until, Random random)
    {
        var last = until?.AddDays(-1) ?? asOf.AddYears(40);
        yield return asOf;
        yield return last;
        var span = last.DayNumber - asOf.DayNumber;
        for (var i = 0; i < 4 && span > 0; i++) yield return asOf.AddDays(random.Next(1, span + 1));
    }
}
