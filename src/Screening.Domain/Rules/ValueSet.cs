using Screening.Domain.Patients;

namespace Screening.Domain.Rules;

/// <summary>
/// A named clinical concept of the rule file (<c>valueSets</c>): its members in each coding system, listed
/// explicitly (SNOMED CT descendants included, no terminology server), with the VSAC OIDs it follows and its source.
/// Rules refer to it by name; matching is by system + code.
/// </summary>
public sealed record ValueSet(string Name, string Title, IReadOnlyList<string> Oids, string Source,
    IReadOnlyList<(CodeSystem System, string Code)> Members)
{
    /// <summary>The members as a matcher.</summary>
    public CodeSet Codes { get; } = new(Members);

    /// <summary>The members of one system as written (<c>O*</c> is a prefix).</summary>
    public IEnumerable<string> In(CodeSystem system) => Members.Where(m => m.System == system).Select(m => m.Code);
}
