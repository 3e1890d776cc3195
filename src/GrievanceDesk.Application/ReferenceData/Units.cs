using FluentValidation;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.ReferenceData;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Unit = GrievanceDesk.Domain.ReferenceData.Unit;

namespace GrievanceDesk.Application.ReferenceData;

public sealed record UnitDto(int Id, string Code, string Name, int? ParentId, bool AutoAssign, bool IsActive);

/// <summary>The unit tree, flat, ordered by code.</summary>
public sealed record ListUnits : IQuery<IReadOnlyList<UnitDto>>;

[RequiresRole(Roles.Admin)]
public sealed record CreateUnit(string Code, string Name, int? ParentId, bool AutoAssign) : ITreeNodeInput, ICommand<UnitDto>;

[RequiresRole(Roles.Admin)]
public sealed record UpdateUnit(int Id, string Code, string Name, int? ParentId, bool AutoAssign, bool IsActive) : ITreeNodeInput, ICommand<UnitDto>;

[RequiresRole(Roles.Admin)]
public sealed record DeleteUnit(int Id) : ICommand<bool>;

public sealed class CreateUnitValidator : TreeNodeInputValidator<CreateUnit>;

public sealed class UpdateUnitValidator : TreeNodeInputValidator<UpdateUnit>;

public sealed class UnitHandlers(IAppDbContext db, IUserDirectory users) :
    IQueryHandler<ListUnits, IReadOnlyList<UnitDto>>,
    ICommandHandler<CreateUnit, UnitDto>,
    ICommandHandler<UpdateUnit, UnitDto>,
    ICommandHandler<DeleteUnit, bool>
{
    public async ValueTask<IReadOnlyList<UnitDto>> Handle(ListUnits query, CancellationToken ct) =>
        await db.Units.AsNoTracking().OrderBy(u => u.Code)
            .Select(u => new UnitDto(u.Id, u.Code, u.Name, u.ParentId, u.AutoAssign, u.IsActive))
            .ToListAsync(ct);

    public async ValueTask<UnitDto> Handle(CreateUnit command, CancellationToken ct)
    {
        await db.Units.Select(u => u.Code).EnsureCodeIsFree(command.Code, "单位", ct);
        await db.Units.EnsureExists(command.ParentId, "parentId", "上级单位", ct);
        var unit = new Unit(command.Code, command.Name, command.ParentId, command.AutoAssign);
        db.Units.Add(unit);
        await db.SaveChangesAsync(ct);
        return ToDto(unit);
    }

    public async ValueTask<UnitDto> Handle(UpdateUnit command, CancellationToken ct)
    {
        var unit = await db.Units.FindAsync([command.Id], ct) ?? throw new NotFoundException("单位", command.Id);
        await db.Units.Where(u => u.Id != command.Id).Select(u => u.Code).EnsureCodeIsFree(command.Code, "单位", ct);
        await db.Units.EnsureExists(command.ParentId, "parentId", "上级单位", ct);
        var ancestry = command.ParentId is { } parentId
            ? Tree.Ancestry(parentId, await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ParentId, ct))
            : [];
        unit.Update(command.Code, command.Name, command.ParentId, ancestry, command.AutoAssign, command.IsActive);
        return ToDto(unit);
    }

    public async ValueTask<bool> Handle(DeleteUnit command, CancellationToken ct)
    {
        var unit = await db.Units.FindAsync([command.Id], ct) ?? throw new NotFoundException("单位", command.Id);
        var inUse = await db.Units.AnyAsync(u => u.ParentId == unit.Id, ct)
            || await db.RoutingRules.AnyAsync(r => r.UnitId == unit.Id, ct)
            || await users.AnyInUnitAsync(unit.Id, ct);
        if (inUse)
        {
            throw new ConflictException("unit-in-use", $"单位“{unit.Name}”仍有下级单位、派单规则、人员或案件，不能删除，请改为停用 (unit in use: deactivate it instead).");
        }

        db.Units.Remove(unit);
        return true;
    }

    private static UnitDto ToDto(Unit u) => new(u.Id, u.Code, u.Name, u.ParentId, u.AutoAssign, u.IsActive);
}
