using GrievanceDesk.Application.Notifications;

namespace GrievanceDesk.Infrastructure.Outbox;

public enum OutboxStatus
{
    /// <summary>Waiting to be sent, or to be retried at <see cref="OutboxMessage.NextAttemptAtUtc"/>.</summary>
    Pending,
    Sent,
    /// <summary>Given up after the maximum number of attempts (dead letter); <see cref="OutboxMessage.LastError"/> says why.</summary>
    Failed,
}

/// <summary>
/// A notification in the outbox (发件箱): written with the change that causes it, sent by <see cref="OutboxSender"/>.
/// After it is written only the sender changes it, through set-based updates.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxBodyLength = 2000;
    public const int MaxErrorLength = 1000;

    private OutboxMessage()
    {
    }

    public long Id { get; private set; }
    public string Channel { get; private set; } = string.Empty;
    public string Recipient { get; private set; } = string.Empty;
    public string Template { get; private set; } = string.Empty;
    public string Body { get; private set; } = string.Empty;

    /// <summary>The case it is about; no foreign key, so the outbox does not depend on the case tables.</summary>
    public long? CaseId { get; private set; }

    /// <summary>Handed to the gateway with every attempt, so a gateway can drop a duplicate delivery.</summary>
    public string IdempotencyKey { get; private set; } = string.Empty;

    public DateTime CreatedAtUtc { get; private set; }
    public OutboxStatus Status { get; private set; }

    /// <summary>Attempts made so far, the successful one included.</summary>
    public int Attempts { get; private set; }

    /// <summary>When the sender may (next) try it; the sender's scan is on (Status, NextAttemptAtUtc).</summary>
    public DateTime NextAttemptAtUtc { get; private set; }

    /// <summary>A sender run that claimed it owns it until then; a crashed run's claim simply runs out.</summary>
    public DateTime? ClaimedUntilUtc { get; private set; }

    public DateTime? SentAtUtc { get; private set; }
    public string? LastError { get; private set; }

    public static OutboxMessage Create(OutboxEntry entry, DateTime nowUtc)
    {
        if (!NotificationChannels.All.Contains(entry.Channel))
        {
            throw new ArgumentException($"Unknown notification channel '{entry.Channel}'.", nameof(entry));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Recipient);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Template);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Body);
        if (entry.Body.Length > MaxBodyLength)
        {
            throw new ArgumentException($"A notification body holds at most {MaxBodyLength} characters.", nameof(entry));
        }

        return new OutboxMessage
        {
            Channel = entry.Channel,
            Recipient = entry.Recipient.Trim(),
            Template = entry.Template,
            Body = entry.Body,
            CaseId = entry.CaseId,
            IdempotencyKey = string.IsNullOrWhiteSpace(entry.IdempotencyKey) ? Guid.NewGuid().ToString("N") : entry.IdempotencyKey,
            CreatedAtUtc = nowUtc,
            Status = OutboxStatus.Pending,
            NextAttemptAtUtc = nowUtc,
        };
    }
}
