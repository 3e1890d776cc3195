using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.Cases;

/// <summary>
/// Routing on intake (SPEC §3): the most specific rule wins; a hit dispatches at once, with the conflict guard sending
/// a case about unit U to U's parent instead, then auto-assigns where the unit does; a miss leaves the case in the
/// dispatcher queue. Only a case waiting in the queue is routed.
/// </summary>
public sealed class CaseRouter(IAppDbContext db, CaseWorkbench workbench, IUserDirectory users)
{
    public async Task RouteAsync(Case @case, CaseContext ctx, CancellationToken ct)
    {
        if (!@case.IsAwaitingDispatch)
        {
            return; // a repeat merged into the case being handled, or a consultation answered on the spot
        }

        var rules = await db.RoutingRules.AsNoTracking().Where(r => r.IsActive).ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.ParentId, ct);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.ParentId, ct);
        var rule = RoutingRuleMatcher.Match(rules, Tree.Ancestry(@case.CategoryId, categories), Tree.Ancestry(@case.RegionId, regions));
        if (rule is null)
        {
            return;
        }

        var (proposed, parentOf) = await workbench.UnitTree(rule.UnitId, ct);
        if (ConflictGuard.Redirect(@case.RespondentUnitId, rule.UnitId, proposed, parentOf) is not { } target)
        {
            return;
        }

        var (ancestry, _) = await workbench.UnitTree(target, ct);
        @case.Dispatch(target, ancestry, rule.Id, target == rule.UnitId ? null : "回避：被反映单位及其下级不办理本件，转其上级单位", ctx);
        await workbench.AutoAssign(@case, users, ctx, ct);
    }
}
