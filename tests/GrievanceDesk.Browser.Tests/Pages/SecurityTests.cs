using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using GrievanceDesk.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GrievanceDesk.Browser.Tests.Pages;

/// <summary>
/// Issue 13 and 18 in a real browser: a page on another origin of the same host (another loopback port: the same
/// site, so the Lax cookie rides along) cannot make a signed-in unit leader accept a case; a room of clerks behind one
/// address can open the sign-in page 30 times and still sign in; the pages work under the Content-Security-Policy.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityTests(BrowserApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task A_form_on_another_origin_of_the_same_host_cannot_change_a_case()
    {
        var api = new Api(app.BaseUrl);
        var desk = await api.As("desk");
        var created = await api.Post(desk, "/api/cases", new
        {
            channel = "call",
            kind = "claim",
            urgency = "normal",
            receivedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
            anonymous = false,
            complainants = new[] { new { name = "李四", phone = "13912345678" } },
            headCount = 1,
            categoryCode = "CSJS-WYGL",
            regionCode = "QH-XH-HB",
            address = "湖滨路8号",
            subject = "楼道堆物物业不清理",
            content = "楼道堆满杂物存在消防隐患",
        });
        var id = created.GetProperty("id").GetInt64();
        created.GetProperty("status").GetString().ShouldBe("dispatched");

        // The attacker's page: another port on 127.0.0.1, a form that posts itself to the case API.
        var attack = $"""
            <!DOCTYPE html><html><body><h1>领取奖品</h1>
            <form id="f" method="post" action="{app.BaseUrl}/api/cases/{id}/accept"><input name="x" value="1" /></form>
            <script>document.getElementById('f').submit();</script></body></html>
            """;
        using var attacker = new OnePageServer(attack);

        var leader = await app.SignedIn("unitleader1");
        var response = await leader.RunAndWaitForResponseAsync(
            () => leader.GotoAsync(attacker.Url),
            r => r.Url.EndsWith($"/api/cases/{id}/accept", StringComparison.Ordinal));
        output.WriteLine($"cross-origin POST answered {response.Status}: {await response.TextAsync()}");

        response.Status.ShouldBe(403);
        (await response.TextAsync()).ShouldContain("antiforgery-required");
        attacker.Served.ShouldBeTrue();
        var after = await (await api.As("unitleader1")).GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        after.GetProperty("status").GetString().ShouldBe("dispatched", "the case was not accepted");
        await leader.CloseContext();
    }

    [Fact]
    public async Task Thirty_visits_of_the_login_page_from_one_address_then_a_successful_sign_in()
    {
        // Thirty and more: past the suite's sign-in limit, so that if views counted, the sign-in below would be refused.
        var views = Math.Max(30, BrowserApp.SignInAttemptsPerMinute + 5);
        var page = await app.NewPage();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };
        for (var i = 0; i < views; i++)
        {
            var view = await page.GotoAsync("/login");
            view!.Status.ShouldBe(200, $"view {i + 1}");
        }

        await page.FillAsync("#Input_UserName", "desk");
        await page.FillAsync("#Input_Password", BrowserApp.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        page.Url.ShouldEndWith("/desk/intake");

        // The intake page's own script works under the policy (the earlier-cases lookup runs as the clerk types).
        await page.FillAsync("#Input_Complainants_0__Phone", "13912345678");
        await page.WaitForTimeoutAsync(500);
        violations.ShouldBeEmpty(string.Join("\n", violations));
        await page.CloseContext();
    }

    /// <summary>A one-page HTTP server on a free loopback port: the "other origin".</summary>
    private sealed class OnePageServer : IDisposable
    {
        private readonly HttpListener _listener = new();

        public OnePageServer(string html)
        {
            var port = FreePort();
            Url = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await _listener.GetContextAsync();
                    }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                    {
                        return;
                    }

                    var body = Encoding.UTF8.GetBytes(html);
                    context.Response.ContentType = "text/html; charset=utf-8";
                    await context.Response.OutputStream.WriteAsync(body);
                    context.Response.Close();
                    Served = true;
                }
            });
        }

        public string Url { get; }

        public bool Served { get; private set; }

        public void Dispose() => _listener.Close();

        private static int FreePort()
        {
            using var socket = new TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }
    }
}
