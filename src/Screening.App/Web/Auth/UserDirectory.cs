using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Screening.Data;
using Screening.Data.Model;

namespace Screening.App.Web.Auth;

/// <summary>Worklist users, their teams, sessions and API tokens (app_user, app_user_team, user_session, api_token).</summary>
public sealed class UserDirectory(IDbContextFactory<ScreeningDb> contexts)
{
    private static readonly PasswordHasher<AppUser> Hasher = new();

    public async Task<WebUser> AddAsync(string userName, string role, IReadOnlyList<string> teams, string password, CancellationToken ct)
    {
        if (password.Length < 8) throw new ArgumentException("password must have at least 8 characters.");
        await using var db = await contexts.CreateDbContextAsync(ct);
        await CheckUserAsync(db, userName, role, teams, ct);
        if (await db.AppUsers.AnyAsync(u => u.UserName == userName, ct)) throw new ArgumentException($"user '{userName}' already exists.");
        var user = new AppUser { UserName = userName, Role = role, PasswordHash = "", CreatedAt = DateTimeOffset.UtcNow };
        user.PasswordHash = Hasher.HashPassword(user, password);
        db.AppUsers.Add(user);
        await db.SaveChangesAsync(ct);
        db.AppUserTeams.AddRange(teams.Distinct().Select(t => new AppUserTeam { UserId = user.Id, Team = t }));
        await db.SaveChangesAsync(ct);
        return new WebUser(user.Id, user.UserName, user.Role, teams.Distinct().ToList());
    }

    /// <summary>A valid name, a known role and only existing, active teams (ArgumentException with one line otherwise).</summary>
    private static async Task CheckUserAsync(ScreeningDb db, string userName, string role, IReadOnlyList<string> teams, CancellationToken ct)
    {
        CheckName(userName);
        if (role is not (AppUser.AdminRole or AppUser.CareTeamRole or AppUser.CoordinatorRole))
            throw new ArgumentException($"role must be '{AppUser.CareTeamRole}', '{AppUser.CoordinatorRole}' or '{AppUser.AdminRole}'.");
        foreach (var team in teams) CheckName(team);
        foreach (var team in teams.Distinct())
            if (!await db.Database.SqlQuery<bool>($"SELECT EXISTS (SELECT 1 FROM care_team WHERE id = {team} AND active) AS \"Value\"").SingleAsync(ct))
                throw new ArgumentException($"unknown or disabled team '{team}' (see 'screening teams list').");
    }

    public async Task<IReadOnlyList<(AppUser User, string[] Teams)>> ListAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var users = await db.AppUsers.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var teams = await db.AppUserTeams.AsNoTracking().ToListAsync(ct);
        return users.Select(u => (u, teams.Where(t => t.UserId == u.Id).Select(t => t.Team).Order().ToArray())).ToList();
    }

    /// <summary>Disables a user: sign-in, every session and every API token stop working at once.</summary>
    public async Task<bool> DisableAsync(string userName, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var changed = await db.AppUsers.Where(u => u.UserName == userName).ExecuteUpdateAsync(s => s.SetProperty(u => u.Disabled, true), ct);
        await db.ApiTokens.Where(t => db.AppUsers.Any(u => u.Id == t.UserId && u.UserName == userName) && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, DateTimeOffset.UtcNow), ct);
        await RevokeSessionsAsync(db, userName, "disabled", ct);
        return changed > 0;
    }

    /// <summary>Ends every session of a user at once ("sign out everywhere"); the number ended, or null for no such user.</summary>
    public async Task<int?> SignOutEverywhereAsync(string userName, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.AppUsers.AnyAsync(u => u.UserName == userName, ct)) return null;
        return await RevokeSessionsAsync(db, userName, "signed-out-everywhere", ct);
    }

    /// <summary>
    /// A user whose role and teams the single sign-on provider decides: created (no usable password) or updated to the
    /// given role and teams. Null when the name belongs to a disabled user.
    /// </summary>
    public async Task<WebUser?> UpsertExternalAsync(string userName, string role, IReadOnlyList<string> teams, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await CheckUserAsync(db, userName, role, teams, ct);
        var user = await db.AppUsers.SingleOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null)
        {
            user = new AppUser { UserName = userName, Role = role, PasswordHash = "!sso-only", CreatedAt = DateTimeOffset.UtcNow };
            db.AppUsers.Add(user);
        }
        if (user.Disabled) return null;
        user.Role = role;
        await db.SaveChangesAsync(ct);
        await db.AppUserTeams.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(ct);
        db.AppUserTeams.AddRange(teams.Distinct().Select(t => new AppUserTeam { UserId = user.Id, Team = t }));
        await db.SaveChangesAsync(ct);
        return new WebUser(user.Id, user.UserName, user.Role, teams.Distinct().Order().ToList());
    }

    /// <summary>Clears the sign-in lockout of a name (true when it was locked or had failures).</summary>
    public async Task<bool> UnlockAsync(string userName, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Database.ExecuteSqlAsync($"DELETE FROM sign_in_lockout WHERE user_name = {userName}", ct) > 0;
    }

    /// <summary>Sets a new password and ends every session of the user (false: no such user).</summary>
    public async Task<bool> SetPasswordAsync(string userName, string password, CancellationToken ct)
    {
        if (password.Length < 8) throw new ArgumentException("password must have at least 8 characters.");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var user = await db.AppUsers.SingleOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null) return false;
        user.PasswordHash = Hasher.HashPassword(user, password);
        await db.SaveChangesAsync(ct);
        await RevokeSessionsAsync(db, userName, "password-changed", ct);
        return true;
    }

    private static Task<int> RevokeSessionsAsync(ScreeningDb db, string userName, string reason, CancellationToken ct) => db.Database.ExecuteSqlAsync($"""
        UPDATE user_session SET revoked_at = now(), revoked_reason = {reason}
        WHERE revoked_at IS NULL AND user_id = (SELECT id FROM app_user WHERE user_name = {userName})
        """, ct);

    /// <summary>Issues a new bearer token (shown once; only its SHA-256 is stored) with a name, scopes and an expiry.</summary>
    public Task<string?> IssueTokenAsync(string userName, CancellationToken ct) => IssueTokenAsync(userName, "token", null, null, ct);

    /// <summary>Issues a named token with the given scopes (default all) for the given lifetime (default 90 days).</summary>
    public async Task<string?> IssueTokenAsync(string userName, string name, IReadOnlyList<string>? scopes, TimeSpan? lifetime, CancellationToken ct)
    {
        if (name.Length is 0 or > 64) throw new ArgumentException("a token name has 1..64 characters.");
        scopes ??= TokenScopes.All;
        if (scopes.Count == 0 || scopes.Any(s => !TokenScopes.All.Contains(s)))
            throw new ArgumentException($"scopes must be among: {string.Join(", ", TokenScopes.All)}.");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var user = await db.AppUsers.SingleOrDefaultAsync(u => u.UserName == userName && !u.Disabled, ct);
        if (user is null) return null;
        var token = "scr_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = DateTimeOffset.UtcNow;
        db.ApiTokens.Add(new ApiToken { UserId = user.Id, TokenHash = HashToken(token), CreatedAt = now, Name = name,
            Scopes = scopes.Distinct().Order().ToArray(), ExpiresAt = now + (lifetime ?? TimeSpan.FromDays(90)) });
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>Tokens (never their secrets), newest first; of one user or of everyone.</summary>
    public async Task<IReadOnlyList<(ApiToken Token, string UserName)>> ListTokensAsync(string? userName, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await (from t in db.ApiTokens.AsNoTracking()
                          join u in db.AppUsers.AsNoTracking() on t.UserId equals u.Id
                          where userName == null || u.UserName == userName
                          orderby t.Id descending
                          select new { t, u.UserName }).ToListAsync(ct);
        return rows.Select(r => (r.t, r.UserName)).ToList();
    }

    /// <summary>Revokes one token by its id (false: no such live token).</summary>
    public async Task<bool> RevokeTokenAsync(long id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ApiTokens.Where(t => t.Id == id && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, DateTimeOffset.UtcNow), ct) > 0;
    }

    public async Task<bool> ExistsAsync(string userName, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.AppUsers.AnyAsync(u => u.UserName == userName, ct);
    }

    public async Task<WebUser?> FindAsync(string userName, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var user = await db.AppUsers.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName && !u.Disabled, ct);
        return user is null ? null : await ToWebUserAsync(db, user, ct);
    }

    public async Task<WebUser?> FindByIdAsync(long id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var user = await db.AppUsers.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && !u.Disabled, ct);
        return user is null ? null : await ToWebUserAsync(db, user, ct);
    }

    /// <summary>The user whose password matches, or null (unknown, disabled or wrong password: indistinguishable).</summary>
    public async Task<WebUser?> SignInAsync(string userName, string password, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var user = await db.AppUsers.SingleOrDefaultAsync(u => u.UserName == userName && !u.Disabled, ct);
        if (user is null || user.PasswordHash.StartsWith('!')) // unknown, or single sign-on only
        {
            Hasher.HashPassword(new AppUser { UserName = "", Role = "", PasswordHash = "" }, password); // same work either way
            return null;
        }
        var verdict = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed) return null;
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = Hasher.HashPassword(user, password);
            await db.SaveChangesAsync(ct);
        }
        return await ToWebUserAsync(db, user, ct);
    }

    /// <summary>The user and scopes of a live token (not revoked, not expired, user enabled); records its last use.</summary>
    public async Task<(WebUser User, string[] Scopes)?> FindByTokenAsync(string token, CancellationToken ct)
    {
        var hash = HashToken(token);
        var now = DateTimeOffset.UtcNow;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.ApiTokens.SingleOrDefaultAsync(t => t.TokenHash == hash && t.RevokedAt == null && t.ExpiresAt > now, ct);
        if (row is null) return null;
        var user = await db.AppUsers.AsNoTracking().SingleOrDefaultAsync(u => u.Id == row.UserId && !u.Disabled, ct);
        if (user is null) return null;
        row.LastUsedAt = now;
        await db.SaveChangesAsync(ct);
        return (await ToWebUserAsync(db, user, ct), row.Scopes);
    }

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static async Task<WebUser> ToWebUserAsync(ScreeningDb db, AppUser user, CancellationToken ct) =>
        new(user.Id, user.UserName, user.Role,
            await db.AppUserTeams.AsNoTracking().Where(t => t.UserId == user.Id).Select(t => t.Team).OrderBy(t => t).ToListAsync(ct));

    private static void CheckName(string name)
    {
        if (name.Length is 0 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            throw new ArgumentException($"'{name}' is not a valid name (letters, digits, '.', '-', '_'; at most 64).");
    }
}
