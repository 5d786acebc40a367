using System.CommandLine;
using Npgsql;
using Screening.App.Hosting;
using Screening.App.Options;
using Screening.Data.Patients;

namespace Screening.App.Cli;

/// <summary>
/// <c>screening patients merge RETIRED SURVIVOR</c> and <c>screening patients unmerge RETIRED</c>. A patient is named by
/// its key or as <c>SYSTEM|VALUE</c> (quote it in the shell). Errors (into itself, into a merged patient, unknown
/// patient, nothing to undo) exit 2 and write nothing.
/// </summary>
public static class PatientMergeCommands
{
    public static Command Merge()
    {
        var retired = new Argument<string>("retired") { Description = "The record that goes away: key or 'SYSTEM|VALUE'." };
        var survivor = new Argument<string>("survivor") { Description = "The record that stays: key or 'SYSTEM|VALUE'." };
        var command = new Command("merge", "Merge RETIRED into SURVIVOR: results, state and open tasks move (one transaction, audited, undoable).") { retired, survivor };
        command.SetAction((parse, ct) => CliExecution.RunAsync(async () =>
        {
            using var app = ScreeningHost.CreateBuilder(Program.Args, HostRole.Database | HostRole.Rules).Build();
            var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
            var from = await Resolve(dataSource, parse.GetValue(retired)!, ct);
            var to = await Resolve(dataSource, parse.GetValue(survivor)!, ct);
            var merge = ActivatorUtilities.CreateInstance<PatientMerge>(app.Services);
            try
            {
                var id = await merge.MergeAsync(dataSource, from, to, "cli", Environment.UserName, ct);
                Console.WriteLine($"merged patient {from} into {to} (merge {id}); undo with: screening patients unmerge {from}");
                return 0;
            }
            catch (PatientMergeException e)
            {
                throw new OptionsProblemsException([$"patients merge: {e.Message} ({e.Reason})."]);
            }
        }));
        return command;
    }

    public static Command Unmerge()
    {
        var retired = new Argument<string>("retired") { Description = "The merged (retired) record: key or 'SYSTEM|VALUE'." };
        var command = new Command("unmerge", "Undo the merge of RETIRED: what the merge moved goes back; both are re-screened (audited).") { retired };
        command.SetAction((parse, ct) => CliExecution.RunAsync(async () =>
        {
            using var app = ScreeningHost.CreateBuilder(Program.Args, HostRole.Database | HostRole.Rules).Build();
            var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
            var key = await Resolve(dataSource, parse.GetValue(retired)!, ct);
            try
            {
                var (id, survivor) = await ActivatorUtilities.CreateInstance<PatientMerge>(app.Services).UnmergeAsync(dataSource, key, Environment.UserName, ct);
                Console.WriteLine($"unmerged patient {key} from {survivor} (merge {id} undone)");
                return 0;
            }
            catch (PatientMergeException e)
            {
                throw new OptionsProblemsException([$"patients unmerge: {e.Message} ({e.Reason})."]);
            }
        }));
        return command;
    }

    private static async Task<long> Resolve(NpgsqlDataSource dataSource, string text, CancellationToken ct)
    {
        var bar = text.IndexOf('|');
        var found = await new PatientDirectory(dataSource).FindAsync(bar < 0 ? null : text[..bar], bar < 0 ? text : text[(bar + 1)..], ct);
        return found ?? throw new OptionsProblemsException([$"patients: no patient '{(bar < 0 ? text : text[..bar] + "|…")}' (unknown-patient)."]);
    }
}
