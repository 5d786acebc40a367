using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Screening.Domain.Screening;
using Screening.Data.Platform;
using Screening.Domain.Codes;

namespace Screening.Data.Outreach;

/// <summary>
/// The one mapper between a finding and what is stored: the task's typed content (priority, due date, summary, evidence
/// key), the finding JSON for explainability (written and read only here), and a key that changes only with the evidence.
/// </summary>
public static class FindingStorage
{
    public static TaskContent ToTask(long patientKey, string careTeam, Finding finding) =>
        ToTask(patientKey, careTeam, finding, EvidenceKey(finding));

    /// <summary>As above, with the evidence key already computed (reconciliation computes it first to decide).</summary>
    public static TaskContent ToTask(long patientKey, string careTeam, Finding finding, string evidenceKey) => new(
        patientKey, finding.Rule, Priorities.Code(finding.Priority), careTeam, finding.Since, finding.DueDate, finding.Summary,
        Json(finding), evidenceKey, finding.RuleVersion);

    /// <summary>The finding as stored (<c>finding</c> jsonb of a task and of a met state): camelCase, enums as kebab-case.</summary>
    public static string Json(Finding finding) => JsonSerializer.Serialize(finding, JsonDefaults.Options);

    /// <summary>A stored finding; null if unreadable (written by an older shape).</summary>
    public static Finding? Read(string json)
    {
        try { return JsonSerializer.Deserialize<Finding>(json, JsonDefaults.Options); }
        catch (JsonException) { return null; }
        catch (NotSupportedException) { return null; }
    }

    /// <summary>The result ids a stored finding cites as evidence (to spot a retracted one); none if it is unreadable.</summary>
    public static string[] EvidenceResultIds(string? json) =>
        json is null || Read(json) is not { } finding ? [] : finding.Evidence.Select(e => e.ResultId).ToArray();

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
