using System.CommandLine;
using Npgsql;
using Screening.App.Hosting;
using Screening.App.Options;
using Screening.Data.Patients;

namespace Screening.App.Cli;

/// <summary>
/// <c>screening patients search|show|merge|unmerge</c>: find a patient by identifier or by name prefix (+ birth date),
/// print one patient's identifiers and demographics, merge two records of one person and undo it. Every search and
/// view is audited (PHI on screen, never in logs).
/// </summary>
public static class PatientsCommand
{
    public static Command Create() => new("patients", "Find, show, merge and unmerge patients.") { Search(), Show(), PatientMergeCommands.Merge(), PatientMergeCommands.Unmerge() };

    private static Command Search()
    {
        var identifier = new Option<string?>("--identifier") { Description = "An identifier value (MRN, lab id, …)." };
        var system = new Option<string?>("--system") { Description = "Only identifiers of this issuing system (with --identifier)." };
        var name = new Option<string?>("--name") { Description = "Family name prefix (at least 2 letters)." };
        var birth = new Option<string?>("--birth-date") { Description = "Birth date YYYY-MM-DD (with --name)." };
        var format = new Option<OutputFormat>("--format") { Description = "table | json", DefaultValueFactory = _ => OutputFormat.Table };
        var command = new Command("search", "Patients by identifier, or by name prefix and birth date (audited).") { identifier, system, name, birth, format };
        command.SetAction((parse, ct) => CliExecution.RunAsync(async () =>
        {
            var search = new PatientSearch(parse.GetValue(identifier), parse.GetValue(system), parse.GetValue(name),
                CliExecution.ParseDate(parse.GetValue(birth), "--birth-date"));
            if (search.Problem() is { } problem) throw new OptionsProblemsException([$"patients search: {problem}."]);
            using var app = ScreeningHost.CreateBuilder(Program.Args, HostRole.Query).Build();
            var directory = new PatientDirectory(app.Services.GetRequiredService<NpgsqlDataSource>());
            var hits = await directory.SearchAsync(search, app.Services.GetRequiredService<IdentityOptions>().MrnSystem, null, Environment.UserName, ct);
            PatientView.WriteCards(hits, parse.GetValue(format), DateOnly.FromDateTime(DateTime.Today), Console.Out);
            return 0;
        }));
        return command;
    }

    private static Command Show()
    {
        var first = new Argument<string>("key-or-system") { Description = "A patient key, or an issuing system followed by a value." };
        var value = new Argument<string?>("value") { Description = "The identifier value (when the first argument is a system).", Arity = ArgumentArity.ZeroOrOne };
        var format = new Option<OutputFormat>("--format") { Description = "table | json", DefaultValueFactory = _ => OutputFormat.Table };
        var command = new Command("show", "One patient: identifiers, demographics, care team, attribution (audited).") { first, value, format };
        command.SetAction((parse, ct) => CliExecution.RunAsync(async () =>
        {
            using var app = ScreeningHost.CreateBuilder(Program.Args, HostRole.Query).Build();
            var directory = new PatientDirectory(app.Services.GetRequiredService<NpgsqlDataSource>());
            var (system, key) = parse.GetValue(value) is { } v ? (parse.GetValue(first), v) : (null, parse.GetValue(first)!);
            var found = await directory.FindAsync(system, key, ct);
            if (found is null)
            {
                await Console.Error.WriteLineAsync(system is null ? $"patients show: no patient with key '{key}'." : "patients show: no patient with that system and identifier.");
                return 1;
            }
            var detail = await directory.ShowAsync(found.Value, Environment.UserName, ct);
            PatientView.WriteDetail(detail!, parse.GetValue(format), Console.Out);
            return 0;
        }));
        return command;
    }
}
