using System.CommandLine;
using Screening.App.Hosting;
using Screening.App.Options;
using Screening.Interop.FileMode;

namespace Screening.App.Cli;

/// <summary>`screen --from …`: the database-free screen (no server is touched). Findings NDJSON to --out, diagnostics to stderr.</summary>
public static class FileScreenCommand
{
    public static async Task<int> RunAsync(string from, string? format, string? asOf, string? rulesPath, string? output, CancellationToken ct)
    {
        var date = CliExecution.ParseDate(asOf, "--as-of") ?? DateOnly.FromDateTime(DateTime.Today);
        if (!File.Exists(from) && !Directory.Exists(from)) throw new OptionsProblemsException([$"--from '{from}' does not exist."]);
        InputFormat? inputFormat = format is null ? null
            : Enum.TryParse<InputFormat>(format, ignoreCase: true, out var parsed) ? parsed
            : throw new OptionsProblemsException([$"--format '{format}' is not one of ndjson, synthea, hl7v2, fhir, csv."]);
        var rules = RulesSetup.Load(new RulesOptions { Path = rulesPath ?? new RulesOptions().Path });
        var request = new FileScreenRequest(from, inputFormat, date, DateTimeOffset.UtcNow) { Codes = LocalCodes.Load(), Identity = IdentityOptions.ReadStandalone().ToSettings() };

        await using var writer = output is null or "-" ? Console.Out : new StreamWriter(output, append: false);
        var summary = FileScreening.Run(request, rules.Rules, writer, Console.Error);
        await writer.FlushAsync(ct);
        var rejected = summary.RejectedByReason.Count == 0 ? "none" : string.Join(", ", summary.RejectedByReason.Select(r => $"{r.Key} {r.Value}"));
        var findings = string.Join(", ", summary.FindingsByRule.Select(f => $"{f.Key} {f.Value}"));
        await Console.Error.WriteLineAsync(
            $"screened {summary.Patients} patients from {summary.Sources} source(s) as of {date:yyyy-MM-dd}: {summary.ResultsAccepted} results used, " +
            $"{summary.ResultsSuperseded} superseded, {summary.Ignored} ignored (non-target), rejected: {rejected}; findings: {(findings.Length == 0 ? "none" : findings)}");
        return 0;
    }
}
