using System.Text.Json;
using System.Text.Json.Nodes;
using Screening.Contracts;
using Screening.Interop;
using Screening.Data.Platform;

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

        bool Refused(string? system, string id, string where, string type, object? unit)
        {
            if (resolved.RefusalOf(system, id, defaultSystem) is not { } why) return false;
            rejects.Add(new InputReject(why.Reason, why.Detail, where, Payload(type, unit)));
            return true;
        }
        accepted = accepted.Where(r => !Refused(r.PatientSystem, r.PatientId, $"{r.SourceSystem}/{r.ResultId}", "labResult", r.Reported)).ToList();
        keptConditions = conditions.Where(d => !Refused(d.PatientSystem, d.PatientId, $"condition {d.System}|{d.Code}", "condition", d)).ToList();
        keptProcedures = procedures.Where(x => !Refused(x.PatientSystem, x.PatientId, $"procedure {x.System}|{x.Code}", "procedure", x)).ToList();
        return rejects;
    }

    private static string Payload<T>(string type, T? unit)
    {
        var node = JsonSerializer.SerializeToNode(unit, JsonDefaults.Options)?.AsObject() ?? new JsonObject();
        node.Insert(0, "type", type);
        return node.ToJsonString(JsonDefaults.Options);
    }
}
