using GrievanceDesk.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GrievanceDesk.Browser.Tests.Pages;

/// <summary>Each role's start page, captured at 1280×800 for a reviewer, and what a unit's staff may see.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StartPageTests(BrowserApp app)
{
    public static TheoryData<string, string, string> StartPages => new()
    {
        { "desk", "/desk/intake", "来件登记" },
        { "dispatcher", "/dispatch/queue", "派单队列" },
        { "cadre1", "/unit/inbox", "本单位案件" },
        { "unitleader1", "/unit/inbox", "本单位案件" },
        { "leader", "/leader/dashboard", "领导驾驶舱" },
        { "admin", "/admin", "系统管理" },
    };

    [Theory]
    [MemberData(nameof(StartPages))]
    public async Task Each_role_lands_on_its_own_start_page(string userName, string path, string heading)
    {
        var page = await app.SignedIn(userName);
        new Uri(page.Url).AbsolutePath.ShouldBe(path);
        await Assertions.Expect(page.Locator("h1").First).ToContainTextAsync(heading);
        await Assertions.Expect(page.GetByTestId("current-user")).ToBeVisibleAsync();
        var shot = await page.Capture($"start-{userName}");
        new FileInfo(shot).Length.ShouldBeGreaterThan(10_000);
        await page.Capture($"start-{userName}-full", fullPage: true);
        await page.CloseContext();

        // The same page on a tablet held upright: nothing scrolls sideways.
        var narrow = await app.SignedIn(userName, 768, 1024);
        new Uri(narrow.Url).AbsolutePath.ShouldBe(path);
        var overflow = await narrow.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        overflow.ShouldBeFalse($"{path} scrolls sideways at 768 px");
        await narrow.Capture($"start-{userName}-768");
        await narrow.Capture($"start-{userName}-768-full", fullPage: true);
        await narrow.CloseContext();
    }

    [Fact]
    public async Task The_pages_work_at_tablet_width()
    {
        foreach (var (user, name) in new[] { ("desk", "intake"), ("cadre1", "inbox"), ("leader", "dashboard") })
        {
            var page = await app.SignedIn(user, width: 820, height: 1180);
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            overflow.ShouldBeFalse($"the {name} page scrolls sideways at 820 px");
            await page.Capture($"tablet-{name}");
            await page.CloseContext();
        }
    }

    [Fact]
    public async Task A_cadres_inbox_holds_only_the_cases_of_their_unit()
    {
        // A case the rules send to 区人社局 (劳动社保/欠薪): another unit's.
        var api = new Api(app.BaseUrl);
        var desk = await api.As("desk");
        var other = await api.Post(desk, "/api/cases", new
        {
            channel = "call",
            kind = "claim",
            urgency = "normal",
            receivedAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            anonymous = false,
            complainants = new[] { new { name = "钱七", phone = "13500001111" } },
            headCount = 1,
            categoryCode = "LDSB-QX",
            regionCode = "QH-XH-HB",
            address = "湖滨路8号工地",
            subject = "工地拖欠农民工工资",
            content = "三个月工资未发。",
        });
        other.GetProperty("unit").GetProperty("code").GetString().ShouldBe("QH-RSJ");
        var otherNo = other.GetProperty("trackingNo").GetString()!;

        var cadre = await app.SignedIn("cadre1");
        (await cadre.Text("[data-testid=inbox-unit]")).ShouldBe("区住房和城乡建设委员会");
        // The unit's own inbox names the cadre of each case (issue 18), not the unit every row shares.
        var cadres = await cadre.GetByTestId("cadre-name").AllInnerTextsAsync();
        cadres.Count.ShouldBeGreaterThan(0);
        cadres.ShouldNotContain(c => c.StartsWith("cadre", StringComparison.Ordinal));
        (await cadre.Locator($"[data-testid=case-row][data-tracking-no='{otherNo}']").CountAsync()).ShouldBe(0);

        // Searching for it finds nothing, and its page does not exist for them.
        await cadre.GotoAsync("/desk/search?q=" + otherNo);
        (await cadre.Locator("[data-testid=case-row]").CountAsync()).ShouldBe(0);
        var response = await cadre.GotoAsync($"/cases/{other.GetProperty("id").GetInt64()}");
        response!.Status.ShouldBe(404);

        // The cadre of that unit does see it.
        var theirs = await app.SignedIn("cadre4");
        await Assertions.Expect(theirs.Locator($"[data-testid=case-row][data-tracking-no='{otherNo}']")).ToHaveCountAsync(1);
        await cadre.CloseContext();
        await theirs.CloseContext();
    }

    [Fact]
    public async Task The_admin_edits_reference_data_and_reaches_the_Hangfire_dashboard()
    {
        var admin = await app.SignedIn("admin");
        await admin.GotoAsync("/admin/users");
        await Assertions.Expect(admin.GetByTestId("users-table")).ToContainTextAsync("cadre1");
        await admin.Capture("admin-users");

        // A new user without the unit a cadre needs: the error stands next to the unit field.
        await admin.FillAsync("#Input_UserName", "cadre9");
        await admin.FillAsync("#Input_DisplayName", "新承办人");
        await admin.FillAsync("#Input_Password", "Temp@2026x");
        await admin.CheckAsync("input[name='Input.Roles'][value=Cadre]");
        await admin.ClickAsync("button:has-text('保存')");
        (await admin.Locator(".field:has([name='Input.UnitId']) .field-error").InnerTextAsync()).ShouldContain("单位");

        await admin.GotoAsync("/admin/holidays?year=2026");
        await Assertions.Expect(admin.GetByTestId("holidays-table")).ToContainTextAsync("2026-10-01");
        var dashboard = await admin.GotoAsync("/hangfire");
        dashboard!.Status.ShouldBe(200);
        await admin.CloseContext();
    }

    [Fact]
    public async Task A_page_a_role_may_not_open_sends_it_to_the_denied_page()
    {
        var cadre = await app.SignedIn("cadre1");
        await cadre.GotoAsync("/leader/dashboard");
        new Uri(cadre.Url).AbsolutePath.ShouldBe("/denied");
        await cadre.GotoAsync("/");
        new Uri(cadre.Url).AbsolutePath.ShouldBe("/unit/inbox");
        await cadre.CloseContext();

        var anonymous = await app.NewPage();
        await anonymous.GotoAsync("/unit/inbox");
        new Uri(anonymous.Url).AbsolutePath.ShouldBe("/login");
        await anonymous.Capture("login");
        await anonymous.CloseContext();
    }
}
