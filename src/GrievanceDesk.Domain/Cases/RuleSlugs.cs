namespace GrievanceDesk.Domain.Cases;

/// <summary>
/// Every rule slug the case can refuse with (<see cref="Common.DomainRuleException.Rule"/>). The API turns a slug into
/// the problem type <c>https://grievancedesk.example/problems/{slug}</c> of a 409. Slugs are stable: never rename one.
/// </summary>
public static class RuleSlugs
{
    // Any state
    /// <summary>The action is not an arrow of the docs/product.md §3 diagram from the case's current status.</summary>
    public const string InvalidTransition = "invalid-transition";
    /// <summary>A mandatory free text (reason, summary, note, name) is blank.</summary>
    public const string TextRequired = "text-required";

    // Intake
    public const string ReceivedInFuture = "received-in-future";
    public const string ComplainantRequired = "complainant-required";
    public const string AnonymousWithComplainant = "anonymous-with-complainant";
    public const string HeadCountInvalid = "head-count-invalid";

    // Routing
    /// <summary>回避: the target unit is the respondent unit or below it.</summary>
    public const string ConflictOfInterest = "conflict-of-interest";
    /// <summary>退单 only within 5 working days of dispatch.</summary>
    public const string ReturnWindowClosed = "return-window-closed";

    // Handling
    public const string ContactInFuture = "contact-in-future";
    /// <summary>A contact (or feedback) dated before the case was received.</summary>
    public const string ContactBeforeReceipt = "contact-before-receipt";
    public const string ExtensionOncePerStage = "extension-once-per-stage";
    public const string ExtensionOverCap = "extension-over-cap";
    public const string ExtensionDaysInvalid = "extension-days-invalid";
    public const string ExtensionNotFound = "extension-not-found";
    public const string ExtensionAlreadyDecided = "extension-already-decided";
    /// <summary>The request belongs to an earlier handling round (the case was resolved and reopened since).</summary>
    public const string ExtensionNotCurrent = "extension-not-current";
    public const string PauseAlreadyOpen = "pause-already-open";
    public const string PauseNotFound = "pause-not-found";
    public const string PauseAlreadyDecided = "pause-already-decided";
    public const string PauseNotActive = "pause-not-active";
    /// <summary>The handle clock is paused: resume before resolving or re-dispatching.</summary>
    public const string CasePaused = "case-paused";
    /// <summary>Answering on the spot is for consultations (咨询) only.</summary>
    public const string ConsultationOnly = "consultation-only";

    // The last mile (最后一公里), in the order Close checks them
    public const string ResolutionRequired = "resolution-required";
    public const string FeedbackMustFollowResolution = "feedback-must-follow-resolution";
    public const string FeedbackRequired = "feedback-required";
    public const string UnreachedAttemptsInsufficient = "unreached-attempts-insufficient";
    public const string UnreachedAttemptsSameDay = "unreached-attempts-same-day";
    public const string WrittenNoticeRequired = "written-notice-required";
    public const string FeedbackInFuture = "feedback-in-future";
    public const string FeedbackBeforeReceipt = "feedback-before-receipt";

    // Return visit
    public const string ReturnVisitAlreadyRecorded = "return-visit-already-recorded";
    public const string ReturnVisitByHandlingUnit = "return-visit-by-handling-unit";
    public const string AnonymousNoReturnVisit = "anonymous-no-return-visit";

    // Duplicates
    public const string MergeTargetInvalid = "merge-target-invalid";
    public const string RepeatTargetInvalid = "repeat-target-invalid";

    // Personal data
    /// <summary>An anonymous case has no complainant whose numbers could be revealed.</summary>
    public const string NothingToReveal = "nothing-to-reveal";
}
