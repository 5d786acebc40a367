using System.CommandLine;
using System.Text.Json;
using Npgsql;
using Screening.App.Hosting;
using Screening.Data.Platform;
using Screening.Data.Attribution;
using Spectre.Console;

namespace Screening.App.Cli;

/// <summary>
/// <c>screening teams …</c>: care teams, attribution rules, panel imports and the unassigned queue. Bad input (unknown or
/// disabled team, bad basis, a bad panel line) is one line on stderr and exit code 2, with nothing written.
/// </summary>
public static class TeamsCommand
{
    public static Command Create()
    {
        var format = new Option<OutputFormat>("--format") { Description = "table | json", DefaultValueFactory = _ => OutputFormat.Table };
        var list = new Command("list", "List care teams with their patients and open tasks.") { format };
        list.SetAction((parse, ct) => Run(parse, async data =>
        {
            var teams = await new CareTeams(data).ListAsync(ct);
            if (parse.GetValue(format) == OutputFormat.Json) Console.WriteLine(JsonSerializer.Serialize(teams, JsonDefaults.Options));
            else
            {
                var table = new Table().AddColumns("team", "name", "active", "patients", "open tasks");
                foreach (var t in teams) table.AddRow(Markup.Escape(t.Id), Markup.Escape(t.DisplayName), t.Active ? "yes" : "no", $"{t.Patients:N0}", $"{t.OpenTasks:N0}");
                AnsiConsole.Write(table);
            }
            return 0;
        }));

        var addId = new Argument<string>("id") { Description = "Team id (letters, digits, '.', '-', '_')." };
        var addName = new Option<string?>("--name") { Description = "Display name (default: the id)." };
        var add = new Command("add", "Add a care team (or re-enable a disabled one).") { addId, addName };
        add.SetAction((parse, ct) => Run(parse, async data =>
        {
            await new CareTeams(data).AddAsync(parse.GetValue(addId)!, parse.GetValue(addName), Actor, ct);
            Console.WriteLine($"Added team {parse.GetValue(addId)}.");
            return 0;
        }));

        var disableId = new Argument<string>("id") { Description = "Team to disable." };
        var disable = new Command("disable", "Disable a team: its patients and their open tasks go to the unassigned queue (audited, announced).") { disableId };
        disable.SetAction((parse, ct) => Run(parse, async data =>
        {
            var moved = await new CareTeams(data).DisableAsync(parse.GetValue(disableId)!, Actor, ct);
            Console.WriteLine($"Disabled team {parse.GetValue(disableId)}; {moved:N0} patient(s) moved to the unassigned queue.");
            return 0;
        }));

        var seedFile = new Argument<string?>("file") { Description = "Seed file (default: seeds/attribution.json next to the binary).", Arity = ArgumentArity.ZeroOrOne };
        var seed = new Command("seed", "Add the teams and rules of a seed file that are missing (admins' edits are kept).") { seedFile };
        seed.SetAction((parse, ct) => Run(parse, async data =>
        {
            var path = parse.GetValue(seedFile) ?? DefaultSeed;
            if (!File.Exists(path)) throw new AttributionInputException($"No such file: {path}.");
            var (teams, rules) = await AttributionSeed.ApplyAsync(data, path, Actor, ct);
            Console.WriteLine($"Seeded {teams} team(s) and {rules} rule(s) from {path}.");
            return 0;
        }));

        return new Command("teams", "Care teams, attribution rules, panels and the unassigned queue.")
            { list, add, disable, seed, RulesCommand(), PanelCommand(), QueueCommand(format), AssignCommand() };
    }

    public static string DefaultSeed => Path.Combine(AppContext.BaseDirectory, "seeds", "attribution.json");

    private static Command RulesCommand()
    {
        var all = new Option<bool>("--all") { Description = "Include replaced and disabled rules." };
        var list = new Command("list", "List attribution rules in precedence order (pcp, location, organization, payer).") { all };
        list.SetAction((parse, ct) => Run(parse, async data =>
        {
            var table = new Table().AddColumns("id", "basis", "value", "team", "active", "note", "by");
            foreach (var r in await new CareTeams(data).RulesAsync(parse.GetValue(all), ct))
                table.AddRow($"{r.Id}", r.Basis, Markup.Escape(r.Value), Markup.Escape(r.Team), r.Active ? "yes" : "no", Markup.Escape(r.Note), Markup.Escape(r.CreatedBy));
            AnsiConsole.Write(table);
            return 0;
        }));

        var basis = new Option<string>("--basis") { Description = "pcp | location | organization | payer", Required = true };
        var value = new Option<string>("--value") { Description = "The PCP id, location/department, organization or payer/plan to match.", Required = true };
        var team = new Option<string>("--team") { Description = "The team those patients belong to.", Required = true };
        var note = new Option<string?>("--note") { Description = "Why (shown in rules list)." };
        var add = new Command("add", "Add a rule (replaces an active rule for the same basis and value).") { basis, value, team, note };
        add.SetAction((parse, ct) => Run(parse, async data =>
        {
            var id = await new CareTeams(data).AddRuleAsync(parse.GetValue(basis)!, parse.GetValue(value)!, parse.GetValue(team)!, parse.GetValue(note), Actor, ct);
            Console.WriteLine($"Added rule #{id}: {parse.GetValue(basis)} {parse.GetValue(value)} → {parse.GetValue(team)}.");
            return 0;
        }));

        var id = new Argument<long>("id") { Description = "Rule id (rules list)." };
        var disable = new Command("disable", "Disable a rule (patients keep their team until attribution changes).") { id };
        disable.SetAction((parse, ct) => Run(parse, async data =>
        {
            await new CareTeams(data).DisableRuleAsync(parse.GetValue(id), Actor, ct);
            Console.WriteLine($"Disabled rule #{parse.GetValue(id)}.");
            return 0;
        }));
        return new Command("rules", "Attribution rules: PCP, location, organization or payer → team.") { list, add, disable };
    }

    private static Command PanelCommand()
    {
        var file = new Argument<string>("file") { Description = "CSV: identifier,team per line; identifier is system|value (or value with --system)." };
        var name = new Option<string?>("--name") { Description = "Panel name stored as the attribution reason (default: the file name)." };
        var system = new Option<string?>("--system") { Description = "Issuing system for bare identifier values." };
        var import = new Command("import", "Import a panel file: all lines or none; known patients move at once.") { file, name, system };
        import.SetAction((parse, ct) => Run(parse, async data =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new AttributionInputException($"No such file: {path}.");
            var panel = parse.GetValue(name) ?? Path.GetFileNameWithoutExtension(path);
            var result = await new Panels(data).ImportAsync(await File.ReadAllTextAsync(path, ct), panel, parse.GetValue(system), Actor, ct);
            Console.WriteLine($"Imported panel {result.Panel}: {result.Lines:N0} line(s); {result.PatientsMoved:N0} known patient(s) moved, {result.TasksMoved:N0} open task(s) with them.");
            return 0;
        }));
        return new Command("panel", "Explicit panels (identifier → team).") { import };
    }

    private static (Option<string?> Source, Option<string?> Reason, Option<string?> Rule) FilterOptions() => (
        new Option<string?>("--source") { Description = "Only patients from this source system." },
        new Option<string?>("--reason") { Description = "Only this attribution reason (a prefix when it ends in ':', e.g. unknown-team:)." },
        new Option<string?>("--rule") { Description = "Only patients with an open task of this rule." });

    private static Command QueueCommand(Option<OutputFormat> format)
    {
        var (source, reason, rule) = FilterOptions();
        var limit = new Option<int>("--limit") { Description = "At most this many patients.", DefaultValueFactory = _ => 200 };
        var queue = new Command("queue", "The unassigned queue: patients attribution could not place, and why (internal keys only).") { source, reason, rule, limit, format };
        queue.SetAction((parse, ct) => Run(parse, async data =>
        {
            var filter = new QueueFilter(parse.GetValue(source), parse.GetValue(reason), parse.GetValue(rule));
            var (rows, total) = await new UnassignedQueue(data).ListAsync(filter, parse.GetValue(limit), ct);
            if (parse.GetValue(format) == OutputFormat.Json) Console.WriteLine(JsonSerializer.Serialize(new { total, items = rows }, JsonDefaults.Options));
            else
            {
                var table = new Table().AddColumns("patient_key", "source", "reason", "open tasks", "urgent", "since");
                foreach (var r in rows)
                    table.AddRow($"{r.PatientKey}", Markup.Escape(r.SourceSystem), Markup.Escape(r.Reason ?? ""), $"{r.OpenTasks}", r.Urgent ? "yes" : "", r.Since.ToString("yyyy-MM-dd"));
                AnsiConsole.Write(table);
                Console.WriteLine($"{total:N0} unassigned patient(s).");
            }
            await Data.Audit.AuditLog.RecordAsync(data, Actor, "queue.list", "patient", null, null, new { filter = filter.ToString(), count = rows.Count }, ct);
            return 0;
        }));
        return queue;
    }

    private static Command AssignCommand()
    {
        var (source, reason, rule) = FilterOptions();
        var team = new Option<string>("--team") { Description = "The active team to assign to.", Required = true };
        var patients = new Option<long[]>("--patient") { Description = "Patient key(s) from the queue (repeatable).", AllowMultipleArgumentsPerToken = true };
        var assign = new Command("assign", "Assign unassigned patients (--patient KEY…, or every one matching --source/--reason/--rule) to a team; audited, their open tasks move and are announced.")
            { team, patients, source, reason, rule };
        assign.SetAction((parse, ct) => Run(parse, async data =>
        {
            var keys = parse.GetValue(patients) ?? [];
            var filter = new QueueFilter(parse.GetValue(source), parse.GetValue(reason), parse.GetValue(rule));
            if (keys.Length > 0 && !filter.IsEmpty) throw new AttributionInputException("Give either --patient keys or a filter, not both.");
            var queue = new UnassignedQueue(data);
            var moved = keys.Length > 0
                ? await queue.AssignAsync(keys, parse.GetValue(team)!, Actor, ct)
                : await queue.AssignMatchingAsync(filter, parse.GetValue(team)!, Actor, ct);
            Console.WriteLine($"Assigned {moved.Count:N0} patient(s) to {parse.GetValue(team)}; {moved.Sum(m => m.TasksMoved):N0} open task(s) moved with them.");
            if (keys.Length > moved.Count) await Console.Error.WriteLineAsync($"{keys.Length - moved.Count} key(s) were not on the unassigned queue and were left alone.");
            return 0;
        }));
        return assign;
    }

    /// <summary>Who is acting, as the audit records it.</summary>
    public static string Actor => Environment.UserName;

    private static Task<int> Run(ParseResult parse, Func<NpgsqlDataSource, Task<int>> action) => CliExecution.RunAsync(async () =>
    {
        using var app = ScreeningHost.CreateBuilder(CliExecution.HostArgs(parse), HostRole.Query, Serilog.Events.LogEventLevel.Warning).Build();
        try
        {
            return await action(app.Services.GetRequiredService<NpgsqlDataSource>());
        }
        catch (AttributionInputException ex)
        {
            await Console.Error.WriteLineAsync("teams: " + ex.Message);
            return 2;
        }
    });
}
