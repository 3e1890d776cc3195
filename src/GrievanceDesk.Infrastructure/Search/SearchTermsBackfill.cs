using GrievanceDesk.Application.Cases.Search;
using GrievanceDesk.Infrastructure.Persistence;
using GrievanceDesk.Infrastructure.Persistence.Configurations;
using GrievanceDesk.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Infrastructure.Search;

/// <summary>
/// A database migrated from before the search column (issue 15) holds cases whose <c>SearchTerms</c> are empty: found by
/// number but never by a word. At the first start after the migration every such case gets its terms, in batches of
/// <see cref="BatchSize"/> in key order, each batch its own transaction (the full-text index follows through its
/// triggers, or the server's own tracking); then a marker row says it is done, so later starts do not read the table
/// again. On a database whose cases all have their terms that first start reads the table once (a few seconds at a
/// million cases) and writes nothing.
/// </summary>
public static class SearchTermsBackfill
{
    public const string MarkerKey = "search-terms-backfill";
    public const int BatchSize = 2_000;

    /// <returns>How many cases got their terms.</returns>
    public static async Task<int> RunAsync(AppDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        if (await db.Set<AppliedSeed>().AnyAsync(s => s.Key == MarkerKey, ct))
        {
            return 0;
        }

        var filled = 0;
        long after = 0;
        while (true)
        {
            var missing = await db.Cases.AsNoTracking()
                .Where(c => c.Id > after && (EF.Property<string?>(c, CaseConfiguration.SearchTermsShadow) == null
                    || EF.Property<string?>(c, CaseConfiguration.SearchTermsShadow) == string.Empty))
                .OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.Subject, c.Content, c.Address })
                .Take(BatchSize)
                .ToListAsync(ct);
            if (missing.Count == 0)
            {
                break;
            }

            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                foreach (var c in missing)
                {
                    var terms = SearchTerms.Of(c.Subject, c.Content, c.Address);
                    await db.Cases.Where(x => x.Id == c.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => EF.Property<string?>(x, CaseConfiguration.SearchTermsShadow), terms), ct);
                }

                await transaction.CommitAsync(ct);
            }

            filled += missing.Count;
            after = missing[^1].Id;
        }

        db.Set<AppliedSeed>().Add(new AppliedSeed(MarkerKey, nowUtc));
        await db.SaveChangesAsync(ct);
        return filled;
    }
}
