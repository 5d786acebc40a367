namespace Screening.App.Web.Auth;

/// <summary>What an API token may do: <c>read</c> (GET) and/or <c>write</c> (task actions). Carried as claims of the bearer principal.</summary>
public static class TokenScopes
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Claim = "screening:scope";
    public static readonly IReadOnlyList<string> All = [Read, Write];
}
