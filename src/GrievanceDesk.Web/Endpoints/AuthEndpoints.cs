using GrievanceDesk.Application.Auth;
using Mediator;

namespace GrievanceDesk.Web.Endpoints;

internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", async (IssueToken request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(request, ct)))
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.SignIn)
            .WithTags("Auth")
            .WithSummary("Sign in: a bearer token for the API");

        app.MapGet("/api/me", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetMe(), ct)))
            .RequireAuthorization()
            .WithTags("Auth")
            .WithSummary("The caller, roles and unit");
    }
}
