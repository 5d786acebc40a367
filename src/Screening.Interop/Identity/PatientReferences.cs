using Screening.Contracts;
using Screening.Domain.Identity;

namespace Screening.Interop.Identity;

/// <summary>
/// The identifiers a contract record carries, with the feed's default system applied to bare ids — the one place
/// every path (queues, file mode, replay) turns <c>patientSystem</c> + <c>patientId</c> into a
/// <see cref="PatientIdentifier"/>.
/// </summary>
public static class PatientReferences
{
    public static PatientIdentifier Of(string? system, string id, string defaultSystem, string? type = null) =>
        new(string.IsNullOrWhiteSpace(system) ? defaultSystem : system, id, type);

    /// <summary>The matching key of a reference as a single string (dictionary key), never logged.</summary>
    public static string Key(PatientIdentifier id) => id.System + "\u001f" + id.Value;

    /// <summary>The patient id first, then its further identifiers; empty values are skipped, repeats kept once.</summary>
    public static IReadOnlyList<PatientIdentifier> Of(PatientUpdated patient, string defaultSystem)
    {
        var all = new List<PatientIdentifier> { Of(patient.PatientSystem, patient.PatientId, defaultSystem, patient.PatientIdType) };
        foreach (var extra in patient.Identifiers ?? [])
        {
            if (string.IsNullOrWhiteSpace(extra.Value)) continue;
            var id = Of(extra.System, extra.Value, defaultSystem, extra.Type);
            if (!all.Contains(id)) all.Add(id);
        }
        return all;
    }

    /// <summary>Systems the source stated (not defaults) that the policy does not accept; empty when all are accepted.</summary>
    public static IReadOnlyList<string> Unaccepted(PatientUpdated patient, AssigningAuthorityPolicy policy) =>
        new[] { patient.PatientSystem }.Concat((patient.Identifiers ?? []).Where(i => !string.IsNullOrWhiteSpace(i.Value)).Select(i => i.System))
            .Where(s => !string.IsNullOrWhiteSpace(s) && !policy.Accepts(s!.Trim())).Select(s => s!.Trim()).Distinct().ToArray();

    public static bool Accepted(string? statedSystem, AssigningAuthorityPolicy policy) =>
        string.IsNullOrWhiteSpace(statedSystem) || policy.Accepts(statedSystem.Trim());
}
