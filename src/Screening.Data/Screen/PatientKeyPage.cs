using Npgsql;
using Screening.Data.Platform;

namespace Screening.Data.Screen;

/// <summary>The next keyset page of patient keys after <c>after</c>, in key order (the screen and the what-if page alike).</summary>
internal static class PatientKeyPage
{
    public static async Task<long[]> NextAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, long after, int limit, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT patient_key FROM patient WHERE patient_key > $1 ORDER BY patient_key LIMIT $2", connection, tx);
        cmd.Parameters.AddWithValue(after);
        cmd.Parameters.AddWithValue(limit);
        var keys = new List<long>(limit);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) keys.Add(reader.GetInt64(0));
        return [.. keys];
    }
}
