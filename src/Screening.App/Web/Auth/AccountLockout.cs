using Npgsql;

namespace Screening.App.Web.Auth;

/// <summary>
/// Per-account sign-in throttling (sign_in_lockout, keyed by the name typed, so unknown names behave like real ones):
/// every failure refuses the account for 1, 2, 4 … seconds; at <see cref="WebOptions.LockoutThreshold"/> consecutive
/// failures it is locked for <see cref="WebOptions.LockoutMinutes"/>, doubling with every further threshold of failures
/// (at most 24 h). A success or an admin unlock (`screening users unlock NAME`) clears it.
/// </summary>
public sealed class AccountLockout(NpgsqlDataSource db, WebOptions options, TimeProvider clock)
{
    public async Task<bool> IsLockedAsync(string userName, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT count(*) FROM sign_in_lockout WHERE user_name = $1 AND locked_until > $2");
        cmd.Parameters.AddWithValue(userName);
        cmd.Parameters.AddWithValue(clock.GetUtcNow());
        return (long)(await cmd.ExecuteScalarAsync(ct))! > 0;
    }

    /// <summary>Counts one failure and returns the consecutive failures so far.</summary>
    public async Task<int> RecordFailureAsync(string userName, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO sign_in_lockout AS l (user_name, failures, last_failure_at, locked_until) VALUES ($1, 1, $2, $2 + $3 * interval '1 second')
            ON CONFLICT (user_name) DO UPDATE SET failures = l.failures + 1, last_failure_at = $2,
                locked_until = $2 + least(86400,
                    CASE WHEN l.failures + 1 < $4 THEN power(2, l.failures)
                         ELSE $5 * 60 * power(2, (l.failures + 1 - $4) / $4) END) * interval '1 second'
            RETURNING failures
            """);
        cmd.Parameters.AddWithValue(userName);
        cmd.Parameters.AddWithValue(clock.GetUtcNow());
        cmd.Parameters.AddWithValue(options.LockoutThreshold <= 1 ? options.LockoutMinutes * 60.0 : 1.0);
        cmd.Parameters.AddWithValue(options.LockoutThreshold);
        cmd.Parameters.AddWithValue(options.LockoutMinutes);
        return (int)(await cmd.ExecuteScalarAsync(ct))!;
    }

    public async Task ResetAsync(string userName, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("DELETE FROM sign_in_lockout WHERE user_name = $1");
        cmd.Parameters.AddWithValue(userName);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
