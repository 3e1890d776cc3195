using System.Net;
using System.Text.Json;
using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.Cases;

/// <summary>重办: a dissatisfied return visit reopens the case to the same unit with a new handle clock; the second reopen goes to supervision.</summary>
public sealed class ReopenLoopTests : IClassFixture<CaseApp>
{
    private readonly CaseApp app;

    public ReopenLoopTests(CaseApp app)
    {
        this.app = app;
        app.Clock.Reset();
    }

    [Fact]
    public async Task A_case_around_the_reopen_loop_twice_goes_to_supervision_and_its_timeline_shows_every_step_in_order()
    {
        app.Clock.Now = CaseApp.Cst(2026, 10, 19, 9);
        var created = await app.Log();
        var id = created.Id();
        var cadre = created.Str("cadreUserName")!;
        var firstRound = await Work(id, cadre);
        var firstHandle = firstRound.GetProperty("deadlines").At("handle");

        app.Clock.Now = CaseApp.Cst(2026, 10, 26, 15);
        var reopened = await app.Do(As.FrontDesk, id, "return-visit", new { satisfaction = "dissatisfied", solved = false, note = "电梯仍经常停运" });
        reopened.Status().ShouldBe("reopened");
        reopened.UnitCode().ShouldBe("QH-ZJW");
        reopened.Str("cadreUserName").ShouldBe(cadre);
        reopened.GetProperty("reopenCount").GetInt32().ShouldBe(1);
        reopened.GetProperty("handleRound").GetInt32().ShouldBe(2);
        reopened.Str("outcome").ShouldBeNull();
        var newHandle = reopened.GetProperty("deadlines").At("handle");
        newHandle.ShouldBeGreaterThan(firstHandle);
        newHandle.ShouldBeGreaterThan(app.Now);
        reopened.GetProperty("supervisionOrders").GetArrayLength().ShouldBe(0);
        var told = await app.Outbox(id);
        told.ShouldContain(m => m.Template == "case-reopened" && m.Recipient == As.UnitLeader);
        told.ShouldContain(m => m.Template == "case-reopened" && m.Recipient == cadre);

        // The same unit works it again; the first round's feedback does not close the second.
        app.Clock.Now = CaseApp.Cst(2026, 10, 27, 10);
        await app.Do(cadre, id, "progress", new { note = "更换电梯主板" });
        await app.Do(cadre, id, "resolution", new { outcome = "resolved", summary = "已更换主板，运行正常" });
        await (await app.Post(As.FrontDesk, id, "close")).ShouldBeProblem(HttpStatusCode.Conflict, "feedback-required");
        app.Clock.Now = CaseApp.Cst(2026, 10, 27, 16);
        await app.Do(As.FrontDesk, id, "feedback", new { channel = "phone", at = app.Now, reached = true, content = "已告知更换主板" });
        (await app.Do(As.FrontDesk, id, "close")).Status().ShouldBe("closed");

        app.Clock.Now = CaseApp.Cst(2026, 11, 3, 10);
        var second = await app.Do(As.FrontDesk, id, "return-visit", new { satisfaction = "dissatisfied", solved = false, note = "仍未解决" });

        second.Status().ShouldBe("reopened");
        second.GetProperty("reopenCount").GetInt32().ShouldBe(2);
        second.GetProperty("handleRound").GetInt32().ShouldBe(3);
        var order = second.GetProperty("supervisionOrders").EnumerateArray().ShouldHaveSingleItem();
        order.Str("source").ShouldBe("reopen");
        order.GetProperty("unitId").GetInt32().ShouldBe(await app.UnitId("QH-ZJW"));
        (await app.Outbox(id)).ShouldContain(m => m.Template == "reopen-supervision" && m.Recipient == As.Leader);
        second.GetProperty("returnVisits").EnumerateArray().Select(v => v.GetProperty("round").GetInt32()).ShouldBe([1, 2]);

        second.Actions().ShouldBe(
        [
            "registered", "dispatched", "assigned",
            "accepted", "contact-recorded", "resolved", "feedback-recorded", "closed",
            "return-visit-recorded", "reopened",
            "progress-recorded", "resolved", "feedback-recorded", "closed",
            "return-visit-recorded", "reopened", "supervision-issued",
        ]);
        var timeline = second.GetProperty("timeline").EnumerateArray().ToList();
        timeline.Select(t => t.GetProperty("sequence").GetInt32()).ShouldBe(Enumerable.Range(1, timeline.Count));
        var times = timeline.Select(t => t.At("at")).ToList();
        times.ShouldBe(times.Order().ToList(), "each step happens no earlier than the one before");
        timeline.Select(t => t.Str("actor")).ShouldBe(
        [
            As.FrontDesk, As.FrontDesk, As.FrontDesk,
            cadre, cadre, cadre, cadre, cadre,
            As.FrontDesk, As.FrontDesk,
            cadre, cadre, As.FrontDesk, As.FrontDesk,
            As.FrontDesk, As.FrontDesk, As.FrontDesk,
        ]);
        var firstReopen = timeline[9];
        firstReopen.Str("before")!.ShouldContain("status=");
        firstReopen.Str("after")!.ShouldContain("handleDeadline=");
        firstReopen.At("at").ShouldBe(CaseApp.Cst(2026, 10, 26, 15));

        // The timeline is the same when read again: nothing was rewritten.
        var read = await app.Get(As.Leader, id);
        read.GetProperty("timeline").GetRawText().ShouldBe(second.GetProperty("timeline").GetRawText());
    }

    [Fact]
    public async Task A_satisfied_return_visit_leaves_the_case_closed()
    {
        var id = await app.CaseIn("closed");

        var visited = await app.Do(As.FrontDesk, id, "return-visit", new { satisfaction = "basically", solved = true });

        visited.Status().ShouldBe("closed");
        visited.GetProperty("reopenCount").GetInt32().ShouldBe(0);
        var visit = visited.GetProperty("returnVisits").EnumerateArray().ShouldHaveSingleItem();
        visit.Str("satisfaction").ShouldBe("basically");
        visit.GetProperty("solved").GetBoolean().ShouldBeTrue();
    }

    /// <summary>The first round, by the assigned cadre: accept, contact, resolve, tell, close.</summary>
    private async Task<JsonElement> Work(long id, string cadre)
    {
        await app.Do(cadre, id, "accept");
        app.Clock.Now = CaseApp.Cst(2026, 10, 20, 10);
        await app.Do(cadre, id, "contacts", new { at = app.Now.AddHours(-1), channel = "phone", reached = true, note = "已联系诉求人" });
        await app.Do(cadre, id, "resolution", new { outcome = "resolved", summary = "电梯已修复" });
        app.Clock.Now = CaseApp.Cst(2026, 10, 21, 10);
        await app.Do(cadre, id, "feedback", new { channel = "phone", at = app.Now, reached = true, content = "已告知电梯修复" });
        return await app.Do(cadre, id, "close");
    }
}
