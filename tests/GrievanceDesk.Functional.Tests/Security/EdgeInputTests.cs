using System.Net;
using System.Text;
using GrievanceDesk.Functional.Tests.Cases;
using GrievanceDesk.Functional.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GrievanceDesk.Functional.Tests.Security;

/// <summary>
/// Issue 13: the requests that still gave a 500 — an unknown charset, U+FFFE/U+FFFF in user names, dates at the
/// calendar's edges, the briefing of 2000-W01, page forms posting 0001-01-01T00:00, an empty user name on the unlock
/// form — each replayed, each answered with a 4xx (a page: its form shown again with the error, or a 4xx).
/// </summary>
public sealed class EdgeInputTests(CaseApp app, ITestOutputHelper output) : IClassFixture<CaseApp>
{
    private const string NonCharacters = "\uFFFE\uFFFF";

    [Fact]
    public async Task Api_edge_inputs_are_4xx()
    {
        var id = await app.CaseIn("dispatched");
        var token = app.CreateClient();
        var requests = new List<(string What, string User, HttpRequestMessage Request)>();
        foreach (var charset in new[] { "ebcdic", "utf-7", string.Empty, "\"\"", "x-unknown" })
        {
            requests.Add(($"token charset={charset}", As.Admin, Json(HttpMethod.Post, "/api/auth/token", "{\"userName\":\"admin\",\"password\":\"x\"}", $"application/json; charset={charset}")));
            requests.Add(($"unit charset={charset}", As.Admin, Json(HttpMethod.Post, "/api/admin/units", "{\"code\":\"CS-1\",\"name\":\"x\"}", $"application/json; charset={charset}")));
            requests.Add(($"progress charset={charset}", As.Cadre, Json(HttpMethod.Post, $"/api/cases/{id}/progress", "{\"note\":\"x\"}", $"application/json; charset={charset}")));
        }

        foreach (var bad in new[] { "\\uFFFE", "\\uFFFF", "a\\uFFFEb" })
        {
            requests.Add(($"token user {bad}", As.Admin, Json(HttpMethod.Post, "/api/auth/token", $"{{\"userName\":\"{bad}\",\"password\":\"x\"}}")));
            requests.Add(($"dispatch cadre {bad}", As.Dispatcher, Json(HttpMethod.Post, $"/api/cases/{id}/dispatch", $"{{\"unitCode\":\"QH-ZJW\",\"cadreUserName\":\"{bad}\"}}")));
            requests.Add(($"assign cadre {bad}", As.UnitLeader, Json(HttpMethod.Post, $"/api/cases/{id}/assign", $"{{\"cadreUserName\":\"{bad}\"}}")));
            requests.Add(($"create user {bad}", As.Admin, Json(HttpMethod.Post, "/api/admin/users", $"{{\"userName\":\"{bad}\",\"displayName\":\"x\",\"password\":\"Longenough1!\",\"roles\":[\"Leader\"]}}")));
        }

        foreach (var route in new[] { "%EF%BF%BE", "%EF%BF%BF", "a%EF%BF%BEb" })
        {
            requests.Add(($"update user {route}", As.Admin, Json(HttpMethod.Put, $"/api/admin/users/{route}", "{\"displayName\":\"x\",\"roles\":[\"Leader\"],\"isActive\":true}")));
            requests.Add(($"unlock user {route}", As.Admin, new HttpRequestMessage(HttpMethod.Post, $"/api/admin/users/{route}/unlock")));
        }

        foreach (var query in new[] { "from=0001-01-01", "to=9999-12-31", "from=0001-01-01&to=9999-12-31", "from=9999-12-31", "to=0001-01-01" })
        {
            requests.Add(($"cases {query}", As.FrontDesk, new HttpRequestMessage(HttpMethod.Get, $"/api/cases?{query}")));
            requests.Add(($"stats {query}", As.Leader, new HttpRequestMessage(HttpMethod.Get, $"/api/stats?{query}")));
            requests.Add(($"hot issues {query}", As.Leader, new HttpRequestMessage(HttpMethod.Get, $"/api/stats/hot-issues?{query}")));
        }

        foreach (var (year, week) in new[] { (2000, 1), (1, 1), (9999, 52), (2000, 53) })
        {
            requests.Add(($"briefing {year}-W{week}", As.Leader, new HttpRequestMessage(HttpMethod.Get, $"/api/briefings/weekly/{year}/{week}")));
        }

        var failures = new List<string>();
        foreach (var (what, user, request) in requests)
        {
            var client = await app.Client(user);
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            output.WriteLine($"{status} {what}");
            if (status is < 400 or >= 500 || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{status} {what}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        failures.ShouldBeEmpty(string.Join("\n", failures));
    }

    [Fact]
    public async Task Page_edge_inputs_are_answered_without_a_server_error()
    {
        var id = await app.CaseIn("accepted");
        var failures = new List<string>();
        async Task Check(string what, HttpResponseMessage response, string message = "日期须在")
        {
            var status = (int)response.StatusCode;
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            output.WriteLine($"{status} {what}");
            if (status >= 500 || (status < 400 && !html.Contains(message, StringComparison.Ordinal)))
            {
                failures.Add($"{status} {what}, without \"{message}\": {html[..Math.Min(300, html.Length)]}");
            }
        }

        var desk = await app.SignedInWithCookie(As.FrontDesk);
        var leader = await app.SignedInWithCookie(As.Leader);
        foreach (var query in new[] { "from=0001-01-01", "to=9999-12-31", "from=0001-01-01&to=9999-12-31", "from=9999-12-31&to=9999-12-31" })
        {
            await Check($"search {query}", await desk.GetAsync($"/desk/search?{query}"));
            await Check($"dashboard {query}", await leader.GetAsync($"/leader/dashboard?{query}"));
        }

        var intakeToken = await CookieSignIn.AntiforgeryToken(desk, "/desk/intake");
        await Check("intake receivedAt 0001-01-01T00:00", await desk.PostAsync("/desk/intake", Form(intakeToken, ("mode", "new"), ("Input.ReceivedAt", "0001-01-01T00:00"),
            ("Input.Channel", "Call"), ("Input.Kind", "Claim"), ("Input.Urgency", "Normal"), ("Input.Complainants[0].Name", "张三"), ("Input.Complainants[0].Phone", "13912345678"),
            ("Input.HeadCount", "1"), ("Input.CategoryCode", "CSJS-WYGL"), ("Input.RegionCode", "QH-XH-HB"), ("Input.Address", "湖滨路8号"), ("Input.Subject", "x"), ("Input.Content", "y"))));

        var cadre = await app.SignedInWithCookie(As.Cadre);
        var caseToken = await CookieSignIn.AntiforgeryToken(cadre, $"/cases/{id}");
        await Check("contact at 0001-01-01T00:00", await cadre.PostAsync($"/cases/{id}?handler=Contact", Form(caseToken, ("Contact.At", "0001-01-01T00:00"), ("Contact.Channel", "Phone"), ("Contact.Reached", "true"), ("Contact.Note", "x"))));
        var resolved = await app.CaseIn("resolved");
        var resolvedToken = await CookieSignIn.AntiforgeryToken(cadre, $"/cases/{resolved}");
        await Check("feedback at 0001-01-01T00:00", await cadre.PostAsync($"/cases/{resolved}?handler=Feedback", Form(resolvedToken, ("Feedback.At", "0001-01-01T00:00"), ("Feedback.Channel", "Phone"), ("Feedback.Reached", "true"), ("Feedback.Content", "x"))));

        var admin = await app.SignedInWithCookie(As.Admin);
        var usersToken = await CookieSignIn.AntiforgeryToken(admin, "/admin/users");
        await Check("unlock empty user name", await admin.PostAsync("/admin/users?handler=Unlock", Form(usersToken, ("userName", string.Empty))), "请指定要解锁的用户");
        await Check("unlock U+FFFE", await admin.PostAsync("/admin/users?handler=Unlock", Form(usersToken, ("userName", "a" + NonCharacters))), "不允许的字符");

        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Check("login U+FFFE", await anonymous.PostLogin("a" + NonCharacters, "x"), "不允许的字符");
        await Check("login U+FFFF only", await anonymous.PostLogin("\uFFFF", "x"), "不允许的字符");

        failures.ShouldBeEmpty(string.Join("\n", failures));
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, string body, string contentType = "application/json")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType).ShouldBeTrue(contentType);
        return new HttpRequestMessage(method, path) { Content = content };
    }

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token)));
}
