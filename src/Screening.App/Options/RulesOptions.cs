namespace Screening.App.Options;

/// <summary>Where the active rule file is (default: seeds/rules.json shipped next to the binary).</summary>
public sealed class RulesOptions
{
    public string Path { get; set; } = "seeds/rules.json";

    /// <summary>An absolute path, a path relative to the working directory, or one relative to the binary.</summary>
    public string Resolve()
    {
        if (System.IO.Path.IsPathRooted(Path) || File.Exists(Path)) return System.IO.Path.GetFullPath(Path);
        return System.IO.Path.Combine(AppContext.BaseDirectory, Path);
    }
}
