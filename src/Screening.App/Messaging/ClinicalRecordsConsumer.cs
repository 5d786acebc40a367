using MassTransit;
using Screening.Data.Rejects;
using Screening.Contracts;
using Screening.App.Reliability;
using Screening.Data.Ingest;
using Screening.Interop;

namespace Screening.App.Messaging;

/// <summary>
/// A batch message (import, demo, a bulk producer): one unit of work. Reader rejects carried in the batch are stored
/// with it; when the sender asked for a reply (<c>screening import</c> does), the counts go back after the commit.
/// </summary>
public sealed class ClinicalRecordsConsumer(IsolatingIngest ingest, IngestProgress progress) : IConsumer<ClinicalRecordsReported>
{
    public async Task Consume(ConsumeContext<ClinicalRecordsReported> context)
    {
        var message = context.Message;
        var rejects = (message.Rejects ?? []).OfType<ReportedReject>().Select(r => new InputReject(r.ReasonCode ?? RejectReasons.Unparseable, r.Detail ?? "", r.Location ?? "", PayloadText.Clean(r.Payload ?? ""))).ToList();
        var batch = new IngestBatch(Queues.Records, FeedFormats.Normalize(message.Format), message.Patients ?? [], message.Results ?? [],
            message.Conditions ?? [], message.Procedures ?? [], rejects, Math.Max(0, message.Ignored)) { Merges = message.Merges ?? [] };
        var summary = await ingest.IngestAsync(batch, context.CancellationToken);
        progress.Consumed(1);
        if (context.ResponseAddress is not null)
            await context.RespondAsync(new ClinicalRecordsIngested
            {
                BatchId = message.BatchId, Accepted = summary.Accepted, Duplicates = summary.Duplicates, Ignored = summary.Ignored,
                RejectedByReason = summary.RejectedByReason, PatientsTouched = summary.PatientsTouched,
            });
    }
}
