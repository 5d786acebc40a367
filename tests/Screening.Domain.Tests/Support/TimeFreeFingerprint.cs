using System.Text;
using Screening.Domain.Screening;

namespace Screening.Domain.Tests.Support;

/// <summary>
/// A complete textual form of a screening's outcomes without the two fields that merely restate the as-of date
/// (<see cref="Finding.AsOf"/> and the DXA detail <c>overdueDays</c>): equal texts mean "the same outcome" in the
/// sense of <see cref="PatientScreening.StableUntil"/>.
/// </summary>
public static class TimeFreeFingerprint
{
    public const string OverdueDays = "overdueDays";

    public static string Of(PatientScreening screening)
    {
        var text = new StringBuilder();
        foreach (var outcome in screening.Outcomes)
        {
            text.Append(outcome.Rule).Append('|').Append(outcome.Kind).Append('|').Append(outcome.Reason).Append('|').Append(outcome.DueDate).Append('\n');
            if (outcome.Finding is not { } f) continue;
            text.Append(f.PatientId).Append('|').Append(f.Rule).Append('|').Append(f.Since).Append('|').Append(f.Lowest).Append('|')
                .Append(f.Priority).Append('|').Append(f.RuleVersion).Append('|').Append(f.Summary).Append('|').Append(f.DueDate).Append('\n');
            foreach (var e in f.Evidence) text.Append("  e:").Append(e).Append('\n');
            foreach (var w in f.SuggestedWorkup) text.Append("  w:").Append(w).Append('\n');
            foreach (var (k, v) in f.Details.OrderBy(p => p.Key, StringComparer.Ordinal))
                if (k != OverdueDays) text.Append("  d:").Append(k).Append('=').Append(v).Append('\n');
            foreach (var (k, v) in f.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal)) text.Append("  p:").Append(k).Append('=').Append(v).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>"rule: kind/reason" for each rule, e.g. to describe what changed on a stable-until date.</summary>
    public static string Headline(PatientScreening screening)
        => string.Join("; ", screening.Outcomes.Select(o => $"{o.Rule}: {o.Kind}/{o.Reason}"));
}
