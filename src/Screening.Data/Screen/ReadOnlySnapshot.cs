using System.Data;
using Npgsql;

namespace Screening.Data.Screen;

/// <summary>
/// One <c>REPEATABLE READ</c>, <c>READ ONLY</c> transaction: a consistent snapshot in which PostgreSQL itself refuses
/// any write (the what-if and the quality measures read the population this way and roll back).
/// </summary>
internal static class ReadOnlySnapshot
{
    public static async Task<NpgsqlTransaction> BeginAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var tx = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, tx))
            await readOnly.ExecuteNonQueryAsync(ct);
        return tx;
    }
}
