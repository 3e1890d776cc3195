using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrievanceDesk.Infrastructure.Partners;

internal sealed class PartnerConfiguration :
    IEntityTypeConfiguration<Partner>,
    IEntityTypeConfiguration<PartnerCase>,
    IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<Partner> b)
    {
        b.ToTable("Partners");
        b.Property(p => p.Name).HasMaxLength(Partner.MaxNameLength);
        b.Property(p => p.Scopes).HasMaxLength(200);
        b.Property(p => p.KeyPrefix).HasMaxLength(12);
        b.Property(p => p.KeyHash).HasMaxLength(64);
        b.HasIndex(p => p.Name).IsUnique();
        b.HasIndex(p => p.KeyPrefix).IsUnique(); // a presented key finds its partner by prefix
        b.Ignore(p => p.ScopeList);
        b.Ignore(p => p.IsRevoked);
    }

    public void Configure(EntityTypeBuilder<PartnerCase> b)
    {
        b.ToTable("PartnerCases");
        b.Property(l => l.ExternalReference).HasMaxLength(PartnerCase.MaxReferenceLength);
        // The reference is unique per partner: two racing intakes with one reference cannot both insert.
        b.HasIndex(l => new { l.PartnerId, l.ExternalReference }).IsUnique();
        b.HasIndex(l => l.CaseId);
        b.HasOne<Partner>().WithMany().HasForeignKey(l => l.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<WebhookSubscription> b)
    {
        b.ToTable("WebhookSubscriptions");
        b.Property(s => s.Url).HasMaxLength(WebhookSubscription.MaxUrlLength);
        b.Property(s => s.Events).HasMaxLength(200);
        b.Property(s => s.ProtectedSecret).HasMaxLength(1000);
        b.HasIndex(s => s.PartnerId);
        b.HasOne<Partner>().WithMany().HasForeignKey(s => s.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(s => s.EventList);
    }
}
