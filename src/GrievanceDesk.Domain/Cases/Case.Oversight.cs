using GrievanceDesk.Domain.Common;
using GrievanceDesk.Domain.Sla;

namespace GrievanceDesk.Domain.Cases;

// Duplicates and repeats, supervision orders and the escalation ladder.
public sealed partial class Case
{
    /// <summary>
    /// Folds a duplicate still in the queue into another case (合并). Both timelines record it. The target's unit then
    /// handles this case too, so the conflict guard (回避) of <see cref="Dispatch"/> applies to it.
    /// </summary>
    /// <param name="targetUnitAncestry">The target's responsible unit first, then its ancestors; empty while it has none.</param>
    public void MergeInto(Case target, IReadOnlyList<int> targetUnitAncestry, CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(target);
        Ensure(CaseAction.MergeInto, ctx);
        Rules.Check(new MergeTargetMustBeValid(this, target));
        CheckHolderIsNotRespondent(target, targetUnitAncestry);
        RequireSaved(target);

        var before = Snap();
        Status = CaseStatus.Merged;
        MergedIntoCaseId = target.Id;
        Append(ctx, TimelineActions.Merged, $"作为重复件合并至{target.TrackingNo}", before, isPublic: true);
        target.Append(ctx, TimelineActions.MergeReceived, $"重复件{TrackingNo}合并至本件");
    }

    /// <summary>
    /// Marks the case a repeat (重复件) of <paramref name="original"/>. If the original is still being handled, this
    /// case is not dispatched again: it is merged into the original and the complainant is told how the original
    /// stands (信访工作条例 art. 19). If the original is closed, this case stays in the queue as a new round of the problem.
    /// </summary>
    /// <param name="originalUnitName">The original's responsible unit, named in the complainant's update.</param>
    /// <param name="originalUnitAncestry">The original's responsible unit first, then its ancestors; empty while it has none.</param>
    public void MarkRepeatOf(Case original, string? originalUnitName, IReadOnlyList<int> originalUnitAncestry, CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(original);
        Ensure(CaseAction.MarkRepeatOf, ctx);
        Rules.Check(new RepeatTargetMustBeValid(this, original));
        if (original.IsOpen)
        {
            // Merged into an open original, this case is handled by the original's unit.
            CheckHolderIsNotRespondent(original, originalUnitAncestry);
        }

        RequireSaved(original);

        var before = Snap();
        IsRepeat = true;
        RecordStats(StatsEventKind.Repeat, ctx.NowUtc);
        RepeatOfCaseId = original.Id;
        var originalStatus = original.Status.ToChinese();
        if (original.IsOpen)
        {
            Status = CaseStatus.Merged;
            MergedIntoCaseId = original.Id;
            Append(ctx, TimelineActions.MarkedRepeat,
                $"重复件：原件{original.TrackingNo}正在办理（{originalStatus}），不再重复派单，并入原件", before, isPublic: true);
            var unit = original.UnitId is null ? "待派单" : $"承办单位：{Optional(originalUnitName) ?? "已派单位"}";
            NotifyComplainant(NotificationTemplates.RepeatProgress,
                $"您反映的问题（件号{TrackingNo}）与正在办理的{original.TrackingNo}为同一诉求，已并入一并办理。当前状态：{originalStatus}，{unit}。");
        }
        else
        {
            Append(ctx, TimelineActions.MarkedRepeat,
                $"重复件：原件{original.TrackingNo}已{originalStatus}，本件作为新一轮诉求派单办理", before);
        }

        original.Append(ctx, TimelineActions.RepeatReceived, $"同一诉求重复来访：{TrackingNo}");
        if (original.IsOpen && original.UnitId is not null)
        {
            original.NotifyUnitLeaders(NotificationTemplates.RepeatReceived, $"同一诉求重复来访：{original.TrackingNo}，请加快办理。");
        }
    }

    /// <summary>回避: the unit that would handle this case as part of <paramref name="holder"/> must not be its respondent or below it.</summary>
    private void CheckHolderIsNotRespondent(Case holder, IReadOnlyList<int> holderUnitAncestry)
    {
        ArgumentNullException.ThrowIfNull(holderUnitAncestry);
        if (holder.UnitId is { } unit ? holderUnitAncestry.Count == 0 || holderUnitAncestry[0] != unit : holderUnitAncestry.Count != 0)
        {
            throw new ArgumentException("The ancestry starts with the other case's unit (empty when it has none).", nameof(holderUnitAncestry));
        }

        Rules.Check(new DispatchMustAvoidConflictOfInterest(RespondentUnitId, holderUnitAncestry));
    }

    /// <summary>A supervision order (督办单) by hand, from a leader or the office, to the responsible unit.</summary>
    public SupervisionOrder IssueSupervision(SupervisionSource source, string note, CaseContext ctx)
    {
        Ensure(CaseAction.IssueSupervision, ctx);
        var text = Require(note, "督办意见", "a note for the supervision order");
        return AddSupervisionOrder(source, text, ctx);
    }

    /// <summary>
    /// A step of the escalation ladder, taken by the sweep job: warning (cadre and unit leaders), overdue (unit leaders),
    /// supervision (a supervision order from the office to the unit), leader supervision (an order and the leaders).
    /// That each step happens once per case and deadline is guaranteed by the database, not here.
    /// </summary>
    public void RecordEscalation(EscalationStep step, string deadlineName, DateTime deadlineUtc, CaseContext ctx)
    {
        Ensure(CaseAction.RecordEscalation, ctx);
        var name = Require(deadlineName, "时限名称", "the deadline's name");
        var due = CaseText.Cst(deadlineUtc);

        switch (step)
        {
            case EscalationStep.Warning:
                Append(ctx, TimelineActions.DeadlineWarning, $"预警：{name}将于{due}到期");
                var warning = $"预警：{TrackingNo}，{Subject}，{name}将于{due}到期。";
                NotifyCadre(NotificationTemplates.DeadlineWarning, warning);
                NotifyUnitLeaders(NotificationTemplates.DeadlineWarning, warning);
                break;
            case EscalationStep.Overdue:
                Append(ctx, TimelineActions.DeadlineOverdue, $"超期：{name}已于{due}到期");
                NotifyUnitLeaders(NotificationTemplates.DeadlineOverdue, $"超期：{TrackingNo}，{Subject}，{name}已于{due}到期。");
                break;
            case EscalationStep.Supervision:
                AddSupervisionOrder(SupervisionSource.Escalation, $"{name}（{due}到期）超期未办，发督办单", ctx);
                break;
            case EscalationStep.LeaderSupervision:
                AddSupervisionOrder(SupervisionSource.LeaderEscalation, $"{name}（{due}到期）长期超期，转领导督办", ctx);
                Notify(NotificationAudience.Leaders, NotificationTemplates.LeaderSupervision,
                    $"领导督办：{TrackingNo}，{Subject}，{name}已于{due}到期。");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, "Unknown escalation step.");
        }
    }

    private SupervisionOrder AddSupervisionOrder(SupervisionSource source, string note, CaseContext ctx)
    {
        var order = new SupervisionOrder(source, UnitId, note, ctx.Actor.UserName, ctx.NowUtc);
        _supervisionOrders.Add(order);
        RecordStats(StatsEventKind.Escalated, ctx.NowUtc);
        var kind = source switch
        {
            SupervisionSource.Leader => "领导督办",
            SupervisionSource.Office => "督办",
            SupervisionSource.Escalation => "超期督办",
            SupervisionSource.Reopen => "重办督办",
            _ => "领导督办（超期）",
        };
        Append(ctx, TimelineActions.SupervisionIssued, $"{kind}：{note}");
        NotifyUnitLeaders(NotificationTemplates.SupervisionIssued, $"{kind}：{TrackingNo}，{Subject}。督办意见：{note}");
        return order;
    }
}
