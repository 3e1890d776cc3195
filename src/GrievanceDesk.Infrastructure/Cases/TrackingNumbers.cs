using System.Security.Cryptography;
using GrievanceDesk.Application.Cases;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Infrastructure.Cases;

/// <summary>The per-day counter behind tracking numbers.</summary>
public sealed class TrackingCounter
{
    public DateOnly Day { get; set; }
    public int Last { get; set; }
}

internal sealed class TrackingNumbers(AppDbContext db) : ITrackingNumbers
{
    public async Task<string> NextAsync(DateOnly day, CancellationToken ct)
    {
        // The UPDATE takes the write lock (SQLite) or the row lock (SQL Server) for the rest of the transaction,
        // so the value read next is ours alone.
        var updated = await db.TrackingCounters.Where(c => c.Day == day)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, c => c.Last + 1), ct);
        int number;
        if (updated == 0)
        {
            // First case of the day. A racing first insert on another instance fails on the primary key and the
            // command is refused with a conflict; the client's retry (same Idempotency-Key) then succeeds.
            db.TrackingCounters.Add(new TrackingCounter { Day = day, Last = 1 });
            await db.SaveChangesAsync(ct);
            number = 1;
        }
        else
        {
            number = await db.TrackingCounters.Where(c => c.Day == day).Select(c => c.Last).SingleAsync(ct);
        }

        return $"GD{day:yyyyMMdd}-{number:D4}";
    }

    /// <summary>Six digits from a cryptographic generator: guessing one for a known tracking number is a 1-in-a-million shot, and tracking is rate limited.</summary>
    public string NewQueryCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}
