using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrievanceDesk.Infrastructure.Briefings;

/// <summary>An archived weekly briefing (简报存档): the PDF as it was generated for ISO week <see cref="Week"/>, once per week.</summary>
public sealed class BriefingArchive
{
    private BriefingArchive()
    {
    }

    public BriefingArchive(int year, int week, DateOnly periodStart, DateOnly periodEnd, DateTime generatedAtUtc, byte[] pdf)
    {
        Year = year;
        Week = week;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        GeneratedAtUtc = generatedAtUtc;
        Pdf = pdf;
        SizeBytes = pdf.Length;
    }

    public long Id { get; private set; }
    public int Year { get; private set; }
    public int Week { get; private set; }
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    public DateTime GeneratedAtUtc { get; private set; }

    /// <summary>Stored beside the PDF so the archive list never reads the bytes.</summary>
    public int SizeBytes { get; private set; }

    public byte[] Pdf { get; private set; } = [];
}

internal sealed class BriefingArchiveConfiguration : IEntityTypeConfiguration<BriefingArchive>
{
    public void Configure(EntityTypeBuilder<BriefingArchive> b)
    {
        b.ToTable("BriefingArchives");
        // One briefing per week, however many jobs, requests and instances race to make it.
        b.HasIndex(x => new { x.Year, x.Week }).IsUnique();
    }
}
