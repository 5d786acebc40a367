using Npgsql;
using NpgsqlTypes;
using Screening.Contracts;

namespace Screening.Data.Ingest;

/// <summary>
/// Upserts <c>patient_demographics</c> (PHI: name, phones, address, language; PCP, location, organization, payer for
/// attribution). An absent (null) field keeps what is on record; a row is rewritten only when something changed.
/// </summary>
internal static class DemographicsWriter
{
    public static async Task WriteAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyDictionary<long, PatientUpdated> updated,
        DateTimeOffset now, CancellationToken ct)
    {
        var rows = updated.Where(p => p.Value.Demographics is not null).OrderBy(p => p.Key)
            .Select(p => (Key: p.Key, D: p.Value.Demographics!)).ToArray();
        if (rows.Length == 0) return;
        static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        static string? Joined(IReadOnlyList<string>? items) =>
            items is null ? null : string.Join('\u001f', items.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()));
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO patient_demographics AS d (patient_key, family_name, given_names, phones, address, preferred_language,
                                                   pcp_id, pcp_name, location, managing_organization, payer, updated_at)
            SELECT u.k, u.family, string_to_array(u.given, chr(31)), string_to_array(u.phones, chr(31)), string_to_array(u.address, chr(31)),
                   u.lang, u.pcp_id, u.pcp_name, u.loc, u.org, u.payer, $12
            FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                        $10::text[], $11::text[]) AS u(k, family, given, phones, address, lang, pcp_id, pcp_name, loc, org, payer)
            ORDER BY u.k
            ON CONFLICT (patient_key) DO UPDATE SET
                family_name = coalesce(excluded.family_name, d.family_name),
                given_names = coalesce(excluded.given_names, d.given_names),
                phones = coalesce(excluded.phones, d.phones),
                address = coalesce(excluded.address, d.address),
                preferred_language = coalesce(excluded.preferred_language, d.preferred_language),
                pcp_id = coalesce(excluded.pcp_id, d.pcp_id),
                pcp_name = coalesce(excluded.pcp_name, d.pcp_name),
                location = coalesce(excluded.location, d.location),
                managing_organization = coalesce(excluded.managing_organization, d.managing_organization),
                payer = coalesce(excluded.payer, d.payer),
                updated_at = excluded.updated_at
            WHERE (d.family_name, d.given_names, d.phones, d.address, d.preferred_language, d.pcp_id, d.pcp_name, d.location,
                   d.managing_organization, d.payer)
                  IS DISTINCT FROM
                  (coalesce(excluded.family_name, d.family_name), coalesce(excluded.given_names, d.given_names),
                   coalesce(excluded.phones, d.phones), coalesce(excluded.address, d.address),
                   coalesce(excluded.preferred_language, d.preferred_language), coalesce(excluded.pcp_id, d.pcp_id),
                   coalesce(excluded.pcp_name, d.pcp_name), coalesce(excluded.location, d.location),
                   coalesce(excluded.managing_organization, d.managing_organization), coalesce(excluded.payer, d.payer))
            """, c, tx);
        cmd.Parameters.Add(SqlArray.Of(rows.Select(r => r.Key).ToArray(), NpgsqlDbType.Bigint));
        cmd.Parameters.Add(SqlArray.Of(rows.Select(r => Text(r.D.Name?.Family)).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.Add(SqlArray.Of(rows.Select(r => r.D.Name is null ? null : Joined(r.D.Name.Given)).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.Add(SqlArray.Of(rows.Select(r => Joined(r.D.Phones)).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.Add(SqlArray.Of(rows.Select(r => Joined(r.D.Address)).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.Add(SqlArray.Of(rows.Select(r => Text(r.D.Language)).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.Add(SqlArray.Of(rows.Select(r => Text(r.D.PcpId)).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.Add(SqlArray.Of(rows.Select(r => Text(r.D.PcpName)).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.Add(SqlArray.Of(rows.Select(r => Text(r.D.Location)).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.Add(SqlArray.Of(rows.Select(r => Text(r.D.ManagingOrganization)).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.Add(SqlArray.Of(rows.Select(r => Text(r.D.Payer)).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.AddWithValue(now);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
