using FluentValidation;
using FluentValidation.Results;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.ReferenceData;
using GrievanceDesk.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.Cases.Dispatch;

/// <summary>
/// 派单 / 改派: the office sends the case to a unit (conflict guard enforced by the aggregate), and names its cadre or
/// lets the unit's auto-assignment choose one: the assignment is part of the dispatch, not a right of its own.
/// </summary>
public sealed record DispatchCase(long CaseId, string UnitCode, string? CadreUserName, string? Note, int? ExpectedVersion = null) : ICaseCommand
{
    public static CaseAction Action => CaseAction.Dispatch;

    /// <summary>The cadre named with the dispatch, or chosen by the unit's auto-assignment.</summary>
    public static IReadOnlyList<CaseAction> FollowUps => [CaseAction.Assign];
}

public sealed class DispatchCaseValidator : AbstractValidator<DispatchCase>
{
    public DispatchCaseValidator()
    {
        RuleFor(x => x.UnitCode).NotEmpty().MaximumLength(32);
        RuleFor(x => x.CadreUserName).MaximumLength(64);
        RuleFor(x => x.Note).MaximumLength(1000);
    }
}

public sealed class DispatchCaseHandler(CurrentCase current, IAppDbContext db, IReferenceData reference, AssignableCadres cadres, AutoAssignment autoAssignment)
    : CaseCommandHandler<DispatchCase>(current)
{
    protected override async ValueTask Apply(Case @case, DispatchCase command, CaseContext ctx, CancellationToken ct)
    {
        var unitId = await db.Units.Where(u => u.Code == command.UnitCode && u.IsActive).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct)
            ?? throw new ValidationException([new ValidationFailure("unitCode", $"责任单位 {command.UnitCode} 不存在或已停用 (unknown or inactive unit).")]);
        var named = command.CadreUserName is { Length: > 0 } cadre ? cadre : null;
        if (named is not null)
        {
            await cadres.EnsureCadreOf(named, unitId, "cadreUserName", ct);
        }

        @case.Dispatch(unitId, (await reference.GetAsync(ct)).UnitAncestry(unitId), routingRuleId: null, command.Note, ctx);
        if ((named ?? await autoAssignment.CadreFor(unitId, ct)) is { } chosen)
        {
            @case.Assign(chosen, ctx);
        }
    }
}
