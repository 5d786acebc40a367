namespace Screening.Domain.Patients;

/// <summary>A performed procedure, e.g. a DXA scan (CPT 77080/77081/77085, SNOMED 312681000).</summary>
public sealed record Procedure(string ProcedureId, string Code, CodeSystem System, DateOnly PerformedOn);
