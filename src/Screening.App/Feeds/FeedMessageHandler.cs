using Screening.App.Reliability;
using Screening.Data.Ingest;
using Screening.Data.Rejects;
using Screening.Interop.Mapping;

namespace Screening.App.Feeds;

/// <summary>
/// One HL7 v2 / FHIR message body → one unit of work: read with the format's reader (never throws: bad input becomes
/// rejects with the raw payload), then one <see cref="IngestBatch"/> in one transaction. Database failures propagate
/// so the transport retries; ingest is idempotent, so a redelivery never double-counts.
/// </summary>
public sealed class FeedMessageHandler(IsolatingIngest ingest, LocalCodeMap codes)
{
    public Task<IngestSummary> HandleAsync(FeedQueue queue, ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        var outcome = PayloadReader.ReadBody(queue.Format, body.Span, codes);
        return ingest.IngestAsync(new IngestBatch(queue.Name, queue.Format, outcome.Patients, outcome.Results, outcome.Conditions,
            outcome.Procedures, outcome.Rejects, outcome.Ignored) { Merges = outcome.Merges }, ct);
    }
}
