using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrievanceDesk.Application.Escalation;
using GrievanceDesk.Domain.Sla;
using GrievanceDesk.Functional.Tests.Infrastructure;
using GrievanceDesk.Functional.Tests.Jobs;
using GrievanceDesk.Infrastructure.Outbox;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Functional.Tests.MultiInstance;

/// <summary>One app instance of two, on a database that both share (docs/product.md §8: nothing in one process that another needs).</summary>
public sealed class InstanceFactory(TestDatabase database, MutableTimeProvider clock, RecordingGateway gateway) : GrievanceDeskFactory(database)
{
    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<INotificationGateway>(gateway);
    }
}

/// <summary>Two hosts of the app on one database, started one after the other (the second finds the schema migrated).</summary>
public sealed class TwoInstances : IAsyncLifetime
{
    private readonly TestDatabase _data = new();

    public MutableTimeProvider Clock { get; } = new();

    public RecordingGateway Gateway { get; } = new();

    public InstanceFactory A { get; private set; } = null!;

    public InstanceFactory B { get; private set; } = null!;

    public Task InitializeAsync()
    {
        A = new InstanceFactory(_data, Clock, Gateway);
        _ = A.Server; // start and migrate
        B = new InstanceFactory(_data, Clock, Gateway);
        _ = B.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        _data.Dispose();
    }
}

public sealed class TwoInstanceTests(TwoInstances apps) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task A_retried_intake_with_one_key_on_both_instances_makes_one_case()
    {
        apps.Clock.Reset();
        await SharedIntake.RetriedAcross(await apps.A.SignedIn(As.FrontDesk), await apps.B.SignedIn(As.FrontDesk), "双实例幂等");
    }

    [Fact]
    public async Task A_case_written_from_both_instances_at_once_gets_one_success_and_one_409()
    {
        apps.Clock.Reset();
        var id = await LogCase(apps.A, "双实例并发");
        var cadreOnA = await apps.A.SignedIn("cadre1");
        var cadreOnB = await apps.B.SignedIn("cadre1");

        var results = await Task.WhenAll(cadreOnA.PostAsync($"/api/cases/{id}/accept", null), cadreOnB.PostAsync($"/api/cases/{id}/accept", null));

        results.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        var refused = await results.Single(r => r.StatusCode == HttpStatusCode.Conflict).Json();
        // SQLite serialises the two writers, so the loser reads the accepted case and the rule refuses it; on a server
        // database both read the same version and the loser's write is refused as a concurrency conflict. Either way
        // one 409 naming why, and nothing of the loser is written.
        refused.GetProperty("type").GetString().ShouldBeOneOf(
            [.. new[] { "invalid-transition", "concurrency-conflict" }.Select(slug => ProblemAssertions.TypeBase + slug)]);
        var timeline = (await (await cadreOnA.GetAsync($"/api/cases/{id}")).ShouldBeOk<JsonElement>()).GetProperty("timeline").EnumerateArray();
        timeline.Count(e => e.GetProperty("action").GetString() == "accepted").ShouldBe(1);
    }

    [Fact]
    public async Task Escalation_steps_and_outbox_messages_happen_once_when_both_instances_run_the_jobs()
    {
        apps.Clock.Reset();
        apps.Gateway.Reset();
        var id = await LogCase(apps.B, "双实例督办");
        var admin = new[] { await apps.A.SignedIn(As.Admin), await apps.B.SignedIn(As.Admin) };
        var created = await (await (await apps.A.SignedIn(As.Leader)).GetAsync($"/api/cases/{id}")).ShouldBeOk<JsonElement>();
        var deadline = created.GetProperty("deadlines").GetProperty("accept").GetDateTimeOffset();

        // Far past the deadline: every step of the ladder but the warning is due at once (issue 12: a passed deadline is
        // never announced as coming); both instances sweep, twice each, together.
        apps.Clock.Now = deadline.AddDays(30);
        admin = [await apps.A.SignedIn(As.Admin), await apps.B.SignedIn(As.Admin)];
        await Task.WhenAll(admin.Concat(admin).Select(c => c.PostAsync($"/api/admin/jobs/{EscalationSweep.JobId}/trigger", null)));

        using (var scope = apps.A.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var steps = await db.Escalations.Where(e => e.CaseId == id).Select(e => e.Step).ToListAsync();
            steps.Order().ShouldBe([EscalationStep.Overdue, EscalationStep.Supervision, EscalationStep.LeaderSupervision]);
        }

        await Task.WhenAll(admin.Concat(admin).Select(c => c.PostAsync("/api/admin/jobs/outbox-sender/trigger", null)));

        using (var scope = apps.B.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var messages = await db.OutboxMessages.Where(m => m.CaseId == id).ToListAsync();
            messages.ShouldNotBeEmpty();
            messages.ShouldAllBe(m => m.Status == OutboxStatus.Sent);
            foreach (var message in messages)
            {
                apps.Gateway.CallsFor(message.IdempotencyKey).Count.ShouldBe(1, $"{message.Template} to {message.Recipient}");
            }
        }
    }

    private static async Task<long> LogCase(InstanceFactory app, string subject)
    {
        var desk = await app.SignedIn(As.FrontDesk);
        var created = await (await desk.PostAsJsonAsync("/api/cases", SharedIntake.NewCase(subject))).ShouldBeOk<JsonElement>(HttpStatusCode.Created);
        return created.GetProperty("id").GetInt64();
    }
}

/// <summary>The intake the multi-instance tests send, and one intake retried across two instances.</summary>
public static class SharedIntake
{
    public static object NewCase(string subject, DateTimeOffset? receivedAt = null, int headCount = 1) => new
    {
        channel = "call",
        kind = "claim",
        urgency = "normal",
        receivedAt = receivedAt ?? DateTimeOffset.UtcNow.AddMinutes(-5),
        anonymous = false,
        complainants = new[] { new { name = "钱七", phone = "13512345678" } },
        headCount,
        categoryCode = "CSJS-WYGL",
        regionCode = "QH-XH-HB",
        address = "湖滨路12号",
        subject,
        content = subject + "：物业问题",
    };

    /// <summary>Ten tries of one intake with one Idempotency-Key, alternating between two instances, all at once: one case, created once.</summary>
    public static async Task<long> RetriedAcross(HttpClient onA, HttpClient onB, string subject)
    {
        var key = Guid.NewGuid().ToString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(NewCase(subject)) };
            request.Headers.Add("Idempotency-Key", key);
            return (i % 2 == 0 ? onA : onB).SendAsync(request);
        }));

        var ids = new List<long>();
        foreach (var response in responses)
        {
            response.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.OK);
            ids.Add((await response.Json()).GetProperty("id").GetInt64());
        }

        ids.Distinct().Count().ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        return ids[0];
    }
}
