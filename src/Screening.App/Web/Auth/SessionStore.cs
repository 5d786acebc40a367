using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Npgsql;

namespace Screening.App.Web.Auth;

/// <summary>
/// Server-side sessions (user_session): the cookie carries only a random session id; the row (keyed by the id's
/// SHA-256) decides whether it is still good. A session ends when revoked (logout, password change, disable, sign out
/// everywhere), after <see cref="WebOptions.SessionIdleMinutes"/> without a request, or at its absolute expiry. The
/// principal is rebuilt from app_user on every request, so a role or team change takes effect at once.
/// </summary>
public sealed class SessionStore(NpgsqlDataSource db, UserDirectory users, WebOptions options, TimeProvider clock) : ITicketStore
{
    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var userId = long.Parse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)!, System.Globalization.CultureInfo.InvariantCulture);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = ticket.Properties.IssuedUtc ?? clock.GetUtcNow();
        await using var cmd = db.CreateCommand(
            "INSERT INTO user_session (id_hash, user_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $3, $4)");
        cmd.Parameters.AddWithValue(UserDirectory.HashToken(key));
        cmd.Parameters.AddWithValue(userId);
        cmd.Parameters.AddWithValue(now);
        cmd.Parameters.AddWithValue(ticket.Properties.ExpiresUtc ?? now.AddHours(options.SessionLifetimeHours));
        await cmd.ExecuteNonQueryAsync();
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => Task.CompletedTask; // the row is the truth; nothing in the cookie changes

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var now = clock.GetUtcNow();
        long userId;
        DateTimeOffset created, expires;
        await using (var cmd = db.CreateCommand("""
            UPDATE user_session SET last_seen_at = $2
            WHERE id_hash = $1 AND revoked_at IS NULL AND expires_at > $2 AND last_seen_at > $3
            RETURNING user_id, created_at, expires_at
            """))
        {
            cmd.Parameters.AddWithValue(UserDirectory.HashToken(key));
            cmd.Parameters.AddWithValue(now);
            cmd.Parameters.AddWithValue(now.AddMinutes(-options.SessionIdleMinutes));
            await using var r = await cmd.ExecuteReaderAsync();
            if (!await r.ReadAsync()) return null; // unknown, revoked, idle too long or past its lifetime
            (userId, created, expires) = (r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), r.GetFieldValue<DateTimeOffset>(2));
        }
        var user = await users.FindByIdAsync(userId, CancellationToken.None);
        if (user is null) return null;
        var principal = user.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme);
        return new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = created, ExpiresUtc = expires },
            CookieAuthenticationDefaults.AuthenticationScheme);
    }

    public async Task RemoveAsync(string key)
    {
        await using var cmd = db.CreateCommand(
            "UPDATE user_session SET revoked_at = $2, revoked_reason = 'logout' WHERE id_hash = $1 AND revoked_at IS NULL");
        cmd.Parameters.AddWithValue(UserDirectory.HashToken(key));
        cmd.Parameters.AddWithValue(clock.GetUtcNow());
        await cmd.ExecuteNonQueryAsync();
    }
}
