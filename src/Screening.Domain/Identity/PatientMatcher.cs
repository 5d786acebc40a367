namespace Screening.Domain.Identity;

/// <summary>
/// Deterministic patient matching on identifiers only (no names, no birth dates, no scores):
/// <list type="bullet">
/// <item>the same (system, value) is the same patient;</item>
/// <item>claims of one batch that share an identifier are one person (transitively);</item>
/// <item>a person whose identifiers are already linked to exactly one patient is that patient, and its unlinked
/// identifiers are linked to it;</item>
/// <item>linked to no patient: a new patient;</item>
/// <item>linked to two or more different patients: an identity conflict for every claim of that person — never a
/// silent merge (merging is an explicit act: ADT^A40, FHIR replaced-by, <c>screening patients merge</c>).</item>
/// </list>
/// The result does not depend on the order of the claims. <paramref name="linked"/> gives the patient an identifier
/// is linked to now, already following merges to the surviving patient.
/// </summary>
public static class PatientMatcher
{
    public static IReadOnlyDictionary<int, IdentityResolution> Resolve(IReadOnlyList<IdentityClaim> claims,
        Func<PatientIdentifier, long?> linked)
    {
        // Union-find over identifiers: claims sharing an identifier join one person.
        var parent = new Dictionary<PatientIdentifier, PatientIdentifier>();
        PatientIdentifier Find(PatientIdentifier x)
        {
            while (!parent[x].Equals(x)) x = parent[x] = parent[parent[x]];
            return x;
        }
        void Union(PatientIdentifier a, PatientIdentifier b)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra.Equals(rb)) return;
            // The smaller identifier is the root, so the grouping never depends on claim order.
            if (Compare(ra, rb) < 0) parent[rb] = ra; else parent[ra] = rb;
        }
        foreach (var claim in claims)
            foreach (var id in claim.Identifiers)
                parent.TryAdd(id, id);
        foreach (var claim in claims)
            for (var i = 1; i < claim.Identifiers.Count; i++)
                Union(claim.Identifiers[0], claim.Identifiers[i]);

        var members = new Dictionary<PatientIdentifier, List<PatientIdentifier>>();
        foreach (var id in parent.Keys)
        {
            var root = Find(id);
            if (!members.TryGetValue(root, out var list)) members[root] = list = [];
            list.Add(id);
        }
        // Types: the first non-null type reported for an identifier wins (stable across claim order: sorted by claim index).
        var types = new Dictionary<PatientIdentifier, PatientIdentifier>();
        foreach (var claim in claims.OrderBy(c => c.Index))
            foreach (var id in claim.Identifiers)
                if (!types.TryGetValue(id, out var known) || (known.Type is null && id.Type is not null)) types[id] = id;

        var groupNumbers = new Dictionary<PatientIdentifier, int>();
        foreach (var root in members.Keys.OrderBy(r => r, Comparer<PatientIdentifier>.Create(Compare)))
            groupNumbers[root] = groupNumbers.Count;

        var perRoot = new Dictionary<PatientIdentifier, IdentityResolution>();
        IdentityResolution Of(PatientIdentifier root)
        {
            if (perRoot.TryGetValue(root, out var done)) return done;
            var ids = members[root].OrderBy(i => i, Comparer<PatientIdentifier>.Create(Compare)).Select(i => types[i]).ToArray();
            var keys = ids.Select(linked).Where(k => k is not null).Select(k => k!.Value).Distinct().Order().ToArray();
            IdentityResolution resolution = keys.Length switch
            {
                0 => new IdentityResolution.New(groupNumbers[root], ids),
                1 => new IdentityResolution.Known(keys[0], ids.Where(i => linked(i) is null).ToArray()),
                _ => new IdentityResolution.Conflict(keys,
                    $"identifiers {string.Join(", ", ids.Where(i => linked(i) is not null).Select(i => $"{i.System}|…"))} are linked to {keys.Length} different patients ({string.Join(", ", keys)}); merge them explicitly if they are one person"),
            };
            return perRoot[root] = resolution;
        }

        var result = new Dictionary<int, IdentityResolution>(claims.Count);
        foreach (var claim in claims)
            if (claim.Identifiers.Count > 0)
                result[claim.Index] = Of(Find(claim.Identifiers[0]));
        return result;
    }

    private static int Compare(PatientIdentifier a, PatientIdentifier b)
    {
        var bySystem = string.CompareOrdinal(a.System, b.System);
        return bySystem != 0 ? bySystem : string.CompareOrdinal(a.Value, b.Value);
    }
}
