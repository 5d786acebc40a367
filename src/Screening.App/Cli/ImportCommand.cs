using System.CommandLine;
using Screening.App.Feeds;
using Screening.App.Hosting;
using Screening.App.Messaging;
using Screening.App.Options;
using Screening.Data.Platform;
using Screening.Interop.FileMode;
using Spectre.Console;

namespace Screening.App.Cli;

/// <summary>
/// <c>screening import PATH</c>: publishes files through RabbitMQ in batches (one <c>ClinicalRecordsReported</c> request
/// per batch to <c>screening.records</c>) and summarises the workers' replies. Without a worker consuming that queue the
/// import hosts the consumers itself (like the demo); <c>--no-local-worker</c> leaves the work to running workers.
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "A file, a directory of files, or a Synthea CSV export directory." };
        var format = new Option<string?>("--format") { Description = "hl7v2 | fhir | ndjson | synthea | csv (default: detect by directory/extension)." };
        var batchSize = new Option<int>("--batch-size") { Description = "Units (facts + rejects + ignored) per message.", DefaultValueFactory = _ => 500 };
        var noLocal = new Option<bool>("--no-local-worker") { Description = "Never consume here: publish for running 'screening worker' processes (the queue must exist)." };
        var timeout = new Option<int>("--reply-timeout") { Description = "Seconds to wait for a worker to confirm one batch.", DefaultValueFactory = _ => 600 };
        var command = new Command("import", "Import files (HL7 v2, FHIR, NDJSON, CSV, Synthea) through RabbitMQ in batches; safe to re-run.")
            { path, format, batchSize, noLocal, timeout };
        command.SetAction((parse, ct) => CliExecution.RunAsync(async () =>
        {
            var input = parse.GetValue(path)!;
            if (!File.Exists(input) && !Directory.Exists(input)) throw new OptionsProblemsException([$"import: '{input}' does not exist."]);
            var inputFormat = ParseFormat(parse.GetValue(format));
            var size = parse.GetValue(batchSize);
            if (size is < 1 or > 20_000) throw new OptionsProblemsException(["--batch-size must be between 1 and 20000."]);

            var settings = ScreeningSettings.Read(new ConfigurationBuilder().AddEnvironmentVariables("SCREENING_").Build()).Validate(rabbitMq: true);
            uint? consumers;
            try { consumers = await BrokerProbe.ConsumersAsync(settings.RabbitMq.Url!, Queues.Records, ct); }
            catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException ex)
            {
                throw new OptionsProblemsException([$"Cannot reach RabbitMQ ({ex.InnerException?.Message ?? ex.Message}). Start it with 'infra/services.sh up' or check SCREENING_AMQP."]);
            }
            var local = !parse.GetValue(noLocal) && consumers is not > 0;
            if (!local && consumers is null)
                throw new OptionsProblemsException([$"import: queue {Queues.Records} does not exist; start 'screening worker' once, or drop --no-local-worker."]);

            using var app = ScreeningHost.CreateBuilder(CliExecution.HostArgs(parse), local ? HostRole.Demo : HostRole.Publisher, Serilog.Events.LogEventLevel.Warning).Build();
            if (local && app.Services.GetRequiredService<ScreeningSettings>().Database.MigrateOnStart)
                await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync(SqlMigration.Embedded(), ct);
            await app.StartAsync(ct);
            AnsiConsole.MarkupLine(local
                ? "[grey]no worker is consuming screening.records: this process consumes its own batches[/]"
                : $"[grey]{consumers} consumer(s) on screening.records: batches go to the running worker(s)[/]");

            var request = new ImportRequest(input, inputFormat, size) { ReplyTimeout = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout))) };
            var importer = ActivatorUtilities.CreateInstance<FeedImporter>(app.Services);
            var summary = await RunWithProgressAsync(importer, request, ct);
            ImportSummaryView.Print(summary);
            await app.StopAsync(CancellationToken.None);
            return summary.Complete ? 0 : 1;
        }));
        return command;
    }

    private static async Task<ImportSummary> RunWithProgressAsync(FeedImporter importer, ImportRequest request, CancellationToken ct)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            // Redirected output (CI, logs): one plain progress line every few seconds instead of a live bar.
            var next = TimeSpan.Zero;
            return await importer.RunAsync(request, LocalCodes.Load(), p =>
            {
                if (p.Elapsed < next) return;
                next = p.Elapsed + TimeSpan.FromSeconds(5);
                Console.Out.WriteLine(Line(p));
            }, ct);
        }
        ImportSummary? summary = null;
        await AnsiConsole.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("reading", maxValue: 1);
                summary = await importer.RunAsync(request, LocalCodes.Load(), p =>
                {
                    var max = Math.Max(1, Math.Max(p.EstimatedUnits ?? 0, p.UnitsRead));
                    task.IsIndeterminate = p.EstimatedUnits is null;
                    task.MaxValue = max;
                    task.Value = p.UnitsConfirmed;
                    task.Description = Line(p);
                }, ct);
                task.Value = task.MaxValue;
                task.StopTask();
            });
        return summary!;
    }

    private static string Line(ImportProgress p) =>
        $"{p.UnitsConfirmed:N0}/{(p.EstimatedUnits is { } e ? e.ToString("N0") : "?")} records stored · {p.Rate:N0}/s · batches {p.BatchesConfirmed}/{p.BatchesPublished}";

    private static InputFormat? ParseFormat(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "hl7v2" or "hl7" => InputFormat.Hl7v2,
        "fhir" => InputFormat.Fhir,
        "ndjson" => InputFormat.Ndjson,
        "synthea" => InputFormat.Synthea,
        "csv" => InputFormat.Csv,
        _ => throw new OptionsProblemsException([$"--format '{text}' is not hl7v2, fhir, ndjson, synthea or csv."]),
    };
}
