using System.Globalization;

namespace Screening.FaultTests.Infrastructure;

/// <summary>
/// How big a scenario is. CI uses the small defaults; bench/faults.sh sets SCREENING_FAULT_RESULTS (e.g. 1,000,000)
/// and SCREENING_FAULT_REPORT (a file that receives one `fault:` line per scenario).
/// </summary>
public static class FaultScale
{
    public static int Results(int ciDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable("SCREENING_FAULT_RESULTS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n : ciDefault;

    /// <summary>A deadline that grows with the feed: 2 minutes plus 1 s per 1,000 results (a shared machine is slow).</summary>
    public static TimeSpan Deadline(int results) => TimeSpan.FromSeconds(120 + results / 1000);

    /// <summary>The bench line: `fault: name sent=… stored=… lost=… duplicated=… recovery_s=…`.</summary>
    public static string Report(string name, long sent, Ledger ledger, TimeSpan recovery)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"fault: {name} sent={sent} stored={ledger.Stored} lost={Math.Max(0, sent - ledger.Stored)} duplicated={ledger.Duplicated} " +
            $"rejects={ledger.Rejects} recovery_s={recovery.TotalSeconds:0.0}");
        if (Environment.GetEnvironmentVariable("SCREENING_FAULT_REPORT") is { Length: > 0 } path)
            lock (typeof(FaultScale)) File.AppendAllText(path, line + Environment.NewLine);
        return line;
    }
}
