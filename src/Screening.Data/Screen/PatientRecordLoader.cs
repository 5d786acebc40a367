using Npgsql;
using NpgsqlTypes;
using Screening.Domain.Patients;
using Screening.Domain.Results;
using Screening.Domain.Screening;
using Screening.Data.Platform;
using Screening.Domain.Codes;
using Screening.Domain.Rules;

namespace Screening.Data.Screen;

/// <summary>
/// Loads the rules' input (<see cref="PatientRecord"/>) for a set of patients with four set-based queries:
/// demographics, current result versions, diagnoses and procedures. Shared by ingest and the nightly screen.
/// </summary>
public static class PatientRecordLoader
{
    public static Task<Dictionary<long, PatientRecord>> LoadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? tx, long[] patientKeys, CancellationToken ct) =>
        LoadAsync(connection, tx, new Selection("= ANY($1)", patientKeys, 0, 0), ct);

    /// <summary>
    /// Every patient with <paramref name="from"/> ≤ patient_key ≤ <paramref name="to"/> (a keyset page of the nightly
    /// screen): index range scans instead of 2000-element array probes; rows come back in physical (ingest) order.
    /// </summary>
    public static Task<Dictionary<long, PatientRecord>> LoadRangeAsync(
        NpgsqlConnection connection, NpgsqlTransaction? tx, long from, long to, CancellationToken ct) =>
        LoadAsync(connection, tx, new Selection("BETWEEN $1 AND $2", null, from, to), ct);

    private sealed record Selection(string Predicate, long[]? Keys, long From, long To);

    private static async Task<Dictionary<long, PatientRecord>> LoadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? tx, Selection patientKeys, CancellationToken ct)
    {
        var patients = new Dictionary<long, PatientFacts>(patientKeys.Keys?.Length ?? (int)Math.Min(patientKeys.To - patientKeys.From + 1, 4096));
        await using (var cmd = Command(connection, tx, $"""
            SELECT patient_key, external_id, sex, birth_date, deceased_date, hospice, opted_out, care_team
            FROM patient WHERE patient_key {patientKeys.Predicate}
            """, patientKeys))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                patients[r.GetInt64(0)] = new PatientFacts(
                    r.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture), Sexes.Parse(r.GetString(2)),
                    r.IsDBNull(3) ? null : r.GetFieldValue<DateOnly>(3), r.IsDBNull(4) ? null : r.GetFieldValue<DateOnly>(4),
                    r.GetBoolean(5), r.GetBoolean(6), r.GetString(7));

        var results = Buckets<LabObservation>(patients.Keys);
        await using (var cmd = Command(connection, tx, $"""
            SELECT patient_key, id, source_system, result_id, loinc, canonical_value, canonical_unit, collected_on,
                   status, encounter_class, reference_low, reference_high
            FROM lab_result WHERE is_current AND patient_key {patientKeys.Predicate}
            """, patientKeys))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                if (results.TryGetValue(r.GetInt64(0), out var list))
                    list.Add(new LabObservation(r.GetString(2), r.GetString(3), r.GetInt64(1), r.GetString(4),
                        r.IsDBNull(5) ? 0m : r.GetDecimal(5), r.IsDBNull(6) ? "" : r.GetString(6), r.GetFieldValue<DateOnly>(7),
                        ResultStatusNames.Parse(r.GetString(8)) ?? ResultStatus.Unknown, EncounterClasses.Parse(r.GetString(9)) ?? EncounterSetting.Outpatient,
                        r.IsDBNull(10) ? null : r.GetDecimal(10), r.IsDBNull(11) ? null : r.GetDecimal(11)));

        var diagnoses = Buckets<Diagnosis>(patients.Keys);
        await using (var cmd = Command(connection, tx,
            $"SELECT patient_key, code, code_system, onset, abatement FROM diagnosis WHERE patient_key {patientKeys.Predicate}", patientKeys))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                if (diagnoses.TryGetValue(r.GetInt64(0), out var list))
                    list.Add(new Diagnosis(r.GetString(1), CodeSystemNames.Parse(r.GetString(2)) ?? CodeSystem.Other,
                        r.IsDBNull(3) ? null : r.GetFieldValue<DateOnly>(3), r.IsDBNull(4) ? null : r.GetFieldValue<DateOnly>(4)));

        var procedures = Buckets<Procedure>(patients.Keys);
        await using (var cmd = Command(connection, tx,
            $"SELECT patient_key, id, code, code_system, performed_on FROM clinical_procedure WHERE patient_key {patientKeys.Predicate}", patientKeys))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                if (procedures.TryGetValue(r.GetInt64(0), out var list))
                    list.Add(new Procedure(r.GetInt64(1).ToString(System.Globalization.CultureInfo.InvariantCulture), r.GetString(2),
                        CodeSystemNames.Parse(r.GetString(3)) ?? CodeSystem.Other, r.GetFieldValue<DateOnly>(4)));

        var records = new Dictionary<long, PatientRecord>(patients.Count);
        foreach (var (key, facts) in patients)
            records[key] = new PatientRecord(facts, results[key], diagnoses[key], procedures[key]);
        return records;
    }

    private static Dictionary<long, List<T>> Buckets<T>(IEnumerable<long> keys) => keys.ToDictionary(k => k, _ => new List<T>());

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, Selection selection)
    {
        var cmd = new NpgsqlCommand(sql, connection, tx);
        if (selection.Keys is { } keys)
            cmd.Parameters.Add(SqlArray.Of(keys, NpgsqlDbType.Bigint));
        else
        {
            cmd.Parameters.AddWithValue(selection.From);
            cmd.Parameters.AddWithValue(selection.To);
        }
        return cmd;
    }
}
