using GrievanceDesk.Application.ReferenceData;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.ReferenceData;

namespace GrievanceDesk.Application.Cases;

/// <summary>Where routing sends a new case: the rule, the unit (after the conflict guard), its ancestry, and the cadre auto-assign picks.</summary>
public sealed record RoutePlan(int RuleId, int UnitId, IReadOnlyList<int> UnitAncestry, string? Note, string? Cadre);

/// <summary>
/// Routing on intake (docs/product.md §3): the most specific rule wins; a hit dispatches at once, with the conflict guard sending
/// a case about unit U to U's parent instead, then auto-assigns where the unit does; a miss leaves the case in the
/// dispatcher queue. Only a case waiting in the queue is routed. Planned from the reference-data snapshot and the
/// cadres' open load before the case is written (<see cref="PlanAsync"/>), applied to the new case in memory (<see cref="Apply"/>).
/// </summary>
public sealed class CaseRouter(IReferenceData reference, Dispatch.AutoAssignment autoAssignment)
{
    public async Task RouteAsync(Case @case, CaseContext ctx, CancellationToken ct) =>
        Apply(@case, await PlanAsync(@case.CategoryId, @case.RegionId, @case.RespondentUnitId, ct), ctx);

    /// <summary>The routing of a case with this category, region and respondent unit; null when no rule applies.</summary>
    public async Task<RoutePlan?> PlanAsync(int categoryId, int regionId, int? respondentUnitId, CancellationToken ct)
    {
        var snapshot = await reference.GetAsync(ct);
        var rule = RoutingRuleMatcher.Match(snapshot.ActiveRoutingRules, Tree.Ancestry(categoryId, snapshot.CategoryParents), Tree.Ancestry(regionId, snapshot.RegionParents));
        if (rule is null)
        {
            return null;
        }

        if (ConflictGuard.Redirect(respondentUnitId, rule.UnitId, snapshot.UnitAncestry(rule.UnitId), snapshot.UnitParentOf) is not { } target)
        {
            return null;
        }

        return new RoutePlan(rule.Id, target, snapshot.UnitAncestry(target), target == rule.UnitId ? null : "回避：被反映单位及其下级不办理本件，转其上级单位",
            await autoAssignment.CadreFor(target, ct));
    }

    /// <summary>Dispatches (and assigns) a case still waiting in the queue as planned.</summary>
    public static void Apply(Case @case, RoutePlan? plan, CaseContext ctx)
    {
        if (plan is null || !@case.IsAwaitingDispatch)
        {
            return; // no rule; or a repeat merged into the case being handled, or a consultation answered on the spot
        }

        @case.Dispatch(plan.UnitId, plan.UnitAncestry, plan.RuleId, plan.Note, ctx);
        if (plan.Cadre is { } cadre)
        {
            @case.Assign(cadre, ctx);
        }
    }
}
