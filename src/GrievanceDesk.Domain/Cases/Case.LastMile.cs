using GrievanceDesk.Domain.Common;
using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Domain.Cases;

// The last mile (最后一公里): feedback to the complainant, closing, the return visit and the reopen it may cause.
public sealed partial class Case
{
    /// <summary>
    /// Records feedback to the complainant (反馈), or an attempt. A reached record at or after the resolution moves
    /// Resolved to FeedbackGiven. A record stamped before the resolution is kept, but does not count for the last mile.
    /// </summary>
    public void RecordFeedback(ContactChannel channel, DateTime atUtc, bool reached, string content, string? complainantResponse, CaseContext ctx)
    {
        Ensure(CaseAction.RecordFeedback, ctx);
        var at = ChinaTime.AsUtc(atUtc);
        Rules.Check(new InstantMustNotBeInFuture(RuleSlugs.FeedbackInFuture, "反馈时间", "the feedback time", at, ctx.NowUtc));
        Rules.Check(new InstantMustNotPrecedeReceipt(RuleSlugs.FeedbackBeforeReceipt, "反馈时间", "the feedback time", at, ReceivedAtUtc));
        var text = Require(content, "反馈内容", "what was said");

        AddFeedback(channel, at, reached, text, Optional(complainantResponse), ctx);
    }

    /// <summary>Closes the case (结案) when the last mile is done; see <see cref="LastMile"/> for the rules and their order.</summary>
    public void Close(CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ctx.EnsureAuthorized(CaseAction.Close);
        var reason = LastMile.Check(this);

        var before = Snap();
        Status = CaseStatus.Closed;
        ClosedAtUtc = ctx.NowUtc;
        CloseReason = reason;
        RecordStats(StatsEventKind.Closed, ctx.NowUtc, onTime: ResolvedOnTime(ResolvedAtUtc, HandleDeadlineUtc, AcceptDeadlineUtc));
        var why = reason switch
        {
            Cases.CloseReason.Feedback => "已向诉求人反馈办理结果",
            Cases.CloseReason.Unreachable => "多次联系不上诉求人，已书面告知办理结果",
            _ => "匿名件",
        };
        Append(ctx, TimelineActions.Closed, $"结案（{why}）", before, isPublic: true);
    }

    /// <summary>
    /// The front desk's return visit (回访) after closing, at most once per handling round, never by the handling unit.
    /// Dissatisfied reopens the case (重办) to the same unit with a new handle deadline; a second reopen goes to supervision.
    /// </summary>
    public void RecordReturnVisit(Satisfaction satisfaction, bool solved, string? note, CaseContext ctx)
    {
        Ensure(CaseAction.RecordReturnVisit, ctx);
        Rules.Check(new AnonymousCasesHaveNoReturnVisit(IsAnonymous));
        Rules.Check(new ReturnVisitNotByHandlingUnit(UnitId, ctx.Actor.UnitId));
        Rules.Check(new ReturnVisitOncePerRound(_returnVisits, HandleRound));

        var remark = Optional(note);
        _returnVisits.Add(new ReturnVisit(satisfaction, solved, remark, ctx.NowUtc, ctx.Actor.UserName, HandleRound));
        RecordStats(StatsEventKind.ReturnVisit, ctx.NowUtc, solved: solved, satisfied: satisfaction != Satisfaction.Dissatisfied);
        Append(ctx, TimelineActions.ReturnVisitRecorded,
            $"回访：{satisfaction.ToChinese()}，{(solved ? "诉求人认为问题已解决" : "诉求人认为问题未解决")}{(remark is null ? string.Empty : $"：{remark}")}");

        if (satisfaction == Satisfaction.Dissatisfied)
        {
            Reopen(ctx);
        }
    }

    /// <summary>
    /// 重办: a new handling round. The resolution is cleared (the timeline keeps it). A case with a unit goes back to
    /// that unit and cadre with a new handle clock; one that never had a unit (answered on the spot, not accepted)
    /// goes back to the dispatcher queue with a new accept clock.
    /// </summary>
    private void Reopen(CaseContext ctx)
    {
        RecordStats(StatsEventKind.Reopened, ctx.NowUtc);
        var before = Snap();
        ReopenCount++;
        HandleRound++;
        Outcome = null;
        ResolutionSummary = null;
        ResolvedAtUtc = null;
        ResolvedBy = null;
        ClosedAtUtc = null;
        CloseReason = null;
        FeedbackDeadlineUtc = null;

        if (UnitId is null)
        {
            Status = CaseStatus.Registered;
            AcceptStartedAtUtc = ctx.NowUtc;
            AcceptDeadlineUtc = ctx.Calendar.DeadlineFrom(ctx.NowUtc, ctx.Terms.Accept);
            Append(ctx, TimelineActions.Reopened, $"回访不满意，第{ReopenCount}次重办，转派单员重新派单", before, isPublic: true);
            Notify(NotificationAudience.Dispatchers, NotificationTemplates.CaseReopened, $"回访不满意重办，待派单：{TrackingNo}，{Subject}。");
        }
        else
        {
            Status = CaseStatus.Reopened;
            HandleStartedAtUtc = ctx.NowUtc;
            HandleDeadlineUtc = ComputeHandleDeadline(ctx);
            var deadline = CaseText.Cst(HandleDeadlineUtc.Value);
            Append(ctx, TimelineActions.Reopened, $"回访不满意，第{ReopenCount}次重办，由原承办单位重新办理，办理时限至{deadline}", before, isPublic: true);
            var text = $"回访不满意重办：{TrackingNo}，{Subject}。办理时限至{deadline}。";
            NotifyUnitLeaders(NotificationTemplates.CaseReopened, text);
            NotifyCadre(NotificationTemplates.CaseReopened, text);
        }

        if (ReopenCount >= 2)
        {
            AddSupervisionOrder(SupervisionSource.Reopen, $"重办{ReopenCount}次，转入督办", ctx);
            Notify(NotificationAudience.Leaders, NotificationTemplates.ReopenSupervision,
                $"重办督办：{TrackingNo}，{Subject}，已重办{ReopenCount}次。");
        }
    }

    private void AddFeedback(ContactChannel channel, DateTime atUtc, bool reached, string content, string? complainantResponse, CaseContext ctx)
    {
        _feedback.Add(new FeedbackRecord(channel, atUtc, reached, content, complainantResponse, ctx.Actor.UserName, HandleRound));
        var countsForLastMile = atUtc >= ResolvedAtUtc;

        var before = Snap();
        if (reached && countsForLastMile && Status == CaseStatus.Resolved)
        {
            Status = CaseStatus.FeedbackGiven;
        }

        var response = complainantResponse is null ? string.Empty : $"；诉求人意见：{complainantResponse}";
        var early = countsForLastMile ? string.Empty : "（早于办结时间，不计为反馈）";
        Append(ctx, TimelineActions.FeedbackRecorded,
            $"{channel.ToChinese()}反馈（{CaseText.Cst(atUtc)}），{(reached ? "已联系上" : "未联系上")}：{content}{response}{early}", before);
    }
}
