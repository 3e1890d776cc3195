namespace GrievanceDesk.Domain.ReferenceData;

/// <summary>属地: a node of the region tree (district → street → community).</summary>
public sealed class Region
{
    private Region()
    {
        Code = Name = string.Empty;
    }

    public Region(string code, string name, int? parentId)
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

    public void Update(string code, string name, int? parentId, bool isActive)
    {
        Code = code;
        Name = name;
        ParentId = parentId;
        IsActive = isActive;
    }
}
