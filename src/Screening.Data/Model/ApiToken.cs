namespace Screening.Data.Model;

/// <summary>Row of <c>api_token</c>: the SHA-256 of a bearer token for the JSON API.</summary>
public sealed class ApiToken
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
