using Screening.Contracts;

namespace Screening.Interop.Hl7v2;

/// <summary>PID → <see cref="PatientUpdated"/>: PID-3 first repetition's id, PID-8 sex, PID-7 birth, PID-29 death.</summary>
internal static class Hl7Patient
{
    public static string PatientId(Hl7Segment pid) => pid.Value(3, 1, 0);

    public static PatientUpdated ToPatient(Hl7Segment pid, string sourceSystem) => new()
    {
        SourceSystem = sourceSystem,
        PatientId = PatientId(pid),
        Sex = pid.Value(8) switch
        {
            "F" => "female",
            "M" => "male",
            "O" or "A" => "other",
            "" => null,
            _ => "unknown",
        },
        BirthDate = Hl7DateTime.ParseDate(pid.Value(7)),
        DeceasedDate = Hl7DateTime.ParseDate(pid.Value(29)),
    };

    /// <summary>PV1-2 patient class: I inpatient, E emergency, anything else (O, R, blank) outpatient.</summary>
    public static string EncounterClass(Hl7Segment? pv1) => pv1?.Value(2) switch
    {
        "I" => "inpatient",
        "E" => "emergency",
        _ => "outpatient",
    };
}
