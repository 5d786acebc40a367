namespace Screening.Interop.Synthea;

/// <summary>
/// Deterministic result ids for Synthea observations: <c>PATIENT|DATE|CODE|n</c>, n = 1, 2… for repeats of the same
/// patient, date and code. Synthea writes each patient's rows together, so the counter resets when the patient
/// changes and memory stays bounded by one patient's rows.
/// </summary>
internal sealed class SyntheaObservationKeys
{
    private readonly Dictionary<string, int> seen = new(StringComparer.Ordinal);
    private string patient = "";

    public string Next(string patientId, string date, string code)
    {
        if (patientId != patient)
        {
            seen.Clear();
            patient = patientId;
        }
        var key = $"{patientId}|{date}|{code}";
        var n = seen.TryGetValue(key, out var count) ? count + 1 : 1;
        seen[key] = n;
        return $"{key}|{n}";
    }
}
