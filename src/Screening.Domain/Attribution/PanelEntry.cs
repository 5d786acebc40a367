namespace Screening.Domain.Attribution;

/// <summary>One line of an imported panel file: the patient with this identifier belongs to <see cref="Team"/>.</summary>
public sealed record PanelEntry(PatientIdentifier Identifier, string Team, string Panel);
