namespace Screening.Data.Model;

/// <summary>Row of <c>app_user</c>: a worklist sign-in. Role: care-team (sees its teams), coordinator (its teams and the unassigned queue) or admin (sees all).</summary>
public sealed class AppUser
{
    public long Id { get; set; }
    public required string UserName { get; set; }
    public string DisplayName { get; set; } = "";
    public required string PasswordHash { get; set; }
    public required string Role { get; set; }
    public bool Disabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public const string AdminRole = "admin";
    public const string CareTeamRole = "care-team";
    /// <summary>Works the unassigned queue: assigns patients attribution could not place to teams.</summary>
    public const string CoordinatorRole = "coordinator";
}
