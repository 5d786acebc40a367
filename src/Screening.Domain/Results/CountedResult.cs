namespace Screening.Domain.Results;

/// <summary>A winning, countable, plausible result on or before as-of, with its value in the analyte's canonical unit.</summary>
internal readonly record struct CountedResult(LabObservation Source, Analyte Kind, decimal Value)
{
    public DateOnly Day => Source.CollectedOn;

    /// <summary>Day, then lowest value, then identity: a total order, so arrival order never changes the outcome.</summary>
    public static int ByDayThenValue(CountedResult a, CountedResult b)
    {
        var byDay = a.Day.CompareTo(b.Day);
        if (byDay != 0) return byDay;
        var byValue = a.Value.CompareTo(b.Value);
        if (byValue != 0) return byValue;
        var bySource = string.CompareOrdinal(a.Source.SourceSystem, b.Source.SourceSystem);
        return bySource != 0 ? bySource : string.CompareOrdinal(a.Source.ResultId, b.Source.ResultId);
    }
}
