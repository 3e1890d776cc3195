using System.Net;
using System.Text.Json;
using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.Cases;

/// <summary>GET /api/cases: every filter of docs/product.md §6, paging and sorting. Each test marks its own cases and searches by the mark.</summary>
public sealed class CaseListTests : IClassFixture<CaseApp>
{
    private readonly CaseApp app;

    public CaseListTests(CaseApp app)
    {
        this.app = app;
        app.Clock.Now = CaseApp.Cst(2026, 11, 23, 10);
    }

    [Fact]
    public async Task Each_filter_narrows_the_list_to_the_cases_it_names()
    {
        var mark = $"筛选{app.Next()}";
        var zjw = await app.LogId(app.NewIntake() with
        {
            Subject = $"{mark} 电梯",
            Channel = "call",
            CategoryCode = "CSJS-WYGL",
            RegionCode = "QH-XH-HB",
            ReceivedAt = CaseApp.Cst(2026, 11, 2, 10),
        });
        var rsj = await app.LogId(app.NewIntake() with
        {
            Subject = $"{mark} 欠薪",
            Channel = "visit",
            CategoryCode = "LDSB-QX",
            RegionCode = "QH-DF-GM",
            ReceivedAt = CaseApp.Cst(2026, 11, 10, 10),
        });
        var queued = await app.LogId(app.NewIntake() with
        {
            Subject = $"{mark} 作风",
            Channel = "online",
            CategoryCode = "GBZF-ZF",
            RegionCode = "QH-BC-CY",
            ReceivedAt = CaseApp.Cst(2026, 11, 20, 23, 30),
        });
        await app.Do("cadre4", rsj, "accept");
        await app.Do("cadre4", rsj, "progress", new { note = "已约谈用人单位" });

        (await Ids(mark, "")).ShouldBe([queued, rsj, zjw], "newest first");
        (await Ids(mark, "&status=registered")).ShouldBe([queued]);
        (await Ids(mark, "&status=in_progress")).ShouldBe([rsj]);
        (await Ids(mark, "&unit=QH-ZJW")).ShouldBe([zjw]);
        (await Ids(mark, "&category=CSJS")).ShouldBe([zjw], "a category includes its sub-categories");
        (await Ids(mark, "&category=LDSB-QX")).ShouldBe([rsj]);
        (await Ids(mark, "&region=QH-DF")).ShouldBe([rsj], "a region includes its communities");
        (await Ids(mark, "&channel=visit")).ShouldBe([rsj]);
        (await Ids(mark, "&from=2026-11-05&to=2026-11-15")).ShouldBe([rsj]);
        (await Ids(mark, "&to=2026-11-02")).ShouldBe([zjw], "to is the whole CST day");
        (await Ids(mark, "&from=2026-11-20")).ShouldBe([queued], "23:30 CST on the 20th is the 20th");
        (await Ids(mark, "&unit=QH-ZJW&channel=visit")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_list_is_paged_with_its_total()
    {
        var mark = $"分页{app.Next()}";
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await app.LogId(app.NewIntake() with { Subject = $"{mark} 第{i}件" }));
        }

        var first = await app.GetJson(As.FrontDesk, $"/api/cases?q={Uri.EscapeDataString(mark)}&page=1&pageSize=2");
        var last = await app.GetJson(As.FrontDesk, $"/api/cases?q={Uri.EscapeDataString(mark)}&page=3&pageSize=2");

        first.GetProperty("total").GetInt32().ShouldBe(5);
        first.GetProperty("page").GetInt32().ShouldBe(1);
        first.GetProperty("pageSize").GetInt32().ShouldBe(2);
        first.GetProperty("items").EnumerateArray().Select(i => i.Id()).ShouldBe([ids[4], ids[3]]);
        last.GetProperty("items").EnumerateArray().Select(i => i.Id()).ShouldBe([ids[0]]);
        await (await app.Send(As.FrontDesk, HttpMethod.Get, "/api/cases?pageSize=1000")).ShouldNameField("pageSize");
    }

    [Fact]
    public async Task Overdue_lists_the_cases_past_the_deadline_they_are_held_to_and_due_sorts_the_nearest_first()
    {
        var mark = $"超期{app.Next()}";
        app.Clock.Now = CaseApp.Cst(2026, 11, 2, 10);
        var late = await app.LogId(app.NewIntake() with { Subject = $"{mark} 未签收" });
        app.Clock.Now = CaseApp.Cst(2026, 11, 20, 10);
        var fresh = await app.LogId(app.NewIntake() with { Subject = $"{mark} 新件" });

        (await Ids(mark, "&overdue=true")).ShouldBe([late]);
        (await Ids(mark, "&overdue=false")).ShouldBe([fresh]);
        var rows = (await app.GetJson(As.FrontDesk, $"/api/cases?q={Uri.EscapeDataString(mark)}&sort=due")).GetProperty("items").EnumerateArray().ToList();
        rows.Select(r => r.Id()).ShouldBe([late, fresh]);
        rows[0].GetProperty("overdue").GetBoolean().ShouldBeTrue();
        rows[1].GetProperty("overdue").GetBoolean().ShouldBeFalse();
        rows[0].At("dueAt").ShouldBeLessThan(app.Now);
    }

    [Fact]
    public async Task A_row_shows_the_complainant_with_the_phone_masked()
    {
        var intake = app.NewIntake() with { Subject = $"掩码{app.Next()}", Complainants = [new Person("李雷", "13812345678")] };
        await app.Log(intake);

        var row = (await app.GetJson(As.FrontDesk, $"/api/cases?q={Uri.EscapeDataString(intake.Subject)}")).GetProperty("items").EnumerateArray().ShouldHaveSingleItem();

        row.Str("complainantName").ShouldBe("李雷");
        row.Str("complainantPhone").ShouldBe("138****5678");
        row.GetRawText().ShouldNotContain("13812345678");
        row.Str("trackingNo").ShouldNotBeNull();
        row.Str("unitName").ShouldBe("区住房和城乡建设委员会");
    }

    [Fact]
    public async Task The_desk_finds_a_case_by_tracking_number_or_by_the_callers_phone()
    {
        var phone = app.UniquePhone();
        var created = await app.Log(app.NewIntake() with { Complainants = [new Person("韩梅梅", phone)] });

        (await Ids(created.Str("trackingNo")!, "")).ShouldBe([created.Id()]);
        (await Ids(phone, "")).ShouldBe([created.Id()]);
    }

    private async Task<List<long>> Ids(string q, string filters) =>
        (await app.GetJson(As.FrontDesk, $"/api/cases?q={Uri.EscapeDataString(q)}&pageSize=100{filters}"))
            .GetProperty("items").EnumerateArray().Select(i => i.Id()).ToList();
}
