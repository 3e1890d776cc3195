using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrievanceDesk.Functional.Tests.Cases;
using GrievanceDesk.Functional.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GrievanceDesk.Functional.Tests.Security;

/// <summary>
/// Issue 13: no cross-site writes through the page cookie, and the headers that belong on pages and on case JSON
/// (CSP, nosniff, referrer policy, no framing, no-store, a Secure cookie behind TLS).
/// </summary>
public sealed class WebSecurityTests(CaseApp app) : IClassFixture<CaseApp>
{
    [Fact]
    public async Task A_cookie_authenticated_api_write_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var id = await app.CaseIn("dispatched");
        var before = (await app.Get(As.UnitLeader, id)).Str("status");
        var cookie = await app.SignedInWithCookie(As.UnitLeader);
        (await cookie.GetAsync($"/api/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK, "the cookie still reads the API");

        // What a form on another site would send: the cookie rides along, the token cannot.
        var forged = await cookie.PostAsync($"/api/cases/{id}/accept", new FormUrlEncodedContent(new Dictionary<string, string>()));
        await forged.ShouldBeProblem(HttpStatusCode.Forbidden, "antiforgery-required");
        var json = await cookie.PostAsJsonAsync($"/api/cases/{id}/accept", new { });
        await json.ShouldBeProblem(HttpStatusCode.Forbidden, "antiforgery-required");
        (await app.Get(As.UnitLeader, id)).Str("status").ShouldBe(before);

        // The same cookie with the page's antiforgery token (as the app's own script would send it) is let through.
        var token = await CookieSignIn.AntiforgeryToken(cookie, "/unit/inbox");
        using var withToken = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/accept") { Content = JsonContent.Create(new { }) };
        withToken.Headers.Add("RequestVerificationToken", token);
        (await cookie.SendAsync(withToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_bearer_write_needs_no_antiforgery_token()
    {
        var id = await app.CaseIn("dispatched");
        var leader = await app.Client(As.UnitLeader);
        (await leader.PostAsJsonAsync($"/api/cases/{id}/accept", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Pages_carry_a_content_security_policy_and_cannot_be_framed()
    {
        var cookie = await app.SignedInWithCookie(As.FrontDesk);
        foreach (var path in new[] { "/login", "/desk/intake", "/track" })
        {
            var response = await cookie.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            csp.ShouldContain("script-src 'self'");
            csp.ShouldNotContain("unsafe-inline");
            csp.ShouldContain("frame-ancestors 'none'");
            response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
            response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
            response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("same-origin");
            var html = await response.Content.ReadAsStringAsync();
            html.ShouldNotMatch(@"<script(?![^>]*\bsrc=)[^>]*>", $"{path} has an inline script the policy would block");
            html.ShouldNotMatch(@"\son[a-z]+\s*=\s*""", $"{path} has an inline event handler the policy would block");
            html.ShouldNotContain("style=\"", Case.Sensitive, $"{path} has an inline style the policy would block");
        }

        (await cookie.GetAsync("/desk/intake")).Headers.CacheControl!.NoStore.ShouldBeTrue("a signed-in page is not cached");
    }

    [Fact]
    public async Task Case_json_is_never_stored_by_a_browser_or_proxy()
    {
        var id = await app.CaseIn("registered");
        var response = await (await app.Client(As.FrontDesk)).GetAsync($"/api/cases/{id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        (await (await app.Client(As.FrontDesk)).GetAsync("/api/cases?pageSize=1")).Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task Behind_a_tls_proxy_the_sign_in_cookie_is_secure()
    {
        await using var forwarded = new ForwardedApp();
        var client = forwarded.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var response = await client.PostLogin(As.FrontDesk, GrievanceDeskFactory.Password);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var auth = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("gd.auth=", StringComparison.Ordinal));
        auth.ShouldContain("secure", Case.Insensitive);
        auth.ShouldContain("httponly", Case.Insensitive);
        auth.ShouldContain("samesite=lax", Case.Insensitive);
    }

    private sealed class ForwardedApp : GrievanceDeskFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ForwardedHeaders:Enabled", "true");
        }
    }
}
