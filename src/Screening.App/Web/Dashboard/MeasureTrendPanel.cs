using System.Globalization;
using System.Text;
using Screening.Domain.Measures;
using static Screening.App.Web.Shared.Html;

namespace Screening.App.Web.Dashboard;

/// <summary>
/// Dashboard panel: each quality measure's rate on the last 12 monthly as-of dates (server-rendered table), over the
/// patients of the viewer's teams (the overall rows of a team-filtered computation; admins see every team).
/// </summary>
public static class MeasureTrendPanel
{
    public const int Months = 12;

    public static string Render(IReadOnlyList<MeasureRate> rates)
    {
        var overall = rates.Where(r => r.Team == MeasureTally.Overall).ToList();
        var dates = overall.Select(r => r.AsOf).Distinct().Order().ToList();
        var sb = new StringBuilder("<h2>Quality measures, last 12 months</h2><table id=\"measure-trend\"><thead><tr><th>Measure</th><th>Better</th>");
        foreach (var d in dates) sb.Append("<th>").Append(D(d)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var measure in MeasureIds.All)
        {
            sb.Append("<tr><td>").Append(E(measure)).Append("</td><td>").Append(MeasureIds.HigherIsBetter(measure) ? "higher" : "lower").Append("</td>");
            foreach (var d in dates)
            {
                var r = overall.FirstOrDefault(x => x.AsOf == d && x.Measure == measure);
                var title = r is null ? "" : $"{r.Numerator} of {r.Eligible} (denominator {r.Denominator}, exclusions {r.Exclusions})";
                var text = r?.Rate is { } rate ? (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "–";
                sb.Append("<td title=\"").Append(E(title)).Append("\">").Append(text).Append("</td>");
            }
            sb.Append("</tr>");
        }
        return sb.Append("</tbody></table>").ToString();
    }
}
