using Screening.App.Web.Auth;

namespace Screening.App.Web.Shared;

/// <summary>The page shell: header with navigation and the signed-in user, then the page body. No external assets.</summary>
public static class Layout
{
    public static IResult Page(HttpContext ctx, string title, string body, int status = StatusCodes.Status200OK)
    {
        var user = ctx.User.Identity?.IsAuthenticated == true ? WebUser.From(ctx.User) : null;
        var nav = user is null ? "" : $"""
            <nav><a href="/worklist">Worklist</a><a href="/dashboard">Dashboard</a>{(user.WorksQueue ? "<a href=\"/queue\">Unassigned</a>" : "")}{(user.IsAdmin ? "<a href=\"/admin/teams\">Teams</a>" : "")}</nav>
            <div class="who">{Html.E(user.UserName)} · {(user.IsAdmin ? "all teams" : Html.E(string.Join(", ", user.TeamFilter!)))}
              <form method="post" action="/logout" class="inline">{Html.Csrf(ctx)}<button class="link">Sign out</button></form></div>
            """;
        var html = $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Html.E(title)} · Screening</title><link rel="stylesheet" href="/assets/app.css"><script src="/assets/app.js" defer></script></head>
            <body><header><a class="brand" href="/worklist">Screening</a>{nav}</header>
            <main>{body}</main></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", null, status);
    }

    public static IResult Message(HttpContext ctx, string title, string text, int status) =>
        Page(ctx, title, $"<h1>{Html.E(title)}</h1><p>{Html.E(text)}</p><p><a href=\"/worklist\">Back to the worklist</a></p>", status);
}
