using Screening.Interop.Mapping;

namespace Screening.App.Hosting;

/// <summary>The per-source local code → LOINC map (seeds/local-codes.json next to the binary, or SCREENING_LOCAL_CODES).</summary>
public static class LocalCodes
{
    public static string Path =>
        Environment.GetEnvironmentVariable("SCREENING_LOCAL_CODES") ?? System.IO.Path.Combine(AppContext.BaseDirectory, "seeds", "local-codes.json");

    public static LocalCodeMap Load() => File.Exists(Path) ? LocalCodeMap.Parse(File.ReadAllText(Path)) : LocalCodeMap.Empty;
}
