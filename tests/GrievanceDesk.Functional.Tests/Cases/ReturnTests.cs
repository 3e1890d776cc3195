using System.Net;
using System.Text.Json;
using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.Cases;

/// <summary>退单: a unit returns a case within 5 working days of dispatch, with a reason, and the return counts against the rule that sent it.</summary>
public sealed class ReturnTests : IClassFixture<CaseApp>
{
    private readonly CaseApp app;

    public ReturnTests(CaseApp app)
    {
        this.app = app;
        app.Clock.Reset();
    }

    [Fact]
    public async Task A_unit_returns_a_case_with_a_reason_and_the_return_counts_against_the_rule_that_sent_it()
    {
        var created = await app.Log();
        var rule = await app.RuleId("CSJS", null);
        created.GetProperty("routingRuleId").GetInt32().ShouldBe(rule);

        var returned = await app.Do(As.Cadre, created.Id(), "return", new { reason = "该小区物业问题属街道属地管理" });

        returned.Status().ShouldBe("registered");
        returned.GetProperty("unit").ValueKind.ShouldBe(JsonValueKind.Null);
        returned.Str("cadreUserName").ShouldBeNull();
        var record = returned.GetProperty("returns").EnumerateArray().ShouldHaveSingleItem();
        record.GetProperty("routingRuleId").GetInt32().ShouldBe(rule);
        record.GetProperty("unitId").GetInt32().ShouldBe(await app.UnitId("QH-ZJW"));
        record.Str("reason").ShouldBe("该小区物业问题属街道属地管理");
        record.Str("by").ShouldBe(As.Cadre);
        (await app.Outbox(created.Id())).ShouldContain(m => m.Template == "case-returned" && m.Recipient == As.Dispatcher);

        // Back in the queue: the unit no longer sees it, the dispatcher sends it on.
        (await app.Send(As.Cadre, HttpMethod.Get, $"/api/cases/{created.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var queue = await app.GetJson(As.Dispatcher, "/api/cases?status=registered&pageSize=100");
        queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ShouldContain(created.Id());
        var redispatched = await app.Do(As.Dispatcher, created.Id(), "dispatch", new { unitCode = "QH-XH" });
        redispatched.UnitCode().ShouldBe("QH-XH");
        redispatched.GetProperty("routingRuleId").ValueKind.ShouldBe(JsonValueKind.Null);
        redispatched.GetProperty("returns").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task A_return_needs_a_reason()
    {
        var id = await app.CaseIn("dispatched");

        await (await app.Post(As.Cadre, id, "return", new { reason = " " })).ShouldNameField("reason");

        (await app.Get(As.Cadre, id)).Status().ShouldBe("dispatched");
    }

    [Fact]
    public async Task A_return_after_five_working_days_across_the_National_Day_holiday_is_refused()
    {
        // Dispatched on Wednesday 30 September 2026. 1–7 October are off and Saturday the 10th is a make-up working day,
        // so the 5 working days are 8, 9, 10, 12 and 13 October: the window closes at 13 October 23:59:59 CST.
        app.Clock.Now = CaseApp.Cst(2026, 9, 30, 10);
        var inTime = await app.Log();
        var late = await app.Log();
        inTime.At("dispatchedAt").ShouldBe(CaseApp.Cst(2026, 9, 30, 10));

        app.Clock.Now = CaseApp.Cst(2026, 10, 13, 23, 30);
        (await app.Do(As.Cadre, inTime.Id(), "return", new { reason = "不属于本单位职责" })).Status().ShouldBe("registered");

        app.Clock.Now = CaseApp.Cst(2026, 10, 14, 0, 30);
        var refused = await (await app.Post(As.Cadre, late.Id(), "return", new { reason = "不属于本单位职责" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "return-window-closed");
        refused.GetProperty("detail").GetString()!.ShouldContain("2026-10-13");

        var stillThere = await app.Get(As.Cadre, late.Id());
        stillThere.Status().ShouldBe("dispatched");
        stillThere.UnitCode().ShouldBe("QH-ZJW");
        stillThere.GetProperty("returns").GetArrayLength().ShouldBe(0);

        // After the window only a dispatcher can move it.
        (await app.Do(As.Dispatcher, late.Id(), "dispatch", new { unitCode = "QH-DF" })).UnitCode().ShouldBe("QH-DF");
    }

    [Fact]
    public async Task An_accepted_case_can_no_longer_be_returned()
    {
        var id = await app.CaseIn("accepted");

        await (await app.Post(As.Cadre, id, "return", new { reason = "不属于本单位职责" })).ShouldBeProblem(HttpStatusCode.Conflict, "invalid-transition");
    }

    [Fact]
    public async Task The_office_does_not_return_a_case_for_the_unit()
    {
        var id = await app.CaseIn("dispatched");

        await (await app.Post(As.Dispatcher, id, "return", new { reason = "代为退单" })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }
}
