using Screening.App.Cli;

Program.Args = args.Where(a => a == "--log-json").ToArray();
return await ScreeningCli.Create().Parse(args).InvokeAsync();

/// <summary>The `screening` executable: one binary, one verb per role (see README "CLI reference").</summary>
public partial class Program
{
    /// <summary>Arguments handed to the host builder (only the logging switch; verbs parse their own options).</summary>
    internal static string[] Args { get; set; } = [];
}
