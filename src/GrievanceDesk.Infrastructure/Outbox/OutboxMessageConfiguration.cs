using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrievanceDesk.Infrastructure.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.Property(m => m.Channel).HasMaxLength(16);
        b.Property(m => m.Recipient).HasMaxLength(64);
        b.Property(m => m.Template).HasMaxLength(64);
        b.Property(m => m.Body).HasMaxLength(OutboxMessage.MaxBodyLength);
        b.Property(m => m.IdempotencyKey).HasMaxLength(100);
        b.Property(m => m.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);
        b.HasIndex(m => m.IdempotencyKey).IsUnique();
        // The sender's scan: Status = Pending AND NextAttemptAtUtc <= now, oldest first.
        b.HasIndex(m => new { m.Status, m.NextAttemptAtUtc }).HasDatabaseName("IX_OutboxMessages_Due");
    }
}
