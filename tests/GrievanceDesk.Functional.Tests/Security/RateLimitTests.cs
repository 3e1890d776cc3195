using System.Net;
using System.Net.Http.Json;
using GrievanceDesk.Functional.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace GrievanceDesk.Functional.Tests.Security;

/// <summary>docs/product.md §7: sign-in and public tracking are rate limited; past the limit a 429 with a problem body and a Retry-After.</summary>
public sealed class RateLimitTests(RateLimitTests.LowLimitsApp app) : IClassFixture<RateLimitTests.LowLimitsApp>
{
    public const int Limit = 3;

    [Fact]
    public async Task Sign_in_past_the_limit_gets_429_with_a_problem_body()
    {
        var client = app.CreateClient();
        for (var i = 0; i < Limit; i++)
        {
            await (await client.PostAsJsonAsync("/api/auth/token", new { userName = "nobody", password = $"guess-{i}" })).ShouldBeProblem(HttpStatusCode.Unauthorized);
        }

        var refused = await client.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = GrievanceDeskFactory.Password });

        var problem = await refused.ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate-limited");
        problem.GetProperty("status").GetInt32().ShouldBe(429);
        refused.Headers.RetryAfter.ShouldNotBeNull("the client is told when to try again");
        refused.Headers.RetryAfter!.Delta!.Value.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Public_tracking_past_the_limit_gets_429_with_a_problem_body()
    {
        var client = app.CreateClient();
        for (var i = 0; i < Limit; i++)
        {
            await (await client.GetAsync($"/api/track/GD20260101-{i:D4}?code=000000")).ShouldBeProblem(HttpStatusCode.NotFound);
        }

        var refused = await client.GetAsync("/api/track/GD20260101-0009?code=000000");

        await refused.ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate-limited");
        refused.Headers.RetryAfter.ShouldNotBeNull();
    }

    /// <summary>The app with limits low enough to reach in a test (the shared factory sets them high).</summary>
    public sealed class LowLimitsApp : GrievanceDeskFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimits:SignInPerMinute", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("RateLimits:TrackingPerMinute", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
