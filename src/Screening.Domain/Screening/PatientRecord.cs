using Screening.Domain.Patients;
using Screening.Domain.Results;

namespace Screening.Domain.Screening;

/// <summary>Everything known about one patient that the rules may read: the input of <see cref="Screen.Evaluate"/>.</summary>
public sealed record PatientRecord(
    PatientFacts Patient,
    IReadOnlyList<LabObservation> Results,
    IReadOnlyList<Diagnosis> Diagnoses,
    IReadOnlyList<Procedure> Procedures);
