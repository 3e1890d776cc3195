using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.ReferenceData;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.Cases;

/// <summary>
/// Loading a case to change it and saving it with its outbox: what the case-command pipeline, intake and the audited
/// reveal share.
/// </summary>
public sealed class CaseStore(
    IAppDbContext db,
    ICurrentUser user,
    IReferenceData reference,
    ICaseNotifier notifier,
    Partners.PartnerWebhooks webhooks,
    TimeProvider clock)
{
    /// <summary>The If-Match precondition: a write over a version the caller has not seen is a 409.</summary>
    public static void EnsureVersion(Case @case, int? expectedVersion)
    {
        if (expectedVersion is { } expected && expected != @case.Version)
        {
            throw new ConflictException("concurrency-conflict",
                $"案件已被他人修改（当前版本 {@case.Version}，提交版本 {expected}），请刷新后重试 (the case changed since you loaded it).");
        }
    }

    /// <summary>Loads a case with the children its commands read; the timeline is appended to without loading it.</summary>
    public async Task<Case> LoadForWrite(long caseId, CancellationToken ct) =>
        await db.Cases
            .Include(c => c.Complainants)
            .Include(c => c.Feedback)
            .Include(c => c.Extensions)
            .Include(c => c.Pauses)
            .Include(c => c.ReturnVisits)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == caseId, ct)
        ?? throw new NotFoundException("案件", caseId);

    public async Task<CaseContext> ContextFor(Case @case, CancellationToken ct) =>
        await ContextFor(@case.SlaPolicyId, ct);

    /// <summary>Now, the caller, the working calendar and the terms of the SLA policy; every action permitted (narrow it with <see cref="CaseContext.Permitting"/>).</summary>
    public async Task<CaseContext> ContextFor(int slaPolicyId, CancellationToken ct)
    {
        var snapshot = await reference.GetAsync(ct);
        var policy = snapshot.SlaPolicies.Single(p => p.Id == slaPolicyId);
        return new CaseContext(clock.GetUtcNow().UtcDateTime, Actor, snapshot.Calendar, policy.Terms);
    }

    public Actor Actor => new(user.UserName, user.DisplayName, user.UnitId);

    /// <summary>
    /// Queues the case's notifications, and the webhook deliveries to the partner that logged it, and saves, in the
    /// command's transaction. (A new case has no partner yet: partner intake queues its first events itself.)
    /// </summary>
    public async Task Save(Case @case, CancellationToken ct)
    {
        if (@case.Id == 0)
        {
            await db.SaveChangesAsync(ct); // the outbox rows carry the case id
        }
        else
        {
            var loadedCount = db.ChangeTracker.Entries<Case>().Single(e => e.Entity == @case).Property(c => c.TimelineCount).OriginalValue;
            await webhooks.EnqueueAsync(@case, @case.Timeline.Where(t => t.Sequence > loadedCount), ct);
        }

        await notifier.EnqueueAsync(@case, ct);
        await db.SaveChangesAsync(ct);
    }
}
