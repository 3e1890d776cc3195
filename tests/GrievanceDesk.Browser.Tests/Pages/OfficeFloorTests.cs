using GrievanceDesk.Browser.Tests.Infrastructure;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GrievanceDesk.Browser.Tests.Pages;

/// <summary>
/// What stopped a clerk, a dispatcher and a leader (issue 18), walked at desktop (1280×800) and tablet (768×1024) width:
/// the audited reveal of a number to call back, the queue's suggestion, the dashboard after a refused supervision order.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OfficeFloorTests(BrowserApp app)
{
    public static TheoryData<int, int> Widths => new() { { 1280, 800 }, { 768, 1024 } };

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task A_desk_clerk_reveals_the_number_to_call_back_with_a_reason_and_the_reveal_is_audited(int width, int height)
    {
        var api = new Api(app.BaseUrl);
        var phone = $"137{Random.Shared.Next(10_000_000, 99_999_999)}";
        var created = await api.LogQueuedCase($"窗口推诿 回拨 {width}", phone);
        var id = created.GetProperty("id").GetInt64();

        var desk = await app.SignedIn("desk", width, height);
        await desk.GotoAsync($"/cases/{id}");
        (await desk.Locator("body").InnerTextAsync()).ShouldNotContain(phone);

        await desk.Locator("details[data-action=Reveal] summary").ClickAsync();
        // No reason: refused beside the field, nothing shown.
        await desk.Locator("details[data-action=Reveal] button[type=submit]").ClickAsync();
        await Assertions.Expect(desk.Locator("details[data-action=Reveal] .field-error")).ToBeVisibleAsync();
        (await desk.GetByTestId("revealed").CountAsync()).ShouldBe(0);

        await desk.FillAsync("#Reveal_Reason", "电话反馈办理结果");
        await desk.Locator("details[data-action=Reveal] button[type=submit]").ClickAsync();
        await Assertions.Expect(desk.GetByTestId("revealed-phone")).ToHaveTextAsync(phone);
        await Assertions.Expect(desk.Locator(".copy-btn")).ToBeInViewportAsync(new() { Ratio = 0.5f });
        await desk.Capture($"reveal-{width}");

        // Click-to-copy: the button says it copied (the clipboard of a headless browser is not read back).
        await desk.Locator(".copy-btn").First.ClickAsync();
        await Assertions.Expect(desk.Locator(".copy-btn").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("已复制|复制失败"));

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var audit = await db.RevealAudits.AsNoTracking().Where(a => a.CaseId == id).ToListAsync();
        var row = audit.ShouldHaveSingleItem();
        row.Reason.ShouldBe("电话反馈办理结果");
        row.UserName.ShouldBe("desk");
        await desk.CloseContext();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task The_queue_never_suggests_the_unit_that_returned_the_case_and_shows_the_return(int width, int height)
    {
        // 物业管理 in 湖滨社区: the rules send it to 区住建委, whose cadre returns it.
        var api = new Api(app.BaseUrl);
        var desk = await api.As("desk");
        var created = await api.Post(desk, "/api/cases", new
        {
            channel = "call",
            kind = "claim",
            urgency = "normal",
            receivedAt = DateTimeOffset.UtcNow.AddMinutes(-3),
            anonymous = false,
            complainants = new[] { new { name = "吴敏", phone = "13600002222" } },
            headCount = 1,
            categoryCode = "CSJS-WYGL",
            regionCode = "QH-XH-HB",
            address = "湖滨路66号",
            subject = $"小区路灯不亮 {width}",
            content = "小区内路灯坏了一个月。",
        });
        created.GetProperty("unit").GetProperty("code").GetString().ShouldBe("QH-ZJW");
        var id = created.GetProperty("id").GetInt64();
        var trackingNo = created.GetProperty("trackingNo").GetString()!;
        var cadre = await api.As("cadre1");
        await api.Post(cadre, $"/api/cases/{id}/return", new { reason = "路灯属街道管理，非本单位职责" });

        var dispatcher = await app.SignedIn("dispatcher", width, height);
        await dispatcher.GotoAsync("/dispatch/queue?p=1");
        var row = dispatcher.Locator($"[data-testid=queue-row][data-tracking-no='{trackingNo}']");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.GetByTestId("return-note")).ToContainTextAsync("退回");
        await Assertions.Expect(row.GetByTestId("return-note")).ToContainTextAsync("区住房和城乡建设委员会");
        await Assertions.Expect(row.GetByTestId("return-note")).ToContainTextAsync("路灯属街道管理");

        var select = row.GetByTestId("dispatch-unit");
        (await select.InputValueAsync()).ShouldNotBe("QH-ZJW");
        var options = await select.Locator("option").AllInnerTextsAsync();
        options.ShouldNotContain(o => o.Contains("（建议）", StringComparison.Ordinal) && o.StartsWith("区住房和城乡建设委员会", StringComparison.Ordinal));
        options.ShouldContain("区住房和城乡建设委员会（已退回）");

        // The row's dispatch button is on screen without scrolling sideways.
        await row.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(row.Locator("button:has-text('派单')")).ToBeInViewportAsync();
        var overflow = await dispatcher.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        overflow.ShouldBeFalse($"the queue scrolls sideways at {width} px");
        await dispatcher.Capture($"queue-returned-{width}");
        await dispatcher.CloseContext();
    }

    [Fact]
    public async Task The_queues_dispatch_button_is_inside_the_viewport_at_768_px()
    {
        var dispatcher = await app.SignedIn("dispatcher", 768, 1024);
        var first = dispatcher.GetByTestId("queue-row").First;
        await Assertions.Expect(first.Locator("button:has-text('派单')")).ToBeInViewportAsync();
        var box = await first.Locator("button:has-text('派单')").BoundingBoxAsync();
        box.ShouldNotBeNull();
        (box.X + box.Width).ShouldBeLessThanOrEqualTo(768);
        await dispatcher.CloseContext();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task The_dashboard_keeps_its_figures_after_a_supervision_order_without_a_note(int width, int height)
    {
        var leader = await app.SignedIn("leader", width, height);
        var received = await leader.Text("[data-testid=kpi-received] .k-value");
        var overdueRows = await leader.Locator("[data-testid=overdue-list] tbody tr").CountAsync();
        overdueRows.ShouldBeGreaterThan(0, "the demo data has overdue cases to supervise");

        await leader.Locator("[data-testid=overdue-list] tbody tr").First.Locator("button:has-text('督办')").ClickAsync();

        await Assertions.Expect(leader.Locator("[data-testid=overdue-list] .field-error")).ToBeVisibleAsync();
        (await leader.Text("[data-testid=kpi-received] .k-value")).ShouldBe(received);
        (await leader.Locator("[data-testid=overdue-list] tbody tr").CountAsync()).ShouldBe(overdueRows);
        await Assertions.Expect(leader.GetByTestId("chart-trend").Locator("svg")).ToBeVisibleAsync();
        (await leader.Locator("body").InnerTextAsync()).ShouldNotContain("当前没有超期案件");
        await leader.Capture($"dashboard-refused-supervision-{width}");
        await leader.CloseContext();
    }
}
