using System.Globalization;
using Screening.Domain.Units;

namespace Screening.Domain.Rules;

/// <summary>Reads <c>$.dxa.intervals</c>: the T-score bands (descending, last one open) and the fixed intervals.</summary>
internal static class DxaIntervalsReader
{
    public static DxaIntervals Read(JsonSection parent)
    {
        var section = parent.Object("intervals");
        if (section is null) return new DxaIntervals { Bands = [], OlderAgeYears = 0, NoTScoreMonths = 0, SecondaryRiskMonths = 0, MinimumMonths = 0 };
        var bands = new List<DxaIntervalBand>();
        var items = section.Objects("bands");
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var name = item.Text("name", record: false);
            var above = item.OptionalDecimal("tScoreAbove", -10m, 10m, record: false);
            var months = item.Int("months", 1, 240, record: false);
            var older = item.OptionalDecimal("olderAgeMonths", 1m, 240m, record: false);
            item.Finish();
            var isLast = i == items.Count - 1;
            if (isLast && above is not null) section.Reader.Problem(item.At("tScoreAbove"), "the last band must be open (no tScoreAbove)");
            if (!isLast && above is null) section.Reader.Problem(item.At("tScoreAbove"), "missing: only the last band may be open");
            if (i > 0 && above is { } a && bands[^1].TScoreAbove is { } previous && a.CompareTo(previous.StandardDeviations) >= 0)
                section.Reader.Problem(item.At("tScoreAbove"), "out of order: bands must descend by tScoreAbove");
            var band = new DxaIntervalBand(name, above is { } t ? TScore.Of(t) : null, months, older is { } o ? (int)o : null);
            bands.Add(band);
            var text = string.Create(CultureInfo.InvariantCulture,
                $"{(above is { } x ? "T > " + x : "lower T")}: {months} months{(older is { } y ? $" ({y} months from the older age)" : "")}");
            section.Reader.Accept(item.Path + " (" + name + ")", text, section.SourceOf("bands"));
        }
        var olderAge = section.Int("olderAgeYears", 18, 130);
        var noT = section.Int("noTScoreMonths", 1, 240);
        var secondary = section.Int("secondaryRiskMonths", 1, 240);
        var minimum = section.Int("minimumMonths", 0, 240);
        section.Finish();
        return new DxaIntervals { Bands = bands, OlderAgeYears = olderAge, NoTScoreMonths = noT, SecondaryRiskMonths = secondary, MinimumMonths = minimum };
    }
}
