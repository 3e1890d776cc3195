using System.Globalization;
using System.Text;
using GrievanceDesk.Application.Partners;
using GrievanceDesk.Infrastructure.Outbox;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Infrastructure.Partners;

/// <summary>
/// Delivers a webhook outbox message: a POST of the JSON payload to the subscription's URL, signed (see
/// <see cref="WebhookSignature"/>). Anything but a 2xx answer throws, so the outbox sender retries it with backoff.
/// </summary>
internal sealed class WebhookSender(AppDbContext db, IHttpClientFactory clients, IWebhookSecrets secrets, TimeProvider clock)
{
    public const string HttpClientName = "webhooks";

    public async Task SendAsync(OutboundNotification message, CancellationToken ct)
    {
        var subscriptionId = PartnerWebhooks.SubscriptionOf(message.Recipient)
            ?? throw new InvalidOperationException($"Not a webhook recipient: {message.Recipient}.");
        var target = await (
                from s in db.WebhookSubscriptions
                where s.Id == subscriptionId
                join p in db.Partners on s.PartnerId equals p.Id
                select new { s.Url, s.ProtectedSecret, s.IsActive, PartnerRevoked = p.RevokedAtUtc != null })
            .AsNoTracking()
            .SingleOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"Webhook subscription {subscriptionId} no longer exists.");
        if (!target.IsActive || target.PartnerRevoked)
        {
            throw new InvalidOperationException($"Webhook subscription {subscriptionId} is no longer active (unsubscribed, or the partner is revoked).");
        }

        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url)
        {
            Content = new StringContent(message.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secrets.Unprotect(target.ProtectedSecret), timestamp, message.Body));
        request.Headers.Add(WebhookSignature.EventHeader, message.Template);
        request.Headers.Add(WebhookSignature.DeliveryHeader, message.IdempotencyKey);

        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The receiver answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }
    }
}
