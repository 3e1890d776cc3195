using GrievanceDesk.Application.Jobs;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrievanceDesk.Infrastructure.Outbox;

/// <summary>
/// The outbox-sender job (通知发送): sends the due Pending messages in batches, with retries and backoff.
/// <para>
/// Each message is claimed before it is sent, with one conditional UPDATE (…WHERE Id = @id AND unclaimed); only the
/// run whose update changed the row sends it, so two runs (two instances, or the cron and an admin's trigger) never
/// both send a message in the normal path. Delivery is at-least-once: if the process dies after the gateway accepted
/// a message but before it is marked Sent, the claim runs out and a later run sends it again, with the same
/// <see cref="OutboxMessage.IdempotencyKey"/>, which lets the gateway drop the duplicate.
/// </para>
/// </summary>
internal sealed class OutboxSender(
    AppDbContext db,
    INotificationGateway gateway,
    Partners.WebhookSender webhooks,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxSender> log) : IRecurringJob
{
    public const string JobId = "outbox-sender";

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    public string Id => JobId;

    public string DisplayName => "发送通知（发件箱）";

    /// <summary>The wait after the n-th failed attempt: 30 s, 1 min, 2 min, 4 min… at most an hour.</summary>
    public static TimeSpan RetryDelay(int failedAttempts) =>
        TimeSpan.FromTicks(Math.Min(FirstRetryDelay.Ticks << Math.Min(failedAttempts - 1, 20), MaxRetryDelay.Ticks));

    public async Task<JobResult> RunAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var started = clock.GetTimestamp();
        int sent = 0, retrying = 0, failed = 0;
        while (clock.GetElapsedTime(started) < TimeSpan.FromSeconds(settings.MaxRunSeconds))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var due = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAtUtc <= now
                    && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
                .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id)
                .Select(m => m.Id)
                .Take(settings.BatchSize)
                .ToListAsync(ct);
            if (due.Count == 0)
            {
                break;
            }

            foreach (var id in due)
            {
                switch (await SendOneAsync(id, settings, ct))
                {
                    case OutboxStatus.Sent: sent++; break;
                    case OutboxStatus.Pending: retrying++; break;
                    case OutboxStatus.Failed: failed++; break;
                }
            }
        }

        return JobResult.Of($"已发送 {sent} 条，待重试 {retrying} 条，失败 {failed} 条", ("sent", sent), ("retrying", retrying), ("failed", failed));
    }

    /// <summary>Claims, sends and marks one message; null when another run has it (or it is no longer due).</summary>
    private async Task<OutboxStatus?> SendOneAsync(long id, OutboxOptions settings, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claimUntil = now.AddSeconds(settings.ClaimSeconds);
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && m.NextAttemptAtUtc <= now
                && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntilUtc, claimUntil), ct);
        if (claimed != 1)
        {
            return null;
        }

        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, ct);
        var attempt = message.Attempts + 1;
        try
        {
            var notification = new OutboundNotification(message.Id, message.Channel, message.Recipient, message.Template, message.Body,
                message.CaseId, message.IdempotencyKey, attempt);
            // Webhooks go to the partner's own URL; everything else through the (pluggable) notification gateway.
            await (message.Channel == Application.Notifications.NotificationChannels.Webhook
                ? webhooks.SendAsync(notification, ct)
                : gateway.SendAsync(notification, ct));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return await RecordFailureAsync(message, attempt, e, settings);
        }

        // A crash here (after the gateway took it, before this update) leaves the claim to run out and the message to
        // be sent again with the same idempotency key: at-least-once, made harmless by the gateway's duplicate check.
        var sentAt = clock.GetUtcNow().UtcDateTime;
        await db.OutboxMessages.Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.Attempts, attempt)
                .SetProperty(m => m.SentAtUtc, sentAt)
                .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), ct);
        return OutboxStatus.Sent;
    }

    private async Task<OutboxStatus> RecordFailureAsync(OutboxMessage message, int attempt, Exception error, OutboxOptions settings)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var status = attempt >= settings.MaxAttempts ? OutboxStatus.Failed : OutboxStatus.Pending;
        var next = status == OutboxStatus.Failed ? now : now + RetryDelay(attempt);
        var text = $"{error.GetType().Name}: {error.Message}";
        if (text.Length > OutboxMessage.MaxErrorLength)
        {
            text = text[..OutboxMessage.MaxErrorLength];
        }

        log.LogWarning(error, "Outbox message {Id} ({Template}) attempt {Attempt} failed; now {Status}", message.Id, message.Template, attempt, status);
        // CancellationToken.None: the failure must be recorded even when the run is being stopped.
        await db.OutboxMessages.Where(m => m.Id == message.Id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, status)
                .SetProperty(m => m.Attempts, attempt)
                .SetProperty(m => m.NextAttemptAtUtc, next)
                .SetProperty(m => m.LastError, text)
                .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
        return status;
    }
}
