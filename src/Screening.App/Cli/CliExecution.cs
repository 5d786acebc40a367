using Screening.App.Options;
using Screening.Data.Platform;

namespace Screening.App.Cli;

/// <summary>Runs a verb and turns expected operator errors into one clear message and exit code 2 (no stack trace).</summary>
public static class CliExecution
{
    public static async Task<int> RunAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (OptionsProblemsException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
        catch (MigrationChecksumMismatchException ex)
        {
            await Console.Error.WriteLineAsync("migrate: " + ex.Message);
            return 2;
        }
        catch (Npgsql.NpgsqlException ex) when (ex.InnerException is System.Net.Sockets.SocketException)
        {
            await Console.Error.WriteLineAsync($"Cannot reach PostgreSQL ({ex.InnerException.Message}). Start it with 'infra/services.sh up' or check SCREENING_DB.");
            return 2;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Cancelled.");
            return 130;
        }
    }

    /// <summary>The arguments a verb hands to its host: only the logging switch, read from this invocation.</summary>
    public static string[] HostArgs(System.CommandLine.ParseResult parse) => parse.GetValue(ScreeningCli.LogJson) ? ["--log-json"] : [];

    /// <summary>Parses YYYY-MM-DD strictly, or returns null for "today".</summary>
    public static DateOnly? ParseDate(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text) || text == "today") return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date)
            ? date
            : throw new OptionsProblemsException([$"{option} '{text}' is not a date in the form YYYY-MM-DD."]);
    }
}
