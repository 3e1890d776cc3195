namespace GrievanceDesk.Domain.ReferenceData;

/// <summary>A coded node of a reference tree (categories, regions): code, name, parent, active.</summary>
public abstract class TreeNode
{
    protected TreeNode()
    {
        Code = Name = string.Empty;
    }

    protected TreeNode(string code, string name, int? parentId)
    {
        Code = code;
        Name = name;
        ParentId = parentId;
        IsActive = true;
    }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public int? ParentId { get; private set; }
    public bool IsActive { get; private set; }

    protected void Apply(string code, string name, int? parentId, bool isActive)
    {
        Code = code;
        Name = name;
        ParentId = parentId;
        IsActive = isActive;
    }
}
