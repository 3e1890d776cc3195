using GrievanceDesk.Domain.Common;
using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Domain.Cases;

// Dispatch, assignment, acceptance and return: getting the case to the unit that handles it.
public sealed partial class Case
{
    /// <summary>
    /// Sends the case to a unit (派单), or, once dispatched, re-dispatches it (改派, by the office). A re-dispatch
    /// restarts the unit's side: the new unit accepts again, and its handle clock starts at that acceptance; the accept
    /// clock still counts from receipt. Refused while the handle clock is paused (resume first).
    /// </summary>
    /// <param name="unitAncestry">The target unit's id first, then its ancestors up to the root (for the conflict guard).</param>
    /// <param name="routingRuleId">The rule that chose the unit, for an automatic dispatch; null for a manual one.</param>
    public void Dispatch(int unitId, IReadOnlyList<int> unitAncestry, int? routingRuleId, string? note, CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(unitAncestry);
        if (unitAncestry.Count == 0 || unitAncestry[0] != unitId)
        {
            throw new ArgumentException("The ancestry starts with the target unit itself.", nameof(unitAncestry));
        }

        Ensure(CaseAction.Dispatch, ctx);
        Rules.Check(new NotWhilePaused(IsPaused, CaseAction.Dispatch));
        Rules.Check(new DispatchMustAvoidConflictOfInterest(RespondentUnitId, unitAncestry));

        var redispatch = Status != CaseStatus.Registered;
        var before = Snap();
        Status = CaseStatus.Dispatched;
        UnitId = unitId;
        CadreUserName = null;
        RoutingRuleId = routingRuleId;
        DispatchedAtUtc = ctx.NowUtc;
        AcceptedAtUtc = null;
        HandleStartedAtUtc = null;
        HandleDeadlineUtc = null;
        ContactDeadlineUtc = ctx.Terms.Contact is { } contact ? ctx.Calendar.DeadlineFrom(ctx.NowUtc, contact) : null;

        foreach (var received in _statsEvents)
        {
            received.AttributeTo(unitId);
        }

        RecordStats(StatsEventKind.Dispatched, ctx.NowUtc);
        var how = routingRuleId is null ? string.Empty : "（按派单规则自动派单）";
        var remark = Optional(note) is { } text ? $"：{text}" : string.Empty;
        Append(ctx, redispatch ? TimelineActions.Redispatched : TimelineActions.Dispatched,
            $"{(redispatch ? "改派" : "派单")}至承办单位{how}{remark}", before);
        NotifyUnitLeaders(NotificationTemplates.CaseDispatched,
            $"新派单：{TrackingNo}，{Subject}。受理时限至{CaseText.Cst(AcceptDeadlineUtc)}。");
    }

    /// <summary>Gives the case to a cadre of the unit (指定承办人).</summary>
    public void Assign(string cadreUserName, CaseContext ctx)
    {
        Ensure(CaseAction.Assign, ctx);
        var cadre = Require(cadreUserName, "承办人", "the cadre");

        var before = Snap();
        CadreUserName = cadre;
        Append(ctx, TimelineActions.Assigned, $"指定承办人：{cadre}", before);
        var deadline = CurrentDeadlineUtc is { } due ? $"时限至{CaseText.Cst(due)}。" : string.Empty;
        NotifyCadre(NotificationTemplates.CaseAssigned, $"您有新的承办件：{TrackingNo}，{Subject}。{deadline}");
    }

    /// <summary>The unit accepts the case (受理/签收); the handle clock starts now.</summary>
    public void Accept(CaseContext ctx)
    {
        Ensure(CaseAction.Accept, ctx);

        var before = Snap();
        Status = CaseStatus.Accepted;
        AcceptedAtUtc = ctx.NowUtc;
        HandleStartedAtUtc = ctx.NowUtc;
        HandleDeadlineUtc = ComputeHandleDeadline(ctx);
        if (!HasContactStage || FirstContactAtUtc is not null)
        {
            RecordResponse(ctx.NowUtc, ctx.NowUtc);
        }

        Append(ctx, TimelineActions.Accepted, $"承办单位已受理，办理时限至{CaseText.Cst(HandleDeadlineUtc.Value)}", before, isPublic: true);
    }

    /// <summary>
    /// The unit says "not ours" (退单), within 5 working days of dispatch: the case goes back to the dispatcher queue,
    /// and the return is recorded against the routing rule that sent it.
    /// </summary>
    public void Return(string reason, CaseContext ctx)
    {
        Ensure(CaseAction.Return, ctx);
        var text = Require(reason, "退单理由", "a reason for the return");
        Rules.Check(new ReturnWindowMustBeOpen(DispatchedAtUtc!.Value, ctx.NowUtc, ctx.Calendar));

        _returns.Add(new CaseReturn(UnitId!.Value, RoutingRuleId, text, ctx.NowUtc, ctx.Actor.UserName));
        var before = Snap();
        Status = CaseStatus.Registered;
        UnitId = null;
        CadreUserName = null;
        RoutingRuleId = null;
        DispatchedAtUtc = null;
        ContactDeadlineUtc = null;
        Append(ctx, TimelineActions.Returned, $"退单：{text}", before);
        Notify(NotificationAudience.Dispatchers, NotificationTemplates.CaseReturned, $"退单待重新派单：{TrackingNo}，理由：{text}");
    }

    /// <summary>The end of the return window (23:59:59 CST of the 5th working day after dispatch), while Dispatched.</summary>
    public DateTime? ReturnWindowClosesAtUtc(IBusinessCalendar calendar) =>
        Status == CaseStatus.Dispatched && DispatchedAtUtc is { } dispatchedAt ? ReturnWindowMustBeOpen.ClosesAtUtc(dispatchedAt, calendar) : null;
}
