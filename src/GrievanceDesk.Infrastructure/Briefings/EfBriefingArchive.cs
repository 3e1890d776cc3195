using GrievanceDesk.Application.Briefings;
using GrievanceDesk.Domain.Time;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Infrastructure.Briefings;

internal sealed class EfBriefingArchive(AppDbContext db) : IBriefingArchive
{
    public async Task<IReadOnlyList<ArchivedBriefingDto>> ListAsync(CancellationToken ct)
    {
        var rows = await db.BriefingArchives.AsNoTracking()
            .OrderByDescending(b => b.Year).ThenByDescending(b => b.Week)
            .Select(b => new { b.Year, b.Week, b.PeriodStart, b.PeriodEnd, b.GeneratedAtUtc, b.SizeBytes })
            .ToListAsync(ct);
        return rows.Select(b => new ArchivedBriefingDto(b.Year, b.Week, b.PeriodStart, b.PeriodEnd, ChinaTime.ToOffset(b.GeneratedAtUtc), b.SizeBytes)).ToList();
    }

    public async Task<byte[]?> FindPdfAsync(BriefingWeek week, CancellationToken ct) =>
        await db.BriefingArchives.AsNoTracking()
            .Where(b => b.Year == week.Year && b.Week == week.Week)
            .Select(b => b.Pdf)
            .SingleOrDefaultAsync(ct);

    public async Task<(byte[] Pdf, bool Added)> AddIfMissingAsync(BriefingWeek week, DateTime generatedAtUtc, byte[] pdf, CancellationToken ct)
    {
        if (await FindPdfAsync(week, ct) is { } existing)
        {
            return (existing, false);
        }

        var entry = db.BriefingArchives.Add(new BriefingArchive(week.Year, week.Week, week.Monday, week.Sunday, generatedAtUtc, pdf));
        try
        {
            await db.SaveChangesAsync(ct);
            return (pdf, true);
        }
        catch (GrievanceDesk.Application.Common.UniqueKeyConflictException)
        {
            // Another run may have archived the week between our look and our insert: the unique key kept theirs.
            entry.State = EntityState.Detached;
            if (await FindPdfAsync(week, ct) is { } theirs)
            {
                return (theirs, false);
            }

            throw;
        }
    }
}
