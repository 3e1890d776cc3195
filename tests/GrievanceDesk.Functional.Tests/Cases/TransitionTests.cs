using System.Net;
using System.Text.Json;
using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.Cases;

/// <summary>
/// The docs/product.md §3 diagram through HTTP: every arrow walked by the role whose arrow it is, and every arrow that is not
/// there tried from every state and refused with a 409 that names the rule.
/// </summary>
public sealed class TransitionTests(CaseApp app) : IClassFixture<CaseApp>
{
    [Fact]
    public async Task Registered_is_dispatched_accepted_worked_resolved_told_and_closed()
    {
        var id = await app.CaseIn("registered");
        (await app.Get(As.Dispatcher, id)).Status().ShouldBe("registered");

        var dispatched = await app.Do(As.Dispatcher, id, "dispatch", new { unitCode = "QH-ZJW", cadreUserName = "cadre1", note = "请住建委核查" });
        dispatched.Status().ShouldBe("dispatched");
        dispatched.UnitCode().ShouldBe("QH-ZJW");
        dispatched.Str("cadreUserName").ShouldBe("cadre1");

        var accepted = await app.Do(As.Cadre, id, "accept");
        accepted.Status().ShouldBe("accepted");
        accepted.GetProperty("deadlines").Time("handle").ShouldNotBeNull();

        var contacted = await app.Do(As.Cadre, id, "contacts", new { at = app.Now, channel = "phone", reached = true, note = "已电话联系诉求人" });
        contacted.Status().ShouldBe("in_progress");
        contacted.Time("firstContactAt").ShouldNotBeNull();

        var resolved = await app.Do(As.Cadre, id, "resolution", new { outcome = "partially", summary = "已约谈物业，部分问题整改" });
        resolved.Status().ShouldBe("resolved");
        resolved.Str("outcome").ShouldBe("partially");

        var told = await app.Do(As.Cadre, id, "feedback", new { channel = "phone", at = app.Now, reached = true, content = "已告知整改情况", complainantResponse = "认可" });
        told.Status().ShouldBe("feedback_given");

        var closed = await app.Do(As.FrontDesk, id, "close");
        closed.Status().ShouldBe("closed");
        closed.Str("closeReason").ShouldBe("feedback");
        closed.Actions().ShouldBe(["registered", "dispatched", "assigned", "accepted", "contact-recorded", "resolved", "feedback-recorded", "closed"]);
    }

    [Fact]
    public async Task A_progress_note_moves_an_accepted_case_to_in_progress()
    {
        var id = await app.CaseIn("accepted");

        var worked = await app.Do(As.Cadre, id, "progress", new { note = "已联系物业公司" });

        worked.Status().ShouldBe("in_progress");
        worked.Actions()[^1].ShouldBe("progress-recorded");
    }

    [Fact]
    public async Task A_dispatched_case_returned_by_its_unit_is_back_in_the_dispatcher_queue()
    {
        var id = await app.CaseIn("dispatched");

        var returned = await app.Do(As.Cadre, id, "return", new { reason = "不属于本单位职责" });

        returned.Status().ShouldBe("registered");
        returned.GetProperty("unit").ValueKind.ShouldBe(JsonValueKind.Null);
        returned.Actions()[^1].ShouldBe("returned");
    }

    [Fact]
    public async Task The_office_re_dispatches_a_dispatched_case_and_an_accepted_one()
    {
        var dispatched = await app.CaseIn("dispatched");
        var moved = await app.Do(As.Dispatcher, dispatched, "dispatch", new { unitCode = "QH-DF", note = "属地办理" });
        moved.Status().ShouldBe("dispatched");
        moved.UnitCode().ShouldBe("QH-DF");
        moved.Actions()[^1].ShouldBe("redispatched");

        var accepted = await app.CaseIn("accepted");
        var movedAgain = await app.Do(As.Dispatcher, accepted, "dispatch", new { unitCode = "QH-DF" });
        movedAgain.Status().ShouldBe("dispatched");
        movedAgain.UnitCode().ShouldBe("QH-DF");
        movedAgain.GetProperty("deadlines").Time("handle").ShouldBeNull();
    }

    [Fact]
    public async Task A_consultation_answered_on_the_spot_is_resolved_with_feedback_and_closes()
    {
        var id = await app.LogId(app.NewIntake() with { Kind = "consultation", CategoryCode = "GBZF-ZF", Subject = "咨询如何反映干部作风问题" });

        var answered = await app.Do(As.FrontDesk, id, "answer", new { answer = "可通过来信来访或网上渠道反映", channel = "phone" });

        answered.Str("outcome").ShouldBe("explained");
        answered.GetProperty("feedback").GetArrayLength().ShouldBe(1);
        answered.Status().ShouldBe("feedback_given");
        var closed = await app.Do(As.FrontDesk, id, "close");
        closed.Status().ShouldBe("closed");
        closed.Str("closeReason").ShouldBe("feedback");
        closed.Actions().ShouldBe(["registered", "answered-on-the-spot", "feedback-recorded", "closed"]);
    }

    [Fact]
    public async Task A_consultation_the_desk_answers_as_it_logs_it_is_not_sent_to_a_unit_first()
    {
        // 物业管理 has a rule (→ QH-ZJW): a question logged without its answer would be dispatched at once.
        var answered = await app.Log(app.NewIntake() with
        {
            Kind = "consultation",
            Subject = "咨询物业费收费标准",
            Answer = "普通住宅物业费实行政府指导价，可向街道物业办查询",
            AnswerChannel = "phone",
        });

        answered.Status().ShouldBe("feedback_given");
        answered.GetProperty("unit").ValueKind.ShouldBe(JsonValueKind.Null);
        answered.Str("outcome").ShouldBe("explained");
        answered.Actions().ShouldBe(["registered", "answered-on-the-spot", "feedback-recorded"]);
        (await app.Outbox(answered.Id())).ShouldNotContain(m => m.Template == "case-dispatched");
        (await app.Do(As.FrontDesk, answered.Id(), "close")).Str("closeReason").ShouldBe("feedback");

        var asked = await app.Log(app.NewIntake() with { Kind = "consultation", Subject = "咨询电梯年检要求" });
        asked.Status().ShouldBe("dispatched");
        await (await app.Post(As.FrontDesk, asked.Id(), "answer", new { answer = "答复", channel = "phone" })).ShouldBeProblem(HttpStatusCode.Conflict, "invalid-transition");
    }

    [Fact]
    public async Task An_answer_at_intake_needs_its_channel_and_a_consultation()
    {
        await (await app.Send(As.FrontDesk, HttpMethod.Post, "/api/cases", app.NewIntake() with { Kind = "consultation", Answer = "答复" }))
            .ShouldNameField("answerChannel");

        var claim = app.NewIntake() with { Answer = "答复", AnswerChannel = "phone" };
        await (await app.Send(As.FrontDesk, HttpMethod.Post, "/api/cases", claim)).ShouldBeProblem(HttpStatusCode.Conflict, "consultation-only");
        (await app.GetJson(As.FrontDesk, $"/api/cases?q={Uri.EscapeDataString(claim.Subject)}")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Only_a_consultation_is_answered_on_the_spot()
    {
        var id = await app.CaseIn("registered");

        await (await app.Post(As.FrontDesk, id, "answer", new { answer = "答复", channel = "phone" })).ShouldBeProblem(HttpStatusCode.Conflict, "consultation-only");
    }

    [Fact]
    public async Task A_case_not_accepted_is_resolved_and_closes_after_feedback()
    {
        var id = await app.CaseIn("registered");

        var declined = await app.Do(As.Dispatcher, id, "not-accept", new { reason = "已进入诉讼程序，依法不予受理" });

        declined.Status().ShouldBe("resolved");
        declined.Str("outcome").ShouldBe("not_accepted");
        (await app.Do(As.FrontDesk, id, "feedback", new { channel = "sms", at = app.Now, reached = true, content = "已短信告知不予受理及理由" })).Status().ShouldBe("feedback_given");
        (await app.Do(As.FrontDesk, id, "close")).Status().ShouldBe("closed");
    }

    [Fact]
    public async Task A_registered_duplicate_is_merged()
    {
        var original = await app.CaseIn("registered");
        var duplicate = await app.CaseIn("registered");

        var merged = await app.Do(As.FrontDesk, duplicate, "merge", new { intoCaseId = original });

        merged.Status().ShouldBe("merged");
        merged.GetProperty("mergedIntoCaseId").GetInt64().ShouldBe(original);
    }

    [Fact]
    public async Task A_closed_case_visited_dissatisfied_is_reopened_and_worked_again()
    {
        var id = await app.CaseIn("closed");

        var reopened = await app.Do(As.FrontDesk, id, "return-visit", new { satisfaction = "dissatisfied", solved = false });
        reopened.Status().ShouldBe("reopened");
        reopened.UnitCode().ShouldBe("QH-ZJW");

        (await app.Do(As.Cadre, id, "contacts", new { at = app.Now, channel = "visit", reached = true, note = "上门了解" })).Status().ShouldBe("in_progress");
    }

    [Fact]
    public async Task An_anonymous_resolved_case_closes_without_feedback()
    {
        var id = await app.LogId(app.NewIntake() with { Anonymous = true, Complainants = null });
        await app.Do(As.Cadre, id, "accept");
        await app.Do(As.Cadre, id, "progress", new { note = "现场核查" });
        (await app.Do(As.Cadre, id, "resolution", new { outcome = "resolved", summary = "已整改" })).Status().ShouldBe("resolved");

        var closed = await app.Do(As.Cadre, id, "close");

        closed.Status().ShouldBe("closed");
        closed.Str("closeReason").ShouldBe("anonymous");
    }

    [Fact]
    public async Task A_leader_issues_a_supervision_order_on_an_open_case_and_nobody_else_may()
    {
        var id = await app.CaseIn("accepted");

        var supervised = await app.Do(As.Leader, id, "supervision", new { note = "请加快办理，三日内报结果" });

        supervised.Status().ShouldBe("accepted");
        var order = supervised.GetProperty("supervisionOrders").EnumerateArray().ShouldHaveSingleItem();
        order.Str("source").ShouldBe("leader");
        order.Str("issuedBy").ShouldBe(As.Leader);
        (await app.Outbox(id)).ShouldContain(m => m.Template == "supervision-issued" && m.Recipient == As.UnitLeader);
        await (await app.Post(As.Dispatcher, id, "supervision", new { note = "督办" })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    /// <summary>Every command of the case API, by a user whose role may take it.</summary>
    private static readonly (string Action, string User, Func<CaseApp, long, object?> Body)[] Commands =
    [
        ("dispatch", As.Dispatcher, (_, _) => new { unitCode = "QH-DF" }),
        ("assign", As.Dispatcher, (_, _) => new { cadreUserName = "cadre2" }),
        ("accept", As.Cadre, (_, _) => null),
        ("return", As.Cadre, (_, _) => new { reason = "不属于本单位职责" }),
        ("contacts", As.Cadre, (a, _) => new { at = a.Now, channel = "phone", reached = true, note = "电话联系" }),
        ("progress", As.Cadre, (_, _) => new { note = "办理进展" }),
        ("extensions", As.Cadre, (_, _) => new { days = 5, reason = "需现场鉴定" }),
        ("extensions/1/approve", As.UnitLeader, (_, _) => null),
        ("extensions/1/reject", As.UnitLeader, (_, _) => new { reason = "理由不足" }),
        ("pauses", As.Cadre, (_, _) => new { reason = "等待诉求人补充材料" }),
        ("pauses/1/approve", As.UnitLeader, (_, _) => null),
        ("pauses/1/reject", As.UnitLeader, (_, _) => new { reason = "理由不足" }),
        ("resume", As.Cadre, (_, _) => null),
        ("resolution", As.Cadre, (_, _) => new { outcome = "resolved", summary = "已解决" }),
        ("not-accept", As.Dispatcher, (_, _) => new { reason = "不属于信访受理范围" }),
        ("answer", As.FrontDesk, (_, _) => new { answer = "当场答复", channel = "phone" }),
        ("feedback", As.FrontDesk, (a, _) => new { channel = "phone", at = a.Now, reached = true, content = "已告知" }),
        ("close", As.FrontDesk, (_, _) => null),
        ("return-visit", As.FrontDesk, (_, _) => new { satisfaction = "satisfied", solved = true }),
        ("merge", As.FrontDesk, (_, other) => new { intoCaseId = other }),
        ("repeat-of", As.FrontDesk, (_, other) => new { caseId = other }),
        ("supervision", As.Leader, (_, _) => new { note = "督办" }),
    ];

    private static readonly string[] UnitWork =
        ["dispatch", "assign", "contacts", "progress", "extensions", "extensions/1/approve", "extensions/1/reject", "pauses", "pauses/1/approve", "pauses/1/reject", "resume", "supervision"];

    /// <summary>The arrows out of each state, read off the docs/product.md §3 diagram (plus re-dispatch, assignment and supervision of open cases).</summary>
    private static readonly Dictionary<string, string[]> Arrows = new()
    {
        ["registered"] = ["dispatch", "not-accept", "answer", "merge", "repeat-of", "supervision"],
        ["dispatched"] = ["dispatch", "assign", "accept", "return", "supervision"],
        ["accepted"] = UnitWork,
        ["in_progress"] = [.. UnitWork, "resolution"],
        ["resolved"] = ["feedback", "close", "supervision"],
        ["feedback_given"] = ["feedback", "close", "supervision"],
        ["closed"] = ["return-visit"],
        ["reopened"] = UnitWork,
        ["merged"] = [],
    };

    /// <summary>Commands only a responsible unit's staff may take: a case with no unit is not theirs to see.</summary>
    private static readonly string[] UnitOnly =
        ["accept", "return", "contacts", "progress", "extensions", "extensions/1/approve", "extensions/1/reject", "pauses", "pauses/1/approve", "pauses/1/reject", "resume", "resolution"];

    public static TheoryData<string> States => new(Arrows.Keys);

    [Theory]
    [MemberData(nameof(States))]
    public async Task Every_arrow_that_is_not_in_the_diagram_is_refused_and_changes_nothing(string state)
    {
        var id = await app.CaseIn(state);
        var other = await app.CaseIn("registered");
        var before = await app.Get(As.FrontDesk, id);
        before.Status().ShouldBe(state);
        var hasUnit = before.UnitCode() is not null;

        var tried = 0;
        foreach (var (action, user, body) in Commands.Where(c => !Arrows[state].Contains(c.Action)))
        {
            var response = await app.Post(user, id, action, body(app, other));
            var because = $"{action} from {state}";
            if (!hasUnit && UnitOnly.Contains(action))
            {
                // A case in the queue (or merged from it) belongs to no unit: for a unit's staff it does not exist.
                (await response.ShouldBeProblem(HttpStatusCode.NotFound, "not-found")).ToString().ShouldNotBeEmpty(because);
                continue;
            }

            // Close names what is missing: before a resolution it is the resolution.
            var slug = action == "close" && state is not ("closed" or "merged") ? "resolution-required" : "invalid-transition";
            var problem = await response.ShouldBeProblem(HttpStatusCode.Conflict, slug);
            problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace(because);
            tried++;
        }

        tried.ShouldBeGreaterThan(0);
        var after = await app.Get(As.FrontDesk, id);
        after.Status().ShouldBe(state);
        after.Version().ShouldBe(before.Version());
        after.GetProperty("timeline").GetArrayLength().ShouldBe(before.GetProperty("timeline").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(States))]
    public async Task The_case_offers_exactly_the_arrows_of_its_state(string state)
    {
        var id = await app.CaseIn(state);

        var offered = (await app.Get(As.Dispatcher, id)).GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()!).ToList();

        // The dispatcher's own arrows: dispatch and assign while open with the office, not-accept and merge from the queue.
        // The case is a claim: answering on the spot is for consultations only (the aggregate says so), so it is not offered.
        // Adding an attachment (补充附件, issue 18) is the office's in every state but merged.
        var expected = state switch
        {
            "registered" => new[] { "dispatch", "not_accept", "merge_into", "mark_repeat_of", "add_attachment" },
            "dispatched" => ["dispatch", "assign", "add_attachment"],
            "accepted" or "in_progress" or "reopened" => ["dispatch", "assign", "add_attachment"],
            "resolved" or "feedback_given" => ["record_feedback", "close", "add_attachment"],
            "closed" => ["record_return_visit", "add_attachment"],
            _ => [],
        };
        offered.ShouldBe(expected, ignoreOrder: true);
    }
}
