namespace Screening.Domain.Rules;

/// <summary>Reads minCount, minSpanDays, maxGapDays and recencyDays of a persistence rule section.</summary>
internal static class PersistenceReader
{
    public static PersistenceParameters Read(JsonSection section)
    {
        var minCount = section.Int("minCount", 1, 100);
        var minSpan = section.Int("minSpanDays", 0, 3650);
        var maxGap = section.Int("maxGapDays", 1, 3650);
        var recency = section.Int("recencyDays", 1, 3650);
        if (minCount < 2 && minSpan > 0) section.Reader.Problem(section.At("minCount"), "out of range: a span needs at least 2 values");
        return new PersistenceParameters(minCount, minSpan, maxGap, recency);
    }
}
