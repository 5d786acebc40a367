using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Screening.Contracts;
using Screening.Data.Patients;
using Screening.Interop;
using Screening.Interop.Identity;

namespace Screening.Data.Ingest;

/// <summary>
/// Merges a feed reported (ADT^A40, FHIR Patient.link replaced-by), inside the batch's transaction and after its
/// patients are resolved: the retired identifier's patient is merged into the survivor's (<see cref="PatientMerge"/>).
/// A retired identifier nobody knows yet is simply linked to the survivor; a repeat of a merge already done changes
/// nothing. A merge that cannot be done (into itself, into a merged patient, unknown survivor) is an
/// <c>invalid-merge</c> reject with the merge as payload; nothing of it is written.
/// </summary>
internal static class MergeRequests
{
    public const string InvalidMerge = "invalid-merge";

    public static async Task<(List<InputReject> Rejects, List<long> Survivors)> ApplyAsync(NpgsqlConnection c, NpgsqlTransaction tx, PatientMerge merge,
        IReadOnlyList<PatientMergeReported> merges, string defaultSystem, string source, CancellationToken ct)
    {
        var rejects = new List<InputReject>();
        var survivors = new List<long>();
        foreach (var m in merges)
        {
            var retiredId = PatientReferences.Of(m.Retired.System, m.Retired.Value, defaultSystem, m.Retired.Type);
            var survivorId = PatientReferences.Of(m.Survivor.System, m.Survivor.Value, defaultSystem, m.Survivor.Type);
            var survivor = await KeyOfAsync(c, tx, survivorId.System, survivorId.Value, ct);
            if (survivor is null)
            {
                rejects.Add(Reject(m, $"the surviving patient ({survivorId.System}) is not known"));
                continue;
            }
            var retired = await KeyOfAsync(c, tx, retiredId.System, retiredId.Value, ct);
            if (retired is null)
            {
                await using var link = new NpgsqlCommand(
                    "INSERT INTO patient_identifier (system, value, type, patient_key) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING", c, tx);
                link.Parameters.AddWithValue(retiredId.System);
                link.Parameters.AddWithValue(retiredId.Value);
                link.Parameters.AddWithValue((object?)retiredId.Type ?? DBNull.Value);
                link.Parameters.AddWithValue(survivor.Value);
                await link.ExecuteNonQueryAsync(ct);
                continue;
            }
            if (retired == survivor) continue; // already merged (a redelivery)
            try
            {
                await merge.MergeAsync(c, tx, retired.Value, survivor.Value, m.SourceSystem, $"feed:{source}", ct);
                survivors.Add(survivor.Value);
            }
            catch (PatientMergeException e)
            {
                rejects.Add(Reject(m, $"{e.Message} ({e.Reason})"));
            }
        }
        return (rejects, survivors);
    }

    /// <summary>The patient an identifier resolves to, following a merge to its survivor.</summary>
    private static async Task<long?> KeyOfAsync(NpgsqlConnection c, NpgsqlTransaction tx, string system, string value, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            SELECT coalesce(p.merged_into, p.patient_key) FROM patient_identifier i JOIN patient p USING (patient_key) WHERE i.system = $1 AND i.value = $2
            """, c, tx);
        cmd.Parameters.AddWithValue(system);
        cmd.Parameters.AddWithValue(value);
        return await cmd.ExecuteScalarAsync(ct) is long key ? key : null;
    }

    private static InputReject Reject(PatientMergeReported m, string detail)
    {
        var node = JsonSerializer.SerializeToNode(m, JsonDefaults.Options)!.AsObject();
        node.Insert(0, "type", "merge");
        return new InputReject(InvalidMerge, detail, "merge", node.ToJsonString(JsonDefaults.Options));
    }
}
