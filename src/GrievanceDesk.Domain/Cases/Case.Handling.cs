using GrievanceDesk.Domain.Common;
using GrievanceDesk.Domain.Sla;
using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Domain.Cases;

// The unit's work on an accepted case: contacts, progress, extensions, pauses and the resolution.
public sealed partial class Case
{
    /// <summary>
    /// Records an attempt to contact the complainant. The first contact moves the case to InProgress; a reached contact
    /// earlier than any before it becomes <see cref="FirstContactAtUtc"/> (an unanswered call is not contact).
    /// </summary>
    public void RecordContact(DateTime atUtc, ContactChannel channel, bool reached, string note, CaseContext ctx)
    {
        Ensure(CaseAction.RecordContact, ctx);
        var at = ChinaTime.AsUtc(atUtc);
        Rules.Check(new InstantMustNotBeInFuture(RuleSlugs.ContactInFuture, "联系时间", "the contact time", at, ctx.NowUtc));
        Rules.Check(new InstantMustNotPrecedeReceipt(RuleSlugs.ContactBeforeReceipt, "联系时间", "the contact time", at, ReceivedAtUtc));
        var text = Require(note, "联系情况", "a note on the contact");

        _contacts.Add(new ContactRecord(at, channel, reached, text, ctx.Actor.UserName));
        var before = Snap();
        Status = CaseStatus.InProgress;
        var firstReach = reached && FirstContactAtUtc is null;
        if (reached && (FirstContactAtUtc is null || at < FirstContactAtUtc))
        {
            FirstContactAtUtc = at;
        }

        if (firstReach && HasContactStage && AcceptedAtUtc is { } accepted)
        {
            RecordResponse(ctx.NowUtc, accepted);
        }

        Append(ctx, TimelineActions.ContactRecorded,
            $"{channel.ToChinese()}联系诉求人（{CaseText.Cst(at)}），{(reached ? "已联系上" : "未联系上")}：{text}", before);
    }

    /// <summary>A progress note (办理进展); moves the case to InProgress.</summary>
    public void RecordProgress(string note, CaseContext ctx)
    {
        Ensure(CaseAction.RecordProgress, ctx);
        var text = Require(note, "办理进展", "a progress note");

        var before = Snap();
        Status = CaseStatus.InProgress;
        Append(ctx, TimelineActions.ProgressRecorded, $"办理进展：{text}", before);
    }

    /// <summary>Asks the unit leader for more days (延期), once per handling round, up to the policy's cap.</summary>
    /// <returns>The request, to approve or reject before it has an id.</returns>
    public ExtensionRequest RequestExtension(int days, string reason, CaseContext ctx)
    {
        Ensure(CaseAction.RequestExtension, ctx);
        var text = Require(reason, "延期理由", "a reason for the extension");
        Rules.Check(new ExtensionOncePerStage(_extensions, HandleRound));
        Rules.Check(new ExtensionDaysMustBePositive(days));
        Rules.Check(new ExtensionWithinCap(days, ctx.Terms.MaxExtensionDays));

        var request = new ExtensionRequest(HandleRound, days, text, ctx.Actor.UserName, ctx.NowUtc);
        _extensions.Add(request);
        var period = new SlaDuration(days, ctx.Terms.ExtensionUnit);
        Append(ctx, TimelineActions.ExtensionRequested, $"申请延期{period}：{text}");
        NotifyUnitLeaders(NotificationTemplates.ExtensionRequested, $"延期申请待审批：{TrackingNo}，申请延期{period}。");
        return request;
    }

    public void ApproveExtension(long extensionId, CaseContext ctx) => DecideExtension(() => ExtensionById(extensionId), true, null, ctx);

    public void ApproveExtension(ExtensionRequest request, CaseContext ctx) => DecideExtension(() => Owned(request), true, null, ctx);

    public void RejectExtension(long extensionId, string? reason, CaseContext ctx) => DecideExtension(() => ExtensionById(extensionId), false, reason, ctx);

    public void RejectExtension(ExtensionRequest request, string? reason, CaseContext ctx) => DecideExtension(() => Owned(request), false, reason, ctx);

    /// <summary>Asks the unit leader to stop the handle clock (中止), e.g. waiting on the complainant or an appraisal.</summary>
    /// <returns>The request, to approve or reject before it has an id.</returns>
    public PauseRecord RequestPause(string reason, CaseContext ctx)
    {
        Ensure(CaseAction.RequestPause, ctx);
        var text = Require(reason, "中止理由", "a reason for the pause");
        Rules.Check(new OnlyOnePauseAtATime(_pauses));

        var pause = new PauseRecord(text, ctx.Actor.UserName, ctx.NowUtc);
        _pauses.Add(pause);
        Append(ctx, TimelineActions.PauseRequested, $"申请中止办理：{text}");
        NotifyUnitLeaders(NotificationTemplates.PauseRequested, $"中止申请待审批：{TrackingNo}，理由：{text}。");
        return pause;
    }

    public void ApprovePause(long pauseId, CaseContext ctx) => DecidePause(() => PauseById(pauseId), true, null, ctx);

    public void ApprovePause(PauseRecord pause, CaseContext ctx) => DecidePause(() => Owned(pause), true, null, ctx);

    public void RejectPause(long pauseId, string? reason, CaseContext ctx) => DecidePause(() => PauseById(pauseId), false, reason, ctx);

    public void RejectPause(PauseRecord pause, string? reason, CaseContext ctx) => DecidePause(() => Owned(pause), false, reason, ctx);

    /// <summary>Restarts the handle clock; the deadline is counted again from the round's start with the paused days added (<see cref="HandleClock"/>).</summary>
    public void Resume(CaseContext ctx)
    {
        Ensure(CaseAction.Resume, ctx);
        Rules.Check(new CaseMustBePaused(IsPaused));

        var pause = _pauses.Single(p => p.Status == PauseStatus.Active);
        var before = Snap();
        pause.End(ctx.Actor.UserName, ctx.NowUtc);
        IsPaused = false;
        HandleDeadlineUtc = ComputeHandleDeadline(ctx);
        Append(ctx, TimelineActions.Resumed,
            $"恢复办理（中止自{CaseText.Cst(pause.StartedAtUtc!.Value)}起），办理时限顺延至{CaseText.Cst(HandleDeadlineUtc.Value)}", before);
    }

    /// <summary>Records the result (办结): outcome and summary. The feedback clock starts now.</summary>
    public void Resolve(Outcome outcome, string summary, CaseContext ctx)
    {
        Ensure(CaseAction.Resolve, ctx);
        Rules.Check(new NotWhilePaused(IsPaused, CaseAction.Resolve));
        var text = Require(summary, "办理结果说明", "a summary of the resolution");

        var before = Snap();
        RecordResolution(outcome, text, ctx);
        Append(ctx, TimelineActions.Resolved, $"办结（{outcome.ToChinese()}）：{text}", before, isPublic: true);
    }

    /// <summary>不予受理: the office declines the case from the queue, with a reason; it still needs feedback to close.</summary>
    public void NotAccept(string reason, CaseContext ctx)
    {
        Ensure(CaseAction.NotAccept, ctx);
        var text = Require(reason, "不予受理理由", "a reason for not accepting");

        var before = Snap();
        RecordResolution(Cases.Outcome.NotAccepted, text, ctx);
        Append(ctx, TimelineActions.NotAccepted, $"不予受理：{text}", before, isPublic: true);
    }

    /// <summary>
    /// A consultation (咨询) answered at the desk or on the phone: resolved as explained, with the answer as reached
    /// feedback at once, so the case can close.
    /// </summary>
    public void AnswerOnTheSpot(string answer, ContactChannel channel, CaseContext ctx)
    {
        Ensure(CaseAction.AnswerOnTheSpot, ctx);
        Rules.Check(new OnlyConsultationsAnsweredOnTheSpot(Kind));
        var text = Require(answer, "答复内容", "the answer");

        var before = Snap();
        RecordResolution(Cases.Outcome.Explained, text, ctx);
        Append(ctx, TimelineActions.AnsweredOnTheSpot, $"当场答复：{text}", before, isPublic: true);
        AddFeedback(channel, ctx.NowUtc, reached: true, text, complainantResponse: null, ctx);
    }

    private void RecordResolution(Outcome outcome, string summary, CaseContext ctx)
    {
        if (AcceptedAtUtc is null)
        {
            // Resolved at the desk without acceptance (answered on the spot, not accepted): that is the response.
            RecordResponse(ctx.NowUtc, ctx.NowUtc);
        }

        Status = CaseStatus.Resolved;
        Outcome = outcome;
        ResolutionSummary = summary;
        ResolvedAtUtc = ctx.NowUtc;
        ResolvedBy = ctx.Actor.UserName;
        FeedbackDeadlineUtc = ctx.Calendar.DeadlineFrom(ctx.NowUtc, ctx.Terms.Feedback);
    }

    private void DecideExtension(Func<ExtensionRequest> find, bool approve, string? note, CaseContext ctx)
    {
        Ensure(CaseAction.DecideExtension, ctx);
        var request = find();
        Rules.Check(new ExtensionMustBePending(request));
        Rules.Check(new ExtensionMustBeOfCurrentRound(request, HandleRound));

        var remark = Optional(note);
        var period = new SlaDuration(request.Days, ctx.Terms.ExtensionUnit);
        var before = Snap();
        request.Decide(approve, ctx.Actor.UserName, ctx.NowUtc, remark);
        if (!approve)
        {
            Append(ctx, TimelineActions.ExtensionRejected, $"驳回延期申请（{period}）{(remark is null ? string.Empty : $"：{remark}")}");
            Notify(NotificationAudience.Cadre, NotificationTemplates.ExtensionRejected,
                $"延期申请未获批准：{TrackingNo}，请按原时限{CaseText.Cst(HandleDeadlineUtc!.Value)}办结。", UnitId, request.RequestedBy);
            return;
        }

        HandleDeadlineUtc = ComputeHandleDeadline(ctx);
        var deadline = CaseText.Cst(HandleDeadlineUtc.Value);
        Append(ctx, TimelineActions.ExtensionApproved, $"批准延期{period}，办理时限延至{deadline}", before);
        Notify(NotificationAudience.Cadre, NotificationTemplates.ExtensionApproved,
            $"延期申请已批准：{TrackingNo}，办理时限延至{deadline}。", UnitId, request.RequestedBy);
        // 信访工作条例 art. 35: the petitioner is told of the extension and its reason.
        NotifyComplainant(NotificationTemplates.ExtensionApprovedToComplainant,
            $"您反映的问题（件号{TrackingNo}）办理期限延长至{deadline}，原因：{request.Reason}。");
    }

    private void DecidePause(Func<PauseRecord> find, bool approve, string? note, CaseContext ctx)
    {
        Ensure(CaseAction.DecidePause, ctx);
        var pause = find();
        Rules.Check(new PauseMustBeRequested(pause));

        var remark = Optional(note);
        var before = Snap();
        if (!approve)
        {
            pause.Reject(ctx.Actor.UserName, ctx.NowUtc, remark);
            Append(ctx, TimelineActions.PauseRejected, $"驳回中止申请{(remark is null ? string.Empty : $"：{remark}")}");
            return;
        }

        pause.Approve(ctx.Actor.UserName, ctx.NowUtc);
        IsPaused = true;
        Append(ctx, TimelineActions.PauseApproved, $"批准中止办理，办理时限暂停计算：{pause.Reason}", before);
    }

    private ExtensionRequest ExtensionById(long id) =>
        _extensions.FirstOrDefault(e => id != 0 && e.Id == id) ?? throw NotFound(RuleSlugs.ExtensionNotFound, "延期申请", "extension request", id);

    private PauseRecord PauseById(long id) =>
        _pauses.FirstOrDefault(p => id != 0 && p.Id == id) ?? throw NotFound(RuleSlugs.PauseNotFound, "中止申请", "pause request", id);

    private ExtensionRequest Owned(ExtensionRequest request) =>
        _extensions.Contains(request) ? request : throw NotFound(RuleSlugs.ExtensionNotFound, "延期申请", "extension request", request.Id);

    private PauseRecord Owned(PauseRecord pause) =>
        _pauses.Contains(pause) ? pause : throw NotFound(RuleSlugs.PauseNotFound, "中止申请", "pause request", pause.Id);

    private DomainRuleException NotFound(string slug, string whatChinese, string whatEnglish, long id) =>
        new(slug, $"本件没有编号为{id}的{whatChinese} (case {TrackingNo} has no {whatEnglish} {id})");

    /// <summary>
    /// The handle deadline of the current round from its start, the ended pauses of the round and its approved extension
    /// (<see cref="HandleClock"/>). Rows older than <see cref="HandleStartedAtUtc"/> start at the acceptance.
    /// </summary>
    private DateTime ComputeHandleDeadline(CaseContext ctx)
    {
        var start = HandleStartedAtUtc ?? AcceptedAtUtc ?? throw new InvalidOperationException($"Case {TrackingNo} has no running handle clock.");
        var pauses = _pauses
            .Where(p => p.Status == PauseStatus.Ended && p.StartedAtUtc >= start)
            .Select(p => new PausedSpan(p.StartedAtUtc!.Value, p.EndedAtUtc!.Value));
        var extensionDays = _extensions.Where(e => e.Round == HandleRound && e.Status == ExtensionStatus.Approved).Sum(e => e.Days);
        return HandleClock.Deadline(ctx.Calendar, ctx.Terms, start, pauses, extensionDays);
    }

    /// <summary>
    /// The holiday calendar changed (a holiday or make-up day added, changed or removed): every running deadline is
    /// counted again from its own start with <paramref name="ctx"/>'s calendar, and the timeline says old → new and why.
    /// The escalation ladder then follows the new deadline (its steps are keyed by deadline). Returns whether anything moved.
    /// </summary>
    public bool RecomputeDeadlines(string why, CaseContext ctx)
    {
        var reason = Require(why, "重算原因", "the reason for the recomputation");
        if (!IsOpen)
        {
            return false;
        }

        var before = Snap();
        var moved = new List<string>();
        if (Status is CaseStatus.Registered or CaseStatus.Dispatched)
        {
            AcceptDeadlineUtc = Moved("受理时限", AcceptDeadlineUtc, ctx.Calendar.DeadlineFrom(AcceptStartedAtUtc ?? ReceivedAtUtc, ctx.Terms.Accept))!.Value;
        }

        if (ContactDeadlineUtc is not null && DispatchedAtUtc is { } dispatchedAt && ctx.Terms.Contact is { } contact)
        {
            ContactDeadlineUtc = Moved("首次联系时限", ContactDeadlineUtc, ctx.Calendar.DeadlineFrom(dispatchedAt, contact));
        }

        if (HandleDeadlineUtc is not null && Status is CaseStatus.Accepted or CaseStatus.InProgress or CaseStatus.Reopened)
        {
            HandleDeadlineUtc = Moved("办理时限", HandleDeadlineUtc, ComputeHandleDeadline(ctx));
        }

        if (FeedbackDeadlineUtc is not null && ResolvedAtUtc is { } resolvedAt)
        {
            FeedbackDeadlineUtc = Moved("反馈时限", FeedbackDeadlineUtc, ctx.Calendar.DeadlineFrom(resolvedAt, ctx.Terms.Feedback));
        }

        if (moved.Count == 0)
        {
            return false;
        }

        Append(ctx, TimelineActions.DeadlinesRecomputed, $"时限重算（{reason}）：{string.Join("；", moved)}", before);
        return true;

        DateTime? Moved(string name, DateTime? old, DateTime now)
        {
            if (old != now)
            {
                moved.Add($"{name}由{(old is { } o ? CaseText.Cst(o) : "无")}改为{CaseText.Cst(now)}");
            }

            return now;
        }
    }
}
