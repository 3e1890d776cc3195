using GrievanceDesk.Application.Cases;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Infrastructure.Cases;

/// <summary>An intake's Idempotency-Key and the case it created. The key is the primary key: a second insert fails.</summary>
public sealed class IdempotencyRecord
{
    public string Key { get; set; } = string.Empty;
    public long CaseId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class IdempotencyKeys(AppDbContext db) : IIdempotencyKeys
{
    public async Task<long?> FindCaseAsync(string key, CancellationToken ct) =>
        await db.IdempotencyRecords.AsNoTracking().Where(r => r.Key == key).Select(r => (long?)r.CaseId).SingleOrDefaultAsync(ct);

    public void Remember(string key, long caseId, DateTime atUtc) =>
        db.IdempotencyRecords.Add(new IdempotencyRecord { Key = key, CaseId = caseId, CreatedAtUtc = atUtc });
}
