using System.Net;
using System.Net.Http.Json;
using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.Foundation;

public sealed class SignInTests(GrievanceDeskFactory app) : IClassFixture<GrievanceDeskFactory>
{
    [Fact]
    public async Task Good_credentials_give_a_bearer_token_with_roles_and_expiry()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "dispatcher", password = GrievanceDeskFactory.Password });

        var token = await response.ShouldBeOk<TokenBody>();
        token.AccessToken.ShouldNotBeNullOrWhiteSpace();
        token.Roles.ShouldBe(["Dispatcher"]);
        token.ExpiresAt.Offset.ShouldBe(TimeSpan.Zero);
        token.ExpiresAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Me_returns_the_caller_with_roles_and_unit()
    {
        var client = await app.SignedIn("cadre1");

        var me = await (await client.GetAsync("/api/me")).ShouldBeOk<MeBody>();

        me.UserName.ShouldBe("cadre1");
        me.Roles.ShouldBe(["Cadre"]);
        me.UnitCode.ShouldBe("QH-ZJW");
        me.UnitName.ShouldBe("区住房和城乡建设委员会");
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_401_problem()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "leader", password = "wrong-password" });

        await response.ShouldBeProblem(HttpStatusCode.Unauthorized, "bad-credentials");
    }

    [Fact]
    public async Task Unknown_user_looks_the_same_as_a_wrong_password()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "nobody", password = "whatever1" });

        await response.ShouldBeProblem(HttpStatusCode.Unauthorized, "bad-credentials");
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password_until_an_admin_unlocks_it()
    {
        var client = app.CreateClient();
        for (var i = 0; i < 4; i++)
        {
            await (await client.PostAsJsonAsync("/api/auth/token", new { userName = "cadre2", password = "bad-" + i }))
                .ShouldBeProblem(HttpStatusCode.Unauthorized, "bad-credentials");
        }

        await (await client.PostAsJsonAsync("/api/auth/token", new { userName = "cadre2", password = "bad-5" }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "locked-out");
        await (await client.PostAsJsonAsync("/api/auth/token", new { userName = "cadre2", password = GrievanceDeskFactory.Password }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "locked-out");

        var admin = await app.SignedIn(As.Admin);
        var users = await (await admin.GetAsync("/api/admin/users")).ShouldBeOk<List<UserBody>>();
        users.Single(u => u.UserName == "cadre2").IsLockedOut.ShouldBeTrue();
        (await admin.PostAsync("/api/admin/users/cadre2/unlock", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await client.PostAsJsonAsync("/api/auth/token", new { userName = "cadre2", password = GrievanceDeskFactory.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Empty_credentials_are_a_400_naming_the_fields()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "", password = "" });

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "validation");
        problem.GetProperty("errors").TryGetProperty("userName", out _).ShouldBeTrue();
        problem.GetProperty("errors").TryGetProperty("password", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task An_api_call_without_a_token_is_401_and_with_a_forged_token_too()
    {
        var client = app.CreateClient();
        await (await client.GetAsync("/api/me")).ShouldBeProblem(HttpStatusCode.Unauthorized);

        client.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.forged");
        await (await client.GetAsync("/api/me")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    private sealed record TokenBody(string AccessToken, DateTimeOffset ExpiresAt, List<string> Roles);

    private sealed record MeBody(string UserName, string DisplayName, List<string> Roles, int? UnitId, string? UnitCode, string? UnitName);

    private sealed record UserBody(string UserName, bool IsLockedOut);
}
