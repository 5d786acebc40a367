namespace Screening.Interop.Hl7v2;

/// <summary>ADT^A04/A08/A31 → one patient update from PID; ADT^A40 also a merge (MRG-1 into PID-3); every other ADT event is counted as ignored.</summary>
internal static class AdtReader
{
    private static readonly HashSet<string> PatientEvents = ["A04", "A08", "A31", "A40"];

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
        output.Patients.Add(Hl7Patient.ToPatient(pid, source, message.Segments));
        if (message.TriggerEvent != "A40") return;
        // ADT^A40 merge patient: MRG-1 (prior patient identifier list) is merged into PID-3.
        var mrg = message.Segments.FirstOrDefault(s => s.Name == "MRG");
        var prior = mrg is null ? null : Hl7Patient.Identifiers(mrg, 1);
        if (prior is not { Count: > 0 })
        {
            output.Rejects.Add(message.Reject(RejectReasons.MissingField, "ADT^A40 without an MRG-1 prior patient identifier", "MRG-1"));
            return;
        }
        output.Merges.Add(new Contracts.PatientMergeReported { SourceSystem = source, Retired = prior[0], Survivor = Hl7Patient.Primary(pid)! });
    }
}
