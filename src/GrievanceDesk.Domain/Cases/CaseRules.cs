using GrievanceDesk.Domain.Common;
using GrievanceDesk.Domain.Sla;
using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Domain.Cases;

// The named rules of the case, checked by Case's commands with Rules.Check. Messages: Chinese for staff, then English.
// The last mile (最后一公里) lives in LastMile.cs, because its rules are checked in one order.

internal sealed class TransitionMustBeInDiagram(CaseStatus status, CaseAction action) : IBusinessRule
{
    public string Slug => RuleSlugs.InvalidTransition;
    public string Message => $"当前状态为“{status.ToChinese()}”，不能{action.ToChinese()} (cannot {action.ToEnglishPhrase()} in status {status})";
    public bool IsBroken() => !CaseTransitions.IsAllowed(status, action);
}

internal sealed class TextMustNotBeBlank(string? text, string fieldChinese, string fieldEnglish) : IBusinessRule
{
    public string Slug => RuleSlugs.TextRequired;
    public string Message => $"请填写{fieldChinese} ({fieldEnglish} is required)";
    public bool IsBroken() => string.IsNullOrWhiteSpace(text);
}

internal sealed class InstantMustNotBeInFuture(string slug, string whatChinese, string whatEnglish, DateTime atUtc, DateTime nowUtc) : IBusinessRule
{
    public string Slug => slug;
    public string Message => $"{whatChinese}不能晚于当前时间 ({whatEnglish} cannot be in the future)";
    public bool IsBroken() => atUtc > nowUtc;
}

internal sealed class InstantMustNotPrecedeReceipt(string slug, string whatChinese, string whatEnglish, DateTime atUtc, DateTime receivedAtUtc) : IBusinessRule
{
    public string Slug => slug;
    public string Message => $"{whatChinese}不能早于收件时间{CaseText.Cst(receivedAtUtc)} ({whatEnglish} cannot be before the case was received)";
    public bool IsBroken() => atUtc < receivedAtUtc;
}

internal sealed class ComplainantRequiredUnlessAnonymous(bool isAnonymous, int complainants) : IBusinessRule
{
    public string Slug => RuleSlugs.ComplainantRequired;
    public string Message => "非匿名件须登记至少一名诉求人 (a case that is not anonymous needs at least one complainant)";
    public bool IsBroken() => !isAnonymous && complainants == 0;
}

internal sealed class AnonymousCaseHasNoComplainant(bool isAnonymous, int complainants) : IBusinessRule
{
    public string Slug => RuleSlugs.AnonymousWithComplainant;
    public string Message => "匿名件不能登记诉求人 (an anonymous case cannot name complainants)";
    public bool IsBroken() => isAnonymous && complainants > 0;
}

internal sealed class HeadCountMustBePositive(int headCount) : IBusinessRule
{
    public string Slug => RuleSlugs.HeadCountInvalid;
    public string Message => $"来访人数至少为1，当前为{headCount} (head count must be at least 1, was {headCount})";
    public bool IsBroken() => headCount < 1;
}

internal sealed class DispatchMustAvoidConflictOfInterest(int? respondentUnitId, IReadOnlyList<int> targetAncestry) : IBusinessRule
{
    public string Slug => RuleSlugs.ConflictOfInterest;
    public string Message => "回避：不能派给被反映单位或其下级单位，应派给被反映单位的上级 (a case cannot go to the respondent unit or a unit below it; send it to the respondent's parent)";
    public bool IsBroken() => ConflictGuard.IsConflicted(respondentUnitId, targetAncestry);
}

internal sealed class ReturnWindowMustBeOpen(DateTime dispatchedAtUtc, DateTime nowUtc, IBusinessCalendar calendar) : IBusinessRule
{
    /// <summary>23:59:59 CST of the 5th working day after the dispatch date (the dispatch day does not count).</summary>
    public static DateTime ClosesAtUtc(DateTime dispatchedAtUtc, IBusinessCalendar calendar) =>
        ChinaTime.EndOfDayUtc(calendar.AddWorkingDays(ChinaTime.DateOf(dispatchedAtUtc), SlaTerms.ReturnWindowWorkingDays));

    public string Slug => RuleSlugs.ReturnWindowClosed;
    public string Message =>
        $"退单须在派单后{SlaTerms.ReturnWindowWorkingDays}个工作日内提出（截至{CaseText.Cst(ClosesAtUtc(dispatchedAtUtc, calendar))}），请联系派单员改派 " +
        $"(a case can be returned only within {SlaTerms.ReturnWindowWorkingDays} working days of dispatch; ask a dispatcher to re-dispatch it)";
    public bool IsBroken() => nowUtc > ClosesAtUtc(dispatchedAtUtc, calendar);
}

internal sealed class ExtensionOncePerStage(IEnumerable<ExtensionRequest> extensions, int round) : IBusinessRule
{
    public string Slug => RuleSlugs.ExtensionOncePerStage;
    public string Message => "本轮办理已申请过延期，每个阶段只能申请一次 (an extension may be requested once per stage; this round already has one)";
    public bool IsBroken() => extensions.Any(e => e.Round == round);
}

internal sealed class ExtensionDaysMustBePositive(int days) : IBusinessRule
{
    public string Slug => RuleSlugs.ExtensionDaysInvalid;
    public string Message => $"延期天数须至少为1，当前为{days} (extension days must be at least 1, were {days})";
    public bool IsBroken() => days < 1;
}

internal sealed class ExtensionWithinCap(int days, int maxDays) : IBusinessRule
{
    public string Slug => RuleSlugs.ExtensionOverCap;
    public string Message => $"延期不能超过{maxDays}天，申请了{days}天 (an extension is capped at {maxDays} days; {days} requested)";
    public bool IsBroken() => days > maxDays;
}

internal sealed class ExtensionMustBePending(ExtensionRequest request) : IBusinessRule
{
    public string Slug => RuleSlugs.ExtensionAlreadyDecided;
    public string Message => "该延期申请已审批 (this extension request has already been decided)";
    public bool IsBroken() => request.Status != ExtensionStatus.Pending;
}

internal sealed class ExtensionMustBeOfCurrentRound(ExtensionRequest request, int round) : IBusinessRule
{
    public string Slug => RuleSlugs.ExtensionNotCurrent;
    public string Message => "该延期申请属于以往办理轮次，不能再审批 (this extension request belongs to an earlier handling round)";
    public bool IsBroken() => request.Round != round;
}

internal sealed class OnlyOnePauseAtATime(IEnumerable<PauseRecord> pauses) : IBusinessRule
{
    public string Slug => RuleSlugs.PauseAlreadyOpen;
    public string Message => "已有待审批或生效中的中止 (a pause is already requested or active)";
    public bool IsBroken() => pauses.Any(p => p.IsOpen);
}

internal sealed class PauseMustBeRequested(PauseRecord pause) : IBusinessRule
{
    public string Slug => RuleSlugs.PauseAlreadyDecided;
    public string Message => "该中止申请已审批 (this pause request has already been decided)";
    public bool IsBroken() => pause.Status != PauseStatus.Requested;
}

internal sealed class CaseMustBePaused(bool isPaused) : IBusinessRule
{
    public string Slug => RuleSlugs.PauseNotActive;
    public string Message => "办理时限未中止，无需恢复 (the handle clock is not paused)";
    public bool IsBroken() => !isPaused;
}

internal sealed class NotWhilePaused(bool isPaused, CaseAction action) : IBusinessRule
{
    public string Slug => RuleSlugs.CasePaused;
    public string Message => $"办理时限已中止，请先恢复办理再{action.ToChinese()} (the handle clock is paused; resume before you {action.ToEnglishPhrase()})";
    public bool IsBroken() => isPaused;
}

internal sealed class OnlyConsultationsAnsweredOnTheSpot(CaseKind kind) : IBusinessRule
{
    public string Slug => RuleSlugs.ConsultationOnly;
    public string Message => "只有咨询件可以当场答复 (only a consultation can be answered on the spot)";
    public bool IsBroken() => kind != CaseKind.Consultation;
}

internal sealed class AnonymousCasesHaveNoReturnVisit(bool isAnonymous) : IBusinessRule
{
    public string Slug => RuleSlugs.AnonymousNoReturnVisit;
    public string Message => "匿名件无法回访 (an anonymous case has nobody to visit)";
    public bool IsBroken() => isAnonymous;
}

internal sealed class ReturnVisitNotByHandlingUnit(int? handlingUnitId, int? visitorUnitId) : IBusinessRule
{
    public string Slug => RuleSlugs.ReturnVisitByHandlingUnit;
    public string Message => "回访不能由承办单位进行 (the handling unit cannot do the return visit)";
    public bool IsBroken() => handlingUnitId is not null && handlingUnitId == visitorUnitId;
}

internal sealed class ReturnVisitOncePerRound(IEnumerable<ReturnVisit> visits, int round) : IBusinessRule
{
    public string Slug => RuleSlugs.ReturnVisitAlreadyRecorded;
    public string Message => "本轮办理已回访 (this round has already been visited)";
    public bool IsBroken() => visits.Any(v => v.Round == round);
}

internal sealed class MergeTargetMustBeValid(Case source, Case target) : IBusinessRule
{
    public string Slug => RuleSlugs.MergeTargetInvalid;
    public string Message => "不能合并到本件或已合并的件 (a case cannot be merged into itself or into a merged case)";
    public bool IsBroken() => IsSameCase(source, target) || target.Status == CaseStatus.Merged;

    internal static bool IsSameCase(Case a, Case b) => ReferenceEquals(a, b) || (a.Id != 0 && a.Id == b.Id);
}

internal sealed class RepeatTargetMustBeValid(Case repeat, Case original) : IBusinessRule
{
    public string Slug => RuleSlugs.RepeatTargetInvalid;
    public string Message => "原件不能是本件或已合并的件，请关联其合并后的件 (the original cannot be this case or a merged case; link the case it was merged into)";
    public bool IsBroken() => MergeTargetMustBeValid.IsSameCase(repeat, original) || original.Status == CaseStatus.Merged;
}

internal sealed class RevealNeedsComplainant(bool isAnonymous, int complainants) : IBusinessRule
{
    public string Slug => RuleSlugs.NothingToReveal;
    public string Message => "匿名件或未登记诉求人，没有可查看的联系方式 (the case names no complainant whose numbers could be shown)";
    public bool IsBroken() => isAnonymous || complainants == 0;
}
