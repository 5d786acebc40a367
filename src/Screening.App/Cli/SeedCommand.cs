using System.CommandLine;
using System.Diagnostics;
using MassTransit;
using Screening.App.Demo;
using Screening.App.Hosting;
using Screening.Data.Ingest;
using Screening.Data.Migrations;
using Spectre.Console;

namespace Screening.App.Cli;

/// <summary>
/// Generates a large deterministic synthetic population (same seed, same messages) and loads it: by default
/// published to RabbitMQ as <c>ClinicalRecordsReported</c> batches (consumed by <c>screening worker</c>), or with
/// <c>--direct</c> ingested in-process straight into PostgreSQL through the same ingest code (no broker).
/// Generation runs on all cores; publishes are concurrent with publisher confirms.
/// </summary>
public static class SeedCommand
{
    public static Command Create()
    {
        var patients = new Option<int>("--patients") { Description = "How many patients to generate.", DefaultValueFactory = _ => 100_000 };
        var perPatient = new Option<int>("--results-per-patient") { Description = "Typical results per patient.", DefaultValueFactory = _ => 10 };
        var perMessage = new Option<int>("--patients-per-message") { Description = "Patients (with all their results) per message.", DefaultValueFactory = _ => 250 };
        var seed = new Option<int>("--seed") { Description = "Generator seed (same seed, same population).", DefaultValueFactory = _ => 20261121 };
        var first = new Option<int>("--first") { Description = "Index of the first patient (to extend a population).", DefaultValueFactory = _ => 0 };
        var anchor = new Option<string>("--anchor") { Description = "Histories end at this date (YYYY-MM-DD).", DefaultValueFactory = _ => "2026-11-01" };
        var inFlight = new Option<int>("--in-flight") { Description = "Messages generated/published concurrently.", DefaultValueFactory = _ => 8 };
        var direct = new Option<bool>("--direct") { Description = "Write straight to PostgreSQL in-process (no RabbitMQ)." };
        var command = new Command("seed", "Generate a deterministic synthetic population and publish it through RabbitMQ (or --direct into PostgreSQL).")
            { patients, perPatient, perMessage, seed, first, anchor, inFlight, direct };
        command.SetAction((parse, ct) => CliExecution.RunAsync(async () =>
        {
            var anchorDate = CliExecution.ParseDate(parse.GetValue(anchor), "--anchor") ?? new DateOnly(2026, 11, 1);
            var n = parse.GetValue(patients);
            var size = Math.Max(1, parse.GetValue(perMessage));
            var population = new SyntheticPopulation(parse.GetValue(seed), anchorDate, parse.GetValue(perPatient));
            var isDirect = parse.GetValue(direct);
            var role = isDirect ? HostRole.Database | HostRole.Rules | HostRole.Ingest : HostRole.Publisher;
            using var app = ScreeningHost.CreateBuilder(Program.Args, role, Serilog.Events.LogEventLevel.Warning).Build();
            if (isDirect) await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync(SqlMigration.Embedded(), ct);
            await app.StartAsync(ct);

            var ingest = isDirect ? app.Services.GetRequiredService<ClinicalRecordsIngest>() : null;
            // Queues (with dead-letter targets) and the message-type binding exist before the first publish, so a
            // seed into a vhost where no worker ran yet is queued, not dropped; confirms make each publish count.
            if (!isDirect) await Reliability.QueueTopology.EnsureAsync(app.Services.GetRequiredService<Options.ScreeningSettings>().RabbitMq.Url!, ct);
            var bus = isDirect ? null : app.Services.GetRequiredService<IBus>();
            var start = parse.GetValue(first);
            var messages = (n + size - 1) / size;
            long results = 0, sent = 0;
            var clock = Stopwatch.StartNew();
            var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parse.GetValue(inFlight)), CancellationToken = ct };
            await Parallel.ForEachAsync(Enumerable.Range(0, messages), options, async (m, token) =>
            {
                var from = start + m * size;
                var batch = population.Batch(from, Math.Min(size, start + n - from));
                if (ingest is not null) await ingest.IngestAsync(IngestBatch.Of("seed", "json", batch), token);
                else await bus!.Publish(batch, token);
                Interlocked.Add(ref results, batch.Results.Count);
                var done = Interlocked.Increment(ref sent);
                if (done % 1000 == 0)
                    Console.Error.WriteLine($"seed: {done:N0}/{messages:N0} messages, {Interlocked.Read(ref results):N0} results, {clock.Elapsed.TotalSeconds:0.0} s");
            });
            var seconds = clock.Elapsed.TotalSeconds;
            await app.StopAsync(CancellationToken.None);
            // One machine-readable line on stdout (bench/run.sh reads it); the rest is for people.
            Console.WriteLine($"seed: patients={n} results={results} messages={sent} mode={(isDirect ? "direct" : "rabbitmq")} seconds={seconds:0.00}");
            AnsiConsole.MarkupLine($"[green]✓[/] {n:N0} patients, {results:N0} results in {sent:N0} messages " +
                $"{(isDirect ? "written to PostgreSQL" : "published to RabbitMQ")} in {seconds:0.0} s ({results / Math.Max(seconds, 0.001):N0} results/s)");
            return 0;
        }));
        return command;
    }
}
