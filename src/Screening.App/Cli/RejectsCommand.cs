using Screening.Data.Audit;
using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Screening.Data;
using Screening.App.Hosting;
using Screening.App.Options;
using Screening.Data.Rejects;
using Spectre.Console;

namespace Screening.App.Cli;

/// <summary>
/// <c>screening rejects list|show|replay</c>: input that could not be used, with its reason. Lists never show payloads;
/// <c>show</c> does (PHI) and records an audit_event each time; <c>replay</c> re-reads payloads with the current readers
/// and local-code map (seeds/local-codes.json or SCREENING_LOCAL_CODES) after a fix.
/// </summary>
public static class RejectsCommand
{
    public static Command Create() => new("rejects", "List, show and replay rejected input.") { List(), Show(), Replay() };

    private static Command List()
    {
        var reason = new Option<string?>("--reason") { Description = "Only this reason code (e.g. unmapped-code)." };
        var since = new Option<string?>("--since") { Description = "Received on or after this date (YYYY-MM-DD)." };
        var status = new Option<string>("--status") { Description = "rejected (default) | faulted (could not be processed: a bug, a delivery-limit breach) | replayed | rejected-again | all", DefaultValueFactory = _ => "rejected" };
        var format = new Option<OutputFormat>("--format") { Description = "table | csv | json", DefaultValueFactory = _ => OutputFormat.Table };
        var limit = new Option<int>("--limit") { Description = "At most this many rows (newest first).", DefaultValueFactory = _ => 200 };
        var command = new Command("list", "Counts per reason, then the rejects (no payloads).") { reason, since, status, format, limit };
        command.SetAction((parse, ct) => CliExecution.RunAsync(async () =>
        {
            var filter = new RejectFilter(parse.GetValue(reason), CliExecution.ParseDate(parse.GetValue(since), "--since"), Status(parse.GetValue(status)));
            using var app = ScreeningHost.CreateBuilder(Program.Args, HostRole.Query).Build();
            var store = new RejectStore(app.Services.GetRequiredService<NpgsqlDataSource>());
            var counts = await store.CountsAsync(filter, ct);
            var rows = await store.ListAsync(filter, parse.GetValue(limit), ct);
            RejectListView.Write(counts, rows, parse.GetValue(format), Console.Out);
            await AuditLog.RecordAsync(app.Services.GetRequiredService<NpgsqlDataSource>(), Environment.UserName, "rejects.list", "rejected_message",
                null, null, new { count = rows.Count }, ct);
            return 0;
        }));
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<long>("id") { Description = "The reject id (from 'rejects list')." };
        var command = new Command("show", "One reject with detail, location and payload (PHI: every show is audited).") { id };
        command.SetAction((parse, ct) => CliExecution.RunAsync(async () =>
        {
            using var app = ScreeningHost.CreateBuilder(Program.Args, HostRole.Query).Build();
            var detail = await new RejectStore(app.Services.GetRequiredService<NpgsqlDataSource>()).ShowAsync(parse.GetValue(id), Environment.UserName, ct);
            if (detail is null)
            {
                await Console.Error.WriteLineAsync($"rejects show: no reject with id {parse.GetValue(id)}.");
                return 1;
            }
            RejectListView.WriteDetail(detail, Console.Out);
            return 0;
        }));
        return command;
    }

    private static Command Replay()
    {
        var id = new Argument<long?>("id") { Description = "Replay this reject (and the rows sharing its payload).", Arity = ArgumentArity.ZeroOrOne };
        var reason = new Option<string?>("--reason") { Description = "Replay every reject with this reason code." };
        var since = new Option<string?>("--since") { Description = "Only rejects received on or after this date." };
        var command = new Command("replay", "Re-read stored payloads with the current readers and local-code map, and ingest them.") { id, reason, since };
        command.SetAction((parse, ct) => CliExecution.RunAsync(async () =>
        {
            var filter = new RejectFilter(parse.GetValue(reason), CliExecution.ParseDate(parse.GetValue(since), "--since"), "rejected", parse.GetValue(id));
            if (filter.Id is null && string.IsNullOrWhiteSpace(filter.Reason))
                throw new OptionsProblemsException(["rejects replay: give an ID or --reason R (replaying everything at once is not offered)."]);
            using var app = ScreeningHost.CreateBuilder(Program.Args, HostRole.Database | HostRole.Rules | HostRole.Ingest).Build();
            var replay = ActivatorUtilities.CreateInstance<RejectReplay>(app.Services);
            var codes = LocalCodes.Load();
            AnsiConsole.MarkupLine($"[grey]local-code map: {Markup.Escape(LocalCodes.Path)} ({codes.Count} mapping(s))[/]");
            var summary = await replay.ReplayAsync(filter, codes, Environment.UserName, ct);
            RejectListView.WriteReplay(summary);
            return 0;
        }));
        return command;
    }

    private static string Status(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "rejected" => "rejected",
        "replayed" => "replayed",
        "rejected-again" => "rejected-again",
        "faulted" => "faulted",
        "all" => "all",
        _ => throw new OptionsProblemsException([$"--status '{text}' is not rejected, faulted, replayed, rejected-again or all."]),
    };
}
