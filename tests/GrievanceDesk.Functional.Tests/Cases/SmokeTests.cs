using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.Cases;

public sealed class SmokeTests(GrievanceDeskFactory app) : IClassFixture<GrievanceDeskFactory>
{
    [Fact]
    public async Task A_property_complaint_is_logged_routed_worked_told_and_closed()
    {
        var desk = await app.SignedIn(As.FrontDesk);
        var created = await (await desk.PostAsJsonAsync("/api/cases", new
        {
            channel = "call",
            kind = "claim",
            urgency = "normal",
            receivedAt = DateTimeOffset.UtcNow.AddHours(-1),
            anonymous = false,
            complainants = new[] { new { name = "张三", phone = "13812345678" } },
            headCount = 1,
            categoryCode = "CSJS-WYGL",
            regionCode = "QH-XH-HB",
            address = "湖滨路1号",
            subject = "物业不维修电梯",
            content = "电梯坏了三天物业不修",
        })).ShouldBeOk<JsonElement>(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        created.GetProperty("status").GetString().ShouldBe("dispatched");
        created.GetProperty("unit").GetProperty("code").GetString().ShouldBe("QH-ZJW");
        created.GetProperty("cadreUserName").GetString().ShouldBe("cadre1");

        var cadre = await app.SignedIn("cadre1");
        (await cadre.PostAsync($"/api/cases/{id}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cadre.PostAsJsonAsync($"/api/cases/{id}/progress", new { note = "已联系物业" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cadre.PostAsJsonAsync($"/api/cases/{id}/resolution", new { outcome = "resolved", summary = "电梯已修复" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await cadre.PostAsync($"/api/cases/{id}/close", null)).ShouldBeProblem(HttpStatusCode.Conflict, "feedback-required");
        (await desk.PostAsJsonAsync($"/api/cases/{id}/feedback", new { channel = "phone", at = DateTimeOffset.UtcNow, reached = true, content = "已告知修复" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var closed = await (await desk.PostAsync($"/api/cases/{id}/close", null)).ShouldBeOk<JsonElement>();
        closed.GetProperty("status").GetString().ShouldBe("closed");
        closed.GetProperty("complainants")[0].GetProperty("phone").GetString().ShouldBe("138****5678");
        closed.GetProperty("timeline").GetArrayLength().ShouldBeGreaterThan(5);

        var list = await (await cadre.GetAsync("/api/cases?page=1&pageSize=10")).ShouldBeOk<JsonElement>();
        list.GetProperty("total").GetInt32().ShouldBe(1);
        var track = await (await app.CreateClient().GetAsync($"/api/track/{created.GetProperty("trackingNo").GetString()}?code={created.GetProperty("queryCode").GetString()}")).ShouldBeOk<JsonElement>();
        track.GetProperty("status").GetString().ShouldBe("closed");
    }
}
