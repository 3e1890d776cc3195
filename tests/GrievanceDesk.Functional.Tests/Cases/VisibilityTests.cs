using System.Net;
using System.Text.Json;
using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.Cases;

/// <summary>A unit's staff see and work only their own unit's cases; another unit's case does not exist for them (404, not 403).</summary>
public sealed class VisibilityTests(CaseApp app) : IClassFixture<CaseApp>
{
    [Fact]
    public async Task A_cadre_lists_only_the_cases_of_their_own_unit()
    {
        var zjw = await app.Log();
        var df = await app.Log(app.NewIntake() with { CategoryCode = "CSJS-WYGL", RegionCode = "QH-DF-GM" });
        var queued = await app.CaseIn("registered");
        df.UnitCode().ShouldBe("QH-DF");
        var dfId = await app.UnitId("QH-DF");

        var list = await app.GetJson("cadre3", "/api/cases?pageSize=100");

        var items = list.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.Id()).ShouldContain(df.Id());
        items.Select(i => i.Id()).ShouldNotContain(zjw.Id());
        items.Select(i => i.Id()).ShouldNotContain(queued);
        items.ShouldAllBe(i => i.GetProperty("unitId").GetInt32() == dfId);
        list.GetProperty("total").GetInt32().ShouldBe(items.Count);

        // Asking for another unit, or for another unit's case by its number, finds nothing.
        (await app.GetJson("cadre3", "/api/cases?unit=QH-ZJW")).GetProperty("total").GetInt32().ShouldBe(0);
        (await app.GetJson("cadre3", $"/api/cases?q={zjw.Str("trackingNo")}")).GetProperty("total").GetInt32().ShouldBe(0);
        (await app.GetJson("unitleader2", "/api/cases?pageSize=100")).GetProperty("items").EnumerateArray()
            .ShouldAllBe(i => i.GetProperty("unitId").GetInt32() == dfId);

        // The office sees all of them.
        var office = (await app.GetJson(As.FrontDesk, "/api/cases?pageSize=100")).GetProperty("items").EnumerateArray().Select(i => i.Id()).ToList();
        office.ShouldContain(zjw.Id());
        office.ShouldContain(df.Id());
        office.ShouldContain(queued);
    }

    [Fact]
    public async Task Another_units_case_is_404_to_read_and_looks_like_a_case_that_does_not_exist()
    {
        var zjw = await app.CaseIn("accepted");

        var theirs = await (await app.Send("cadre3", HttpMethod.Get, $"/api/cases/{zjw}")).ShouldBeProblem(HttpStatusCode.NotFound, "not-found");
        var missing = await (await app.Send("cadre3", HttpMethod.Get, "/api/cases/987654")).ShouldBeProblem(HttpStatusCode.NotFound, "not-found");

        theirs.GetProperty("title").GetString().ShouldBe(missing.GetProperty("title").GetString());
        await (await app.Send("cadre3", HttpMethod.Get, $"/api/cases/{zjw}/similar")).ShouldBeProblem(HttpStatusCode.NotFound, "not-found");
        await (await app.Send("unitleader2", HttpMethod.Get, $"/api/cases/{zjw}")).ShouldBeProblem(HttpStatusCode.NotFound, "not-found");
        await (await app.Send("cadre4", HttpMethod.Get, $"/api/cases/{zjw}")).ShouldBeProblem(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_case_waiting_in_the_dispatcher_queue_is_no_units_case()
    {
        var queued = await app.CaseIn("registered");

        await (await app.Send(As.Cadre, HttpMethod.Get, $"/api/cases/{queued}")).ShouldBeProblem(HttpStatusCode.NotFound, "not-found");
        await (await app.Post(As.Cadre, queued, "accept")).ShouldBeProblem(HttpStatusCode.NotFound, "not-found");
    }

    public static TheoryData<string, string, string> Writes => new()
    {
        { "cadre3", "accept", "null" },
        { "cadre3", "return", """{"reason":"不是我们的"}""" },
        { "cadre3", "assign", """{"cadreUserName":"cadre3"}""" },
        { "cadre3", "contacts", """{"at":"2026-01-05T10:00:00+08:00","channel":"phone","reached":true,"note":"联系"}""" },
        { "cadre3", "progress", """{"note":"进展"}""" },
        { "cadre3", "extensions", """{"days":5,"reason":"需要鉴定"}""" },
        { "unitleader2", "extensions/1/approve", "null" },
        { "unitleader2", "extensions/1/reject", """{"reason":"不批"}""" },
        { "cadre3", "pauses", """{"reason":"等待材料"}""" },
        { "unitleader2", "pauses/1/approve", "null" },
        { "unitleader2", "pauses/1/reject", """{"reason":"不批"}""" },
        { "cadre3", "resume", "null" },
        { "cadre3", "resolution", """{"outcome":"resolved","summary":"已解决"}""" },
        { "cadre3", "feedback", """{"channel":"phone","at":"2026-01-05T10:00:00+08:00","reached":true,"content":"已告知"}""" },
        { "cadre3", "close", "null" },
        { "cadre3", "return-visit", """{"satisfaction":"satisfied","solved":true}""" },
        { "cadre3", "merge", """{"intoCaseId":1}""" },
        { "cadre3", "repeat-of", """{"caseId":1}""" },
        { "cadre3", "not-accept", """{"reason":"不予受理"}""" },
        { "cadre3", "answer", """{"answer":"答复","channel":"phone"}""" },
        { "cadre3", "dispatch", """{"unitCode":"QH-DF"}""" },
        { "unitleader2", "assign", """{"cadreUserName":"cadre3"}""" },
        { "unitleader2", "supervision", """{"note":"督办"}""" },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Every_write_on_another_units_case_is_404_and_changes_nothing(string user, string action, string body)
    {
        var id = await app.CaseIn("in_progress");
        var before = await app.Get(As.Cadre, id);

        var client = await app.Client(user);
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await client.PostAsync($"/api/cases/{id}/{action}", body == "null" ? null : content);

        await response.ShouldBeProblem(HttpStatusCode.NotFound, "not-found");
        var after = await app.Get(As.Cadre, id);
        after.Version().ShouldBe(before.Version());
        after.Status().ShouldBe("in_progress");
    }

    [Fact]
    public async Task The_handling_units_staff_work_their_own_case()
    {
        var id = await app.CaseIn("dispatched");

        (await app.Do("cadre2", id, "accept")).Status().ShouldBe("accepted");
        (await app.Do(As.UnitLeader, id, "progress", new { note = "单位负责人督促" })).Status().ShouldBe("in_progress");
    }
}
