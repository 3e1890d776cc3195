using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrievanceDesk.Domain.Time;
using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.Escalation;

/// <summary>docs/product.md §3–§4 through HTTP with a moved clock: pauses stop the handle clock; extensions once per stage, capped.</summary>
public sealed class ClockRulesTests(EscalationFactory app) : IClassFixture<EscalationFactory>
{
    [Fact]
    public async Task A_pause_of_four_working_days_moves_a_working_day_handle_deadline_by_four_working_days()
    {
        // A letter takes the petition track; its handle clock counts calendar days (60), so use a policy edit to make
        // the handle stage count working days, as an office may decide (which clock is policy data, not code).
        app.Clock.Now = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8)); // Monday
        var admin = await app.SignedIn(As.Admin);
        var policies = await (await admin.GetAsync("/api/admin/sla-policies")).ShouldBeOk<List<JsonElement>>();
        var petition = JsonSerializer.Deserialize<Dictionary<string, object?>>(policies.First(p => p.GetProperty("track").GetString() == "petition").GetRawText())!;
        petition["handle"] = new { amount = 20, unit = "working_days" };
        (await admin.PutAsJsonAsync($"/api/admin/sla-policies/{petition["id"]}", petition)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var caseId = await LogAndAccept(channel: "letter");
        var cadre = await app.SignedIn("cadre1");
        var leader = await app.SignedIn("unitleader1");
        var before = await Detail(cadre, caseId);
        var handleBefore = before.GetProperty("deadlines").GetProperty("handle").GetDateTimeOffset();
        // 20 working days after Monday 2026-11-02: Monday 2026-11-30, 23:59:59 CST.
        handleBefore.ShouldBe(new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.FromHours(8)));

        var paused = await (await cadre.PostAsJsonAsync($"/api/cases/{caseId}/pauses", new { reason = "等待房屋安全鉴定结论" })).ShouldBeOk<JsonElement>();
        var pauseId = paused.GetProperty("pauses")[0].GetProperty("id").GetInt64();
        (await leader.PostAsync($"/api/cases/{caseId}/pauses/{pauseId}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        app.Clock.Now = new DateTimeOffset(2026, 11, 6, 10, 0, 0, TimeSpan.FromHours(8)); // Friday: Tue, Wed, Thu, Fri paused = 4 working days
        cadre = await app.SignedIn("cadre1");
        var resumed = await (await cadre.PostAsync($"/api/cases/{caseId}/resume", null)).ShouldBeOk<JsonElement>();

        resumed.GetProperty("deadlines").GetProperty("handle").GetDateTimeOffset()
            .ShouldBe(new DateTimeOffset(2026, 12, 4, 23, 59, 59, TimeSpan.FromHours(8))); // four working days later: Friday 12-04
        resumed.GetProperty("timeline").EnumerateArray().Last().GetProperty("before").GetString()!.ShouldContain("handleDeadline");
    }

    [Fact]
    public async Task A_second_extension_in_one_stage_and_an_extension_over_the_cap_are_refused()
    {
        app.Clock.Reset();
        var caseId = await LogAndAccept(channel: "call"); // hotline: at most 8 extra days
        var cadre = await app.SignedIn("cadre1");

        await (await cadre.PostAsJsonAsync($"/api/cases/{caseId}/extensions", new { days = 9, reason = "情况复杂" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "extension-over-cap");
        var requested = await (await cadre.PostAsJsonAsync($"/api/cases/{caseId}/extensions", new { days = 8, reason = "需多部门协调" })).ShouldBeOk<JsonElement>();
        var extensionId = requested.GetProperty("extensions")[0].GetProperty("id").GetInt64();
        var before = requested.GetProperty("deadlines").GetProperty("handle").GetDateTimeOffset();

        await (await cadre.PostAsync($"/api/cases/{caseId}/extensions/{extensionId}/approve", null)).ShouldBeProblem(HttpStatusCode.Forbidden);
        var approved = await (await (await app.SignedIn("unitleader1")).PostAsync($"/api/cases/{caseId}/extensions/{extensionId}/approve", null)).ShouldBeOk<JsonElement>();
        var after = approved.GetProperty("deadlines").GetProperty("handle").GetDateTimeOffset();
        // Issue 12: the 8 days are added to the count from acceptance (7 + 8 = 15 calendar days), rolled once; the old rule
        // extended the already rolled deadline and so counted a weekend twice.
        after.ShouldBeGreaterThan(before);
        after.ShouldBeGreaterThanOrEqualTo(approved.GetProperty("acceptedAt").GetDateTimeOffset().AddDays(15));

        await (await cadre.PostAsJsonAsync($"/api/cases/{caseId}/extensions", new { days = 1, reason = "再延一天" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "extension-once-per-stage");
    }

    private async Task<long> LogAndAccept(string channel)
    {
        var desk = await app.SignedIn(As.FrontDesk);
        var created = await (await desk.PostAsJsonAsync("/api/cases", new
        {
            channel,
            kind = "claim",
            urgency = "normal",
            receivedAt = app.Clock.Now,
            anonymous = false,
            complainants = new[] { new { name = "赵六", phone = "13612345678" } },
            headCount = 1,
            categoryCode = "CSJS-FWZL",
            regionCode = "QH-XH-HB",
            address = "湖滨路10号",
            subject = "墙体开裂",
            content = "新房墙体开裂渗水",
        })).ShouldBeOk<JsonElement>(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        (await (await app.SignedIn("cadre1")).PostAsync($"/api/cases/{id}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        return id;
    }

    private static async Task<JsonElement> Detail(HttpClient client, long id) => await (await client.GetAsync($"/api/cases/{id}")).ShouldBeOk<JsonElement>();
}
