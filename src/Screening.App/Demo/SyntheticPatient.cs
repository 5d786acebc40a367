using Screening.Contracts;

namespace Screening.App.Demo;

/// <summary>One generated patient with a realistic history (demographics, labs, diagnoses, DXA).</summary>
public sealed record SyntheticPatient(
    PatientUpdated Patient,
    List<LabResultReported> Results,
    List<ConditionReported> Conditions,
    List<ProcedureReported> Procedures);
