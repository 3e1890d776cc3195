using System.Threading.RateLimiting;

namespace GrievanceDesk.Web.Endpoints;

/// <summary>
/// Sign-in and public tracking are rate limited per client address (docs/product.md §7); past the limit: 429 with Retry-After, a
/// problem body for the API and a Chinese page for a browser. Only attempts count: a POST of the sign-in form or the
/// token, a tracking query with a number — not a view of /login or of the empty /track form, so a room of clerks
/// behind one address is not locked out of the sign-in page. The lockout per account and address (SignInThrottle) and
/// the limit per tracking number (TrackingAttempts) stand behind these.
/// </summary>
internal static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string PublicTracking = "public-tracking";

    public static IServiceCollection AddGrievanceDeskRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var signInPerMinute = configuration.GetValue("RateLimits:SignInPerMinute", 60);
        var trackingPerMinute = configuration.GetValue("RateLimits:TrackingPerMinute", 30);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignIn, http => HttpMethods.IsPost(http.Request.Method) ? PerClient(http, signInPerMinute) : NotAnAttempt);
            o.AddPolicy(PublicTracking, http => http.Request.Path.StartsWithSegments("/api") || http.Request.QueryString.HasValue ? PerClient(http, trackingPerMinute) : NotAnAttempt);
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    ctx.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                if (Infrastructure.WebSecurity.WantsPage(ctx.HttpContext))
                {
                    await Infrastructure.WebSecurity.WritePage(ctx.HttpContext, StatusCodes.Status429TooManyRequests, "请求过于频繁", "操作过于频繁，请稍等一分钟后再试。");
                    return;
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

    private static readonly RateLimitPartition<string> NotAnAttempt = RateLimitPartition.GetNoLimiter("not-an-attempt");

    private static RateLimitPartition<string> PerClient(HttpContext http, int permitsPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            Infrastructure.HttpCurrentUser.AddressOf(http),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
