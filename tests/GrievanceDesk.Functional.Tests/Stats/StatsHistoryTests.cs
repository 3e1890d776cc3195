using System.Text.Json;
using GrievanceDesk.Functional.Tests.Cases;
using GrievanceDesk.Functional.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace GrievanceDesk.Functional.Tests.Stats;

/// <summary>
/// Figures that never change after the week: closed in week 44 of 2026, reopened in week 45 by a dissatisfied return
/// visit; week 44 reads the same before and after, and as its archived briefing says; the reopen counts in week 45.
/// </summary>
public sealed class StatsHistoryTests : IClassFixture<CaseApp>
{
    private const string Week44 = "/api/stats?from=2026-10-26&to=2026-11-01";
    private const string Week45 = "/api/stats?from=2026-11-02&to=2026-11-08";
    private readonly CaseApp app;

    public StatsHistoryTests(CaseApp app)
    {
        this.app = app;
        app.Clock.Reset();
    }

    [Fact]
    public async Task A_reopen_in_the_next_week_leaves_the_closed_week_and_its_briefing_as_they_were()
    {
        app.Clock.Now = CaseApp.Cst(2026, 10, 26, 9);
        var created = await app.Log();
        var id = created.Id();
        var cadre = created.Str("cadreUserName")!;
        await app.Do(cadre, id, "accept");
        app.Clock.Now = CaseApp.Cst(2026, 10, 27, 10);
        await app.Do(cadre, id, "contacts", new { at = app.Now.AddHours(-1), channel = "phone", reached = true, note = "已联系诉求人" });
        await app.Do(cadre, id, "resolution", new { outcome = "resolved", summary = "电梯已修复" });
        app.Clock.Now = CaseApp.Cst(2026, 10, 28, 10);
        await app.Do(cadre, id, "feedback", new { channel = "phone", at = app.Now, reached = true, content = "已告知电梯修复" });
        (await app.Do(cadre, id, "close")).Status().ShouldBe("closed");

        // Monday of week 45: week 44 is over and its briefing is archived.
        app.Clock.Now = CaseApp.Cst(2026, 11, 2, 8);
        var briefing = await BriefingTextAsync();
        var before = await app.GetJson(As.Leader, Week44);
        var total = before.GetProperty("total");
        total.GetProperty("received").GetInt32().ShouldBe(1);
        total.GetProperty("closed").GetInt32().ShouldBe(1);
        total.GetProperty("onTimeClosureRate").GetProperty("numerator").GetInt32().ShouldBe(1);
        total.GetProperty("open").GetInt32().ShouldBe(0);
        briefing.ShouldContain("办结 1 件");
        briefing.ShouldContain("截至周末在办 0 件");

        app.Clock.Now = CaseApp.Cst(2026, 11, 3, 15);
        (await app.Do(As.FrontDesk, id, "return-visit", new { satisfaction = "dissatisfied", solved = false, note = "电梯仍经常停运" }))
            .Status().ShouldBe("reopened");

        var after = await app.GetJson(As.Leader, Week44);
        after.GetProperty("total").GetRawText().ShouldBe(total.GetRawText());
        (await app.GetJson(As.Leader, Week44 + "&groupBy=unit")).GetProperty("groups").EnumerateArray()
            .Sum(g => g.GetProperty("figures").GetProperty("closed").GetInt32()).ShouldBe(1);
        (await BriefingTextAsync()).ShouldBe(briefing);

        var next = (await app.GetJson(As.Leader, Week45)).GetProperty("total");
        next.GetProperty("closed").GetInt32().ShouldBe(0);
        next.GetProperty("reopenRate").GetProperty("numerator").GetInt32().ShouldBe(1);
        next.GetProperty("resolutionRate").GetProperty("denominator").GetInt32().ShouldBe(1);
        next.GetProperty("open").GetInt32().ShouldBe(1);

        // 累计 comes with the query: the month to 11-08 has the reopen, the year to it the receipt and the close too.
        var comparison = (await app.GetJson(As.Leader, Week45)).GetProperty("comparison");
        comparison.GetProperty("monthToDate").GetProperty("reopenRate").GetProperty("numerator").GetInt32().ShouldBe(1);
        comparison.GetProperty("yearToDate").GetProperty("closed").GetInt32().ShouldBe(1);
        comparison.GetProperty("yearToDate").GetProperty("received").GetInt32().ShouldBe(1);
        comparison.GetProperty("samePeriodLastYear").GetProperty("received").GetInt32().ShouldBe(0);
    }

    private async Task<string> BriefingTextAsync()
    {
        var client = await app.Client(As.Leader);
        var pdf = await client.GetByteArrayAsync("/api/briefings/weekly/2026/44");
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => p.Text));
    }
}
