using FluentValidation;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.ReferenceData;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.ReferenceData;

public sealed record RoutingRuleDto(int Id, int? CategoryId, int? RegionId, int UnitId, string? Note, bool IsActive);

[RequiresRole(Roles.Admin)]
public sealed record ListRoutingRules : IQuery<IReadOnlyList<RoutingRuleDto>>;

[RequiresRole(Roles.Admin)]
public sealed record CreateRoutingRule(int? CategoryId, int? RegionId, int UnitId, string? Note) : ICommand<RoutingRuleDto>;

[RequiresRole(Roles.Admin)]
public sealed record UpdateRoutingRule(int Id, int? CategoryId, int? RegionId, int UnitId, string? Note, bool IsActive) : ICommand<RoutingRuleDto>;

[RequiresRole(Roles.Admin)]
public sealed record DeleteRoutingRule(int Id) : ICommand<bool>;

public sealed class CreateRoutingRuleValidator : AbstractValidator<CreateRoutingRule>
{
    public CreateRoutingRuleValidator()
    {
        RuleFor(x => x.UnitId).GreaterThan(0);
        RuleFor(x => x.CategoryId).ValidOptionalId();
        RuleFor(x => x.RegionId).ValidOptionalId();
        RuleFor(x => x.CategoryId).NotNull().When(x => x.RegionId is null)
            .WithMessage("派单规则至少要指定问题分类或属地之一 (a category or a region is required).");
        RuleFor(x => x.Note).MaximumLength(200);
    }
}

public sealed class UpdateRoutingRuleValidator : AbstractValidator<UpdateRoutingRule>
{
    public UpdateRoutingRuleValidator()
    {
        RuleFor(x => x.UnitId).GreaterThan(0);
        RuleFor(x => x.CategoryId).ValidOptionalId();
        RuleFor(x => x.RegionId).ValidOptionalId();
        RuleFor(x => x.CategoryId).NotNull().When(x => x.RegionId is null)
            .WithMessage("派单规则至少要指定问题分类或属地之一 (a category or a region is required).");
        RuleFor(x => x.Note).MaximumLength(200);
    }
}

public sealed class RoutingRuleHandlers(IAppDbContext db) :
    IQueryHandler<ListRoutingRules, IReadOnlyList<RoutingRuleDto>>,
    ICommandHandler<CreateRoutingRule, RoutingRuleDto>,
    ICommandHandler<UpdateRoutingRule, RoutingRuleDto>,
    ICommandHandler<DeleteRoutingRule, bool>
{
    public async ValueTask<IReadOnlyList<RoutingRuleDto>> Handle(ListRoutingRules query, CancellationToken ct) =>
        await db.RoutingRules.AsNoTracking().OrderBy(r => r.Id)
            .Select(r => new RoutingRuleDto(r.Id, r.CategoryId, r.RegionId, r.UnitId, r.Note, r.IsActive))
            .ToListAsync(ct);

    public async ValueTask<RoutingRuleDto> Handle(CreateRoutingRule command, CancellationToken ct)
    {
        await EnsureReferencesExist(command.CategoryId, command.RegionId, command.UnitId, ct);
        var rule = new RoutingRule(command.CategoryId, command.RegionId, command.UnitId, command.Note);
        db.RoutingRules.Add(rule);
        await db.SaveChangesAsync(ct);
        return ToDto(rule);
    }

    public async ValueTask<RoutingRuleDto> Handle(UpdateRoutingRule command, CancellationToken ct)
    {
        var rule = await db.RoutingRules.FindAsync([command.Id], ct) ?? throw new NotFoundException("派单规则", command.Id);
        await EnsureReferencesExist(command.CategoryId, command.RegionId, command.UnitId, ct);
        rule.Update(command.CategoryId, command.RegionId, command.UnitId, command.Note, command.IsActive);
        return ToDto(rule);
    }

    public async ValueTask<bool> Handle(DeleteRoutingRule command, CancellationToken ct)
    {
        var rule = await db.RoutingRules.FindAsync([command.Id], ct) ?? throw new NotFoundException("派单规则", command.Id);
        db.RoutingRules.Remove(rule);
        return true;
    }

    private async Task EnsureReferencesExist(int? categoryId, int? regionId, int unitId, CancellationToken ct)
    {
        await db.Units.EnsureExists(unitId, "unitId", "责任单位", ct);
        await db.Categories.EnsureExists(categoryId, "categoryId", "问题分类", ct);
        await db.Regions.EnsureExists(regionId, "regionId", "属地", ct);
    }

    private static RoutingRuleDto ToDto(RoutingRule r) => new(r.Id, r.CategoryId, r.RegionId, r.UnitId, r.Note, r.IsActive);
}
