using Screening.Domain.Codes;
namespace Screening.Interop.Hl7v2;

/// <summary>ADT^A04/A08/A31 → one patient update from PID; every other ADT event is counted as ignored.</summary>
internal static class AdtReader
{
    private static readonly HashSet<string> PatientEvents = ["A04", "A08", "A31"];

    public static void Read(Hl7Message message, ReadOutcomeBuilder output)
    {
        if (!PatientEvents.Contains(message.TriggerEvent))
        {
            output.Ignored++;
            return;
        }
        var pid = message.Segments.FirstOrDefault(s => s.Name == "PID");
        if (pid is null || Hl7Patient.PatientId(pid).Length == 0)
        {
            output.Rejects.Add(message.Reject(RejectReasons.UnknownPatientId, "ADT message without a PID-3 patient identifier", "PID-3"));
            return;
        }
        var source = message.SendingSource;
        if (source.Length == 0)
        {
            output.Rejects.Add(message.Reject(RejectReasons.MissingField, "MSH-4 sending facility and MSH-3 sending application are empty", "MSH-4"));
            return;
        }
        output.Patients.Add(Hl7Patient.ToPatient(pid, source));
    }
}
