using System.Linq.Expressions;
using GrievanceDesk.Domain.Sla;

namespace GrievanceDesk.Domain.Cases;

/// <summary>How a deadline stands for the marks on lists and the case page.</summary>
public enum DeadlineMark
{
    /// <summary>No deadline, or more than the policy's warning time ahead.</summary>
    None,

    /// <summary>临期: within the policy's <see cref="SlaTerms.WarnBefore"/> of the deadline, not yet past it.</summary>
    DueSoon,

    /// <summary>超期: the deadline has passed.</summary>
    Overdue,

    /// <summary>已中止: the handle clock is stopped; nothing counts down.</summary>
    Paused,
}

/// <summary>
/// The one definition of open (在办), current deadline (当前期限), overdue (超期) and due soon (临期), used by the case
/// list and its filter, the case page, the statistics, the escalation sweep and the UI marks (docs/time-and-deadlines.md).
/// The expressions translate to SQL; the aggregate's own properties are compiled from them, so nothing restates a rule.
/// </summary>
public static class CaseStates
{
    /// <summary>在办: neither closed nor merged.</summary>
    public static readonly IReadOnlyList<CaseStatus> OpenStatuses =
        Enum.GetValues<CaseStatus>().Where(s => s is not (CaseStatus.Closed or CaseStatus.Merged)).ToArray();

    /// <summary>
    /// 在办, as a query expression: the open statuses as an IN list, so an index that starts with the status, or a unit
    /// and then the status, answers it with one seek per open status instead of reading the closed cases too.
    /// </summary>
    public static readonly Expression<Func<Case, bool>> Open = c => OpenStatuses.Contains(c.Status);

    /// <summary>
    /// The deadline the case is held to now: accept while Registered or Dispatched; handle while Accepted, InProgress or
    /// Reopened, unless the handle clock is paused (中止: then none, and the case is neither overdue nor due soon);
    /// feedback while Resolved; none otherwise.
    /// </summary>
    public static readonly Expression<Func<Case, DateTime?>> CurrentDeadline = c =>
        c.Status == CaseStatus.Registered || c.Status == CaseStatus.Dispatched
            ? c.AcceptDeadlineUtc
            : (c.Status == CaseStatus.Accepted || c.Status == CaseStatus.InProgress || c.Status == CaseStatus.Reopened) && !c.IsPaused
                ? c.HandleDeadlineUtc
                : c.Status == CaseStatus.Resolved
                    ? c.FeedbackDeadlineUtc
                    : null;

    /// <summary>
    /// The cases whose complainant a viewer in this unit ancestry may know, as a query filter: every case but a report
    /// about the viewer's unit or a unit below it (<see cref="Case.HidesIdentity"/>, docs/product.md §3).
    /// </summary>
    public static Expression<Func<Case, bool>> ShowsIdentityTo(IReadOnlyList<int> viewerUnitAncestry) =>
        c => !(c.Kind == CaseKind.Report && c.RespondentUnitId != null && viewerUnitAncestry.Contains(c.RespondentUnitId.Value));

    internal static readonly Func<Case, bool> IsOpenCompiled = Open.Compile();
    internal static readonly Func<Case, DateTime?> CurrentDeadlineCompiled = CurrentDeadline.Compile();

    /// <summary>
    /// The latest deadline that is overdue at <paramref name="nowUtc"/>: a deadline is overdue from the first whole second
    /// after it (<see cref="EscalationSchedule.OverdueAfter"/>; 00:00:00 CST for a day-counted deadline). Compare with &lt;=.
    /// </summary>
    public static DateTime OverdueCutoff(DateTime nowUtc) => nowUtc - EscalationSchedule.OverdueAfter;

    /// <summary>超期 at <paramref name="nowUtc"/>.</summary>
    public static bool IsOverdue(DateTime? deadlineUtc, DateTime nowUtc) => deadlineUtc is { } d && d <= OverdueCutoff(nowUtc);

    /// <summary>超期 at <paramref name="nowUtc"/>, as a query: the current deadline has passed.</summary>
    public static Expression<Func<Case, bool>> OverdueAt(DateTime nowUtc)
    {
        var cutoff = Expression.Constant((DateTime?)OverdueCutoff(nowUtc), typeof(DateTime?));
        return Expression.Lambda<Func<Case, bool>>(Expression.LessThanOrEqual(CurrentDeadline.Body, cutoff), CurrentDeadline.Parameters);
    }

    /// <summary>临期: the deadline is at most <paramref name="warnBefore"/> ahead and not yet passed (the sweep's 预警 is due).</summary>
    public static bool IsDueSoon(DateTime? deadlineUtc, TimeSpan warnBefore, DateTime nowUtc) =>
        deadlineUtc is { } d && !IsOverdue(d, nowUtc) && nowUtc >= d - warnBefore;

    /// <summary>The mark of a deadline: paused first (nothing counts), then overdue, then due soon.</summary>
    public static DeadlineMark MarkOf(DateTime? deadlineUtc, bool paused, TimeSpan warnBefore, DateTime nowUtc) =>
        paused ? DeadlineMark.Paused
        : IsOverdue(deadlineUtc, nowUtc) ? DeadlineMark.Overdue
        : IsDueSoon(deadlineUtc, warnBefore, nowUtc) ? DeadlineMark.DueSoon
        : DeadlineMark.None;
}
