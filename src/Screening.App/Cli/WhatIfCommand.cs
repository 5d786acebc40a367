using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;
using Screening.App.Hosting;
using Screening.App.Options;
using Screening.Data.WhatIf;
using Screening.Domain.WhatIf;
using Spectre.Console;
using Screening.Data.Platform;
using Screening.Domain.Codes;

namespace Screening.App.Cli;

/// <summary>
/// <c>screening screen --what-if RULES.json [--as-of D] [--out changes.csv|changes.json]</c>: the live population
/// screened with the active and the candidate rules in a read-only transaction; prints the per-rule difference and
/// writes the affected patients (internal keys) as CSV or JSON. Writes nothing to the database.
/// </summary>
public static class WhatIfCommand
{
    public static async Task<int> RunAsync(string[] hostArgs, string candidatePath, string? asOf, string? output, CancellationToken ct)
    {
        var candidate = RulesSetup.Load(new RulesOptions { Path = Path.GetFullPath(candidatePath) });
        var date = CliExecution.ParseDate(asOf, "--as-of");
        using var app = ScreeningHost.CreateBuilder(hostArgs, HostRole.Database | HostRole.Rules).Build();
        var day = date ?? app.Services.GetRequiredService<ScreeningClock>().Today;
        var screen = new WhatIfScreen(app.Services.GetRequiredService<NpgsqlDataSource>(), app.Services.GetRequiredService<ActiveRules>());
        var report = await screen.RunAsync(candidate.Rules, day, ct);
        Print(report);
        if (output is not null) await WriteAsync(report, output, ct);
        return 0;
    }

    private static void Print(WhatIfReport r)
    {
        var table = new Table()
            .Title($"What-if as of {r.AsOf:yyyy-MM-dd}: rules {r.ActiveVersion} (active) → {r.CandidateVersion} (candidate), {r.Tally.Patients:N0} patients, nothing written")
            .AddColumn("rule").AddColumn(new TableColumn("findings now").RightAligned()).AddColumn(new TableColumn("with candidate").RightAligned())
            .AddColumn(new TableColumn("would open").RightAligned()).AddColumn(new TableColumn("would close").RightAligned())
            .AddColumn(new TableColumn("priority up").RightAligned()).AddColumn(new TableColumn("priority down").RightAligned());
        foreach (var row in r.Tally.Rows())
            table.AddRow(row.Rule, N(row.MetNow), N(row.MetCandidate), N(row.Open), N(row.Close), N(row.PriorityUp), N(row.PriorityDown));
        AnsiConsole.Write(table);
        static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
    }

    private static async Task WriteAsync(WhatIfReport r, string path, CancellationToken ct)
    {
        string text;
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            text = JsonSerializer.Serialize(new
            {
                asOf = r.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), activeRules = r.ActiveVersion, candidateRules = r.CandidateVersion,
                patients = r.Tally.Patients,
                rules = r.Tally.Rows().Select(x => new { rule = x.Rule, findingsNow = x.MetNow, findingsCandidate = x.MetCandidate, wouldOpen = x.Open, wouldClose = x.Close, priorityUp = x.PriorityUp, priorityDown = x.PriorityDown }),
                changes = r.Changes.Select(c => new { patientKey = c.PatientId, rule = c.Rule, change = c.Change, priorityNow = Text(c.PriorityNow), priorityCandidate = Text(c.PriorityCandidate) }),
            }, new JsonSerializerOptions { WriteIndented = true });
        }
        else
        {
            var csv = new StringBuilder("patient_key,rule,change,priority_now,priority_candidate\n");
            foreach (var c in r.Changes)
                csv.Append(CsvField.Escape(c.PatientId)).Append(',').Append(c.Rule).Append(',').Append(c.Change).Append(',')
                    .Append(Text(c.PriorityNow)).Append(',').Append(Text(c.PriorityCandidate)).Append('\n');
            text = csv.ToString();
        }
        if (path == "-") Console.Write(text);
        else await File.WriteAllTextAsync(path, text, ct);
        await Console.Error.WriteLineAsync($"{r.Changes.Count:N0} change(s) written to {(path == "-" ? "stdout" : path)}.");
    }

    private static string Text(Domain.Screening.Priority? p) => p is { } priority ? Priorities.Code(priority) : "";
}
