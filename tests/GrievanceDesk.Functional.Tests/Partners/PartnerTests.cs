using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.Partners;

/// <summary>Partner systems: their own key, their own external references, only their own cases.</summary>
public sealed class PartnerTests(PartnerApp app) : IClassFixture<PartnerApp>
{
    [Fact]
    public async Task Logging_twice_with_one_external_reference_gives_one_case()
    {
        var (_, key) = await app.RegisterFull();
        var partner = app.Partner(key);
        var reference = $"SD12345-{app.Next()}";

        var first = await (await partner.PostAsJsonAsync("/api/partner/cases", app.Intake(reference))).ShouldBeOk<JsonElement>(HttpStatusCode.Created);
        var again = await partner.PostAsJsonAsync("/api/partner/cases", app.Intake(reference));

        var second = await again.ShouldBeOk<JsonElement>(HttpStatusCode.OK);
        second.GetProperty("id").GetInt64().ShouldBe(first.GetProperty("id").GetInt64());
        second.GetProperty("externalReference").GetString().ShouldBe(reference);
        var listed = await partner.GetFromJsonAsync<JsonElement>($"/api/partner/cases?externalReference={reference}");
        listed.GetProperty("total").GetInt32().ShouldBe(1);
        var desk = await app.SignedIn(As.FrontDesk);
        var tracking = first.GetProperty("progress").GetProperty("trackingNo").GetString();
        (await desk.GetFromJsonAsync<JsonElement>($"/api/cases?q={tracking}")).GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task The_same_reference_from_two_partners_is_two_cases()
    {
        var (_, keyA) = await app.RegisterFull("省平台");
        var (_, keyB) = await app.RegisterFull("市门户");
        var reference = $"R-{app.Next()}";

        var a = await (await app.Partner(keyA).PostAsJsonAsync("/api/partner/cases", app.Intake(reference))).ShouldBeOk<JsonElement>(HttpStatusCode.Created);
        var b = await (await app.Partner(keyB).PostAsJsonAsync("/api/partner/cases", app.Intake(reference, "online"))).ShouldBeOk<JsonElement>(HttpStatusCode.Created);

        b.GetProperty("id").GetInt64().ShouldNotBe(a.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task A_partner_cannot_read_another_partners_case_or_a_desk_logged_case()
    {
        var (_, keyA) = await app.RegisterFull("省平台");
        var (_, keyB) = await app.RegisterFull("小程序");
        var a = app.Partner(keyA);
        var own = await (await a.PostAsJsonAsync("/api/partner/cases", app.Intake($"A-{app.Next()}"))).ShouldBeOk<JsonElement>(HttpStatusCode.Created);
        var ownId = own.GetProperty("id").GetInt64();
        var desk = await app.SignedIn(As.FrontDesk);
        var deskCase = await (await desk.PostAsJsonAsync("/api/cases", new
        {
            channel = "call",
            kind = "claim",
            urgency = "normal",
            receivedAt = app.Clock.GetUtcNow().AddHours(-1),
            anonymous = false,
            complainants = new[] { new { name = "赵六", phone = "13900001111" } },
            headCount = 1,
            categoryCode = "ZDCQ-BC",
            regionCode = "QH-XH-HB",
            address = "湖滨路9号",
            subject = "拆迁补偿",
            content = "补偿标准不清楚。",
        })).ShouldBeOk<JsonElement>(HttpStatusCode.Created);

        (await a.GetFromJsonAsync<JsonElement>($"/api/partner/cases/{ownId}")).GetProperty("externalReference").GetString().ShouldStartWith("A-");
        await (await app.Partner(keyB).GetAsync($"/api/partner/cases/{ownId}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await a.GetAsync($"/api/partner/cases/{deskCase.GetProperty("id").GetInt64()}")).ShouldBeProblem(HttpStatusCode.NotFound);
        var listB = await app.Partner(keyB).GetFromJsonAsync<JsonElement>("/api/partner/cases");
        listB.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).ShouldNotContain(ownId);
    }

    [Fact]
    public async Task The_partner_view_carries_nothing_personal()
    {
        var (_, key) = await app.RegisterFull();
        var partner = app.Partner(key);
        var created = await partner.PostAsJsonAsync("/api/partner/cases", app.Intake($"P-{app.Next()}", phone: "13811112222"));

        var text = await created.Content.ReadAsStringAsync();

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        text.ShouldNotContain("13811112222");
        text.ShouldNotContain("王五");
        created.Headers.Location!.ToString().ShouldStartWith("/api/partner/cases/");
    }

    [Fact]
    public async Task A_revoked_key_is_refused_and_a_rotated_key_replaces_the_old_one()
    {
        var (id, key) = await app.RegisterFull();
        var admin = await app.SignedIn(As.Admin);
        (await app.Partner(key).GetAsync("/api/partner/cases")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var rotated = await (await admin.PostAsync($"/api/admin/partners/{id}/rotate-key", null)).ShouldBeOk<JsonElement>();
        var newKey = rotated.GetProperty("key").GetString()!;
        await (await app.Partner(key).GetAsync("/api/partner/cases")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await app.Partner(newKey).GetAsync("/api/partner/cases")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var revoked = await (await admin.PostAsync($"/api/admin/partners/{id}/revoke", null)).ShouldBeOk<JsonElement>();
        revoked.GetProperty("revokedAt").ValueKind.ShouldBe(JsonValueKind.String);
        await (await app.Partner(newKey).GetAsync("/api/partner/cases")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await app.Partner(newKey).PostAsJsonAsync("/api/partner/cases", app.Intake($"X-{app.Next()}"))).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await admin.PostAsync($"/api/admin/partners/{id}/rotate-key", null)).ShouldBeProblem(HttpStatusCode.Conflict, "partner-revoked");
    }

    [Fact]
    public async Task A_partner_key_is_not_a_staff_account_and_a_staff_token_is_not_a_partner_key()
    {
        var (_, key) = await app.RegisterFull();

        await (await app.Partner(key).GetAsync("/api/cases")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await (await app.SignedIn(As.FrontDesk)).GetAsync("/api/partner/cases")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await app.Partner("gdp_000000000000_not-a-key").GetAsync("/api/partner/cases")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Scopes_limit_what_a_partner_may_do()
    {
        var (_, readOnly) = await app.Register("只读平台", "cases:read-own");

        await (await app.Partner(readOnly).PostAsJsonAsync("/api/partner/cases", app.Intake($"S-{app.Next()}"))).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await app.Partner(readOnly).PostAsJsonAsync("/api/partner/webhooks", new { url = "https://example.org/h", events = new[] { "closed" } }))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_partner_logs_transfer_or_online_cases_only_and_bad_input_names_the_field()
    {
        var (_, key) = await app.RegisterFull();

        var visit = await (await app.Partner(key).PostAsJsonAsync("/api/partner/cases", app.Intake($"V-{app.Next()}", "visit")))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation");
        visit.GetProperty("errors").TryGetProperty("channel", out _).ShouldBeTrue();

        var noReference = await (await app.Partner(key).PostAsJsonAsync("/api/partner/cases", app.Intake(" ")))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation");
        noReference.GetProperty("errors").TryGetProperty("externalReference", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task An_admin_registration_with_an_unknown_scope_is_a_400()
    {
        var admin = await app.SignedIn(As.Admin);

        var problem = await (await admin.PostAsJsonAsync("/api/admin/partners", new { name = "坏权限", scopes = new[] { "cases:delete" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation");

        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldContain(n => n.StartsWith("scopes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_partner_is_rate_limited_on_its_own_partition()
    {
        var (_, busy) = await app.Register("忙碌平台", "cases:read-own");
        var (_, quiet) = await app.Register("安静平台", "cases:read-own");
        var client = app.Partner(busy);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add((await client.GetAsync("/api/partner/cases")).StatusCode);
        }

        answers.ShouldContain(HttpStatusCode.TooManyRequests);
        (await app.Partner(quiet).GetAsync("/api/partner/cases")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
