namespace Screening.Domain.Identity;

/// <summary>
/// Which issuing systems are accepted. An empty <see cref="Known"/> list accepts every system; otherwise an
/// identifier whose system the source stated (CX.4, FHIR identifier.system) and that is not listed is accepted or
/// rejected (<c>unknown-assigning-authority</c>) as <see cref="RejectUnknown"/> says. Feed default systems (bare ids)
/// are always accepted: they are configuration.
/// </summary>
public sealed record AssigningAuthorityPolicy(IReadOnlySet<string> Known, bool RejectUnknown)
{
    public static AssigningAuthorityPolicy AcceptAll { get; } = new(new HashSet<string>(), false);

    public bool Accepts(string system) => !RejectUnknown || Known.Count == 0 || Known.Contains(system);
}
