using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.ReferenceData;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Common;
using GrievanceDesk.Domain.ReferenceData;
using GrievanceDesk.Domain.Sla;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.Cases;

/// <summary>
/// The one path every case command takes: load the aggregate, check the caller's right to act, build the context
/// (now, actor, calendar, the case's SLA terms), let the aggregate change itself, queue its notifications, save.
/// Handlers say only which action and what change; they hold no rule of the case.
/// </summary>
public sealed class CaseWorkbench(
    IAppDbContext db,
    ICurrentUser user,
    IReferenceData reference,
    ICaseNotifier notifier,
    CaseReader reader,
    Partners.PartnerWebhooks webhooks,
    TimeProvider clock)
{
    public async Task<CaseDetailDto> Change(long caseId, int? expectedVersion, CaseAction action, Action<Case, CaseContext> change, CancellationToken ct) =>
        await Change(caseId, expectedVersion, action, (c, ctx) =>
        {
            change(c, ctx);
            return Task.CompletedTask;
        }, ct);

    public async Task<CaseDetailDto> Change(long caseId, int? expectedVersion, CaseAction action, Func<Case, CaseContext, Task> change, CancellationToken ct)
    {
        var @case = await LoadForWrite(caseId, ct);
        CasePermissions.Ensure(user, action, @case.Id, @case.UnitId);
        EnsureVersion(@case, expectedVersion);

        var ctx = await ContextFor(@case, ct);
        await change(@case, ctx);
        await Save(@case, ct);
        return await reader.Detail(@case.Id, answersOwnWrite: true, ct);
    }

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

    /// <summary>A unit and its ancestors, for the conflict guard.</summary>
    public async Task<(IReadOnlyList<int> Ancestry, Func<int, int?> ParentOf)> UnitTree(int unitId, CancellationToken ct)
    {
        var parents = (await reference.GetAsync(ct)).UnitParents;
        return (Tree.Ancestry(unitId, parents), id => parents.GetValueOrDefault(id));
    }

    /// <summary>The responsible unit of <paramref name="holder"/> and its ancestors (empty while it has none), for the conflict guard.</summary>
    public async Task<IReadOnlyList<int>> UnitAncestryOf(Case holder, CancellationToken ct) =>
        holder.UnitId is { } unitId ? (await UnitTree(unitId, ct)).Ancestry : [];

    /// <summary>
    /// 自动分派: a unit with auto-assign gives the case to its cadre with the fewest open cases (ties by user name);
    /// otherwise the unit leader assigns.
    /// </summary>
    public async Task AutoAssign(Case @case, IUserDirectory users, CaseContext ctx, CancellationToken ct)
    {
        if (@case.UnitId is { } unitId && await CadreFor(unitId, users, ct) is { } chosen)
        {
            @case.Assign(chosen, ctx);
        }
    }

    /// <summary>
    /// The cadre auto-assign would choose in the unit (the fewest open cases, ties by user name), or null when the unit
    /// does not auto-assign or has no cadre. The open load is counted on the (UnitId, Status, CadreUserName) index: one
    /// seek per open status, the closed cases never read.
    /// </summary>
    public async Task<string?> CadreFor(int unitId, IUserDirectory users, CancellationToken ct)
    {
        if (!(await reference.GetAsync(ct)).UnitsById.TryGetValue(unitId, out var unit) || !unit.AutoAssign)
        {
            return null;
        }

        var cadres = await users.UserNamesInRoleAsync(Roles.Cadre, unitId, ct);
        if (cadres.Count == 0)
        {
            return null;
        }

        var load = await db.Cases.Where(CaseStates.Open)
            .Where(c => c.UnitId == unitId && c.CadreUserName != null && cadres.Contains(c.CadreUserName))
            .GroupBy(c => c.CadreUserName!)
            .Select(g => new { Cadre = g.Key, Open = g.Count() })
            .ToDictionaryAsync(x => x.Cadre, x => x.Open, ct);
        return cadres.OrderBy(c => load.GetValueOrDefault(c)).ThenBy(c => c, StringComparer.Ordinal).First();
    }

    /// <summary>The policy for a new case: its track (by channel), category (inherited up the tree) and urgency.</summary>
    public async Task<SlaPolicy> PolicyFor(Channel channel, int categoryId, Urgency urgency, CancellationToken ct)
    {
        var snapshot = await reference.GetAsync(ct);
        return SlaPolicySelector.Select(snapshot.SlaPolicies.Where(p => p.IsActive), SlaTrackDefaults.For(channel), Tree.Ancestry(categoryId, snapshot.CategoryParents), urgency);
    }
}
