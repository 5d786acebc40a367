namespace Screening.Data.Patients;

/// <summary>One identifier of a patient (system, value, type), as <c>patients show</c> prints it.</summary>
public sealed record PatientIdentifierRow(string System, string Value, string? Type);
