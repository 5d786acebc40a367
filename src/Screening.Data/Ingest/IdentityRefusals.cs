using System.Text.Json;
using System.Text.Json.Nodes;
using Screening.Contracts;
using Screening.Interop;

namespace Screening.Data.Ingest;

/// <summary>
/// Turns the identity step's refusals (identity conflict, unknown assigning authority) into stored rejects and takes
/// the refused units out of the batch. Each reject's payload is the unit as canonical JSON with its <c>type</c>
/// (patient, labResult, condition, procedure), so <c>rejects replay</c> re-reads it and resolves it again — after a
/// merge or a configuration change it goes through.
/// </summary>
internal static class IdentityRefusals
{
    public static List<InputReject> Of(PatientUpsert.Resolved resolved, string defaultSystem, ref List<AcceptedResult> accepted,
        IReadOnlyList<ConditionReported> conditions, IReadOnlyList<ProcedureReported> procedures,
        out IReadOnlyList<ConditionReported> keptConditions, out IReadOnlyList<ProcedureReported> keptProcedures)
    {
        var rejects = new List<InputReject>();
        foreach (var (patient, reason, detail) in resolved.RefusedPatients)
            rejects.Add(new InputReject(reason, detail, "patient", Payload("patient", patient)));
        keptConditions = conditions;
        keptProcedures = procedures;
        if (resolved.Refused.Count == 0) return rejects;

        var keptResults = new List<AcceptedResult>(accepted.Count);
        foreach (var r in accepted)
            if (resolved.RefusalOf(r.PatientSystem, r.PatientId, defaultSystem) is { } why)
                rejects.Add(new InputReject(why.Reason, why.Detail, $"{r.SourceSystem}/{r.ResultId}", Payload("labResult", r.Reported)));
            else keptResults.Add(r);
        accepted = keptResults;
        var c = new List<ConditionReported>(conditions.Count);
        foreach (var d in conditions)
            if (resolved.RefusalOf(d.PatientSystem, d.PatientId, defaultSystem) is { } why)
                rejects.Add(new InputReject(why.Reason, why.Detail, $"condition {d.System}|{d.Code}", Payload("condition", d)));
            else c.Add(d);
        keptConditions = c;
        var p = new List<ProcedureReported>(procedures.Count);
        foreach (var x in procedures)
            if (resolved.RefusalOf(x.PatientSystem, x.PatientId, defaultSystem) is { } why)
                rejects.Add(new InputReject(why.Reason, why.Detail, $"procedure {x.System}|{x.Code}", Payload("procedure", x)));
            else p.Add(x);
        keptProcedures = p;
        return rejects;
    }

    private static string Payload<T>(string type, T? unit)
    {
        var node = JsonSerializer.SerializeToNode(unit, JsonDefaults.Options)?.AsObject() ?? new JsonObject();
        node.Insert(0, "type", type);
        return node.ToJsonString(JsonDefaults.Options);
    }
}
