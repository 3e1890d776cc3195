using GrievanceDesk.Application.Cases;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Infrastructure.Cases;

/// <summary>An attachment's content, kept in the database (durable state lives in the database on every instance).</summary>
public sealed class AttachmentBlob
{
    public string Key { get; set; } = string.Empty;
    public byte[] Content { get; set; } = [];
    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class AttachmentStore(AppDbContext db, TimeProvider clock) : IAttachmentStore
{
    public Task<string> SaveAsync(byte[] content, CancellationToken ct)
    {
        var key = Guid.NewGuid().ToString("N");
        db.Add(new AttachmentBlob { Key = key, Content = content, CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
        return Task.FromResult(key);
    }

    public async Task<byte[]?> ReadAsync(string key, CancellationToken ct) =>
        await db.Set<AttachmentBlob>().AsNoTracking().Where(b => b.Key == key).Select(b => b.Content).SingleOrDefaultAsync(ct);
}
