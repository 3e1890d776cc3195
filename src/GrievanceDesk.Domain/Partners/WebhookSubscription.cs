using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Domain.Partners;

/// <summary>The case events a partner can subscribe to, and the timeline actions that raise them.</summary>
public static class WebhookEvents
{
    public const string Registered = "registered";
    public const string Dispatched = "dispatched";
    public const string Resolved = "resolved";
    public const string FeedbackGiven = "feedback_given";
    public const string Closed = "closed";
    public const string Reopened = "reopened";

    public static readonly IReadOnlyList<string> All = [Registered, Dispatched, Resolved, FeedbackGiven, Closed, Reopened];

    /// <summary>
    /// The event a timeline entry raises, or null. One entry raises at most one event, and each transition appends one
    /// entry, so a change is announced once.
    /// </summary>
    public static string? ForTimelineAction(string action) => action switch
    {
        TimelineActions.Registered => Registered,
        TimelineActions.Dispatched or TimelineActions.Redispatched => Dispatched,
        TimelineActions.Resolved or TimelineActions.NotAccepted or TimelineActions.AnsweredOnTheSpot => Resolved,
        TimelineActions.FeedbackRecorded => FeedbackGiven,
        TimelineActions.Closed => Closed,
        TimelineActions.Reopened => Reopened,
        _ => null,
    };
}

/// <summary>
/// A partner's URL subscribed to case events (webhook). Deliveries are signed with the subscription's secret
/// (HMAC-SHA256 over timestamp and body); the secret is shown once and kept encrypted, since signing needs it.
/// </summary>
public sealed class WebhookSubscription
{
    public const int MaxUrlLength = 500;

    private WebhookSubscription()
    {
    }

    public WebhookSubscription(int partnerId, string url, IEnumerable<string> events, string protectedSecret, DateTime createdAtUtc)
    {
        var list = events.Distinct(StringComparer.Ordinal).ToList();
        if (list.FirstOrDefault(e => !WebhookEvents.All.Contains(e)) is { } unknown)
        {
            throw new ArgumentException($"Unknown webhook event '{unknown}'.", nameof(events));
        }

        PartnerId = partnerId;
        Url = url;
        Events = string.Join(' ', list);
        ProtectedSecret = protectedSecret;
        CreatedAtUtc = createdAtUtc;
        IsActive = true;
    }

    public int Id { get; private set; }
    public int PartnerId { get; private set; }
    public string Url { get; private set; } = string.Empty;

    /// <summary>Space-separated events from <see cref="WebhookEvents"/>.</summary>
    public string Events { get; private set; } = string.Empty;

    public string ProtectedSecret { get; private set; } = string.Empty;
    public DateTime CreatedAtUtc { get; private set; }
    public bool IsActive { get; private set; }

    public IReadOnlyList<string> EventList => Events.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool Wants(string @event) => IsActive && EventList.Contains(@event);

    public void Deactivate() => IsActive = false;
}
