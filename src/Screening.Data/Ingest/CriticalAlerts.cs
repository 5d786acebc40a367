using Npgsql;
using Screening.Data.Outreach;
using Screening.Data.Platform;
using Screening.Data.Screen;
using Screening.Domain.Results;
using Screening.Domain.Screening;
using Screening.Domain.Codes;
using Screening.Domain.Catalog;

namespace Screening.Data.Ingest;

/// <summary>
/// Severe single values (clinical-rules §9.1 "Severe values") open an urgent <c>critical-value</c> task at ingest
/// time, not at night, and announce CriticalResultDetected through the task outbox. A further severe value while
/// that task is open adds a new alert event to the same task. Deceased patients are not alerted.
/// </summary>
public sealed class CriticalAlerts(ActiveRules rules)
{
    public async Task<int> RaiseAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<ResultWriter.NewCurrent> newResults,
        IReadOnlyDictionary<long, PatientRecord> records, CancellationToken ct)
    {
        // All alerts of the batch go in one round trip; statements run in order, so a second severe value of the same
        // patient in the batch adds its event to the task the first one opened.
        await using var batch = new NpgsqlBatch(c, tx);
        foreach (var row in newResults)
        {
            if (row.CanonicalValue is not { } value || !records.TryGetValue(row.PatientKey, out var record)) continue;
            if (record.Patient.DeceasedDate is not null) continue;
            var observation = new LabObservation(row.SourceSystem, row.ResultId, row.Id, row.Loinc, value, row.CanonicalUnit ?? "",
                row.CollectedOn, ResultStatusNames.Parse(row.Status) ?? ResultStatus.Unknown,
                EncounterClasses.Parse(row.EncounterClass) ?? EncounterSetting.Outpatient, row.ReferenceLow, row.ReferenceHigh);
            if (CriticalValues.Detect(observation, rules.Rules) is not { } critical) continue;
            batch.BatchCommands.Add(Alert(row.PatientKey, record.Patient.CareTeam ?? "unassigned", critical));
        }
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(ct);
        return batch.BatchCommands.Count;
    }

    private NpgsqlBatchCommand Alert(long patientKey, string careTeam, CriticalValue critical)
    {
        var evidence = new EvidenceItem(critical.SourceSystem, critical.ResultId, critical.Loinc, critical.Value, critical.Unit, critical.CollectedOn,
            $"below {critical.Limit} {critical.Unit}");
        var finding = new Finding(patientKey.ToString(System.Globalization.CultureInfo.InvariantCulture), RuleIds.CriticalValue, critical.CollectedOn,
            critical.CollectedOn, new MeasuredValue(critical.Value, critical.Unit, critical.CollectedOn), [evidence], Priority.Urgent, rules.Version,
            critical.Summary, RuleCatalog.CriticalValue.Workup(rules.Rules),
            new Dictionary<string, string> { ["limit"] = $"{critical.Limit} {critical.Unit}" }, new Dictionary<string, string> { ["analyte"] = critical.Analyte });
        var detail = TaskEventDetails.Write(new CriticalAlertDetail(critical.Analyte, critical.Value, critical.Unit, critical.CollectedOn));
        var content = FindingStorage.ToTask(patientKey, careTeam, finding);
        var cmd = new NpgsqlBatchCommand($"""
            WITH opened AS (
                INSERT INTO outreach_task (patient_key, rule_id, status, priority, care_team, since, summary, finding, evidence_key, rule_version)
                VALUES ($1, $2, 'open', 'urgent', $3, $4, $5, $6::jsonb, $7, $8)
                ON CONFLICT (patient_key, rule_id) WHERE status IN {TaskStatuses.OpenSqlList} DO NOTHING
                RETURNING id),
            target AS (
                SELECT id FROM opened
                UNION ALL
                SELECT id FROM outreach_task
                WHERE patient_key = $1 AND rule_id = $2 AND status IN {TaskStatuses.OpenSqlList} AND NOT EXISTS (SELECT 1 FROM opened))
            INSERT INTO outreach_task_event (task_id, kind, actor, detail, publish)
            SELECT id, 'critical', 'ingest', $9::jsonb, true FROM target
            """);
        cmd.Parameters.AddWithValue(patientKey);
        cmd.Parameters.AddWithValue(RuleIds.CriticalValue);
        cmd.Parameters.AddWithValue(careTeam);
        cmd.Parameters.AddWithValue(critical.CollectedOn);
        cmd.Parameters.AddWithValue(content.Summary);
        cmd.Parameters.AddWithValue(content.FindingJson);
        cmd.Parameters.AddWithValue(content.EvidenceKey);
        cmd.Parameters.AddWithValue(content.RuleVersion);
        cmd.Parameters.AddWithValue(detail);
        return cmd;
    }
}
