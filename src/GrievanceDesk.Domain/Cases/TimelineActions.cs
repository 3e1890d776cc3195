namespace GrievanceDesk.Domain.Cases;

/// <summary>The stable slugs of <see cref="TimelineEntry.Action"/>.</summary>
public static class TimelineActions
{
    public const string Registered = "registered";
    public const string Dispatched = "dispatched";
    public const string Redispatched = "redispatched";
    public const string Assigned = "assigned";
    public const string Accepted = "accepted";
    public const string Returned = "returned";
    public const string ContactRecorded = "contact-recorded";
    public const string ProgressRecorded = "progress-recorded";
    public const string ExtensionRequested = "extension-requested";
    public const string ExtensionApproved = "extension-approved";
    public const string ExtensionRejected = "extension-rejected";
    public const string PauseRequested = "pause-requested";
    public const string PauseApproved = "pause-approved";
    public const string PauseRejected = "pause-rejected";
    public const string Resumed = "resumed";
    public const string Resolved = "resolved";
    public const string NotAccepted = "not-accepted";
    public const string AnsweredOnTheSpot = "answered-on-the-spot";
    public const string FeedbackRecorded = "feedback-recorded";
    public const string Closed = "closed";
    public const string ReturnVisitRecorded = "return-visit-recorded";
    public const string Reopened = "reopened";
    public const string Merged = "merged";
    public const string MergeReceived = "merge-received";
    public const string MarkedRepeat = "marked-repeat";
    public const string RepeatReceived = "repeat-received";
    public const string SupervisionIssued = "supervision-issued";
    public const string DeadlineWarning = "deadline-warning";
    public const string DeadlineOverdue = "deadline-overdue";

    /// <summary>The holiday calendar changed and the running deadlines were counted again (old → new, and why).</summary>
    public const string DeadlinesRecomputed = "deadlines-recomputed";

    /// <summary>Someone saw the complainants' full phone and ID numbers (an audited reveal).</summary>
    public const string ContactRevealed = "contact-revealed";

    /// <summary>A file added to the case after intake (补充附件).</summary>
    public const string AttachmentAdded = "attachment-added";
}
