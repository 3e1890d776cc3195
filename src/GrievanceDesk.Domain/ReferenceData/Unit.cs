using GrievanceDesk.Domain.Common;

namespace GrievanceDesk.Domain.ReferenceData;

/// <summary>责任单位: a node of the unit tree (district government → departments, streets → communities).</summary>
public sealed class Unit : IVersioned
{
    private Unit()
    {
        Code = Name = string.Empty;
    }

    public Unit(string code, string name, int? parentId, bool autoAssign)
    {
        Code = code;
        Name = name;
        ParentId = parentId;
        AutoAssign = autoAssign;
        IsActive = true;
    }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public int? ParentId { get; private set; }

    /// <summary>When set, a dispatched case goes to the unit's cadre with the fewest open cases; otherwise the unit leader assigns.</summary>
    public bool AutoAssign { get; private set; }

    public bool IsActive { get; private set; }
    public int Version { get; set; }

    /// <summary>
    /// Renames or moves the unit. <paramref name="ancestryOfNewParent"/> is the new parent followed by its ancestors:
    /// a unit cannot become its own ancestor.
    /// </summary>
    public void Update(string code, string name, int? parentId, IReadOnlyList<int> ancestryOfNewParent, bool autoAssign, bool isActive)
    {
        Rules.Check(parentId is not null && (parentId == Id || ancestryOfNewParent.Contains(Id)),
            "unit-cycle", $"单位“{Name}”不能成为自己的上级或下级的下级 (a unit cannot be its own ancestor).");
        Code = code;
        Name = name;
        ParentId = parentId;
        AutoAssign = autoAssign;
        IsActive = isActive;
    }
}
