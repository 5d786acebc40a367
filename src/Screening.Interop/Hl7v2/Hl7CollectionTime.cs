namespace Screening.Interop.Hl7v2;

/// <summary>
/// Specimen collection time of one observation: OBX-14, else OBR-7 of its order, else SPM-17 of the order's
/// specimens. The first non-empty one must be a DTM with at least day precision.
/// </summary>
internal static class Hl7CollectionTime
{
    public static (DateTimeOffset? Value, string? Problem, string Where) Find(Hl7Segment obx, string at, Hl7Segment? obr, IReadOnlyList<Hl7Segment> specimens)
    {
        var candidates = new List<(string Text, string Where)> { (obx.Value(14), $"{at}-14") };
        if (obr is not null) candidates.Add((obr.Value(7), "OBR-7"));
        candidates.AddRange(specimens.Select((s, i) => (s.Value(17), $"SPM[{i + 1}]-17")));
        foreach (var (text, where) in candidates)
        {
            if (text.Length == 0) continue;
            return Hl7DateTime.Parse(text) is { } value
                ? (value, null, where)
                : (null, $"'{text}' is not an HL7 date/time with at least day precision", where);
        }
        return (null, "no collection time in OBX-14, OBR-7 or SPM-17", $"{at}-14");
    }
}
