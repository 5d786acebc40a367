using System.Text.Json;
using Screening.Data;
using Screening.Data.Ingest;
using Screening.Interop;

namespace Screening.App.Reliability;

/// <summary>
/// The ingest every consumer calls (JSON queues through MassTransit, HL7 v2 / FHIR through RabbitMQ.Client). A batch
/// runs in one transaction inside the <see cref="DependencyCircuit"/> (a database outage pauses it, however long). If
/// it fails for any other reason, it is split in halves and each half retried, down to the single unit that fails:
/// every good unit commits, and the bad one is stored as a reject with its payload — <c>unstorable</c> (status
/// rejected) when PostgreSQL refused its data, <c>processing-failed</c> (status faulted: a bug to look at, replayable)
/// otherwise. Nothing about a message's content ever reaches a <c>_error</c> queue. Ingest is idempotent, so a
/// retried half never double-counts.
/// </summary>
public sealed class IsolatingIngest(ClinicalRecordsIngest ingest, IngestConnections connections, DependencyCircuit circuit,
    TimeProvider time, ILogger<IsolatingIngest> logger)
{
    public Task<IngestSummary> IngestAsync(IngestBatch batch, CancellationToken ct) => circuit.RunAsync(token => IsolateAsync(batch, token), ct);

    private async Task<IngestSummary> IsolateAsync(IngestBatch batch, CancellationToken ct)
    {
        try
        {
            return await ingest.IngestAsync(batch, ct);
        }
        catch (Exception e) when (!Failures.IsTransient(e) && e is not OperationCanceledException)
        {
            var units = Units(batch);
            if (units.Count <= 1) return await StoreFailedUnitAsync(batch, e, ct);
            logger.LogWarning("A batch of {Units} units from {Source} failed ({Error}); splitting it to isolate the failing unit",
                units.Count, batch.Source, Failures.Describe(e));
            var half = units.Count / 2;
            var first = await IsolateAsync(Rebuild(batch, units[..half], keepIgnored: true), ct);
            var second = await IsolateAsync(Rebuild(batch, units[half..], keepIgnored: false), ct);
            return Add(first, second);
        }
    }

    private async Task<IngestSummary> StoreFailedUnitAsync(IngestBatch unit, Exception e, CancellationToken ct)
    {
        var content = Failures.IsUnstorableContent(e);
        var (reason, status) = content ? (RejectReasons.Unstorable, "rejected") : (RejectReasons.ProcessingFailed, "faulted");
        var (location, payload) = Describe(unit);
        var reject = new InputReject(reason, $"{Failures.Describe(e)} while storing this unit", location, payload);
        await using (var connection = await connections.OpenConnectionAsync(ct))
            await RejectWriter.WriteAsync(connection, null, unit.Source, "json", [reject], time.GetUtcNow(), ct, status);
        logger.LogWarning("One unit from {Source} could not be stored ({Error}); kept as a {Status} reject ({Reason})",
            unit.Source, Failures.Describe(e), status, reason);
        return new IngestSummary(0, 0, 0, new Dictionary<string, int> { [reason] = 1 }, 0, 0);
    }

    private static (string Location, string Payload) Describe(IngestBatch unit) =>
        unit.Results.Count == 1 ? (Id(unit.Results[0]?.SourceSystem, unit.Results[0]?.ResultId), Json(unit.Results[0]))
        : unit.Patients.Count == 1 ? ("patient", Typed("patient", unit.Patients[0]))
        : unit.Conditions.Count == 1 ? ("condition", Typed("condition", unit.Conditions[0]))
        : unit.Procedures.Count == 1 ? ("procedure", Typed("procedure", unit.Procedures[0]))
        : unit.Rejects.Count == 1 ? (unit.Rejects[0].Location, unit.Rejects[0].Payload)
        : ("batch", "{}");

    private static string Id(string? source, string? id) => $"{source}/{id}";
    private static string Json<T>(T value) => JsonSerializer.Serialize(value, JsonDefaults.Options);
    private static string Typed<T>(string type, T? value) where T : class => value is null ? "null" : UnitAcceptance.Json(type, value);

    /// <summary>Every unit of a batch as a one-unit batch of the same kind (patients first, so halves keep them early).</summary>
    private static List<IngestBatch> Units(IngestBatch b) =>
    [
        .. b.Patients.Select(p => b with { Patients = [p], Results = [], Conditions = [], Procedures = [], Rejects = [], Ignored = 0 }),
        .. b.Results.Select(r => b with { Patients = [], Results = [r], Conditions = [], Procedures = [], Rejects = [], Ignored = 0 }),
        .. b.Conditions.Select(c => b with { Patients = [], Results = [], Conditions = [c], Procedures = [], Rejects = [], Ignored = 0 }),
        .. b.Procedures.Select(p => b with { Patients = [], Results = [], Conditions = [], Procedures = [p], Rejects = [], Ignored = 0 }),
        .. b.Rejects.Select(r => b with { Patients = [], Results = [], Conditions = [], Procedures = [], Rejects = [r], Ignored = 0 }),
    ];

    private static IngestBatch Rebuild(IngestBatch b, List<IngestBatch> units, bool keepIgnored)
    {
        if (units.Count == 1 && !keepIgnored) return units[0];
        return b with
        {
            Patients = units.SelectMany(u => u.Patients).ToList(),
            Results = units.SelectMany(u => u.Results).ToList(),
            Conditions = units.SelectMany(u => u.Conditions).ToList(),
            Procedures = units.SelectMany(u => u.Procedures).ToList(),
            Rejects = units.SelectMany(u => u.Rejects).ToList(),
            Ignored = keepIgnored ? b.Ignored : 0,
        };
    }

    private static IngestSummary Add(IngestSummary a, IngestSummary b)
    {
        var reasons = new Dictionary<string, int>(a.RejectedByReason);
        foreach (var (reason, n) in b.RejectedByReason) reasons[reason] = reasons.GetValueOrDefault(reason) + n;
        return new IngestSummary(a.Accepted + b.Accepted, a.Duplicates + b.Duplicates, a.Ignored + b.Ignored, reasons,
            a.PatientsTouched + b.PatientsTouched, a.CriticalAlerts + b.CriticalAlerts);
    }
}
