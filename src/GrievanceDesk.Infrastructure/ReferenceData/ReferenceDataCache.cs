using GrievanceDesk.Application.ReferenceData;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrievanceDesk.Infrastructure.ReferenceData;

/// <summary>
/// One row: the version of the reference data, bumped by <see cref="AppDbContext"/> in the same save as any change to a
/// category, region, unit, routing rule, SLA policy or calendar day. Every instance compares it with its snapshot's.
/// </summary>
public sealed class ReferenceDataVersion
{
    public const int SingleRowId = 1;

    public int Id { get; set; }
    public long Version { get; set; }
}

internal sealed class ReferenceDataVersionConfiguration : IEntityTypeConfiguration<ReferenceDataVersion>
{
    public void Configure(EntityTypeBuilder<ReferenceDataVersion> b)
    {
        b.ToTable("ReferenceDataVersion");
        b.Property(v => v.Id).ValueGeneratedNever();
        b.HasData(new ReferenceDataVersion { Id = ReferenceDataVersion.SingleRowId, Version = 1 });
    }
}

/// <summary>The instance's snapshot, shared by its requests.</summary>
internal sealed class ReferenceSnapshotHolder
{
    public volatile ReferenceSnapshot? Current;
}

/// <summary>
/// Per request scope: one primary-key read of the version (the first time the scope asks), and a reload only when it
/// moved. The version is read before the data, so a snapshot is never newer than its version says: at worst it is
/// reloaded once more.
/// </summary>
internal sealed class ReferenceDataCache(AppDbContext db, ReferenceSnapshotHolder holder) : IReferenceData
{
    private ReferenceSnapshot? _checked;

    public async ValueTask<ReferenceSnapshot> GetAsync(CancellationToken ct)
    {
        if (_checked is { } seen)
        {
            return seen;
        }

        var version = await db.Set<ReferenceDataVersion>().AsNoTracking()
            .Where(v => v.Id == ReferenceDataVersion.SingleRowId).Select(v => v.Version).SingleOrDefaultAsync(ct);
        if (holder.Current is { } current && current.Version == version)
        {
            return _checked = current;
        }

        var snapshot = new ReferenceSnapshot(
            version,
            await db.Categories.AsNoTracking().ToListAsync(ct),
            await db.Regions.AsNoTracking().ToListAsync(ct),
            await db.Units.AsNoTracking().ToListAsync(ct),
            await db.RoutingRules.AsNoTracking().ToListAsync(ct),
            await db.SlaPolicies.AsNoTracking().ToListAsync(ct),
            await db.Holidays.AsNoTracking().ToListAsync(ct));
        holder.Current = snapshot;
        return _checked = snapshot;
    }
}
