namespace Screening.App.Messaging;

/// <summary>
/// The documented queues. Each has an exchange of the same name (fanout): any AMQP client may publish raw JSON
/// (camelCase contract fields, no envelope, no type header) to it; MassTransit publishers reach the same queue
/// through the message-type exchanges.
/// </summary>
public static class Queues
{
    /// <summary>One <c>LabResultReported</c> per message, raw JSON or MassTransit envelope.</summary>
    public const string Results = "screening.results";
    /// <summary>One <c>PatientUpdated</c> per message.</summary>
    public const string Patients = "screening.patients";
    /// <summary>One <c>ClinicalRecordsReported</c> batch per message (imports, demo, bulk producers).</summary>
    public const string Records = "screening.records";
}
