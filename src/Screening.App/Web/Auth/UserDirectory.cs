using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Screening.Data.Platform;
using Screening.Data.Model;

namespace Screening.App.Web.Auth;

/// <summary>Worklist users, their teams and API tokens (app_user, app_user_team, api_token).</summary>
public sealed class UserDirectory(IDbContextFactory<ScreeningDb> contexts)
{
    private static readonly PasswordHasher<AppUser> Hasher = new();

    public async Task<WebUser> AddAsync(string userName, string role, IReadOnlyList<string> teams, string password, CancellationToken ct)
    {
        CheckName(userName);
        if (role is not (AppUser.AdminRole or AppUser.CareTeamRole or AppUser.CoordinatorRole))
            throw new ArgumentException($"role must be '{AppUser.CareTeamRole}', '{AppUser.CoordinatorRole}' or '{AppUser.AdminRole}'.");
        if (password.Length < 8) throw new ArgumentException("password must have at least 8 characters.");
        foreach (var team in teams) CheckName(team);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.AppUsers.AnyAsync(u => u.UserName == userName, ct)) throw new ArgumentException($"user '{userName}' already exists.");
        foreach (var team in teams.Distinct())
            if (!await db.Database.SqlQuery<bool>($"SELECT EXISTS (SELECT 1 FROM care_team WHERE id = {team} AND active) AS \"Value\"").SingleAsync(ct))
                throw new ArgumentException($"unknown or disabled team '{team}' (see 'screening teams list').");
        var user = new AppUser { UserName = userName, Role = role, PasswordHash = "", CreatedAt = DateTimeOffset.UtcNow };
        user.PasswordHash = Hasher.HashPassword(user, password);
        db.AppUsers.Add(user);
        await db.SaveChangesAsync(ct);
        db.AppUserTeams.AddRange(teams.Distinct().Select(t => new AppUserTeam { UserId = user.Id, Team = t }));
        await db.SaveChangesAsync(ct);
        return new WebUser(user.Id, user.UserName, user.Role, teams.Distinct().ToList());
    }

    public async Task<IReadOnlyList<(AppUser User, string[] Teams)>> ListAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var users = await db.AppUsers.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var teams = await db.AppUserTeams.AsNoTracking().ToListAsync(ct);
        return users.Select(u => (u, teams.Where(t => t.UserId == u.Id).Select(t => t.Team).Order().ToArray())).ToList();
    }

    public async Task<bool> DisableAsync(string userName, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var changed = await db.AppUsers.Where(u => u.UserName == userName).ExecuteUpdateAsync(s => s.SetProperty(u => u.Disabled, true), ct);
        await db.ApiTokens.Where(t => db.AppUsers.Any(u => u.Id == t.UserId && u.UserName == userName) && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, DateTimeOffset.UtcNow), ct);
        return changed > 0;
    }

    /// <summary>Issues a new bearer token (shown once; only its SHA-256 is stored).</summary>
    public async Task<string?> IssueTokenAsync(string userName, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var user = await db.AppUsers.SingleOrDefaultAsync(u => u.UserName == userName && !u.Disabled, ct);
        if (user is null) return null;
        var token = "scr_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.ApiTokens.Add(new ApiToken { UserId = user.Id, TokenHash = HashToken(token), CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync(ct);
        return token;
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

    /// <summary>The user whose password matches, or null (unknown, disabled or wrong password: indistinguishable).</summary>
    public async Task<WebUser?> SignInAsync(string userName, string password, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var user = await db.AppUsers.SingleOrDefaultAsync(u => u.UserName == userName && !u.Disabled, ct);
        if (user is null)
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

    public async Task<WebUser?> FindByTokenAsync(string token, CancellationToken ct)
    {
        var hash = HashToken(token);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.ApiTokens.SingleOrDefaultAsync(t => t.TokenHash == hash && t.RevokedAt == null, ct);
        if (row is null) return null;
        var user = await db.AppUsers.AsNoTracking().SingleOrDefaultAsync(u => u.Id == row.UserId && !u.Disabled, ct);
        if (user is null) return null;
        row.LastUsedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(ct);
        return await ToWebUserAsync(db, user, ct);
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
