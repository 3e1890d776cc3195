using System.Globalization;
using System.Text.Json.Nodes;
using GrievanceDesk.Functional.Tests.Cases;
using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.Security;

public static class SecurityTargets
{
    /// <summary>Two cases of 区住建委 (dispatched, assigned), an SLA policy as the admin API shows it, and last week for the briefing.</summary>
    public static async Task<Targets> Prepare(CaseApp app)
    {
        var target = await app.Log();
        var other = await app.Log();
        var policies = await app.GetJson(As.Admin, "/api/admin/sla-policies");
        var policy = JsonNode.Parse(policies[0].GetRawText())!.AsObject();
        var lastWeek = app.Now.ToOffset(CaseApp.CstOffset).AddDays(-7).DateTime;
        var attached = await app.Do(As.FrontDesk, target.Id(), "attachments", new { fileName = "来信扫描件.jpg", contentType = "image/jpeg", contentBase64 = "/9j/4AAQ" });
        return new Targets(target.Id(), other.Id(), target.Str("trackingNo")!, target.Str("queryCode")!, app.Now, policy,
            ISOWeek.GetYear(lastWeek), ISOWeek.GetWeekOfYear(lastWeek))
        {
            AttachmentId = attached.GetProperty("attachments")[0].GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture),
        };
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CaseApp, HttpClient> Partners = new();

    /// <summary>A client for a caller of <see cref="AccessRules.Callers"/>, or <see cref="AccessRules.Partner"/> (a partner key with every scope).</summary>
    public static async Task<HttpClient> ClientFor(CaseApp app, string caller) =>
        caller == AccessRules.Anonymous ? app.CreateClient()
        : caller == AccessRules.Partner ? await PartnerClient(app)
        : await app.Client(caller);

    private static async Task<HttpClient> PartnerClient(CaseApp app)
    {
        if (Partners.TryGetValue(app, out var known))
        {
            return known;
        }

        var admin = await app.Client(As.Admin);
        var issued = await (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(admin, "/api/admin/partners",
                new { name = "安全测试对接系统", scopes = new[] { "cases:create", "cases:read-own", "webhooks:manage" } }))
            .ShouldBeOk<System.Text.Json.JsonElement>(System.Net.HttpStatusCode.Created);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", issued.GetProperty("key").GetString());
        Partners.AddOrUpdate(app, client);
        return client;
    }
}
