using MassTransit;
using Screening.Contracts;
using Screening.App.Reliability;
using Screening.Data.Ingest;

namespace Screening.App.Messaging;

/// <summary>Demographics, care team and exclusions; batched like results.</summary>
public sealed class PatientUpdatesConsumer(IsolatingIngest ingest, IngestProgress progress) : IConsumer<Batch<PatientUpdated>>
{
    public async Task Consume(ConsumeContext<Batch<PatientUpdated>> context)
    {
        var patients = context.Message.Select(m => m.Message).ToList();
        await ingest.IngestAsync(new IngestBatch(Queues.Patients, "json", patients, [], [], [], []), context.CancellationToken);
        progress.Consumed(context.Message.Length);
    }
}
