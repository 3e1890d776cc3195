using GrievanceDesk.Application.Stats.Rollup;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrievanceDesk.Infrastructure.Persistence.Configurations;

// The key leads with (scope, dimension, day): a period's figures are one range of the primary key.
internal sealed class DailyStatsConfiguration : IEntityTypeConfiguration<DailyStats>
{
    public void Configure(EntityTypeBuilder<DailyStats> b)
    {
        b.ToTable("DailyStats");
        b.HasKey(x => new { x.ScopeUnitId, x.Dimension, x.Day, x.Key });
    }
}

internal sealed class DailyStockConfiguration : IEntityTypeConfiguration<DailyStock>
{
    public void Configure(EntityTypeBuilder<DailyStock> b)
    {
        b.ToTable("DailyStock");
        b.HasKey(x => new { x.ScopeUnitId, x.Dimension, x.Day, x.Key });
    }
}

internal sealed class StockSnapshotDayConfiguration : IEntityTypeConfiguration<StockSnapshotDay>
{
    public void Configure(EntityTypeBuilder<StockSnapshotDay> b)
    {
        b.ToTable("StockSnapshotDays");
        b.HasKey(x => x.Day);
    }
}
