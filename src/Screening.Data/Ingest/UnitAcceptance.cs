using System.Text.Json;
using Screening.Contracts;
using Screening.Interop;

namespace Screening.Data.Ingest;

/// <summary>
/// What storage needs of patients, diagnoses and procedures (results have <see cref="ResultAcceptance"/>): the
/// identifiers present (raw JSON may carry null in any field) and within <see cref="IdentifierLimits"/>. A unit that
/// fails becomes a reject carrying its canonical JSON (with its <c>type</c>, so replay reads it back).
/// </summary>
public static class UnitAcceptance
{
    /// <summary>The units that pass <paramref name="check"/>; the others' rejects are added to <paramref name="rejects"/>.</summary>
    public static List<T> Keep<T>(IReadOnlyList<T> units, Func<T?, InputReject?> check, List<InputReject> rejects) where T : class
    {
        var kept = new List<T>(units.Count);
        foreach (var unit in units)
        {
            if (check(unit) is { } reject) rejects.Add(reject);
            else kept.Add(unit);
        }
        return kept;
    }

    public static InputReject? Patient(PatientUpdated? p) => p is null ? Null("patient") : Fail(IdentifierLimits.Check(
        ("patientId", p.PatientId, IdentifierLimits.PatientId), ("sourceSystem", p.SourceSystem, IdentifierLimits.SourceSystem)), "patient", p);

    public static InputReject? Condition(ConditionReported? d) => d is null ? Null("condition") : Fail(IdentifierLimits.Check(
        ("patientId", d.PatientId, IdentifierLimits.PatientId), ("sourceSystem", d.SourceSystem, IdentifierLimits.SourceSystem),
        ("code", d.Code, IdentifierLimits.Code), ("system", d.System, IdentifierLimits.Code)), "condition", d);

    public static InputReject? Procedure(ProcedureReported? p) => p is null ? Null("procedure") : Fail(IdentifierLimits.Check(
        ("patientId", p.PatientId, IdentifierLimits.PatientId), ("sourceSystem", p.SourceSystem, IdentifierLimits.SourceSystem),
        ("code", p.Code, IdentifierLimits.Code), ("system", p.System, IdentifierLimits.Code)), "procedure", p)
        ?? (p.ProcedureId is { Length: > IdentifierLimits.ResultId } ? Fail((RejectReasons.IdentifierTooLong, "procedureId is too long"), "procedure", p) : null);

    /// <summary>A unit as canonical JSON with its type, the way replay reads it back.</summary>
    public static string Json<T>(string type, T unit)
    {
        var node = JsonSerializer.SerializeToNode(unit, JsonDefaults.Options)!.AsObject();
        node.Insert(0, "type", type);
        return node.ToJsonString(JsonDefaults.Options);
    }

    private static InputReject? Fail<T>((string Reason, string Detail)? problem, string type, T unit) =>
        problem is { } p ? new InputReject(p.Reason, p.Detail, type, Json(type, unit)) : null;

    private static InputReject Null(string type) => new(RejectReasons.MissingField, $"a null {type} in the batch", type, "null");
}
