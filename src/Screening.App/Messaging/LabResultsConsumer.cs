using MassTransit;
using Screening.Contracts;
using Screening.App.Reliability;
using Screening.Data.Ingest;

namespace Screening.App.Messaging;

/// <summary>Single-result messages, consumed in batches so state is recomputed once per batch, not per result.</summary>
public sealed class LabResultsConsumer(IsolatingIngest ingest, IngestProgress progress) : IConsumer<Batch<LabResultReported>>
{
    public async Task Consume(ConsumeContext<Batch<LabResultReported>> context)
    {
        var results = context.Message.Select(m => m.Message).ToList();
        await ingest.IngestAsync(new IngestBatch(Queues.Results, "json", [], results, [], [], []), context.CancellationToken);
        progress.Consumed(context.Message.Length);
    }
}
