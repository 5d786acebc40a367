using System.Text;
using Screening.Domain.Screening;

namespace Screening.Domain.Tests.Support;

/// <summary>A complete textual form of a screening, for comparing outcomes structurally.</summary>
public static class Fingerprint
{
    public static string Of(PatientScreening screening)
    {
        var text = new StringBuilder();
        foreach (var outcome in screening.Outcomes)
        {
            text.Append(outcome.Rule).Append('|').Append(outcome.Kind).Append('|').Append(outcome.Reason).Append('|').Append(outcome.DueDate).Append('\n');
            if (outcome.Finding is not { } f) continue;
            text.Append(f.Since).Append('|').Append(f.Lowest).Append('|').Append(f.Priority).Append('|').Append(f.Summary).Append('|').Append(f.DueDate).Append('\n');
            foreach (var e in f.Evidence) text.Append("  ").Append(e).Append('\n');
            foreach (var w in f.SuggestedWorkup) text.Append("  w:").Append(w).Append('\n');
            foreach (var (k, v) in f.Details.OrderBy(p => p.Key, StringComparer.Ordinal)) text.Append("  d:").Append(k).Append('=').Append(v).Append('\n');
            foreach (var (k, v) in f.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal)) text.Append("  p:").Append(k).Append('=').Append(v).Append('\n');
        }
        return text.ToString();
    }
}
