using FluentValidation;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.ReferenceData;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.ReferenceData;

public sealed record CategoryDto(int Id, string Code, string Name, int? ParentId, bool IsActive);

public sealed record ListCategories : IQuery<IReadOnlyList<CategoryDto>>;

[RequiresRole(Roles.Admin)]
public sealed record CreateCategory(string Code, string Name, int? ParentId) : ITreeNodeInput, ICommand<CategoryDto>;

[RequiresRole(Roles.Admin)]
public sealed record UpdateCategory(int Id, string Code, string Name, int? ParentId, bool IsActive) : ITreeNodeInput, ICommand<CategoryDto>;

public sealed class CreateCategoryValidator : TreeNodeInputValidator<CreateCategory>;

public sealed class UpdateCategoryValidator : TreeNodeInputValidator<UpdateCategory>
{
    public UpdateCategoryValidator()
    {
        RuleFor(x => x.ParentId).NotEqual(x => x.Id).WithMessage("分类不能以自己为上级 (a category cannot be its own parent).");
    }
}

public sealed class CategoryHandlers(IAppDbContext db) :
    IQueryHandler<ListCategories, IReadOnlyList<CategoryDto>>,
    ICommandHandler<CreateCategory, CategoryDto>,
    ICommandHandler<UpdateCategory, CategoryDto>
{
    public async ValueTask<IReadOnlyList<CategoryDto>> Handle(ListCategories query, CancellationToken ct) =>
        await db.Categories.AsNoTracking().OrderBy(c => c.Code)
            .Select(c => new CategoryDto(c.Id, c.Code, c.Name, c.ParentId, c.IsActive))
            .ToListAsync(ct);

    public async ValueTask<CategoryDto> Handle(CreateCategory command, CancellationToken ct)
    {
        await db.Categories.Select(c => c.Code).EnsureCodeIsFree(command.Code, "分类", ct);
        await EnsureTopLevelParent(command.ParentId, ct);
        var category = new Category(command.Code, command.Name, command.ParentId);
        db.Categories.Add(category);
        await db.SaveChangesAsync(ct);
        return ToDto(category);
    }

    public async ValueTask<CategoryDto> Handle(UpdateCategory command, CancellationToken ct)
    {
        var category = await db.Categories.FindAsync([command.Id], ct) ?? throw new NotFoundException("分类", command.Id);
        await db.Categories.Where(c => c.Id != command.Id).Select(c => c.Code).EnsureCodeIsFree(command.Code, "分类", ct);
        await EnsureTopLevelParent(command.ParentId, ct);
        var hasSubcategories = command.ParentId is not null && await db.Categories.AnyAsync(c => c.ParentId == command.Id, ct);
        category.Update(command.Code, command.Name, command.ParentId, hasSubcategories, command.IsActive);
        return ToDto(category);
    }

    /// <summary>Categories are a two-level tree: a parent must itself be top-level.</summary>
    private async Task EnsureTopLevelParent(int? parentId, CancellationToken ct)
    {
        await db.Categories.EnsureExists(parentId, "parentId", "上级分类", ct);
        if (parentId is { } id && !Category.MayBeParent(await db.Categories.Where(c => c.Id == id).Select(c => c.ParentId).SingleOrDefaultAsync(ct)))
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("parentId", "上级分类必须是一级分类：分类只有两级 (the parent must be a top-level category).")]);
        }
    }

    private static CategoryDto ToDto(Category c) => new(c.Id, c.Code, c.Name, c.ParentId, c.IsActive);
}
