using Screening.Data.Attribution;

namespace Screening.App.Web.Teams;

/// <summary>
/// Care teams in the web: the admin page (teams, attribution rules, panel import), the coordinators' unassigned queue,
/// and their JSON API. One AddTeamsWeb() for the services, one MapTeamsWeb() for the endpoints.
/// </summary>
public static class TeamsWeb
{
    public static IServiceCollection AddTeamsWeb(this IServiceCollection services)
    {
        services.AddSingleton<Data.Attribution.CareTeams>();
        services.AddSingleton<Panels>();
        services.AddSingleton<UnassignedQueue>();
        return services;
    }

    public static IEndpointRouteBuilder MapTeamsWeb(this IEndpointRouteBuilder app)
    {
        app.MapTeamsAdmin();
        app.MapQueue();
        app.MapTeamsApi();
        return app;
    }
}
