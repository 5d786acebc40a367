using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Screening.Domain.Screening;
using Screening.Data.Platform;
using Screening.Domain.Codes;

namespace Screening.Data.Outreach;

/// <summary>How a finding is stored on a task: JSON for explainability, and a key that changes only with the evidence.</summary>
public static class FindingStorage
{
    public static TaskContent ToTask(long patientKey, string careTeam, Finding finding) =>
        ToTask(patientKey, careTeam, finding, EvidenceKey(finding));

    /// <summary>As above, with the evidence key already computed (reconciliation computes it first to decide).</summary>
    public static TaskContent ToTask(long patientKey, string careTeam, Finding finding, string evidenceKey) => new(
        patientKey, finding.Rule, Priorities.Code(finding.Priority), careTeam, finding.Since, finding.DueDate, finding.Summary,
        JsonSerializer.Serialize(finding, JsonDefaults.Options), evidenceKey, finding.RuleVersion);

    /// <summary>Everything that should make a care team look again (not the as-of date, which moves every night).</summary>
    public static string EvidenceKey(Finding f)
    {
        var sb = new StringBuilder();
        sb.Append(f.Rule).Append('|').Append(f.Since?.ToString("O")).Append('|').Append(f.DueDate?.ToString("O"))
          .Append('|').Append(f.Priority).Append('|').Append(f.RuleVersion).Append('|')
          .Append(f.Lowest?.Value.ToString(CultureInfo.InvariantCulture)).Append(f.Lowest?.Unit).Append('|');
        foreach (var e in f.Evidence.OrderBy(e => e.SourceSystem, StringComparer.Ordinal).ThenBy(e => e.ResultId, StringComparer.Ordinal))
            sb.Append(e.SourceSystem).Append('/').Append(e.ResultId).Append(';');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..32];
    }
}
