using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using GrievanceDesk.Functional.Tests.Cases;
using GrievanceDesk.Functional.Tests.Infrastructure;
using GrievanceDesk.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GrievanceDesk.Functional.Tests.Sessions;

/// <summary>
/// Issue 13: a change of an account's roles, unit, active flag or password ends its sessions — bearer token and page
/// cookie — within <see cref="SessionStamps.CheckEvery"/> (at most 60 s); a token without exp is never accepted; the
/// last active administrator cannot be demoted or deactivated.
/// </summary>
public sealed class SessionEndTests : IClassFixture<CaseApp>
{
    private static readonly TimeSpan Within60Seconds = TimeSpan.FromSeconds(60);
    private readonly CaseApp app;

    public SessionEndTests(CaseApp app)
    {
        this.app = app;
        app.Clock.Reset();
    }

    [Fact]
    public async Task A_deactivated_user_loses_token_and_cookie_within_60_seconds()
    {
        SessionStamps.CheckEvery.ShouldBeLessThanOrEqualTo(Within60Seconds);
        var token = await app.SignedIn("cadre3");
        var cookie = await app.SignedInWithCookie("cadre3");
        (await token.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cookie.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cookie.GetAsync("/unit/inbox")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await ChangeUser("cadre3", u => u with { IsActive = false });
        app.Clock.Advance(Within60Seconds);

        await (await token.GetAsync("/api/me")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await cookie.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var page = await cookie.GetAsync("/unit/inbox");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.OriginalString.ShouldContain("/login");
    }

    [Fact]
    public async Task A_demoted_admin_can_no_longer_administer_with_the_old_token_or_cookie()
    {
        var admin = await app.SignedIn(As.Admin);
        (await admin.PostAsJsonAsync("/api/admin/users", new { userName = "admin2", displayName = "第二管理员", password = "Longenough1!", roles = new[] { "Admin" } }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var token = await SignIn("admin2", "Longenough1!");
        var cookie = await app.SignedInWithCookie("admin2", "Longenough1!");
        (await token.GetAsync("/api/admin/users")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cookie.GetAsync("/admin/users")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await ChangeUser("admin2", u => u with { Roles = ["Leader"] });
        app.Clock.Advance(Within60Seconds);

        var createdWithOldToken = await token.PostAsJsonAsync("/api/admin/users", new { userName = "sneaky", displayName = "x", password = "Longenough1!", roles = new[] { "Admin" } });
        await createdWithOldToken.ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await cookie.GetAsync("/api/admin/users")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await cookie.GetAsync("/admin/users")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await (await admin.GetAsync("/api/admin/users")).Content.ReadAsStringAsync()).ShouldNotContain("sneaky");

        // Signed in again, the user has the new roles only.
        var fresh = await SignIn("admin2", "Longenough1!");
        await (await fresh.GetAsync("/api/admin/users")).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_change_of_unit_ends_the_session_too_and_an_unchanged_save_does_not()
    {
        var token = await app.SignedIn("cadre4");
        await ChangeUser("cadre4", u => u); // the same values: nothing the user may do has changed
        app.Clock.Advance(Within60Seconds);
        (await token.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var units = await (await app.SignedIn(As.Admin)).GetFromJsonAsync<JsonElement>("/api/admin/units");
        await ChangeUser("cadre4", u => u with { UnitId = units.EnumerateArray().Select(x => x.GetProperty("id").GetInt32()).First(id => id != u.UnitId) });
        app.Clock.Advance(Within60Seconds);
        await (await token.GetAsync("/api/me")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_without_exp_is_refused_even_with_a_valid_signature_and_stamp()
    {
        var settings = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        using var scope = app.Services.CreateScope();
        var admin = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(As.Admin);
        var claims = new List<Claim> { new(ClaimTypes.Name, As.Admin), new(ClaimTypes.Role, "Admin"), new(SessionStamps.Claim, admin!.SecurityStamp!) };
        string Token(DateTime? expires) => new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            Expires = expires,
            SigningCredentials = new SigningCredentials(AuthService.SigningKey(settings), SecurityAlgorithms.HmacSha256),
        });
        var client = app.CreateClient();

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(app.Now.UtcDateTime.AddMinutes(5)));
        (await client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK, "the same token with exp is accepted: only exp is missing below");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(null));
        await (await client.GetAsync("/api/me")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_last_active_administrator_cannot_be_demoted_or_deactivated()
    {
        var admin = await app.SignedIn(As.Admin);
        var me = await Find(admin, As.Admin);

        await (await admin.PutAsJsonAsync($"/api/admin/users/{As.Admin}", Body(me with { Roles = ["Leader"] }))).ShouldBeProblem(HttpStatusCode.Conflict, "last-administrator");
        await (await admin.PutAsJsonAsync($"/api/admin/users/{As.Admin}", Body(me with { IsActive = false }))).ShouldBeProblem(HttpStatusCode.Conflict, "last-administrator");
        (await Find(admin, As.Admin)).ShouldBe(me, "nothing was written");

        // With a second active administrator, the first may step down.
        await (await admin.PostAsJsonAsync("/api/admin/users", new { userName = "admin3", displayName = "第三管理员", password = "Longenough1!", roles = new[] { "Admin" } })).ShouldBeOk<JsonElement>(HttpStatusCode.Created);
        var second = await SignIn("admin3", "Longenough1!");
        (await second.PutAsJsonAsync($"/api/admin/users/{As.Admin}", Body(me with { Roles = ["Admin", "Leader"] }))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.PutAsJsonAsync("/api/admin/users/admin3", Body((await Find(second, "admin3")) with { IsActive = false }))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private sealed record UserRow(string UserName, string DisplayName, List<string> Roles, int? UnitId, bool IsActive)
    {
        public bool Equals(UserRow? other) => other is not null && UserName == other.UserName && DisplayName == other.DisplayName
            && Roles.SequenceEqual(other.Roles) && UnitId == other.UnitId && IsActive == other.IsActive;

        public override int GetHashCode() => UserName.GetHashCode(StringComparison.Ordinal);
    }

    private static object Body(UserRow u) => new { displayName = u.DisplayName, roles = u.Roles, unitId = u.UnitId, isActive = u.IsActive };

    private static async Task<UserRow> Find(HttpClient admin, string userName) =>
        (await admin.GetFromJsonAsync<List<UserRow>>("/api/admin/users", GrievanceDeskFactory.Json))!.Single(u => u.UserName == userName);

    private async Task ChangeUser(string userName, Func<UserRow, UserRow> change)
    {
        var admin = await app.SignedIn(As.Admin);
        var updated = change(await Find(admin, userName));
        (await admin.PutAsJsonAsync($"/api/admin/users/{userName}", Body(updated))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<HttpClient> SignIn(string userName, string password)
    {
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        var token = await response.ShouldBeOk<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }
}
