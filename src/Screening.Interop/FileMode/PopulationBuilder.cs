using Screening.Contracts;
using Screening.Domain.Identity;
using Screening.Domain.Screening;
using Screening.Interop.Identity;
using Screening.Interop.Mapping;

namespace Screening.Interop.FileMode;

/// <summary>
/// Gathers read outcomes into per-patient records for a file-mode screen: resolves identity exactly as the ingest does
/// (<see cref="PatientMatcher"/> over an in-memory identifier index, the feed's default system for bare ids, the same
/// assigning-authority policy, <c>identity-conflict</c> rejects), validates every result, keeps the latest version of
/// each (sourceSystem, resultId) with Sequence = arrival order, and reports rejects as they come.
/// </summary>
internal sealed class PopulationBuilder(DateTimeOffset receivedAt, Domain.Rules.RuleSet rules, IdentitySettings identity, Action<string, InputReject> onReject)
{
    private readonly Dictionary<PatientIdentifier, long> linked = [];
    private readonly Dictionary<long, PatientIdentifier> firstIdentifier = [];
    private readonly Dictionary<long, PatientUpdated> patients = [];
    private readonly Dictionary<long, Dictionary<(string, string), Domain.Results.LabObservation>> results = [];
    private readonly Dictionary<long, List<ConditionReported>> conditions = [];
    private readonly Dictionary<long, List<ProcedureReported>> procedures = [];
    private long sequence;

    public Dictionary<string, int> RejectedByReason { get; } = new(StringComparer.Ordinal);
    public int Accepted { get; private set; }
    public int Superseded { get; private set; }
    public int Ignored { get; private set; }

    public void Add(string source, InputFormat format, ReadOutcome outcome)
    {
        foreach (var reject in outcome.Rejects) Reject(source, reject);
        Ignored += outcome.Ignored;
        var defaultSystem = identity.DefaultSystemOf(format.ToString().ToLowerInvariant());
        var keys = Resolve(source, outcome, defaultSystem);
        long? KeyOf(string? system, string id) =>
            keys.TryGetValue(PatientReferences.Of(system, id, defaultSystem), out var key) ? key : null;

        foreach (var patient in outcome.Patients)
            if (!string.IsNullOrWhiteSpace(patient.PatientId) && KeyOf(patient.PatientSystem, patient.PatientId) is { } key)
                patients[key] = PatientFold.Later(patients.GetValueOrDefault(key), patient);
        foreach (var condition in outcome.Conditions)
            if (KeyOf(condition.PatientSystem, condition.PatientId) is { } key) ListOf(conditions, key).Add(condition);
            else Refused(source, condition.PatientSystem, condition.PatientId, defaultSystem, $"condition {condition.System}|{condition.Code}");
        foreach (var procedure in outcome.Procedures)
            if (KeyOf(procedure.PatientSystem, procedure.PatientId) is { } key) ListOf(procedures, key).Add(procedure);
            else Refused(source, procedure.PatientSystem, procedure.PatientId, defaultSystem, $"procedure {procedure.System}|{procedure.Code}");
        foreach (var result in outcome.Results) AddResult(source, result, KeyOf(result.PatientSystem, result.PatientId), defaultSystem);
    }

    private readonly Dictionary<PatientIdentifier, (string Reason, string Detail)> refusals = [];

    /// <summary>The same claims, matcher and refusals as the ingest's identity step, against the identifiers seen so far.</summary>
    private Dictionary<PatientIdentifier, long> Resolve(string source, ReadOutcome outcome, string defaultSystem)
    {
        var claims = new List<IdentityClaim>();
        for (var i = 0; i < outcome.Patients.Count; i++)
        {
            var patient = outcome.Patients[i];
            if (string.IsNullOrWhiteSpace(patient.PatientId)) continue;
            var unaccepted = PatientReferences.Unaccepted(patient, identity.Authorities);
            if (unaccepted.Count > 0)
            {
                Reject(source, new InputReject(RejectReasons.UnknownAssigningAuthority,
                    $"assigning authority {string.Join(", ", unaccepted.Select(s => $"'{s}'"))} is not configured (Identity:AssigningAuthorities)", "patient", ""));
                continue;
            }
            claims.Add(new IdentityClaim(i, PatientReferences.Of(patient, defaultSystem)));
        }
        var references = outcome.Results.Select(r => (r.PatientSystem, r.PatientId))
            .Concat(outcome.Conditions.Select(d => (d.PatientSystem, d.PatientId)))
            .Concat(outcome.Procedures.Select(p => (p.PatientSystem, p.PatientId)))
            .Where(r => !string.IsNullOrWhiteSpace(r.PatientId));
        var factIds = new HashSet<PatientIdentifier>();
        foreach (var (system, id) in references)
        {
            var identifier = PatientReferences.Of(system, id, defaultSystem);
            if (!PatientReferences.Accepted(system, identity.Authorities))
                refusals[identifier] = (RejectReasons.UnknownAssigningAuthority, $"assigning authority '{identifier.System}' is not configured (Identity:AssigningAuthorities)");
            else factIds.Add(identifier);
        }
        foreach (var id in factIds.OrderBy(i => i.System, StringComparer.Ordinal).ThenBy(i => i.Value, StringComparer.Ordinal))
            claims.Add(new IdentityClaim(outcome.Patients.Count + claims.Count, [id]));

        var resolutions = PatientMatcher.Resolve(claims, id => linked.TryGetValue(id, out var key) ? key : null);
        var created = new Dictionary<int, long>();
        var keys = new Dictionary<PatientIdentifier, long>();
        foreach (var claim in claims)
        {
            long key;
            switch (resolutions[claim.Index])
            {
                case IdentityResolution.Known known: key = known.PatientKey; break;
                case IdentityResolution.New fresh:
                    if (!created.TryGetValue(fresh.Group, out key))
                    {
                        created[fresh.Group] = key = firstIdentifier.Count + 1;
                        firstIdentifier[key] = fresh.Identifiers[0];
                    }
                    break;
                case IdentityResolution.Conflict conflict:
                    if (claim.Index < outcome.Patients.Count) Reject(source, new InputReject(RejectReasons.IdentityConflict, conflict.Detail, "patient", ""));
                    foreach (var id in claim.Identifiers) refusals[id] = (RejectReasons.IdentityConflict, conflict.Detail);
                    continue;
                default: continue;
            }
            foreach (var id in claim.Identifiers)
            {
                linked.TryAdd(id, key);
                keys[id] = key;
                refusals.Remove(id);
            }
        }
        return keys;
    }

    private void Refused(string source, string? system, string id, string defaultSystem, string location)
    {
        if (string.IsNullOrWhiteSpace(id)) return;
        var (reason, detail) = refusals.TryGetValue(PatientReferences.Of(system, id, defaultSystem), out var why)
            ? why : (RejectReasons.UnknownPatientId, "patient reference did not resolve");
        Reject(source, new InputReject(reason, detail, location, ""));
    }

    private void AddResult(string source, LabResultReported result, long? key, string defaultSystem)
    {
        var verdict = ResultValidation.Validate(result, receivedAt, rules);
        if (verdict.IsIgnored)
        {
            Ignored++;
            return;
        }
        if (!verdict.IsAccepted)
        {
            Reject(source, verdict.ToReject($"{result.SourceSystem}|{result.ResultId}", ""));
            return;
        }
        if (key is not { } patient)
        {
            Refused(source, result.PatientSystem, result.PatientId, defaultSystem, $"{result.SourceSystem}|{result.ResultId}");
            return;
        }
        var byIdentity = results.TryGetValue(patient, out var existing) ? existing : results[patient] = [];
        if (byIdentity.ContainsKey((result.SourceSystem, result.ResultId))) Superseded++;
        byIdentity[(result.SourceSystem, result.ResultId)] = DomainMapping.ToObservation(result, ++sequence);
        Accepted++;
    }

    /// <summary>
    /// Every patient seen (with facts, results or clinical records), in order of the identifier it was first seen with
    /// (value, then system); the record's patient id is that identifier's value, as the database's external id.
    /// </summary>
    public IEnumerable<PatientRecord> Records()
    {
        var order = firstIdentifier.OrderBy(p => p.Value.Value, StringComparer.Ordinal).ThenBy(p => p.Value.System, StringComparer.Ordinal);
        foreach (var (key, first) in order)
        {
            if (!patients.ContainsKey(key) && !results.ContainsKey(key) && !conditions.ContainsKey(key) && !procedures.ContainsKey(key)) continue;
            var facts = patients.TryGetValue(key, out var patient)
                ? DomainMapping.ToFacts(patient) with { PatientId = first.Value }
                : new Domain.Patients.PatientFacts(first.Value, Domain.Patients.Sex.Unknown, null);
            yield return new PatientRecord(
                facts,
                results.TryGetValue(key, out var r) ? r.Values.OrderBy(o => o.Sequence).ToList() : [],
                conditions.TryGetValue(key, out var c) ? c.Select(DomainMapping.ToDiagnosis).ToList() : [],
                procedures.TryGetValue(key, out var p) ? p.Select(DomainMapping.ToProcedure).ToList() : []);
        }
    }

    private void Reject(string source, InputReject reject)
    {
        RejectedByReason[reject.ReasonCode] = RejectedByReason.GetValueOrDefault(reject.ReasonCode) + 1;
        onReject(source, reject);
    }

    private static List<T> ListOf<T>(Dictionary<long, List<T>> map, long key)
        => map.TryGetValue(key, out var list) ? list : map[key] = [];
}
