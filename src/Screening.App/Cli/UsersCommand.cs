using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Screening.App.Hosting;
using Screening.App.Options;
using Screening.App.Web.Auth;
using Screening.Data;
using Spectre.Console;

namespace Screening.App.Cli;

public static class UsersCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "User name (letters, digits, '.', '-', '_')." };
        var role = new Option<string>("--role") { Description = "care-team | coordinator | admin", DefaultValueFactory = _ => "care-team" };
        var team = new Option<string[]>("--team") { Description = "Care team(s) the user works for (repeatable).", AllowMultipleArgumentsPerToken = true };
        var password = new Option<string?>("--password") { Description = "Password (default: SCREENING_USER_PASSWORD, else a random one is printed)." };
        var add = new Command("add", "Add a worklist user.") { name, role, team, password };
        add.SetAction((parse, ct) => Run(async users =>
        {
            var given = parse.GetValue(password) ?? Environment.GetEnvironmentVariable("SCREENING_USER_PASSWORD");
            var secret = given ?? Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
            var teams = parse.GetValue(team) ?? [];
            if (parse.GetValue(role) == "care-team" && teams.Length == 0) throw new OptionsProblemsException(["A care-team user needs at least one --team."]);
            var user = await users.AddAsync(parse.GetValue(name)!, parse.GetValue(role)!, teams, secret, ct);
            Console.WriteLine($"Added {user.UserName} ({user.Role}{(teams.Length > 0 ? ": " + string.Join(", ", teams) : "")}).");
            if (given is null) Console.WriteLine($"Password: {secret}");
            return 0;
        }));

        var list = new Command("list", "List worklist users (no secrets).");
        list.SetAction((parse, ct) => Run(async users =>
        {
            var table = new Table().AddColumns("user", "role", "teams", "disabled", "created");
            foreach (var (u, teams) in await users.ListAsync(ct))
                table.AddRow(Markup.Escape(u.UserName), u.Role, Markup.Escape(string.Join(", ", teams)), u.Disabled ? "yes" : "", u.CreatedAt.ToString("yyyy-MM-dd"));
            AnsiConsole.Write(table);
            return 0;
        }));

        var disableName = new Argument<string>("name") { Description = "User to disable (sign-in and API tokens stop working at once)." };
        var disable = new Command("disable", "Disable a user and revoke their API tokens.") { disableName };
        disable.SetAction((parse, ct) => Run(async users =>
        {
            if (await users.DisableAsync(parse.GetValue(disableName)!, ct)) { Console.WriteLine("Disabled."); return 0; }
            await Console.Error.WriteLineAsync("No such user.");
            return 2;
        }));

        var tokenName = new Argument<string>("name") { Description = "User the token acts as." };
        var label = new Option<string>("--name") { Description = "What the token is for (shown in 'users tokens list').", DefaultValueFactory = _ => "token" };
        var expires = new Option<string>("--expires") { Description = "Lifetime: 30d, 12h, 90d … (default 90d, at most 3650d).", DefaultValueFactory = _ => "90d" };
        var scope = new Option<string[]>("--scope") { Description = "read and/or write (repeatable; default both).", AllowMultipleArgumentsPerToken = true };
        var token = new Command("token", "Print a new API bearer token for a user (shown once; stored hashed).") { tokenName, label, expires, scope };
        token.SetAction((parse, ct) => Run(async users =>
        {
            var lifetime = ParseLifetime(parse.GetValue(expires)!);
            var scopes = parse.GetValue(scope) is { Length: > 0 } given ? given.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToArray() : null;
            if (await users.IssueTokenAsync(parse.GetValue(tokenName)!, parse.GetValue(label)!, scopes, lifetime, ct) is { } issued) { Console.WriteLine(issued); return 0; }
            await Console.Error.WriteLineAsync("No such enabled user.");
            return 2;
        }));

        var tokensOf = new Argument<string?>("name") { Description = "Only this user's tokens.", Arity = ArgumentArity.ZeroOrOne };
        var tokensList = new Command("list", "API tokens: id, user, name, scopes, expiry, last use (never the secret).") { tokensOf };
        tokensList.SetAction((parse, ct) => Run(async users =>
        {
            var table = new Table().AddColumns("id", "user", "name", "scopes", "created", "expires", "last used", "revoked");
            foreach (var (t, user) in await users.ListTokensAsync(parse.GetValue(tokensOf), ct))
                table.AddRow(t.Id.ToString(), Markup.Escape(user), Markup.Escape(t.Name), string.Join(",", t.Scopes), t.CreatedAt.ToString("yyyy-MM-dd"),
                    t.ExpiresAt.ToString("yyyy-MM-dd HH:mm"), t.LastUsedAt?.ToString("yyyy-MM-dd HH:mm") ?? "", t.RevokedAt?.ToString("yyyy-MM-dd HH:mm") ?? "");
            AnsiConsole.Write(table);
            return 0;
        }));
        var tokenId = new Argument<long>("id") { Description = "Token id (from 'users tokens list')." };
        var tokensRevoke = new Command("revoke", "Revoke one API token by id (at once).") { tokenId };
        tokensRevoke.SetAction((parse, ct) => Run(async users =>
        {
            if (await users.RevokeTokenAsync(parse.GetValue(tokenId), ct)) { Console.WriteLine("Revoked."); return 0; }
            await Console.Error.WriteLineAsync("No such live token.");
            return 2;
        }));
        var tokens = new Command("tokens", "List or revoke API tokens.") { tokensList, tokensRevoke };

        var unlockName = new Argument<string>("name") { Description = "Account to unlock." };
        var unlock = new Command("unlock", "Clear an account's failed sign-ins and lock.") { unlockName };
        unlock.SetAction((parse, ct) => Run(async users =>
        {
            Console.WriteLine(await users.UnlockAsync(parse.GetValue(unlockName)!, ct) ? "Unlocked." : "Was not locked.");
            return 0;
        }));

        var signOutName = new Argument<string>("name") { Description = "User whose sessions end." };
        var signOut = new Command("sign-out", "Sign a user out everywhere (every browser session ends at once).") { signOutName };
        signOut.SetAction((parse, ct) => Run(async users =>
        {
            if (await users.SignOutEverywhereAsync(parse.GetValue(signOutName)!, ct) is { } ended) { Console.WriteLine($"Ended {ended} session(s)."); return 0; }
            await Console.Error.WriteLineAsync("No such user.");
            return 2;
        }));

        var passwordName = new Argument<string>("name") { Description = "User whose password changes." };
        var passwordCommand = new Command("password", "Set a new password (from SCREENING_USER_PASSWORD, else a random one is printed); ends every session.") { passwordName };
        passwordCommand.SetAction((parse, ct) => Run(async users =>
        {
            var given = Environment.GetEnvironmentVariable("SCREENING_USER_PASSWORD");
            var secret = given ?? Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
            if (!await users.SetPasswordAsync(parse.GetValue(passwordName)!, secret, ct)) { await Console.Error.WriteLineAsync("No such user."); return 2; }
            Console.WriteLine(given is null ? $"Password: {secret}" : "Password changed.");
            return 0;
        }));
        return new Command("users", "Manage worklist sign-ins, teams, sessions and API tokens.") { add, list, disable, token, tokens, unlock, signOut, passwordCommand };
    }

    /// <summary>"30d", "12h" → a lifetime (1 hour .. 3650 days).</summary>
    public static TimeSpan ParseLifetime(string text)
    {
        var unit = text.Length > 1 ? text[^1] : ' ';
        if (unit != ' ' && int.TryParse(text[..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            var lifetime = unit switch { 'd' => TimeSpan.FromDays(n), 'h' => TimeSpan.FromHours(n), _ => TimeSpan.Zero };
            if (lifetime > TimeSpan.Zero && lifetime <= TimeSpan.FromDays(3650)) return lifetime;
        }
        throw new OptionsProblemsException([$"--expires '{text}' is not a lifetime like 30d or 12h (at most 3650d)."]);
    }

    private static Task<int> Run(Func<UserDirectory, Task<int>> action) => CliExecution.RunAsync(async () =>
    {
        using var app = ScreeningHost.CreateBuilder(Program.Args, HostRole.Query, Serilog.Events.LogEventLevel.Warning).Build();
        try
        {
            return await action(new UserDirectory(app.Services.GetRequiredService<IDbContextFactory<ScreeningDb>>()));
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync("users: " + ex.Message);
            return 2;
        }
    });
}
