using GrievanceDesk.Application.Notifications;
using GrievanceDesk.Infrastructure.Persistence;

namespace GrievanceDesk.Infrastructure.Outbox;

/// <summary>Adds outbox rows to the request's DbContext without saving: they commit with the change, or not at all.</summary>
internal sealed class EfOutbox(AppDbContext db, TimeProvider clock) : IOutbox
{
    public void Enqueue(OutboxEntry entry) => db.OutboxMessages.Add(OutboxMessage.Create(entry, clock.GetUtcNow().UtcDateTime));
}
