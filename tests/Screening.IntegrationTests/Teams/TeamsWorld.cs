using Microsoft.Extensions.DependencyInjection;
using Screening.App.Web.Auth;
using Screening.IntegrationTests.Web;

namespace Screening.IntegrationTests.Teams;

/// <summary>The web world (teams north and south, their nurses, an admin) plus a coordinator, "coord".</summary>
public static class TeamsWorld
{
    public static async Task<WebWorld> StartAsync()
    {
        var world = await WebWorld.StartAsync();
        await world.App.Services.GetRequiredService<UserDirectory>().AddAsync("coord", "coordinator", [], WebWorld.Password, CancellationToken.None);
        return world;
    }
}
