using System.CommandLine;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Screening.App.Hosting;
using Screening.Data;
using Screening.Data.Audit;
using Spectre.Console;

namespace Screening.App.Cli;

/// <summary>
/// <c>screening audit verify|list|export</c> (operators and admins with database access): <c>verify</c> recomputes the
/// hash chain and exits 1 at the first edited, removed or re-ordered row; <c>list</c> shows recent events; <c>export</c>
/// writes them as CSV or NDJSON. Reading the audit is itself audited.
/// </summary>
public static class AuditCommand
{
    public static Command Create() => new("audit", "Verify, list and export the append-only, hash-chained audit log.") { Verify(), List(), Export() };

    private static Command Verify()
    {
        var command = new Command("verify", "Recompute the hash chain; exit 1 and name the first row that does not fit.");
        command.SetAction((parse, ct) => CliExecution.RunAsync(async () =>
        {
            using var app = ScreeningHost.CreateBuilder(Program.Args, HostRole.Query, Serilog.Events.LogEventLevel.Warning).Build();
            var verdict = await AuditChain.VerifyAsync(app.Services.GetRequiredService<NpgsqlDataSource>(), ct);
            if (verdict.Intact)
            {
                Console.WriteLine($"Audit chain intact: {verdict.RowsVerified} rows, head {verdict.HeadHash}");
                return 0;
            }
            await Console.Error.WriteLineAsync($"Audit chain BROKEN at chain_seq {verdict.BrokenSeq} (audit_event id {verdict.BrokenId}): {verdict.Problem}. "
                + $"{verdict.RowsVerified} rows before it are intact.");
            return 1;
        }));
        return command;
    }

    private static (Option<string?> Actor, Option<string?> Action, Option<string?> Since, Option<int> Limit) Filters() => (
        new Option<string?>("--actor") { Description = "Only this actor." },
        new Option<string?>("--action") { Description = "Only this action (e.g. user.sign-in-failed)." },
        new Option<string?>("--since") { Description = "On or after this date (YYYY-MM-DD, UTC)." },
        new Option<int>("--limit") { Description = "At most this many rows (newest first).", DefaultValueFactory = _ => 200 });

    private static Command List()
    {
        var (actor, action, since, limit) = Filters();
        var command = new Command("list", "Recent audit events (newest first).") { actor, action, since, limit };
        command.SetAction((parse, ct) => CliExecution.RunAsync(async () =>
        {
            using var app = ScreeningHost.CreateBuilder(Program.Args, HostRole.Query, Serilog.Events.LogEventLevel.Warning).Build();
            var db = app.Services.GetRequiredService<NpgsqlDataSource>();
            var rows = await ReadAsync(db, parse.GetValue(actor), parse.GetValue(action), CliExecution.ParseDate(parse.GetValue(since), "--since"), parse.GetValue(limit), ct);
            var table = new Table().AddColumns("seq", "at (UTC)", "actor", "action", "entity", "patient", "detail");
            foreach (var r in rows)
                table.AddRow(r.Seq.ToString(), r.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"), Markup.Escape(r.Actor), Markup.Escape(r.Action),
                    Markup.Escape($"{r.EntityType} {r.EntityId}"), r.PatientKey?.ToString() ?? "", Markup.Escape(r.Detail.Length > 80 ? r.Detail[..80] + "…" : r.Detail));
            AnsiConsole.Write(table);
            await AuditLog.RecordAsync(db, Environment.UserName, "audit.list", "audit_event", null, null, new { count = rows.Count }, ct);
            return 0;
        }));
        return command;
    }

    private static Command Export()
    {
        var (actor, action, since, limit) = Filters();
        limit.DefaultValueFactory = _ => 1_000_000;
        var format = new Option<string>("--format") { Description = "csv | ndjson", DefaultValueFactory = _ => "csv" };
        var command = new Command("export", "Audit events with their chain hashes as CSV or NDJSON on stdout.") { actor, action, since, limit, format };
        command.SetAction((parse, ct) => CliExecution.RunAsync(async () =>
        {
            var fmt = parse.GetValue(format);
            if (fmt is not ("csv" or "ndjson")) throw new Options.OptionsProblemsException(["--format must be csv or ndjson."]);
            using var app = ScreeningHost.CreateBuilder(Program.Args, HostRole.Query, Serilog.Events.LogEventLevel.Warning).Build();
            var db = app.Services.GetRequiredService<NpgsqlDataSource>();
            var rows = await ReadAsync(db, parse.GetValue(actor), parse.GetValue(action), CliExecution.ParseDate(parse.GetValue(since), "--since"), parse.GetValue(limit), ct);
            var output = Console.Out;
            if (fmt == "csv") await output.WriteAsync("chain_seq,id,occurred_at,actor,action,entity_type,entity_id,patient_key,detail,row_hash\r\n");
            foreach (var r in rows.OrderBy(r => r.Seq))
                await output.WriteAsync(fmt == "csv"
                    ? string.Join(',', r.Seq, r.Id, r.At.UtcDateTime.ToString("O"), CsvField.Escape(r.Actor), CsvField.Escape(r.Action), CsvField.Escape(r.EntityType),
                        CsvField.Escape(r.EntityId ?? ""), r.PatientKey?.ToString() ?? "", CsvField.Escape(r.Detail), r.RowHash) + "\r\n"
                    : JsonSerializer.Serialize(new { chainSeq = r.Seq, r.Id, occurredAt = r.At, r.Actor, r.Action, r.EntityType, r.EntityId, r.PatientKey,
                        detail = JsonDocument.Parse(r.Detail).RootElement, rowHash = r.RowHash }, JsonDefaults.Options) + "\n");
            await AuditLog.RecordAsync(db, Environment.UserName, "audit.export", "audit_event", null, null, new { count = rows.Count, format = fmt }, ct);
            return 0;
        }));
        return command;
    }

    private sealed record Row(long Seq, long Id, DateTimeOffset At, string Actor, string Action, string EntityType, string? EntityId, long? PatientKey,
        string Detail, string RowHash);

    private static async Task<List<Row>> ReadAsync(NpgsqlDataSource db, string? actor, string? action, DateOnly? since, int limit, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT chain_seq, id, occurred_at, actor, action, entity_type, entity_id, patient_key, detail::text, encode(row_hash, 'hex')
            FROM audit_event
            WHERE ($1::text IS NULL OR actor = $1) AND ($2::text IS NULL OR action = $2) AND ($3::date IS NULL OR occurred_at >= $3::date::timestamptz)
            ORDER BY chain_seq DESC LIMIT $4
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)actor ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)action ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)since ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
        cmd.Parameters.AddWithValue(Math.Max(1, limit));
        var rows = new List<Row>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            rows.Add(new Row(r.GetInt64(0), r.GetInt64(1), r.GetFieldValue<DateTimeOffset>(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetInt64(7), r.GetString(8), r.GetString(9)));
        return rows;
    }
}
