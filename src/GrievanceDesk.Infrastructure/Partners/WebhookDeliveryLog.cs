using GrievanceDesk.Application.Notifications;
using GrievanceDesk.Application.Partners;
using GrievanceDesk.Domain.Time;
using GrievanceDesk.Infrastructure.Outbox;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Infrastructure.Partners;

/// <summary>Webhook deliveries are outbox messages on the webhook channel; this reads and re-queues them.</summary>
internal sealed class WebhookDeliveryLog(AppDbContext db, TimeProvider clock) : IWebhookDeliveryLog
{
    public async Task<IReadOnlyList<WebhookDeliveryDto>> ListAsync(IReadOnlyCollection<int> subscriptionIds, int take, CancellationToken ct)
    {
        var recipients = subscriptionIds.Select(PartnerWebhooks.Recipient).ToList();
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Channel == NotificationChannels.Webhook && recipients.Contains(m.Recipient))
            .OrderByDescending(m => m.Id)
            .Take(take)
            .ToListAsync(ct);
        return rows.Select(ToDto).ToList();
    }

    public async Task<WebhookDeliveryDto?> ResendAsync(long deliveryId, IReadOnlyCollection<int> subscriptionIds, CancellationToken ct)
    {
        var recipients = subscriptionIds.Select(PartnerWebhooks.Recipient).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        // Back to Pending and due now; the attempt count goes on (the sender's dead-letter limit counts from here).
        var changed = await db.OutboxMessages
            .Where(m => m.Id == deliveryId && m.Channel == NotificationChannels.Webhook && recipients.Contains(m.Recipient))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.NextAttemptAtUtc, now)
                .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), ct);
        return changed == 0 ? null : ToDto(await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == deliveryId, ct));
    }

    private static WebhookDeliveryDto ToDto(OutboxMessage m) => new(
        m.Id, PartnerWebhooks.SubscriptionOf(m.Recipient) ?? 0, m.Template, m.CaseId,
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(m.Status.ToString()), m.Attempts,
        ChinaTime.ToOffset(m.CreatedAtUtc), m.SentAtUtc is { } sent ? ChinaTime.ToOffset(sent) : null, ChinaTime.ToOffset(m.NextAttemptAtUtc),
        m.LastError, m.Body);
}
