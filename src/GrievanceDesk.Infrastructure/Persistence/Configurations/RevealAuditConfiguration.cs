using GrievanceDesk.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrievanceDesk.Infrastructure.Persistence.Configurations;

/// <summary>The reveal audit (docs/product.md §7): one row per reveal, read by case and by user; append-only.</summary>
internal sealed class RevealAuditConfiguration : IEntityTypeConfiguration<RevealAudit>
{
    public void Configure(EntityTypeBuilder<RevealAudit> b)
    {
        b.ToTable("RevealAudits");
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.DisplayName).HasMaxLength(256);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.HasIndex(x => new { x.CaseId, x.AtUtc });
        b.HasIndex(x => new { x.UserName, x.AtUtc });
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
