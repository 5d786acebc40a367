using MassTransit;
using Screening.Contracts;
using Screening.Data.Ingest;

namespace Screening.App.Messaging;

/// <summary>A batch message (import, demo, a bulk producer): one unit of work.</summary>
public sealed class ClinicalRecordsConsumer(ClinicalRecordsIngest ingest, IngestProgress progress) : IConsumer<ClinicalRecordsReported>
{
    public async Task Consume(ConsumeContext<ClinicalRecordsReported> context)
    {
        await ingest.IngestAsync(IngestBatch.Of(Queues.Records, "json", context.Message), context.CancellationToken);
        progress.Consumed(1);
    }
}
