namespace GrievanceDesk.Domain.Cases;

/// <summary>Who a notification goes to. The outbox sender resolves the audience to people and addresses.</summary>
public enum NotificationAudience
{
    /// <summary>The assigned cadre (<see cref="CaseNotification.UserName"/>).</summary>
    Cadre,
    /// <summary>The leaders of <see cref="CaseNotification.UnitId"/>.</summary>
    UnitLeaders,
    /// <summary>Office and government leaders.</summary>
    Leaders,
    /// <summary>The case's complainants (SMS to their phones). Never raised for an anonymous case.</summary>
    Complainant,
    /// <summary>The office's dispatchers (the dispatcher queue).</summary>
    Dispatchers,
}

/// <summary>
/// A message the case raises as it changes; written to the outbox in the same transaction as the change (docs/product.md §4),
/// and sent by a job. Not persisted with the case.
/// </summary>
/// <param name="Template">A stable slug from <see cref="NotificationTemplates"/>.</param>
/// <param name="Text">The Chinese text to send. Holds no complainant's name, phone or ID number.</param>
public sealed record CaseNotification(NotificationAudience Audience, int? UnitId, string? UserName, string Template, string Text);

/// <summary>The stable slugs of <see cref="CaseNotification.Template"/>.</summary>
public static class NotificationTemplates
{
    public const string CaseRegistered = "case-registered";
    public const string CollectivePetition = "collective-petition";
    public const string CaseDispatched = "case-dispatched";
    public const string CaseAssigned = "case-assigned";
    public const string CaseReturned = "case-returned";
    public const string ExtensionRequested = "extension-requested";
    public const string ExtensionApproved = "extension-approved";
    public const string ExtensionApprovedToComplainant = "extension-approved-complainant";
    public const string ExtensionRejected = "extension-rejected";
    public const string PauseRequested = "pause-requested";
    public const string CaseReopened = "case-reopened";
    public const string ReopenSupervision = "reopen-supervision";
    public const string RepeatProgress = "repeat-progress";
    public const string RepeatReceived = "repeat-received";
    public const string SupervisionIssued = "supervision-issued";
    public const string DeadlineWarning = "deadline-warning";
    public const string DeadlineOverdue = "deadline-overdue";
    public const string LeaderSupervision = "leader-supervision";
}
