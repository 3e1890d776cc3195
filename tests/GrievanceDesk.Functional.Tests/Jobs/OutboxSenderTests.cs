using System.Net.Http.Json;
using System.Text.Json;
using GrievanceDesk.Application.Jobs;
using GrievanceDesk.Functional.Tests.Infrastructure;
using GrievanceDesk.Infrastructure.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Functional.Tests.Jobs;

/// <summary>
/// docs/product.md §4: notifications are written to an outbox and sent by a job with retries. Each message is sent once in the
/// normal path; after a crash between sending and marking it is sent again with the same idempotency key.
/// </summary>
public sealed class OutboxSenderTests(JobsFactory app) : IClassFixture<JobsFactory>, IAsyncLifetime
{
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        // Signed in before the clock moves, so the token stays valid whatever the test does with time.
        _admin = await app.SignedIn(As.Admin);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Enqueued_messages_are_sent_once_each_and_marked_sent()
    {
        var enqueued = await app.EnqueueAsync(JobsFactory.Sms("您的诉求已受理，查询码 1234"), JobsFactory.Internal("请签收"), JobsFactory.Internal("请签收", "unitleader1"));
        var now = app.Clock.Now.UtcDateTime;

        (await SendAsync()).ShouldBe(3);
        (await SendAsync()).ShouldBe(0);

        app.Gateway.Calls.Count.ShouldBe(3);
        app.Gateway.Calls.Select(c => c.IdempotencyKey).ShouldBe(enqueued.Select(m => m.IdempotencyKey), ignoreOrder: true);
        var sms = app.Gateway.Calls.Single(c => c.Channel == "sms");
        sms.Recipient.ShouldBe("13800138000");
        sms.Body.ShouldBe("您的诉求已受理，查询码 1234");
        sms.Attempt.ShouldBe(1);
        foreach (var message in await app.MessagesAsync())
        {
            message.Status.ShouldBe(OutboxStatus.Sent);
            message.Attempts.ShouldBe(1);
            message.SentAtUtc.ShouldBe(now);
            message.ClaimedUntilUtc.ShouldBeNull();
        }
    }

    [Fact]
    public async Task A_failed_send_is_retried_after_the_backoff_with_the_same_key()
    {
        var message = (await app.EnqueueAsync(JobsFactory.Sms("您的诉求已派至承办单位"))).Single();
        app.Gateway.BeforeDelivery = n =>
        {
            if (n.Attempt == 1)
            {
                throw new HttpRequestException("短信网关超时 (gateway timeout)");
            }
        };
        var failedAt = app.Clock.Now.UtcDateTime;

        (await SendAsync()).ShouldBe(0);
        var afterFailure = await app.MessageAsync(message.Id);
        afterFailure.Status.ShouldBe(OutboxStatus.Pending);
        afterFailure.Attempts.ShouldBe(1);
        afterFailure.NextAttemptAtUtc.ShouldBe(failedAt.AddSeconds(30));
        afterFailure.LastError!.ShouldContain("gateway timeout");

        app.Clock.Advance(TimeSpan.FromSeconds(20));
        (await SendAsync()).ShouldBe(0);
        app.Gateway.Calls.Count.ShouldBe(1);

        app.Clock.Advance(TimeSpan.FromSeconds(10));
        (await SendAsync()).ShouldBe(1);

        var sent = await app.MessageAsync(message.Id);
        sent.Status.ShouldBe(OutboxStatus.Sent);
        sent.Attempts.ShouldBe(2);
        app.Gateway.Calls.Select(c => (c.IdempotencyKey, c.Attempt)).ShouldBe([(message.IdempotencyKey, 1), (message.IdempotencyKey, 2)]);
        app.Gateway.Delivered.Keys.ShouldBe([message.IdempotencyKey]);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_dead_after_eight_attempts_with_growing_waits()
    {
        var message = (await app.EnqueueAsync(JobsFactory.Sms("回访提醒", "13900139000"))).Single();
        app.Gateway.BeforeDelivery = _ => throw new InvalidOperationException("号码停机 (number out of service)");
        var waits = new List<TimeSpan>();

        for (var attempt = 1; attempt <= 8; attempt++)
        {
            (await SendAsync()).ShouldBe(0);
            var row = await app.MessageAsync(message.Id);
            row.Attempts.ShouldBe(attempt);
            if (attempt < 8)
            {
                row.Status.ShouldBe(OutboxStatus.Pending);
                waits.Add(row.NextAttemptAtUtc - app.Clock.Now.UtcDateTime);
                app.Clock.Advance(waits[^1]);
            }
        }

        var dead = await app.MessageAsync(message.Id);
        dead.Status.ShouldBe(OutboxStatus.Failed);
        dead.SentAtUtc.ShouldBeNull();
        dead.LastError!.ShouldContain("number out of service");
        waits.Select(w => w.TotalSeconds).ShouldBe([30, 60, 120, 240, 480, 960, 1920]);

        // Past the longest wait (an hour), and well within the admin's token lifetime.
        app.Clock.Advance(TimeSpan.FromHours(2));
        (await SendAsync()).ShouldBe(0);
        app.Gateway.Calls.Count.ShouldBe(8);
    }

    [Fact]
    public async Task A_crash_between_send_and_mark_resends_with_the_same_key_after_the_claim_runs_out()
    {
        var message = (await app.EnqueueAsync(JobsFactory.Sms("您的诉求已办结"))).Single();
        using var crash = new CancellationTokenSource();
        // The gateway takes the message, then the process "dies" before the sender marks it sent.
        app.Gateway.AfterDelivery = (_, ct) =>
        {
            crash.Cancel();
            ct.ThrowIfCancellationRequested();
        };
        var scheduler = app.Services.GetRequiredService<IJobScheduler>();

        await Should.ThrowAsync<OperationCanceledException>(() => scheduler.RunNowAsync(JobsFactory.OutboxSender, crash.Token));
        app.Gateway.AfterDelivery = null;
        (await app.MessageAsync(message.Id)).Status.ShouldBe(OutboxStatus.Pending);

        // Another run while the dead run's claim still holds does not send it.
        app.Clock.Advance(TimeSpan.FromMinutes(4));
        (await SendAsync()).ShouldBe(0);
        app.Gateway.Calls.Count.ShouldBe(1);

        // Once the claim has run out it is sent again, with the same key, and the gateway drops the duplicate.
        app.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        (await SendAsync()).ShouldBe(1);

        app.Gateway.CallsFor(message.IdempotencyKey).Count.ShouldBe(2);
        app.Gateway.Delivered.Count.ShouldBe(1);
        var sent = await app.MessageAsync(message.Id);
        sent.Status.ShouldBe(OutboxStatus.Sent);
        sent.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Two_sender_runs_at_once_send_each_message_exactly_once()
    {
        var enqueued = await app.EnqueueAsync(Enumerable.Range(1, 40).Select(i => JobsFactory.Internal($"第 {i} 条通知", $"cadre{i}")).ToArray());
        // Slow enough that both runs are sending at the same time and race for the same messages.
        app.Gateway.Latency = TimeSpan.FromMilliseconds(20);

        var runs = await Task.WhenAll(Task.Run(SendAsync), Task.Run(SendAsync));

        runs.Sum().ShouldBe(40);
        runs.ShouldAllBe(sent => sent > 0, "both runs should have sent some, or they did not overlap");
        app.Gateway.Calls.Count.ShouldBe(40);
        app.Gateway.Calls.Select(c => c.IdempotencyKey).ShouldBe(enqueued.Select(m => m.IdempotencyKey), ignoreOrder: true);
        (await app.MessagesAsync()).ShouldAllBe(m => m.Status == OutboxStatus.Sent && m.Attempts == 1);
    }

    /// <summary>Triggers the sender through the API, as an admin would; returns how many it sent.</summary>
    private async Task<int> SendAsync()
    {
        var response = await _admin.PostAsync($"/api/admin/jobs/{JobsFactory.OutboxSender}/trigger", null);
        var run = await response.ShouldBeOk<JsonElement>();
        return run.GetProperty("result").GetProperty("counts").GetProperty("sent").GetInt32();
    }
}
