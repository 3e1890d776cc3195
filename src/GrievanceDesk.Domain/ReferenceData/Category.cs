namespace GrievanceDesk.Domain.ReferenceData;

/// <summary>问题分类: a two-level tree (e.g. 城乡建设 → 物业管理).</summary>
public sealed class Category
{
    private Category()
    {
        Code = Name = string.Empty;
    }

    public Category(string code, string name, int? parentId)
    {
        Code = code;
        Name = name;
        ParentId = parentId;
        IsActive = true;
    }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }

    /// <summary>Null for a top-level category; second-level categories have a top-level parent.</summary>
    public int? ParentId { get; private set; }

    public bool IsActive { get; private set; }

    public void Update(string code, string name, int? parentId, bool isActive)
    {
        Code = code;
        Name = name;
        ParentId = parentId;
        IsActive = isActive;
    }
}
