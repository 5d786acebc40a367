namespace Screening.Domain.Identity;

/// <summary>
/// What one unit of input asserts: these identifiers are one person. A patient update claims all its identifiers;
/// a result, diagnosis or procedure claims the one identifier it refers to. <see cref="Index"/> is the caller's
/// position of the unit, so the resolution can be mapped back.
/// </summary>
public sealed record IdentityClaim(int Index, IReadOnlyList<PatientIdentifier> Identifiers);
