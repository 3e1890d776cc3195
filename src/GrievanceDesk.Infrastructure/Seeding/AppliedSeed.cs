using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrievanceDesk.Infrastructure.Seeding;

/// <summary>
/// That a seed was applied once. Seeds that an admin may edit afterwards (the holiday calendar) are applied only if never
/// applied, so that a deleted seeded day is not put back at the next start.
/// </summary>
public sealed class AppliedSeed
{
    public const int KeyMaxLength = 64;

    private AppliedSeed()
    {
    }

    public AppliedSeed(string key, DateTime appliedAtUtc)
    {
        Key = key;
        AppliedAtUtc = appliedAtUtc;
    }

    public string Key { get; private set; } = string.Empty;
    public DateTime AppliedAtUtc { get; private set; }
}

internal sealed class AppliedSeedConfiguration : IEntityTypeConfiguration<AppliedSeed>
{
    public void Configure(EntityTypeBuilder<AppliedSeed> b)
    {
        b.ToTable("AppliedSeeds");
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(AppliedSeed.KeyMaxLength);
    }
}
