namespace Screening.Domain.Patients;

/// <summary>A problem-list diagnosis: active from <see cref="Onset"/> until <see cref="Abatement"/> (open when null).</summary>
public sealed record Diagnosis(string Code, CodeSystem System, DateOnly? Onset, DateOnly? Abatement = null);
