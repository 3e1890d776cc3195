using System.Net;
using System.Text.Json;
using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.Cases;

/// <summary>Similar cases (same complainant, or same address with similar content), repeats (重复件) and merging (合并).</summary>
public sealed class DuplicateTests : IClassFixture<CaseApp>
{
    private readonly CaseApp app;

    public DuplicateTests(CaseApp app)
    {
        this.app = app;
        app.Clock.Reset();
    }

    [Fact]
    public async Task A_case_from_the_same_phone_is_similar_and_says_why()
    {
        var phone = app.UniquePhone();
        var earlier = await app.LogId(app.NewIntake() with { Complainants = [new Person("赵六", phone)], Address = "青山路1号", Content = "楼道灯坏了" });
        var unrelated = await app.LogId();
        var now = await app.LogId(app.NewIntake() with { Complainants = [new Person("赵六", phone)], Address = "柳岸路9号", Content = "门口下水道堵塞" });

        var similar = await Similar(now);

        var match = similar.ShouldHaveSingleItem();
        match.Id().ShouldBe(earlier);
        match.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ShouldContain(r => r!.Contains("same phone"));
        similar.Select(s => s.Id()).ShouldNotContain(unrelated);
        similar.Select(s => s.Id()).ShouldNotContain(now);
    }

    [Fact]
    public async Task A_case_at_the_same_address_with_similar_content_is_similar_and_one_with_other_content_is_not()
    {
        var address = $"幸福路{app.Next()}号";
        const string Rubbish = "小区门口垃圾堆放多日无人清运，气味很大，请尽快处理。";
        var alike = await app.LogId(app.NewIntake() with { Address = address, Content = Rubbish });
        var other = await app.LogId(app.NewIntake() with { Address = address, Content = "楼上邻居装修噪音扰民到深夜十一点。" });
        var now = await app.LogId(app.NewIntake() with { Address = address, Content = "小区门口垃圾堆放多日没人清运，气味很大。" });

        var similar = await Similar(now);

        var match = similar.ShouldHaveSingleItem();
        match.Id().ShouldBe(alike);
        match.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ShouldContain(r => r!.Contains("same address, similar content"));
        similar.Select(s => s.Id()).ShouldNotContain(other);
    }

    [Fact]
    public async Task Similar_cases_are_ranked_strongest_match_first()
    {
        var phone = app.UniquePhone();
        var address = $"和兴路{app.Next()}号";
        const string Noise = "夜间施工噪音扰民，凌晨两点还在打桩。";
        var samePlace = await app.LogId(app.NewIntake() with { Address = address, Content = Noise });
        var samePerson = await app.LogId(app.NewIntake() with { Complainants = [new Person("钱七", phone)], Address = "别处1号", Content = "别的事" });
        var both = await app.LogId(app.NewIntake() with { Complainants = [new Person("钱七", phone)], Address = address, Content = Noise });
        var now = await app.LogId(app.NewIntake() with { Complainants = [new Person("钱七", phone)], Address = address, Content = Noise });

        var similar = await Similar(now);

        similar.Select(s => s.Id()).ShouldBe([both, samePerson, samePlace], ignoreOrder: true);
        similar[0].Id().ShouldBe(both, "the case that matches on the person and on the place comes first");
        similar[0].GetProperty("reasons").GetArrayLength().ShouldBe(2);
        similar.Select(s => s.GetProperty("score").GetDouble()).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task The_desk_sees_earlier_cases_of_a_caller_while_logging_a_new_one()
    {
        var phone = app.UniquePhone();
        var earlier = await app.LogId(app.NewIntake() with { Complainants = [new Person("孙八", phone)] });

        var found = await app.GetJson(As.FrontDesk, $"/api/cases/lookup?phone={phone}");

        found.EnumerateArray().Select(s => s.Id()).ShouldBe([earlier]);
        found[0].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ShouldContain(r => r!.Contains("same phone"));
    }

    [Fact]
    public async Task A_case_closed_more_than_180_days_ago_is_no_longer_similar_but_one_still_open_is()
    {
        var phone = app.UniquePhone();
        app.Clock.Now = app.Now.AddDays(-200);
        var closedLongAgo = await app.LogId(app.NewIntake() with { Complainants = [new Person("周九", phone)], CategoryCode = "GBZF-ZF" });
        await app.Do(As.Dispatcher, closedLongAgo, "not-accept", new { reason = "不属于受理范围" });
        await app.Do(As.FrontDesk, closedLongAgo, "feedback", new { channel = "phone", at = app.Now, reached = true, content = "已告知" });
        await app.Do(As.FrontDesk, closedLongAgo, "close");
        var openLongAgo = await app.LogId(app.NewIntake() with { Complainants = [new Person("周九", phone)] });
        app.Clock.Reset();
        var now = await app.LogId(app.NewIntake() with { Complainants = [new Person("周九", phone)] });

        var similar = (await Similar(now)).Select(s => s.Id()).ToList();

        similar.ShouldContain(openLongAgo);
        similar.ShouldNotContain(closedLongAgo);
    }

    [Fact]
    public async Task A_repeat_of_a_case_still_being_handled_is_merged_into_it_not_dispatched_and_the_complainant_is_told()
    {
        var phone = app.UniquePhone();
        var original = await app.Log(app.NewIntake() with { Complainants = [new Person("吴十", phone)] });
        await app.Do(As.Cadre, original.Id(), "accept");
        var repeat = await app.LogId(app.NewIntake() with { Complainants = [new Person("吴十", phone)], CategoryCode = "GBZF-ZF" });

        var linked = await app.Do(As.FrontDesk, repeat, "repeat-of", new { caseId = original.Id() });

        linked.Status().ShouldBe("merged");
        linked.GetProperty("isRepeat").GetBoolean().ShouldBeTrue();
        linked.GetProperty("repeatOfCaseId").GetInt64().ShouldBe(original.Id());
        linked.GetProperty("mergedIntoCaseId").GetInt64().ShouldBe(original.Id());
        linked.GetProperty("unit").ValueKind.ShouldBe(JsonValueKind.Null);
        var update = (await app.Outbox(repeat)).Where(m => m.Template == "repeat-progress").ShouldHaveSingleItem();
        update.Channel.ShouldBe("sms");
        update.Recipient.ShouldBe(phone);
        update.Body.ShouldContain(original.Str("trackingNo")!);
        update.Body.ShouldContain("区住房和城乡建设委员会");
        var first = await app.Get(As.Cadre, original.Id());
        first.Status().ShouldBe("accepted");
        first.Actions()[^1].ShouldBe("repeat-received");
        (await app.Outbox(original.Id())).ShouldContain(m => m.Template == "repeat-received" && m.Recipient == As.UnitLeader);
        var queue = await app.GetJson(As.Dispatcher, "/api/cases?status=registered&pageSize=100");
        queue.GetProperty("items").EnumerateArray().Select(i => i.Id()).ShouldNotContain(repeat);
    }

    [Fact]
    public async Task A_repeat_logged_at_intake_of_a_case_still_being_handled_is_not_dispatched_again()
    {
        var phone = app.UniquePhone();
        var original = await app.Log(app.NewIntake() with { Complainants = [new Person("郑一", phone)] });
        await app.Do(As.Cadre, original.Id(), "accept");

        // The same complaint again; a rule would send it to the same unit a second time.
        var repeat = await app.Log(app.NewIntake() with { Complainants = [new Person("郑一", phone)], RepeatOfCaseId = original.Id() });

        repeat.Status().ShouldBe("merged");
        repeat.GetProperty("unit").ValueKind.ShouldBe(JsonValueKind.Null);
        repeat.Str("dispatchedAt").ShouldBeNull();
        repeat.GetProperty("repeatOfCaseId").GetInt64().ShouldBe(original.Id());
        repeat.Actions().ShouldBe(["registered", "marked-repeat"]);
        var told = await app.Outbox(repeat.Id());
        told.ShouldContain(m => m.Template == "repeat-progress" && m.Recipient == phone);
        told.ShouldNotContain(m => m.Template == "case-dispatched");
        (await app.Get(As.Cadre, original.Id())).Actions()[^1].ShouldBe("repeat-received");
    }

    [Fact]
    public async Task A_repeat_of_a_closed_case_is_a_new_round_and_is_dispatched_as_usual()
    {
        var phone = app.UniquePhone();
        var closed = await app.CaseIn("closed");

        var queued = await app.LogId(app.NewIntake() with { Complainants = [new Person("王二", phone)], CategoryCode = "GBZF-ZF" });
        var linked = await app.Do(As.FrontDesk, queued, "repeat-of", new { caseId = closed });
        linked.Status().ShouldBe("registered");
        linked.GetProperty("isRepeat").GetBoolean().ShouldBeTrue();
        linked.GetProperty("repeatOfCaseId").GetInt64().ShouldBe(closed);
        linked.GetProperty("mergedIntoCaseId").ValueKind.ShouldBe(JsonValueKind.Null);
        (await app.Outbox(queued)).ShouldNotContain(m => m.Template == "repeat-progress");
        (await app.Get(As.Dispatcher, closed)).Status().ShouldBe("closed");

        var atIntake = await app.Log(app.NewIntake() with { RepeatOfCaseId = closed });
        atIntake.Status().ShouldBe("dispatched");
        atIntake.UnitCode().ShouldBe("QH-ZJW");
        atIntake.GetProperty("isRepeat").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_repeat_at_intake_must_name_an_existing_case()
    {
        await (await app.Send(As.FrontDesk, HttpMethod.Post, "/api/cases", app.NewIntake() with { RepeatOfCaseId = 987654 }))
            .ShouldNameField("repeatOfCaseId");
    }

    [Fact]
    public async Task A_duplicate_in_the_queue_is_merged_into_another_case_and_both_timelines_say_so()
    {
        var target = await app.CaseIn("dispatched");
        var duplicate = await app.CaseIn("registered");

        var merged = await app.Do(As.FrontDesk, duplicate, "merge", new { intoCaseId = target });

        merged.Status().ShouldBe("merged");
        merged.GetProperty("mergedIntoCaseId").GetInt64().ShouldBe(target);
        merged.Actions()[^1].ShouldBe("merged");
        (await app.Get(As.Dispatcher, target)).Actions()[^1].ShouldBe("merge-received");
    }

    [Fact]
    public async Task A_case_is_not_merged_into_itself_a_merged_case_or_a_case_that_does_not_exist()
    {
        var id = await app.CaseIn("registered");
        var alreadyMerged = await app.CaseIn("merged");

        await (await app.Post(As.FrontDesk, id, "merge", new { intoCaseId = id })).ShouldBeProblem(HttpStatusCode.Conflict, "merge-target-invalid");
        await (await app.Post(As.FrontDesk, id, "merge", new { intoCaseId = alreadyMerged })).ShouldBeProblem(HttpStatusCode.Conflict, "merge-target-invalid");
        await (await app.Post(As.FrontDesk, id, "merge", new { intoCaseId = 987654 })).ShouldNameField("intoCaseId");
        await (await app.Post(As.FrontDesk, id, "repeat-of", new { caseId = id })).ShouldBeProblem(HttpStatusCode.Conflict, "repeat-target-invalid");
        (await app.Get(As.FrontDesk, id)).Status().ShouldBe("registered");
    }

    private async Task<List<JsonElement>> Similar(long id) =>
        (await app.GetJson(As.FrontDesk, $"/api/cases/{id}/similar")).EnumerateArray().ToList();
}
