using System.Net;
using System.Text.Json;
using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.Cases;

/// <summary>
/// 回避: a case about unit U never goes to U or a unit below it, automatically or by hand; and a report's (检举控告)
/// complainant is never shown to the respondent unit.
/// </summary>
public sealed class ConflictGuardTests(CaseApp app) : IClassFixture<CaseApp>
{
    [Fact]
    public async Task A_rule_that_would_send_a_case_to_its_respondent_sends_it_to_the_respondents_parent()
    {
        // CSJS → QH-ZJW, but the complaint is about QH-ZJW itself: it goes to QH-ZJW's parent, the district government.
        var created = await app.Log(app.NewIntake() with { CategoryCode = "CSJS-FWZL", Kind = "report", RespondentUnitCode = "QH-ZJW" });

        created.Status().ShouldBe("dispatched");
        created.UnitCode().ShouldBe("QH");
        created.GetProperty("routingRuleId").GetInt32().ShouldBe(await app.RuleId("CSJS", null));
        created.GetProperty("respondentUnit").Str("code").ShouldBe("QH-ZJW");
    }

    [Fact]
    public async Task A_rule_that_would_send_a_case_below_its_respondent_sends_it_to_the_respondents_parent()
    {
        // CSJS-WYGL in 东风街道 → QH-DF by rule; the complaint is about 东风街道 itself.
        var created = await app.Log(app.NewIntake() with { RegionCode = "QH-DF-GM", RespondentUnitCode = "QH-DF" });

        created.UnitCode().ShouldBe("QH");
    }

    [Fact]
    public async Task A_case_about_the_top_unit_has_no_lawful_target_and_waits_for_a_dispatcher()
    {
        var created = await app.Log(app.NewIntake() with { RespondentUnitCode = "QH" });

        created.Status().ShouldBe("registered");
        created.GetProperty("unit").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_case_about_a_sub_unit_may_go_to_the_unit_above_it()
    {
        var created = await app.Log(app.NewIntake() with { RespondentUnitCode = "QH-WYGS" });

        created.UnitCode().ShouldBe("QH-ZJW");
    }

    [Fact]
    public async Task A_manual_dispatch_to_the_respondent_or_a_unit_below_it_is_refused()
    {
        var id = await app.LogId(app.NewIntake() with { CategoryCode = "GBZF-ZF", Kind = "report", RespondentUnitCode = "QH-ZJW" });
        var before = await app.Get(As.Dispatcher, id);
        before.Status().ShouldBe("registered");

        await (await app.Post(As.Dispatcher, id, "dispatch", new { unitCode = "QH-ZJW" })).ShouldBeProblem(HttpStatusCode.Conflict, "conflict-of-interest");
        await (await app.Post(As.Dispatcher, id, "dispatch", new { unitCode = "QH-WYGS" })).ShouldBeProblem(HttpStatusCode.Conflict, "conflict-of-interest");

        var unchanged = await app.Get(As.Dispatcher, id);
        unchanged.Status().ShouldBe("registered");
        unchanged.Version().ShouldBe(before.Version());

        var dispatched = await app.Do(As.Dispatcher, id, "dispatch", new { unitCode = "QH" });
        dispatched.UnitCode().ShouldBe("QH");
        // A re-dispatch is held to the same guard.
        await (await app.Post(As.Dispatcher, id, "dispatch", new { unitCode = "QH-WYGS" })).ShouldBeProblem(HttpStatusCode.Conflict, "conflict-of-interest");
        (await app.Do(As.Dispatcher, id, "dispatch", new { unitCode = "QH-DF" })).UnitCode().ShouldBe("QH-DF");
    }

    /// <summary>
    /// A report about 物业管理科 (QH-WYGS, below QH-ZJW) goes to QH-ZJW. The section's cadre cannot see the case at all,
    /// and a leader who reads every case but belongs to the section sees it without the complainant.
    /// </summary>
    [Fact]
    public async Task A_reports_complainant_is_hidden_from_the_respondent_unit_on_the_case_page_and_in_the_list()
    {
        await app.EnsureSectionUsers();
        var phone = app.UniquePhone();
        var report = await app.Log(app.NewIntake() with
        {
            Kind = "report",
            RespondentUnitCode = "QH-WYGS",
            RespondentName = "物业管理科某科长",
            Complainants = [new Person("举报人甲", phone, "11010519491231002X", "湖滨路2号")],
            Subject = $"举报物业管理科收受好处 {app.Next()}",
        });
        report.UnitCode().ShouldBe("QH-ZJW");

        // The handling unit is not the respondent: it sees who reported, to contact them.
        var handling = await app.Get(As.Cadre, report.Id());
        handling.GetProperty("identityHidden").GetBoolean().ShouldBeFalse();
        handling.GetProperty("complainants")[0].Str("name").ShouldBe("举报人甲");

        // The respondent section's own cadre: the case does not exist for them.
        await (await app.Send(SectionCadre, HttpMethod.Get, $"/api/cases/{report.Id()}")).ShouldBeProblem(HttpStatusCode.NotFound, "not-found");
        (await app.GetJson(SectionCadre, "/api/cases?pageSize=100")).GetProperty("items").EnumerateArray().Select(i => i.Id()).ShouldNotContain(report.Id());

        // A reader of all cases who belongs to the respondent section: the case, never the person.
        var page = await app.Send(SectionLeader, HttpMethod.Get, $"/api/cases/{report.Id()}");
        var pageText = await page.Content.ReadAsStringAsync();
        page.StatusCode.ShouldBe(HttpStatusCode.OK, pageText);
        var shown = JsonDocument.Parse(pageText).RootElement;
        shown.GetProperty("identityHidden").GetBoolean().ShouldBeTrue();
        shown.GetProperty("complainants").GetArrayLength().ShouldBe(0);
        ShouldNotReveal(pageText, phone);

        var list = await app.Send(SectionLeader, HttpMethod.Get, $"/api/cases?q={Uri.EscapeDataString(report.Str("subject")!)}");
        var listText = await list.Content.ReadAsStringAsync();
        var row = JsonDocument.Parse(listText).RootElement.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        row.Id().ShouldBe(report.Id());
        row.Str("complainantName").ShouldBeNull();
        row.Str("complainantPhone").ShouldBeNull();
        ShouldNotReveal(listText, phone);
    }

    [Fact]
    public async Task The_respondent_unit_cannot_find_a_reporter_by_searching_for_their_name_or_phone()
    {
        await app.EnsureSectionUsers();
        var phone = app.UniquePhone();
        var report = await app.Log(app.NewIntake() with
        {
            Kind = "report",
            RespondentUnitCode = "QH-WYGS",
            Complainants = [new Person("举报人乙", phone)],
        });

        (await app.GetJson(SectionLeader, $"/api/cases?q={phone}")).GetProperty("total").GetInt32().ShouldBe(0);
        (await app.GetJson(SectionLeader, $"/api/cases?q={Uri.EscapeDataString("举报人乙")}")).GetProperty("total").GetInt32().ShouldBe(0);

        // Everyone else searches as usual.
        (await app.GetJson(As.Leader, $"/api/cases?q={phone}")).GetProperty("items").EnumerateArray().Select(i => i.Id()).ShouldBe([report.Id()]);
    }

    [Fact]
    public async Task The_respondent_unit_cannot_link_a_report_to_its_reporter_through_similar_cases()
    {
        await app.EnsureSectionUsers();
        var phone = app.UniquePhone();
        var claim = await app.LogId(app.NewIntake() with { Complainants = [new Person("举报人丙", phone)], Address = "柳岸路3号" });
        var report = await app.LogId(app.NewIntake() with
        {
            Kind = "report",
            RespondentUnitCode = "QH-WYGS",
            Complainants = [new Person("举报人丙", phone)],
            Address = "青山路5号",
        });

        // The office sees that the two come from one person.
        (await app.GetJson(As.Leader, $"/api/cases/{claim}/similar")).EnumerateArray().Select(s => s.Id()).ShouldContain(report);

        // The respondent section's reader sees the claim with its complainant, so "same phone" would name the reporter.
        var similar = await app.GetJson(SectionLeader, $"/api/cases/{claim}/similar");
        similar.EnumerateArray().Select(s => s.Id()).ShouldNotContain(report);
    }

    private const string SectionCadre = CaseApp.SectionCadre;
    private const string SectionLeader = CaseApp.SectionLeader;

    private static void ShouldNotReveal(string text, string phone)
    {
        text.ShouldNotContain("举报人");
        text.ShouldNotContain(phone[^4..]);
        text.ShouldNotContain("002X");
        text.ShouldNotContain("湖滨路2号");
    }
}
