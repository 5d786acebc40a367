using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Screening.App.Hosting;
using Screening.App.Options;
using Screening.App.Web.Auth;
using Screening.Data.Platform;
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
        add.SetAction((parse, ct) => Run(parse, async users =>
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
        list.SetAction((parse, ct) => Run(parse, async users =>
        {
            var table = new Table().AddColumns("user", "role", "teams", "disabled", "created");
            foreach (var (u, teams) in await users.ListAsync(ct))
                table.AddRow(Markup.Escape(u.UserName), u.Role, Markup.Escape(string.Join(", ", teams)), u.Disabled ? "yes" : "", u.CreatedAt.ToString("yyyy-MM-dd"));
            AnsiConsole.Write(table);
            return 0;
        }));

        var disableName = new Argument<string>("name") { Description = "User to disable (sign-in and API tokens stop working at once)." };
        var disable = new Command("disable", "Disable a user and revoke their API tokens.") { disableName };
        disable.SetAction((parse, ct) => Run(parse, async users =>
        {
            if (await users.DisableAsync(parse.GetValue(disableName)!, ct)) { Console.WriteLine("Disabled."); return 0; }
            await Console.Error.WriteLineAsync("No such user.");
            return 2;
        }));

        var tokenName = new Argument<string>("name") { Description = "User the token acts as." };
        var token = new Command("token", "Print a new API bearer token for a user (shown once; stored hashed).") { tokenName };
        token.SetAction((parse, ct) => Run(parse, async users =>
        {
            if (await users.IssueTokenAsync(parse.GetValue(tokenName)!, ct) is { } issued) { Console.WriteLine(issued); return 0; }
            await Console.Error.WriteLineAsync("No such enabled user.");
            return 2;
        }));
        return new Command("users", "Manage worklist sign-ins, teams and API tokens.") { add, list, disable, token };
    }

    private static Task<int> Run(ParseResult parse, Func<UserDirectory, Task<int>> action) => CliExecution.RunAsync(async () =>
    {
        using var app = ScreeningHost.CreateBuilder(CliExecution.HostArgs(parse), HostRole.Query, Serilog.Events.LogEventLevel.Warning).Build();
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
