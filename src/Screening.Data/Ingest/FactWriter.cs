using Npgsql;
using NpgsqlTypes;
using Screening.Contracts;

namespace Screening.Data.Ingest;

/// <summary>Stores diagnoses and procedures idempotently (unique keys; a repeat changes nothing).</summary>
internal static class FactWriter
{
    public static async Task<HashSet<long>> WriteAsync(NpgsqlConnection c, NpgsqlTransaction tx,
        IReadOnlyList<ConditionReported> conditions, IReadOnlyList<ProcedureReported> procedures,
        Func<string?, string, long> keys, DateTimeOffset receivedAt, CancellationToken ct)
    {
        var touched = new HashSet<long>();
        if (conditions.Count > 0)
        {
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO diagnosis (patient_key, source_system, code, code_system, onset, abatement, received_at)
                SELECT u.pk, u.src, u.code, u.sys, u.onset, u.abatement, $7
                FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[]) AS u(pk, src, code, sys, onset, abatement)
                ORDER BY u.pk
                ON CONFLICT ON CONSTRAINT ux_diagnosis DO UPDATE SET abatement = EXCLUDED.abatement
                WHERE diagnosis.abatement IS DISTINCT FROM EXCLUDED.abatement
                RETURNING patient_key
                """, c, tx);
            // Normalised once, as stored; distinct by the stored key: two spellings of one diagnosis in a batch are one
            // row, not a second update of the same row in one statement (which PostgreSQL refuses).
            var rows = conditions
                .Select(d => (Patient: keys(d.PatientSystem, d.PatientId), d.SourceSystem, Code: d.Code.Trim().ToUpperInvariant(),
                    System: d.System.Trim().ToLowerInvariant(), d.Onset, d.Abatement))
                .DistinctBy(d => (d.Patient, d.System, d.Code, d.Onset)).ToArray();
            cmd.Parameters.Add(SqlArray.Of(rows.Select(d => d.Patient).ToArray(), NpgsqlDbType.Bigint));
            cmd.Parameters.Add(SqlArray.Of(rows.Select(d => d.SourceSystem).ToArray(), NpgsqlDbType.Text));
            cmd.Parameters.Add(SqlArray.Of(rows.Select(d => d.Code).ToArray(), NpgsqlDbType.Text));
            cmd.Parameters.Add(SqlArray.Of(rows.Select(d => d.System).ToArray(), NpgsqlDbType.Text));
            cmd.Parameters.Add(SqlArray.Of(rows.Select(d => d.Onset).ToArray(), NpgsqlDbType.Date));
            cmd.Parameters.Add(SqlArray.Of(rows.Select(d => d.Abatement).ToArray(), NpgsqlDbType.Date));
            cmd.Parameters.AddWithValue(receivedAt);
            await ReadKeys(cmd, touched, ct);
        }
        if (procedures.Count > 0)
        {
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO clinical_procedure (patient_key, source_system, procedure_id, code, code_system, performed_on, received_at)
                SELECT u.pk, u.src, u.pid, u.code, u.sys, u.performed, $7
                FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[]) AS u(pk, src, pid, code, sys, performed)
                ORDER BY u.pk
                ON CONFLICT ON CONSTRAINT ux_clinical_procedure DO NOTHING
                RETURNING patient_key
                """, c, tx);
            var rows = procedures
                .Select(p => (Patient: keys(p.PatientSystem, p.PatientId), p.SourceSystem, p.ProcedureId, Code: p.Code.Trim(),
                    System: p.System.Trim().ToLowerInvariant(), p.PerformedOn))
                .DistinctBy(p => (p.Patient, p.System, p.Code, p.PerformedOn)).ToArray();
            cmd.Parameters.Add(SqlArray.Of(rows.Select(p => p.Patient).ToArray(), NpgsqlDbType.Bigint));
            cmd.Parameters.Add(SqlArray.Of(rows.Select(p => p.SourceSystem).ToArray(), NpgsqlDbType.Text));
            cmd.Parameters.Add(SqlArray.Of(rows.Select(p => p.ProcedureId).ToArray(), NpgsqlDbType.Text));
            cmd.Parameters.Add(SqlArray.Of(rows.Select(p => p.Code).ToArray(), NpgsqlDbType.Text));
            cmd.Parameters.Add(SqlArray.Of(rows.Select(p => p.System).ToArray(), NpgsqlDbType.Text));
            cmd.Parameters.Add(SqlArray.Of(rows.Select(p => p.PerformedOn).ToArray(), NpgsqlDbType.Date));
            cmd.Parameters.AddWithValue(receivedAt);
            await ReadKeys(cmd, touched, ct);
        }
        return touched;
    }

    private static async Task ReadKeys(NpgsqlCommand cmd, HashSet<long> touched, CancellationToken ct)
    {
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) touched.Add(reader.GetInt64(0));
    }
}
