using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;
using Screening.App.Hosting;
using Screening.Data;
using Screening.Data.Measures;
using Screening.Data.Screen;
using Screening.Data.Platform;
using Screening.Domain.Measures;
using Spectre.Console;

namespace Screening.App.Cli;

/// <summary>
/// <c>screening measures --as-of D [--team T] [--format table|csv|json]</c>: HEDIS OSW/OMW and the three rules as
/// quality measures (denominator, exclusions, numerator, rate) per care team and overall, read-only. A bad option is
/// one line on stderr and exit code 2.
/// </summary>
public static class MeasuresCommand
{
    public static Command Create()
    {
        var asOf = new Option<string?>("--as-of") { Description = "The as-of date (YYYY-MM-DD); the measurement year is its calendar year. Required." };
        var team = new Option<string?>("--team") { Description = "Only this care team (default: every team and the overall rows)." };
        var format = new Option<string?>("--format") { Description = "table (default) | csv | json" };
        var command = new Command("measures",
            "Quality measures as of a date: HEDIS OSW and OMW, and persistent anemia, persistent hypocalcemia and overdue DXA, per team and overall (writes nothing).")
            { asOf, team, format };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => CliExecution.RunAsync(async () =>
        {
            if (parse.UnmatchedTokens.Count > 0) return await Refuse($"measures: unknown argument '{parse.UnmatchedTokens[0]}'.");
            if (parse.GetValue(asOf) is not { Length: > 0 } asOfText) return await Refuse("measures: --as-of YYYY-MM-DD is required.");
            if (!DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                return await Refuse($"measures: --as-of '{asOfText}' is not a date in the form YYYY-MM-DD.");
            var output = (parse.GetValue(format) ?? "table").ToLowerInvariant() switch
            {
                "table" => OutputFormat.Table,
                "csv" => OutputFormat.Csv,
                "json" => OutputFormat.Json,
                _ => (OutputFormat?)null,
            };
            if (output is null) return await Refuse($"measures: --format '{parse.GetValue(format)}' is not one of table, csv, json.");

            using var app = ScreeningHost.CreateBuilder(CliExecution.HostArgs(parse), HostRole.Database | HostRole.Rules, Serilog.Events.LogEventLevel.Warning).Build();
            var db = app.Services.GetRequiredService<NpgsqlDataSource>();
            var rules = app.Services.GetRequiredService<ActiveRules>();
            if (rules.Rules.Measures is null) return await Refuse($"measures: the active rule file ({rules.Version}) has no 'measures' section.");
            var only = parse.GetValue(team);
            if (only is not null && !await TeamExistsAsync(db, only, ct)) return await Refuse($"measures: unknown care team '{only}'.");

            var rates = await new PopulationMeasures(db).RunAsync(rules.Rules, [day], only is null ? null : [only], ct);
            if (only is not null) rates = [.. rates.Where(r => r.Team == MeasureTally.Overall).Select(r => r with { Team = only })];
            Write(rates, output.Value, rules.Version, day, Console.Out);
            return 0;
        }));
        return command;
    }

    /// <summary>The project's JSON shape, but a measure with nobody left in its denominator prints <c>"rate": null</c>.</summary>
    private static readonly JsonSerializerOptions JsonWithNulls = new(JsonDefaults.Options) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never };

    public static void Write(IReadOnlyList<MeasureRate> rates, OutputFormat format, string rulesVersion, DateOnly asOf, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Json:
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    asOf = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    rules = rulesVersion,
                    measures = rates.Select(r => new
                    {
                        measure = r.Measure, team = r.Team, denominator = r.Denominator, exclusions = r.Exclusions, numerator = r.Numerator,
                        rate = r.Rate, higherIsBetter = MeasureIds.HigherIsBetter(r.Measure),
                    }),
                }, JsonWithNulls));
                break;
            case OutputFormat.Csv:
                var csv = new StringBuilder("as_of,measure,team,denominator,exclusions,numerator,rate\n");
                foreach (var r in rates)
                    csv.Append(CultureInfo.InvariantCulture, $"{r.AsOf:yyyy-MM-dd},{r.Measure},{CsvField.Escape(r.Team)},{r.Denominator},{r.Exclusions},{r.Numerator},{r.Rate}\n");
                output.Write(csv.ToString());
                break;
            default:
                var table = new Table().Title($"Quality measures as of {asOf:yyyy-MM-dd} (rules {rulesVersion})")
                    .AddColumn("measure").AddColumn("team").AddColumn(new TableColumn("denominator").RightAligned())
                    .AddColumn(new TableColumn("exclusions").RightAligned()).AddColumn(new TableColumn("numerator").RightAligned())
                    .AddColumn(new TableColumn("rate").RightAligned()).AddColumn("better");
                foreach (var r in rates)
                    table.AddRow(r.Measure, Markup.Escape(r.Team), N(r.Denominator), N(r.Exclusions), N(r.Numerator),
                        r.Rate is { } rate ? (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "–",
                        MeasureIds.HigherIsBetter(r.Measure) ? "higher" : "lower");
                AnsiConsole.Write(table);
                break;
        }
        static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
    }

    private static async Task<bool> TeamExistsAsync(NpgsqlDataSource db, string team, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT EXISTS (SELECT 1 FROM care_team WHERE id = $1)");
        cmd.Parameters.AddWithValue(team);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private static async Task<int> Refuse(string message)
    {
        await Console.Error.WriteLineAsync(message);
        return 2;
    }
}
