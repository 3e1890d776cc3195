using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.MultiInstance;

/// <summary>
/// Intake reads the reference data from each instance's snapshot; an admin change on one instance bumps the shared
/// version row, so the other instance's very next intake uses the new data.
/// </summary>
public sealed class ReferenceDataCacheTests(TwoInstances apps) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task A_routing_rule_added_on_one_instance_routes_the_next_intake_on_the_other()
    {
        apps.Clock.Reset();
        var adminOnA = await apps.A.SignedIn(As.Admin);
        var deskOnB = await apps.B.SignedIn(As.FrontDesk);
        var category = IdOf(await Get(adminOnA, "/api/categories"), "CSJS-WYGL");
        var region = IdOf(await Get(adminOnA, "/api/regions"), "QH-XH-HB");
        var streetOffice = IdOf(await Get(adminOnA, "/api/units"), "QH-XH");

        // B has routed with the seeded rules (CSJS → 住建委), so its snapshot is loaded.
        (await UnitOf(deskOnB, "缓存前")).ShouldBe("QH-ZJW");

        var created = await (await adminOnA.PostAsJsonAsync("/api/admin/routing-rules", new { categoryId = category, regionId = region, unitId = streetOffice, note = "试行：湖滨社区物业问题由街道办理" }))
            .ShouldBeOk<JsonElement>(HttpStatusCode.Created);
        var ruleId = created.GetProperty("id").GetInt32();
        try
        {
            (await UnitOf(deskOnB, "规则新增后")).ShouldBe("QH-XH", "the more specific rule, added on A, routes B's next intake");

            (await adminOnA.PutAsJsonAsync($"/api/admin/routing-rules/{ruleId}", new { categoryId = category, regionId = region, unitId = streetOffice, note = "停用", isActive = false }))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
            (await UnitOf(deskOnB, "规则停用后")).ShouldBe("QH-ZJW", "deactivated on A: B routes by the seeded rule again");
        }
        finally
        {
            await adminOnA.DeleteAsync($"/api/admin/routing-rules/{ruleId}");
        }
    }

    private static async Task<string?> UnitOf(HttpClient desk, string subject)
    {
        var body = new
        {
            channel = "call",
            kind = "claim",
            urgency = "normal",
            receivedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
            anonymous = false,
            complainants = new[] { new { name = "钱七", phone = "13512345678" } },
            headCount = 1,
            categoryCode = "CSJS-WYGL",
            regionCode = "QH-XH-HB",
            address = "湖滨路12号",
            subject,
            content = subject + "：物业问题",
        };
        var created = await (await desk.PostAsJsonAsync("/api/cases", body)).ShouldBeOk<JsonElement>(HttpStatusCode.Created);
        return Cases.CaseJson.UnitCode(created);
    }

    private static async Task<JsonElement> Get(HttpClient client, string path) =>
        await (await client.GetAsync(path)).ShouldBeOk<JsonElement>();

    private static int IdOf(JsonElement nodes, string code) =>
        Flatten(nodes).Single(n => n.GetProperty("code").GetString() == code).GetProperty("id").GetInt32();

    private static IEnumerable<JsonElement> Flatten(JsonElement nodes)
    {
        foreach (var node in nodes.EnumerateArray())
        {
            yield return node;
            if (node.TryGetProperty("children", out var children) && children.ValueKind == JsonValueKind.Array)
            {
                foreach (var child in Flatten(children))
                {
                    yield return child;
                }
            }
        }
    }
}
