using System.Net;
using System.Text.Json;
using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.Cases;

/// <summary>The unit's work on an accepted case: contacts, the resolution's four outcomes, extensions (延期) and pauses (中止).</summary>
public sealed class HandlingTests : IClassFixture<CaseApp>
{
    private readonly CaseApp app;

    public HandlingTests(CaseApp app)
    {
        this.app = app;
        app.Clock.Reset();
    }

    [Theory]
    [InlineData("resolved")]
    [InlineData("partially")]
    [InlineData("explained")]
    [InlineData("not_accepted")]
    public async Task A_resolution_records_its_outcome_and_summary(string outcome)
    {
        var id = await app.CaseIn("in_progress");

        var resolved = await app.Do(As.Cadre, id, "resolution", new { outcome, summary = "办理结果说明" });

        resolved.Status().ShouldBe("resolved");
        resolved.Str("outcome").ShouldBe(outcome);
        resolved.Str("resolutionSummary").ShouldBe("办理结果说明");
        resolved.GetProperty("deadlines").Time("feedback").ShouldNotBeNull();
        resolved.Actions()[^1].ShouldBe("resolved");
    }

    [Fact]
    public async Task A_resolution_needs_a_known_outcome_and_a_summary()
    {
        var id = await app.CaseIn("in_progress");

        await (await app.Post(As.Cadre, id, "resolution", new { outcome = "resolved", summary = "" })).ShouldNameField("summary");
        (await app.Post(As.Cadre, id, "resolution", new { outcome = "solved", summary = "好了" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unanswered_call_is_recorded_but_is_no_first_contact()
    {
        var id = await app.CaseIn("accepted");

        var tried = await app.Do(As.Cadre, id, "contacts", new { at = app.Now.AddMinutes(-5), channel = "phone", reached = false, note = "无人接听" });

        tried.Status().ShouldBe("in_progress");
        tried.Time("firstContactAt").ShouldBeNull();
        var reached = await app.Do(As.Cadre, id, "contacts", new { at = app.Now, channel = "phone", reached = true, note = "已联系上" });
        reached.At("firstContactAt").ShouldBe(app.Now, TimeSpan.FromSeconds(1));
        reached.GetProperty("contacts").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task A_contact_cannot_be_dated_in_the_future()
    {
        var id = await app.CaseIn("accepted");

        await (await app.Post(As.Cadre, id, "contacts", new { at = app.Now.AddHours(2), channel = "phone", reached = true, note = "明天再打" })).ShouldNameField("at");
    }

    [Fact]
    public async Task An_extension_approved_by_the_unit_leader_moves_the_handle_deadline_and_the_complainant_is_told()
    {
        var id = await app.CaseIn("in_progress");
        var before = (await app.Get(As.Cadre, id)).GetProperty("deadlines").At("handle");

        var requested = await app.Do(As.Cadre, id, "extensions", new { days = 5, reason = "需等待电梯配件到货" });
        var extension = requested.GetProperty("extensions").EnumerateArray().ShouldHaveSingleItem();
        extension.Str("status").ShouldBe("pending");
        var extensionId = extension.Id();
        (await app.Outbox(id)).ShouldContain(m => m.Template == "extension-requested" && m.Recipient == As.UnitLeader);

        await (await app.Post(As.Cadre, id, $"extensions/{extensionId}/approve")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        var approved = await app.Do(As.UnitLeader, id, $"extensions/{extensionId}/approve");

        approved.GetProperty("extensions")[0].Str("status").ShouldBe("approved");
        approved.GetProperty("deadlines").At("handle").ShouldBeGreaterThan(before);
        var sms = (await app.Outbox(id)).Where(m => m.Template == "extension-approved-complainant").ShouldHaveSingleItem();
        sms.Channel.ShouldBe("sms");
        sms.Body.ShouldContain("需等待电梯配件到货");

        await (await app.Post(As.Cadre, id, "extensions", new { days = 3, reason = "再延期" })).ShouldBeProblem(HttpStatusCode.Conflict, "extension-once-per-stage");
        await (await app.Post(As.UnitLeader, id, $"extensions/{extensionId}/reject", new { reason = "改主意" })).ShouldBeProblem(HttpStatusCode.Conflict, "extension-already-decided");
    }

    [Fact]
    public async Task An_extension_over_the_policys_cap_is_refused()
    {
        var id = await app.CaseIn("in_progress");

        await (await app.Post(As.Cadre, id, "extensions", new { days = 365, reason = "需要很久" })).ShouldBeProblem(HttpStatusCode.Conflict, "extension-over-cap");
    }

    [Fact]
    public async Task A_paused_case_cannot_be_resolved_and_resumes_with_its_deadline_moved_by_the_time_paused()
    {
        var id = await app.CaseIn("in_progress");
        var before = (await app.Get(As.Cadre, id)).GetProperty("deadlines").At("handle");

        var requested = await app.Do(As.Cadre, id, "pauses", new { reason = "等待第三方鉴定结论" });
        var pauseId = requested.GetProperty("pauses").EnumerateArray().ShouldHaveSingleItem().Id();
        requested.GetProperty("isPaused").GetBoolean().ShouldBeFalse("a pause counts once the unit leader approves it");
        (await app.Do(As.UnitLeader, id, $"pauses/{pauseId}/approve")).GetProperty("isPaused").GetBoolean().ShouldBeTrue();
        await (await app.Post(As.Cadre, id, "resolution", new { outcome = "resolved", summary = "已解决" })).ShouldBeProblem(HttpStatusCode.Conflict, "case-paused");

        app.Clock.Advance(TimeSpan.FromDays(3));
        var resumed = await app.Do(As.Cadre, id, "resume");

        resumed.GetProperty("isPaused").GetBoolean().ShouldBeFalse();
        resumed.GetProperty("deadlines").At("handle").ShouldBeGreaterThan(before);
        resumed.Actions().TakeLast(3).ShouldBe(["pause-requested", "pause-approved", "resumed"]);
        await (await app.Post(As.Cadre, id, "resume")).ShouldBeProblem(HttpStatusCode.Conflict, "pause-not-active");
    }
}
