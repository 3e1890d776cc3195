using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrievanceDesk.Functional.Tests.Infrastructure;
using GrievanceDesk.Infrastructure.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Functional.Tests.Security;

/// <summary>
/// Issue 13 and 18: sign-in answers and costs the same for known and unknown names; the lockout is per account AND
/// client address, so nobody can lock another person out from elsewhere; only sign-in attempts count against the
/// per-address limit (not views of /login); public tracking is limited per tracking number too; a browser past a
/// limit gets a Chinese page.
/// </summary>
public sealed class SignInLimitTests(SignInLimitTests.ClientAddressApp app) : IClassFixture<SignInLimitTests.ClientAddressApp>
{
    public const int PostsPerMinute = 12;

    [Fact]
    public async Task Known_and_unknown_names_get_the_same_answers_and_the_same_work()
    {
        var start = app.Hasher.Verifications;
        var known = await Attempts(app.From("10.1.0.1"), "cadre1", 6);
        var hashesForKnown = app.Hasher.Verifications - start;
        var unknown = await Attempts(app.From("10.1.0.2"), "no-such-person", 6);
        var hashesForUnknown = app.Hasher.Verifications - start - hashesForKnown;

        unknown.ShouldBe(known);
        known.ShouldBe([.. Enumerable.Repeat("401 bad-credentials", 4), "401 locked-out", "401 locked-out"]);
        hashesForKnown.ShouldBe(5, "each attempt until the lock verifies one password hash");
        hashesForUnknown.ShouldBe(hashesForKnown, "an unknown name costs the same hash verification");
    }

    [Fact]
    public async Task A_lockout_holds_for_the_account_at_that_address_only_and_the_owner_still_signs_in_elsewhere()
    {
        var attacker = app.From("10.2.0.66");
        (await Attempts(attacker, As.Admin, 5)).Last().ShouldBe("401 locked-out");
        await (await attacker.PostAsJsonAsync("/api/auth/token", new { userName = As.Admin, password = GrievanceDeskFactory.Password }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "locked-out");

        // The administrator at their own desk is not locked out.
        var owner = app.From("10.2.0.7");
        (await owner.PostAsJsonAsync("/api/auth/token", new { userName = As.Admin, password = GrievanceDeskFactory.Password })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The admin sees the lock and lifts it; the locked address can sign in again.
        var admin = await app.SignedIn(As.Admin);
        (await admin.GetFromJsonAsync<JsonElement>("/api/admin/users")).EnumerateArray().Single(u => u.GetProperty("userName").GetString() == As.Admin)
            .GetProperty("isLockedOut").GetBoolean().ShouldBeTrue();
        (await admin.PostAsync($"/api/admin/users/{As.Admin}/unlock", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await attacker.PostAsJsonAsync("/api/auth/token", new { userName = As.Admin, password = GrievanceDeskFactory.Password })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Thirty_views_of_the_login_page_from_one_address_do_not_stop_a_sign_in()
    {
        var room = app.From("10.3.0.1", followRedirects: false);
        for (var i = 0; i < 30; i++)
        {
            (await room.GetAsync("/login")).StatusCode.ShouldBe(HttpStatusCode.OK, $"view {i + 1}");
        }

        (await room.PostLogin(As.FrontDesk, GrievanceDeskFactory.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Past_the_attempt_limit_a_browser_gets_a_chinese_page_and_the_api_a_problem()
    {
        var browser = app.From("10.4.0.1", followRedirects: false);
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        HttpResponseMessage last = null!;
        for (var i = 0; i <= PostsPerMinute; i++)
        {
            last = await browser.PostLogin($"someone{i}", "wrong-password");
        }

        last.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        last.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await last.Content.ReadAsStringAsync()).ShouldContain("请求过于频繁");
        last.Headers.RetryAfter.ShouldNotBeNull();

        var tracker = app.From("10.4.0.2");
        tracker.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        HttpResponseMessage track = null!;
        for (var i = 0; i <= PostsPerMinute; i++)
        {
            track = await tracker.GetAsync($"/track?Input.TrackingNo=GD20260101-{i:D4}&Input.Code=000000");
        }

        track.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        track.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await track.Content.ReadAsStringAsync()).ShouldContain("请求过于频繁");
    }

    [Fact]
    public async Task Public_tracking_is_limited_per_tracking_number_across_addresses()
    {
        const string number = "GD20260315-0042";
        for (var i = 0; i < Application.Cases.Queries.TrackingAttempts.MaxFailures; i++)
        {
            await (await app.From($"10.5.{i}.1").GetAsync($"/api/track/{number}?code={i:D6}")).ShouldBeProblem(HttpStatusCode.NotFound);
        }

        var refused = await app.From("10.5.99.1").GetAsync($"/api/track/{number}?code=123456");
        await refused.ShouldBeProblem(HttpStatusCode.TooManyRequests, "tracking-attempts");
        refused.Headers.RetryAfter.ShouldNotBeNull();
        await (await app.From("10.5.99.1").GetAsync($"/api/track/{number.ToLowerInvariant()}?code=123456")).ShouldBeProblem(HttpStatusCode.TooManyRequests, "tracking-attempts");
        await (await app.From("10.5.99.1").GetAsync("/api/track/GD20260315-0043?code=123456")).ShouldBeProblem(HttpStatusCode.NotFound, "not-found");
    }

    private static async Task<List<string>> Attempts(HttpClient client, string userName, int count)
    {
        var answers = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = $"wrong-{i}" });
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            answers.Add($"{(int)response.StatusCode} {problem.GetProperty("type").GetString()![ProblemAssertions.TypeBase.Length..]}");
        }

        return answers;
    }

    /// <summary>The app behind a proxy that names each client's address (X-Forwarded-For), with a password hasher that counts.</summary>
    public sealed class ClientAddressApp : GrievanceDeskFactory
    {
        public CountingHasher Hasher { get; } = new();

        public HttpClient From(string address, bool followRedirects = true)
        {
            var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects });
            client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
            return client;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ForwardedHeaders:Enabled", "true");
            builder.UseSetting("RateLimits:SignInPerMinute", PostsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("RateLimits:TrackingPerMinute", PostsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<IPasswordHasher<AppUser>>(Hasher);
    }

    public sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        private int _verifications;

        public int Verifications => _verifications;

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
