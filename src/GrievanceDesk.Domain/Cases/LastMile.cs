using GrievanceDesk.Domain.Common;
using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Domain.Cases;

/// <summary>
/// 打通最后一公里: a case closes only once the complainant has been told the outcome of its resolution (docs/product.md §3).
/// The checks run in this order, and the first that fails refuses the close with its own slug:
/// <list type="number">
/// <item>status: Closed or Merged → <c>invalid-transition</c>; any status before a resolution → <c>resolution-required</c>;</item>
/// <item>anonymous → closes as <see cref="CloseReason.Anonymous"/> (nobody to tell);</item>
/// <item>a reached feedback of the current round at or after the resolution → closes as <see cref="CloseReason.Feedback"/>;</item>
/// <item>no feedback of the current round at or after the resolution: some before it → <c>feedback-must-follow-resolution</c>,
///       none at all → <c>feedback-required</c>;</item>
/// <item>the unreachable path, over the current round's unreached records at or after the resolution. An attempt is a
///       record by phone, visit or on site; the written notice is a record by letter or SMS and is not an attempt:
///       fewer than 3 attempts → <c>unreached-attempts-insufficient</c>; attempts on one CST day only →
///       <c>unreached-attempts-same-day</c>; no written notice → <c>written-notice-required</c>;
///       else closes as <see cref="CloseReason.Unreachable"/>.</item>
/// </list>
/// </summary>
internal static class LastMile
{
    public const int MinimumAttempts = 3;
    public const int MinimumAttemptDays = 2;

    public static CloseReason Check(Case @case)
    {
        if (@case.Status is CaseStatus.Closed or CaseStatus.Merged)
        {
            Rules.Check(new TransitionMustBeInDiagram(@case.Status, CaseAction.Close));
        }

        Rules.Check(!CaseTransitions.IsAllowed(@case.Status, CaseAction.Close) || @case.ResolvedAtUtc is null, RuleSlugs.ResolutionRequired,
            $"结案前须先记录办理结果（当前状态为“{@case.Status.ToChinese()}”） (a resolution must be recorded before closing; status is {@case.Status})");

        if (@case.IsAnonymous)
        {
            return CloseReason.Anonymous;
        }

        var resolvedAt = @case.ResolvedAtUtc!.Value;
        var thisRound = @case.Feedback.Where(f => f.Round == @case.HandleRound).ToList();
        var afterResolution = thisRound.Where(f => f.AtUtc >= resolvedAt).ToList();
        if (afterResolution.Any(f => f.Reached))
        {
            return CloseReason.Feedback;
        }

        Rules.Check(afterResolution.Count == 0 && thisRound.Count > 0, RuleSlugs.FeedbackMustFollowResolution,
            $"反馈须在办结（{CaseText.Cst(resolvedAt)}）之后，之前的记录不能作为反馈 (feedback must be recorded after the resolution; earlier records do not count)");
        Rules.Check(afterResolution.Count == 0, RuleSlugs.FeedbackRequired,
            "结案前须向诉求人反馈办理结果 (the outcome must be fed back to the complainant before closing)");

        var attempts = afterResolution.Where(f => !f.IsWrittenNotice).ToList();
        Rules.Check(attempts.Count < MinimumAttempts, RuleSlugs.UnreachedAttemptsInsufficient,
            $"联系不上诉求人的，须至少{MinimumAttempts}次联系记录，当前{attempts.Count}次 " +
            $"(an unreachable complainant needs at least {MinimumAttempts} recorded attempts; {attempts.Count} so far)");
        Rules.Check(attempts.Select(f => ChinaTime.DateOf(f.AtUtc)).Distinct().Count() < MinimumAttemptDays, RuleSlugs.UnreachedAttemptsSameDay,
            $"联系尝试须分布在至少{MinimumAttemptDays}个不同日期 (the attempts must fall on at least {MinimumAttemptDays} different days)");
        Rules.Check(!afterResolution.Any(f => f.IsWrittenNotice), RuleSlugs.WrittenNoticeRequired,
            "联系不上诉求人的，须以书面函件或短信告知办理结果 (an unreachable complainant must be sent a written notice, by letter or SMS)");

        return CloseReason.Unreachable;
    }
}
