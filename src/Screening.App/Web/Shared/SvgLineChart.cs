using System.Globalization;
using System.Text;

namespace Screening.App.Web.Shared;

/// <summary>A server-rendered SVG chart of one analyte over time: a line, the threshold, and evidence points marked.</summary>
public static class SvgLineChart
{
    public sealed record Point(DateOnly On, decimal Value, bool IsEvidence, string Label);

    public static string Render(string title, string unit, IReadOnlyList<Point> points, decimal? threshold, int width = 620, int height = 230)
    {
        if (points.Count == 0) return $"<p class=\"muted\">No {Html.E(title.ToLowerInvariant())} results on file.</p>";
        const int left = 48, right = 14, top = 26, bottom = 34;
        var ordered = points.OrderBy(p => p.On).ToList();
        var first = ordered[0].On.DayNumber; var last = Math.Max(ordered[^1].On.DayNumber, first + 1);
        var values = ordered.Select(p => (double)p.Value).Concat(threshold is { } t ? [(double)t] : []).ToList();
        var min = values.Min(); var max = values.Max(); var pad = Math.Max((max - min) * 0.12, 0.2); min -= pad; max += pad;
        double X(int day) => left + (day - first) * (width - left - right) / (double)(last - first);
        double Y(double v) => top + (max - v) * (height - top - bottom) / (max - min);
        string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{Html.E(title)}\">");
        svg.Append($"<title>{Html.E(title)} ({Html.E(unit)})</title>");
        svg.Append($"<text x=\"{left}\" y=\"16\" font-size=\"13\" font-weight=\"600\" fill=\"#1d2733\">{Html.E(title)} ({Html.E(unit)})</text>");
        for (var i = 0; i <= 4; i++)
        {
            var v = min + (max - min) * i / 4; var y = Y(v);
            svg.Append($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{F(y)}\" y2=\"{F(y)}\" stroke=\"#eef2f6\"/>");
            svg.Append($"<text x=\"{left - 6}\" y=\"{F(y + 4)}\" font-size=\"10\" text-anchor=\"end\" fill=\"#5b6b7b\">{v.ToString("0.0", CultureInfo.InvariantCulture)}</text>");
        }
        foreach (var (day, anchor) in new[] { (first, "start"), ((first + last) / 2, "middle"), (last, "end") })
            svg.Append($"<text x=\"{F(X(day))}\" y=\"{height - 12}\" font-size=\"10\" text-anchor=\"{anchor}\" fill=\"#5b6b7b\">{DateOnly.FromDayNumber(day):yyyy-MM-dd}</text>");
        if (threshold is { } limit)
        {
            var y = F(Y((double)limit));
            svg.Append($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#b42318\" stroke-dasharray=\"6 4\" stroke-width=\"1.5\"/>");
            svg.Append($"<text x=\"{width - right}\" y=\"{F(Y((double)limit) - 4)}\" font-size=\"10\" text-anchor=\"end\" fill=\"#b42318\">threshold &lt; {Html.N(limit)} {Html.E(unit)}</text>");
        }
        svg.Append("<polyline fill=\"none\" stroke=\"#1f6feb\" stroke-width=\"1.8\" points=\"")
           .AppendJoin(' ', ordered.Select(p => $"{F(X(p.On.DayNumber))},{F(Y((double)p.Value))}")).Append("\"/>");
        foreach (var p in ordered)
        {
            var (x, y) = (F(X(p.On.DayNumber)), F(Y((double)p.Value)));
            svg.Append(p.IsEvidence
                ? $"<circle cx=\"{x}\" cy=\"{y}\" r=\"5.5\" fill=\"#b42318\" stroke=\"#fff\" stroke-width=\"1.5\" class=\"evidence\">"
                : $"<circle cx=\"{x}\" cy=\"{y}\" r=\"3\" fill=\"#1f6feb\">");
            svg.Append($"<title>{Html.E(p.Label)}</title></circle>");
        }
        svg.Append($"<circle cx=\"{width - 150}\" cy=\"12\" r=\"4.5\" fill=\"#b42318\"/><text x=\"{width - 142}\" y=\"16\" font-size=\"10\" fill=\"#5b6b7b\">evidence for this task</text>");
        return svg.Append("</svg>").ToString();
    }
}
