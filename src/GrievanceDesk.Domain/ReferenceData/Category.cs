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
}
