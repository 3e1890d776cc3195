using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Application.Cases;

/// <summary>
/// Who may do what to a case (docs/product.md §1). The case's state decides whether an action is possible (the aggregate checks
/// that); this table decides whose action it is. Unit roles act only on their own unit's cases, and another unit's
/// case does not exist for them (404, not 403).
/// </summary>
public static class CasePermissions
{
    private static readonly string[] Office = [Roles.FrontDesk, Roles.Dispatcher];
    private static readonly string[] Unit = [Roles.Cadre, Roles.UnitLeader];

    private static readonly Dictionary<CaseAction, string[]> ByAction = new()
    {
        [CaseAction.Dispatch] = [Roles.Dispatcher],
        [CaseAction.NotAccept] = [Roles.Dispatcher],
        [CaseAction.Assign] = [Roles.UnitLeader, Roles.Dispatcher],
        [CaseAction.Accept] = Unit,
        [CaseAction.Return] = Unit,
        [CaseAction.RecordContact] = Unit,
        [CaseAction.RecordProgress] = Unit,
        [CaseAction.RequestExtension] = Unit,
        [CaseAction.DecideExtension] = [Roles.UnitLeader],
        [CaseAction.RequestPause] = Unit,
        [CaseAction.DecidePause] = [Roles.UnitLeader],
        [CaseAction.Resume] = Unit,
        [CaseAction.Resolve] = Unit,
        [CaseAction.AnswerOnTheSpot] = Office,
        [CaseAction.RecordFeedback] = [.. Office, .. Unit],
        [CaseAction.Close] = [.. Office, .. Unit],
        // 回访 is the office's, never the handling unit's.
        [CaseAction.RecordReturnVisit] = Office,
        [CaseAction.MergeInto] = Office,
        [CaseAction.MarkRepeatOf] = Office,
        [CaseAction.IssueSupervision] = [Roles.Leader],
        [CaseAction.RecordEscalation] = [],
        // 补充附件: the desk (a scanned letter) and the handling unit (a photo from the site).
        [CaseAction.AddAttachment] = [.. Office, .. Unit],
    };

    /// <summary>
    /// Roles that may see a case's full phone and ID numbers (an audited reveal): the office, who call complainants for
    /// feedback and return visits, and the handling unit, who contact them. Leaders read the masked values; Admin reads no case.
    /// </summary>
    private static readonly string[] Reveal = [.. Office, .. Unit];

    /// <summary>Roles that read every case; unit roles read their unit's.</summary>
    public static readonly IReadOnlyList<string> ReadAll = [Roles.FrontDesk, Roles.Dispatcher, Roles.Leader];

    /// <summary>Roles that log cases.</summary>
    public static readonly IReadOnlyList<string> Intake = Office;

    public static bool MaySee(ICurrentUser user, int? caseUnitId) =>
        ReadAll.Any(user.IsInRole)
        || (Unit.Any(user.IsInRole) && user.UnitId is { } unit && caseUnitId == unit);

    /// <summary>Whether the user's role allows the action on a case of this unit (state aside).</summary>
    public static bool MayDo(ICurrentUser user, CaseAction action, int? caseUnitId) =>
        ByAction[action].Any(role =>
            user.IsInRole(role)
            && (!Unit.Contains(role) || (user.UnitId is { } unit && caseUnitId == unit) || Office.Any(user.IsInRole)));

    /// <summary>Whether the user's role may reveal the full numbers on a case of this unit (unit roles: their own unit's only).</summary>
    public static bool MayReveal(ICurrentUser user, int? caseUnitId) =>
        Reveal.Any(role => user.IsInRole(role) && (!Unit.Contains(role) || (user.UnitId is { } unit && caseUnitId == unit)));

    /// <summary>Throws 404 for a case the user may not see, 403 when their role may not reveal its complainants' numbers.</summary>
    public static void EnsureMayReveal(ICurrentUser user, long caseId, int? caseUnitId)
    {
        if (!MaySee(user, caseUnitId))
        {
            throw new NotFoundException("案件", caseId);
        }

        if (!MayReveal(user, caseUnitId))
        {
            throw new ForbiddenException("当前角色不能查看诉求人的完整联系方式 (your role may not see the full phone and ID numbers).");
        }
    }

    /// <summary>The actions the user could take on the case now: possible for the case (the aggregate says) and the user's role.</summary>
    public static IReadOnlyList<CaseAction> Allowed(ICurrentUser user, Case @case) =>
        ByAction.Keys.Where(a => @case.IsPossible(a) && MayDo(user, a, @case.UnitId)).ToList();

    /// <summary>Throws 404 for a case the user may not see, 403 for an action their role may not take.</summary>
    public static void Ensure(ICurrentUser user, CaseAction action, long caseId, int? caseUnitId)
    {
        if (!MaySee(user, caseUnitId))
        {
            throw new NotFoundException("案件", caseId);
        }

        if (!MayDo(user, action, caseUnitId))
        {
            throw new ForbiddenException($"当前角色不能“{action.ToChinese()}” (your role may not {action.ToEnglishPhrase()}).");
        }
    }
}
