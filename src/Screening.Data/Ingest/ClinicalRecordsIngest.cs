using Screening.Interop;
using Screening.Interop.Identity;
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
    CriticalAlerts criticalAlerts, IdentitySettings identity, ILogger<ClinicalRecordsIngest> logger)
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

        var unitRejects = new List<InputReject>();
        var keptPatients = UnitAcceptance.Keep(batch.Patients, UnitAcceptance.Patient, unitRejects);
        var keptConditions = UnitAcceptance.Keep(batch.Conditions, UnitAcceptance.Condition, unitRejects);
        var keptProcedures = UnitAcceptance.Keep(batch.Procedures, UnitAcceptance.Procedure, unitRejects);
        invalid.AddRange(unitRejects);
        rejects.AddRange(unitRejects);

        var referenced = accepted.Select(r => (r.PatientSystem, r.PatientId))
            .Concat(keptConditions.Select(d => (d.PatientSystem, d.PatientId))).Concat(keptProcedures.Select(p => (p.PatientSystem, p.PatientId)))
            .Where(r => !string.IsNullOrWhiteSpace(r.PatientId));

        var defaultSystem = identity.DefaultSystemOf(batch.Format);
        await using var connection = await connections.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (batch.InTransaction is { } hook) await hook(connection, tx, ct);
        await RejectWriter.WriteAsync(connection, tx, batch.Source, batch.Format, batch.Rejects, receivedAt, ct);
        // Validation rejects carry the result as canonical JSON (whatever the feed format), so replay reads them as json.
        await RejectWriter.WriteAsync(connection, tx, batch.Source, "json", invalid, receivedAt, ct);
        var identities = await PatientUpsert.UpsertAsync(connection, tx, identity, batch.Format, keptPatients, referenced, receivedAt, ct);
        var refused = IdentityRefusals.Of(identities, defaultSystem, ref accepted, keptConditions, keptProcedures,
            out var conditions, out var procedures);
        await RejectWriter.WriteAsync(connection, tx, batch.Source, "json", refused, receivedAt, ct);
        rejects.AddRange(refused);
        await PatientsUpsertedAsync(connection, tx, identities, defaultSystem, ct);
        var touched = new HashSet<long>(identities.UpdatedPatients);
        if (batch.Merges.Count > 0)
        {
            var (mergeRejects, survivors) = await MergeRequests.ApplyAsync(connection, tx, new Patients.PatientMerge(rules, clock), batch.Merges,
                defaultSystem, batch.Source, ct);
            await RejectWriter.WriteAsync(connection, tx, batch.Source, "json", mergeRejects, receivedAt, ct);
            rejects.AddRange(mergeRejects);
            touched.UnionWith(survivors);
        }
        long KeyOf(string? system, string id) => identities.KeyOf(system, id, defaultSystem)!.Value;
        var written = await ResultWriter.WriteAsync(connection, tx, accepted, KeyOf, receivedAt, ct);
        touched.UnionWith(written.TouchedPatients);
        touched.UnionWith(await FactWriter.WriteAsync(connection, tx, conditions, procedures, KeyOf, receivedAt, ct));

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

    /// <summary>
    /// THE HOOK POINT after identity: runs inside the batch's transaction once its patients are resolved and their
    /// demographics stored, with the keys of the patients this batch updated (sorted, locked). Attribution (branch i14b)
    /// is wired here: it reads <c>patient_demographics</c> (pcp_id, pcp_name, location, managing_organization, payer) and
    /// <c>patient_identifier</c> for these keys and sets the care team before state is recomputed and tasks are raised.
    /// </summary>
    private static Task PatientsUpsertedAsync(NpgsqlConnection connection, NpgsqlTransaction tx, PatientUpsert.Resolved identities,
        string defaultSystem, CancellationToken ct) =>
        PatientAttribution.AssignAsync(connection, tx, identities.UpdatedPatients.Select(k => (k, FeedAttributionFacts.Of(identities.Updates[k]) with
        {
            Identifiers = PatientReferences.Of(identities.Updates[k], defaultSystem)
                .Select(i => new Domain.Attribution.PatientIdentifier(i.System, i.Value)).ToArray(),
        })).ToList(), ct);
}
