using System.Text.Json;
using GrievanceDesk.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GrievanceDesk.Browser.Tests.Pages;

/// <summary>Intake at the speed of a hotline (issue 18): keyboard only, type-ahead by pinyin initials, one case per form.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardIntakeTests(BrowserApp app)
{
    public static TheoryData<int, int> Widths => new() { { 1280, 800 }, { 768, 1024 } };

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task A_call_is_logged_with_the_keyboard_only_and_the_category_is_found_by_pinyin_initials(int width, int height)
    {
        var phone = $"135{Random.Shared.Next(10_000_000, 99_999_999)}";
        var subject = $"楼道灯不亮 键盘 {width}-{phone[^4..]}";
        var desk = await app.SignedIn("desk", width, height);
        new Uri(desk.Url).AbsolutePath.ShouldBe("/desk/intake");

        // The cursor starts in 联系电话; 收件时间 is already now and out of the way.
        (await desk.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("Input_Complainants_0__Phone");
        (await desk.InputValueAsync("#Input_ReceivedAt")).ShouldNotBeNullOrEmpty();

        var keys = desk.Keyboard;
        await keys.TypeAsync(phone);
        await keys.PressAsync("Enter");
        (await desk.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("Input_Complainants_0__Name");
        await keys.TypeAsync("赵六");
        await keys.PressAsync("Enter"); // 身份证号 (选填)
        await keys.PressAsync("Enter"); // 住址 (选填)
        await keys.PressAsync("Enter");
        (await desk.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("Input_CategoryCode_search");

        // "wy" finds 物业管理 by its pinyin initials; Enter takes it and moves on to 属地.
        await keys.TypeAsync("wy");
        await Assertions.Expect(desk.Locator("#Input_CategoryCode_list li").First).ToContainTextAsync("物业管理");
        await keys.PressAsync("Enter");
        (await desk.InputValueAsync("#Input_CategoryCode")).ShouldBe("CSJS-WYGL");
        (await desk.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("Input_RegionCode_search");

        // 属地 by its code.
        await keys.TypeAsync("qh-xh-hb");
        await Assertions.Expect(desk.Locator("#Input_RegionCode_list li").First).ToContainTextAsync("湖滨社区");
        await keys.PressAsync("Enter");
        (await desk.InputValueAsync("#Input_RegionCode")).ShouldBe("QH-XH-HB");

        await keys.TypeAsync($"湖滨路{phone[^3..]}号");
        await keys.PressAsync("Enter");
        await keys.TypeAsync(subject);
        await keys.PressAsync("Enter");
        await keys.TypeAsync("三号楼楼道灯坏了一周，晚上老人摔倒。");
        await desk.Capture($"intake-keyboard-{width}");
        await keys.PressAsync("Control+Enter");

        await Assertions.Expect(desk.GetByTestId("saved-banner")).ToBeVisibleAsync();
        var api = new Api(app.BaseUrl);
        var found = await Search(api, subject);
        found.GetProperty("total").GetInt32().ShouldBe(1);
        var item = found.GetProperty("items")[0];
        item.GetProperty("complainantName").GetString().ShouldBe("赵六");
        await desk.CloseContext();
    }

    [Fact]
    public async Task After_a_refused_save_the_cursor_is_in_the_first_field_to_fix()
    {
        var desk = await app.SignedIn("desk");
        await desk.FillAsync("#Input_Complainants_0__Phone", "13800001111");
        await desk.FillAsync("#Input_Complainants_0__Name", "钱八");
        await desk.ClickAsync("#save-new");
        await Assertions.Expect(desk.GetByTestId("form-has-errors")).ToBeVisibleAsync();
        (await desk.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("Input_CategoryCode_search");
        (await desk.Locator("body").InnerTextAsync()).ShouldNotContain("'");
        await desk.CloseContext();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task A_double_submit_and_a_resubmit_of_the_same_form_make_one_case(int width, int height)
    {
        var phone = $"133{Random.Shared.Next(10_000_000, 99_999_999)}";
        var subject = $"窨井盖缺失 双击 {width}-{phone[^4..]}";
        var desk = await app.SignedIn("desk", width, height);
        // Earlier cases at the address ask "save as new?": the clerk says yes, once.
        var confirmations = 0;
        desk.Dialog += async (_, dialog) =>
        {
            confirmations++;
            await dialog.AcceptAsync();
        };
        await desk.FillAsync("#Input_Complainants_0__Phone", phone);
        await desk.FillAsync("#Input_Complainants_0__Name", "孙九");
        await desk.Choose("Input_CategoryCode", "wy", "CSJS-WYGL");
        await desk.Choose("Input_RegionCode", "qh-xh-hb", "QH-XH-HB");
        await desk.FillAsync("#Input_Address", $"湖滨路{phone[^3..]}号");
        await desk.FillAsync("#Input_Subject", subject);
        await desk.FillAsync("#Input_Content", "路口窨井盖丢了，很危险。");

        // What the form would send, to send it again later as a "back and resubmit" would.
        var fields = await desk.EvaluateAsync<Dictionary<string, string>>(
            "() => Object.fromEntries(Array.from(new FormData(document.getElementById('intake-form'))).filter(([k, v]) => typeof v === 'string'))");
        fields.ShouldContainKey("Input.IdempotencyKey");

        // A slow network: the first save hangs for a moment while the clerk clicks again.
        var posts = 0;
        await desk.RouteAsync("**/desk/intake", async route =>
        {
            if (route.Request.Method == "POST")
            {
                Interlocked.Increment(ref posts);
                await Task.Delay(2000);
            }

            await route.ContinueAsync();
        });
        var doubleClick = desk.DblClickAsync("#save-new");
        // While the first save is on its way, the button is disabled.
        await desk.WaitForFunctionAsync("() => document.getElementById('save-new').disabled", null, new PageWaitForFunctionOptions { Timeout = 1500 });
        await doubleClick;
        await Assertions.Expect(desk.GetByTestId("saved-banner")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 15_000 });
        posts.ShouldBe(1, "the second click of the double click sends nothing");

        var multipart = desk.APIRequest.CreateFormData();
        foreach (var (name, value) in fields)
        {
            multipart.Append(name, value);
        }

        multipart.Append("mode", "new");
        var again = await desk.APIRequest.PostAsync("/desk/intake", new APIRequestContextOptions { Multipart = multipart, MaxRedirects = 0 });
        again.Status.ShouldBe(302);

        var found = await Search(new Api(app.BaseUrl), subject);
        found.GetProperty("total").GetInt32().ShouldBe(1, "one form, one case");
        confirmations.ShouldBeLessThanOrEqualTo(1);
        await desk.CloseContext();
    }

    [Fact]
    public async Task A_caller_who_called_before_is_offered_to_fill_in_their_name()
    {
        var phone = $"136{Random.Shared.Next(10_000_000, 99_999_999)}";
        await new Api(app.BaseUrl).LogQueuedCase("窗口推诿 再次来电", phone);

        var desk = await app.SignedIn("desk");
        await desk.Keyboard.TypeAsync(phone);
        var offer = desk.GetByTestId("fill-caller");
        await Assertions.Expect(offer).ToContainTextAsync("周文");
        await offer.ClickAsync();
        (await desk.InputValueAsync("#Input_Complainants_0__Name")).ShouldBe("周文");
        await desk.CloseContext();
    }

    private static async Task<JsonElement> Search(Api api, string subject)
    {
        var desk = await api.As("desk");
        var response = await desk.GetAsync("/api/cases?q=" + Uri.EscapeDataString(subject));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
