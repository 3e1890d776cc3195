using System.Diagnostics;
using GrievanceDesk.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GrievanceDesk.Browser.Tests.Pages;

/// <summary>
/// A whole case through the pages, as the office works it: the front desk logs it, the dispatcher dispatches it, the
/// cadre accepts, records progress and resolves it, the front desk tells the complainant, closes it and calls back —
/// dissatisfied, so the case reopens to the same unit; the leader downloads the weekly briefing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseJourneyTests(BrowserApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task A_case_goes_from_intake_to_a_dissatisfied_return_visit_and_reopens()
    {
        var clock = Stopwatch.StartNew();
        var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999);

        // 1. The front desk logs a 干部作风/作风问题 case: no routing rule, so it waits in the dispatcher queue.
        var desk = await app.SignedIn("desk");
        // Should earlier cases at the address be listed, the clerk confirms "save as new".
        desk.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await desk.GotoAsync("/desk/intake");
        await desk.SelectOptionAsync("#Input_Channel", "Visit");
        await desk.FillAsync("#Input_Complainants_0__Name", "周文");
        await desk.FillAsync("#Input_Complainants_0__Phone", phone);
        await desk.Choose("Input_CategoryCode", "GBZF-ZF", "GBZF-ZF");
        await desk.Choose("Input_RegionCode", "QH-DF-GM", "QH-DF-GM");
        await desk.FillAsync("#Input_Address", "光明路12号");
        await desk.FillAsync("#Input_Subject", "办事窗口推诿扯皮");
        await desk.FillAsync("#Input_Content", "到街道办理居住证明，窗口工作人员多次推诿，要求补交无关材料。");
        await desk.Keyboard.PressAsync("Control+Enter");
        var banner = desk.GetByTestId("saved-banner");
        await Assertions.Expect(banner).ToBeVisibleAsync();
        var trackingNo = await desk.Text("[data-testid=saved-tracking-no]");
        var queryCode = await desk.Text("[data-testid=saved-query-code]");
        trackingNo.ShouldMatch(@"^GD\d{8}-\d{4}$");
        queryCode.ShouldNotBeNullOrWhiteSpace();
        (await banner.InnerTextAsync()).ShouldContain("进入派单队列");
        await desk.Capture("journey-1-intake-saved");

        // 2. The dispatcher finds it in the queue and dispatches it to 区住建委 with one click.
        var dispatcher = await app.SignedIn("dispatcher");
        dispatcher.Url.ShouldEndWith("/dispatch/queue");
        var row = dispatcher.Locator($"[data-testid=queue-row][data-tracking-no='{trackingNo}']");
        await row.Locator("select[name='Dispatch.UnitCode']").SelectOptionAsync("QH-ZJW");
        await row.GetByRole(AriaRole.Button, new() { Name = "派单" }).ClickAsync();
        await Assertions.Expect(dispatcher.Locator(".flash")).ToContainTextAsync($"{trackingNo} 已派至 区住房和城乡建设委员会");
        await Assertions.Expect(dispatcher.Locator($"[data-testid=queue-row][data-tracking-no='{trackingNo}']")).ToHaveCountAsync(0);

        // The unit auto-assigns to its least busy cadre; the case page says who.
        await desk.GotoAsync("/desk/search?q=" + trackingNo);
        await desk.Locator($"[data-testid=case-row][data-tracking-no='{trackingNo}'] a").First.ClickAsync();
        var caseUrl = desk.Url;
        (await desk.Text("[data-testid=case-status]")).ShouldBe("已派单");
        (await desk.Text("[data-testid=case-unit]")).ShouldBe("区住房和城乡建设委员会");
        // By the person's name (issue 18); the login name rides along for the test to sign in as them.
        var cadre = (await desk.Locator("[data-testid=case-cadre]").GetAttributeAsync("data-user-name"))!;
        cadre.ShouldBeOneOf("cadre1", "cadre2");
        (await desk.Text("[data-testid=case-cadre]")).ShouldNotStartWith("cadre");
        // The front desk may not accept for the unit: the page does not offer it.
        (await desk.Locator("[data-action=Accept]").CountAsync()).ShouldBe(0);

        // 3. The cadre accepts, records progress and resolves.
        var unit = await app.SignedIn(cadre);
        unit.Url.ShouldEndWith("/unit/inbox");
        await unit.Locator($"[data-testid=case-row][data-tracking-no='{trackingNo}'] a").First.ClickAsync();
        await unit.ClickAsync("button[data-action=Accept]");
        await Assertions.Expect(unit.GetByTestId("case-status")).ToHaveTextAsync("已受理");
        var progress = await unit.OpenAction("Progress");
        await progress.Locator("textarea").FillAsync("已约谈窗口负责人，调取当日录像核实情况。");
        await progress.GetByRole(AriaRole.Button, new() { Name = "保存进展" }).ClickAsync();
        await Assertions.Expect(unit.GetByTestId("case-status")).ToHaveTextAsync("办理中");
        var resolve = await unit.OpenAction("Resolve");
        await resolve.Locator("select").SelectOptionAsync("Resolved");
        await resolve.Locator("textarea").FillAsync("经核实情况属实，已对相关人员批评教育，并当场为诉求人办结居住证明。");
        await resolve.GetByRole(AriaRole.Button, new() { Name = "确认办结" }).ClickAsync();
        await Assertions.Expect(unit.GetByTestId("case-status")).ToHaveTextAsync("已办结");
        await unit.Capture("journey-2-resolved-by-cadre", fullPage: true);

        // 4. The front desk tells the complainant, then closes.
        await desk.GotoAsync(caseUrl);
        var feedback = await desk.OpenAction("Feedback");
        await feedback.Locator("textarea[name='Feedback.Content']").FillAsync("已电话告知办理结果，居住证明已办结。");
        await feedback.Locator("input[name='Feedback.ComplainantResponse']").FillAsync("表示知悉");
        await feedback.GetByRole(AriaRole.Button, new() { Name = "保存反馈" }).ClickAsync();
        await Assertions.Expect(desk.GetByTestId("case-status")).ToHaveTextAsync("已反馈");
        await desk.ClickAsync("button[data-action=Close]");
        await Assertions.Expect(desk.GetByTestId("case-status")).ToHaveTextAsync("已结案");

        // 5. The return visit: dissatisfied, so the case reopens to the same unit with a new deadline.
        var visit = await desk.OpenAction("ReturnVisit");
        await visit.Locator("select").SelectOptionAsync("Dissatisfied");
        await visit.Locator("input[type=checkbox][name='ReturnVisit.Solved']").UncheckAsync();
        await visit.Locator("textarea").FillAsync("诉求人认为只处理了个人，未整改窗口作风。");
        await visit.GetByRole(AriaRole.Button, new() { Name = "保存回访" }).ClickAsync();
        await Assertions.Expect(desk.GetByTestId("case-status")).ToHaveTextAsync("重办");
        (await desk.Text("[data-testid=case-unit]")).ShouldBe("区住房和城乡建设委员会");
        (await desk.Locator("[data-testid=timeline] li").CountAsync()).ShouldBeGreaterThanOrEqualTo(8);
        await desk.Capture("journey-3-reopened", fullPage: true);

        // The complainant's public page shows the status and nothing personal.
        var anonymous = await app.NewPage();
        await anonymous.GotoAsync($"/track?Input.TrackingNo={trackingNo}&Input.Code={queryCode}");
        await Assertions.Expect(anonymous.GetByTestId("track-status")).ToHaveTextAsync("重办");
        var publicText = await anonymous.Locator("main").InnerTextAsync();
        publicText.ShouldNotContain("周文");
        publicText.ShouldNotContain(phone);
        publicText.ShouldNotContain(phone[^4..] + " ");
        await anonymous.Capture("track-public-page");

        // 6. The leader downloads last week's briefing from the dashboard.
        var leader = await app.SignedIn("leader");
        leader.Url.ShouldEndWith("/leader/dashboard");
        var download = await leader.RunAndWaitForDownloadAsync(() => leader.GetByTestId("download-briefing").ClickAsync());
        download.SuggestedFilename.ShouldMatch(@"^weekly-briefing-\d{4}-W\d{2}\.pdf$");
        var pdf = Path.Combine(BrowserApp.OutputDirectory, download.SuggestedFilename);
        await download.SaveAsAsync(pdf);
        var bytes = await File.ReadAllBytesAsync(pdf);
        bytes.Length.ShouldBeGreaterThan(1000);
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");

        foreach (var page in new[] { desk, dispatcher, unit, anonymous, leader })
        {
            await page.CloseContext();
        }

        output.WriteLine($"Whole case through the UI in {clock.Elapsed.TotalSeconds:0.0} s.");
    }

    [Fact]
    public async Task A_close_without_feedback_is_refused_and_the_reason_is_shown_beside_the_action()
    {
        var api = new Api(app.BaseUrl);
        var logged = await api.LogQueuedCase("街道窗口拒收材料", "137" + Random.Shared.Next(10_000_000, 99_999_999));
        var id = logged.GetProperty("id").GetInt64();
        await api.Post(await api.As("dispatcher"), $"/api/cases/{id}/dispatch", new { unitCode = "QH-ZJW" });
        var unitLeader = await api.As("unitleader1");
        await api.Post(unitLeader, $"/api/cases/{id}/accept", new { });
        await api.Post(unitLeader, $"/api/cases/{id}/progress", new { note = "已核实。" });
        await api.Post(unitLeader, $"/api/cases/{id}/resolution", new { outcome = "resolved", summary = "已督促窗口收件。" });

        var desk = await app.SignedIn("desk");
        await desk.GotoAsync($"/cases/{id}");
        (await desk.Text("[data-testid=case-status]")).ShouldBe("已办结");
        await desk.ClickAsync("button[data-action=Close]");

        var refusal = desk.Locator("[data-testid=actions] [data-testid=action-error]");
        await Assertions.Expect(refusal).ToBeVisibleAsync();
        (await refusal.InnerTextAsync()).ShouldContain("反馈");
        // The refusal sits right after the close button, and the case did not close.
        (await desk.Locator("form:has(button[data-action=Close]) + [data-testid=action-error]").CountAsync()).ShouldBe(1);
        (await desk.Text("[data-testid=case-status]")).ShouldBe("已办结");
        await desk.Capture("close-refused-without-feedback");
        await desk.CloseContext();
    }

    [Fact]
    public async Task The_intake_form_shows_each_field_error_next_to_its_field()
    {
        var desk = await app.SignedIn("desk");
        await desk.GotoAsync("/desk/intake");
        await desk.FillAsync("#Input_Complainants_0__Name", "李某");
        await desk.FillAsync("#Input_Complainants_0__Phone", "12345");
        await desk.FillAsync("#Input_Complainants_0__IdNumber", "110101199003071234");
        await desk.ClickAsync("#save-new");

        await Assertions.Expect(desk.GetByTestId("form-has-errors")).ToBeVisibleAsync();
        foreach (var field in new[] { "Input.Complainants[0].Phone", "Input.Complainants[0].IdNumber", "Input.CategoryCode", "Input.RegionCode", "Input.Address", "Input.Subject", "Input.Content" })
        {
            var error = desk.Locator($".field:has([name='{field}']) .field-error");
            (await error.InnerTextAsync()).Trim().ShouldNotBeEmpty($"no error next to {field}");
        }

        (await desk.Locator(".field:has([name='Input.Complainants[0].Phone']) .field-error").InnerTextAsync()).ShouldContain("电话号码格式不正确");
        // What was typed is still there, and the valid field has no error.
        (await desk.InputValueAsync("#Input_Complainants_0__Name")).ShouldBe("李某");
        (await desk.Locator(".field:has([name='Input.Complainants[0].Name']) .field-error").InnerTextAsync()).Trim().ShouldBeEmpty();
        await desk.Capture("intake-field-errors", fullPage: true);
        await desk.CloseContext();
    }

    [Fact]
    public async Task Earlier_cases_of_the_same_phone_appear_beside_the_intake_form_as_it_is_typed()
    {
        var api = new Api(app.BaseUrl);
        var phone = "136" + Random.Shared.Next(10_000_000, 99_999_999);
        var earlier = await api.LogQueuedCase("窗口服务态度差", phone);

        var desk = await app.SignedIn("desk");
        await desk.GotoAsync("/desk/intake");
        await desk.FillAsync("#Input_Complainants_0__Name", "周文");
        await desk.Locator("#Input_Complainants_0__Phone").PressSequentiallyAsync(phone);
        var similar = desk.GetByTestId("similar-item");
        await Assertions.Expect(similar).ToHaveCountAsync(1);
        (await similar.InnerTextAsync()).ShouldContain(earlier.GetProperty("trackingNo").GetString()!);
        await desk.Capture("intake-similar-cases");

        // Saved as a repeat of that case, which is still being handled: merged into it, not dispatched again.
        await similar.Locator("input[type=radio]").CheckAsync();
        await desk.Choose("Input_CategoryCode", "GBZF-ZF", "GBZF-ZF");
        await desk.Choose("Input_RegionCode", "QH-DF-GM", "QH-DF-GM");
        await desk.FillAsync("#Input_Address", "光明路12号");
        await desk.FillAsync("#Input_Subject", "再次反映窗口服务态度差");
        await desk.FillAsync("#Input_Content", "上周反映的问题至今没有回复。");
        await desk.ClickAsync("#save-repeat");
        await Assertions.Expect(desk.Locator(".flash")).ToContainTextAsync("并入原件");
        await Assertions.Expect(desk.GetByTestId("saved-banner").Locator(".badge")).ToHaveTextAsync("已合并");
        // The banner names the original, its unit and deadline, for the clerk to tell the caller.
        var merged = desk.GetByTestId("merged-into");
        await Assertions.Expect(merged).ToContainTextAsync(earlier.GetProperty("trackingNo").GetString()!);
        await Assertions.Expect(merged).ToContainTextAsync("办理期限");
        await desk.CloseContext();
    }

    [Fact]
    public async Task A_consultation_answered_on_the_spot_is_resolved_and_told_as_it_is_logged_and_can_be_closed()
    {
        var desk = await app.SignedIn("desk");
        await desk.GotoAsync("/desk/intake");
        await desk.SelectOptionAsync("#kind", "Consultation");
        await desk.FillAsync("#Input_Complainants_0__Name", "孙丽");
        await desk.FillAsync("#Input_Complainants_0__Phone", "135" + Random.Shared.Next(10_000_000, 99_999_999));
        await desk.Choose("Input_CategoryCode", "LDSB-SB", "LDSB-SB");
        await desk.Choose("Input_RegionCode", "QH-XH-HB", "QH-XH-HB");
        await desk.FillAsync("#Input_Address", "湖滨路3号");
        await desk.FillAsync("#Input_Subject", "咨询灵活就业人员社保缴费");
        await desk.FillAsync("#Input_Content", "想了解灵活就业人员如何缴纳养老保险。");
        await desk.FillAsync("#Input_Answer", "可携带身份证到区社保中心窗口或通过线上平台办理登记缴费。");
        await desk.ClickAsync("button[name=mode][value=answer]");

        var banner = desk.GetByTestId("saved-banner");
        // Answered and told at once: resolved with the feedback recorded, ready to close.
        await Assertions.Expect(banner.Locator(".badge")).ToHaveTextAsync("已反馈");
        await Assertions.Expect(desk.Locator(".flash")).ToContainTextAsync("当场答复");
        await banner.GetByRole(AriaRole.Link, new() { Name = "查看案件" }).ClickAsync();
        (await desk.Text("[data-testid=case-unit]")).ShouldBe("待派单");
        await desk.ClickAsync("button[data-action=Close]");
        await Assertions.Expect(desk.GetByTestId("case-status")).ToHaveTextAsync("已结案");
        await desk.CloseContext();
    }
}
