using Microsoft.AspNetCore.Antiforgery;

namespace Screening.App.Web;

/// <summary>
/// Antiforgery on every unsafe request: forms carry the hidden field, cookie-authenticated API calls the X-CSRF-TOKEN
/// header. Requests authenticated by a bearer token are exempt (a browser never attaches one by itself) but need its
/// 'write' scope.
/// </summary>
public static class CsrfProtection
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public static IApplicationBuilder UseCsrfProtection(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var method = ctx.Request.Method;
        var unsafeMethod = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));
        var bearer = ctx.User.Identity is { IsAuthenticated: true, AuthenticationType: Auth.BearerTokenHandler.SchemeName };
        if (unsafeMethod && bearer && !ctx.User.HasClaim(Auth.TokenScopes.Claim, Auth.TokenScopes.Write))
        {
            ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
            ctx.Response.ContentType = "text/plain; charset=utf-8";
            await ctx.Response.WriteAsync("This API token has no 'write' scope.");
            return;
        }
        if (unsafeMethod && !bearer)
        {
            try
            {
                await ctx.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(ctx);
            }
            catch (AntiforgeryValidationException)
            {
                ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
                ctx.Response.ContentType = "text/plain; charset=utf-8";
                await ctx.Response.WriteAsync("Missing or invalid antiforgery token: reload the page and try again.");
                return;
            }
        }
        await next(ctx);
    });
}
