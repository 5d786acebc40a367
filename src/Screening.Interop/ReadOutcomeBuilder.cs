using Screening.Contracts;

namespace Screening.Interop;

/// <summary>Collects what a reader produces; <see cref="Build"/> freezes it into a <see cref="ReadOutcome"/>.</summary>
internal sealed class ReadOutcomeBuilder
{
    public List<PatientUpdated> Patients { get; } = [];
    public List<LabResultReported> Results { get; } = [];
    public List<ConditionReported> Conditions { get; } = [];
    public List<ProcedureReported> Procedures { get; } = [];
    public List<InputReject> Rejects { get; } = [];
    public List<PatientMergeReported> Merges { get; } = [];
    public int Ignored { get; set; }

    public int Count => Patients.Count + Results.Count + Conditions.Count + Procedures.Count + Rejects.Count + Merges.Count + Ignored;

    public void Reject(string reason, string detail, string location, string payload)
        => Rejects.Add(new InputReject(reason, detail, location, payload));

    public void Add(ReadOutcome other)
    {
        Patients.AddRange(other.Patients);
        Results.AddRange(other.Results);
        Conditions.AddRange(other.Conditions);
        Procedures.AddRange(other.Procedures);
        Rejects.AddRange(other.Rejects);
        Merges.AddRange(other.Merges);
        Ignored += other.Ignored;
    }

    public ReadOutcome Build() => new()
    {
        Patients = Patients.ToArray(),
        Results = Results.ToArray(),
        Conditions = Conditions.ToArray(),
        Procedures = Procedures.ToArray(),
        Rejects = Rejects.ToArray(),
        Merges = Merges.ToArray(),
        Ignored = Ignored,
    };

    public void Clear()
    {
        Patients.Clear(); Results.Clear(); Conditions.Clear(); Procedures.Clear(); Rejects.Clear(); Merges.Clear();
        Ignored = 0;
    }
}
