using GrievanceDesk.Application.Cases.Dispatch;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrievanceDesk.Infrastructure.Persistence.Configurations;

// A unit's cadres are one range of the primary key: auto-assign reads their loads in one seek.
internal sealed class CadreOpenLoadConfiguration : IEntityTypeConfiguration<CadreOpenLoad>
{
    public void Configure(EntityTypeBuilder<CadreOpenLoad> b)
    {
        b.ToTable("CadreOpenLoads");
        b.HasKey(x => new { x.UnitId, x.CadreUserName });
        b.Property(x => x.CadreUserName).HasMaxLength(64);
    }
}
