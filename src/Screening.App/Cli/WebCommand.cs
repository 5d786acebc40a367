using System.CommandLine;
using Screening.App.Web;

namespace Screening.App.Cli;

public static class WebCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where the worklist listens.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var command = new Command("web", "Serve the care-team worklist, patient pages, dashboard and JSON API (sign in: `screening users add`).") { urls };
        command.SetAction((parse, ct) => CliExecution.RunAsync(async () =>
        {
            await using var app = await WebApp.StartAsync(WebApp.CreateBuilder(CliExecution.HostArgs(parse), parse.GetValue(urls)!), ct);
            await Console.Error.WriteLineAsync($"Worklist listening on {string.Join(", ", app.Urls)} (health: /health, /health/ready)");
            await app.WaitForShutdownAsync(ct);
            return 0;
        }));
        return command;
    }
}
