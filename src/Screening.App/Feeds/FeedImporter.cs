using System.Diagnostics;
using MassTransit;
using Screening.App.Messaging;
using Screening.Contracts;
using Screening.Data.Rejects;
using Screening.Interop;
using Screening.Interop.FileMode;
using Screening.Interop.Mapping;

namespace Screening.App.Feeds;

/// <summary>What to import: a file or directory, its format (null = detect), units per batch message.</summary>
public sealed record ImportRequest(string Path, InputFormat? Format = null, int BatchSize = 500)
{
    /// <summary>How long to wait for a worker's reply to one batch before counting it as unconfirmed.</summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromMinutes(10);
    /// <summary>Batches published and not yet confirmed (back-pressure: memory stays flat, the queue stays short).</summary>
    public int InFlight { get; init; } = 4;
}

/// <summary>
/// <c>screening import</c>: streams files through the readers and publishes each batch (facts, the reader's rejects
/// with their payloads, the ignored count, the format) as one <see cref="ClinicalRecordsReported"/> request to the
/// <c>screening.records</c> exchange, and collects each worker's <see cref="ClinicalRecordsIngested"/> reply for the
/// summary. Any process consuming the queue answers (a separate worker or this one). Re-running is safe: results are
/// stored by identity and content, rejects once per (payload, reason, location).
/// </summary>
public sealed class FeedImporter(IBus bus, Options.RabbitMqOptions rabbit, ILogger<FeedImporter> logger)
{
    public async Task<ImportSummary> RunAsync(ImportRequest request, LocalCodeMap codes, Action<ImportProgress>? progress, CancellationToken ct)
    {
        var sources = InputDetection.Sources(request.Path, request.Format);
        // The queue and its dead-letter target exist before the first publish, worker or not: nothing is published into the void.
        await Reliability.QueueTopology.EnsureAsync(rabbit.Url!, ct);
        var estimate = ImportEstimate.Units(sources);
        var summary = new ImportSummary { Sources = sources.Count };
        var client = bus.CreateRequestClient<ClinicalRecordsReported>(new Uri($"exchange:{Queues.Records}"), RequestTimeout.After(ms: (int)request.ReplyTimeout.TotalMilliseconds));
        var clock = Stopwatch.StartNew();
        var gate = new SemaphoreSlim(Math.Max(1, request.InFlight));
        var pending = new List<Task>();
        var sync = new object();
        long confirmedUnits = 0;
        var headers = new RowHeaders();

        void Report() => progress?.Invoke(new ImportProgress(summary.UnitsRead, confirmedUnits, summary.Batches, summary.Confirmed, estimate, clock.Elapsed));

        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (source, outcome) in FileImport.Batches(request.Path, request.Format, codes, request.BatchSize))
        {
            foreach (var chunk in Split(outcome, request.BatchSize))
            {
                ct.ThrowIfCancellationRequested();
                var name = Path.GetFileName(source.Path.TrimEnd(Path.DirectorySeparatorChar));
                numbers[name] = numbers.GetValueOrDefault(name) + 1;
                var message = ToMessage($"{name}#{numbers[name]}", source, chunk, headers);
                var units = Units(chunk);
                await gate.WaitAsync(ct);
                lock (sync)
                {
                    summary.Batches++;
                    summary.UnitsRead += units;
                }
                pending.Add(SendAsync(message, units));
                pending.RemoveAll(t => t.IsCompleted);
            }
        }
        await Task.WhenAll(pending);
        summary.Elapsed = clock.Elapsed;
        Report();
        logger.LogInformation("Import of {Sources} source(s): {Batches} batches, {Units} units in {Seconds:F1} s; {Accepted} new, {Duplicates} duplicate, {Rejected} rejected, {Ignored} ignored, {Unconfirmed} unconfirmed",
            summary.Sources, summary.Batches, summary.UnitsRead, summary.Elapsed.TotalSeconds, summary.Accepted, summary.Duplicates, summary.Rejected,
            summary.Ignored, summary.Unconfirmed);
        return summary;

        async Task SendAsync(ClinicalRecordsReported message, int units)
        {
            try
            {
                // No time-to-live on data: an unanswered batch stays queued until a worker stores it (MassTransit would
                // otherwise set the message expiration to the reply timeout and the broker would drop it).
                var reply = await client.GetResponse<ClinicalRecordsIngested>(message, x => x.TimeToLive = RequestTimeout.None, ct);
                lock (sync)
                {
                    summary.Add(reply.Message);
                    confirmedUnits += units;
                }
            }
            catch (RequestTimeoutException)
            {
                lock (sync) summary.Unconfirmed++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                lock (sync)
                {
                    summary.Failed++;
                    summary.FirstError ??= ex.GetType().Name + ": " + ex.Message;
                }
            }
            finally
            {
                gate.Release();
                lock (sync) Report();
            }
        }
    }

    private static int Units(ReadOutcome o) => o.Patients.Count + o.Results.Count + o.Conditions.Count + o.Procedures.Count + o.Rejects.Count + o.Ignored;

    private static ClinicalRecordsReported ToMessage(string batchId, InputSource source, ReadOutcome outcome, RowHeaders headers) => new()
    {
        BatchId = batchId,
        Format = FormatName(source.Format),
        Patients = outcome.Patients,
        Results = outcome.Results,
        Conditions = outcome.Conditions,
        Procedures = outcome.Procedures,
        Ignored = outcome.Ignored,
        Rejects = outcome.Rejects.Select(r => new ReportedReject
        {
            ReasonCode = r.ReasonCode, Detail = r.Detail, Location = r.Location, Payload = headers.Replayable(source, r),
        }).ToList(),
    };

    public static string FormatName(InputFormat format) => format switch
    {
        InputFormat.Hl7v2 => FeedFormats.Hl7v2,
        InputFormat.Fhir => FeedFormats.Fhir,
        InputFormat.Csv => FeedFormats.Csv,
        InputFormat.Synthea => FeedFormats.Synthea,
        _ => FeedFormats.Ndjson,
    };

    /// <summary>A reader outcome of a whole file (an HL7 batch file, a big Bundle) split into messages of at most <paramref name="size"/> units.</summary>
    internal static IEnumerable<ReadOutcome> Split(ReadOutcome outcome, int size)
    {
        if (Units(outcome) <= size) { yield return outcome; yield break; }
        var items = outcome.Patients.Cast<object>().Concat(outcome.Results).Concat(outcome.Conditions).Concat(outcome.Procedures).Concat(outcome.Rejects);
        var first = true;
        foreach (var chunk in items.Chunk(Math.Max(1, size)))
        {
            yield return new ReadOutcome
            {
                Patients = chunk.OfType<PatientUpdated>().ToList(),
                Results = chunk.OfType<LabResultReported>().ToList(),
                Conditions = chunk.OfType<ConditionReported>().ToList(),
                Procedures = chunk.OfType<ProcedureReported>().ToList(),
                Rejects = chunk.OfType<InputReject>().ToList(),
                Ignored = first ? outcome.Ignored : 0,
            };
            first = false;
        }
        if (first) yield return outcome; // only ignored units
    }

    /// <summary>
    /// CSV and Synthea readers reject a row with the row alone as payload; the reject store keeps the file's header line
    /// in front of it so a replay can read the row again (columns by name).
    /// </summary>
    private sealed class RowHeaders
    {
        private readonly Dictionary<string, string?> cache = new(StringComparer.Ordinal);

        public string Replayable(InputSource source, InputReject reject)
        {
            if (reject.Payload.Length == 0 || source.Format is not (InputFormat.Csv or InputFormat.Synthea)) return reject.Payload;
            var file = source.Format == InputFormat.Csv ? source.Path : Path.Combine(source.Path, reject.Location.Split(':', 2)[0].Trim());
            if (!cache.TryGetValue(file, out var header)) cache[file] = header = FirstLine(file);
            return header is null || reject.Payload.StartsWith(header, StringComparison.Ordinal) ? reject.Payload : header + "\n" + reject.Payload;
        }

        private static string? FirstLine(string file)
        {
            if (!File.Exists(file)) return null;
            using var reader = new StreamReader(file, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadLine()?.TrimStart('\uFEFF');
        }
    }
}
