using System.Threading.RateLimiting;

namespace GrievanceDesk.Web.Endpoints;

/// <summary>Sign-in and public tracking are rate limited per client address (SPEC §7); past the limit: 429 with a problem body and Retry-After.</summary>
internal static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string PublicTracking = "public-tracking";

    public static IServiceCollection AddGrievanceDeskRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var signInPerMinute = configuration.GetValue("RateLimits:SignInPerMinute", 20);
        var trackingPerMinute = configuration.GetValue("RateLimits:TrackingPerMinute", 30);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignIn, http => PerClient(http, signInPerMinute));
            o.AddPolicy(PublicTracking, http => PerClient(http, trackingPerMinute));
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    ctx.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                var problems = ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = ctx.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Type = Infrastructure.ProblemTypes.RateLimited,
                        Title = "请求过于频繁",
                        Detail = "请求过于频繁，请稍后再试 (too many requests; try again later).",
                    },
                });
            };
        });
        return services;
    }

    private static RateLimitPartition<string> PerClient(HttpContext http, int permitsPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
