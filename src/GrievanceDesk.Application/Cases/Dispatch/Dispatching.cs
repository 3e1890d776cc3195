using FluentValidation;
using FluentValidation.Results;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Cases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.Cases.Dispatch;

/// <summary>派单 / 改派: the office sends the case to a unit (conflict guard enforced by the aggregate).</summary>
public sealed record DispatchCase(long CaseId, string UnitCode, string? CadreUserName, string? Note, int? ExpectedVersion = null) : ICommand<CaseDetailDto>;

/// <summary>签收: the unit accepts the case; the handle clock starts.</summary>
public sealed record AcceptCase(long CaseId, int? ExpectedVersion = null) : ICommand<CaseDetailDto>;

/// <summary>退单: "not ours", within 5 working days of dispatch, with a reason; back to the dispatcher queue.</summary>
public sealed record ReturnCase(long CaseId, string Reason, int? ExpectedVersion = null) : ICommand<CaseDetailDto>;

/// <summary>分派: the unit leader (or the office) gives the case to a cadre of the unit.</summary>
public sealed record AssignCase(long CaseId, string CadreUserName, int? ExpectedVersion = null) : ICommand<CaseDetailDto>;

public sealed class DispatchCaseValidator : AbstractValidator<DispatchCase>
{
    public DispatchCaseValidator()
    {
        RuleFor(x => x.UnitCode).NotEmpty().MaximumLength(32);
        RuleFor(x => x.CadreUserName).MaximumLength(64);
        RuleFor(x => x.Note).MaximumLength(1000);
    }
}

public sealed class ReturnCaseValidator : AbstractValidator<ReturnCase>
{
    public ReturnCaseValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(1000);
}

public sealed class AssignCaseValidator : AbstractValidator<AssignCase>
{
    public AssignCaseValidator() => RuleFor(x => x.CadreUserName).NotEmpty().MaximumLength(64);
}

public sealed class DispatchingHandlers(CaseWorkbench workbench, IAppDbContext db, IUserDirectory users) :
    ICommandHandler<DispatchCase, CaseDetailDto>,
    ICommandHandler<AcceptCase, CaseDetailDto>,
    ICommandHandler<ReturnCase, CaseDetailDto>,
    ICommandHandler<AssignCase, CaseDetailDto>
{
    public async ValueTask<CaseDetailDto> Handle(DispatchCase command, CancellationToken ct)
    {
        var unitId = await db.Units.Where(u => u.Code == command.UnitCode && u.IsActive).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct)
            ?? throw Field("unitCode", $"责任单位 {command.UnitCode} 不存在或已停用 (unknown or inactive unit).");
        if (command.CadreUserName is { Length: > 0 } cadre)
        {
            await EnsureCadreOf(cadre, unitId, "cadreUserName", ct);
        }

        var (ancestry, _) = await workbench.UnitTree(unitId, ct);
        return await workbench.Change(command.CaseId, command.ExpectedVersion, CaseAction.Dispatch, async (c, ctx) =>
        {
            c.Dispatch(unitId, ancestry, routingRuleId: null, command.Note, ctx);
            if (command.CadreUserName is { Length: > 0 } chosen)
            {
                c.Assign(chosen, ctx);
            }
            else
            {
                await workbench.AutoAssign(c, users, ctx, ct);
            }
        }, ct);
    }

    public async ValueTask<CaseDetailDto> Handle(AcceptCase command, CancellationToken ct) =>
        await workbench.Change(command.CaseId, command.ExpectedVersion, CaseAction.Accept, (c, ctx) => c.Accept(ctx), ct);

    public async ValueTask<CaseDetailDto> Handle(ReturnCase command, CancellationToken ct) =>
        await workbench.Change(command.CaseId, command.ExpectedVersion, CaseAction.Return, (c, ctx) => c.Return(command.Reason, ctx), ct);

    public async ValueTask<CaseDetailDto> Handle(AssignCase command, CancellationToken ct) =>
        await workbench.Change(command.CaseId, command.ExpectedVersion, CaseAction.Assign, async (c, ctx) =>
        {
            // The case's state first (a case in the queue has no unit, so no cadre could be "of the unit"): the
            // refused transition is the answer, not a field error. A wrong cadre then rolls the command back.
            c.Assign(command.CadreUserName, ctx);
            await EnsureCadreOf(command.CadreUserName, c.UnitId, "cadreUserName", ct);
        }, ct);

    private async Task EnsureCadreOf(string cadre, int? unitId, string field, CancellationToken ct)
    {
        var user = await users.FindAsync(cadre, ct);
        if (user is null || !user.IsActive || unitId is null || user.UnitId != unitId
            || !user.Roles.Any(r => r is Roles.Cadre or Roles.UnitLeader))
        {
            throw Field(field, $"{cadre} 不是该单位的承办人 (not a cadre of the case's unit).");
        }
    }

    private static ValidationException Field(string field, string message) => new([new ValidationFailure(field, message)]);
}
