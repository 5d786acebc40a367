using System.Security.Claims;

namespace Screening.App.Web.Auth;

/// <summary>
/// The signed-in user as the worklist sees them: admins see every team, care-team members only theirs, coordinators
/// theirs and the unassigned queue.
/// </summary>
public sealed record WebUser(long Id, string UserName, string Role, IReadOnlyList<string> Teams)
{
    public const string TeamClaim = "screening:team";

    public bool IsAdmin => Role == Data.Model.AppUser.AdminRole;

    public bool IsCoordinator => Role == Data.Model.AppUser.CoordinatorRole;

    /// <summary>May work the unassigned queue (assign patients to teams): coordinators and admins.</summary>
    public bool WorksQueue => IsAdmin || IsCoordinator;

    /// <summary>Teams to filter on, or null for "every team" (admin).</summary>
    public string[]? TeamFilter => IsAdmin ? null : IsCoordinator ? Teams.Append(Domain.Attribution.CareTeamAttribution.Unassigned).Distinct().ToArray() : Teams.ToArray();

    public bool CanSee(string team) =>
        IsAdmin || Teams.Contains(team, StringComparer.Ordinal) || (IsCoordinator && team == Domain.Attribution.CareTeamAttribution.Unassigned);

    public ClaimsPrincipal ToPrincipal(string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, UserName), new(ClaimTypes.Role, Role),
        };
        claims.AddRange(Teams.Select(t => new Claim(TeamClaim, t)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The user of an authenticated request (the principal is rebuilt from the database on every request).</summary>
    public static WebUser From(ClaimsPrincipal principal) => new(
        long.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "0", System.Globalization.CultureInfo.InvariantCulture),
        principal.Identity?.Name ?? "", principal.FindFirstValue(ClaimTypes.Role) ?? "",
        principal.FindAll(TeamClaim).Select(c => c.Value).ToList());
}
