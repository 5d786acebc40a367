using Screening.Contracts;
using Screening.Domain.Screening;
using Screening.Interop.Mapping;

namespace Screening.Interop.FileMode;

/// <summary>
/// Gathers read outcomes into per-patient records for a file-mode screen: validates every result, keeps the latest
/// version of each (sourceSystem, resultId) with Sequence = arrival order, and reports rejects as they come.
/// </summary>
internal sealed class PopulationBuilder(DateTimeOffset receivedAt, Domain.Rules.RuleSet rules, Action<string, InputReject> onReject)
{
    private readonly Dictionary<string, PatientUpdated> patients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<(string, string), Domain.Results.LabObservation>> results = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ConditionReported>> conditions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ProcedureReported>> procedures = new(StringComparer.Ordinal);
    private long sequence;

    public Dictionary<string, int> RejectedByReason { get; } = new(StringComparer.Ordinal);
    public int Accepted { get; private set; }
    public int Superseded { get; private set; }
    public int Ignored { get; private set; }

    public void Add(string source, ReadOutcome outcome)
    {
        foreach (var reject in outcome.Rejects) Reject(source, reject);
        Ignored += outcome.Ignored;
        foreach (var patient in outcome.Patients) patients[patient.PatientId] = Merge(patients.GetValueOrDefault(patient.PatientId), patient);
        foreach (var condition in outcome.Conditions) ListOf(conditions, condition.PatientId).Add(condition);
        foreach (var procedure in outcome.Procedures) ListOf(procedures, procedure.PatientId).Add(procedure);
        foreach (var result in outcome.Results) AddResult(source, result);
    }

    private void AddResult(string source, LabResultReported result)
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
        var byIdentity = results.TryGetValue(result.PatientId, out var existing) ? existing : results[result.PatientId] = [];
        if (byIdentity.ContainsKey((result.SourceSystem, result.ResultId))) Superseded++;
        byIdentity[(result.SourceSystem, result.ResultId)] = DomainMapping.ToObservation(result, ++sequence);
        Accepted++;
    }

    /// <summary>Every patient seen (with facts, results or clinical records), in patient id order.</summary>
    public IEnumerable<PatientRecord> Records()
    {
        var ids = patients.Keys.Concat(results.Keys).Concat(conditions.Keys).Concat(procedures.Keys)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var facts = patients.TryGetValue(id, out var patient) ? DomainMapping.ToFacts(patient) : new Domain.Patients.PatientFacts(id, Domain.Patients.Sex.Unknown, null);
            yield return new PatientRecord(
                facts,
                results.TryGetValue(id, out var r) ? r.Values.OrderBy(o => o.Sequence).ToList() : [],
                conditions.TryGetValue(id, out var c) ? c.Select(DomainMapping.ToDiagnosis).ToList() : [],
                procedures.TryGetValue(id, out var p) ? p.Select(DomainMapping.ToProcedure).ToList() : []);
        }
    }

    private void Reject(string source, InputReject reject)
    {
        RejectedByReason[reject.ReasonCode] = RejectedByReason.GetValueOrDefault(reject.ReasonCode) + 1;
        onReject(source, reject);
    }

    /// <summary>A later update wins, but does not erase what an earlier source knew and this one does not say.</summary>
    private static PatientUpdated Merge(PatientUpdated? earlier, PatientUpdated later) => earlier is null ? later : later with
    {
        Sex = later.Sex ?? earlier.Sex,
        BirthDate = later.BirthDate ?? earlier.BirthDate,
        DeceasedDate = later.DeceasedDate ?? earlier.DeceasedDate,
        CareTeam = later.CareTeam ?? earlier.CareTeam,
        Hospice = later.Hospice ?? earlier.Hospice,
        OptedOut = later.OptedOut ?? earlier.OptedOut,
    };

    private static List<T> ListOf<T>(Dictionary<string, List<T>> map, string key)
        => map.TryGetValue(key, out var list) ? list : map[key] = [];
}
