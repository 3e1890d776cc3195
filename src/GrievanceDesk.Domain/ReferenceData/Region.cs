using GrievanceDesk.Domain.Common;

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

    /// <summary>
    /// Renames or moves the region. <paramref name="ancestryOfNewParent"/> is the new parent followed by its ancestors:
    /// a region cannot become its own ancestor (the same rule as <see cref="Unit.Update"/>).
    /// </summary>
    public void Update(string code, string name, int? parentId, IReadOnlyList<int> ancestryOfNewParent, bool isActive)
    {
        ArgumentNullException.ThrowIfNull(ancestryOfNewParent);
        Rules.Check(parentId is not null && (parentId == Id || ancestryOfNewParent.Contains(Id)),
            "region-cycle", "属地不能成为自己的上级 (a region cannot be its own ancestor).");
        Apply(code, name, parentId, isActive);
    }
}
