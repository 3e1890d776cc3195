using System.Collections.Concurrent;
using GrievanceDesk.Application.Jobs;
using GrievanceDesk.Application.Notifications;
using GrievanceDesk.Functional.Tests.Infrastructure;
using GrievanceDesk.Infrastructure.Jobs;
using GrievanceDesk.Infrastructure.Outbox;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Functional.Tests.Jobs;

/// <summary>The app with a clock the test moves, a gateway that records what it is given, and one extra test-only job.</summary>
public sealed class JobsFactory : GrievanceDeskFactory
{
    public const string OutboxSender = "outbox-sender";

    public MutableTimeProvider Clock { get; } = new();

    public RecordingGateway Gateway { get; } = new();

    public ProbeJob.Counter ProbeRuns { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting($"Jobs:Cron:{ProbeJob.JobId}", "0 7 * * 1");
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<INotificationGateway>(Gateway);
        services.AddSingleton(ProbeRuns);
        services.AddRecurringJob<ProbeJob>();
    }

    /// <summary>A clean outbox, a quiet gateway and the real time, before each test.</summary>
    public async Task ResetAsync()
    {
        Clock.Reset();
        Gateway.Reset();
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.ExecuteDeleteAsync();
    }

    /// <summary>Enqueues through <see cref="IOutbox"/> and saves once, as a command's transaction would.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> EnqueueAsync(params OutboxEntry[] entries)
    {
        await using var scope = Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        foreach (var entry in entries)
        {
            outbox.Enqueue(entry);
        }

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var added = db.ChangeTracker.Entries<OutboxMessage>().Select(e => e.Entity).ToList();
        await db.SaveChangesAsync();
        return added;
    }

    public async Task<OutboxMessage> MessageAsync(long id)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    public async Task<List<OutboxMessage>> MessagesAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    public static OutboxEntry Sms(string text, string phone = "13800138000") =>
        new(NotificationChannels.Sms, phone, "case-registered", text, CaseId: 1);

    public static OutboxEntry Internal(string text, string userName = "cadre1") =>
        new(NotificationChannels.Internal, userName, "case-dispatched", text, CaseId: 1);
}

/// <summary>
/// Records every call. Like a real SMS gateway it delivers a key once and drops a repeat of a key it has delivered.
/// <see cref="BeforeDelivery"/> may throw (a failed send); <see cref="AfterDelivery"/> runs after the delivery (a crash).
/// </summary>
public sealed class RecordingGateway : INotificationGateway
{
    public ConcurrentQueue<OutboundNotification> Calls { get; } = new();

    public ConcurrentDictionary<string, OutboundNotification> Delivered { get; } = new();

    public Action<OutboundNotification>? BeforeDelivery { get; set; }

    public Action<OutboundNotification, CancellationToken>? AfterDelivery { get; set; }

    public TimeSpan Latency { get; set; }

    public async Task SendAsync(OutboundNotification notification, CancellationToken ct)
    {
        Calls.Enqueue(notification);
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, ct);
        }

        BeforeDelivery?.Invoke(notification);
        Delivered.TryAdd(notification.IdempotencyKey, notification);
        AfterDelivery?.Invoke(notification, ct);
    }

    public IReadOnlyList<OutboundNotification> CallsFor(string key) => Calls.Where(c => c.IdempotencyKey == key).ToList();

    public void Reset()
    {
        Calls.Clear();
        Delivered.Clear();
        BeforeDelivery = null;
        AfterDelivery = null;
        Latency = TimeSpan.Zero;
    }
}

/// <summary>A job that exists only in the tests: adding a job is one class and one registration.</summary>
public sealed class ProbeJob(ProbeJob.Counter counter) : IRecurringJob
{
    public const string JobId = "probe";

    public sealed class Counter
    {
        private int _runs;

        public int Runs => _runs;

        public int Increment() => Interlocked.Increment(ref _runs);
    }

    public string Id => JobId;

    public string DisplayName => "测试任务";

    public Task<JobResult> RunAsync(CancellationToken ct)
    {
        var runs = counter.Increment();
        return Task.FromResult(JobResult.Of($"第 {runs} 次运行", ("runs", runs)));
    }
}
