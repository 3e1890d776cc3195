namespace GrievanceDesk.Domain.Cases;

/// <summary>
/// Which clock a case is held to (docs/product.md §4): the accept deadline (受理时限) until the unit accepts, the handle
/// deadline (办结时限) while it handles, the feedback deadline (反馈时限) once resolved. The same grouping of statuses
/// as <see cref="CaseStates.CurrentDeadline"/>.
/// </summary>
public enum DeadlineStage
{
    Accept,
    Handle,
    Feedback,
}

public static class DeadlineStages
{
    /// <summary>The clock of a case in this status; null for a case with none (closed, merged).</summary>
    public static DeadlineStage? Of(CaseStatus status) => status switch
    {
        CaseStatus.Registered or CaseStatus.Dispatched => DeadlineStage.Accept,
        CaseStatus.Accepted or CaseStatus.InProgress or CaseStatus.Reopened => DeadlineStage.Handle,
        CaseStatus.Resolved => DeadlineStage.Feedback,
        _ => null,
    };

    /// <summary>The stable name stored with an escalation record.</summary>
    public static string Slug(this DeadlineStage stage) => stage switch
    {
        DeadlineStage.Accept => "accept",
        DeadlineStage.Handle => "handle",
        DeadlineStage.Feedback => "feedback",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown deadline stage."),
    };

    public static string ToChinese(this DeadlineStage stage) => stage switch
    {
        DeadlineStage.Accept => "受理时限",
        DeadlineStage.Handle => "办结时限",
        DeadlineStage.Feedback => "反馈时限",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown deadline stage."),
    };
}
