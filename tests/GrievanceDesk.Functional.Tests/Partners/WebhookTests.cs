using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.Partners;

/// <summary>
/// Webhooks out: a receiver on loopback gets each event of the partner's case once, signed, through the outbox; a
/// delivery it answered with a 500 comes again after the backoff; an admin sees the deliveries and can re-send one.
/// </summary>
public sealed class WebhookTests(PartnerApp app) : IClassFixture<PartnerApp>
{
    [Fact]
    public async Task A_receiver_gets_each_event_once_signed_and_again_after_it_answered_500()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (partnerId, key) = await app.RegisterFull();
        var partner = app.Partner(key);
        var subscribed = await (await partner.PostAsJsonAsync("/api/partner/webhooks", new
        {
            url = receiver.Url,
            events = new[] { "registered", "dispatched", "resolved", "feedback_given", "closed", "reopened" },
        })).ShouldBeOk<JsonElement>(HttpStatusCode.Created);
        receiver.Secret = subscribed.GetProperty("secret").GetString()!;
        var reference = $"SD-{app.Next()}";
        var logged = await (await partner.PostAsJsonAsync("/api/partner/cases", app.Intake(reference, phone: "13899990000")))
            .ShouldBeOk<JsonElement>(HttpStatusCode.Created);
        var caseId = logged.GetProperty("id").GetInt64();

        await app.TriggerOutbox();
        await app.TriggerOutbox(); // a second run sends nothing again

        var registered = receiver.Of("registered").ShouldHaveSingleItem();
        registered.SignatureValid.ShouldBeTrue();
        registered.Fresh.ShouldBeTrue();
        registered.Body.GetProperty("caseId").GetInt64().ShouldBe(caseId);
        registered.Body.GetProperty("externalReference").GetString().ShouldBe(reference);
        registered.Raw.ShouldNotContain("13899990000");
        registered.Raw.ShouldNotContain("王五");

        var dispatcher = await app.SignedIn(As.Dispatcher);
        (await dispatcher.PostAsJsonAsync($"/api/cases/{caseId}/dispatch", new { unitCode = "QH-ZJW" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var cadre = await app.SignedIn(As.Cadre);
        var current = await cadre.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        if (current.GetProperty("cadreUserName").ValueKind == JsonValueKind.Null)
        {
            var leader = await app.SignedIn(As.UnitLeader);
            (await leader.PostAsJsonAsync($"/api/cases/{caseId}/assign", new { cadreUserName = As.Cadre })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await cadre.PostAsync($"/api/cases/{caseId}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.TriggerOutbox();
        receiver.Of("dispatched").ShouldHaveSingleItem().SignatureValid.ShouldBeTrue();

        (await cadre.PostAsJsonAsync($"/api/cases/{caseId}/progress", new { note = "已联系征收办核实。" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        receiver.FailNext(1);
        (await cadre.PostAsJsonAsync($"/api/cases/{caseId}/resolution", new { outcome = "resolved", summary = "补偿款已于本周发放到位。" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.TriggerOutbox();
        receiver.Of("resolved").ShouldHaveSingleItem().Answered.ShouldBe(500);

        var admin = await app.SignedIn(As.Admin);
        var deliveries = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/partners/{partnerId}/deliveries");
        var failed = deliveries.EnumerateArray().Single(d => d.GetProperty("event").GetString() == "resolved");
        failed.GetProperty("status").GetString().ShouldBe("pending");
        failed.GetProperty("attempts").GetInt32().ShouldBe(1);
        failed.GetProperty("lastError").GetString()!.ShouldContain("500");

        await app.TriggerOutbox(); // the backoff has not passed: nothing is sent
        receiver.Of("resolved").Count.ShouldBe(1);
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        await app.TriggerOutbox();

        var resolved = receiver.Of("resolved");
        resolved.Count.ShouldBe(2);
        resolved[1].Answered.ShouldBe(200);
        resolved[1].SignatureValid.ShouldBeTrue();
        resolved[1].DeliveryId.ShouldBe(resolved[0].DeliveryId);
        receiver.Deliveries.Count.ShouldBe(4); // registered, dispatched, resolved twice: nothing else, nothing twice

        // An admin re-sends a delivery that had gone through: the receiver gets it once more, with the same id.
        var sent = (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/partners/{partnerId}/deliveries")).EnumerateArray()
            .Single(d => d.GetProperty("event").GetString() == "registered");
        sent.GetProperty("status").GetString().ShouldBe("sent");
        var resent = await (await admin.PostAsync($"/api/admin/partners/{partnerId}/deliveries/{sent.GetProperty("id").GetInt64()}/resend", null))
            .ShouldBeOk<JsonElement>();
        resent.GetProperty("status").GetString().ShouldBe("pending");
        await app.TriggerOutbox();
        receiver.Of("registered").Count.ShouldBe(2);
        receiver.Of("registered")[1].DeliveryId.ShouldBe(registered.DeliveryId);
    }

    [Fact]
    public async Task A_desk_logged_case_and_another_partners_case_send_nothing_to_the_subscriber()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, key) = await app.RegisterFull();
        var (_, other) = await app.RegisterFull("另一平台");
        var subscribed = await (await app.Partner(key).PostAsJsonAsync("/api/partner/webhooks", new { url = receiver.Url, events = new[] { "registered", "dispatched" } }))
            .ShouldBeOk<JsonElement>(HttpStatusCode.Created);
        receiver.Secret = subscribed.GetProperty("secret").GetString()!;

        (await app.Partner(other).PostAsJsonAsync("/api/partner/cases", app.Intake($"O-{app.Next()}"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var desk = await app.SignedIn(As.FrontDesk);
        (await desk.PostAsJsonAsync("/api/cases", new
        {
            channel = "call",
            kind = "claim",
            urgency = "normal",
            receivedAt = app.Clock.GetUtcNow().AddHours(-1),
            anonymous = true,
            headCount = 1,
            categoryCode = "CSJS-WYGL",
            regionCode = "QH-XH-HB",
            address = "湖滨路2号",
            subject = "电梯故障",
            content = "电梯坏了。",
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        await app.TriggerOutbox();

        receiver.Deliveries.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_subscription_to_a_url_that_is_not_http_is_a_400()
    {
        var (_, key) = await app.RegisterFull();

        var problem = await (await app.Partner(key).PostAsJsonAsync("/api/partner/webhooks", new { url = "file:///etc/passwd", events = new[] { "closed" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation");

        problem.GetProperty("errors").TryGetProperty("url", out _).ShouldBeTrue();
    }
}
