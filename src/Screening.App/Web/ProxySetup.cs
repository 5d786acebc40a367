using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Screening.App.Web;

/// <summary>
/// X-Forwarded-For / X-Forwarded-Proto are believed only from the proxies in Web:KnownProxies / Web:KnownNetworks
/// (nothing is trusted by default, not even loopback); the client address then feeds the sign-in rate limit and audit.
/// </summary>
public static class ProxySetup
{
    public static IApplicationBuilder UseKnownProxies(this IApplicationBuilder app, WebOptions options)
    {
        if (options.KnownProxies.Length == 0 && options.KnownNetworks.Length == 0) return app;
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in options.KnownProxies) forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in options.KnownNetworks) forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        return app.UseForwardedHeaders(forwarded);
    }
}
