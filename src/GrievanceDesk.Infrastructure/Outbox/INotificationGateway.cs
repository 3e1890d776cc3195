using Microsoft.Extensions.Logging;

namespace GrievanceDesk.Infrastructure.Outbox;

/// <summary>
/// A notification as the gateway gets it. <see cref="IdempotencyKey"/> is the same on every attempt for one message:
/// a gateway (or the SMS provider behind it) should drop a second delivery with a key it has seen.
/// </summary>
public sealed record OutboundNotification(
    long MessageId,
    string Channel,
    string Recipient,
    string Template,
    string Body,
    long? CaseId,
    string IdempotencyKey,
    int Attempt);

/// <summary>
/// Sends one notification (SMS, e-mail, the internal message centre…). Pluggable: register another implementation to
/// replace the default, which only writes a log line. Throwing means "not sent": the outbox retries later.
/// </summary>
public interface INotificationGateway
{
    Task SendAsync(OutboundNotification notification, CancellationToken ct);
}

/// <summary>
/// The default gateway (docs/product.md §4): writes the notification to the log. The phone number is masked there. The level is
/// <c>Notifications:LogLevel</c> (Information by default; Debug in Development, so that the demo's stream of
/// notifications does not push the start banner with the URL and the logins off the console).
/// </summary>
internal sealed class LoggingNotificationGateway(ILogger<LoggingNotificationGateway> log, Microsoft.Extensions.Configuration.IConfiguration config) : INotificationGateway
{
    private readonly LogLevel _level = Enum.TryParse<LogLevel>(config["Notifications:LogLevel"], ignoreCase: true, out var level) ? level : LogLevel.Information;

    public Task SendAsync(OutboundNotification n, CancellationToken ct)
    {
        log.Log(
            _level,
            "通知 Notification {Channel} to {Recipient} [{Template}] case {CaseId} key {IdempotencyKey} attempt {Attempt}: {Body}",
            n.Channel, MaskedRecipient(n), n.Template, n.CaseId, n.IdempotencyKey, n.Attempt, n.Body);
        return Task.CompletedTask;
    }

    private static string MaskedRecipient(OutboundNotification n) =>
        n.Channel == Application.Notifications.NotificationChannels.Sms && n.Recipient.Length > 4
            ? new string('*', n.Recipient.Length - 4) + n.Recipient[^4..]
            : n.Recipient;
}
