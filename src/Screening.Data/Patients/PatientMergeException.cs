namespace Screening.Data.Patients;

/// <summary>A merge or unmerge that cannot be done (into itself, into a merged patient, unknown patient, nothing to undo): nothing was written.</summary>
public sealed class PatientMergeException(string reason, string message) : Exception(message)
{
    /// <summary>Stable code: merge-into-itself | already-merged | survivor-merged | unknown-patient | not-merged.</summary>
    public string Reason { get; } = reason;
}
