namespace Screening.Domain.Identity;

/// <summary>How one claim resolved.</summary>
public abstract record IdentityResolution
{
    /// <summary>A known patient; <see cref="NewIdentifiers"/> are the claim's identifiers not linked yet (to link now).</summary>
    public sealed record Known(long PatientKey, IReadOnlyList<PatientIdentifier> NewIdentifiers) : IdentityResolution;

    /// <summary>
    /// A person not seen before. Claims of the same batch that share an identifier get the same <see cref="Group"/>:
    /// create one patient per group and link <see cref="Identifiers"/> (the whole group's) to it.
    /// </summary>
    public sealed record New(int Group, IReadOnlyList<PatientIdentifier> Identifiers) : IdentityResolution;

    /// <summary>The claim's identifiers (or those of claims it shares one with) are linked to different patients.</summary>
    public sealed record Conflict(IReadOnlyList<long> PatientKeys, string Detail) : IdentityResolution;
}
