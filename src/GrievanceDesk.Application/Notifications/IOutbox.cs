namespace GrievanceDesk.Application.Notifications;

/// <summary>The ways a notification leaves the office.</summary>
public static class NotificationChannels
{
    /// <summary>短信: to a phone number (the complainant's).</summary>
    public const string Sms = "sms";

    /// <summary>站内消息: to a staff member, by user name.</summary>
    public const string Internal = "internal";

    /// <summary>Webhook: a signed HTTP POST to a partner system's subscribed URL (recipient "webhook:{subscriptionId}").</summary>
    public const string Webhook = "webhook";

    public static readonly IReadOnlyList<string> All = [Sms, Internal, Webhook];
}

/// <summary>
/// One notification to send (docs/product.md §4).
/// </summary>
/// <param name="Channel">One of <see cref="NotificationChannels"/>.</param>
/// <param name="Recipient">A user name (<see cref="NotificationChannels.Internal"/>) or a phone number (<see cref="NotificationChannels.Sms"/>).</param>
/// <param name="Template">A stable slug naming the kind of message, e.g. "case-dispatched".</param>
/// <param name="Body">The Chinese text to send.</param>
/// <param name="CaseId">The case it is about, if any.</param>
/// <param name="IdempotencyKey">
/// The gateway's duplicate key; a fresh Guid when null. Give a deterministic one (e.g. "overdue:{caseId}:{deadline}")
/// only if the same notification could otherwise be enqueued twice; it is unique, so a second enqueue fails the save.
/// </param>
public sealed record OutboxEntry(string Channel, string Recipient, string Template, string Body, long? CaseId = null, string? IdempotencyKey = null);

/// <summary>
/// The outbox: notifications written in the same transaction as the change that causes them, and sent later by the
/// outbox-sender job with retries. <see cref="Enqueue"/> only adds rows to the current unit of work; the command's
/// one save (TransactionBehaviour) commits them with the change, or not at all.
/// </summary>
public interface IOutbox
{
    void Enqueue(OutboxEntry entry);
}
