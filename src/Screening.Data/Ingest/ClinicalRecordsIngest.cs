using Screening.Interop;
using Microsoft.Extensions.Logging;
using Npgsql;
using Screening.Data.Platform;
using Screening.Data.Screen;
using Screening.Data.Attribution;
using Screening.Domain.Screening;

namespace Screening.Data.Ingest;

/// <summary>
/// Stores one unit of ingest work in one transaction: rejects (with reason and payload), patients (and their care team,
/// by attribution), diagnoses,
/// procedures, result versions; then recomputes per-patient state with the pure rules for exactly the patients
/// the batch touched, and raises critical-value alerts. Running the same batch twice changes nothing.
/// </summary>
public sealed class ClinicalRecordsIngest(IngestConnections connections, ActiveRules rules, ScreeningClock clock,
    CriticalAlerts criticalAlerts, ILogger<ClinicalRecordsIngest> logger)
{
    public async Task<IngestSummary> IngestAsync(IngestBatch batch, CancellationToken ct)
    {
        var receivedAt = clock.Now;
        var accepted = new List<AcceptedResult>(batch.Results.Count);
        var rejects = new List<InputReject>(batch.Rejects);
        var invalid = new List<InputReject>();
        var ignored = batch.Ignored;
        foreach (var result in batch.Results)
            switch (ResultAcceptance.Evaluate(result, receivedAt, rules.Rules))
            {
                case ResultAcceptance.Verdict.Store a: accepted.Add(a.Result); break;
                case ResultAcceptance.Verdict.Reject r: invalid.Add(r.Record); rejects.Add(r.Record); break;
                default: ignored++; break;
            }

        var referenced = accepted.Select(r => r.PatientId)
            .Concat(batch.Conditions.Select(d => d.PatientId)).Concat(batch.Procedures.Select(p => p.PatientId))
            .Where(id => !string.IsNullOrWhiteSpace(id));

        await using var connection = await connections.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (batch.InTransaction is { } hook) await hook(connection, tx, ct);
        await RejectWriter.WriteAsync(connection, tx, batch.Source, batch.Format, batch.Rejects, receivedAt, ct);
        // Validation rejects carry the result as canonical JSON (whatever the feed format), so replay reads them as json.
        await RejectWriter.WriteAsync(connection, tx, batch.Source, "json", invalid, receivedAt, ct);
        var keys = await PatientUpsert.UpsertAsync(connection, tx, batch.Patients, referenced, receivedAt, ct);
        await PatientAttribution.AssignAsync(connection, tx,
            batch.Patients.Select(p => (keys[p.PatientId.Trim()], FeedAttributionFacts.Of(p))).ToList(), ct);
        var touched = new HashSet<long>(batch.Patients.Select(p => keys[p.PatientId.Trim()]));
        var written = await ResultWriter.WriteAsync(connection, tx, accepted, keys, receivedAt, ct);
        touched.UnionWith(written.TouchedPatients);
        touched.UnionWith(await FactWriter.WriteAsync(connection, tx, batch.Conditions, batch.Procedures, keys, receivedAt, ct));

        var today = clock.Today;
        var records = await PatientRecordLoader.LoadAsync(connection, tx, touched.Order().ToArray(), ct);
        var screenings = records.Select(r => (r.Key, Domain.Screening.Screen.Evaluate(r.Value, rules.Rules, today))).ToList();
        await ConditionStateWriter.WriteAsync(connection, tx, screenings, rules, ct);
        var alerts = await criticalAlerts.RaiseAsync(connection, tx, written.NewCurrent, records, ct);
        await tx.CommitAsync(ct);

        var summary = new IngestSummary(written.Inserted, accepted.Count - written.Inserted, ignored,
            rejects.GroupBy(r => r.ReasonCode).ToDictionary(g => g.Key, g => g.Count()), touched.Count, alerts);
        logger.LogInformation(
            "Ingested batch from {Source} ({Format}): {Accepted} new, {Duplicates} duplicate, {Ignored} ignored, {Rejected} rejected, {Patients} patients recomputed, {Critical} critical alerts",
            batch.Source, batch.Format, summary.Accepted, summary.Duplicates, summary.Ignored, summary.Rejected, summary.PatientsTouched, alerts);
        return summary;
    }
}
