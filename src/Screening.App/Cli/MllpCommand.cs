using System.CommandLine;
using Screening.App.Hosting;
using Screening.App.Mllp;
using Screening.App.Options;

namespace Screening.App.Cli;

/// <summary><c>screening mllp</c>: the HL7 v2 MLLP listener on its own (commit ACK after the broker's confirm).</summary>
public static class MllpCommand
{
    public static Command Create()
    {
        var port = new Option<int?>("--port") { Description = "TCP port (default Mllp:Port, 2575)." };
        var bind = new Option<string?>("--bind") { Description = "Address to listen on (default Mllp:Bind, 127.0.0.1; 0.0.0.0 for all)." };
        var cert = new Option<string?>("--tls-cert") { Description = "PEM certificate file: serve MLLP over TLS (with --tls-key)." };
        var key = new Option<string?>("--tls-key") { Description = "PEM private key file of --tls-cert." };
        var command = new Command("mllp", "Listen for HL7 v2 over MLLP; ACK each message once the broker confirmed it (see docs/interop.md).")
            { port, bind, cert, key };
        command.SetAction((parse, ct) => CliExecution.RunAsync(async () =>
        {
            var builder = ScreeningHost.CreateBuilder(CliExecution.HostArgs(parse), 0);
            var options = MllpOptions.Read(builder.Configuration);
            options.Enabled = true;
            if (parse.GetValue(port) is { } p) options.Port = p;
            if (parse.GetValue(bind) is { } b) options.Bind = b;
            if (parse.GetValue(cert) is { } c) options.TlsCert = c;
            if (parse.GetValue(key) is { } k) options.TlsKey = k;
            var settings = ScreeningSettings.Read(builder.Configuration);
            builder.Services.AddScreeningMllp(options, settings.RabbitMq);
            using var host = builder.Build();
            await host.RunAsync(ct);
            return 0;
        }));
        return command;
    }
}
