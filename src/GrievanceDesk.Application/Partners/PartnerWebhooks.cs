using System.Text.Json;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.Notifications;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Partners;
using GrievanceDesk.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.Partners;

/// <summary>What a webhook delivery says: the event and the case as the partner knows it, nothing personal.</summary>
public sealed record WebhookPayload(
    string Id,
    string Event,
    DateTimeOffset OccurredAt,
    long CaseId,
    string TrackingNo,
    string ExternalReference,
    string Status);

/// <summary>
/// Turns a case's new timeline entries into webhook deliveries for the partner that logged it: one outbox message per
/// subscribed URL and event, in the current unit of work, so a delivery commits with the change or not at all. The
/// message key is the subscription, case and timeline position: the same event is never queued twice.
/// </summary>
public sealed class PartnerWebhooks(IAppDbContext db, IOutbox outbox)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task EnqueueAsync(Case @case, IEnumerable<TimelineEntry> appended, CancellationToken ct)
    {
        var events = appended
            .Select(e => (Entry: e, Event: WebhookEvents.ForTimelineAction(e.Action)))
            .Where(x => x.Event is not null)
            .ToList();
        if (events.Count == 0)
        {
            return;
        }

        var targets = await (
                from link in db.PartnerCases
                where link.CaseId == @case.Id
                join s in db.WebhookSubscriptions on link.PartnerId equals s.PartnerId
                where s.IsActive
                select new { Subscription = s, link.ExternalReference })
            .AsNoTracking()
            .ToListAsync(ct);
        foreach (var target in targets)
        {
            foreach (var (entry, name) in events)
            {
                if (!target.Subscription.Wants(name!))
                {
                    continue;
                }

                var key = $"webhook:{target.Subscription.Id}:{@case.Id}:{entry.Sequence}";
                var payload = new WebhookPayload(key, name!, ChinaTime.ToOffset(entry.AtUtc), @case.Id, @case.TrackingNo, target.ExternalReference,
                    JsonNamingPolicy.SnakeCaseLower.ConvertName(@case.Status.ToString()));
                outbox.Enqueue(new OutboxEntry(NotificationChannels.Webhook, Recipient(target.Subscription.Id), name!,
                    JsonSerializer.Serialize(payload, Json), @case.Id, key));
            }
        }
    }

    /// <summary>The outbox recipient of a subscription's deliveries.</summary>
    public static string Recipient(int subscriptionId) => $"webhook:{subscriptionId}";

    public static int? SubscriptionOf(string recipient) =>
        recipient.StartsWith("webhook:", StringComparison.Ordinal) && int.TryParse(recipient.AsSpan(8), out var id) ? id : null;
}
