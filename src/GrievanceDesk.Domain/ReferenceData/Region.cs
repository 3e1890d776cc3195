namespace GrievanceDesk.Domain.ReferenceData;

/// <summary>属地: a node of the region tree (district → street → community).</summary>
public sealed class Region : TreeNode
{
    private Region()
    {
    }

    public Region(string code, string name, int? parentId)
        : base(code, name, parentId)
    {
    }
}
