namespace Screening.Data.Model;

/// <summary>Row of <c>app_user_team</c>: a user's membership of a care team.</summary>
public sealed class AppUserTeam
{
    public long UserId { get; set; }
    public required string Team { get; set; }
}
