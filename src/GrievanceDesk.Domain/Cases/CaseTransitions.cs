namespace GrievanceDesk.Domain.Cases;

/// <summary>The commands on a case, as named in the transition table.</summary>
public enum CaseAction
{
    Dispatch,
    Assign,
    Accept,
    Return,
    RecordContact,
    RecordProgress,
    RequestExtension,
    DecideExtension,
    RequestPause,
    DecidePause,
    Resume,
    Resolve,
    NotAccept,
    AnswerOnTheSpot,
    RecordFeedback,
    Close,
    RecordReturnVisit,
    MergeInto,
    MarkRepeatOf,
    IssueSupervision,
    RecordEscalation,
    AddAttachment,
}

/// <summary>
/// The docs/product.md §3 diagram as data: from which statuses each command may start. Anything else is refused with
/// <see cref="RuleSlugs.InvalidTransition"/>. Only the status is checked here; the command's own rules come after.
/// </summary>
public static class CaseTransitions
{
    private static readonly CaseStatus[] Handling = [CaseStatus.Accepted, CaseStatus.InProgress, CaseStatus.Reopened];

    private static readonly CaseStatus[] Open =
    [
        CaseStatus.Registered, CaseStatus.Dispatched, CaseStatus.Accepted, CaseStatus.InProgress,
        CaseStatus.Resolved, CaseStatus.FeedbackGiven, CaseStatus.Reopened,
    ];

    private static readonly Dictionary<CaseAction, CaseStatus[]> From = new()
    {
        // Registered: dispatch; Dispatched…Reopened: re-dispatch by the office.
        [CaseAction.Dispatch] = [CaseStatus.Registered, CaseStatus.Dispatched, .. Handling],
        [CaseAction.Assign] = [CaseStatus.Dispatched, .. Handling],
        [CaseAction.Accept] = [CaseStatus.Dispatched],
        [CaseAction.Return] = [CaseStatus.Dispatched],
        [CaseAction.RecordContact] = Handling,
        [CaseAction.RecordProgress] = Handling,
        [CaseAction.RequestExtension] = Handling,
        [CaseAction.DecideExtension] = Handling,
        [CaseAction.RequestPause] = Handling,
        [CaseAction.DecidePause] = Handling,
        [CaseAction.Resume] = Handling,
        [CaseAction.Resolve] = [CaseStatus.InProgress],
        [CaseAction.NotAccept] = [CaseStatus.Registered],
        [CaseAction.AnswerOnTheSpot] = [CaseStatus.Registered],
        [CaseAction.RecordFeedback] = [CaseStatus.Resolved, CaseStatus.FeedbackGiven],
        // Resolved closes too: anonymous cases and the unreachable path never reach FeedbackGiven.
        [CaseAction.Close] = [CaseStatus.Resolved, CaseStatus.FeedbackGiven],
        [CaseAction.RecordReturnVisit] = [CaseStatus.Closed],
        [CaseAction.MergeInto] = [CaseStatus.Registered],
        [CaseAction.MarkRepeatOf] = [CaseStatus.Registered],
        [CaseAction.IssueSupervision] = Open,
        [CaseAction.RecordEscalation] = Open,
        [CaseAction.AddAttachment] = [.. Open, CaseStatus.Closed],
    };

    public static bool IsAllowed(CaseStatus status, CaseAction action) => From[action].Contains(status);

    /// <summary>The statuses from which <paramref name="action"/> may start.</summary>
    public static IReadOnlyList<CaseStatus> AllowedFrom(CaseAction action) => From[action];
}
