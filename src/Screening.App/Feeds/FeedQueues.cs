using RabbitMQ.Client;
using Screening.Data.Rejects;

namespace Screening.App.Feeds;

/// <summary>One non-JSON feed queue: its name (= its fanout exchange) and the format its bodies are read as.</summary>
public sealed record FeedQueue(string Name, string Format)
{
    /// <summary>Where a message goes after <see cref="Reliability.ReliabilityPolicy.DeliveryLimit"/> failed deliveries (kept, never dropped).</summary>
    public string DeadLetter => Reliability.ReliabilityPolicy.DeadLetter(Name);
}

/// <summary>
/// The documented HL7 v2 and FHIR queues. Any AMQP client publishes the body as is (no envelope, no content type
/// needed) to the exchange of the same name. Queues are quorum queues with a delivery limit; a message that keeps
/// failing (e.g. the database is down for minutes) is dead-lettered to <c>&lt;queue&gt;.dead</c>, never dropped.
/// </summary>
public static class FeedQueues
{
    /// <summary>Body: one HL7 v2 message (ORU^R01, ADT^A04/A08/A31), an MLLP-framed stream, or an FHS/BHS batch file.</summary>
    public static readonly FeedQueue Hl7v2 = new("screening.hl7v2", FeedFormats.Hl7v2);
    /// <summary>Body: one FHIR R4 resource (Observation, Patient, Condition, Procedure), a Bundle, or FHIR NDJSON.</summary>
    public static readonly FeedQueue Fhir = new("screening.fhir", FeedFormats.Fhir);

    public static readonly IReadOnlyList<FeedQueue> All = [Hl7v2, Fhir];

    /// <summary>Declares exchange → quorum queue (+ its dead-letter exchange and queue), as every input queue is.</summary>
    public static Task DeclareAsync(IChannel channel, FeedQueue queue, CancellationToken ct) => Reliability.QueueTopology.DeclareAsync(channel, queue.Name, ct);
}
