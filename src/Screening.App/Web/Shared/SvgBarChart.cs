using System.Globalization;
using System.Text;

namespace Screening.App.Web.Shared;

/// <summary>A server-rendered horizontal stacked bar chart with a legend (dashboard counts).</summary>
public static class SvgBarChart
{
    private static readonly string[] Palette = ["#1f6feb", "#e8913a", "#2f9e63", "#9b59b6", "#b42318", "#5b6b7b"];

    public sealed record Bar(string Label, IReadOnlyList<long> Values);

    public static string Render(string title, IReadOnlyList<string> series, IReadOnlyList<Bar> bars, int width = 560)
    {
        if (bars.Count == 0) return $"<p class=\"muted\">{Html.E(title)}: nothing yet.</p>";
        const int labelWidth = 150, rowHeight = 22, top = 40, right = 60;
        var height = top + bars.Count * rowHeight + 8;
        var max = Math.Max(1, bars.Max(b => b.Values.Sum()));
        string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{Html.E(title)}\">");
        svg.Append($"<text x=\"4\" y=\"15\" font-size=\"13\" font-weight=\"600\" fill=\"#1d2733\">{Html.E(title)}</text>");
        var legendX = 4.0;
        for (var s = 0; s < series.Count && series.Count > 1; s++)
        {
            svg.Append($"<rect x=\"{F(legendX)}\" y=\"22\" width=\"10\" height=\"10\" fill=\"{Palette[s % Palette.Length]}\"/>");
            svg.Append($"<text x=\"{F(legendX + 14)}\" y=\"31\" font-size=\"10\" fill=\"#5b6b7b\">{Html.E(series[s])}</text>");
            legendX += 24 + series[s].Length * 6;
        }
        for (var i = 0; i < bars.Count; i++)
        {
            var y = top + i * rowHeight;
            svg.Append($"<text x=\"{labelWidth - 6}\" y=\"{y + 14}\" font-size=\"11\" text-anchor=\"end\" fill=\"#1d2733\">{Html.E(bars[i].Label)}</text>");
            double x = labelWidth;
            for (var s = 0; s < bars[i].Values.Count; s++)
            {
                var w = bars[i].Values[s] * (width - labelWidth - right) / (double)max;
                if (w <= 0) continue;
                svg.Append($"<rect x=\"{F(x)}\" y=\"{y + 3}\" width=\"{F(w)}\" height=\"{rowHeight - 6}\" fill=\"{Palette[s % Palette.Length]}\">");
                svg.Append($"<title>{Html.E(bars[i].Label)} · {Html.E(series.ElementAtOrDefault(s))}: {bars[i].Values[s]}</title></rect>");
                x += w;
            }
            svg.Append($"<text x=\"{F(x + 4)}\" y=\"{y + 14}\" font-size=\"10\" fill=\"#5b6b7b\">{bars[i].Values.Sum().ToString("N0", CultureInfo.InvariantCulture)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }
}
