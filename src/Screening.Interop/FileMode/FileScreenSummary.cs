using System.Text;

namespace Screening.Interop.FileMode;

/// <summary>Counts of one file-mode screen, printed by the CLI to stderr. No patient data.</summary>
public sealed record FileScreenSummary(
    int Sources,
    int Patients,
    int ResultsAccepted,
    int ResultsSuperseded,
    IReadOnlyDictionary<string, int> RejectedByReason,
    int Ignored,
    IReadOnlyDictionary<string, int> FindingsByRule)
{
    public int Rejected => RejectedByReason.Values.Sum();

    public string Describe()
    {
        var text = new StringBuilder();
        text.Append($"sources: {Sources}, patients: {Patients}, results accepted: {ResultsAccepted}");
        text.Append($" (superseded by a later version: {ResultsSuperseded}), ignored: {Ignored}, rejected: {Rejected}\n");
        foreach (var (reason, count) in RejectedByReason.OrderBy(p => p.Key, StringComparer.Ordinal)) text.Append($"  rejected {reason}: {count}\n");
        foreach (var (rule, count) in FindingsByRule.OrderBy(p => p.Key, StringComparer.Ordinal)) text.Append($"  findings {rule}: {count}\n");
        return text.ToString();
    }
}
