namespace Screening.Domain.Measures;

/// <summary>Counts per (as-of, measure, team) while the population streams past; memory grows with teams, not patients.</summary>
public sealed class MeasureTally
{
    /// <summary>The team name of the all-teams rows.</summary>
    public const string Overall = "(all)";

    private readonly Dictionary<(DateOnly AsOf, string Measure, string Team), int[]> counts = [];

    public void Add(DateOnly asOf, string team, IEnumerable<MeasureOutcome> outcomes)
    {
        foreach (var outcome in outcomes)
        {
            if (outcome.Status == MeasureStatus.NotInDenominator) continue;
            Count(asOf, outcome, team);
            Count(asOf, outcome, Overall);
        }
    }

    private void Count(DateOnly asOf, MeasureOutcome outcome, string team)
    {
        if (!counts.TryGetValue((asOf, outcome.Measure, team), out var c)) counts[(asOf, outcome.Measure, team)] = c = new int[3];
        c[0]++;
        if (outcome.Status == MeasureStatus.Excluded) c[1]++;
        if (outcome.Status == MeasureStatus.Numerator) c[2]++;
    }

    /// <summary>
    /// Every measure for every as-of date, overall first then teams in name order; a measure with an empty
    /// denominator still gets an overall row of zeros.
    /// </summary>
    public IReadOnlyList<MeasureRate> Rates(IEnumerable<DateOnly> asOfDates)
    {
        var rows = new List<MeasureRate>();
        var teams = counts.Keys.Select(k => k.Team).Where(t => t != Overall).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Prepend(Overall).ToList();
        foreach (var asOf in asOfDates.Order())
            foreach (var team in teams)
                foreach (var measure in MeasureIds.All)
                {
                    if (counts.TryGetValue((asOf, measure, team), out var c)) rows.Add(new MeasureRate(asOf, measure, team, c[0], c[1], c[2]));
                    else if (team == Overall) rows.Add(new MeasureRate(asOf, measure, team, 0, 0, 0));
                }
        return rows;
    }

    /// <summary>The last <paramref name="months"/> monthly as-of dates ending at <paramref name="asOf"/> (same day, clamped to month end).</summary>
    public static IReadOnlyList<DateOnly> MonthlyDates(DateOnly asOf, int months) =>
        Enumerable.Range(0, months).Select(i => asOf.AddMonths(-i)).Reverse().ToList();
}
