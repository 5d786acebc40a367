using Screening.App.Cli;

return await ScreeningCli.Create().Parse(args).InvokeAsync();

/// <summary>The `screening` executable: one binary, one verb per role (see README "CLI reference").</summary>
public partial class Program;
