using GrievanceDesk.Domain.ReferenceData;
using GrievanceDesk.Domain.Sla;
using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Application.ReferenceData;

/// <summary>
/// The reference data intake reads on every case (categories, regions, units, routing rules, SLA policies, the working
/// calendar), held in memory. A few hundred rows that change when an administrator edits them, read thousands of
/// times a day: <see cref="IReferenceData"/> keeps one snapshot per instance and reloads it when the database's
/// reference-data version (bumped by every admin change, on any instance) differs from the snapshot's.
/// The objects are detached copies: read them, never change them.
/// </summary>
public sealed class ReferenceSnapshot
{
    public ReferenceSnapshot(long version, IReadOnlyList<Category> categories, IReadOnlyList<Region> regions, IReadOnlyList<Unit> units,
        IReadOnlyList<RoutingRule> routingRules, IReadOnlyList<SlaPolicy> slaPolicies, IReadOnlyList<CalendarDay> calendarDays)
    {
        Version = version;
        Categories = categories;
        Regions = regions;
        Units = units;
        ActiveRoutingRules = routingRules.Where(r => r.IsActive).ToList();
        SlaPolicies = slaPolicies;
        Calendar = new WorkingCalendar(calendarDays);
        CategoryParents = categories.ToDictionary(c => c.Id, c => c.ParentId);
        RegionParents = regions.ToDictionary(r => r.Id, r => r.ParentId);
        UnitParents = units.ToDictionary(u => u.Id, u => u.ParentId);
        UnitsById = units.ToDictionary(u => u.Id);
    }

    public long Version { get; }
    public IReadOnlyList<Category> Categories { get; }
    public IReadOnlyList<Region> Regions { get; }
    public IReadOnlyList<Unit> Units { get; }
    public IReadOnlyList<RoutingRule> ActiveRoutingRules { get; }
    public IReadOnlyList<SlaPolicy> SlaPolicies { get; }
    public IBusinessCalendar Calendar { get; }
    public IReadOnlyDictionary<int, int?> CategoryParents { get; }
    public IReadOnlyDictionary<int, int?> RegionParents { get; }
    public IReadOnlyDictionary<int, int?> UnitParents { get; }
    public IReadOnlyDictionary<int, Unit> UnitsById { get; }

    /// <summary>A unit followed by its ancestors up to the root, for the conflict guard.</summary>
    public IReadOnlyList<int> UnitAncestry(int unitId) => Tree.Ancestry(unitId, UnitParents);

    /// <summary>The responsible unit and its ancestors, or empty while there is none (a case still in the queue).</summary>
    public IReadOnlyList<int> UnitAncestryOrEmpty(int? unitId) => unitId is { } id ? UnitAncestry(id) : [];

    public int? UnitParentOf(int unitId) => UnitParents.GetValueOrDefault(unitId);

    /// <summary>The SLA policy a new case is held to (<see cref="SlaPolicyLookup"/>).</summary>
    public SlaPolicy SlaPolicyFor(Domain.Cases.Channel channel, int categoryId, Domain.Cases.Urgency urgency) =>
        SlaPolicyLookup.For(SlaPolicies, CategoryParents, channel, categoryId, urgency);
}

/// <summary>The current <see cref="ReferenceSnapshot"/>: checked against the database's version once per request scope.</summary>
public interface IReferenceData
{
    ValueTask<ReferenceSnapshot> GetAsync(CancellationToken ct);
}
