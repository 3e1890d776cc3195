using FluentValidation;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.ReferenceData;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.ReferenceData;

public sealed record RegionDto(int Id, string Code, string Name, int? ParentId, bool IsActive);

public sealed record ListRegions : IQuery<IReadOnlyList<RegionDto>>;

[RequiresRole(Roles.Admin)]
public sealed record CreateRegion(string Code, string Name, int? ParentId) : ITreeNodeInput, ICommand<RegionDto>;

[RequiresRole(Roles.Admin)]
public sealed record UpdateRegion(int Id, string Code, string Name, int? ParentId, bool IsActive) : ITreeNodeInput, ICommand<RegionDto>;

public sealed class CreateRegionValidator : TreeNodeInputValidator<CreateRegion>;

public sealed class UpdateRegionValidator : TreeNodeInputValidator<UpdateRegion>;

public sealed class RegionHandlers(IAppDbContext db) :
    IQueryHandler<ListRegions, IReadOnlyList<RegionDto>>,
    ICommandHandler<CreateRegion, RegionDto>,
    ICommandHandler<UpdateRegion, RegionDto>
{
    public async ValueTask<IReadOnlyList<RegionDto>> Handle(ListRegions query, CancellationToken ct) =>
        await db.Regions.AsNoTracking().OrderBy(r => r.Code)
            .Select(r => new RegionDto(r.Id, r.Code, r.Name, r.ParentId, r.IsActive))
            .ToListAsync(ct);

    public async ValueTask<RegionDto> Handle(CreateRegion command, CancellationToken ct)
    {
        await db.Regions.Select(r => r.Code).EnsureCodeIsFree(command.Code, "属地", ct);
        await db.Regions.EnsureExists(command.ParentId, "parentId", "上级属地", ct);
        var region = new Region(command.Code, command.Name, command.ParentId);
        db.Regions.Add(region);
        await db.SaveChangesAsync(ct);
        return ToDto(region);
    }

    public async ValueTask<RegionDto> Handle(UpdateRegion command, CancellationToken ct)
    {
        var region = await db.Regions.FindAsync([command.Id], ct) ?? throw new NotFoundException("属地", command.Id);
        await db.Regions.Where(r => r.Id != command.Id).Select(r => r.Code).EnsureCodeIsFree(command.Code, "属地", ct);
        await db.Regions.EnsureExists(command.ParentId, "parentId", "上级属地", ct);
        var ancestry = command.ParentId is { } parentId
            ? Tree.Ancestry(parentId, await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.ParentId, ct))
            : [];
        region.Update(command.Code, command.Name, command.ParentId, ancestry, command.IsActive);
        return ToDto(region);
    }

    private static RegionDto ToDto(Region r) => new(r.Id, r.Code, r.Name, r.ParentId, r.IsActive);
}
