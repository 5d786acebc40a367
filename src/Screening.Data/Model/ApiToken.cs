namespace Screening.Data.Model;

/// <summary>Row of <c>api_token</c>: the SHA-256 of a bearer token for the JSON API, its name, scopes and expiry.</summary>
public sealed class ApiToken
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>What the token is for (shown in `users tokens list`).</summary>
    public string Name { get; set; } = "token";
    /// <summary>read (GET) and/or write (actions).</summary>
    public string[] Scopes { get; set; } = ["read", "write"];
    public DateTimeOffset ExpiresAt { get; set; }
}
