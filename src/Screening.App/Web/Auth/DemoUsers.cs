using Screening.Data.Model;

namespace Screening.App.Web.Auth;

/// <summary>
/// Demo sign-ins, created idempotently by `screening demo` (existing users are left as they are). Demo only: change or
/// disable them (`screening users disable NAME`) on any shared machine.
/// </summary>
public static class DemoUsers
{
    public static readonly (string UserName, string Password, string Role, string[] Teams)[] All =
    [
        ("nurse.north", "north-demo-2026", AppUser.CareTeamRole, ["north"]),
        ("nurse.south", "south-demo-2026", AppUser.CareTeamRole, ["south"]),
        ("coordinator", "coordinator-demo-2026", AppUser.CoordinatorRole, []),
        ("admin", "admin-demo-2026", AppUser.AdminRole, []),
    ];

    /// <summary>One line for the demo summary: where to sign in and with what.</summary>
    public static string SignInLine(string url) =>
        $"{url}  sign in as " + string.Join(", ", All.Select(u => $"{u.UserName} / {u.Password}"));

    public static async Task<int> EnsureAsync(IServiceProvider services, CancellationToken ct)
    {
        var users = new UserDirectory(services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Data.Platform.ScreeningDb>>());
        var created = 0;
        foreach (var (name, password, role, teams) in All)
        {
            if (await users.ExistsAsync(name, ct)) continue;
            await users.AddAsync(name, role, teams, password, ct);
            created++;
        }
        return created;
    }
}
