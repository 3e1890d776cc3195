using GrievanceDesk.Domain.Common;

namespace GrievanceDesk.Domain.ReferenceData;

/// <summary>问题分类: a two-level tree (e.g. 城乡建设 → 物业管理); a top-level category has no parent.</summary>
public sealed class Category : TreeNode
{
    private Category()
    {
    }

    public Category(string code, string name, int? parentId)
        : base(code, name, parentId)
    {
    }

    /// <summary>Only a top-level category can be a parent: the tree has two levels.</summary>
    public static bool MayBeParent(int? parentOfParent) => parentOfParent is null;

    /// <summary>
    /// Renames or moves the category. A category with subcategories stays top-level (<c>category-depth</c>): under a
    /// parent its subcategories would make a third level. Whether the new parent is top-level is <see cref="MayBeParent"/>.
    /// </summary>
    public void Update(string code, string name, int? parentId, bool hasSubcategories, bool isActive)
    {
        Rules.Check(parentId is not null && hasSubcategories,
            "category-depth", "有下级分类的一级分类不能再挂到其他分类下：分类只有两级 (categories have two levels).");
        Apply(code, name, parentId, isActive);
    }
}
