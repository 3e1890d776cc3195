using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace GrievanceDesk.Browser.Tests.Infrastructure;

public static class PageExtensions
{
    /// <summary>A screenshot of what the viewport shows, once the web font has loaded, under test-output/.</summary>
    public static async Task<string> Capture(this IPage page, string name, bool fullPage = false)
    {
        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
        if (fullPage)
        {
            // A sticky bar would be drawn over the middle of a full-page picture.
            // Through the CSSOM: the Content-Security-Policy (style-src 'self') refuses an injected <style> element.
            await page.EvaluateAsync("() => document.querySelectorAll('.sticky-actions').forEach(e => e.style.setProperty('position', 'static', 'important'))");
        }

        var path = Path.Combine(BrowserApp.OutputDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        return path;
    }

    /// <summary>The text of the element, trimmed.</summary>
    public static async Task<string> Text(this IPage page, string selector) => (await page.Locator(selector).First.InnerTextAsync()).Trim();

    /// <summary>Opens the action's form (a &lt;details&gt;) on the case page if it is closed.</summary>
    public static async Task<ILocator> OpenAction(this IPage page, string action)
    {
        var details = page.Locator($"details[data-action='{action}']");
        if (await details.GetAttributeAsync("open") is null)
        {
            await details.Locator("summary").ClickAsync();
        }

        return details;
    }

    public static async Task CloseContext(this IPage page) => await page.Context.CloseAsync();

    /// <summary>Picks an entry of an intake type-ahead (问题分类, 属地) by typing, as a clerk does, and checks the code it chose.</summary>
    public static async Task Choose(this IPage page, string selectId, string typed, string code)
    {
        await page.FocusAsync($"#{selectId}_search");
        await page.Keyboard.TypeAsync(typed);
        await page.Locator($"#{selectId}_list li").First.WaitForAsync();
        await page.Keyboard.PressAsync("Enter");
        (await page.InputValueAsync($"#{selectId}")).ShouldBe(code);
    }
}

/// <summary>The HTTP API with a bearer token, for setting up a case quickly where the test is about one page.</summary>
public sealed class Api(string baseUrl)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // One sign-in per app and user: the app limits sign-in attempts per client address, and the tests set up many cases.
    private static readonly ConcurrentDictionary<(string BaseUrl, string UserName), Lazy<Task<string>>> Tokens = new();

    public async Task<HttpClient> As(string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var token = await Tokens.GetOrAdd((baseUrl, userName), key => new Lazy<Task<string>>(() => SignIn(key.UserName))).Value;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<string> SignIn(string userName)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = BrowserApp.Password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        return token.GetProperty("accessToken").GetString()!;
    }

    public async Task<JsonElement> Post(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body, Json);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} → {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Logs a 干部作风/作风问题 case (no routing rule: it stays in the dispatcher queue) as the front desk.</summary>
    public async Task<JsonElement> LogQueuedCase(string subject, string phone)
    {
        var desk = await As("desk");
        return await Post(desk, "/api/cases", new
        {
            channel = "visit",
            kind = "claim",
            urgency = "normal",
            receivedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
            anonymous = false,
            complainants = new[] { new { name = "周文", phone, idNumber = (string?)null, address = (string?)null } },
            headCount = 1,
            categoryCode = "GBZF-ZF",
            regionCode = "QH-DF-GM",
            address = "光明路12号",
            subject,
            content = "窗口工作人员态度生硬，办事推诿。",
        });
    }
}
